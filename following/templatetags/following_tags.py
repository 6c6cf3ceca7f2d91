"""``{% follow_link "list" %}`` / ``{% follow_link "agreement" agreement.code %}``:
the «Seguir por correo» link of a page, to the form that names what it follows.

A list's link carries the list's view and its current filters, so what is
followed is exactly what the page shows."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..targets import SEARCH_LIST
from ..views import KEY_PARAMETER, KIND_PARAMETER

register = template.Library()

NOT_CARRIED = frozenset({"page", "formato", KIND_PARAMETER, KEY_PARAMETER})


@register.inclusion_tag("following/_follow_link.html", takes_context=True)
def follow_link(context, kind: str, key: str = ""):
    request = context["request"]
    params = {KIND_PARAMETER: kind}
    if kind == "list":
        params[KEY_PARAMETER] = request.resolver_match.view_name
        params.update((name, value) for name, value in request.GET.items() if name not in NOT_CARRIED and value)
    elif key:
        params[KEY_PARAMETER] = key
    return {
        "url": f"{reverse('following:follow')}?{urlencode(params)}",
        "kind": kind,
        "is_search": params.get(KEY_PARAMETER) == SEARCH_LIST,
    }
