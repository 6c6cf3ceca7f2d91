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

Spanish is the language of record: a table's columns are its Spanish
download's. ``Table.in_language("en")`` is the English download's: each text
with an English twin in its reviewed translation (else in Spanish), followed
by a column ``<key>_language`` saying «en» or «es» for that row; linked names
(bodies, themes, counterparts, events…) in English where they have one.

``base`` holds the machinery (``Column``, ``Table``, the columns built from
model fields); one module per record area lists its tables' columns.
"""

from django.utils.translation import gettext_lazy as _

from ..collections import COLLECTIONS, COMMITMENTS
from .agreements import (
    ACTION_COLUMNS,
    AGREEMENT_COLUMNS,
    COMMITMENT_COLUMNS,
    TRANSPARENCY_COLUMNS,
    TRANSPARENCY_LINKS,
    LINKS as AGREEMENTS_LINKS,
)
from .base import PARTIAL_DATE_PATTERN, SEPARATOR, URI_FORMAT, Column, Table
from .catalogues import BODY_COLUMNS, COUNTERPART_COLUMNS, THEME_COLUMNS, LINKS as CATALOGUE_LINKS
from .events import AWARD_COLUMNS, EVENT_COLUMNS, VISIT_COLUMNS, LINKS as EVENT_LINKS
from .networks import MEMBERSHIP_COLUMNS, NETWORK_COLUMNS, POSITION_COLUMNS, LINKS as NETWORK_LINKS

#: What each table reads of the records linked to its rows, by table.
LINKS = {**AGREEMENTS_LINKS, **CATALOGUE_LINKS, **EVENT_LINKS, **NETWORK_LINKS}


def _table(name: str, columns: tuple[Column, ...], description) -> Table:
    collection = COLLECTIONS[name]
    return Table(name, collection.verbose_name, description, collection, columns, LINKS[name])


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
            COLLECTIONS["agreements"], TRANSPARENCY_COLUMNS, TRANSPARENCY_LINKS, language_of_record=True,
        ),
        Table(
            COMMITMENTS.name, COMMITMENTS.verbose_name,
            _(
                "Los compromisos de los acuerdos publicados, uno por fila: objetivo, indicador, línea base, meta, "
                "fecha de la meta y dependencia responsable, con la clave y el título de su acuerdo."
            ),
            COMMITMENTS, COMMITMENT_COLUMNS, LINKS[COMMITMENTS.name],
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


__all__ = [
    "ACTION_COLUMNS",
    "AGREEMENT_COLUMNS",
    "AWARD_COLUMNS",
    "BODY_COLUMNS",
    "COMMITMENT_COLUMNS",
    "COUNTERPART_COLUMNS",
    "EVENT_COLUMNS",
    "MEMBERSHIP_COLUMNS",
    "NETWORK_COLUMNS",
    "PARTIAL_DATE_PATTERN",
    "POSITION_COLUMNS",
    "SEPARATOR",
    "TABLES",
    "THEME_COLUMNS",
    "TRANSPARENCY_COLUMNS",
    "TRANSPARENCY_TABLE",
    "URI_FORMAT",
    "VISIT_COLUMNS",
    "Column",
    "Table",
]
