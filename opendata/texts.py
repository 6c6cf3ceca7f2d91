"""The texts the API and the downloads give in English: a record's public
translation (``cdmx_global.translation.translated``), else its Spanish text.

A commitment has no translation status of its own: it is part of its
agreement, written on the agreement's page, so its English is public exactly
when the agreement's is. Without that rule a commitment's English would show
as soon as someone typed it, reviewed or not.
"""

from django.db.models import Model

from agreements.models import Commitment
from cdmx_global.translation import SPANISH, Text, english_is_public, translated

#: Parts with English text but no translation status, and the record whose status they share.
PARTS = {Commitment: "agreement"}


def public_text(item: Model, field: str, language: str | None = None) -> Text:
    """``item``'s ``field`` in ``language`` (the active one by default) as the public may read it."""
    owner = PARTS.get(type(item))
    if owner is not None and not english_is_public(getattr(item, owner)):
        language = SPANISH
    return translated(item, field, language)
