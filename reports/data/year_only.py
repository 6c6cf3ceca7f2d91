"""The records of the semester's year known only by year: listed apart, counted nowhere."""

from django.utils.translation import gettext as _

from .cells import absolute_url, date_text, table
from .records import SemesterRecords


def year_only_table(placed: SemesterRecords) -> dict:
    rows = [
        {"kind": label, "title": str(record), "date": date_text(date), "url": absolute_url(record.get_absolute_url())}
        for label, record, date in placed.year_only
    ]
    return table(
        _("Registros de %(year)s conocidos sólo por año") % {"year": placed.semester.year},
        [("kind", _("Registro")), ("title", _("Título")), ("date", _("Fecha según la fuente")), ("url", _("Dirección en el portal"))],
        rows,
    )
