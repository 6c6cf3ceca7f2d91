"""/datos/: the open-data page, the bulk downloads and their data package."""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext, gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from cdmx_global import conditional
from cdmx_global.jsonld import json_ld_script
from cdmx_global.pagecache import CACHE_HEADER

from . import filecache
from .catalogue import NAMESPACES, catalogue_graph
from .collections import ORDERING_PARAMETER, QUERY_PARAMETER
from .coverage import coverages
from .datapackage import OPEN_DATA_LICENCE, datapackage, download_url
from .downloads import EXPORTERS, filename, rows
from .schemaorg import data_catalog
from .tables import TABLES, TRANSPARENCY_TABLE
from .throttling import DownloadRateThrottle

PLAIN_TEXT = "text/plain; charset=utf-8"

#: How a rate's period reads (DRF rates: «30/minute»).
PERIODS = {"s": _("segundo"), "m": _("minuto"), "h": _("hora"), "d": _("día")}


def _too_many_requests(throttle: DownloadRateThrottle) -> HttpResponse:
    wait = math.ceil(throttle.wait() or 1)
    response = HttpResponse(
        gettext("Demasiadas descargas desde su dirección. Vuelva a intentarlo en %(seconds)d segundos.")
        % {"seconds": wait},
        status=429,
        content_type=PLAIN_TEXT,
    )
    response["Retry-After"] = str(wait)
    return response


def _invalid_parameters(error: ValidationError) -> HttpResponse:
    lines = [f"{name}: {message}" for name, messages in error.message_dict.items() for message in messages]
    return HttpResponse("\n".join(lines) + "\n", status=400, content_type=PLAIN_TEXT)


@require_safe
def download(request, resource: str, extension: str):
    """A table in one format, with the records the query parameters select
    (the API's filters, ``q`` and ``ordering``); published records only."""
    table = TABLES.get(resource)
    exporter = EXPORTERS.get(extension)
    if table is None or exporter is None:
        raise Http404(gettext("No existe esa descarga."))
    if table.language_of_record:
        with translation.override(settings.LANGUAGE_CODE):
            return _download(request, table, exporter, resource, extension)
    return _download(request, table, exporter, resource, extension)


def _download(request, table, exporter, resource: str, extension: str):
    # In English, each text in its reviewed translation with a column saying its language.
    table = table.in_language(get_language())
    try:
        records = table.collection.records(request.GET)
    except ValidationError as error:
        return _invalid_parameters(error)
    # Decided before the file is made: a client that has it is told so at once.
    generation, last_change = conditional.request_public_state(request)
    etag = filecache.download_etag(request, resource, extension, generation)
    unchanged = conditional.not_modified(request, etag)
    if unchanged is not None:
        return _validated(unchanged, table, etag, last_change)
    throttle = DownloadRateThrottle()
    if not throttle.allow_request(request, None):
        return _too_many_requests(throttle)
    response = _file(request, table, exporter, records, resource, extension, generation)
    return _validated(response, table, etag, last_change)


def _validated(response, table, etag: str, last_change):
    response["ETag"] = etag
    if not table.collection.logged:
        conditional.untracked(response)
    return conditional.tracked(response, last_change)


def _file(request, table, exporter, records, resource: str, extension: str, generation: int):
    kept_at = filecache.path_for(request, resource, extension, generation)
    kept = filecache.kept_response(kept_at, lambda handle: FileResponse(
        handle, as_attachment=True, filename=filename(table, extension), content_type=exporter.content_type
    ))
    if kept is not None:
        kept[CACHE_HEADER] = "hit"
        return kept
    response = filecache.keep(exporter.response(table, rows(table, records, request.build_absolute_uri)), kept_at)
    if kept_at is not None:
        response[CACHE_HEADER] = "miss"
    return response


@require_safe
def datapackage_json(request):
    return JsonResponse(
        datapackage(request.build_absolute_uri), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )


#: The catalogue's formats: rdflib's name for each and the answer's content type.
CATALOGUE_FORMATS = {
    "jsonld": ("json-ld", "application/ld+json"),
    "ttl": ("turtle", "text/turtle; charset=utf-8"),
}

#: The JSON-LD's context: the prefixes of the vocabularies, inline (a reader fetches nothing to expand it).
JSONLD_CONTEXT = {prefix: str(namespace) for prefix, namespace in NAMESPACES.items()}


@require_safe
def catalogue(request, extension: str):
    """The DCAT-AP catalogue (``opendata.catalogue``) in JSON-LD or Turtle; published records only."""
    rdf_format, content_type = CATALOGUE_FORMATS[extension]
    graph = catalogue_graph(request.build_absolute_uri)
    options = {"context": JSONLD_CONTEXT, "indent": 2} if rdf_format == "json-ld" else {}
    return HttpResponse(graph.serialize(format=rdf_format, **options), content_type=content_type)


def _rate(scope: str) -> dict | None:
    rate = settings.API_THROTTLE_RATES.get(scope)
    if not rate:
        return None
    number, period = rate.split("/")
    return {"number": int(number), "period": PERIODS[period[0]]}


class OpenDataView(TemplateView):
    """What the data is, its licence, every download with its number of
    published records, the data package and how to use the API."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        # One query per collection: its count, its last change and its dates (also the schema.org description's).
        found = coverages(table.collection for table in TABLES.values())
        downloads = []
        for table in TABLES.values():
            downloads.append({
                "table": table,
                "count": found[table.collection.name].count,
                "links": [(exporter.extension.upper(), download_url(table, exporter.extension)) for exporter in EXPORTERS.values()],
            })
        return super().get_context_data(
            downloads=[row for row in downloads if row["table"].name != TRANSPARENCY_TABLE],
            transparency=next(row for row in downloads if row["table"].name == TRANSPARENCY_TABLE),
            licence=OPEN_DATA_LICENCE,
            datapackage_url=reverse("opendata:datapackage"),
            catalogue_urls={extension: reverse(f"opendata:catalogue_{extension}") for extension in CATALOGUE_FORMATS},
            json_ld=json_ld_script(data_catalog(list(TABLES.values()), found, self.request.build_absolute_uri)),
            query_parameter=QUERY_PARAMETER,
            ordering_parameter=ORDERING_PARAMETER,
            anon_rate=_rate("anon"),
            download_rate=_rate("downloads"),
            **kwargs,
        )
