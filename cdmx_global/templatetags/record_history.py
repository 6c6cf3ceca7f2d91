"""``{% history_link record %}``: the link «Historial de cambios (N)» of a record's page."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from ..changelog import PublicChange

register = template.Library()


@register.simple_tag
def history_link(record) -> str:
    """A paragraph linking ``<record page>/historial/`` with the number of public changes
    (one query); nothing for a record without any (loaded before the history existed)."""
    # By the content type's natural key, joined: one query whether or not the content
    # types are cached yet (a page costs the same on its first request and in each language).
    meta = type(record)._meta
    count = PublicChange.objects.filter(
        content_type__app_label=meta.app_label, content_type__model=meta.model_name, object_id=record.pk
    ).count()
    if not count:
        return ""
    return format_html(
        '<p class="history-link"><a href="{}historial/">{}</a></p>',
        record.get_absolute_url(),
        gettext("Historial de cambios (%(count)d)") % {"count": count},
    )
