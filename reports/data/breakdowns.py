"""The agreements of the semester counted by kind, region, theme, body, ODS and UN framework."""

from collections import Counter, defaultdict

from django.utils.translation import gettext as _

from .agreements import region_names
from .records import SemesterRecords

BREAKDOWN_COLUMNS = ("signed", "in_force", "ending_soon", "ended", "unknown_validity")


def _breakdown_headings() -> list[tuple[str, str]]:
    return [
        ("signed", _("Firmados")), ("in_force", _("Vigentes")), ("ending_soon", _("Terminan el semestre siguiente")),
        ("ended", _("Concluidos")), ("unknown_validity", _("Sin información de vigencia")),
    ]


def _breakdown(placed: SemesterRecords, key: str, title: str, labels_of) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for p in placed.agreements:
        labels = labels_of(p.agreement) or [_("Sin dato")]
        for label in dict.fromkeys(labels):
            for column in BREAKDOWN_COLUMNS:
                counts[label][column] += int(getattr(p, column))
    rows = [
        {"label": label, **{column: counts[label][column] for column in BREAKDOWN_COLUMNS}}
        for label in sorted(counts, key=lambda label: (-sum(counts[label].values()), label))
    ]
    return {"key": key, "title": title, "columns": [list(c) for c in _breakdown_headings()], "rows": rows}


def breakdowns(placed: SemesterRecords) -> list[dict]:
    return [
        _breakdown(placed, "kind", _("Por tipo de instrumento"), lambda a: [a.get_kind_display()]),
        _breakdown(placed, "region", _("Por región de la contraparte"), region_names),
        _breakdown(placed, "theme", _("Por tema"), lambda a: [t.name for t in a.public_themes]),
        _breakdown(placed, "body", _("Por dependencia responsable"), lambda a: [a.body.acronym or a.body.name]),
        _breakdown(
            placed, "sdg", _("Por Objetivo de Desarrollo Sostenible"),
            lambda a: [f"ODS {sdg.number}" for sdg in a.public_sdgs],
        ),
        _breakdown(
            placed, "framework", _("Por marco de Naciones Unidas"), lambda a: [f.name for f in a.public_frameworks]
        ),
    ]
