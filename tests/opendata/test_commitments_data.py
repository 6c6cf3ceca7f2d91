"""Agreements' commitments in the open data: in each agreement's API item
(exact, under stable English keys, conforming to the OpenAPI schema), and as
their own download table (exact rows in CSV, XLSX and JSON, and on /datos/);
only those of published agreements, with a constant number of queries
however many there are."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.support.factories import (
    LEAK_MARK,
    AgreementFactory,
    CommitmentFactory,
    GovernmentBodyFactory,
    partial_date,
)

pytestmark = pytest.mark.django_db

API = "http://testserver/api/v1"


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": None}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def movilidad():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI", slug="semovi")


@pytest.fixture
def commitments(movilidad):
    """A draft agreement's commitment that could leak, made first; then two
    published agreements' three commitments, one answered for by a draft body."""
    draft = AgreementFactory(body=movilidad, code="borrador", title=f"Borrador {LEAK_MARK}")
    CommitmentFactory(agreement=draft, objective=f"Compromiso {LEAK_MARK}", indicator=f"Indicador {LEAK_MARK}")
    bogota = AgreementFactory(
        body=movilidad, published=True, code="cce-2014-bogota", title="Convenio de cooperación con Bogotá",
        **partial_date("signed_on", 2014, 11, 21),
    )
    lima = AgreementFactory(
        body=movilidad, published=True, code="cce-2016-lima", title="Convenio de cooperación con Lima",
        **partial_date("signed_on", 2016),
    )
    cultura = GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT", slug="secult")
    return {
        "training": CommitmentFactory(
            agreement=bogota, order=1, objective="Capacitar a personal de movilidad",
            text="Las partes capacitarán a personal de ambas ciudades.", indicator="Personas capacitadas",
            unit="personas", baseline=Decimal("120"), target=Decimal("1500.50"), **partial_date("target_date", 2016, 3),
        ),
        "exchange": CommitmentFactory(
            agreement=bogota, order=2, objective="Intercambiar experiencias de cultura comunitaria",
            indicator="", unit="", target=None, body=cultura,
        ),
        "emissions": CommitmentFactory(
            agreement=lima, order=1, objective="Reducir emisiones del transporte público", indicator="Emisiones anuales",
            unit="toneladas de CO2", baseline=Decimal("800"), target=Decimal("200"), **partial_date("target_date", 2018),
            body=GovernmentBodyFactory(name=f"Secretaría {LEAK_MARK}", slug="secretaria-oculta", draft=True),
        ),
    }


def local_iso(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def download(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


# The API ---------------------------------------------------------------------------


def test_an_agreement_item_lists_its_commitments_in_their_order(client, commitments):
    training, exchange = commitments["training"], commitments["exchange"]

    item = client.get("/api/v1/agreements/cce-2014-bogota/").json()

    assert item["commitments"] == [
        {
            "id": training.pk,
            "objective": "Capacitar a personal de movilidad",
            "text": "Las partes capacitarán a personal de ambas ciudades.",
            "indicator": "Personas capacitadas",
            "unit": "personas",
            "baseline": "120.00",
            "target": "1500.50",
            "target_date": {"value": "2016-03", "precision": "month", "display": "marzo de 2016"},
            "body": {"slug": "semovi", "name": "Secretaría de Movilidad", "acronym": "SEMOVI", "url": f"{API}/bodies/semovi/"},
        },
        {
            "id": exchange.pk,
            "objective": "Intercambiar experiencias de cultura comunitaria",
            "text": "",
            "indicator": "",
            "unit": "",
            "baseline": None,
            "target": None,
            "target_date": None,
            "body": {"slug": "secult", "name": "Secretaría de Cultura", "acronym": "SECULT", "url": f"{API}/bodies/secult/"},
        },
    ]
    assert list(item).index("commitments") == list(item).index("actions") - 1


def test_a_commitments_draft_body_is_not_named_and_a_draft_agreements_commitments_show_nowhere(client, commitments):
    listed = client.get("/api/v1/agreements/", {"page_size": 100})

    items = {item["code"]: item for item in listed.json()["results"]}
    assert list(items) == ["cce-2016-lima", "cce-2014-bogota"]
    assert [(c["objective"], c["body"]) for c in items["cce-2016-lima"]["commitments"]] == [
        ("Reducir emisiones del transporte público", None),
    ]
    assert LEAK_MARK not in listed.content.decode()
    assert client.get("/api/v1/agreements/borrador/").status_code == 404


@pytest.fixture
def connection_kept_across_requests():
    """schemathesis calls the WSGI application, which would close the test's connection (see test_api_schema)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.usefixtures("connection_kept_across_requests")
def test_items_with_commitments_conform_to_the_openapi_schema(commitments):
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    checks = [not_a_server_error, status_code_conformance, response_schema_conformance]

    item = schema["/api/v1/agreements/{code}/"]["GET"].Case(path_parameters={"code": "cce-2014-bogota"})
    listed = schema["/api/v1/agreements/"]["GET"].Case()

    assert len(item.call_and_validate(checks=checks).json()["commitments"]) == 2
    assert len(listed.call_and_validate(checks=checks).json()["results"]) == 2


# The download ------------------------------------------------------------------------

HEADER = [
    "Identificador", "Clave del acuerdo", "Título del acuerdo", "Orden", "Objetivo", "Texto del compromiso",
    "Indicador", "Unidad", "Línea base", "Meta", "Fecha de la meta", "Precisión de «fecha de la meta»",
    "Dependencia responsable", "Última actualización", "Dirección en el portal",
]
KEYS = [
    "id", "agreement_code", "agreement_title", "order", "objective", "text", "indicator", "unit", "baseline",
    "target", "target_date", "target_date_precision", "body", "updated_at", "portal_url",
]


def test_the_csv_has_one_row_per_commitment_of_a_published_agreement(client, commitments):
    training, exchange, emissions = commitments["training"], commitments["exchange"], commitments["emissions"]

    content = download(client, "/datos/commitments.csv")

    assert content.startswith("\ufeff".encode())
    assert list(csv.reader(io.StringIO(content.decode("utf-8-sig")))) == [
        HEADER,
        [
            str(emissions.pk), "cce-2016-lima", "Convenio de cooperación con Lima", "1",
            "Reducir emisiones del transporte público", "", "Emisiones anuales", "toneladas de CO2", "800.00", "200.00",
            "2018", "Año", "", local_iso(emissions.updated_at),
            f"http://testserver/acuerdos/cce-2016-lima/#compromiso-{emissions.pk}",
        ],
        [
            str(training.pk), "cce-2014-bogota", "Convenio de cooperación con Bogotá", "1",
            "Capacitar a personal de movilidad", "Las partes capacitarán a personal de ambas ciudades.",
            "Personas capacitadas", "personas", "120.00", "1500.50", "2016-03", "Mes", "Secretaría de Movilidad",
            local_iso(training.updated_at), f"http://testserver/acuerdos/cce-2014-bogota/#compromiso-{training.pk}",
        ],
        [
            str(exchange.pk), "cce-2014-bogota", "Convenio de cooperación con Bogotá", "2",
            "Intercambiar experiencias de cultura comunitaria", "", "", "", "", "", "", "", "Secretaría de Cultura",
            local_iso(exchange.updated_at), f"http://testserver/acuerdos/cce-2014-bogota/#compromiso-{exchange.pk}",
        ],
    ]


def test_the_json_and_xlsx_rows_are_typed(client, commitments):
    training = commitments["training"]

    rows = json.loads(download(client, "/datos/commitments.json"), parse_float=Decimal)
    sheet = load_workbook(io.BytesIO(download(client, "/datos/commitments.xlsx"))).active
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert [list(row) for row in rows] == [KEYS] * 3
    assert rows[1] == {
        "id": training.pk, "agreement_code": "cce-2014-bogota", "agreement_title": "Convenio de cooperación con Bogotá",
        "order": 1, "objective": "Capacitar a personal de movilidad",
        "text": "Las partes capacitarán a personal de ambas ciudades.", "indicator": "Personas capacitadas",
        "unit": "personas", "baseline": Decimal("120.00"), "target": Decimal("1500.50"), "target_date": "2016-03",
        "target_date_precision": "Mes", "body": "Secretaría de Movilidad", "updated_at": local_iso(training.updated_at),
        "portal_url": f"http://testserver/acuerdos/cce-2014-bogota/#compromiso-{training.pk}",
    }
    assert [row["objective"] for row in rows] == [
        "Reducir emisiones del transporte público", "Capacitar a personal de movilidad",
        "Intercambiar experiencias de cultura comunitaria",
    ]
    assert cells[0] == HEADER
    assert cells[2][:4] == [training.pk, "cce-2014-bogota", "Convenio de cooperación con Bogotá", 1]
    assert cells[2][8:12] == [120, 1500.5, "2016-03", "Mes"]
    assert cells[3][8:12] == [None, None, None, None]


def test_the_open_data_page_lists_the_commitments_with_their_count(client, commitments):
    html = client.get("/datos/").content.decode()

    assert (
        '<th scope="row">Compromisos de los acuerdos</th>\n      <td class="number">3</td>'
    ) in html
    assert 'href="/datos/commitments.csv" download' in html
    assert LEAK_MARK not in html


# Queries ---------------------------------------------------------------------------------


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/agreements/?page_size=100",
        "/api/v1/agreements/con-compromisos/",
        "/acuerdos/con-compromisos/",
        "/datos/commitments.json",
        "/datos/agreements.csv",
    ],
)
def test_queries_are_the_same_for_2_and_20_commitments(client, movilidad, path):
    agreement = AgreementFactory(body=movilidad, published=True, code="con-compromisos")

    def add(count: int) -> None:
        for _n in range(count):
            CommitmentFactory(agreement=agreement, body=GovernmentBodyFactory(), **partial_date("target_date", 2030))
            CommitmentFactory(agreement=AgreementFactory(published=True), body=GovernmentBodyFactory())

    add(1)
    two = _queries(client, path)
    add(9)
    twenty = _queries(client, path)

    assert two == twenty
