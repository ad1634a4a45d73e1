"""A member's time zone from what they type or share, and a zone's name as people read it.

What is understood, in this order:

- an IANA zone id in any case ('Europe/Lisbon', 'america/new_york'), and 'UTC' or 'GMT';
- a city of over 15,000 people by any of its usual names, with or without accents, 'St.' or
  'Saint' ('Zürich', 'Sao Paulo', 'Munich', 'München', 'St Louis'), optionally followed by its
  country or US state, after a comma or not ('Portland, Oregon', 'Portland OR', 'London UK',
  'Paris, France');
- a country or US state on its own ('Portugal', 'Oregon'): its most populous city in each zone;
- failing all that, a name one or two letters off ('Seatle'), only ever offered as a guess.

A name that leads to one zone is a ``ZoneFound``; one that leads to several (Portland, Oregon
and Portland, Maine) is a ``ZoneOptions`` to ask about, most populous first. A city's other
names ('Lisboa', 'Bombay', 'NYC') count, but not over a city that has the name as its main
one unless they belong to a far larger city (see ``_exact``).

The data is read from a small file on first use (about 0.3 s and 6 MB, see bench/places.py);
timezonefinder is loaded on the first shared location.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.rules.gazetteer import Area, Gazetteer, fold, gazetteer

if TYPE_CHECKING:
    from timezonefinder import TimezoneFinder

MAX_PLACE_TEXT = 100
"""Longer answers are not a place (GeoNames' longest city name has 58 characters)."""
MAX_OPTIONS = 6
MAX_QUALIFIER_WORDS = 8
ALTERNATE_NAME_FACTOR = 10
GUESS_MIN_POPULATION = 100_000
_UTC_NAMES = frozenset({"utc", "gmt", "z"})
_MINUS = "\N{MINUS SIGN}"


@dataclass(frozen=True, slots=True)
class ZoneFound:
    """The zone, and the city it was read from ('Porto, Portugal'; for a country or state its
    largest city), or None when a zone id or UTC was typed."""

    zone: str
    place: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceOption:
    """One answer to 'which one did you mean?': a label to show and the zone it stands for."""

    label: str
    zone: str


@dataclass(frozen=True, slots=True)
class ZoneOptions:
    """Places in different zones to choose from; ``guessed`` when the name was misspelt."""

    options: tuple[PlaceOption, ...]
    guessed: bool = False


ZoneAnswer = ZoneFound | ZoneOptions | None


def find_time_zone(text: str) -> ZoneAnswer:
    """The zone a member means by what they typed, the places to choose from, or None."""
    if len(text) > MAX_PLACE_TEXT:
        return None
    zone = _zone_id(text)
    if zone is not None:
        return ZoneFound(zone)
    head, *rest = text.split(",")
    place = fold(head)
    if not place:
        return None
    if place in _UTC_NAMES and not rest:
        return ZoneFound("UTC")
    qualifiers = _comma_qualifiers(rest)
    if qualifiers is None:
        return None
    places = gazetteer()
    readings = list(_readings(places, place.split(), qualifiers))
    for name, areas in readings:
        found = _exact(places, name, areas)
        if found:
            return _answer(places, found, guessed=False)
    for name, areas in readings:
        guesses = _guesses(places, name, areas)
        if guesses:
            return _answer(places, guesses, guessed=True)
    return None


def time_zone_at(latitude: float, longitude: float) -> str | None:
    """The zone of a point (the chat's 'Share location'); None for impossible coordinates.

    Points at sea get the nautical zone ('Etc/GMT+2').
    """
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None  # also NaN
    return _zone_finder().timezone_at(lat=latitude, lng=longitude)


def zone_label(zone: str, at: datetime) -> str:
    """'Los Angeles (UTC-8)', 'Kolkata (UTC+5:30)', 'UTC': the zone and its offset at ``at``
    (negative offsets with a real minus sign, U+2212).

    ``at`` must be an aware instant: the offset is the one in force then (daylight saving).
    """
    if at.tzinfo is None:
        raise ValueError("zone_label needs an aware datetime")
    offset = at.astimezone(ZoneInfo(zone)).utcoffset()
    assert offset is not None
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else _MINUS
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")
    if zone == "UTC" or zone.startswith("Etc/"):
        return "UTC" if minutes == 0 else utc
    return f"{_zone_city(zone)} ({utc})"


def _zone_city(zone: str) -> str:
    """'America/Argentina/Buenos_Aires' → 'Buenos Aires'."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


@cache
def _zone_finder() -> TimezoneFinder:
    from timezonefinder import TimezoneFinder  # loaded on first use: ~8 MB

    return TimezoneFinder()


@cache
def _zone_ids() -> dict[str, str]:
    """Zone ids as typed (any case, spaces for underscores) → the id."""
    ids = {zone for zone in available_timezones() if "/" in zone} | {"UTC"}
    return {_zone_id_key(zone): zone for zone in ids}


def _zone_id_key(text: str) -> str:
    return "_".join(text.split()).casefold()


def _zone_id(text: str) -> str | None:
    return _zone_ids().get(_zone_id_key(text)) if "/" in text else None


def _comma_qualifiers(parts: Sequence[str]) -> list[tuple[Area, ...]] | None:
    """The areas named after commas ('Portland, Oregon, US'); None if one is not an area."""
    qualifiers: list[tuple[Area, ...]] = []
    for part in parts:
        words = fold(part).split()
        if not words:
            continue
        chain = _qualifier_chain(gazetteer(), words)
        if chain is None:
            return None
        qualifiers.extend(chain)
    return qualifiers


def _qualifier_chain(places: Gazetteer, words: list[str]) -> list[tuple[Area, ...]] | None:
    """Words that are all countries or US states ('oregon us'), longest names first."""
    if not words:
        return []
    if len(words) > MAX_QUALIFIER_WORDS:
        return None
    for size in range(len(words), 0, -1):
        areas = places.areas(" ".join(words[-size:]))
        if areas:
            rest = _qualifier_chain(places, words[:-size])
            if rest is not None:
                return [*rest, areas]
    return None


def _readings(
    places: Gazetteer, words: list[str], qualifiers: list[tuple[Area, ...]]
) -> Iterable[tuple[str, list[tuple[Area, ...]]]]:
    """The whole text as a name, then with trailing countries or states read as qualifiers."""
    yield " ".join(words), qualifiers
    for size in range(1, min(len(words) - 1, MAX_QUALIFIER_WORDS) + 1):
        chain = _qualifier_chain(places, words[-size:])
        if chain is not None:
            yield " ".join(words[:-size]), [*chain, *qualifiers]


def _within(area: Area, qualifiers: list[tuple[Area, ...]]) -> bool:
    return all(any(q.contains(area) for q in options) for options in qualifiers)


def _exact(places: Gazetteer, name: str, qualifiers: list[tuple[Area, ...]]) -> list[int]:
    """Cities by that name, and the cities standing for a country or state by that name, most
    populous first.

    A city reached by an alternate name ('Sidney' for Buckeye, Arizona) counts only when it is
    ten times as populous as any city that has the name as its main one or, when there is none,
    within a tenth of the most populous candidate.
    """
    represented = [
        city
        for area in places.areas(name)
        if _within(area, qualifiers)
        for city in places.representatives(area)
    ]
    main: list[int] = []
    alternate: list[int] = []
    for match in places.matches(name):
        if _within(places.area_of(match.city), qualifiers):
            (alternate if match.weak else main).append(match.city)
    if main:
        floor = places.population[main[0]] * ALTERNATE_NAME_FACTOR
    else:
        floor = max((places.population[c] for c in (*alternate, *represented)), default=0)
        floor //= ALTERNATE_NAME_FACTOR
    kept = (city for city in alternate if places.population[city] >= floor)
    return sorted({*represented, *main, *kept})


@cache
def _guessable() -> tuple[int, list[str], list[int]]:
    """How many cities a misspelt name may lead to, their folded main names, and those names'
    key numbers."""
    places = gazetteer()
    cities = sum(1 for population in places.population if population >= GUESS_MIN_POPULATION)
    return cities, *places.main_names(cities)


def _guesses(places: Gazetteer, name: str, qualifiers: list[tuple[Area, ...]]) -> list[int]:
    """Cities of over GUESS_MIN_POPULATION whose main name is one letter off (two for names of
    eight letters or more), closest first."""
    if len(name) < 4:
        return []
    cities, names, key_numbers = _guessable()
    close = process.extract(
        name,
        names,
        scorer=Levenshtein.distance,
        score_cutoff=1 if len(name) < 8 else 2,
        limit=None,
    )
    ranked: list[tuple[int, int]] = []
    for _name, distance, index in close:
        for match in places.matches_at(key_numbers[index]):
            big = match.city < cities and not match.weak
            if big and _within(places.area_of(match.city), qualifiers):
                ranked.append((int(distance), match.city))
    return [city for _, city in sorted(ranked)]


def _answer(places: Gazetteer, cities: list[int], *, guessed: bool) -> ZoneAnswer:
    zones = {places.zone(city) for city in cities}
    if len(zones) == 1 and not guessed:
        return ZoneFound(zones.pop(), places.label(cities[0]))
    return ZoneOptions(_options(places, cities), guessed)


def _options(places: Gazetteer, cities: list[int]) -> tuple[PlaceOption, ...]:
    """Up to MAX_OPTIONS distinct choices; a label shared by cities in different zones gets
    the zone's city added ('San Isidro, Philippines (Manila)')."""
    chosen: dict[tuple[str, str], None] = {}
    for city in cities:
        chosen.setdefault((places.label(city), places.zone(city)), None)
        if len(chosen) == MAX_OPTIONS:
            break
    labels = [label for label, _ in chosen]
    return tuple(
        PlaceOption(f"{label} ({_zone_city(zone)})" if labels.count(label) > 1 else label, zone)
        for label, zone in chosen
    )
