"""The schema.org description of the open data on ``/datos/``: a
``DataCatalog`` whose ``dataset`` is one ``Dataset`` per download table, with
its ``DataDownload``s, licence, publisher (the CGAI), temporal coverage and
last change, read from the published records (``opendata.coverage``). Texts
are in the page's language; the catalogue in RDF is ``opendata.catalogue``.
"""

from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from cdmx_global.jsonld import SCHEMA_CONTEXT, publisher
from cdmx_global.translation import page_language

from .catalogue import LANDING_PAGES
from .coverage import Coverage, iso
from .datapackage import OPEN_DATA_LICENCE_URI, PACKAGE_DESCRIPTION, PACKAGE_TITLE, download_url
from .downloads import EXPORTERS
from .tables import Table


def temporal_coverage(coverage: Coverage) -> str | None:
    """An ISO 8601 interval at the precision of the source, «2008/2018-05»; «..» for an open end."""
    if not (coverage.start or coverage.end):
        return None
    start = iso(coverage.start) if coverage.start else ".."
    end = iso(coverage.end) if coverage.end else ".."
    return f"{start}/{end}"


def dataset(table: Table, coverage: Coverage, absolute_url: Callable[[str], str], index: str) -> dict:
    landing = LANDING_PAGES.get(table.name)
    described = {
        "@type": "Dataset",
        "@id": f"{index}#{table.name}",
        "name": str(table.title),
        "description": str(table.description),
        "identifier": table.name,
        "url": absolute_url(reverse(landing)) if landing else f"{index}#descargas",
        "license": OPEN_DATA_LICENCE_URI,
        "isAccessibleForFree": True,
        "inLanguage": page_language(get_language()),
        "creator": publisher(),
        "publisher": publisher(),
        "spatialCoverage": {"@type": "Place", "name": gettext("Ciudad de México")},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": exporter.content_type.split(";")[0],
                "contentUrl": absolute_url(download_url(table, exporter.extension)),
            }
            for exporter in EXPORTERS.values()
        ],
    }
    period = temporal_coverage(coverage)
    if period:
        described["temporalCoverage"] = period
    if coverage.modified:
        described["dateModified"] = timezone.localtime(coverage.modified).isoformat(timespec="seconds")
    return described


def data_catalog(tables: list[Table], found: dict[str, Coverage], absolute_url: Callable[[str], str]) -> dict:
    index = absolute_url(reverse("opendata:index"))
    modified = [coverage.modified for coverage in found.values() if coverage.modified]
    catalog = {
        "@context": SCHEMA_CONTEXT,
        "@type": "DataCatalog",
        "@id": f"{index}#catalogo",
        "name": str(PACKAGE_TITLE),
        "description": str(PACKAGE_DESCRIPTION),
        "url": index,
        "license": OPEN_DATA_LICENCE_URI,
        "inLanguage": page_language(get_language()),
        "publisher": publisher(),
        "dataset": [dataset(table, found[table.collection.name], absolute_url, index) for table in tables],
    }
    if modified:
        catalog["dateModified"] = timezone.localtime(max(modified)).isoformat(timespec="seconds")
    return catalog
