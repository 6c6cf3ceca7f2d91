"""The Frictionless Data Package that describes the bulk downloads.

One tabular resource per table: its CSV (the path, in the language of the
package), the schema of its columns (each field named by the CSV header, so a
tool reading the CSV finds them) and, as ``alternatives``, the same rows as
XLSX and as JSON. A field's ``key`` is the name of the column in the JSON
download, which is the same in every language. The English package also
describes the column after each text that says which language it is in
(``Table.in_language``).
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext, gettext_lazy as _

from .downloads import CSV_ENCODING, EXPORTERS
from .tables import TABLES, Table

# The licence of the data. To be confirmed by the CGAI (Coordinación General de
# Asuntos Internacionales), who answers for the register: until then it is the
# licence the portal proposes, shown on the open-data page and in the package.
OPEN_DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Atribución 4.0 Internacional",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.es",
}

BOOK = {
    "title": (
        "Ciudad de México Global. La acción internacional de la Ciudad de México "
        "(CGAI y Escuela de Administración Pública de la Ciudad de México, 2018, ISBN 978-607-8228-62-1)"
    ),
}

#: The licence's own address (the deed above is its Spanish summary): how catalogues name it.
OPEN_DATA_LICENCE_URI = "https://creativecommons.org/licenses/by/4.0/"

PACKAGE_NAME = "cdmx-global"

#: The package's title and description, also the DCAT catalogue's and the schema.org data catalogue's.
PACKAGE_TITLE = _("CDMX Global: acción internacional de la Ciudad de México")
PACKAGE_DESCRIPTION = _(
    "Registro público de la acción internacional del Gobierno de la Ciudad de México: acuerdos, "
    "acciones, contrapartes, redes de ciudades, membresías, cargos, visitas oficiales, eventos, "
    "premios, dependencias y temas. Sólo registros publicados. Cada tabla se descarga en CSV "
    "(UTF-8 con BOM), XLSX y JSON, con los mismos filtros que la API."
)


def download_url(table: Table, extension: str) -> str:
    return reverse("opendata:download", kwargs={"resource": table.name, "extension": extension})


def schema(table: Table) -> dict:
    fields = []
    for column in table.columns:
        field = {
            "name": str(column.header),
            "type": column.type,
            "description": str(column.description),
            "key": column.key,
        }
        if column.format != "default":
            field["format"] = column.format
        if column.constraints:
            field["constraints"] = dict(column.constraints)
        fields.append(field)
    return {"fields": fields}


def resource(table: Table, absolute_url: Callable[[str], str]) -> dict:
    csv = EXPORTERS["csv"]
    return {
        "name": table.name,
        "title": str(table.title),
        "description": str(table.description),
        "profile": "tabular-data-resource",
        "path": absolute_url(download_url(table, csv.extension)),
        "format": csv.extension,
        "mediatype": "text/csv",
        "encoding": CSV_ENCODING,
        "schema": schema(table),
        "alternatives": [
            {
                "path": absolute_url(download_url(table, exporter.extension)),
                "format": exporter.extension,
                "mediatype": exporter.content_type,
            }
            for exporter in EXPORTERS.values()
            if exporter is not csv
        ],
    }


def datapackage(absolute_url: Callable[[str], str]) -> dict:
    """The package in the active language: titles, descriptions, field names
    and paths (Spanish ``/datos/…``, English ``/en/datos/…``)."""
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": str(PACKAGE_TITLE),
        "description": str(PACKAGE_DESCRIPTION),
        "homepage": absolute_url(reverse("opendata:index")),
        "licenses": [OPEN_DATA_LICENCE],
        "sources": [
            BOOK,
            {"title": gettext("Portal CDMX Global"), "path": absolute_url(reverse("portal:home"))},
        ],
        "resources": [_resource_in_language(table, absolute_url) for table in TABLES.values()],
    }


def _resource_in_language(table: Table, absolute_url: Callable[[str], str]) -> dict:
    """A table's resource as its download is in the asked language (a layout of record: in Spanish)."""
    if table.language_of_record:
        addresses = resource(table, absolute_url)  # in the asked language, as every resource's
        with translation.override(settings.LANGUAGE_CODE):
            described = resource(table, absolute_url)
        return {**described, "path": addresses["path"], "alternatives": addresses["alternatives"]}
    return resource(table.in_language(get_language()), absolute_url)
