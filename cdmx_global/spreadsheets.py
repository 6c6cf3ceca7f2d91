"""Spreadsheets in and out of the admin.

Exports escape cells a spreadsheet would run as formulas (``escape_formula``,
reused by the public open-data downloads). Imports read the columns staff keep
today, headed by the Spanish names of the admin form, and only ever create
drafts: ``RecordResource`` is the base of every importable record's resource.

A spreadsheet speaks Spanish whatever the interface language, so a file made
by one person reads the same for the next: headers and choice labels are
always the Spanish ones.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField
from import_export import resources, widgets
from import_export.fields import Field
from import_export.results import ErrorRow, InvalidRow, Result

from staff.selectors import body_of, user_sees_every_body

from .models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    SustainableDevelopmentGoal,
    Theme,
)
from .partial_dates import DatePrecision

SPREADSHEET_LANGUAGE = "es-mx"

#: What a spreadsheet takes for the start of a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: The columns every record has besides its own; the body is placed by each resource.
RECORD_COLUMNS = ("source_citation", "source_excerpt")

#: Between the names of a many-to-many column: «Moscú; París».
LIST_SEPARATOR = ";"

#: Import history rows say where the record came from; the reason column holds 100 characters.
CHANGE_REASON_LENGTH = 100


def escape_formula(value):
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe.

    The apostrophe makes the spreadsheet show the text as typed; nothing is
    removed, so the data stays whole. Numbers, dates and empty cells pass as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def spanish(text) -> str:
    with translation.override(SPREADSHEET_LANGUAGE):
        return str(text)


def column_name(model, field_name: str) -> str:
    return capfirst(spanish(model._meta.get_field(field_name).verbose_name))


def _normalise_header(header) -> str:
    return " ".join(str(header).split()).casefold()


def _cell_text(value) -> str:
    """A cell as text: XLSX gives numbers (11.0 for 11) where a CSV gives text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _is_blank(value) -> bool:
    return _cell_text(value) == ""


# Widgets -------------------------------------------------------------------------


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
            value = _cell_text(value)
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
        text = _cell_text(value)
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
        text = _cell_text(value).casefold()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(gettext("Escriba «Sí» o «No», no «%(value)s».") % {"value": _cell_text(value)})

    def render(self, value, obj=None, **kwargs):
        return spanish(_("Sí")) if value else spanish(_("No"))


class CountryWidget(widgets.Widget):
    """A country by its two-letter code («FR») or its name in Spanish or English («Francia»)."""

    def clean(self, value, row=None, **kwargs):
        text = _cell_text(value)
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
        text = _cell_text(value)
        return self.find(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(getattr(value, self.shown))


class ManyLookupWidget(widgets.ManyToManyWidget):
    """Several related records separated by «;», each named as ``LookupWidget`` names it."""

    def __init__(self, model, lookups: tuple[str, ...], shown: str | None = None):
        self.lookup = LookupWidget(model, lookups, shown)
        super().__init__(model, separator=LIST_SEPARATOR)

    def clean(self, value, row=None, **kwargs):
        names = [name.strip() for name in _cell_text(value).split(self.separator)]
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


# Fields --------------------------------------------------------------------------

_PARTIAL_DATE_PATTERNS = (
    (re.compile(r"^(?P<year>\d{4})$"), DatePrecision.YEAR),
    (re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"), DatePrecision.MONTH),
    (re.compile(r"^(?P<month>\d{1,2})/(?P<year>\d{4})$"), DatePrecision.MONTH),
    (re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"), DatePrecision.DAY),
    (re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$"), DatePrecision.DAY),
)


def parse_partial_date(value) -> tuple[datetime.date | None, str]:
    """«2014», «2014-11», «2014-11-21», «21/11/2014» or a date cell, with its precision."""
    if isinstance(value, datetime.datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    text = _cell_text(value)
    if not text:
        return None, ""
    for pattern, precision in _PARTIAL_DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            try:
                date = datetime.date(int(parts["year"]), int(parts.get("month") or 1), int(parts.get("day") or 1))
            except ValueError:
                break
            return date, precision
    raise ValueError(
        gettext("«%(value)s» no es una fecha válida. Escriba el año (2014), el mes (2014-11) o el día (2014-11-21 o 21/11/2014).")
        % {"value": text}
    )


def format_partial_date_cell(value: datetime.date | None, precision: str) -> str:
    """The partial date as an import would read it back: «2014», «2014-11», «2014-11-21»."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


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


# Results: row numbers as the spreadsheet shows them ---------------------------------

#: The header is the sheet's first row, so data row n is sheet row n + 1.
HEADER_ROWS = 1


class SheetInvalidRow(InvalidRow):
    @property
    def messages(self) -> list[str]:
        """«Fila 3, columna “Fecha de firma”: …», one line per problem."""
        lines = []
        for column, errors in self.field_specific_errors.items():
            for error in errors:
                lines.append(
                    gettext("Fila %(row)s, columna “%(column)s”: %(error)s")
                    % {"row": self.number, "column": column, "error": error}
                )
        for error in self.non_field_specific_errors:
            lines.append(gettext("Fila %(row)s: %(error)s") % {"row": self.number, "error": error})
        return lines


class SheetResult(Result):
    def append_invalid_row(self, number, row, validation_error):
        values = tuple(row.get(column, "") for column in self.diff_headers)
        self.invalid_rows.append(SheetInvalidRow(number + HEADER_ROWS, validation_error, values))

    def append_error_row(self, number, row, errors):
        self.error_rows.append(ErrorRow(number=number + HEADER_ROWS, errors=errors))

    @property
    def messages(self) -> list[str]:
        return [message for row in self.invalid_rows for message in row.messages]


class SpreadsheetError(Exception):
    """A problem with the file as a whole (an unknown column); no row is imported."""


# Resources -------------------------------------------------------------------------


def _messages(error) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error)]


class RecordResource(resources.ModelResource):
    """Columns headed by the admin form's Spanish labels; imports create drafts only.

    A concrete resource lists its columns in ``Meta.fields`` (the export) and
    the ones a file may fill in ``import_fields``. The importing user passes as
    ``user`` to ``import_data``; the responsible body follows the roles: a
    liaison imports only for its own body (a blank cell means it), anyone who
    sees every body names the body on each row.
    """

    import_fields: tuple[str, ...] = ()
    #: Other headers staff use for a column: {field name: (header, …)}.
    header_aliases = {"body": ("Dependencia",)}
    #: Lookups for related records, by field name, beyond ``LOOKUPS``.
    lookups: dict[str, tuple[str, ...]] = {}

    class Meta:
        force_init_instance = True  # never update: an existing record is changed through review
        use_transactions = True
        clean_model_instances = True
        report_skipped = False
        skip_unchanged = False

    def __init__(self, **kwargs):
        super().__init__()
        self.user = kwargs.get("user")
        self.change_reason = spanish(_("Importación desde hoja de cálculo"))

    @classmethod
    def get_result_class(cls):
        return SheetResult

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        model = django_field.model
        column = column_name(model, field_name)
        if f"{field_name}_precision" in {f.name for f in model._meta.fields}:
            return PartialDateField(attribute=field_name, column_name=column)
        if django_field.is_relation:
            related = django_field.related_model
            lookups = cls.lookups.get(field_name) or LOOKUPS[related]
            widget_class = ManyLookupWidget if django_field.many_to_many else LookupWidget
            widget = widget_class(related, lookups, SHOWN.get(related))
        elif isinstance(django_field, CountryField):
            widget = CountryWidget()
        elif django_field.choices:
            widget = ChoiceWidget(django_field)
        elif isinstance(django_field, models.BooleanField):
            widget = BooleanWidget()
        else:
            widget = ModelFieldWidget(django_field)
        return Field(attribute=field_name, column_name=column, widget=widget, readonly=readonly)

    # Columns ---------------------------------------------------------------------

    def get_import_fields(self):
        return [self.fields[name] for name in self.import_fields]

    def import_columns(self) -> list[str]:
        return [field.column_name for field in self.get_import_fields()]

    def _column_of_attribute(self, attribute: str) -> str:
        for field in self.fields.values():
            if attribute in getattr(field, "attributes", (field.attribute,)):
                return field.column_name
        return capfirst(spanish(self._meta.model._meta.get_field(attribute).verbose_name))

    def _attributes_of_column(self, column: str) -> tuple[str, ...]:
        for field in self.fields.values():
            if field.column_name == column:
                return getattr(field, "attributes", (field.attribute,))
        return ()

    def before_import(self, dataset, **kwargs):
        self.user = kwargs.get("user", self.user)
        file_name = kwargs.get("file_name")
        if file_name:
            reason = f"{self.change_reason}: {file_name}"
            self.change_reason = reason[: CHANGE_REASON_LENGTH - 1] + "…" if len(reason) > CHANGE_REASON_LENGTH else reason
        dataset.headers = self._canonical_headers(dataset.headers or [])

    def _canonical_headers(self, headers) -> list:
        known = {}
        for name, field in self.fields.items():
            for header in (field.column_name, *self.header_aliases.get(name, ())):
                known[_normalise_header(header)] = field.column_name
        canonical, unknown = [], []
        for header in headers:
            if _is_blank(header):
                canonical.append(header)
                continue
            match = known.get(_normalise_header(header))
            if match is None:
                unknown.append(str(header))
            canonical.append(match or header)
        if unknown:
            raise SpreadsheetError(
                gettext("El archivo tiene columnas que no corresponden a ningún dato: %(unknown)s. Las columnas válidas son: %(known)s.")
                % {
                    "unknown": ", ".join(f"“{header}”" for header in unknown),
                    "known": ", ".join(f"“{column}”" for column in self.import_columns()),
                }
            )
        return canonical

    # Rows ------------------------------------------------------------------------

    def import_instance(self, instance, row, **kwargs):
        instance._sheet_blank = all(_is_blank(value) for value in row.values())
        if instance._sheet_blank:
            return
        errors = {}
        instance._sheet_m2m = {}
        for field in self.get_import_fields():
            if field.attribute == "body" or field.column_name not in row:
                continue
            try:
                if isinstance(field.widget, widgets.ManyToManyWidget):
                    instance._sheet_m2m[field.attribute] = field.clean(row)
                else:
                    field.save(instance, row)
            except (ValueError, ValidationError) as error:
                errors[field.column_name] = _messages(error)
        self._import_body(instance, row, errors)
        self._import_status(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def _import_body(self, instance, row, errors):
        field = self.fields["body"]
        text = _cell_text(row.get(field.column_name))
        own_body = body_of(self.user)
        every_body = user_sees_every_body(self.user)
        if not every_body and own_body is None:
            errors[field.column_name] = [gettext("Su cuenta no está asignada a ninguna dependencia.")]
            return
        if not text:
            if every_body:
                errors[field.column_name] = [gettext("Indique la dependencia responsable.")]
            else:
                instance.body = own_body
            return
        try:
            body = field.widget.find(text)
        except ValueError as error:
            errors[field.column_name] = [str(error)]
            return
        if not every_body and body != own_body:
            errors[field.column_name] = [
                gettext("Sólo puede importar registros de su dependencia (%(body)s).") % {"body": own_body}
            ]
            return
        instance.body = body

    def _import_status(self, instance, row, errors):
        """A new record is a draft: publication goes through review, never through a file."""
        instance.status = PublicationStatus.DRAFT
        if "status" not in self.fields:
            return
        column = self.fields["status"].column_name
        text = _cell_text(row.get(column)).casefold()
        if text and text not in {PublicationStatus.DRAFT.value, spanish(PublicationStatus.DRAFT.label).casefold()}:
            errors[column] = [
                gettext("Una importación sólo crea borradores; la publicación pasa por revisión. Deje la columna vacía o escriba «Borrador».")
            ]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return instance._sheet_blank

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The model's own checks (``full_clean``), each message under the column it concerns."""
        errors = {column: _messages(ValidationError(found)) for column, found in (import_validation_errors or {}).items()}
        exclude = {attribute for column in errors for attribute in self._attributes_of_column(column)}
        try:
            instance.full_clean(exclude=exclude, validate_unique=validate_unique)
        except ValidationError as error:
            for attribute, messages in error.message_dict.items():
                key = attribute if attribute == NON_FIELD_ERRORS else self._column_of_attribute(attribute)
                errors.setdefault(key, []).extend(messages)
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        # The history row is written once the many-to-many values are in (save_m2m).
        instance.save_without_historical_record(force_insert=True)

    def save_m2m(self, instance, row, **kwargs):
        instance.skip_history_when_saving = True
        try:
            for attribute, related in instance._sheet_m2m.items():
                getattr(instance, attribute).set(related)
        finally:
            del instance.skip_history_when_saving
        record_creation(instance, user=self.user, reason=self.change_reason)

    def after_import_row(self, row, row_result, **kwargs):
        row_result.sheet_row = kwargs["row_number"] + HEADER_ROWS

    def after_import(self, dataset, result, **kwargs):
        # Unlike the library's default, leave the id sequences alone: a file never
        # gives ids, and resetting a sequence races with concurrent inserts.
        pass

    # Export ----------------------------------------------------------------------

    def export_field(self, field, instance, **kwargs):
        with translation.override(SPREADSHEET_LANGUAGE):
            return escape_formula(super().export_field(field, instance, **kwargs))

    def export_template(self):
        """The empty sheet staff fill in: the import columns only."""
        import tablib

        return tablib.Dataset(headers=self.import_columns())


def record_creation(instance, *, user, reason: str) -> None:
    """One history row for a record created with its many-to-many values.

    Saving and then setting each many-to-many field would leave a row per
    step; an import is one change, by one person, for one reason.
    """
    history_model = type(instance).history.model
    entry = history_model(
        history_date=timezone.now(),
        history_type="+",
        history_user=user,
        history_change_reason=reason,
        **{field.attname: getattr(instance, field.attname) for field in history_model.tracked_fields},
    )
    entry.save()
    for field in history_model._history_m2m_fields:
        m2m_history_model = getattr(history_model, field.name).model
        through = field.remote_field.through
        names = [through_field.name for through_field in through._meta.fields]
        rows = through.objects.filter(**{field.m2m_field_name(): instance})
        m2m_history_model.objects.bulk_create(
            [m2m_history_model(history=entry, **{name: getattr(row, name) for name in names}) for row in rows]
        )
