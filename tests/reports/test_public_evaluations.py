"""Evaluations in public (issue 21, item 4): the agreement's page semester by
semester with its commitments' progress over time, the report page's links,
``/api/v1/evaluations/`` and ``/api/v1/congress-evaluations/``, their downloads
and data package entries — approved and submitted evaluations with their exact
figures, and no draft, submitted-but-unapproved or returned evaluation, no
evidence, no review comment and no Congress draft anywhere public."""

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports.models import CongressAgreementEvaluation
from evaluations.models import AgreementEvaluation, CommitmentProgress
from tests.support import factories
from tests.support.evaluations import SECRETS, make_scene

pytestmark = pytest.mark.django_db

API = "/api/v1/"


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, media_root):
    """Built once for the module (the report's PDF takes a while), rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_scene()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": None, "anon": None}
    cache.clear()
    yield
    cache.clear()


def expected_percent(baseline, target, value) -> Decimal:
    """The progress computed here, apart from evaluations.progress: how far the value went from the baseline to the target."""
    share = (Decimal(value) - Decimal(baseline)) / (Decimal(target) - Decimal(baseline)) * 100
    return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_no_secret(text: str) -> None:
    assert [secret for secret in SECRETS if secret in text] == []


def text_of(html: str) -> str:
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()
    return re.sub(r"\( ?(.*?) ?\)", r"(\1)", text)


def anchors(html: str) -> list[str]:
    return re.findall(r'<section class="evaluation-semester" id="([^"]+)"', html)


# The agreement's page ------------------------------------------------------------------------


def test_agreement_page_shows_its_approved_evaluations_newest_semester_first(client, scene):
    html = page(client, scene.lyon.get_absolute_url())

    assert anchors(html) == ["evaluacion-2017-2", "evaluacion-2017-1"]
    latest = text_of(html[html.index('id="evaluacion-2017-2"'):html.index('id="evaluacion-2017-1"')])
    assert (
        "Evaluación del Gobierno Personas beneficiadas 120 Recursos movilizados Asistencia técnica de ambas ciudades. "
        "Monto movilizado 1,500.50 MXN Intercambios realizados 2 Proyectos en curso o concluidos 1 "
        "Ventajas obtenidas Intercambio de experiencias en movilidad. "
        "Beneficios para la Ciudad y sus habitantes Mejor planeación de ciclovías. "
        "Resultados Un taller binacional. Dificultades Cambios de personal. Recomendación Fortalecer"
    ) in latest
    people = expected_percent(10, 60, 35)
    emissions = expected_percent(100, 40, 70)
    assert (people, emissions) == (Decimal("50.0"), Decimal("50.0"))
    assert (
        "Avance de los compromisos al cierre de julio–diciembre de 2017 "
        "Compromiso Valor alcanzado Meta Unidad Avance Qué se hizo "
        f"Capacitar al personal de movilidad 35 60 personas {people} % Dos talleres. "
        f"Reducir las emisiones del transporte 70 40 toneladas {emissions} % — "
        "Firmar una carta de intención — — — — Se firmó la carta de intención."
    ) in latest


def test_agreement_page_shows_the_congress_entries_with_their_act_linked_to_the_report(client, scene):
    html = page(client, scene.lyon.get_absolute_url())
    report = scene.report.get_absolute_url()
    lyon = scene.lyon.pk

    assert re.findall(r'<article class="congress-evaluation( corrected)?">', html) == [" corrected", ""]
    first, second = html.split('<article class="congress-evaluation')[1:3]
    assert text_of(first).startswith(
        'corrected"> Evaluación del Congreso (acuerdo CCDMX/CRI/015/2018) '
        "Corregida por la evaluación del acuerdo del Congreso CCDMX/CRI/020/2018 del 10 de abril de 2018. "
        "Fecha del acuerdo 20 de marzo de 2018 Calificación (0 a 10) 9.0 "
        "Evaluación Recomienda fortalecer el acuerdo con Lyon. Recomendación Fortalecer Observaciones Pide más talleres."
    )
    assert f'<a href="{report}#congreso-{scene.congress.pk}-{lyon}">' in first
    assert text_of(second).startswith(
        '"> Evaluación del Congreso (acuerdo CCDMX/CRI/020/2018) Fecha del acuerdo 10 de abril de 2018 '
        "Corrige a la evaluación del acuerdo CCDMX/CRI/015/2018: Corrige la calificación de Lyon. "
        "Calificación (0 a 10) 8.0 Evaluación Corrección: recomienda continuar el acuerdo con Lyon. Recomendación Continuar"
    )
    assert f'<a href="{report}#congreso-{scene.correction.pk}-{lyon}">' in second
    # The anchors lead somewhere: the report page has each entry's heading.
    report_html = page(client, report)
    for evaluation in (scene.congress, scene.correction):
        assert f'id="congreso-{evaluation.pk}-{lyon}"' in report_html


def test_progress_over_time_is_an_accessible_chart_with_its_table(client, scene):
    html = page(client, scene.lyon.get_absolute_url())

    svg = re.search(r"<svg[^>]*progress-chart.*?</svg>", html, re.S).group(0)
    assert 'role="img" aria-labelledby="avance-compromisos-titulo avance-compromisos-desc"' in svg
    assert '<title id="avance-compromisos-titulo">Avance de los compromisos por semestre</title>' in svg
    assert '<desc id="avance-compromisos-desc">' in svg
    assert " style=" not in svg and "<script" not in svg
    expected = [
        ("Capacitar al personal de movilidad", expected_percent(10, 60, 20), expected_percent(10, 60, 35)),
        ("Reducir las emisiones del transporte", expected_percent(100, 40, 85), expected_percent(100, 40, 70)),
    ]
    assert expected == [
        ("Capacitar al personal de movilidad", Decimal("20.0"), Decimal("50.0")),
        ("Reducir las emisiones del transporte", Decimal("25.0"), Decimal("50.0")),
    ]
    # Every figure is real text in the chart, and in the table beside it.
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == [
        value
        for objective, first, second in expected
        for value in (objective, "Meta", "0 %", f"{first} %", "2017-1", f"{second} %", "2017-2")
    ]
    table = text_of(html[html.index('<table class="data progress-over-time">'):])
    assert table.startswith(
        "Avance de cada compromiso al cierre de cada semestre evaluado: porcentaje hacia la meta y valor alcanzado "
        "Compromiso 2017-1 2017-2 "
        "Capacitar al personal de movilidad (meta: 60 personas) 20.0 % (20 personas) 50.0 % (35 personas) "
        "Reducir las emisiones del transporte (meta: 40 toneladas) 25.0 % (85 toneladas) 50.0 % (70 toneladas)"
    )
    assert '<th scope="col" class="number">2017-1</th>' in html


def test_an_agreement_without_public_evaluations_has_no_section(client, scene):
    html = page(client, scene.quebec.get_absolute_url())

    assert 'id="evaluaciones"' not in html
    assert_no_secret(html)


def _evaluated(agreement, semesters, commitments, congress) -> None:
    for year, half in semesters:
        evaluation = factories.AgreementEvaluationFactory(agreement=agreement, year=year, half=half)
        for index, commitment in enumerate(commitments):
            CommitmentProgress.objects.create(evaluation=evaluation, commitment=commitment, value=Decimal(index + 5))
    for evaluation in congress:
        CongressAgreementEvaluation.objects.create(evaluation=evaluation, agreement=agreement, assessment="Bien.")


def test_agreement_page_queries_do_not_grow_with_the_evaluations(client, scene):
    few, many = factories.AgreementFactory(published=True), factories.AgreementFactory(published=True)
    for agreement, semesters, congress in (
        (few, [(2017, 2)], [scene.correction]),
        (many, [(2015, 1), (2015, 2), (2016, 1), (2016, 2), (2017, 1)], [scene.congress, scene.correction]),
    ):
        commitments = [factories.CommitmentFactory(agreement=agreement, baseline=Decimal("0")) for _ in range(2)]
        _evaluated(agreement, semesters, commitments, congress)

    def count(agreement) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            html = page(client, agreement.get_absolute_url())
        return len(queries), len(anchors(html))

    assert count(few)[1] == 1
    # Five semesters of the government's, and 2017-2 of the Congress's two evaluations.
    assert count(many) == (count(few)[0], 6)


# The report page --------------------------------------------------------------------------------


def test_report_page_links_each_evaluated_agreement_to_its_evaluation(client, scene):
    html = page(client, scene.report.get_absolute_url())

    listed = html[html.index('<ul class="evaluated-agreements">'):]
    listed = listed[: listed.index("</ul>")]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', listed) == [
        ("/acuerdos/cce-2016-lyon/#evaluacion-2017-2", "Convenio con Lyon"),
        ("/acuerdos/cce-2016-montreal/#evaluacion-2017-2", "Convenio con Montreal"),
    ]
    # The anchor exists on the agreement's page.
    assert 'id="evaluacion-2017-2"' in page(client, "/acuerdos/cce-2016-montreal/")


# The API ----------------------------------------------------------------------------------------


def ids(client, resource: str, params: dict | None = None) -> list[int]:
    response = client.get(f"{API}{resource}/", params or {})
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_evaluations_api_item_is_the_approved_evaluation_with_its_progress(client, scene):
    evaluation = scene.lyon_2017_2

    item = client.get(f"{API}evaluations/{evaluation.pk}/").json()

    assert item == {
        "id": evaluation.pk,
        "url": f"http://testserver{API}evaluations/{evaluation.pk}/",
        "portal_url": "http://testserver/acuerdos/cce-2016-lyon/#evaluacion-2017-2",
        "agreement": {
            "code": "cce-2016-lyon", "title": "Convenio con Lyon",
            "url": f"http://testserver{API}agreements/cce-2016-lyon/",
        },
        "body": {
            "slug": "semovi", "name": "Secretaría de Movilidad", "acronym": "SEMOVI",
            "url": f"http://testserver{API}bodies/semovi/",
        },
        "semester": "2017-2", "semester_display": "julio–diciembre de 2017", "year": 2017, "half": 2,
        "people_reached": 120, "resources": "Asistencia técnica de ambas ciudades.", "amount": "1500.50",
        "currency": "MXN", "exchanges": 2, "projects": 1,
        "advantages": "Intercambio de experiencias en movilidad.", "benefits": "Mejor planeación de ciclovías.",
        "results": "Un taller binacional.", "difficulties": "Cambios de personal.",
        "recommendation": "strengthen", "recommendation_display": "Fortalecer",
        "approved_at": "2018-01-08T10:00:00-06:00",
        "progress": [
            {
                "commitment": scene.people.pk, "objective": "Capacitar al personal de movilidad",
                "indicator": "Personas capacitadas", "unit": "personas", "baseline": "10.00", "target": "60.00",
                "value": "35.00", "progress_percent": str(expected_percent(10, 60, 35)), "note": "Dos talleres.",
            },
            {
                "commitment": scene.emissions.pk, "objective": "Reducir las emisiones del transporte",
                "indicator": "Emisiones anuales", "unit": "toneladas", "baseline": "100.00", "target": "40.00",
                "value": "70.00", "progress_percent": str(expected_percent(100, 40, 70)), "note": "",
            },
            {
                "commitment": scene.letter.pk, "objective": "Firmar una carta de intención", "indicator": "",
                "unit": "", "baseline": None, "target": None, "value": None, "progress_percent": None,
                "note": "Se firmó la carta de intención.",
            },
        ],
    }


def test_evaluations_api_lists_exactly_the_approved_evaluations_of_published_agreements(client, scene):
    assert ids(client, "evaluations") == [scene.lyon_2017_2.pk, scene.montreal_2017_2.pk, scene.lyon_2017_1.pk]
    assert set(ids(client, "evaluations")) == set(
        AgreementEvaluation.objects.filter(status="approved", agreement__status="published").values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"agreement": "cce-2016-lyon"}, ["lyon_2017_2", "lyon_2017_1"]),
        ({"semester": "2017-1"}, ["lyon_2017_1"]),
        ({"semester": "2017-2", "body": "semovi"}, ["lyon_2017_2"]),
        ({"body": "sedema"}, ["montreal_2017_2"]),
        ({"recommendation": "continue"}, ["montreal_2017_2", "lyon_2017_1"]),
        ({"semester": "2016-2"}, []),
        ({"q": "ciclovías"}, ["lyon_2017_2"]),
        ({"agreement": "cce-2016-quebec"}, []),
    ],
)
def test_evaluations_api_filters(client, scene, params, expected):
    assert ids(client, "evaluations", params) == [getattr(scene, name).pk for name in expected]


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"semester": "2017-3"}, {"semester": [
            "«2017-3» no es un semestre: escriba el año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."
        ]}),
        # A draft agreement reads as one that doesn't exist.
        ({"agreement": "borrador-secreto"}, {"agreement": [
            "Seleccione una opción válida. La opción seleccionada no es una de las disponibles."
        ]}),
        ({"recommendation": "aplaudir"}, {"recommendation": [
            "Seleccione una opción válida. aplaudir no es una de las opciones disponibles."
        ]}),
    ],
)
@pytest.mark.parametrize("resource", ["evaluations", "congress-evaluations"])
def test_invalid_filters_are_refused_in_spanish(client, scene, resource, params, errors):
    response = client.get(f"{API}{resource}/", params)

    assert response.status_code == 400
    assert response.json() == errors


def entry(evaluation, agreement) -> int:
    return CongressAgreementEvaluation.objects.get(evaluation=evaluation, agreement=agreement).pk


def test_congress_api_lists_the_entries_of_submitted_evaluations_with_act_and_correction(client, scene):
    congress, correction = scene.congress, scene.correction

    items = {item["id"]: item for item in client.get(f"{API}congress-evaluations/").json()["results"]}

    assert list(items) == [
        entry(congress, scene.lyon), entry(congress, scene.montreal),
        entry(correction, scene.lyon), entry(correction, scene.montreal),
    ]
    first = entry(congress, scene.lyon)
    assert items[first] == {
        "id": first,
        "url": f"http://testserver{API}congress-evaluations/{first}/",
        "portal_url": f"http://testserver/informes/2017-2/v1/#congreso-{congress.pk}-{scene.lyon.pk}",
        "agreement": {
            "code": "cce-2016-lyon", "title": "Convenio con Lyon",
            "url": f"http://testserver{API}agreements/cce-2016-lyon/",
        },
        "body": {
            "slug": "semovi", "name": "Secretaría de Movilidad", "acronym": "SEMOVI",
            "url": f"http://testserver{API}bodies/semovi/",
        },
        "report": "2017-2-v1", "report_url": f"http://testserver{API}reports/2017-2-v1/",
        "semester": "2017-2", "semester_display": "julio–diciembre de 2017",
        "congress_evaluation": congress.pk, "act_number": "CCDMX/CRI/015/2018", "act_date": "2018-03-20",
        "submitted_at": client.get(f"{API}reports/2017-2-v1/").json()["congress_evaluations"][0]["submitted_at"],
        "score": "9.0", "assessment": "Recomienda fortalecer el acuerdo con Lyon.",
        "recommendation": "strengthen", "recommendation_display": "Fortalecer", "observations": "Pide más talleres.",
        "corrects": None, "correction_note": "",
        "corrected_by": {"congress_evaluation": correction.pk, "act_number": "CCDMX/CRI/020/2018", "act_date": "2018-04-10"},
    }
    corrected = items[entry(correction, scene.lyon)]
    assert (corrected["act_number"], corrected["score"], corrected["corrects"], corrected["correction_note"]) == (
        "CCDMX/CRI/020/2018", "8.0", "CCDMX/CRI/015/2018", "Corrige la calificación de Lyon.",
    )
    # A correction still in draft corrects nothing yet.
    assert corrected["corrected_by"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"agreement": "cce-2016-montreal"}, [("congress", "montreal"), ("correction", "montreal")]),
        ({"semester": "2017-2", "body": "semovi"}, [("congress", "lyon"), ("correction", "lyon")]),
        ({"semester": "2018-1"}, []),
        ({"recommendation": "strengthen"}, [("congress", "lyon")]),
        ({"q": "CCDMX/CRI/020/2018 Lyon"}, [("correction", "lyon")]),
    ],
)
def test_congress_api_filters(client, scene, params, expected):
    assert ids(client, "congress-evaluations", params) == [
        entry(getattr(scene, evaluation), getattr(scene, agreement)) for evaluation, agreement in expected
    ]


def test_api_list_queries_do_not_grow_with_the_evaluations(client, scene):
    def count(resource) -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{API}{resource}/")
        return len(queries)

    before = {resource: count(resource) for resource in ("evaluations", "congress-evaluations")}
    more = factories.AgreementFactory(published=True)
    commitments = [factories.CommitmentFactory(agreement=more, baseline=Decimal("0")) for _ in range(3)]
    _evaluated(more, [(2015, 1), (2015, 2), (2016, 1), (2016, 2)], commitments, [scene.congress, scene.correction])

    assert {resource: count(resource) for resource in before} == before


# Downloads, data package and the open-data page ------------------------------------------------


def download(client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, path: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(download(client, path).decode("utf-8-sig"))))


def test_evaluations_download_rows_are_the_approved_evaluations(client, scene):
    rows = csv_rows(client, "/datos/evaluations.csv")

    assert rows[0] == [
        "Identificador", "Clave del acuerdo", "Título del acuerdo", "Área responsable", "Semestre", "Año",
        "Mitad del año", "Personas beneficiadas", "Recursos movilizados", "Monto movilizado", "Moneda",
        "Intercambios realizados", "Proyectos en curso o concluidos", "Ventajas obtenidas",
        "Beneficios para la Ciudad y sus habitantes", "Resultados", "Dificultades", "Recomendación", "Aprobada",
        "Avance de los compromisos", "Dirección en el portal",
    ]
    assert [row[0] for row in rows[1:]] == [
        str(scene.lyon_2017_2.pk), str(scene.montreal_2017_2.pk), str(scene.lyon_2017_1.pk)
    ]
    assert rows[1] == [
        str(scene.lyon_2017_2.pk), "cce-2016-lyon", "Convenio con Lyon", "Secretaría de Movilidad", "2017-2", "2017",
        "2", "120", "Asistencia técnica de ambas ciudades.", "1500.50", "MXN", "2", "1",
        "Intercambio de experiencias en movilidad.", "Mejor planeación de ciclovías.", "Un taller binacional.",
        "Cambios de personal.", "Fortalecer", "2018-01-08T10:00:00-06:00",
        f"Capacitar al personal de movilidad: 35 personas ({expected_percent(10, 60, 35)} %) | "
        f"Reducir las emisiones del transporte: 70 toneladas ({expected_percent(100, 40, 70)} %) | "
        "Firmar una carta de intención: sin valor numérico",
        "http://testserver/acuerdos/cce-2016-lyon/#evaluacion-2017-2",
    ]


def test_congress_download_rows_are_the_submitted_entries(client, scene):
    items = json.loads(download(client, "/datos/congress-evaluations.json"))

    assert [(item["congress_evaluation"], item["agreement_code"], item["corrected_by"]) for item in items] == [
        (scene.congress.pk, "cce-2016-lyon", "CCDMX/CRI/020/2018"),
        (scene.congress.pk, "cce-2016-montreal", "CCDMX/CRI/020/2018"),
        (scene.correction.pk, "cce-2016-lyon", None),
        (scene.correction.pk, "cce-2016-montreal", None),
    ]
    first = dict(items[0])
    assert first.pop("submitted_at") == timezone.localtime(scene.congress.submitted_at).replace(microsecond=0).isoformat()
    assert first == {
        "id": entry(scene.congress, scene.lyon), "congress_evaluation": scene.congress.pk, "report": "2017-2-v1",
        "semester": "2017-2", "agreement_code": "cce-2016-lyon", "agreement_title": "Convenio con Lyon",
        "body": "Secretaría de Movilidad", "act_number": "CCDMX/CRI/015/2018", "act_date": "2018-03-20",
        "score": 9.0, "assessment": "Recomienda fortalecer el acuerdo con Lyon.", "recommendation": "Fortalecer",
        "observations": "Pide más talleres.", "corrects": None, "correction_note": None,
        "corrected_by": "CCDMX/CRI/020/2018",
        "portal_url": f"http://testserver/informes/2017-2/v1/#congreso-{scene.congress.pk}-{scene.lyon.pk}",
    }


def test_downloads_take_the_api_filters(client, scene):
    rows = csv_rows(client, "/datos/evaluations.csv?body=sedema")
    assert [row[1] for row in rows[1:]] == ["cce-2016-montreal"]
    response = client.get("/datos/congress-evaluations.csv?semester=2017-9")
    assert response.status_code == 400
    assert "no es un semestre" in response.content.decode()


def test_the_data_package_describes_both_tables(client, scene):
    package = client.get("/datos/datapackage.json").json()
    resources = {resource["name"]: resource for resource in package["resources"]}

    for name in ("evaluations", "congress-evaluations"):
        assert resources[name]["path"] == f"http://testserver/datos/{name}.csv"
        fields = resources[name]["schema"]["fields"]
        assert [field["name"] for field in fields] == csv_rows(client, f"/datos/{name}.csv")[0]
    semester = next(field for field in resources["evaluations"]["schema"]["fields"] if field["key"] == "semester")
    assert semester == {
        "name": "Semestre", "type": "string", "key": "semester", "constraints": {"pattern": "[0-9]{4}-[12]"},
        "description": "El año y 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2».",
    }
    assert [resource["title"] for resource in package["resources"][-2:]] == [
        "Evaluaciones del Gobierno", "Evaluaciones del Congreso"
    ]


def test_the_open_data_page_counts_the_public_evaluations(client, scene):
    html = page(client, "/datos/")

    for title, count, name in (
        ("Evaluaciones del Gobierno", 3, "evaluations"), ("Evaluaciones del Congreso", 4, "congress-evaluations")
    ):
        assert re.search(
            rf'<th scope="row">{title}</th>\s*<td class="number">{count}</td>\s*<td>.*?href="/datos/{name}.csv"', html, re.S
        )


# Leaks ---------------------------------------------------------------------------------------------


def public_texts(client, scene) -> dict[str, str]:
    """Every public place an evaluation could show, by address, as text."""
    texts = {}
    for url in (
        scene.lyon.get_absolute_url(), scene.montreal.get_absolute_url(), scene.quebec.get_absolute_url(),
        scene.report.get_absolute_url(), "/datos/", "/datos/datapackage.json", "/api/schema/",
        "/en" + scene.lyon.get_absolute_url(),
    ):
        texts[url] = page(client, url)
    for resource in ("evaluations", "congress-evaluations"):
        for params in ({}, {"agreement": "cce-2016-quebec"}, {"semester": "2017-2"}, {"body": "semovi"},
                       {"q": "SECRETA"}, {"q": "BORRADOR"}, {"recommendation": "continue"}):
            response = client.get(f"{API}{resource}/", params)
            texts[f"{API}{resource}/?{params}"] = response.content.decode()
        for item in client.get(f"{API}{resource}/").json()["results"]:
            texts[item["url"]] = page(client, item["url"])
        for extension in ("csv", "json"):
            texts[f"/datos/{resource}.{extension}"] = download(client, f"/datos/{resource}.{extension}").decode("utf-8-sig")
        workbook = openpyxl.load_workbook(io.BytesIO(download(client, f"/datos/{resource}.xlsx")), read_only=True)
        texts[f"/datos/{resource}.xlsx"] = "\n".join(
            str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row
        )
    return texts


def test_no_draft_submitted_returned_evidence_comment_or_congress_draft_is_public(client, scene):
    texts = public_texts(client, scene)

    assert len(texts) > 25
    assert {url: [secret for secret in SECRETS if secret in text] for url, text in texts.items()} == {
        url: [] for url in texts
    }
    assert not any("evidencia-privada" in text for text in texts.values())
    # What is public is there: the leak test reads the right places.
    assert "Intercambio de experiencias en movilidad." in texts["/datos/evaluations.csv"]
    assert "Corrección: recomienda continuar el acuerdo con Lyon." in texts["/datos/congress-evaluations.xlsx"]


def test_unpublic_evaluations_are_not_found_by_their_number(client, scene):
    for evaluation in scene.unpublic:
        response = client.get(f"{API}evaluations/{evaluation.pk}/")
        assert response.status_code == 404
        assert response.json() == {"detail": "No hay un registro publicado con ese identificador."}
    for draft_entry in scene.congress_draft.entries.all():
        assert client.get(f"{API}congress-evaluations/{draft_entry.pk}/").status_code == 404
    assert client.get(scene.hidden.get_absolute_url()).status_code == 404


def test_a_staff_session_sees_no_draft_either(client, scene):
    client.force_login(factories.UserFactory(superuser=True))

    assert ids(client, "evaluations") == [scene.lyon_2017_2.pk, scene.montreal_2017_2.pk, scene.lyon_2017_1.pk]
    assert_no_secret(page(client, scene.quebec.get_absolute_url()))
