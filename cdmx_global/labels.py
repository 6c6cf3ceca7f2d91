"""Choice labels and country names in the active language, translated once
per language.

``get_FOO_display()`` hashes every lazy label of the field's choices on each
call, and each hash translates the label again; django-countries translates
a country's name on each access. A download of thousands of rows paid that
hundreds of thousands of times (a third of its time at 100× the book's
data). These look each label up in a table made once per language.
"""

import functools

from django.db.models import Model
from django.utils import translation
from django_countries import countries


@functools.cache
def _choices(model: type[Model], field_name: str, language: str) -> dict:
    field = model._meta.get_field(field_name)
    with translation.override(language):
        return {value: str(label) for value, label in field.flatchoices}


def choice_label(instance: Model, field_name: str) -> str:
    """What ``instance.get_<field_name>_display()`` returns, without translating each time."""
    value = getattr(instance, field_name)
    return _choices(type(instance), field_name, translation.get_language()).get(value, value)


@functools.cache
def _country_names(language: str) -> dict[str, str]:
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def country_name(country) -> str:
    """The name of a ``CountryField`` value (or code) in the active language; empty for none."""
    code = getattr(country, "code", country)
    if not code:
        return ""
    return _country_names(translation.get_language()).get(code, code)
