"""schema.org JSON-LD in the portal's pages: the ``<script>`` that carries it
and the organisations every block names (the Government of Mexico City, the
CGAI that publishes the register, a record's responsible body).

The JSON is data, not a script: a browser never runs it, so it needs no CSP
nonce (and a page kept in the page cache stays valid). ``<``, ``>`` and ``&``
are written as ``\\u003C``… as Django's ``json_script`` does, so no text of a
record can close the element or open another.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from .translation import translated

SCHEMA_CONTEXT = "https://schema.org"

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def city_government() -> dict:
    return {"@type": "GovernmentOrganization", "name": gettext("Gobierno de la Ciudad de México")}


def publisher() -> dict:
    """The CGAI, who answers for the register and publishes its data."""
    return {
        "@type": "GovernmentOrganization",
        "name": gettext("Coordinación General de Asuntos Internacionales"),
        "alternateName": "CGAI",
        "parentOrganization": city_government(),
    }


def government_organization(body) -> dict:
    """A body of the city's government (a ``GovernmentBody``), named in the page's language where its
    English name is public."""
    organization = {
        "@type": "GovernmentOrganization",
        "name": str(translated(body, "name")),
        "parentOrganization": city_government(),
    }
    if body.acronym:
        organization["alternateName"] = body.acronym
    return organization
