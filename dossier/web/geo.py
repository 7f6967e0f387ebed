"""The story map: bundled country outlines and places, drawn as one inline SVG.

Outlines are Natural Earth 1:110m countries shipped in ``static/world.geojson``
(built by scripts/build_world.py), so the map works offline with no tiles. The
projection is equirectangular (x = lon + 180, y = 90 - lat, in degrees): good
enough at country scale, and the view box zooms onto the story's places.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from dossier.web.schemas import PlaceOut

# Degrees of margin around the places; and the smallest box, so one city is not a dot.
MARGIN = 6.0
MIN_SPAN = 24.0
MAX_LABELS = 10  # names drawn on the map; every place is named in the list beside it
# The map fits the places that carry this share of the story's located mentions, most
# mentioned first: one stray mention on another continent must not zoom out to the world.
CORE_MENTION_SHARE = 0.9
MAP_PIXELS = 500  # the map's drawn width, for the precision of its outlines


@dataclass(frozen=True)
class Country:
    name: str
    iso_a3: str
    rings: tuple[tuple[tuple[float, float], ...], ...]  # outline rings in projected units
    bounds: tuple[float, float, float, float]  # x0, y0, x1, y1 in projected units
    path: str = ""  # SVG path data, drawn for one view (see ``drawn``)

    def drawn(self, tolerance: float) -> Country:
        """The outline as SVG path data with points closer than ``tolerance`` dropped and
        coordinates rounded to it: a world view needs far fewer digits than a city view."""
        digits = max(0, min(3, -math.floor(math.log10(tolerance)))) if tolerance > 0 else 3
        unit = 10.0 ** -digits
        parts = []
        for ring in self.rings:
            kept = [ring[0]]
            for x, y in ring[1:-1]:
                if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= tolerance:
                    kept.append((x, y))
            if len(kept) < 3:
                continue
            # relative moves ("l dx,dy") on the rounded grid: short numbers, no drift
            grid = [(round(x / unit), round(y / unit)) for x, y in kept]
            steps = [f"{(b[0] - a[0]) * unit:.{digits}f},{(b[1] - a[1]) * unit:.{digits}f}"
                     for a, b in zip(grid, grid[1:], strict=False)]
            start = f"{grid[0][0] * unit:.{digits}f},{grid[0][1] * unit:.{digits}f}"
            parts.append(f"M{start}l{' '.join(steps)}Z")
        return replace(self, path="".join(parts))

    def meets(self, box: tuple[float, float, float, float]) -> bool:
        """Whether the outline can show in a view box (x, y, width, height)."""
        x, y, w, h = box
        return self.bounds[0] < x + w and x < self.bounds[2] \
            and self.bounds[1] < y + h and y < self.bounds[3]


@dataclass
class Pin:
    x: float
    y: float
    place: int  # index into MapView.places
    label: str | None  # text-anchor of its name ("start": right of the pin); None: not drawn


@dataclass
class MapView:
    countries: list[Country]
    view_box: str
    places: list[PlaceOut]  # every place of the story, in the order it is listed
    pins: list[Pin]  # located places below country level
    highlighted: dict[str, int]  # iso_a3 of each country the story mentions → its place
    marker: float  # marker radius in view-box units, so markers look alike at any zoom
    outside: int = 0  # located places left off the fitted map (still in the list)


def project(lon: float, lat: float) -> tuple[float, float]:
    return lon + 180.0, 90.0 - lat


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country outline as an SVG path (loaded once per process)."""
    raw = (resources.files("dossier.web") / "static" / "world.geojson").read_text("utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        rings = []
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                rings.append(tuple(project(lon, lat) for lon, lat in ring))
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        props = feature["properties"]
        out.append(Country(props["name"], props.get("iso_a3") or "", tuple(rings),
                           (min(xs), min(ys), max(xs), max(ys))))
    return tuple(out)


def core_places(located: list[tuple[int, PlaceOut]]) -> list[tuple[int, PlaceOut]]:
    """The most mentioned located places that together carry CORE_MENTION_SHARE of the
    located mentions: what the map is fitted to."""
    ranked = sorted(located, key=lambda ip: -max(ip[1].mentions, 1))
    total = sum(max(p.mentions, 1) for _, p in ranked)
    core, covered = [], 0
    for i, p in ranked:
        if core and covered >= CORE_MENTION_SHARE * total:
            break
        core.append((i, p))
        covered += max(p.mentions, 1)
    return core


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
    """Zoom onto the located places; the whole world when nothing is located.

    A country the story names is shaded (and clickable) rather than pinned: a pin at a
    country's reference point would sit on its capital's pin and name.
    """
    located = [(i, p) for i, p in enumerate(places) if p.lat is not None and p.lon is not None]
    xy = [(*project(p.lon, p.lat), i) for i, p in located]  # type: ignore[arg-type]
    core = [project(p.lon, p.lat) for _, p in core_places(located)]  # type: ignore[arg-type]
    if core:
        xs, ys = [x for x, _ in core], [y for _, y in core]
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
    highlighted: dict[str, int] = {}  # a click on a country shows the country's own
    for i, p in enumerate(places):     # mentions, else its most mentioned place
        code = iso_a3(p.country)
        if code and (code not in highlighted
                     or (p.kind == "country" and places[highlighted[code]].kind != "country")):
            highlighted[code] = i
    marker = box[2] / 90

    def inside(x: float, y: float) -> bool:
        return box[0] <= x <= box[0] + box[2] and box[1] <= y <= box[1] + box[3]

    pins = [Pin(x, y, i, None) for x, y, i in xy if places[i].kind != "country" and inside(x, y)]
    outside = sum(1 for x, y, i in xy if places[i].kind != "country" and not inside(x, y))
    label_pins(pins, places, marker, box)
    # only the outlines the view shows: the page carries what it draws, not the world
    # drawn at about a pixel of a 500 px-wide map: finer detail is invisible and only weighs
    shown = [c.drawn(box[2] / MAP_PIXELS) for c in countries() if c.meets(box)]
    return MapView(countries=shown, view_box=" ".join(f"{v:.2f}" for v in box),
                   places=places, pins=pins, highlighted=highlighted, marker=marker,
                   outside=outside)


def label_pins(pins: list[Pin], places: list[PlaceOut], marker: float,
               view: tuple[float, float, float, float]) -> None:
    """Name the most-mentioned pins first, right or left of the pin, each only where its
    name stays inside the map and covers no other name."""
    size = marker * 2.4  # the template's font size
    dot = marker * 0.8  # a name may not cover another place's pin either
    dots = {id(p): (p.x - dot, p.y - dot, p.x + dot, p.y + dot) for p in pins}
    taken: list[tuple[float, float, float, float]] = []
    for pin in sorted(pins, key=lambda p: p.place)[:MAX_LABELS]:
        others = [d for key, d in dots.items() if key != id(pin)]
        width = len(places[pin.place].name) * size * 0.58
        top, bottom = pin.y - size * 0.75, pin.y + size * 0.35
        for anchor, x0 in (("start", pin.x + marker * 1.6), ("end", pin.x - marker * 1.6 - width)):
            box = (x0, top, x0 + width, bottom)
            if x0 < view[0] or x0 + width > view[0] + view[2]:
                continue
            if not any(box[0] < t[2] and t[0] < box[2] and box[1] < t[3] and t[1] < box[3]
                       for t in (*taken, *others)):
                taken.append(box)
                pin.label = anchor
                break
