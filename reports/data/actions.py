"""The actions carried out in the semester."""

from django.utils.translation import gettext as _

from .cells import absolute_url, table
from .records import SemesterRecords


def actions_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "title": action.title,
            "kind": action.get_kind_display(),
            "agreement": action.agreement.code if action.agreement else "",
            "period": action.period,
            "place": action.place,
            "body": str(action.body),
            "people_reached": action.people_reached,
            "results": action.results,
            "url": absolute_url(action.get_absolute_url()),
        }
        for action in placed.actions
    ]
    return table(
        _("Acciones realizadas"),
        [
            ("title", _("Acción")), ("kind", _("Tipo")), ("agreement", _("Acuerdo")), ("period", _("Periodo")),
            ("place", _("Lugar")), ("body", _("Dependencia responsable")),
            ("people_reached", _("Personas beneficiadas")), ("results", _("Resultados")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )
