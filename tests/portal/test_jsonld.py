"""schema.org JSON-LD in the pages: an ``Event`` on event pages with its dates
at their precision, a ``GovernmentOrganization`` for the body that answers for
every record, a ``DataCatalog`` of ``Dataset``s on /datos/; each valid RDF
(parsed by rdflib with a local context, nothing fetched), texts in the page's
language only when reviewed, drafts nowhere, and queries that don't grow with
the records."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from cdmx_global.translation import TranslationStatus
from tests.support.factories import (
    AgreementFactory,
    CounterpartFactory,
    EventFactory,
    GovernmentBodyFactory,
    VisitFactory,
    partial_date,
)

pytestmark = pytest.mark.django_db

SCHEMA = Namespace("https://schema.org/")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def blocks(page: str) -> list[dict]:
    return [json.loads(text) for text in SCRIPT.findall(page)]


def of_type(page: str, kind: str) -> dict:
    [found] = [block for block in blocks(page) if block["@type"] == kind]
    return found


def as_rdf(block: dict) -> Graph:
    """The block as RDF, its ``https://schema.org`` context given locally (never fetched)."""
    assert block["@context"] == "https://schema.org"
    local = {**block, "@context": {"@vocab": "https://schema.org/"}}
    return Graph().parse(data=json.dumps(local), format="json-ld")


@pytest.fixture
def body():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI", name_en="Mobility Secretariat")


def test_an_event_known_by_its_year_gives_the_year_only(client, body):
    event = EventFactory(
        published=True, body=body, name="Cumbre del clima", **partial_date("start_on", 2017),
        city="", country="",
    )

    described = of_type(client.get(f"/eventos/{event.pk}/").text, "Event")

    assert described == {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": f"http://testserver/eventos/{event.pk}/",
        "url": f"http://testserver/eventos/{event.pk}/",
        "name": "Cumbre del clima",
        "startDate": "2017",
    }


def test_an_event_known_by_its_days_with_place_organisers_and_description(client, body):
    ally = CounterpartFactory(published=True, name="C40", country="")
    hidden = CounterpartFactory(draft=True, name="Aliado en borrador", country="")
    event = EventFactory(
        published=True, body=body, name="Foro <b>urbano</b> & más", description="Un foro de alcaldes.",
        **partial_date("start_on", 2017, 5, 12), **partial_date("end_on", 2017, 5, 14),
        city="Bogotá", country="CO", organisers=[ally, hidden],
    )

    page = client.get(f"/eventos/{event.pk}/").text
    described = of_type(page, "Event")

    assert (described["startDate"], described["endDate"]) == ("2017-05-12", "2017-05-14")
    assert described["name"] == "Foro <b>urbano</b> & más"
    # Escaped so that no text can end the element: the raw characters never appear inside it.
    assert "\\u003Cb\\u003Eurbano\\u003C/b\\u003E \\u0026 más" in page
    assert described["description"] == "Un foro de alcaldes."
    assert described["location"] == {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "Bogotá", "addressCountry": "CO"},
        "name": "Bogotá, Colombia",
    }
    assert described["organizer"] == [
        {"@type": "Organization", "name": "C40", "url": f"http://testserver/contrapartes/{ally.slug}/"}
    ]
    assert "Aliado en borrador" not in page
    assert "eventAttendanceMode" not in described and "eventStatus" not in described

    graph = as_rdf(described)
    subject = URIRef(f"http://testserver/eventos/{event.pk}/")
    assert (subject, RDF.type, SCHEMA.Event) in graph
    assert (subject, SCHEMA.startDate, Literal("2017-05-12")) in graph


def test_an_event_month_in_english_with_only_its_reviewed_translation(client, body):
    reviewed = EventFactory(
        published=True, body=body, name="Foro del agua", name_en="Water forum", description="Sobre el agua.",
        description_en="About water.", translation_status=TranslationStatus.REVIEWED,
        **partial_date("start_on", 2016, 10),
    )
    unreviewed = EventFactory(
        published=True, body=body, name="Foro del aire", name_en="Unreviewedword forum",
        translation_status=TranslationStatus.DRAFT, **partial_date("start_on", 2016, 11),
    )

    english = of_type(client.get(f"/en/eventos/{reviewed.pk}/").text, "Event")
    fallback = client.get(f"/en/eventos/{unreviewed.pk}/").text

    assert (english["name"], english["description"], english["startDate"]) == ("Water forum", "About water.", "2016-10")
    assert english["url"] == f"http://testserver/en/eventos/{reviewed.pk}/"
    assert of_type(fallback, "Event")["name"] == "Foro del aire"
    assert "Unreviewedword" not in fallback


def test_the_responsible_body_on_every_record_page(client, body):
    agreement = AgreementFactory(published=True, body=body, source_citation="", source_excerpt="")
    visit = VisitFactory(published=True, body=body)

    for path in (agreement.get_absolute_url(), visit.get_absolute_url()):
        organization = of_type(client.get(path).text, "GovernmentOrganization")
        assert organization == {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": "Secretaría de Movilidad",
            "parentOrganization": {"@type": "GovernmentOrganization", "name": "Gobierno de la Ciudad de México"},
            "alternateName": "SEMOVI",
        }
    english = of_type(client.get(f"/en{visit.get_absolute_url()}").text, "GovernmentOrganization")
    assert (english["name"], english["parentOrganization"]["name"]) == ("Mobility Secretariat", "Government of Mexico City")
    graph = as_rdf(english)
    assert len(list(graph.subjects(RDF.type, SCHEMA.GovernmentOrganization))) == 2


def test_the_open_data_page_describes_each_dataset(client, body):
    VisitFactory(published=True, body=body, **partial_date("start_on", 2003), **partial_date("end_on", 2004, 2))
    VisitFactory(published=True, body=body, **partial_date("start_on", 2018, 3, 9))
    VisitFactory(draft=True, body=body, **partial_date("start_on", 1990))

    catalog = of_type(client.get("/datos/").text, "DataCatalog")
    visits = next(dataset for dataset in catalog["dataset"] if dataset["identifier"] == "visits")

    assert catalog["url"] == "http://testserver/datos/"
    assert catalog["publisher"]["name"] == "Coordinación General de Asuntos Internacionales"
    assert visits["name"] == "Visitas oficiales"
    assert visits["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert visits["temporalCoverage"] == "2003/2018-03-09"
    assert visits["url"] == "http://testserver/visitas/"
    assert visits["distribution"] == [
        {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": "http://testserver/datos/visits.csv"},
        {
            "@type": "DataDownload",
            "encodingFormat": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "contentUrl": "http://testserver/datos/visits.xlsx",
        },
        {"@type": "DataDownload", "encodingFormat": "application/json", "contentUrl": "http://testserver/datos/visits.json"},
    ]
    assert "dateModified" in visits and "temporalCoverage" not in next(
        dataset for dataset in catalog["dataset"] if dataset["identifier"] == "themes"
    )
    graph = as_rdf(catalog)
    assert len(list(graph.subjects(RDF.type, SCHEMA.Dataset))) == len(catalog["dataset"])
    english = of_type(client.get("/en/datos/").text, "DataCatalog")
    assert english["inLanguage"] == "en"
    assert english["dataset"][0]["distribution"][0]["contentUrl"].startswith("http://testserver/en/datos/")


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_the_records(client, body, django_assert_num_queries):
    organisers = [CounterpartFactory(published=True, body=body, country="") for _ in range(2)]
    event = EventFactory(published=True, body=body, organisers=organisers)
    VisitFactory(published=True, body=body)
    few_event, few_page = queries(client, f"/eventos/{event.pk}/"), queries(client, "/datos/")

    event.organisers.add(*[CounterpartFactory(published=True, body=body, country="") for _ in range(6)])
    for _ in range(6):
        VisitFactory(published=True, body=body)
        EventFactory(published=True, body=body)

    with django_assert_num_queries(few_event):
        page = client.get(f"/eventos/{event.pk}/").text
    assert len(of_type(page, "Event")["organizer"]) == 8
    with django_assert_num_queries(few_page):
        client.get("/datos/")
