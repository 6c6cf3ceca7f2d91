"""``{% record_sections record %}``: the sections other apps registered for the record's page."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from ..record_sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def record_sections(context, record):
    request = context.get("request")
    parts = []
    for section in sections_for(record):
        section_context = section.context(record)
        if section_context is not None:
            parts.append(render_to_string(section.template_name, {"record": record, **section_context}, request=request))
    # Each part is a rendered template, escaped by its own autoescaping.
    return mark_safe("".join(parts))
