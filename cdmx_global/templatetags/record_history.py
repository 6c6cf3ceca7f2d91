"""``{% history_link record %}``: the link «Historial de cambios (N)» of a record's page."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from ..changelog import changes_of

register = template.Library()


@register.simple_tag
def history_link(record) -> str:
    """A paragraph linking ``<record page>/historial/`` with the number of public changes
    (one query); nothing for a record without any (loaded before the history existed)."""
    count = changes_of(record).count()
    if not count:
        return ""
    return format_html(
        '<p class="history-link"><a href="{}historial/">{}</a></p>',
        record.get_absolute_url(),
        gettext("Historial de cambios (%(count)d)") % {"count": count},
    )
