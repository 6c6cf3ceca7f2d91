"""What the suite requests: pages, records, searches, each API list with
filters and each download in three formats, with the floor each is compared with
(``bench/floors.py``)."""

from collections.abc import Callable
from dataclasses import dataclass

#: Most endpoints are cheap: many samples give a stable p95.
REPEAT = 25
#: A whole table at 100× takes seconds: fewer samples (a small table gets more, as time allows:
#: ``measuring.SAMPLE_SECONDS``).
DOWNLOAD_REPEAT = 3


@dataclass
class Case:
    group: str
    name: str
    path: str
    #: Builds the floor's runner once the data is in place.
    floor: Callable[[], Callable[[], bytes]] | None = None
    repeat: int = REPEAT
    memory: bool = False


def _collection_floor(resource: str, params: dict, *, page: int | None = 25):
    def build():
        from django.http import QueryDict

        from bench.floors import LINKS, floor
        from opendata.collections import COLLECTIONS
        from opendata.tables import TABLES

        query = QueryDict(mutable=True)
        query.update(params)
        collection = TABLES[resource].collection if resource in TABLES else COLLECTIONS[resource]
        records = collection.records(query)
        # The API and the pages fetch one row more than they show, to know whether a next page exists.
        return floor(records[: page + 1] if page else records, LINKS[resource])
    return build


def _search_floor(query: str):
    def build():
        from django.db.models import F

        from bench.floors import floor
        from search.selectors import entries_matching, entries_ranked, search_entries
        from search.text import search_terms

        terms = search_terms(query)
        entries = entries_ranked(entries_matching(search_entries(), terms), terms)
        return floor(entries.annotate(rank_order=F("pk"))[:26], ())
    return build


def _query_string(params: dict) -> str:
    from urllib.parse import urlencode

    return f"?{urlencode(params)}" if params else ""


API_LISTS = {
    "agreements": {"kind": "specific_cooperation"},
    "actions": {"kind": "project"},
    "counterparts": {"kind": "city"},
    "networks": {"scope": "global"},
    "memberships": {"network": "ucci"},
    "positions": {"network": "ucci"},
    "visits": {"direction": "incoming"},
    "events": {"mode": "hosted"},
    "awards": {"category": "health"},
    "bodies": {"q": "secretaría"},
    "themes": {"q": "ambiente"},
}

DOWNLOADS = [*API_LISTS, "agreements-transparency"]


def cases() -> list[Case]:
    from agreements.models import Agreement
    from events.models import Visit

    agreement = Agreement.objects.published().get(code="cce-2013-chicago")
    visit = Visit.objects.published().filter(direction="incoming").order_by("pk").first()
    listed = [
        Case("página", "inicio", "/"),
        # The list a first visitor most often opens after an edit: every facet counted over every agreement.
        Case("página", "acuerdos (todos)", "/acuerdos/", _collection_floor("agreements", {})),
        Case("página", "acuerdos filtrados", "/acuerdos/?kind=specific_cooperation",
             _collection_floor("agreements", {"kind": "specific_cooperation"})),
        Case("página", "acuerdos por región y año", "/acuerdos/?region=europe&year=2016",
             _collection_floor("agreements", {"region": "europe", "year": "2016"})),
        Case("página", "visitas recibidas", "/visitas/?direction=incoming",
             _collection_floor("visits", {"direction": "incoming"})),
        Case("página", "eventos con sede", "/eventos/?mode=hosted", _collection_floor("events", {"mode": "hosted"})),
        Case("página", "contrapartes", "/contrapartes/", _collection_floor("counterparts", {})),
        Case("página", "cronología", "/cronologia/"),
        Case("página", "cronología de 2016", "/cronologia/?year=2016"),
        Case("ficha", "acuerdo", agreement.get_absolute_url()),
        Case("ficha", "visita", visit.get_absolute_url()),
        Case("ficha", "contraparte (Chicago)", "/contrapartes/chicago/"),
        Case("ficha", "país (Estados Unidos)", "/paises/us/"),
        Case("ficha", "red (UCCI)", "/redes/ucci/"),
        Case("búsqueda", "buscar «cooperación»", "/buscar/?q=cooperaci%C3%B3n", _search_floor("cooperación")),
        Case("búsqueda", "buscar «movilidad sustentable»", "/buscar/?q=movilidad+sustentable",
             _search_floor("movilidad sustentable")),
        Case("búsqueda", "API acuerdos ?q=agua", "/api/v1/agreements/?q=agua",
             _collection_floor("agreements", {"q": "agua"})),
    ]
    api = [
        Case("API", f"{name}{_query_string(params)}", f"/api/v1/{name}/{_query_string(params)}",
             _collection_floor(name, params))
        for name, params in API_LISTS.items()
    ]
    downloads = [
        Case("descarga", f"{name}.{extension}", f"/datos/{name}.{extension}", _collection_floor(name, {}, page=None),
             repeat=DOWNLOAD_REPEAT, memory=True)
        for name in DOWNLOADS
        for extension in ("csv", "xlsx", "json")
    ]
    return [*listed, *api, *downloads]
