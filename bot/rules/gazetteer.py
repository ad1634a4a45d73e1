"""A compact, read-only index of the world's cities for reading typed places.

The data (``data/places.tsv.gz``) is built from GeoNames by ``bot.rules.places_build``: every
city with more than 15,000 people, its name, country, US state, population and IANA zone, and
the names people may type for it. Cities are numbered from the most populous down, so a list of
city numbers in ascending order is already ranked by population.

Nothing here keeps a Python object per city or per name: names live in one string with an
``array`` of offsets and are found by binary search. Loaded once, on first use (a few MB).
"""

from __future__ import annotations

import gzip
import io
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "places.tsv.gz"

_DOTLESS_I = "\N{LATIN SMALL LETTER DOTLESS I}"
# Letters that do not decompose into a base letter and an accent.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", _DOTLESS_I: "i", "ħ": "h", "ŧ": "t", "ə": "e"})  # fmt: skip
_DROPPED = re.compile(
    "['`.\N{RIGHT SINGLE QUOTATION MARK}\N{MODIFIER LETTER APOSTROPHE}"
    "\N{MODIFIER LETTER TURNED COMMA}]"
)
_SEPARATORS = re.compile(r"[\W_]+")
_NEWLINE = re.compile("\n")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def fold(text: str) -> str:
    """The form a name is looked up by: no accents or case, words split on punctuation, and
    'St'/'Mt'/'Ft' spelled out, so 'Zürich', 'zurich', 'St. Louis' and 'Saint-Louis' all meet.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _DROPPED.sub("", bare.casefold().translate(_LETTERS))
    words = _SEPARATORS.sub(" ", plain).split()
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


class _Strings:
    """Many strings kept as one: the i-th is ``text[starts[i]:starts[i + 1] - 1]``."""

    def __init__(self, lines: bytearray) -> None:
        """From UTF-8 lines, each ending in a newline."""
        self._text = lines.decode("utf-8")
        self._starts = array("I", [0])
        self._starts.extend(match.end() for match in _NEWLINE.finditer(self._text))

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> str:
        return self._text[self._starts[index] : self._starts[index + 1] - 1]


@dataclass(frozen=True, slots=True)
class Area:
    """A country (``region`` 0) or one of its regions (a US state)."""

    country: int
    region: int = 0

    def contains(self, other: Area) -> bool:
        return self.country == other.country and self.region in (0, other.region)


@dataclass(frozen=True, slots=True)
class Match:
    """A city a name leads to; ``weak`` when it was one of the city's alternate names."""

    city: int
    weak: bool


class Gazetteer:
    """Cities, countries and US states, looked up by folded name."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        """From the data file's lines (see ``places_build``)."""
        self._countries: list[str] = []
        self._country_numbers: dict[bytes, int] = {}
        self._country_labels: list[str] = []
        self._region_labels: list[str] = [""]
        self._regions: dict[tuple[int, str], int] = {}
        self._areas: dict[str, tuple[Area, ...]] = {}
        self._zones: list[str] = []
        self._zone_numbers: dict[str, int] = {}
        self._city_country = array("H")
        self._city_region = array("H")
        self._city_zone = array("H")
        self.population = array("I")
        self._key_starts = array("I", [0])
        self._postings = array("I")
        names, keys = bytearray(), bytearray()
        readers: dict[bytes, Callable[[list[bytes]], None]] = {
            b"@countries": self._read_country,
            b"@regions": self._read_region,
            b"@cities": lambda fields: self._read_city(fields, names),
            b"@keys": lambda fields: self._read_key(fields, keys),
        }
        read = None
        for line in lines:
            if line.startswith(b"@"):
                read = readers[line.strip()]
            elif read is not None and not line.startswith(b"#"):
                read(line.rstrip(b"\n").split(b"\t"))
        self._names = _Strings(names)
        self._keys = _Strings(keys)
        self._representatives: dict[Area, tuple[int, ...]] = {}

    def _add_alias(self, alias: str, area: Area) -> None:
        self._areas[alias] = (*self._areas.get(alias, ()), area)

    def _read_country(self, fields: list[bytes]) -> None:
        code, label, aliases = (field.decode() for field in fields)
        area = Area(len(self._countries))
        self._country_numbers[code.encode()] = area.country
        self._countries.append(code)
        self._country_labels.append(label)
        for alias in aliases.split("|"):
            self._add_alias(alias, area)

    def _read_region(self, fields: list[bytes]) -> None:
        country_code, code, label, aliases = (field.decode() for field in fields)
        area = Area(self._country_numbers[country_code.encode()], len(self._region_labels))
        self._regions[(area.country, code)] = area.region
        self._region_labels.append(label)
        for alias in aliases.split("|"):
            self._add_alias(alias, area)

    def _read_city(self, fields: list[bytes], names: bytearray) -> None:
        name, country_code, region_code, population, zone = fields
        country = self._country_numbers[country_code]
        names += name + b"\n"
        self._city_country.append(country)
        self._city_region.append(self._regions.get((country, region_code.decode()), 0))
        self.population.append(int(population))
        number = self._zone_numbers.setdefault(zone.decode(), len(self._zones))
        if number == len(self._zones):
            self._zones.append(zone.decode())
        self._city_zone.append(number)

    def _read_key(self, fields: list[bytes], keys: bytearray) -> None:
        key, postings = fields
        keys += key + b"\n"
        self._postings.extend(map(int, postings.split()))
        self._key_starts.append(len(self._postings))

    def __len__(self) -> int:
        return len(self.population)

    def matches(self, key: str) -> list[Match]:
        """The cities a folded name leads to, most populous first."""
        index = bisect_left(self._keys, key)
        if index == len(self._keys) or self._keys[index] != key:
            return []
        return self.matches_at(index)

    def areas(self, key: str) -> tuple[Area, ...]:
        """The countries and US states a folded name stands for ('georgia' is both)."""
        return self._areas.get(key, ())

    def representatives(self, area: Area) -> tuple[int, ...]:
        """An area's most populous city in each of its zones, most populous first."""
        if area not in self._representatives:
            first_in_zone: dict[int, int] = {}
            places = zip(self._city_country, self._city_region, self._city_zone, strict=True)
            for city, (country, region, zone) in enumerate(places):  # most populous first
                if country == area.country and area.region in (0, region):
                    first_in_zone.setdefault(zone, city)
            self._representatives[area] = tuple(sorted(first_in_zone.values()))
        return self._representatives[area]

    def area_of(self, city: int) -> Area:
        """The city's US state, or its country elsewhere."""
        return Area(self._city_country[city], self._city_region[city])

    def zone(self, city: int) -> str:
        return self._zones[self._city_zone[city]]

    def label(self, city: int) -> str:
        """'Portland, Oregon, US', 'Porto, Portugal': what a member picks from."""
        region = self._region_labels[self._city_region[city]]
        country = self._country_labels[self._city_country[city]]
        return ", ".join(part for part in (self._names[city], region, country) if part)

    def main_names(self, cities: int) -> tuple[list[str], list[int]]:
        """The folded main names of the ``cities`` most populous cities, and their key numbers
        (the smaller list a misspelt name is compared with)."""
        names: list[str] = []
        numbers: list[int] = []
        starts, postings = self._key_starts, self._postings
        for index in range(len(self._keys)):
            # A main-name posting is even; postings run from the most populous city.
            main = (p for p in postings[starts[index] : starts[index + 1]] if not p & 1)
            if next(main, 2 * cities) < 2 * cities:
                names.append(self._keys[index])
                numbers.append(index)
        return names, numbers

    def matches_at(self, key_number: int) -> list[Match]:
        """The cities the ``key_number``-th folded name leads to, most populous first."""
        start, end = self._key_starts[key_number], self._key_starts[key_number + 1]
        return [Match(posting >> 1, bool(posting & 1)) for posting in self._postings[start:end]]


@cache
def gazetteer() -> Gazetteer:
    """The index, read from the data file the first time it is needed."""
    return Gazetteer(io.BytesIO(gzip.decompress(DATA_FILE.read_bytes())))
