"""Reading a record's text in the page's language, in templates.

``{{ agreement|tr:"title" }}`` is the title in the page's language where a
public translation exists, otherwise in Spanish (a ``Text``: every filter takes
it); ``{{ agreement|tr_lang:"title" }}`` is the language it came out in, for the
element's ``lang``::

    <h1 lang="{{ agreement|tr_lang:"title" }}">{{ agreement|tr:"title" }}</h1>

``{% translation_note agreement %}`` says, on an English page only, that the
record is shown in Spanish, that its English text is an unofficial translation,
or that the translation predates the latest change to the Spanish text.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

from ..translation import ENGLISH, TranslationStatus, page_language, translated, translated_fields

register = template.Library()


@register.filter
def tr(record, field: str):
    if record is None or record == "":
        return ""
    return translated(record, field)


@register.filter
def tr_lang(record, field: str) -> str:
    if record is None or record == "":
        return page_language()
    return translated(record, field).language


@register.simple_tag
def translation_note(record) -> str:
    """The note an English page shows above a record's text; nothing on a Spanish page."""
    if page_language() != ENGLISH or record is None:
        return ""
    fields = translated_fields(record)
    if not fields:
        return ""
    shown = [text for name in fields if (text := translated(record, name))]
    if not shown:
        return ""  # nothing of it is written in any language (a membership without notes)
    if not any(text.language == ENGLISH for text in shown):
        return format_html(
            '<p class="translation-note" data-translation="none">{}</p>',
            gettext("Sólo en español: este registro aún no tiene una traducción revisada al inglés; se muestra su texto original."),
        )
    if getattr(record, "translation_status", None) == TranslationStatus.REVIEWED and record.translation_outdated:
        return format_html(
            '<p class="translation-note" data-translation="outdated">{}</p>',
            gettext(
                "Traducción no oficial y desactualizada: el texto en español cambió después de revisar esta traducción. "
                "El texto en español es el que vale."
            ),
        )
    return format_html(
        '<p class="translation-note" data-translation="unofficial">{}</p>',
        gettext("Traducción no oficial: el texto en español es el que vale."),
    )
