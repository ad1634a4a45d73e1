"""Which number a member should call in an emergency, read from their time zone.

A member's zone names their country (tzdata's ``zone.tab`` lists the country of every zone), and
the country its emergency number. 112 reaches the emergency services from any mobile phone in
the EU and in many other countries, so it is the answer wherever the table below has no entry.
A zone that names no country (UTC, say) gets the three numbers most members will know.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

EU_AND_GSM = "112"

# The countries whose number is not 112, where members of an English-speaking coach are likely.
NUMBERS: dict[str, str] = {
    "US": "911",
    "CA": "911",
    "MX": "911",
    "PR": "911",
    "PH": "911",
    "GB": "999",
    "HK": "999",
    "MY": "999",
    "SG": "995",
    "AU": "000",
    "NZ": "111",
    "JP": "119",
    "CN": "120",
    "BR": "192",
}


@dataclass(frozen=True)
class EmergencyNumber:
    """The number to give; `country` is None when the zone names no country."""

    number: str
    country: str | None


@cache
def _countries() -> dict[str, str]:
    """IANA zone → ISO country code, from tzdata's zone.tab (and zone1970.tab's extra links)."""
    table = resources.files("tzdata").joinpath("zoneinfo", "zone.tab").read_text("utf-8")
    countries: dict[str, str] = {}
    for line in table.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _coordinates, zone, *_ = line.split("\t")
        countries[zone] = code
    return countries


def country_of(zone: ZoneInfo) -> str | None:
    """The ISO 3166 code of the country `zone` belongs to, if it names one."""
    return _countries().get(zone.key)


def emergency_number(zone: ZoneInfo) -> EmergencyNumber:
    """The emergency number for a member in `zone`."""
    country = country_of(zone)
    if country is None:
        return EmergencyNumber(EU_AND_GSM, None)
    return EmergencyNumber(NUMBERS.get(country, EU_AND_GSM), country)
