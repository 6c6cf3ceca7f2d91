"""The flat tables of the bulk downloads: one per public collection, plus the
agreements in the layout of the transparency obligations.

A ``Column`` has a stable English ``key`` (the JSON key), a header in the
active language (the CSV and XLSX header, and the data package's field
name), a Frictionless ``type``, a description, and how to read its value from
a record. Headers are the models' own translated labels wherever a model
field gives one, so the downloads, the admin and the portal name a fact alike.

Values are typed (``str``, ``int``, ``Decimal``, ``bool``, ``date``,
``datetime`` or ``None``); each format writes them its own way. Linked records
come from what the collection's selector fetched, published only, so a table
never costs a query per row and never shows an unpublished record.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from agreements.models import Action, Agreement
from cdmx_global.labels import choice_label, country_name
from cdmx_global.models import Counterpart, GovernmentBody, Theme
from cdmx_global.spreadsheets import format_partial_date_cell
from events.models import Award, Event, Visit
from networks.models import Membership, Network, Position

from .collections import COLLECTIONS, Collection

#: Joins the names of the records linked to a row.
SEPARATOR = " | "

#: What a partial date cell holds: a year, a month or a day.
PARTIAL_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"

URI_FORMAT = "uri"


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

    def value(self, record, absolute_url: Callable[[str], str]):
        value = self.read(record)
        if value == "" or value is None:
            return None
        if self.format == URI_FORMAT:
            return absolute_url(value)
        return value


@dataclass(frozen=True)
class Table:
    """A download: the records of ``collection`` as rows of ``columns``."""

    name: str
    title: Promise
    description: Promise
    collection: Collection
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        return [str(column.header) for column in self.columns]

    @property
    def keys(self) -> list[str]:
        return [column.key for column in self.columns]

    def row(self, record, absolute_url: Callable[[str], str]) -> list:
        return [column.value(record, absolute_url) for column in self.columns]


# Reading values ------------------------------------------------------------------


def _related(items) -> Iterable:
    """A prefetched relation (a manager) or a ``to_attr`` list."""
    return items.all() if hasattr(items, "all") else items


def joined(attribute: str, label: Callable[[Any], str] = str) -> Callable[[Any], str]:
    return lambda record: SEPARATOR.join(label(item) for item in _related(getattr(record, attribute)))


def _choice_label(name: str) -> Callable[[Any], str]:
    return lambda record: choice_label(record, name) if getattr(record, name) else None


def _country_code(name: str) -> Callable[[Any], str]:
    return lambda record: getattr(record, name).code


def _linked_name(attribute: str, label: Callable[[Any], str] = str) -> Callable[[Any], str | None]:
    def read(record):
        # A FilteredRelation that matched nothing leaves no attribute at all.
        linked = getattr(record, attribute, None)
        return label(linked) if linked is not None else None

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
    return Column(name, header, kind, description, read)


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
        column(model, "network", label=lambda network: network.name, description=_("Red de ciudades.")),
        Column(
            "network_slug", _("Clave de la red"), "string", _("Clave de la red en el portal (tabla de redes)."),
            lambda record: record.network.slug,
        ),
    )


PORTAL_URL = Column(
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


def record_tail(model) -> tuple[Column, ...]:
    """What every record states: who answers for it (LGT art. 58), its source,
    its last update and its page."""
    return (
        column(model, "body", label=lambda body: body.name),
        column(model, "source_citation", description=_("Dónde consta el dato.")),
        column(model, "source_excerpt"),
        updated_at(model),
        PORTAL_URL,
    )


def _counterparts(model, name: str = "counterparts") -> Column:
    return column(
        model, name,
        description=_("Nombres de las contrapartes publicadas, separados por « | »."),
    )


def _classification(model, *names: str) -> tuple[Column, ...]:
    descriptions = {
        "themes": _("Temas, separados por « | »."),
        "sdgs": _("Objetivos de Desarrollo Sostenible, separados por « | »."),
        "frameworks": _("Marcos de Naciones Unidas, separados por « | »."),
    }
    return tuple(column(model, name, description=descriptions[name]) for name in names)


def _guest(guest) -> str:
    """A guest with the counterpart they represent, when that one is published."""
    text = str(guest)
    counterpart = getattr(guest, "public_counterpart", None)
    return f"{text} ({counterpart})" if counterpart else text


def _linked_records(
    attribute: str, header, description, *, key: str = "", label: Callable[[Any], str] = str
) -> Column:
    return Column(key or attribute, header, "string", description, joined(attribute, label))


# The tables ----------------------------------------------------------------------

AGREEMENT_COLUMNS = (
    column(Agreement, "code", description=_("Clave única del acuerdo; forma parte de su dirección.")),
    column(Agreement, "title"),
    column(Agreement, "kind"),
    column(Agreement, "purpose"),
    _counterparts(Agreement),
    column(Agreement, "signatories"),
    column(Agreement, "other_bodies", label=lambda body: body.name),
    *partial_date(Agreement, "sre_opinion_on"),
    column(Agreement, "sre_opinion_number"),
    column(Agreement, "sre_opinion"),
    column(Agreement, "sre_registration_number"),
    *partial_date(Agreement, "signed_on"),
    column(Agreement, "signed_place"),
    column(Agreement, "signed_period_note"),
    column(Agreement, "validity"),
    *partial_date(Agreement, "in_force_on"),
    *partial_date(Agreement, "valid_until"),
    column(Agreement, "is_indefinite"),
    *partial_date(Agreement, "ended_on"),
    column(Agreement, "end_reason"),
    column(Agreement, "renews", label=lambda agreement: agreement.code,
           description=_("Clave del acuerdo publicado que éste renueva o sustituye.")),
    column(Agreement, "terms"),
    column(Agreement, "amount"),
    column(Agreement, "currency"),
    column(Agreement, "modifications"),
    document(Agreement, "signed_document"),
    column(Agreement, "description"),
    *_classification(Agreement, "themes", "sdgs", "frameworks"),
    column(Agreement, "signed_at_event"),
    *record_tail(Agreement),
)

# Ley General de Transparencia, art. 65 fr. XXV: of each agreement the object,
# counterpart, validity, type, terms, conditions, amount and modifications;
# art. 58: the responsible area and the date of the last update.
#
# The law names «términos» and «condiciones» apart, but the record keeps them
# in one field, «términos y condiciones», as the instruments usually state
# them together. Splitting that text in two would mean guessing where one ends,
# and an empty «condiciones» column would wrongly say there are none; so the
# layout has one column under both names.
TRANSPARENCY_COLUMNS = (
    column(Agreement, "code", description=_("Clave única del acuerdo; forma parte de su dirección.")),
    column(Agreement, "title"),
    *partial_date(Agreement, "signed_on"),
    column(Agreement, "purpose", description=_("Objeto del convenio (art. 65, fr. XXV).")),
    _counterparts(Agreement),
    column(Agreement, "validity", description=_("Vigencia del convenio (art. 65, fr. XXV).")),
    *partial_date(Agreement, "in_force_on"),
    *partial_date(Agreement, "valid_until"),
    column(Agreement, "is_indefinite"),
    column(Agreement, "kind", description=_("Tipo de convenio (art. 65, fr. XXV).")),
    column(Agreement, "terms", description=_(
        "Términos y condiciones del convenio (art. 65, fr. XXV), en un solo texto, como los guarda el registro."
    )),
    column(Agreement, "amount", description=_("Monto del convenio (art. 65, fr. XXV).")),
    column(Agreement, "currency", description=_("Moneda del monto, código ISO 4217.")),
    column(Agreement, "modifications", description=_("Modificaciones del convenio (art. 65, fr. XXV).")),
    column(Agreement, "body", label=lambda body: body.name, description=_("Área responsable (art. 58).")),
    Column(
        "updated_on", capfirst(Agreement._meta.get_field("updated_at").verbose_name), "date",
        _("Fecha de la última actualización del registro (art. 58)."),
        lambda record: timezone.localdate(record.updated_at),
    ),
    PORTAL_URL,
)

ACTION_COLUMNS = (
    IDENTIFIER,
    column(Action, "title"),
    column(Action, "kind"),
    column(Action, "agreement", label=lambda agreement: agreement.code,
           description=_("Clave del acuerdo publicado en cuyo marco se realiza, si lo hay.")),
    column(Action, "description"),
    *partial_date(Action, "start_on"),
    *partial_date(Action, "end_on"),
    column(Action, "place"),
    _counterparts(Action),
    column(Action, "people_reached"),
    column(Action, "resources"),
    column(Action, "amount"),
    column(Action, "currency"),
    column(Action, "results"),
    *_classification(Action, "themes", "sdgs", "frameworks"),
    *record_tail(Action),
)

COUNTERPART_COLUMNS = (
    column(Counterpart, "slug", description=_("Clave única de la contraparte; forma parte de su dirección.")),
    column(Counterpart, "name"),
    column(Counterpart, "acronym"),
    column(Counterpart, "kind"),
    column(Counterpart, "country"),
    COUNTRY_NAME,
    column(Counterpart, "region"),
    column(Counterpart, "is_un_system"),
    column(Counterpart, "latitude", description=_("Latitud de un punto de referencia público, en grados decimales.")),
    column(Counterpart, "longitude", description=_("Longitud de un punto de referencia público, en grados decimales.")),
    column(Counterpart, "description"),
    _linked_records("agreements", _("Acuerdos"), _("Títulos de los acuerdos publicados con esta contraparte.")),
    _linked_records("actions", _("Acciones"), _("Títulos de las acciones publicadas con esta contraparte.")),
    _linked_records("visits", _("Visitas oficiales"), _("Títulos de las visitas publicadas a esta contraparte o de ella.")),
    _linked_records("events", _("Eventos"), _("Nombres de los eventos publicados que organizó o apoyó.")),
    _linked_records("awards_granted", _("Premios otorgados"), _("Premios publicados que otorgó a la Ciudad."),
                    key="awards"),
    _linked_records("convened_networks", _("Redes que convoca"), _("Redes de ciudades publicadas que creó o convoca."),
                    key="networks"),
    *record_tail(Counterpart),
)

NETWORK_COLUMNS = (
    column(Network, "slug", description=_("Clave única de la red; forma parte de su dirección.")),
    column(Network, "name"),
    column(Network, "acronym"),
    column(Network, "scope"),
    column(Network, "convened_by", attribute="public_convener"),
    column(Network, "description"),
    *_classification(Network, "themes", "sdgs"),
    _linked_records("public_memberships", _("Membresías"), _("Tipos de membresía de la Ciudad en la red."),
                     key="memberships", label=attrgetter("role")),
    _linked_records("public_positions", _("Cargos de dirección"), _("Cargos de dirección de la Ciudad en la red."),
                     key="positions", label=attrgetter("title")),
    _linked_records("public_offices", _("Oficinas albergadas"), _("Oficinas de la red que alberga la Ciudad."),
                     key="hosted_offices", label=attrgetter("name")),
    *record_tail(Network),
)

MEMBERSHIP_COLUMNS = (
    IDENTIFIER,
    *network(Membership),
    column(Membership, "role"),
    *partial_date(Membership, "start_on"),
    *partial_date(Membership, "end_on"),
    column(Membership, "notes"),
    *record_tail(Membership),
)

POSITION_COLUMNS = (
    IDENTIFIER,
    *network(Position),
    column(Position, "title"),
    column(Position, "organ"),
    column(Position, "holder"),
    *partial_date(Position, "start_on"),
    *partial_date(Position, "end_on"),
    column(Position, "notes"),
    *record_tail(Position),
)

VISIT_COLUMNS = (
    IDENTIFIER,
    column(Visit, "direction"),
    column(Visit, "title"),
    *partial_date(Visit, "start_on"),
    *partial_date(Visit, "end_on"),
    _counterparts(Visit),
    column(Visit, "delegation"),
    column(Visit, "honour"),
    Column(
        "guests", _("Personas visitantes"), "string",
        _("Nombre y cargo de cada persona visitante, con la contraparte que representa; separadas por « | »."),
        joined("guests", _guest),
    ),
    column(Visit, "event", attribute="public_event"),
    column(Visit, "purpose"),
    column(Visit, "outcome"),
    column(Visit, "expenses"),
    column(Visit, "expenses_currency"),
    document(Visit, "report_document"),
    column(Visit, "report_delivered_on"),
    column(Visit, "themes", description=_("Temas, separados por « | ».")),
    *record_tail(Visit),
)

EVENT_COLUMNS = (
    IDENTIFIER,
    column(Event, "name"),
    column(Event, "mode"),
    column(Event, "role"),
    *partial_date(Event, "start_on"),
    *partial_date(Event, "end_on"),
    column(Event, "city"),
    column(Event, "country"),
    COUNTRY_NAME,
    column(Event, "parent", attribute="public_parent"),
    column(Event, "organisers", description=_("Nombres de los organizadores y aliados publicados, separados por « | ».")),
    column(Event, "participants"),
    column(Event, "participants_count"),
    column(Event, "outcome"),
    column(Event, "description"),
    *_classification(Event, "themes", "sdgs", "frameworks"),
    *record_tail(Event),
)

AWARD_COLUMNS = (
    IDENTIFIER,
    column(Award, "title"),
    column(Award, "direction"),
    column(Award, "category"),
    *partial_date(Award, "awarded_on"),
    column(Award, "granted_by", description=_("Nombres de los otorgantes publicados, separados por « | ».")),
    column(Award, "granted_by_text"),
    column(Award, "recognised_for"),
    column(Award, "description"),
    *_classification(Award, "themes", "sdgs"),
    *record_tail(Award),
)

# Catalogues have no page of their own, responsible area or source.
BODY_COLUMNS = (
    column(GovernmentBody, "slug", description=_("Clave única de la dependencia; filtra las listas del portal y de la API (?body=).")),
    column(GovernmentBody, "name"),
    column(GovernmentBody, "acronym"),
    column(GovernmentBody, "kind"),
    updated_at(GovernmentBody),
)

THEME_COLUMNS = (
    column(Theme, "slug", description=_("Clave única del tema; filtra las listas del portal y de la API (?theme=).")),
    column(Theme, "name"),
    updated_at(Theme),
)


def _table(name: str, columns: tuple[Column, ...], description) -> Table:
    collection = COLLECTIONS[name]
    return Table(name, collection.verbose_name, description, collection, columns)


TRANSPARENCY_TABLE = "agreements-transparency"

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        _table("agreements", AGREEMENT_COLUMNS, _(
            "Acuerdos internacionales publicados: partes, pasos legales, vigencia, contenido y clasificación."
        )),
        Table(
            TRANSPARENCY_TABLE, _("Acuerdos: obligación de transparencia"),
            _(
                "Los acuerdos con los datos que la Ley General de Transparencia hace públicos de cada convenio "
                "(art. 65, fr. XXV: objeto, contraparte, vigencia, tipo, términos y condiciones, monto y "
                "modificaciones) y los de todo registro (art. 58: área responsable y fecha de actualización)."
            ),
            COLLECTIONS["agreements"], TRANSPARENCY_COLUMNS,
        ),
        _table("actions", ACTION_COLUMNS, _("Acciones publicadas: proyectos, intercambios, misiones y otras acciones.")),
        _table("counterparts", COUNTERPART_COLUMNS, _("Contrapartes publicadas, con los registros publicados vinculados a cada una.")),
        _table("networks", NETWORK_COLUMNS, _("Redes de ciudades publicadas y lo que la Ciudad tiene en cada una.")),
        _table("memberships", MEMBERSHIP_COLUMNS, _("Membresías publicadas de la Ciudad en redes de ciudades.")),
        _table("positions", POSITION_COLUMNS, _("Cargos de dirección publicados de la Ciudad en redes de ciudades.")),
        _table("visits", VISIT_COLUMNS, _("Visitas oficiales publicadas: giras al extranjero y visitas recibidas.")),
        _table("events", EVENT_COLUMNS, _("Eventos internacionales publicados, con sede en la Ciudad o en el extranjero.")),
        _table("awards", AWARD_COLUMNS, _("Premios y reconocimientos internacionales publicados.")),
        _table("bodies", BODY_COLUMNS, _("Dependencias del Gobierno de la Ciudad que responden por los registros.")),
        _table("themes", THEME_COLUMNS, _("Temas con que se clasifican los registros.")),
    )
}
