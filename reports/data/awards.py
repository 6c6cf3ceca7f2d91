"""The awards and recognitions of the semester."""

from django.utils.translation import gettext as _

from .cells import absolute_url, table
from .records import SemesterRecords


def awards_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "title": award.title,
            "direction": award.get_direction_display(),
            "category": award.get_category_display(),
            "awarded_on": award.awarded,
            "granted_by": award.granted_by_text,
            "recognised_for": award.recognised_for,
            "url": absolute_url(award.get_absolute_url()),
        }
        for award in placed.awards
    ]
    return table(
        _("Premios y reconocimientos"),
        [
            ("title", _("Premio o reconocimiento")), ("direction", _("Sentido")), ("category", _("Categoría")),
            ("awarded_on", _("Fecha")), ("granted_by", _("Otorgante")),
            ("recognised_for", _("Programa o proyecto reconocido")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )
