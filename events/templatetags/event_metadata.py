"""``{% event_json_ld event %}``: an event page's schema.org ``Event`` (events/jsonld.py)."""

from django import template

from cdmx_global.jsonld import json_ld_script

from ..jsonld import event_json_ld as describe

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    return json_ld_script(describe(event, context["request"].build_absolute_uri))
