"""The agreement page's chart of its commitments' progress over time, as
inline SVG: one small panel per commitment, one bar per semester with its
progress percentage, the target (100 %) as a dashed line.

Built as ``reports.charts`` builds the report's charts: pure string
building, colours as presentation attributes (the portal's CSP forbids
inline styles), every label and value real ``<text>``, ``role="img"`` named
by its ``<title>`` and ``<desc>``. The page puts a table with the same
figures next to it.
"""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .charts import FONT, FONT_SIZE, INK, MUTED, SERIES_COLOURS

WIDTH = 640
LEFT = 44
RIGHT = 16
PANEL_TITLE = 22
PLOT_HEIGHT = 110
AXIS_LABELS = 22
PANEL_GAP = 14
BAR_MAX = 56
TITLE_CHARS = 90
BAR = SERIES_COLOURS[0]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def percent_text(value: Decimal) -> str:
    """«50.0 %» (the decimal separator of the active language)."""
    return f"{number_format(value, 1)} %"


def _cut(text: str) -> str:
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rstrip() + "…"


def progress_chart(chart_id: str, series, semesters) -> SafeString:
    """``series`` (``reports.public_evaluations.CommitmentSeries``) over
    ``semesters`` (oldest first); ``chart_id`` prefixes the ids of its title
    and description."""
    panel_height = PANEL_TITLE + PLOT_HEIGHT + AXIS_LABELS + PANEL_GAP
    height = panel_height * len(series)
    title = gettext("Avance de los compromisos por semestre")
    description = gettext(
        "Porcentaje de avance hacia la meta de cada compromiso al cierre de cada semestre evaluado; "
        "100 % es la meta. La tabla siguiente da las mismas cifras."
    )
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart progress-chart" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{chart_id}-titulo {chart_id}-desc" '
            f'font-family="{FONT}" font-size="{FONT_SIZE}">'
        ),
        f'<title id="{chart_id}-titulo">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    slot = (WIDTH - LEFT - RIGHT) / max(len(semesters), 1)
    bar = min(BAR_MAX, slot * 0.6)
    for index, one in enumerate(series):
        top = index * panel_height
        percents = [float(row.percent) for _semester, row in one.points]
        low, high = min(0.0, *percents), max(100.0, *percents)
        plot_top = top + PANEL_TITLE + 14  # room for the value above the tallest bar

        def y(value: float) -> float:
            return plot_top + (high - value) / (high - low) * (PLOT_HEIGHT - 14)

        summary = " · ".join(f"{semester.label}: {percent_text(row.percent)}" for semester, row in one.points)
        parts.append("<g>")
        parts.append(f"<title>{escape(one.commitment.objective)}: {escape(summary)}</title>")
        parts.append(f'<text x="0" y="{top + 14}" font-weight="bold" fill="{INK}">{escape(_cut(one.commitment.objective))}</text>')
        zero, target = y(0), y(100)
        parts.append(
            f'<line x1="{LEFT}" y1="{_n(target)}" x2="{WIDTH - RIGHT}" y2="{_n(target)}" stroke="{MUTED}" '
            f'stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{LEFT - 4}" y="{_n(target + 4)}" text-anchor="end" fill="{MUTED}">{escape(gettext("Meta"))}</text>'
        )
        parts.append(f'<text x="{LEFT - 4}" y="{_n(zero + 4)}" text-anchor="end" fill="{MUTED}">0 %</text>')
        for position, semester in enumerate(semesters):
            centre = LEFT + slot * position + slot / 2
            row = one.at(semester)
            if row is not None:
                value = float(row.percent)
                end = y(value)
                parts.append(
                    f'<rect x="{_n(centre - bar / 2)}" y="{_n(min(zero, end))}" width="{_n(bar)}" '
                    f'height="{_n(max(abs(zero - end), 1))}" fill="{BAR}"/>'
                )
                label_y = end - 4 if value >= 0 else end + FONT_SIZE + 2
                parts.append(
                    f'<text x="{_n(centre)}" y="{_n(label_y)}" text-anchor="middle" fill="{INK}">'
                    f"{escape(percent_text(row.percent))}</text>"
                )
            parts.append(
                f'<text x="{_n(centre)}" y="{_n(top + PANEL_TITLE + PLOT_HEIGHT + 16)}" text-anchor="middle" '
                f'fill="{MUTED}">{semester.label}</text>'
            )
        parts.append(f'<line x1="{LEFT}" y1="{_n(zero)}" x2="{WIDTH - RIGHT}" y2="{_n(zero)}" stroke="{INK}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    # Safe: every text in it went through escape(); the rest is numbers and the module's constants.
    return mark_safe("".join(parts))
