"""The story map: bundled country outlines and places, drawn as one inline SVG.

Outlines are Natural Earth 1:110m countries shipped in ``static/world.geojson``
(built by scripts/build_world.py), so the map works offline with no tiles. The
projection is equirectangular (x = lon + 180, y = 90 - lat, in degrees): good
enough at country scale, and the view box zooms onto the story's places.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dossier.web.schemas import PlaceOut

# Degrees of margin around the places; and the smallest box, so one city is not a dot.
MARGIN = 6.0
MIN_SPAN = 24.0


@dataclass(frozen=True)
class Country:
    name: str
    iso_a3: str
    path: str  # SVG path data in projected units


@dataclass
class MapView:
    countries: list[Country]
    view_box: str
    points: list[tuple[float, float, PlaceOut]]  # projected x, y and the place
    highlighted: set[str]  # iso_a3 codes of countries the story mentions
    marker: float  # marker radius in view-box units, so markers look alike at any zoom


def project(lon: float, lat: float) -> tuple[float, float]:
    return lon + 180.0, 90.0 - lat


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country outline as an SVG path (loaded once per process)."""
    raw = (resources.files("dossier.web") / "static" / "world.geojson").read_text("utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        parts = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                xy = [project(lon, lat) for lon, lat in ring]
                parts.append("M" + "L".join(f"{x:.2f},{y:.2f}" for x, y in xy) + "Z")
        props = feature["properties"]
        out.append(Country(props["name"], props.get("iso_a3") or "", "".join(parts)))
    return tuple(out)


@lru_cache(maxsize=1)
def _alpha2_to_alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def iso_a3(code: str | None) -> str | None:
    """Places carry ISO alpha-2 (gazetteer) or alpha-3 codes; outlines are keyed by alpha-3."""
    if not code:
        return None
    code = code.upper()
    return _alpha2_to_alpha3().get(code) if len(code) == 2 else code


def map_view(places: list[PlaceOut]) -> MapView:
    """Zoom onto the located places; the whole world when nothing is located."""
    located = [p for p in places if p.lat is not None and p.lon is not None]
    points = [(*project(p.lon, p.lat), p) for p in located]  # type: ignore[arg-type]
    if points:
        xs, ys = [x for x, _, _ in points], [y for _, y, _ in points]
        x0, x1 = min(xs) - MARGIN, max(xs) + MARGIN
        y0, y1 = min(ys) - MARGIN, max(ys) + MARGIN
        if x1 - x0 < MIN_SPAN:
            mid = (x0 + x1) / 2
            x0, x1 = mid - MIN_SPAN / 2, mid + MIN_SPAN / 2
        # keep the map box at 2:1 so the page layout does not jump between stories
        width, height = x1 - x0, y1 - y0
        if width < 2 * height:
            mid = (x0 + x1) / 2
            x0, x1 = mid - height, mid + height
        else:
            mid = (y0 + y1) / 2
            y0, y1 = mid - width / 4, mid + width / 4
        box = (x0, y0, x1 - x0, y1 - y0)
    else:
        box = (0.0, 0.0, 360.0, 180.0)
    highlighted = {iso_a3(p.country) for p in places if p.country} - {None}
    return MapView(
        countries=list(countries()),
        view_box=" ".join(f"{v:.2f}" for v in box),
        points=points,
        highlighted=highlighted,  # type: ignore[arg-type]
        marker=box[2] / 90,
    )
