"""Template tags every public page uses."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

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
