"""A moment written by a client: ``?updated_since=`` on every collection and
``?since=`` on the change log (``opendata.changes``).

ISO 8601, a date or a date and time. A date means its first moment in
Mexico City; a date and time without an offset is Mexico City's time; with
an offset (or ``Z``) it is the moment it says.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: The query parameter every collection reads: records whose own row changed at or after it.
UPDATED_SINCE_PARAMETER = "updated_since"

INVALID_MOMENT = _("Escriba una fecha ISO 8601, p. ej. 2026-12-01 o 2026-12-01T08:00:00-06:00.")

UPDATED_SINCE_DESCRIPTION = _(
    "Sólo los registros cuya propia fila cambió en ese momento o después: una fecha ISO 8601 (su inicio, hora "
    "de la Ciudad de México) o una fecha y hora (sin zona, la de la Ciudad de México), p. ej. 2026-12-01 o "
    "2026-12-01T08:00:00-06:00."
)

# The extended forms only (with dashes and colons): what the message shows and a
# person writes. ``fromisoformat`` alone would also take «20261201» or a week date.
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$"
)


def parse_moment(raw: str) -> datetime.datetime:
    """The aware moment ``raw`` names; ``ValueError`` if it is not one."""
    value = raw.strip()
    if DATE.match(value):
        day = datetime.date.fromisoformat(value)
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    if DATE_TIME.match(value):
        moment = datetime.datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # Out of range once in UTC (year 1 with a positive offset, 9999 with a negative one).
        moment.astimezone(datetime.UTC)
        return moment
    raise ValueError(value)


def moment_parameter(params, name: str) -> datetime.datetime | None:
    """The moment in ``params[name]`` (None when absent or empty); a
    ``ValidationError`` keyed by ``name`` when it is not one."""
    raw = params.get(name, "")
    if not raw:
        return None
    try:
        return parse_moment(raw)
    except (ValueError, OverflowError) as error:
        raise ValidationError({name: [str(INVALID_MOMENT)]}) from error
