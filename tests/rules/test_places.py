"""A member's time zone from a place they type or share, and zone labels people can read."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest

from bot.rules.gazetteer import fold, gazetteer
from bot.rules.places import (
    MAX_OPTIONS,
    PlaceOption,
    ZoneAnswer,
    ZoneFound,
    ZoneOptions,
    find_time_zone,
    time_zone_at,
    zone_label,
)
from bot.rules.typed_input import parse_time_zone

WINTER = datetime(2026, 1, 15, 12, tzinfo=UTC)
SUMMER = datetime(2026, 7, 15, 12, tzinfo=UTC)


def zone_of(answer: ZoneAnswer) -> str:
    assert isinstance(answer, ZoneFound), answer
    return answer.zone


def options_of(answer: ZoneAnswer) -> tuple[PlaceOption, ...]:
    assert isinstance(answer, ZoneOptions), answer
    return answer.options


FOUND = [
    ("Porto", "Europe/Lisbon"),
    ("Munich", "Europe/Berlin"),
    ("München", "Europe/Berlin"),
    ("Seattle", "America/Los_Angeles"),
    ("Zürich", "Europe/Zurich"),
    ("zurich", "Europe/Zurich"),
    ("São Paulo", "America/Sao_Paulo"),
    ("sao paulo", "America/Sao_Paulo"),
    ("Lisboa", "Europe/Lisbon"),
    ("Cologne", "Europe/Berlin"),
    ("Bombay", "Asia/Kolkata"),
    ("NYC", "America/New_York"),
    ("New York", "America/New_York"),
    ("Kathmandu", "Asia/Kathmandu"),
    ("St. Louis, Missouri", "America/Chicago"),
    ("Saint Louis MO", "America/Chicago"),
    ("St Petersburg, Russia", "Europe/Moscow"),
    ("Portland, Oregon", "America/Los_Angeles"),
    ("Portland OR", "America/Los_Angeles"),
    ("Portland, ME", "America/New_York"),
    ("Portland Oregon US", "America/Los_Angeles"),
    ("Paris, France", "Europe/Paris"),
    ("Paris, Texas", "America/Chicago"),
    ("London UK", "Europe/London"),
    ("London, England", "Europe/London"),
    ("London, Canada", "America/Toronto"),
    ("Washington DC", "America/New_York"),
    ("Germany", "Europe/Berlin"),
    ("Hawaii", "Pacific/Honolulu"),
    ("Europe/Lisbon", "Europe/Lisbon"),
    ("europe/lisbon", "Europe/Lisbon"),
    ("America/New York", "America/New_York"),
    ("UTC", "UTC"),
    ("gmt", "UTC"),
]


@pytest.mark.parametrize(("typed", "zone"), FOUND, ids=[typed for typed, _ in FOUND])
def test_a_place_in_one_zone_gives_that_zone(typed: str, zone: str) -> None:
    assert zone_of(find_time_zone(typed)) == zone


def test_the_place_read_is_named_with_its_country() -> None:
    assert find_time_zone("porto") == ZoneFound("Europe/Lisbon", "Porto, Portugal")


def test_a_zone_id_names_no_place() -> None:
    assert find_time_zone("Europe/Lisbon") == ZoneFound("Europe/Lisbon")


def test_cities_sharing_a_name_are_offered_most_populous_first() -> None:
    assert options_of(find_time_zone("Portland"))[:2] == (
        PlaceOption("Portland, Oregon, US", "America/Los_Angeles"),
        PlaceOption("Portland, Maine, US", "America/New_York"),
    )


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Boston", "Boston, Massachusetts, US"),
        ("San Francisco", "San Francisco, California, US"),
        ("Paris", "Paris, France"),
        ("London", "London, UK"),
    ],
)
def test_the_best_known_city_of_a_shared_name_comes_first(typed: str, first: str) -> None:
    assert options_of(find_time_zone(typed))[0].label == first


def test_a_country_with_several_zones_offers_its_largest_city_in_each() -> None:
    assert [option.zone for option in options_of(find_time_zone("Portugal"))] == [
        "Europe/Lisbon",
        "Atlantic/Madeira",
        "Atlantic/Azores",
    ]


def test_a_name_that_is_a_country_and_a_us_state_offers_both() -> None:
    labels = [option.label for option in options_of(find_time_zone("Georgia"))]
    assert labels[:2] == ["Tbilisi, Georgia", "Atlanta, Georgia, US"]


def test_options_are_few_and_each_label_is_distinct() -> None:
    options = options_of(find_time_zone("Springfield"))
    assert len(options) == MAX_OPTIONS
    assert len({option.label for option in options}) == len(options)


def test_an_alternate_name_of_a_smaller_city_does_not_crowd_out_the_main_one() -> None:
    labels = [option.label for option in options_of(find_time_zone("Sidney"))]
    assert labels == ["Sydney, Australia", "Sidney, Ohio, US"]  # not Buckeye, Arizona


def test_a_misspelt_city_is_offered_as_a_guess() -> None:
    assert find_time_zone("Seatle") == ZoneOptions(
        (PlaceOption("Seattle, Washington, US", "America/Los_Angeles"),), guessed=True
    )


def test_a_misspelt_city_with_its_state_is_offered_as_a_guess() -> None:
    answer = find_time_zone("San Fransico, CA")
    assert isinstance(answer, ZoneOptions)
    assert answer.guessed
    assert answer.options[0].label == "San Francisco, California, US"


@pytest.mark.parametrize(
    "typed",
    [
        "Atlantis/Underwater",
        "qwzxv",
        "Paris, Germany",
        "Lisbon, Spain",
        "Portland, Oregn",
        "",
        "!!",
    ],
)
def test_what_is_no_place_is_not_understood(typed: str) -> None:
    assert find_time_zone(typed) is None


def test_every_city_label_leads_back_to_its_zone() -> None:
    places = gazetteer()
    for city in range(len(places)):
        answer = find_time_zone(places.label(city))
        zones = (
            {answer.zone}
            if isinstance(answer, ZoneFound)
            else {option.zone for option in options_of(answer)}
        )
        assert places.zone(city) in zones, places.label(city)


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Zürich", "zurich"),
        ("São Paulo", "sao paulo"),
        ("St. Louis", "saint louis"),
        ("Saint-Louis", "saint louis"),
        ("Mt. Pleasant", "mount pleasant"),
        ("København", "kobenhavn"),
        ("Straße", "strasse"),
        ("L.A.", "la"),
        ("  New   York ", "new york"),
        ("\N{MODIFIER LETTER TURNED COMMA}Ewa Beach", "ewa beach"),
    ],
)
def test_names_are_compared_without_accents_case_or_punctuation(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_parse_time_zone_takes_the_most_populous_of_a_shared_name() -> None:
    assert parse_time_zone("Portland") == "America/Los_Angeles"


def test_parse_time_zone_does_not_take_a_guess() -> None:
    assert parse_time_zone("Seatle") is None


@pytest.mark.parametrize(
    ("zone", "at", "label"),
    [
        ("America/Los_Angeles", WINTER, "Los Angeles (UTC\N{MINUS SIGN}8)"),
        ("America/Los_Angeles", SUMMER, "Los Angeles (UTC\N{MINUS SIGN}7)"),
        ("Europe/London", WINTER, "London (UTC+0)"),
        ("Europe/London", SUMMER, "London (UTC+1)"),
        ("Asia/Kolkata", WINTER, "Kolkata (UTC+5:30)"),
        ("Asia/Kathmandu", WINTER, "Kathmandu (UTC+5:45)"),
        ("America/St_Johns", WINTER, "St Johns (UTC\N{MINUS SIGN}3:30)"),
        ("America/Argentina/Buenos_Aires", WINTER, "Buenos Aires (UTC\N{MINUS SIGN}3)"),
        ("UTC", WINTER, "UTC"),
        ("Etc/GMT+2", WINTER, "UTC\N{MINUS SIGN}2"),
    ],
    ids=lambda value: value if isinstance(value, str) else value.strftime("%b"),
)
def test_a_zone_label_shows_its_offset_at_that_instant(zone: str, at: datetime, label: str) -> None:
    assert zone_label(zone, at) == label


def test_a_zone_label_needs_an_aware_instant() -> None:
    with pytest.raises(ValueError, match="aware"):
        zone_label("Europe/Lisbon", datetime(2026, 1, 15, 12))


@pytest.mark.parametrize(
    ("latitude", "longitude", "zone"),
    [
        (38.72, -9.14, "Europe/Lisbon"),
        (45.52, -122.68, "America/Los_Angeles"),
        (-33.87, 151.21, "Australia/Sydney"),
        (22.57, 88.36, "Asia/Kolkata"),
    ],
    ids=["Lisbon", "Portland", "Sydney", "Kolkata"],
)
def test_a_shared_location_gives_its_zone(latitude: float, longitude: float, zone: str) -> None:
    assert time_zone_at(latitude, longitude) == zone


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(91.0, 0.0), (0.0, 181.0), (math.nan, 0.0)], ids=str
)
def test_impossible_coordinates_give_no_zone(latitude: float, longitude: float) -> None:
    assert time_zone_at(latitude, longitude) is None
