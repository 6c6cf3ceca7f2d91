"""The agreements of the semester and the government's evaluation of each."""

from django.utils.translation import gettext as _

from agreements.models import Agreement
from cdmx_global.partial_dates import PartialDate
from cdmx_global.regions import Region

from .cells import absolute_url, date_text, names, number, table, yes_no
from .records import SemesterRecords


def region_names(agreement: Agreement) -> list[str]:
    """The regions of the agreement's (published) counterparts, by code."""
    regions = sorted({c.region for c in agreement.public_counterparts if c.region})
    return [str(Region(code).label) for code in regions]


def _countries(agreement: Agreement) -> list[str]:
    return sorted({c.country.name for c in agreement.public_counterparts if c.country})


def agreements_table(placed: SemesterRecords) -> dict:
    rows = []
    for p in placed.agreements:
        a = p.agreement
        rows.append({
            "code": a.code,
            "title": a.title,
            "kind": a.get_kind_display(),
            "counterparts": names(a.public_counterparts),
            "countries": "; ".join(_countries(a)),
            "regions": "; ".join(region_names(a)),
            "body": str(a.body),
            "themes": names(a.public_themes),
            "sdgs": "; ".join(str(s.number) for s in a.public_sdgs),
            "frameworks": names(a.public_frameworks),
            "signed_on": date_text(PartialDate.of(a, "signed_on")),
            "in_force_on": date_text(PartialDate.of(a, "in_force_on")),
            "valid_until": _("indefinida") if a.is_indefinite else date_text(PartialDate.of(a, "valid_until")),
            "ended_on": date_text(PartialDate.of(a, "ended_on")),
            "validity": a.get_validity_display(),
            "signed_in_semester": yes_no(p.signed),
            "in_force": yes_no(p.in_force),
            "ending_soon": yes_no(p.ending_soon),
            "ended_in_semester": yes_no(p.ended),
            "unknown_validity": yes_no(p.unknown_validity),
            "url": absolute_url(a.get_absolute_url()),
        })
    return table(
        _("Acuerdos del semestre"),
        [
            ("code", _("Clave")), ("title", _("Título")), ("kind", _("Tipo")), ("counterparts", _("Contrapartes")),
            ("countries", _("Países")), ("regions", _("Regiones")), ("body", _("Dependencia responsable")),
            ("themes", _("Temas")), ("sdgs", _("ODS")), ("frameworks", _("Marcos de la ONU")),
            ("signed_on", _("Firma")), ("in_force_on", _("Entrada en vigor")), ("valid_until", _("Vigente hasta")),
            ("ended_on", _("Conclusión")), ("validity", _("Vigencia")),
            ("signed_in_semester", _("Firmado en el semestre")), ("in_force", _("Vigente en el semestre")),
            ("ending_soon", _("Termina el semestre siguiente")), ("ended_in_semester", _("Concluido en el semestre")),
            ("unknown_validity", _("Sin información de vigencia")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def evaluations_table(placed: SemesterRecords) -> dict:
    rows = []
    for p in placed.evaluable:
        a = p.agreement
        evaluation = placed.evaluations.get(a.pk)
        actions = placed.actions_under(a)
        people_from_actions = sum(action.people_reached or 0 for action in actions)
        rows.append({
            "code": a.code,
            "title": a.title,
            "evaluated": yes_no(evaluation is not None),
            "actions": len(actions),
            "people_reached_actions": people_from_actions,
            "people_reached": number(evaluation.people_reached) if evaluation else None,
            "resources": evaluation.resources if evaluation else "",
            "amount": number(evaluation.amount) if evaluation else None,
            "currency": evaluation.currency if evaluation else "",
            "exchanges": number(evaluation.exchanges) if evaluation else None,
            "projects": number(evaluation.projects) if evaluation else None,
            "advantages": evaluation.advantages if evaluation else "",
            "benefits": evaluation.benefits if evaluation else "",
            "results": evaluation.results if evaluation else "",
            "difficulties": evaluation.difficulties if evaluation else "",
            "recommendation": evaluation.get_recommendation_display() if evaluation else "",
            "url": absolute_url(a.get_absolute_url()),
        })
    return table(
        _("Evaluación de los acuerdos"),
        [
            ("code", _("Clave")), ("title", _("Título")), ("evaluated", _("Evaluado")),
            ("actions", _("Acciones realizadas en el semestre")),
            ("people_reached_actions", _("Personas beneficiadas según las acciones")),
            ("people_reached", _("Personas beneficiadas según la evaluación")),
            ("resources", _("Recursos movilizados")), ("amount", _("Monto")), ("currency", _("Moneda")),
            ("exchanges", _("Intercambios")), ("projects", _("Proyectos")),
            ("advantages", _("Ventajas")), ("benefits", _("Beneficios")), ("results", _("Resultados")),
            ("difficulties", _("Dificultades")), ("recommendation", _("Recomendación")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )
