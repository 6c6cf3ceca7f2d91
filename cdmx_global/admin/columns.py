"""Changelist columns the record admins share: partial dates at their
precision, periods, and the first names of a many-to-many field."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _, ngettext

from ..partial_dates import PartialDate, format_partial_period


def partial_date_column(model, field: str):
    """A changelist column showing ``field`` at its precision: «2014», «noviembre de 2014»."""

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def column(obj):
        return str(PartialDate.of(obj, field))

    column.__name__ = f"{field}_display"
    return column


def period_column(start: str = "start_on", end: str = "end_on"):
    """A changelist column with the period between two partial dates: «2014–2016»."""

    @admin.display(description=_("periodo"), ordering=start)
    def column(obj):
        return format_partial_period(PartialDate.of(obj, start), PartialDate.of(obj, end))

    column.__name__ = "period_display"
    return column


def related_names_column(model, field: str, shown: int = 3):
    """A changelist column naming the first records of a many-to-many field.

    The admin using it lists ``field`` in ``list_prefetch_related``.
    """

    @admin.display(description=model._meta.get_field(field).verbose_name)
    def column(obj):
        related = [str(item) for item in getattr(obj, field).all()]
        if len(related) <= shown:
            return ", ".join(related)
        rest = len(related) - shown
        more = ngettext("y %(count)d más", "y %(count)d más", rest) % {"count": rest}
        return f"{', '.join(related[:shown])} {more}"

    column.__name__ = f"{field}_summary"
    return column
