"""Build the bundled world-countries outlines (dossier/web/static/world.geojson).

Why a script: the story map must work offline, without tiles, so the web pages draw
places on country outlines that ship inside the package. The outlines come from
Natural Earth's public-domain 1:110m "admin 0 countries" layer, as bundled in the
geopandas 0.14.4 wheel on PyPI (``geopandas/datasets/naturalearth_lowres``; the
dataset left geopandas in 1.0). The wheel is fetched with pip (PyPI only), read
from the zip in memory with pyshp, simplified (Douglas-Peucker), rounded to 0.01°
and written as a compact GeoJSON FeatureCollection.

Usage::

    pip install pyshp            # build-time only (the `assets` extra)
    python scripts/build_world.py [--wheel geopandas-0.14.4-py3-none-any.whl]
"""

from __future__ import annotations

import argparse
import io
import json
import math
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile  # pyshp

WHEEL = "geopandas==0.14.4"
LAYER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "dossier" / "web" / "static" / "world.geojson"

Point = tuple[float, float]


def fetch_wheel(folder: Path) -> Path:
    """Download the geopandas wheel (no dependencies) from PyPI into ``folder``."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", WHEEL, "-d", str(folder)],
        check=True,
    )
    return next(folder.glob("geopandas-*.whl"))


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative (rings of a few thousand points would blow the stack)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance_to_segment(ring[i], ring[first], ring[last])
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def rings_of(shape: shapefile.Shape) -> list[list[Point]]:
    bounds = list(shape.parts) + [len(shape.points)]
    return [
        [(float(x), float(y)) for x, y in shape.points[bounds[i] : bounds[i + 1]]]
        for i in range(len(shape.parts))
    ]


def build(wheel: Path, tolerance: float) -> dict:
    with zipfile.ZipFile(wheel) as z:
        reader = shapefile.Reader(
            shp=io.BytesIO(z.read(LAYER + ".shp")),
            shx=io.BytesIO(z.read(LAYER + ".shx")),
            dbf=io.BytesIO(z.read(LAYER + ".dbf")),
            # the .cpg sidecar names the .dbf encoding (Latin-1 here: "Côte d'Ivoire")
            encoding=z.read(LAYER + ".cpg").decode("ascii").strip() or "latin-1",
        )
        features = []
        for record, shape in zip(reader.records(), reader.shapes(), strict=True):
            polygons = []
            for ring in rings_of(shape):
                small = [(round(x, 2), round(y, 2)) for x, y in simplify(ring, tolerance)]
                if len(small) >= 4:
                    polygons.append([small])
            if polygons:
                attrs = record.as_dict()
                features.append(
                    {
                        "type": "Feature",
                        "properties": {"name": attrs["name"], "iso_a3": attrs["iso_a3"]},
                        "geometry": {"type": "MultiPolygon", "coordinates": polygons},
                    }
                )
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin 0 countries (public domain), via the "
        f"{WHEEL} wheel; simplified at {tolerance} degrees by scripts/build_world.py",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="a downloaded geopandas 0.14.x wheel")
    parser.add_argument("--tolerance", type=float, default=0.1, help="degrees")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        collection = build(wheel, args.tolerance)
    args.out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    points = sum(
        len(ring) for f in collection["features"] for poly in f["geometry"]["coordinates"]
        for ring in poly
    )
    print(f"{len(collection['features'])} countries, {points} points -> {args.out}")


if __name__ == "__main__":
    main()
