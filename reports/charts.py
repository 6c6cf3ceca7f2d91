"""The report's charts as inline SVG, built from the report data.

Pure string building, so the same data always gives the same bytes (the
files of a report are frozen and compared), and the SVG needs nothing but
itself: colours are presentation attributes, not CSS, so it looks the same
in the standalone file, in the portal under its CSP and in WeasyPrint. Every
label and value is real ``<text>``, so the PDF's text can be extracted and
searched; each chart also has a table with the same figures next to it.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

#: Colours of the series, in order: the portal's guinda and a slate blue,
#: both at least 3:1 against white (WCAG 2.1, non-text contrast).
SERIES_COLOURS = ("#8a1c3a", "#4f6483")
INK = "#1f1f1f"
MUTED = "#4a4a4a"
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"

WIDTH = 640
LABEL_WIDTH = 230
VALUE_GAP = 6
ROW_HEIGHT = 22
BAR_HEIGHT = 14
LEGEND_HEIGHT = 26
FONT_SIZE = 11
#: Longest label drawn in full; longer ones are cut with an ellipsis (the
#: table beside the chart and the bar's own title keep the whole label).
LABEL_CHARS = 36


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def stacked_bars(title: str, rows: list[tuple[str, list[int]]], series: list[str]) -> SafeString:
    """A horizontal bar per ``(label, values)`` row, its values stacked in ``series`` order.

    ``title`` names the chart for assistive technology (``<title>``); the
    legend names the series. Rows whose values are all zero are left out.
    """
    rows = [(label, values) for label, values in rows if sum(values)]
    largest = max((sum(values) for _label, values in rows), default=0) or 1
    bar_space = WIDTH - LABEL_WIDTH - 40  # room for the total after the longest bar
    height = LEGEND_HEIGHT + ROW_HEIGHT * len(rows) + 4
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" font-family="{FONT}" font-size="{FONT_SIZE}">'
        ),
        f"<title>{escape(title)}</title>",
    ]
    x = LABEL_WIDTH
    for name, colour in zip(series, SERIES_COLOURS, strict=False):
        parts.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{x + 17}" y="16" fill="{INK}">{escape(name)}</text>')
        x += 17 + int(len(name) * FONT_SIZE * 0.55) + 18
    for index, (label, values) in enumerate(rows):
        top = LEGEND_HEIGHT + index * ROW_HEIGHT
        baseline = top + BAR_HEIGHT / 2 + FONT_SIZE * 0.35 + 2
        parts.append("<g>")
        parts.append(f"<title>{escape(label)}: {' · '.join(f'{escape(n)} {v}' for n, v in zip(series, values, strict=False))}</title>")
        parts.append(
            f'<text x="{LABEL_WIDTH - VALUE_GAP}" y="{_number(baseline)}" text-anchor="end" fill="{INK}">{escape(_label(label))}</text>'
        )
        x = float(LABEL_WIDTH)
        for value, colour in zip(values, SERIES_COLOURS, strict=False):
            if value:
                width = bar_space * value / largest
                parts.append(
                    f'<rect x="{_number(x)}" y="{top + 2}" width="{_number(width)}" height="{BAR_HEIGHT}" fill="{colour}"/>'
                )
                x += width
        parts.append(f'<text x="{_number(x + VALUE_GAP)}" y="{_number(baseline)}" fill="{MUTED}">{sum(values)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    # Safe: every text in it went through escape().
    return mark_safe("".join(parts))


#: The map's colours: land without counterparts, highlighted countries, counterparts.
LAND, LAND_EDGE, HIGHLIGHT, MARKER = "#e4dfd8", "#ffffff", "#8a1c3a", "#1f1f1f"


def world_map(title: str, countries: list, markers: list) -> SafeString:
    """The world with ``countries`` (``portal.worldmap.MapCountry``) highlighted
    and a dot per marker (``MapMarker``).

    Every country's shape is inlined from ``portal.worldmap.world()`` rather
    than referencing ``world.svg``: the document must not fetch anything.
    """
    from portal.worldmap import world

    geometry = world()
    highlighted = {country.code: country for country in countries}
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="world-map" '
            f'viewBox="0 0 {geometry["width"]} {geometry["height"]}" '
            f'width="{geometry["width"]}" height="{geometry["height"]}" role="img">'
        ),
        f"<title>{escape(title)}</title>",
        f'<g fill="{LAND}" stroke="{LAND_EDGE}" stroke-width=".4" stroke-linejoin="round">',
    ]
    for code in sorted(geometry["countries"]):
        if code not in highlighted and geometry["countries"][code].get("d"):
            parts.append(f'<path d="{geometry["countries"][code]["d"]}"/>')
    parts.append(f'</g><g fill="{HIGHLIGHT}" stroke="{LAND_EDGE}" stroke-width=".4" stroke-linejoin="round">')
    for country in countries:
        label = f"<title>{escape(country.name)}</title>"
        if country.path:
            parts.append(f'<path d="{country.path}">{label}</path>')
        if country.ring:
            parts.append(
                f'<circle cx="{country.ring[0]}" cy="{country.ring[1]}" r="5" fill="none" stroke="{HIGHLIGHT}" '
                f'stroke-width="1.5">{label}</circle>'
            )
    parts.append(f'</g><g fill="{MARKER}" stroke="{LAND_EDGE}" stroke-width=".6">')
    for marker in markers:
        parts.append(f'<circle cx="{marker.x}" cy="{marker.y}" r="2.5"><title>{escape(marker.name)}</title></circle>')
    parts.append("</g></svg>")
    # Safe: names went through escape(); the paths are the project's own geometry.
    return mark_safe("".join(parts))
