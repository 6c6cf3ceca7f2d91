"""How a cell becomes a value and back: plain values, choices, yes/no, countries,
records named from a catalogue, and partial dates."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy as _
from django_countries import countries
from import_export import widgets
from import_export.fields import Field

from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme

from . import SPREADSHEET_LANGUAGE, cell_text, format_partial_date_cell, parse_partial_date, spanish

#: Between the names of a many-to-many column: «Moscú; París».
LIST_SEPARATOR = ";"


class ModelFieldWidget(widgets.Widget):
    """A plain value, read by the model field itself so its own Spanish messages apply."""

    def __init__(self, django_field):
        self.django_field = django_field
        super().__init__(coerce_to_string=True)

    def clean(self, value, row=None, **kwargs):
        field = self.django_field
        if isinstance(field, (models.DateField, models.DecimalField)) and not isinstance(value, str):
            if isinstance(value, datetime.datetime):
                value = value.date()
            elif isinstance(value, float):
                value = Decimal(str(value))
        else:
            value = cell_text(value)
        if value in ("", None):
            return "" if _keeps_empty_text(field) else None
        return field.to_python(value)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return value  # a number stays a number in the sheet
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value)


def _keeps_empty_text(field) -> bool:
    return isinstance(field, (models.CharField, models.TextField)) and not field.null


class ChoiceWidget(widgets.Widget):
    """A choice given by its Spanish label («Vigente») or its code («in_force»)."""

    def __init__(self, django_field):
        self.django_field = django_field
        self.labels = {code: spanish(label) for code, label in django_field.flatchoices}
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return self.django_field.get_default() if self.django_field.has_default() else ""
        wanted = text.casefold()
        for code, label in self.labels.items():
            if wanted in (str(code).casefold(), label.casefold()):
                return code
        raise ValueError(
            gettext("«%(value)s» no es una opción válida. Use una de: %(options)s.")
            % {"value": text, "options": ", ".join(self.labels.values())}
        )

    def render(self, value, obj=None, **kwargs):
        return self.labels.get(value, value or "")


class BooleanWidget(widgets.Widget):
    TRUE = {"sí", "si", "s", "x", "1", "true", "verdadero", "yes"}
    FALSE = {"no", "n", "0", "false", "falso", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).casefold()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(gettext("Escriba «Sí» o «No», no «%(value)s».") % {"value": cell_text(value)})

    def render(self, value, obj=None, **kwargs):
        return spanish(_("Sí")) if value else spanish(_("No"))


class CountryWidget(widgets.Widget):
    """A country by its two-letter code («FR») or its name in Spanish or English («Francia»)."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        if len(text) == 2 and text.upper() in countries:
            return text.upper()
        code = countries.by_name(text, language="es") or countries.by_name(text, language="en")
        if not code:
            raise ValueError(gettext("No se reconoce el país «%(value)s».") % {"value": text})
        return code

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        with translation.override(SPREADSHEET_LANGUAGE):
            return str(countries.name(value))


class LookupWidget(widgets.Widget):
    """A related record named the way staff name it: by code, acronym, name…

    ``lookups`` are tried in order; the first that finds exactly one record
    wins. A name that finds several is ambiguous and a name that finds none is
    an error: imports never create related records.
    """

    def __init__(self, model, lookups: tuple[str, ...], shown: str | None = None):
        self.model = model
        self.lookups = lookups
        self.shown = shown or lookups[-1]
        super().__init__()

    def find(self, text: str):
        for lookup in self.lookups:
            field = self.model._meta.get_field(lookup)
            if isinstance(field, models.IntegerField):
                if not text.isdigit():
                    continue
                matches = list(self.model.objects.filter(**{lookup: int(text)})[:2])
            else:
                matches = list(self.model.objects.filter(**{f"{lookup}__iexact": text})[:2])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                raise ValueError(
                    gettext("«%(value)s» corresponde a más de un registro del catálogo de %(model)s; use su clave.")
                    % {"value": text, "model": spanish(self.model._meta.verbose_name_plural)}
                )
        raise ValueError(
            gettext("«%(value)s» no está en el catálogo de %(model)s.")
            % {"value": text, "model": spanish(self.model._meta.verbose_name_plural)}
        )

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return self.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.shown))


class ManyLookupWidget(widgets.ManyToManyWidget):
    """Several related records separated by «;», each named as ``LookupWidget`` names it."""

    def __init__(self, model, lookups: tuple[str, ...], shown: str | None = None):
        self.lookup = LookupWidget(model, lookups, shown)
        super().__init__(model, separator=LIST_SEPARATOR)

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in cell_text(value).split(self.separator)]
        found, errors = [], []
        for name in filter(None, names):
            try:
                found.append(self.lookup.find(name))
            except ValueError as error:
                errors.append(str(error))
        if errors:
            raise ValidationError(errors)
        return found

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{self.separator} ".join(self.lookup.render(item) for item in value.all())


#: How each related model is named in a sheet, beyond what a resource declares.
LOOKUPS = {
    GovernmentBody: ("acronym", "slug", "name"),
    Counterpart: ("slug", "acronym", "name"),
    Theme: ("slug", "name"),
    SustainableDevelopmentGoal: ("number", "name"),
    Framework: ("code", "name"),
}
SHOWN = {SustainableDevelopmentGoal: "number"}


class PartialDateField(Field):
    """One column for a partial date: it fills both the date and its precision."""

    def clean(self, row, **kwargs):
        return parse_partial_date(row[self.column_name])

    def save(self, instance, row, is_m2m=False, **kwargs):
        value, precision = self.clean(row)
        setattr(instance, self.attribute, value)
        setattr(instance, f"{self.attribute}_precision", precision)

    def export(self, instance, **kwargs):
        return format_partial_date_cell(getattr(instance, self.attribute), getattr(instance, f"{self.attribute}_precision"))

    @property
    def attributes(self) -> tuple[str, ...]:
        return (self.attribute, f"{self.attribute}_precision")
