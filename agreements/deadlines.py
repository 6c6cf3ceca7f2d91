"""The agreements' sections of the deadline digest (see ``cdmx_global.deadlines``)."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cdmx_global.deadlines import (
    DeadlineItem,
    DeadlineSection,
    days_since_end,
    days_until,
    for_reader,
    without_exact_day,
)
from cdmx_global.partial_dates import DatePrecision, PartialDate

from .models import Agreement
from .selectors import ENDING_SOON_DAYS, agreements_ending_soon, agreements_past_end


def _ending_soon_items(user, today):
    items = []
    for agreement in agreements_ending_soon(today=today, queryset=for_reader(Agreement.objects.all(), user)):
        end = PartialDate.of(agreement, "valid_until")
        remaining = days_until(end.value, today) if end.precision == DatePrecision.DAY else without_exact_day()
        items.append(DeadlineItem(agreement, end, remaining))
    return items


def _past_end_items(user, today):
    items = []
    for agreement in agreements_past_end(today=today, queryset=for_reader(Agreement.objects.all(), user)):
        end = PartialDate.of(agreement, "valid_until")
        remaining = days_since_end(end.value, today) if end.precision == DatePrecision.DAY else without_exact_day()
        items.append(DeadlineItem(agreement, end, remaining))
    return items


ENDING_SOON = DeadlineSection(
    key="agreements.ending_soon",
    title=format_lazy(_("Acuerdos cuya vigencia termina en los próximos {days} días"), days=ENDING_SOON_DAYS),
    date_heading=_("Vigente hasta"),
    items=_ending_soon_items,
)
PAST_END = DeadlineSection(
    key="agreements.past_end",
    title=_("Acuerdos marcados como vigentes cuya vigencia ya terminó"),
    date_heading=_("Vigente hasta"),
    items=_past_end_items,
)
