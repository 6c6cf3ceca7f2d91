"""What the government's evaluations say beyond each agreement's figures: the
progress of each commitment against its target, and how many evaluations
recommend what."""

from django.utils.translation import gettext as _

from cdmx_global.partial_dates import PartialDate

from evaluations.models import Recommendation
from evaluations.progress import progress_percent
from .cells import date_text, number, table
from .records import SemesterRecords


def _status(evaluated: bool, reported: bool) -> str:
    if not evaluated:
        return _("sin evaluación")
    return _("reportado") if reported else _("no reportado en la evaluación")


def commitments_table(placed: SemesterRecords) -> dict:
    """Each commitment of the agreements presented for evaluation, with the
    value reached that the semester's approved evaluation reports and the
    progress computed from it (``evaluations.progress``)."""
    rows = []
    for p in placed.evaluable:
        agreement = p.agreement
        evaluated = agreement.pk in placed.evaluations
        for commitment in placed.commitments_of(agreement):
            progress = placed.progress.get(commitment.pk) if evaluated else None
            value = progress.value if progress else None
            rows.append({
                "code": agreement.code,
                "title": agreement.title,
                "objective": commitment.objective,
                "indicator": commitment.indicator,
                "unit": commitment.unit,
                "baseline": number(commitment.baseline),
                "target": number(commitment.target),
                "target_date": date_text(PartialDate.of(commitment, "target_date")),
                "status": _status(evaluated, progress is not None),
                "value": number(value),
                "progress": number(progress_percent(commitment.baseline, commitment.target, value)),
                "note": progress.note if progress else "",
            })
    return table(
        _("Avance de los compromisos"),
        [
            ("code", _("Clave")), ("title", _("Título")), ("objective", _("Objetivo")),
            ("indicator", _("Indicador")), ("unit", _("Unidad")), ("baseline", _("Línea base")),
            ("target", _("Meta")), ("target_date", _("Fecha de la meta")), ("status", _("Avance del semestre")),
            ("value", _("Valor alcanzado")), ("progress", _("Avance (%)")), ("note", _("Nota del avance")),
        ],
        rows,
    )


def recommendations_table(placed: SemesterRecords) -> dict:
    """The agreements presented for evaluation by the recommendation of their
    approved evaluation, and apart those without one."""
    counts = dict.fromkeys(Recommendation.values, 0)
    pending = 0
    for p in placed.evaluable:
        evaluation = placed.evaluations.get(p.agreement.pk)
        if evaluation is None:
            pending += 1
        else:
            counts[evaluation.recommendation] += 1
    rows = [
        {"key": value, "label": str(label), "agreements": counts[value]}
        for value, label in Recommendation.choices
    ]
    rows.append({"key": "none", "label": _("Sin evaluación aprobada"), "agreements": pending})
    return table(
        _("Recomendaciones de las evaluaciones aprobadas"),
        [("key", _("Clave")), ("label", _("Recomendación")), ("agreements", _("Acuerdos"))],
        rows,
    )
