"""The DCAT-AP catalogue (/datos/catalogo.jsonld and .ttl): both formats
parse and hold the same graph; every download table is one dataset with what
DCAT-AP asks and three distributions; dates read from published records
only, at their precision; the SHACL shapes pass (and fail when a mandatory
property is missing)."""

import datetime
from pathlib import Path

import pyshacl
import pytest
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cdmx_global.pagecache import CACHE_HEADER
from cdmx_global.models import GovernmentBody
from events.models import Visit
from opendata.collections import COLLECTIONS
from opendata.tables import TABLES
from tests.support.factories import VisitFactory, leak_bait, partial_date

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SHAPES = Path(settings.BASE_DIR) / "opendata" / "shapes" / "dcat-ap-cdmx.ttl"
MEDIA_TYPES = {
    "csv": "https://www.iana.org/assignments/media-types/text/csv",
    "xlsx": "https://www.iana.org/assignments/media-types/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "https://www.iana.org/assignments/media-types/application/json",
}
FILE_TYPES = {ext: URIRef(f"http://publications.europa.eu/resource/authority/file-type/{ext.upper()}") for ext in MEDIA_TYPES}
LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")
PUBLIC = URIRef("http://publications.europa.eu/resource/authority/access-right/PUBLIC")


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Each request is made anew: a draft created mid-test cannot hide behind a kept answer."""
    settings.PAGE_CACHE_SECONDS = 0


def catalogue(client, prefix: str = "", extension: str = "ttl") -> Graph:
    response = client.get(f"{prefix}/datos/catalogo.{extension}")
    assert response.status_code == 200
    expected = {"ttl": "text/turtle; charset=utf-8", "jsonld": "application/ld+json"}[extension]
    assert response["Content-Type"] == expected
    return Graph().parse(data=response.content, format={"ttl": "turtle", "jsonld": "json-ld"}[extension])


def one(graph: Graph, subject, predicate):
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def temporal(graph: Graph, dataset) -> tuple:
    period = one(graph, dataset, DCTERMS.temporal)
    return one(graph, period, DCAT.startDate), one(graph, period, DCAT.endDate)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_both_formats_parse_to_the_same_graph(client, prefix):
    turtle = catalogue(client, prefix, "ttl")
    json_ld = catalogue(client, prefix, "jsonld")

    assert len(turtle) > 500
    assert isomorphic(turtle, json_ld)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_table_is_one_dataset_with_its_three_distributions(client, prefix):
    graph = catalogue(client, prefix)
    base = f"http://testserver{prefix}/datos/"
    catalog = URIRef(f"{base}#catalogo")
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert datasets == {URIRef(f"{base}#{name}") for name in TABLES}
    assert set(graph.objects(catalog, DCAT.dataset)) == datasets
    publisher = URIRef(f"http://testserver{prefix}/acerca/#cgai")
    assert one(graph, catalog, DCTERMS.publisher) == publisher
    assert set(graph.objects(publisher, FOAF.name)) >= {Literal("Coordinación General de Asuntos Internacionales", lang="es")}

    for name, table in TABLES.items():
        dataset = URIRef(f"{base}#{name}")
        assert one(graph, dataset, DCTERMS.identifier) == Literal(name)
        with translation.override("es"):
            title, description = str(table.title), str(table.description)
        spanish = {literal.language: literal for literal in graph.objects(dataset, DCTERMS.title)}["es"]
        assert spanish == Literal(title, lang="es")
        assert {literal.language: literal for literal in graph.objects(dataset, DCTERMS.description)}["es"] == Literal(
            description, lang="es"
        )
        assert one(graph, dataset, DCTERMS.publisher) == publisher
        assert one(graph, dataset, DCTERMS.license) == LICENCE
        assert one(graph, dataset, DCTERMS.accessRights) == PUBLIC
        contact = one(graph, dataset, DCAT.contactPoint)
        assert isinstance(contact, BNode)
        assert one(graph, contact, RDF.type) == VCARD.Organization
        assert one(graph, contact, VCARD.hasURL) == URIRef(f"http://testserver{prefix}/acerca/")
        assert not list(graph.objects(contact, VCARD.hasEmail))
        assert set(graph.objects(dataset, DCTERMS.language)) == {
            URIRef("http://publications.europa.eu/resource/authority/language/SPA"),
            URIRef("http://publications.europa.eu/resource/authority/language/ENG"),
        }
        assert str(one(graph, dataset, DCAT.landingPage)).startswith(f"http://testserver{prefix}/")
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 3
        by_type = {str(one(graph, distribution, DCAT.mediaType)): distribution for distribution in distributions}
        assert set(by_type) == set(MEDIA_TYPES.values())
        for extension, media_type in MEDIA_TYPES.items():
            distribution = by_type[media_type]
            address = URIRef(f"http://testserver{prefix}/datos/{name}.{extension}")
            assert one(graph, distribution, DCAT.downloadURL) == address
            assert one(graph, distribution, DCAT.accessURL) == address
            assert one(graph, distribution, DCTERMS.format) == FILE_TYPES[extension]
            assert one(graph, distribution, DCTERMS.license) == LICENCE

    service = URIRef("http://testserver/api/v1/")
    assert one(graph, catalog, DCAT.service) == service
    assert one(graph, service, DCAT.endpointURL) == service
    assert one(graph, service, DCAT.endpointDescription) == URIRef("http://testserver/api/schema/")
    assert set(graph.objects(service, DCAT.servesDataset)) == {URIRef(f"{base}#{name}") for name in COLLECTIONS}


def test_exact_values_of_the_visits_dataset(client):
    fixed = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    Visit.objects.published().update(updated_at=fixed - datetime.timedelta(days=1))
    Visit.objects.published().filter(pk=Visit.objects.published().order_by("pk").first().pk).update(updated_at=fixed)

    graph = catalogue(client)
    visits = URIRef("http://testserver/datos/#visits")

    assert set(graph.objects(visits, DCTERMS.title)) == {
        Literal("Visitas oficiales", lang="es"), Literal("Official visits", lang="en"),
    }
    assert temporal(graph, visits) == (
        Literal("2003", datatype=XSD.gYear), Literal("2018-03", datatype=XSD.gYearMonth),
    )
    assert one(graph, visits, DCTERMS.modified) == Literal("2026-03-04T05:06:07+00:00", datatype=XSD.dateTime)
    # Catalogues have no dates of their own.
    assert not list(graph.objects(URIRef("http://testserver/datos/#themes"), DCTERMS.temporal))


def test_a_published_day_is_written_as_a_date(client):
    VisitFactory(published=True, **partial_date("start_on", 2019, 7, 14), **partial_date("end_on", 2019, 7, 20))

    graph = catalogue(client)

    assert temporal(graph, URIRef("http://testserver/datos/#visits")) == (
        Literal("2003", datatype=XSD.gYear), Literal("2019-07-20", datatype=XSD.date),
    )


def test_drafts_and_withdrawn_records_never_move_the_dates(client):
    before = catalogue(client)
    visits = URIRef("http://testserver/datos/#visits")
    modified = one(before, visits, DCTERMS.modified)
    catalogue_modified = one(before, URIRef("http://testserver/datos/#catalogo"), DCTERMS.modified)

    leak_bait()
    body = GovernmentBody.objects.first()  # a new body would be a published catalogue entry
    for status in ("draft", "withdrawn"):
        VisitFactory(body=body, **{status: True}, **partial_date("start_on", 1990), **partial_date("end_on", 2030, 5, 6))
    later = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    Visit.objects.exclude(status="published").update(updated_at=later)

    after = catalogue(client)
    assert temporal(after, visits) == temporal(before, visits) == (
        Literal("2003", datatype=XSD.gYear), Literal("2018-03", datatype=XSD.gYearMonth),
    )
    assert one(after, visits, DCTERMS.modified) == modified
    assert one(after, URIRef("http://testserver/datos/#catalogo"), DCTERMS.modified) == catalogue_modified
    assert "2030" not in client.get("/datos/catalogo.ttl").text


def test_the_catalogue_conforms_to_the_shapes(client):
    shapes = Graph().parse(SHAPES, format="turtle")
    for prefix in ("", "/en"):
        conforms, _, report = pyshacl.validate(catalogue(client, prefix, "jsonld"), shacl_graph=shapes)
        assert conforms, report

    broken = catalogue(client)
    broken.remove((URIRef("http://testserver/datos/#events"), DCTERMS.title, None))
    broken.remove((URIRef("http://testserver/datos/#events-csv"), DCAT.accessURL, None))
    conforms, results, report = pyshacl.validate(broken, shacl_graph=shapes)
    assert not conforms
    focus = {str(node) for node in results.objects(None, URIRef("http://www.w3.org/ns/shacl#focusNode"))}
    assert focus == {"http://testserver/datos/#events", "http://testserver/datos/#events-csv"}


def test_the_catalogue_is_kept_like_the_other_files(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[settings.PAGE_CACHE_ALIAS].clear()

    answers = [client.get(path) for path in ("/datos/catalogo.ttl", "/datos/catalogo.jsonld") for _ in range(2)]

    assert [answer[CACHE_HEADER] for answer in answers] == ["miss", "hit", "miss", "hit"]
    assert answers[1].content == answers[0].content
    assert answers[3]["Content-Type"] == "application/ld+json"
    caches[settings.PAGE_CACHE_ALIAS].clear()


def test_the_open_data_page_links_the_catalogue(client):
    page = client.get("/datos/").text

    assert '<link rel="alternate" type="application/ld+json" href="/datos/catalogo.jsonld">' in page
    assert '<link rel="alternate" type="text/turtle" href="/datos/catalogo.ttl">' in page
    assert '<a href="/datos/catalogo.ttl"><code>Turtle</code></a>' in page
