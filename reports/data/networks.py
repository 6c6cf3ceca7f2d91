"""The city's leadership positions in networks of cities held in the semester."""

from django.utils.translation import gettext as _

from .cells import absolute_url, table
from .records import SemesterRecords


def positions_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "network": str(position.network),
            "title": position.title,
            "organ": position.organ,
            "holder": position.holder,
            "period": position.period,
            "url": absolute_url(position.get_absolute_url()),
        }
        for position in placed.positions
    ]
    return table(
        _("Cargos de dirección en redes de ciudades"),
        [
            ("network", _("Red")), ("title", _("Cargo")), ("organ", _("Órgano")), ("holder", _("Titular")),
            ("period", _("Periodo")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )
