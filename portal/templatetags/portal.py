"""Template tags every public page uses."""

import datetime
import html

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from cdmx_global.jsonld import SCHEMA_CONTEXT, government_organization, json_ld_script
from cdmx_global.partial_dates import DatePrecision, PartialDate, format_partial_date
from cdmx_global.translation import SPANISH, Text, english_is_public, page_language, translated

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


# Languages of the records' texts (issue 23). An element that holds several
# records' names says the page's language (``lang="{% page_lang %}"``), and
# each name shown in another one says its own; on a Spanish page every name is
# Spanish, so these add nothing to its HTML.


@register.simple_tag
def page_lang() -> str:
    """``es`` or ``en``: the language of the page's own texts."""
    return page_language()


@register.filter
def lang_attr(record, field: str = "name") -> str:
    """`` lang="es"`` where ``record``'s ``field`` is shown in a language other
    than the page's (a Spanish name on an English page); nothing otherwise."""
    if record is None or record == "":
        return ""
    language = translated(record, field).language
    return "" if language == page_language() else format_html(' lang="{}"', language)


@register.filter
def name_in_lang(record) -> str:
    """A catalogue entry's, counterpart's or network's name (its ``str``, in
    the page's language where it has one), in a ``<span lang>`` where it is
    shown in another language than the page's."""
    if record is None or record == "":
        return ""
    attribute = lang_attr(record)
    return format_html("<span{}>{}</span>", attribute, record) if attribute else str(record)


@register.simple_tag
def part_text(part, field: str, record) -> Text:
    """``part``'s ``field`` (a commitment's objective) in the page's language,
    where ``record``, the record it belongs to and whose translation status it
    shares, has a public translation; in Spanish otherwise::

        {% part_text commitment "objective" agreement as objective %}
    """
    if english_is_public(record):
        return translated(part, field)
    return Text(getattr(part, field) or "", SPANISH)


@register.simple_tag
def body_json_ld(record):
    """The body that answers for ``record`` (Ley General de Transparencia, art. 58) as a schema.org
    ``GovernmentOrganization``."""
    return json_ld_script({"@context": SCHEMA_CONTEXT, **government_organization(record.body)})


@register.simple_tag
def facet_options(facet) -> str:
    """The ``<option>`` of each option of a list's facet, with its count: what
    a ``{% for %}`` over ``facet.options`` wrote, byte for byte, without the
    template's cost per option (a country facet has a hundred and more)."""
    # Without thousands separators, Django writes a whole number as it is; it
    # reads three formats for each number before it finds that out.
    count = localize if settings.USE_THOUSAND_SEPARATOR else str
    return mark_safe("".join(
        f'<option value="{_escaped(option.value)}"{" selected" if option.selected else ""}>'
        f"{_escaped(option.label)} ({_escaped(count(option.count))})</option>\n      "
        for option in facet.options
    ))


def _escaped(text) -> str:
    """``conditional_escape(text)``, without its lazy-string wrapper on each of a facet's options."""
    return text.__html__() if hasattr(text, "__html__") else html.escape(str(text))
