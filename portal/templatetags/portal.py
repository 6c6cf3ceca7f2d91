"""Template tags every public page uses."""

import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.translation import get_language, get_language_info

from cdmx_global.partial_dates import DatePrecision, PartialDate, format_partial_date

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in every language: same address, same filters.

    Each entry has ``code``, ``name`` (in its own language), ``url`` and ``current``.
    """
    request = context["request"]
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        links.append({
            "code": code,
            "lang": get_language_info(code)["code"].split("-")[0],
            "name": name,
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        })
    return links


@register.filter
def partial_date(record, field: str) -> str:
    """``{{ agreement|partial_date:"signed_on" }}``: the date at the precision its
    source gives — «2014», «noviembre de 2014», «21 de noviembre de 2010»."""
    return str(PartialDate.of(record, field))


@register.filter
def day(value) -> str:
    """A date or a moment as its day, written as the partial dates are
    («23 de noviembre de 2026»; Django's ``date`` filter capitalises Spanish months)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return format_partial_date(value, DatePrecision.DAY)
