"""Build the world map's geometry from Natural Earth (via the world-atlas TopoJSON).

Run from the project's root after changing the projection or the source::

    .venv/bin/python -m portal.geometry.build_world_map

It reads ``source/countries-110m.json`` (and, for the countries 1:110m leaves
out — Singapore, the Vatican, small island states —, ``source/countries-50m.json``),
decodes the TopoJSON arcs, projects every point with ``portal.worldmap.project``
(Equal Earth), rounds to 0.1 SVG units, drops Antarctica, and writes:

- ``portal/static/portal/map/world.json``: the map's size and one SVG path per
  country, keyed by ISO 3166-1 alpha-2 code (the TopoJSON ids are ISO numeric;
  django-countries maps them), with a ring position for countries too small to
  see; the page inlines the countries that have counterparts;
- ``portal/static/portal/map/world.svg``: every country as one path, the map's
  background, referenced by the page rather than inlined so it is cached once.
"""

import json
import os
from pathlib import Path

from portal.worldmap import MAP_WIDTH, SCALE, equal_earth, project

HERE = Path(__file__).parent
SOURCE_110M = HERE / "source" / "countries-110m.json"
SOURCE_50M = HERE / "source" / "countries-50m.json"
OUTPUT = HERE.parent / "static" / "portal" / "map"

#: ISO numeric code of Antarctica, left off the map: nobody signs agreements there.
ANTARCTICA = "010"
#: Northern and southern limits of the map, in degrees (Greenland's tip, Tierra del Fuego's).
NORTH, SOUTH = 84.0, -57.0
#: A country whose projected box is smaller than this (SVG units) also gets a ring.
SMALL = 6.0
#: Points closer than this to the previous one (in tenths of a unit) are dropped: invisible at any
#: size the page shows, they only weigh.
MIN_STEP = 4


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as a list of (longitude, latitude): undo the delta encoding and the quantisation."""
    (scale_x, scale_y), (translate_x, translate_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + translate_x, y * scale_y + translate_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    """A ring's points from its arc indices; ``~i`` is arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point.
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia's Chukotka, Fiji), moved whole to
    the side where most of it lies; the part past the map's edge is clipped there,
    instead of a stripe drawn across the whole map."""
    if not any(abs(a[0] - b[0]) > 180 for a, b in zip(points, points[1:])):
        return points
    east = sum(1 for longitude, _ in points if longitude > 0) >= len(points) / 2
    if east:
        return [(longitude + 360 if longitude < 0 else longitude, latitude) for longitude, latitude in points]
    return [(longitude - 360 if longitude > 0 else longitude, latitude) for longitude, latitude in points]


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def path_data(rings: list[list[tuple[float, float]]], top: float, min_step: int = MIN_STEP) -> tuple[str, list[float]]:
    """SVG path data of the rings (relative moves, tenths of a unit) and its box."""
    commands = []
    box = [float("inf"), float("inf"), float("-inf"), float("-inf")]
    for ring in rings:
        # Integers in tenths, so relative steps add up exactly to the rounded points.
        tenths = []
        for longitude, latitude in ring:
            x, y = project(longitude, latitude, top=top)
            point = (round(x * 10), round(y * 10))
            if not tenths or max(abs(point[0] - tenths[-1][0]), abs(point[1] - tenths[-1][1])) >= min_step:
                tenths.append(point)
        if len(tenths) > 1 and tenths[0] == tenths[-1]:
            tenths.pop()
        if len(tenths) < 3:
            continue
        for x, y in tenths:
            box = [min(box[0], x / 10), min(box[1], y / 10), max(box[2], x / 10), max(box[3], y / 10)]
        start_x, start_y = tenths[0]
        parts = [f"M{number(start_x)} {number(start_y)}l"]
        previous = tenths[0]
        steps = []
        for point in tenths[1:]:
            steps.append(pair(point[0] - previous[0], point[1] - previous[1]))
            previous = point
        parts.append("".join(steps).lstrip(" "))
        parts.append("z")
        commands.append("".join(parts))
    return "".join(commands), box


def number(tenths: int) -> str:
    """A coordinate in tenths written as short as SVG allows: 12.3, .5, -.5, 4."""
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), 10)
    text = f"{whole}" if not fraction else (f"{whole}.{fraction}" if whole else f".{fraction}")
    return sign + text


def pair(dx: int, dy: int) -> str:
    """A relative step; a separator only where the next number does not start with '-'."""
    out = []
    for value in (dx, dy):
        text = number(value)
        out.append(text if text.startswith("-") else " " + text)
    return "".join(out)


def country_rings(topology: dict) -> dict[str, list]:
    """Rings by ISO numeric id (features without an id are kept under their name)."""
    arcs = decode_arcs(topology)
    by_id: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        key = geometry.get("id") or geometry["properties"]["name"]
        if key == ANTARCTICA:
            continue
        by_id[key] = [unwrap(ring_points(ring, arcs)) for polygon in polygons(geometry) for ring in polygon]
    return by_id


def build() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django_countries import countries

    top = equal_earth(0, NORTH)[1]
    height = round((top - equal_earth(0, SOUTH)[1]) * SCALE)

    rings = json.loads(SOURCE_110M.read_text(encoding="utf-8"))
    shapes = country_rings(rings)
    for key, value in country_rings(json.loads(SOURCE_50M.read_text(encoding="utf-8"))).items():
        shapes.setdefault(key, value)

    by_code: dict[str, dict] = {}
    background = []
    for key, country_ring_list in sorted(shapes.items()):
        # A small island state vanishes when simplified: keep every point it has.
        d, box = path_data(country_ring_list, top)
        if not d:
            d, box = path_data(country_ring_list, top, min_step=1)
        if d:
            background.append(d)
        else:
            # Smaller than a tenth of a unit (the Vatican): only its ring will show it.
            xs, ys = zip(*(project(*point, top=top) for ring in country_ring_list for point in ring))
            box = [min(xs), min(ys), max(xs), max(ys)]
        code = countries.alpha2(key) if key.isdigit() else ""
        if not code:
            continue
        entry = {"d": d}
        if box[2] - box[0] < SMALL and box[3] - box[1] < SMALL:
            entry["ring"] = [round((box[0] + box[2]) / 2, 1), round((box[1] + box[3]) / 2, 1)]
        by_code[code] = entry

    OUTPUT.mkdir(parents=True, exist_ok=True)
    world = {"width": MAP_WIDTH, "height": height, "top": top, "countries": dict(sorted(by_code.items()))}
    (OUTPUT / "world.json").write_text(json.dumps(world, separators=(",", ":")) + "\n", encoding="utf-8")
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {height}" '
        f'width="{MAP_WIDTH}" height="{height}">'
        "<title>Natural Earth</title>"
        f'<path fill="#d9d4cc" stroke="#ffffff" stroke-width=".4" stroke-linejoin="round" d="{"".join(background)}"/>'
        "</svg>\n"
    )
    (OUTPUT / "world.svg").write_text(svg, encoding="utf-8")
    print(f"{len(by_code)} países, {len(background)} formas; mapa de {MAP_WIDTH}×{height}.")


if __name__ == "__main__":
    build()
