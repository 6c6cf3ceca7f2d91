"""What a download table is made of: ``Column`` (a key, a header, a type, a
description and how to read the value from a record) and ``Table`` (a
collection's records as rows), and the columns every table builds from a
model's fields."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from operator import attrgetter
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst, format_lazy
from django.utils.translation import get_language, gettext_lazy as _
from django_countries.fields import CountryField

from cdmx_global.labels import choice_label, country_name
from cdmx_global.spreadsheets import format_partial_date_cell
from cdmx_global.translation import ENGLISH, SPANISH, Text, page_language, translated, translated_fields

from ..addresses import Addresses
from ..collections import Collection
from ..rows import Link, Values

#: Joins the names of the records linked to a row.
SEPARATOR = " | "

#: What a partial date cell holds: a year, a month or a day.
PARTIAL_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"

URI_FORMAT = "uri"

#: Ends the key (and the header) of the column that says which language a text column holds.
LANGUAGE_SUFFIX = "_language"


@dataclass(frozen=True)
class Column:
    key: str
    header: Promise | str
    type: str
    description: Promise | str
    read: Callable[[Any], Any]
    #: Frictionless ``format``: ``uri`` marks a portal path written as an absolute address.
    format: str = "default"
    constraints: dict = field(default_factory=dict)
    #: A text with an English twin: ``text(record, language)`` reads it as the
    #: public may in that language (``cdmx_global.translation.translated``).
    text: Callable[[Any, str], Text] | None = None

    def value(self, record, addresses: Addresses):
        value = self.read(record)
        if value == "" or value is None:
            return None
        if self.format == URI_FORMAT:
            return addresses(value)
        return value

    def in_english(self) -> tuple["Column", "Column"]:
        """The text in English (its public translation, else the Spanish
        original) and, after it, the column saying which one each row holds."""
        text = self.text
        english = replace(self, read=lambda record: str(text(record, ENGLISH)), text=None)
        language = Column(
            f"{self.key}{LANGUAGE_SUFFIX}", f"{self.key}{LANGUAGE_SUFFIX}", "string",
            format_lazy(
                _("Idioma de «{}» en la fila: «en» (traducción revisada) o «es» (no la hay: el original en español)."),
                self.header,
            ),
            lambda record: text(record, ENGLISH).language,
            constraints={"enum": [ENGLISH, SPANISH]},
        )
        return english, language


@dataclass(frozen=True)
class Table:
    """A download: the records of ``collection`` as rows of ``columns``."""

    name: str
    title: Promise
    description: Promise
    collection: Collection
    columns: tuple[Column, ...]
    #: What the columns read of the records linked to a row: rows are read as
    #: values (``opendata.rows``). None reads model instances from the
    #: collection's selector (a table registered without its links).
    links: tuple[Link, ...] | None = None
    #: A layout the law sets in Spanish (the transparency obligations'): the
    #: same file, headers and texts in Spanish, whatever language is asked.
    language_of_record: bool = False

    @property
    def headers(self) -> list[str]:
        """The columns' headers in the active language, translated once per language."""
        by_language = self.__dict__.setdefault("_headers", {})
        language = get_language()
        if language not in by_language:
            by_language[language] = [str(column.header) for column in self.columns]
        return list(by_language[language])

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    def row(self, record, addresses: Addresses) -> list:
        values = []
        for read, column in self._readers:
            if read is None:
                values.append(column.value(record, addresses))
            else:
                value = read(record)
                values.append(None if value == "" else value)
        return values

    @cached_property
    def _readers(self) -> list[tuple[Callable[[Any], Any] | None, "Column"]]:
        """Each column's ``read`` where its value is what it reads (an empty text as None, as
        ``Column.value`` gives it), else None: the row asks the column itself."""
        return [
            (column.read if type(column) is Column and column.format != URI_FORMAT else None, column)
            for column in self.columns
        ]

    def in_language(self, language: str | None) -> "Table":
        """The table as a download in ``language`` has it: the same in Spanish,
        the language of record; in English, each text column in English and
        followed by its language column (``Column.in_english``)."""
        if page_language(language) != ENGLISH or self.language_of_record:
            return self
        columns = []
        for column in self.columns:
            columns.extend(column.in_english() if column.text else (column,))
        return replace(self, columns=tuple(columns))


# Reading values ------------------------------------------------------------------


def _related(items) -> Iterable:
    """A prefetched relation (a manager) or a ``to_attr`` list."""
    return items.all() if hasattr(items, "all") else items


def _labelled(item, label: Callable[[Any], str]) -> str:
    """``label(item)``; once per linked record read as values, which many rows share."""
    if not isinstance(item, Values):
        return label(item)
    labels = item.__dict__.setdefault("_labels", {})
    if label not in labels:
        labels[label] = label(item)
    return labels[label]


def joined(attribute: str, label: Callable[[Any], str] = str) -> Callable[[Any], str]:
    return lambda record: SEPARATOR.join(_labelled(item, label) for item in _related(getattr(record, attribute)))


def _choice_label(name: str) -> Callable[[Any], str]:
    return lambda record: choice_label(record, name) if getattr(record, name) else None


def _country_code(name: str) -> Callable[[Any], str]:
    return lambda record: getattr(record, name).code


def _linked_name(attribute: str, label: Callable[[Any], str] = str) -> Callable[[Any], str | None]:
    def read(record):
        # A FilteredRelation that matched nothing leaves no attribute at all.
        linked = getattr(record, attribute, None)
        return _labelled(linked, label) if linked is not None else None

    return read


_TYPES = (
    (models.BooleanField, "boolean"),
    (models.IntegerField, "integer"),
    (models.DecimalField, "number"),
    (models.DateTimeField, "datetime"),
    (models.DateField, "date"),
)


def column(model, name: str, *, description=None, attribute: str = "", label=str) -> Column:
    """The column of the model field ``name``, its header the field's label.

    A choice gives its label in the active language; a country its ISO code;
    a link the name of the linked record(s), read from ``attribute`` (the
    selector's published-only relation) when it is not the field itself.
    """
    model_field = model._meta.get_field(name)
    header = capfirst(model_field.verbose_name)
    description = description or model_field.help_text or header
    attribute = attribute or name
    kind = "string"
    if isinstance(model_field, CountryField):
        read = _country_code(name)
        description = _("Código ISO 3166-1 alfa-2 del país.")
    elif model_field.choices:
        read = _choice_label(name)
    elif model_field.many_to_many:
        read = joined(attribute, label)
    elif model_field.many_to_one:
        read = _linked_name(attribute, label)
    else:
        read = attrgetter(name)
        kind = next((frictionless for cls, frictionless in _TYPES if isinstance(model_field, cls)), "string")
        if name in translated_fields(model):
            return Column(name, header, kind, description, read, text=translated_text(name))
    return Column(name, header, kind, description, read)


def translated_text(name: str, of: Callable[[Any], Any] = lambda record: record) -> Callable[[Any, str], Text]:
    """What reads the text ``name`` of a row's record (or of ``of(record)``) in a language."""
    return lambda record, language: translated(of(record), name, language)


def text_of(name: str) -> Callable[[Any], str]:
    """A linked item's text ``name`` in the download's language: its public
    English where it has one on an English download, its Spanish otherwise."""
    return lambda item: str(translated(item, name))


def partial_date(model, name: str) -> tuple[Column, Column]:
    """A partial date as the text of its precision («2014», «2014-11»,
    «2014-11-21»), never a day the source does not give, and its precision."""
    model_field = model._meta.get_field(name)
    precision = f"{name}_precision"
    header = capfirst(model_field.verbose_name)
    return (
        Column(
            name, header, "string",
            format_lazy(
                _("{}: con la precisión que da la fuente: «2014» (año), «2014-11» (mes) o «2014-11-21» (día)."),
                header,
            ),
            lambda record: format_partial_date_cell(getattr(record, name), getattr(record, precision)),
            constraints={"pattern": PARTIAL_DATE_PATTERN},
        ),
        Column(
            precision, capfirst(model._meta.get_field(precision).verbose_name), "string",
            _("Año, mes o día: la precisión con que la fuente da la fecha."),
            _choice_label(precision),
        ),
    )


IDENTIFIER = Column(
    "id", _("Identificador"), "integer",
    _("Número del registro en el portal; forma parte de su dirección."),
    attrgetter("pk"),
)

COUNTRY_NAME = Column(
    "country_name", _("Nombre del país"), "string", _("Nombre del país en el idioma de la descarga."),
    lambda record: country_name(record.country) or None,
)


def network(model) -> tuple[Column, Column]:
    return (
        column(model, "network", label=text_of("name"), description=_("Red de ciudades.")),
        Column(
            "network_slug", _("Clave de la red"), "string", _("Clave de la red en el portal (tabla de redes)."),
            lambda record: record.network.slug,
        ),
    )


class PortalAddress(Column):
    """The address of the record's page, made from its keys (``Addresses.portal``), not reversed per row."""

    def value(self, record, addresses: Addresses):
        return addresses.portal(record)


PORTAL_URL = PortalAddress(
    "portal_url", _("Dirección en el portal"), "string",
    _("Dirección de la ficha del registro en el portal, en el idioma de la descarga."),
    lambda record: record.get_absolute_url(), format=URI_FORMAT,
)


def document(model, name: str) -> Column:
    return Column(
        f"{name}_url", capfirst(model._meta.get_field(name).verbose_name), "string",
        _("Dirección del documento en PDF, si se ha publicado."),
        lambda record: getattr(record, name).url if getattr(record, name) else None, format=URI_FORMAT,
    )


def updated_at(model) -> Column:
    return column(
        model, "updated_at",
        description=_("Fecha y hora de la última actualización del registro (Ley General de Transparencia, art. 58)."),
    )


#: A record's responsible body, as the selectors join it (whatever its status).
BODY = Link("body", published=False, fields=("name",))

#: What names a counterpart (its ``__str__``): its name, and its country if it is a place.
COUNTERPART_NAME = ("name", "country", "kind")


def record_tail(model) -> tuple[Column, ...]:
    """What every record states: who answers for it (LGT art. 58), its source,
    its last update and its page."""
    return (
        column(model, "body", label=text_of("name")),
        column(model, "source_citation", description=_("Dónde consta el dato.")),
        column(model, "source_excerpt"),
        updated_at(model),
        PORTAL_URL,
    )


def counterparts(model, name: str = "counterparts") -> Column:
    return column(
        model, name,
        description=_("Nombres de las contrapartes publicadas, separados por « | »."),
    )


def classification(model, *names: str) -> tuple[Column, ...]:
    descriptions = {
        "themes": _("Temas, separados por « | »."),
        "sdgs": _("Objetivos de Desarrollo Sostenible, separados por « | »."),
        "frameworks": _("Marcos de Naciones Unidas, separados por « | »."),
    }
    return tuple(column(model, name, description=descriptions[name]) for name in names)


def linked_records(
    attribute: str, header, description, *, key: str = "", label: Callable[[Any], str] = str
) -> Column:
    return Column(key or attribute, header, "string", description, joined(attribute, label))
