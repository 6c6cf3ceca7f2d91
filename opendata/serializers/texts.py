"""Texts with an English translation, as the API gives them.

A Spanish answer gives each text as the record keeps it, and nothing more.
An English answer (``?lang=en``, or ``Accept-Language: en``) gives, for each
field with an English twin (``cdmx_global.translation.translated_fields``),
three keys in a row::

    "title": "Twinning with Beijing (2009)",         # the public English text, else the Spanish one
    "title_es": "Hermanamiento con Beijing (2009)",  # the Spanish original, always
    "title_language": "en",                          # the language of "title": "en" or "es"

A record's English is public once a reviewer approved it (a draft never
shows), a commitment's with its agreement's; a catalogue's (themes, bodies,
ODS, frameworks) as soon as it exists.
The same holds for linked items (a theme's or counterpart's ``name``).
"""

from functools import cache

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.plumbing import force_instance
from rest_framework import serializers

from cdmx_global.translation import ENGLISH, SPANISH, page_language, translated, translated_fields

SPANISH_SUFFIX = "_es"
LANGUAGE_SUFFIX = "_language"


@cache
def texts(serializer_class: type[serializers.ModelSerializer]) -> tuple[str, ...]:
    """The fields ``serializer_class`` reads straight from a text with an English twin."""
    translatable = translated_fields(serializer_class.Meta.model)
    declared = serializer_class._declared_fields
    return tuple(name for name in serializer_class.Meta.fields if name in translatable and name not in declared)


class TranslatedSerializer(serializers.ModelSerializer):
    """A model serializer whose English answers add the Spanish original and
    the language of each translatable text (see the module)."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        names = texts(type(self))
        if not names or page_language() != ENGLISH:
            return data
        answer = {}
        for key, value in data.items():
            if key in names:
                text = translated(instance, key, ENGLISH)
                answer[key] = str(text)
                answer[key + SPANISH_SUFFIX] = value
                answer[key + LANGUAGE_SUFFIX] = text.language
            else:
                answer[key] = value
        return answer


class TranslatedSerializerExtension(OpenApiSerializerExtension):
    """Describes the keys English answers add, after the text they go with."""

    target_class = TranslatedSerializer
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        names = texts(type(force_instance(self.target)))
        properties = {}
        for key, value in schema["properties"].items():
            properties[key] = value
            if key in names:
                properties[key + SPANISH_SUFFIX] = {
                    "type": "string", "readOnly": True,
                    "description": str(_("Sólo en respuestas en inglés: el texto original en español.")),
                }
                properties[key + LANGUAGE_SUFFIX] = {
                    "type": "string", "enum": [ENGLISH, SPANISH], "readOnly": True,
                    "description": str(_(
                        "Sólo en respuestas en inglés: el idioma del texto, «en» (traducción revisada) "
                        "o «es» (no hay traducción revisada: el original en español)."
                    )),
                }
        schema["properties"] = properties
        return schema
