"""The world map of counterparts: projection, country shapes and the inline SVG's data.

The country shapes are built once by ``portal/geometry/build_world_map.py``
into ``portal/static/portal/map/world.json`` (one SVG path per country, by
ISO alpha-2 code) and ``world.svg`` (every country, the map's background).
Here the page's map is assembled from them: the countries with published
counterparts drawn over the background, and a marker per point: a
counterpart with coordinates, or on the home page a place where there may be
several. Nothing here reads the database; ``portal.figures`` does.
"""

import functools
import json
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django_countries import countries as country_names

WORLD_JSON = Path(__file__).parent / "static" / "portal" / "map" / "world.json"

# Equal Earth (Šavrič, Patterson & Jenny, 2018): equal-area, so no country
# looks bigger than it is, and simple to compute.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_HALF_WIDTH = math.pi / (_M * _A1)  # x at longitude 180°, on the equator

#: Width of the map in SVG units; the height follows from the data's extent.
MAP_WIDTH = 1000
SCALE = MAP_WIDTH / (2 * _HALF_WIDTH)


def equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Equal Earth coordinates (radius 1) of a point given in degrees; y grows northward."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def project(longitude: float, latitude: float, *, top: float) -> tuple[float, float]:
    """SVG coordinates of a point: x from 0 (180° W) to ``MAP_WIDTH``, y down from ``top``."""
    x, y = equal_earth(longitude, latitude)
    return (x + _HALF_WIDTH) * SCALE, (top - y) * SCALE


@functools.cache
def world() -> dict:
    """The built geometry: ``width``, ``height``, ``top`` and ``countries`` by alpha-2 code."""
    with WORLD_JSON.open(encoding="utf-8") as file:
        return json.load(file)


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    counterparts: int
    agreements: int
    #: SVG path data; empty for a country smaller than the map's precision.
    path: str
    #: Where to draw a ring for a country too small to see or click (else None).
    ring: tuple[float, float] | None

    @property
    def slug(self) -> str:
        return self.code.lower()


#: Radius of a marker for one counterpart, and the most a marker for several grows to.
MARKER_RADIUS, MARKER_RADIUS_MAX = 3, 8


@dataclass(frozen=True)
class MapMarker:
    #: The marker's accessible name: its counterpart's, or what the group is.
    name: str
    url: str
    x: float
    y: float
    #: How many counterparts the marker stands for.
    count: int = 1

    @property
    def radius(self) -> int:
        """3 for one counterpart, a unit more each time the count doubles
        (4 for 2 or 3, 5 for 4 to 7…), at most 8."""
        return min(MARKER_RADIUS - 1 + self.count.bit_length(), MARKER_RADIUS_MAX)


@dataclass(frozen=True)
class WorldMap:
    width: int
    height: int
    countries: list[MapCountry]
    markers: list[MapMarker]
    #: Countries with counterparts but no shape to draw (listed in the table only).
    unmapped: list[MapCountry]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def country_rows(rows) -> list[MapCountry]:
    """One entry per country, in the order of its name in the active language.

    ``rows`` are ``{"country", "counterparts", "agreements"}`` mappings.
    """
    shapes = world()["countries"]
    entries = []
    for row in rows:
        code = str(row["country"])
        shape = shapes.get(code, {})
        entries.append(
            MapCountry(
                code=code,
                name=str(country_names.name(code)),
                counterparts=row["counterparts"],
                agreements=row["agreements"],
                path=shape.get("d", ""),
                ring=tuple(shape["ring"]) if shape.get("ring") else None,
            )
        )
    return sorted(entries, key=lambda entry: _sort_key(entry.name))


def _sort_key(name: str) -> str:
    # Accents sort with their base letter ("Perú" before "Polonia") without a locale.
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def world_map(*, countries: list[MapCountry], points) -> WorldMap:
    """The map's data: ``points`` are ``(name, url, latitude, longitude)``
    tuples, with a fifth item, how many counterparts the point stands for,
    where that may be more than one."""
    geometry = world()
    markers = []
    for name, url, latitude, longitude, *count in points:
        x, y = project(float(longitude), float(latitude), top=geometry["top"])
        markers.append(MapMarker(name=name, url=url, x=round(x, 1), y=round(y, 1), count=count[0] if count else 1))
    return WorldMap(
        width=geometry["width"],
        height=geometry["height"],
        countries=[country for country in countries if country.path or country.ring],
        markers=markers,
        unmapped=[country for country in countries if not (country.path or country.ring)],
    )
