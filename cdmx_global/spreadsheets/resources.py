"""The base of every importable record's resource: Spanish columns, drafts only,
the roles' rule for the responsible body, all rows or none, one history row each.

A row is read and checked here, each problem under its column; it is written by
the kernel's ``record_create``, which checks the body rule and the record again."""

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _
from django_countries.fields import CountryField
from import_export import resources, widgets
from import_export.fields import Field
from import_export.results import ErrorRow, InvalidRow, Result

from ..bulk import bulk_change
from ..access import body_of, user_handles_body, user_sees_every_body
from ..models import PublicationStatus
from ..services import record_create

from . import SPREADSHEET_LANGUAGE, cell_text, column_name, escape_formula, is_blank, normalise_header, spanish
from .widgets import (
    LOOKUPS,
    SHOWN,
    BooleanWidget,
    ChoiceWidget,
    CountryWidget,
    LookupWidget,
    ManyLookupWidget,
    ModelFieldWidget,
    PartialDateField,
)

#: The columns every record has besides its own; the body is placed by each resource.
RECORD_COLUMNS = ("source_citation", "source_excerpt")

#: Import history rows say where the record came from; the reason column holds 100 characters.
CHANGE_REASON_LENGTH = 100


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

    def import_data(self, dataset, dry_run=False, *args, **kwargs):
        # A bulk change: the search index is rebuilt once, by a worker, after
        # the import; a preview (a dry run) or a refused file is rolled back,
        # and asks for nothing.
        with bulk_change() as change:
            result = super().import_data(dataset, dry_run, *args, **kwargs)
            if dry_run or result.has_errors() or result.has_validation_errors():
                change.changed = False
        return result

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
                known[normalise_header(header)] = field.column_name
        canonical, unknown = [], []
        for header in headers:
            if is_blank(header):
                canonical.append(header)
                continue
            match = known.get(normalise_header(header))
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
        instance._sheet_blank = all(is_blank(value) for value in row.values())
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
        text = cell_text(row.get(field.column_name))
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
        if not user_handles_body(self.user, body.pk):
            errors[field.column_name] = [
                gettext("Sólo puede importar registros de su dependencia (%(body)s).") % {"body": own_body}
            ]
            return
        instance.body = body

    def _import_status(self, instance, row, errors):
        """A new record is a draft (``record_create`` keeps it so): publication goes
        through review, never through a file."""
        if "status" not in self.fields:
            return
        column = self.fields["status"].column_name
        text = cell_text(row.get(column)).casefold()
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
        # Always a new record (``force_init_instance``), with its links and one history row.
        record_create(instance=instance, user=self.user, reason=self.change_reason, m2m=instance._sheet_m2m)

    def save_m2m(self, instance, row, **kwargs):
        pass  # saved with the record, in ``do_instance_save``

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
        return tablib.Dataset(headers=self.import_columns())

