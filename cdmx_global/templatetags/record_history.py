"""``{% history_link record %}``: the link «Historial de cambios (N)» of a record's page."""

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from ..changelog import changes_of_model
from ..partial_dates import DatePrecision, format_partial_date

register = template.Library()


@register.simple_tag
def history_link(record) -> str:
    """A paragraph linking ``<record page>/historial/`` with the number of public changes
    (one query); nothing for a record without any (loaded before the history existed)."""
    # One query, on the first request as in each language (``changes_of_model``).
    count = changes_of_model(type(record)).filter(object_id=record.pk).count()
    if not count:
        return ""
    return format_html(
        '<p class="history-link"><a href="{}historial/">{}</a></p>',
        record.get_absolute_url(),
        gettext("Historial de cambios (%(count)d)") % {"count": count},
    )


@register.filter
def public_day(value) -> str:
    """A moment as its day in Mexico City, written as the portal writes dates
    («6 de diciembre de 2026»; Django's ``date`` filter capitalises Spanish months)."""
    if value is None:
        return ""
    return format_partial_date(timezone.localdate(value), DatePrecision.DAY)
