"""The bulk downloads over the book's records, with unpublished records that
could leak: exact rows in CSV, XLSX and JSON, filters, escaping, languages,
errors, the throttle, CORS and the number of queries."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from openpyxl import load_workbook

from agreements.models import Agreement, AgreementKind, Validity
from cdmx_global.models import Counterpart
from cdmx_global.partial_dates import DatePrecision
from networks.models import Network
from opendata.collections import COLLECTIONS
from opendata.downloads import EXPORTERS
from opendata.tables import TABLES
from tests.support.evaluations import approved_evaluation, congress_entry
from tests.support.factories import (
    AgreementEvaluationFactory,
    LEAK_MARK,
    ActionFactory,
    AgreementFactory,
    AwardFactory,
    CommitmentFactory,
    CounterpartFactory,
    EventFactory,
    GovernmentBodyFactory,
    MembershipFactory,
    NetworkFactory,
    PositionFactory,
    ThemeFactory,
    VisitFactory,
    VisitGuestFactory,
    leak_bait,
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

#: The 16 twinning agreements the book gives (cap. I §2, §4.2).
TWINNINGS = {
    "hermanamiento-1977-nagoya",
    "hermanamiento-quito",
    "hermanamiento-san-antonio-de-los-banos",
    "hermanamiento-san-pedro-sula",
    "hermanamiento-san-salvador",
    "hermanamiento-barcelona",
    "hermanamiento-cerro",
    "hermanamiento-san-jose",
    "hermanamiento-valonia",
    "refrendo-2007-los-angeles",
    "refrendo-2008-nagoya",
    "refrendo-2010-seul",
    "hermanamiento-2009-beijing",
    "hermanamiento-2010-estambul",
    "hermanamiento-2010-guangzhou",
    "hermanamiento-2011-kuwait",
}


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """Downloads without a rate, and a throttle history that no test inherits."""
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": None}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def bait():
    """Drafts and withdrawn records of every kind, plus a draft theme and a
    draft body linked to a published agreement, and commitments of that
    agreement (the book gives none), one answered for by the draft body."""
    made = leak_bait()
    agreement = Agreement.objects.published().get(code="hermanamiento-2009-beijing")
    agreement.themes.add(ThemeFactory(name=f"Tema {LEAK_MARK}", draft=True))
    draft_body = GovernmentBodyFactory(name=f"Secretaría {LEAK_MARK}", draft=True)
    agreement.other_bodies.add(draft_body)
    for order, body in enumerate([agreement.body, agreement.body, draft_body], start=1):
        CommitmentFactory(
            agreement=agreement, order=order, body=body, objective=f"Intercambio de experiencias, eje {order}",
            text="Las dos ciudades intercambiarán experiencias de gestión urbana, movilidad y cultura, "
            "con visitas técnicas de personal de ambos gobiernos y un informe conjunto de resultados.",
        )
    # Its evaluations: approved and submitted ones that show, a draft of each that must not.
    long_text = "Las dos ciudades intercambiaron experiencias de gestión urbana, movilidad y cultura. " * 8
    approved_evaluation(agreement, text=long_text, commitment=agreement.commitments.first())
    AgreementEvaluationFactory(agreement=agreement, year=2017, half=1, status="draft", advantages=LEAK_MARK)
    congress_entry(agreement, text=long_text)
    congress_entry(agreement, text=LEAK_MARK, submitted=False)
    return made


def body(response) -> bytes:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def csv_rows(client, path: str) -> list[list[str]]:
    content = body(client.get(path))
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(client, path: str) -> list[list]:
    sheet = load_workbook(io.BytesIO(body(client.get(path)))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def json_rows(client, path: str) -> list[dict]:
    return json.loads(body(client.get(path)), parse_float=Decimal)


def as_dicts(rows: list[list]) -> list[dict]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def local_iso(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


# Rows ------------------------------------------------------------------------


def test_agreements_csv_has_exactly_the_published_agreements_in_the_default_order(client, bait):
    rows = csv_rows(client, "/datos/agreements.csv")

    published = list(COLLECTIONS["agreements"].published().values_list("code", flat=True))
    assert [row[0] for row in rows[1:]] == published
    assert len(published) == Agreement.objects.published().count() == 65
    assert {agreement.code for agreement in bait["draft"] + bait["withdrawn"] if isinstance(agreement, Agreement)}.isdisjoint(published)


def test_a_book_agreement_row_equals_the_record_field_by_field(client, bait):
    beijing = Agreement.objects.get(code="hermanamiento-2009-beijing")

    rows = as_dicts(csv_rows(client, "/datos/agreements.csv"))

    assert [row for row in rows if row["Clave"] == "hermanamiento-2009-beijing"] == [{
        "Clave": "hermanamiento-2009-beijing",
        "Título": "Hermanamiento con Beijing (2009)",
        "Tipo de instrumento": "Hermanamiento",
        "Objeto": "",
        "Contrapartes": "Beijing, China",
        "Firmantes": "",
        # The draft body linked to it is not named.
        "Otras dependencias responsables": "",
        "Fecha del dictamen de la SRE": "",
        "Precisión de «fecha del dictamen de la SRE»": "",
        "Número de dictamen de la SRE": "",
        "Sentido del dictamen de la SRE": "",
        "Número de registro en la SRE": "",
        # The book gives the year only: a year it stays.
        "Fecha de firma": "2009",
        "Precisión de «fecha de firma»": "Año",
        "Lugar de firma": "",
        "Periodo de firma según la fuente": "",
        "Vigencia": "Sin información de vigencia",
        "Entrada en vigor": "",
        "Precisión de «entrada en vigor»": "",
        "Vigente hasta": "",
        "Precisión de «vigente hasta»": "",
        "Vigencia indefinida": "false",
        "Fecha de conclusión": "",
        "Precisión de «fecha de conclusión»": "",
        "Motivo de conclusión": "",
        "Renueva o sustituye a": "",
        "Términos y condiciones": "",
        "Monto": "",
        "Moneda": "",
        "Modificaciones": "",
        "Documento firmado": "",
        "Descripción": "",
        # Nor is the draft theme.
        "Temas": "",
        "ODS": "",
        "Marcos de la ONU": "",
        "Firmado en el evento": "",
        "Área responsable": "Coordinación General de Asuntos Internacionales",
        "Fuente": "CDMX Global (2018), cap. I §2",
        "Texto de la fuente": (
            "Se refrendaron hermanamientos con las ciudades de Los Ángeles (2007), Nagoya (2008) y Seúl (2010), y se "
            "firmaron nuevos acuerdos de hermanamiento con Beijing (2009), Estambul (2010), Guangzhou (2010) y Kuwait "
            "(2011)."
        ),
        "Última actualización": local_iso(beijing.updated_at),
        "Dirección en el portal": "http://testserver/acuerdos/hermanamiento-2009-beijing/",
    }]


def test_a_renewal_names_the_agreement_it_renews(client):
    rows = as_dicts(csv_rows(client, "/datos/agreements.csv?kind=twinning"))

    renewal = next(row for row in rows if row["Clave"] == "refrendo-2008-nagoya")
    assert renewal["Renueva o sustituye a"] == "hermanamiento-1977-nagoya"
    assert renewal["Fecha de firma"] == "2008"


def test_kind_filter_gives_the_twinnings_in_every_format(client):
    path = "/datos/agreements.{}?kind=twinning"

    csv_codes = [row[0] for row in csv_rows(client, path.format("csv"))[1:]]
    xlsx_codes = [row[0] for row in xlsx_rows(client, path.format("xlsx"))[1:]]
    json_codes = [row["code"] for row in json_rows(client, path.format("json"))]

    assert set(csv_codes) == TWINNINGS
    assert len(csv_codes) == 16
    assert xlsx_codes == json_codes == csv_codes


def test_filters_search_and_ordering_are_the_api_ones(client):
    rows = csv_rows(client, "/datos/agreements.csv?kind=twinning&year=2010&ordering=title")

    assert [row[1] for row in rows[1:]] == [
        "Hermanamiento con Estambul (2010)",
        "Hermanamiento con Guangzhou (2010)",
        "Hermanamiento con Seúl (refrendo de 2010)",
    ]


def test_country_filters_of_actions_and_awards_are_the_api_ones(client):
    # Published records naming only a draft counterpart in Japan match no country.
    leak_bait()
    draft_japanese = CounterpartFactory(draft=True, country="JP", name=f"Ciudad {LEAK_MARK} de Japón")
    ActionFactory(published=True, title="Acción con una contraparte en borrador", counterparts=[draft_japanese])
    AwardFactory(published=True, title="Premio de un otorgante en borrador", granted_by=[draft_japanese])

    actions = csv_rows(client, "/datos/actions.csv?country=JP")
    awards = json_rows(client, "/datos/awards.json?country=CN")

    assert [row[1] for row in actions[1:]] == [
        "Alas de la Ciudad de México en Nagoya",
        "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
    ]
    assert [row["title"] for row in awards] == ["Premio Internacional de Guangzhou"]
    assert json_rows(client, "/datos/awards.json?country=JP") == []


def typed(value, kind: str):
    """A CSV or XLSX cell as the value its column type says."""
    if value in ("", None):
        return None
    if kind == "number":
        return Decimal(str(value))
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        return value if isinstance(value, bool) else value == "true"
    if kind == "datetime":
        # A spreadsheet has no time zone: the XLSX holds the portal's local time.
        moment = value if isinstance(value, datetime.datetime) else datetime.datetime.fromisoformat(value)
        return moment.replace(tzinfo=None)
    if kind == "date":
        return value.date() if isinstance(value, datetime.datetime) else datetime.date.fromisoformat(value)
    return value


@pytest.mark.parametrize("resource", ["agreements", "agreements-transparency", "visits", "counterparts"])
def test_xlsx_rows_equal_the_csv_rows(client, resource):
    AgreementFactory(published=True, code="con-monto", amount=Decimal("1500000.50"), currency="MXN")
    kinds = [column.type for column in TABLES[resource].columns]

    csv_table = csv_rows(client, f"/datos/{resource}.csv")
    xlsx_table = xlsx_rows(client, f"/datos/{resource}.xlsx")

    assert xlsx_table[0] == csv_table[0]
    assert len(xlsx_table) == len(csv_table)
    for xlsx_row, csv_row in zip(xlsx_table[1:], csv_table[1:], strict=True):
        assert [typed(value, kind) for value, kind in zip(xlsx_row, kinds, strict=True)] == [
            typed(value, kind) for value, kind in zip(csv_row, kinds, strict=True)
        ]


def test_xlsx_cells_are_numbers_and_dates_where_the_column_says_so(client):
    agreement = AgreementFactory(published=True, code="con-monto", amount=Decimal("1500000.50"), currency="MXN")

    rows = as_dicts(xlsx_rows(client, "/datos/agreements.xlsx"))

    row = next(row for row in rows if row["Clave"] == "con-monto")
    assert row["Monto"] == 1500000.5
    assert row["Vigencia indefinida"] is False
    assert row["Última actualización"] == timezone.localtime(agreement.updated_at).replace(microsecond=0, tzinfo=None)
    transparency = next(row for row in as_dicts(xlsx_rows(client, "/datos/agreements-transparency.xlsx")) if row["Clave"] == "con-monto")
    assert transparency["Última actualización"] == datetime.datetime.combine(timezone.localdate(agreement.updated_at), datetime.time())


def test_json_values_are_typed_and_keyed_by_the_stable_keys(client):
    agreement = AgreementFactory(
        published=True, code="con-monto", title="Acuerdo con monto", amount=Decimal("1500000.50"), currency="MXN",
        is_indefinite=True, **partial_date("signed_on", 2014, 11),
    )

    rows = json_rows(client, "/datos/agreements.json")

    row = next(row for row in rows if row["code"] == "con-monto")
    assert list(row) == [column.key for column in TABLES["agreements"].columns]
    assert row["amount"] == Decimal("1500000.50")
    assert row["is_indefinite"] is True
    assert row["signed_on"] == "2014-11"
    assert row["signed_on_precision"] == "Mes"
    assert row["valid_until"] is None
    assert row["terms"] is None
    assert row["updated_at"] == local_iso(agreement.updated_at)
    assert row["portal_url"] == "http://testserver/acuerdos/con-monto/"


def test_text_that_a_spreadsheet_would_run_is_escaped_in_csv_and_xlsx_but_not_json(client):
    title = '=HYPERLINK("http://example.org","Ver")'
    AgreementFactory(published=True, code="formula", title=title, purpose="+52 55 1234 5678")

    csv_row = next(row for row in as_dicts(csv_rows(client, "/datos/agreements.csv")) if row["Clave"] == "formula")
    xlsx_row = next(row for row in as_dicts(xlsx_rows(client, "/datos/agreements.xlsx")) if row["Clave"] == "formula")
    json_row = next(row for row in json_rows(client, "/datos/agreements.json") if row["code"] == "formula")

    assert (csv_row["Título"], csv_row["Objeto"]) == (f"'{title}", "'+52 55 1234 5678")
    assert (xlsx_row["Título"], xlsx_row["Objeto"]) == (f"'{title}", "'+52 55 1234 5678")
    assert (json_row["title"], json_row["purpose"]) == (title, "+52 55 1234 5678")


def test_partial_dates_keep_their_precision(client):
    AgreementFactory(published=True, code="anio", **partial_date("signed_on", 2014))
    AgreementFactory(published=True, code="mes", **partial_date("signed_on", 2014, 11))
    AgreementFactory(published=True, code="dia", **partial_date("signed_on", 2014, 11, 21))

    rows = {row["Clave"]: row for row in as_dicts(csv_rows(client, "/datos/agreements.csv?year=2014"))}
    english = {row["code"]: row for row in json_rows(client, "/en/datos/agreements.json?year=2014")}

    assert [(rows[code]["Fecha de firma"], rows[code]["Precisión de «fecha de firma»"]) for code in ("anio", "mes", "dia")] == [
        ("2014", "Año"), ("2014-11", "Mes"), ("2014-11-21", "Día"),
    ]
    assert [(english[code]["signed_on"], english[code]["signed_on_precision"]) for code in ("anio", "mes", "dia")] == [
        ("2014", "Year"), ("2014-11", "Month"), ("2014-11-21", "Day"),
    ]


# Visibility --------------------------------------------------------------------


@pytest.mark.parametrize("extension", list(EXPORTERS))
@pytest.mark.parametrize("resource", list(TABLES))
def test_no_unpublished_record_shows_in_any_download(client, bait, resource, extension):
    path = f"/datos/{resource}.{extension}"

    if extension == "xlsx":
        rows = xlsx_rows(client, path)
        text = "\n".join(str(value) for row in rows for value in row if value is not None)
    else:
        text = body(client.get(path)).decode("utf-8-sig")

    assert len(text) > 1000
    assert LEAK_MARK not in text


def test_a_withdrawn_guest_counterpart_is_not_named(client, bait):
    visit = VisitFactory(published=True, incoming=True, title="Visita con invitada")
    VisitGuestFactory(visit=visit, name="Alcaldesa invitada", position="Alcaldesa", counterpart=bait["withdrawn"][0])
    VisitGuestFactory(visit=visit, name="Alcalde invitado", position="Alcalde", counterpart=Counterpart.objects.published().get(slug="paris"))

    row = next(row for row in json_rows(client, "/datos/visits.json") if row["title"] == "Visita con invitada")

    assert row["guests"] == "Alcaldesa invitada, Alcaldesa | Alcalde invitado, Alcalde (París, Francia)"


# Languages -----------------------------------------------------------------------


def test_headers_and_labels_are_in_the_language_of_the_address(client):
    spanish = csv_rows(client, "/datos/agreements.csv?kind=twinning&year=2009")
    english = csv_rows(client, "/en/datos/agreements.csv?kind=twinning&year=2009")

    assert spanish[0][:4] == ["Clave", "Título", "Tipo de instrumento", "Objeto"]
    assert english[0][:5] == ["Code", "Title", "title_language", "Instrument type", "Purpose"]
    with translation.override("en"):
        assert english[0] == TABLES["agreements"].in_language("en").headers
    spanish_row, english_row = dict(zip(spanish[0], spanish[1])), dict(zip(english[0], english[1]))
    assert (spanish_row["Tipo de instrumento"], english_row["Instrument type"]) == ("Hermanamiento", "Twinning")
    assert (spanish_row["Precisión de «fecha de firma»"], english_row["Precision of “signing date”"]) == ("Año", "Year")
    assert (spanish_row["Título"], english_row["Title"], english_row["title_language"]) == (
        "Hermanamiento con Beijing (2009)", "Twinning with Beijing (2009)", "en",
    )
    assert english_row[str(TABLES["agreements"].columns[-1].header)] == (
        "http://testserver/en/acuerdos/hermanamiento-2009-beijing/"
    )
    xlsx = xlsx_rows(client, "/en/datos/agreements.xlsx?kind=twinning&year=2009")
    assert xlsx[0] == english[0]


# Responses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extension", "content_type", "streaming"),
    [
        ("csv", "text/csv; charset=utf-8", True),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", True),
        ("json", "application/json", True),
    ],
)
def test_downloads_are_streamed_attachments(client, extension, content_type, streaming):
    response = client.get(f"/datos/agreements-transparency.{extension}")

    assert response.status_code == 200
    # Through every middleware (CSP, CORS, WhiteNoise…), still not read into memory.
    assert response.streaming is streaming
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="cdmx-global-agreements-transparency.{extension}"'
    assert "Content-Encoding" not in response
    body(response)


def test_an_invalid_filter_answers_400_with_the_spanish_messages(client):
    response = client.get("/datos/agreements.csv?kind=tratado&ordering=precio")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert not response.streaming
    assert response.content.decode() == (
        "kind: Seleccione una opción válida. tratado no es una de las opciones disponibles.\n"
    )
    response = client.get("/datos/agreements.json?ordering=precio")
    assert response.status_code == 400
    assert response.content.decode() == (
        "ordering: No se puede ordenar por «precio». Elija entre: signed_on, title, updated_at.\n"
    )


@pytest.mark.parametrize("path", ["/datos/treaties.csv", "/datos/agreements.pdf", "/en/datos/agreements.xml", "/datos/agreements"])
def test_an_unknown_resource_or_format_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_throttle_answers_429_with_retry_after(client, settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": "2/minute"}

    assert [client.get("/datos/themes.json").status_code for _ in range(2)] == [200, 200]
    response = client.get("/datos/themes.csv")

    assert response.status_code == 429
    assert int(response["Retry-After"]) in (59, 60)
    assert response.content.decode() == (
        f"Demasiadas descargas desde su dirección. Vuelva a intentarlo en {response['Retry-After']} segundos."
    )


def test_another_site_may_read_a_download(client):
    response = client.get("/datos/agreements.csv", HTTP_ORIGIN="https://datos.example.org")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    body(response)


# Queries ---------------------------------------------------------------------------


def _linked():
    return {
        "counterpart": Counterpart.objects.published().get(slug="paris"),
        "network": Network.objects.published().first(),
        "theme": ThemeFactory(),
    }


def _agreement(linked):
    agreement = AgreementFactory(
        published=True, counterparts=[linked["counterpart"]], themes=[linked["theme"]],
        other_bodies=[GovernmentBodyFactory()], renews=Agreement.objects.published().first(),
    )
    CommitmentFactory(agreement=agreement, body=GovernmentBodyFactory())
    return agreement


MAKERS = {
    "agreements": _agreement,
    "commitments": lambda linked: CommitmentFactory(
        agreement=AgreementFactory(published=True), body=GovernmentBodyFactory(),
    ),
    "actions": lambda linked: ActionFactory(
        published=True, counterparts=[linked["counterpart"]], themes=[linked["theme"]],
        agreement=Agreement.objects.published().first(),
    ),
    "counterparts": lambda linked: CounterpartFactory(published=True),
    "networks": lambda linked: NetworkFactory(published=True, convened_by=linked["counterpart"], themes=[linked["theme"]]),
    "memberships": lambda linked: MembershipFactory(published=True, network=linked["network"]),
    "positions": lambda linked: PositionFactory(published=True, network=linked["network"]),
    "visits": lambda linked: VisitGuestFactory(
        visit=VisitFactory(published=True, incoming=True, counterparts=[linked["counterpart"]]),
        counterpart=linked["counterpart"],
    ),
    "events": lambda linked: EventFactory(published=True, organisers=[linked["counterpart"]], parent=EventFactory(published=True)),
    "awards": lambda linked: AwardFactory(published=True, granted_by=[linked["counterpart"]], themes=[linked["theme"]]),
    "bodies": lambda linked: GovernmentBodyFactory(),
    "themes": lambda linked: ThemeFactory(),
    "evaluations": lambda linked: approved_evaluation(AgreementFactory(published=True)),
    "congress-evaluations": lambda linked: congress_entry(AgreementFactory(published=True)),
}
MAKERS["agreements-transparency"] = MAKERS["agreements"]


def _download_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        body(client.get(path))
    return len(queries)


@pytest.mark.parametrize("resource", list(TABLES))
def test_a_download_costs_the_same_queries_for_2_and_20_more_records(client, resource):
    linked = _linked()
    path = f"/datos/{resource}.json"
    for _ in range(2):
        MAKERS[resource](linked)
    two = _download_queries(client, path)

    for _ in range(18):
        MAKERS[resource](linked)
    twenty = _download_queries(client, path)

    assert two == twenty


def test_the_agreements_download_runs_one_query_per_relation(client):
    # The records as values, then one values query per relation the table
    # shows, for the block of 500 (opendata.rows): responsible body,
    # counterparts, other bodies, renewed agreement, themes, SDGs, frameworks
    # and event of signature; and one for the content generation with the
    # latest public change, read together for the ETag and Last-Modified
    # (cdmx_global.conditional) and the kept file's name. What the table does
    # not show (commitments, actions, renewals) is not read.
    assert _download_queries(client, "/datos/agreements.csv") == 10


# The transparency layout -----------------------------------------------------------


def test_the_transparency_layout_has_the_law_s_columns_and_rows(client):
    counterpart = Counterpart.objects.published().get(slug="paris")
    agreement = AgreementFactory(
        published=True, code="cce-2030-paris", title="Convenio de cooperación con París", kind=AgreementKind.SPECIFIC_COOPERATION,
        purpose="Cooperación en movilidad urbana.", counterparts=[counterpart],
        validity=Validity.IN_FORCE, **partial_date("signed_on", 2030, 3, 14), **partial_date("in_force_on", 2030, 4),
        valid_until=datetime.date(2033, 1, 1), valid_until_precision=DatePrecision.YEAR,
        terms="Cada parte cubre sus gastos.", amount=Decimal("250000.00"), currency="EUR",
        modifications="Adenda de 2031.",
    )

    rows = csv_rows(client, "/datos/agreements-transparency.csv")

    assert rows[0] == [
        "Clave", "Título", "Fecha de firma", "Precisión de «fecha de firma»", "Objeto", "Contrapartes",
        "Vigencia", "Entrada en vigor", "Precisión de «entrada en vigor»", "Vigente hasta",
        "Precisión de «vigente hasta»", "Vigencia indefinida", "Tipo de instrumento", "Términos y condiciones",
        "Monto", "Moneda", "Modificaciones", "Área responsable", "Última actualización", "Dirección en el portal",
    ]
    assert [row for row in rows if row[0] == "cce-2030-paris"] == [[
        "cce-2030-paris", "Convenio de cooperación con París", "2030-03-14", "Día", "Cooperación en movilidad urbana.",
        "París, Francia", "Vigente", "2030-04", "Mes", "2033", "Año", "false", "Cooperación específica",
        "Cada parte cubre sus gastos.", "250000.00", "EUR", "Adenda de 2031.", agreement.body.name,
        timezone.localdate(agreement.updated_at).isoformat(), "http://testserver/acuerdos/cce-2030-paris/",
    ]]
    assert len(rows) - 1 == Agreement.objects.published().count()


def test_a_tables_headers_are_translated_once_per_language_and_follow_the_active_one():
    table = TABLES["memberships"]
    with translation.override("es-mx"):
        spanish = table.headers
        spanish.append("cambiada por quien la pidió")  # a copy: the kept headers do not change
    with translation.override("en"):
        english = table.headers
    with translation.override("es-mx"):
        again = table.headers

    assert spanish[:4] == ["Identificador", "Red", "Clave de la red", "Tipo de membresía"]
    assert english[:4] == ["Identifier", "Network", "Network code", "Membership type"]
    assert again == spanish[:-1]
    assert len(again) == len(table.columns)


def test_a_row_gives_each_columns_value_as_the_column_gives_it():
    """``Table.row`` reads plain columns itself (an empty text as None) and asks the others."""
    from django.http import QueryDict

    from opendata.addresses import Addresses
    from opendata.rows import values_records

    addresses = Addresses(lambda path: f"https://portal.example{path}")
    for name in ("agreements", "memberships", "counterparts", "events"):
        table = TABLES[name]
        records = list(values_records(table.collection.records(QueryDict()), table.links))
        assert records, name
        for record in records:
            assert table.row(record, addresses) == [column.value(record, addresses) for column in table.columns]
