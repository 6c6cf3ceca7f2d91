"""/api/v1/reports/: the published reports only, each with its files and
hashes and the Congress's evaluations, by its stable identifier «2017-2-v1»."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

pytestmark = pytest.mark.django_db

API = "http://testserver/api/v1/reports/"
PORTAL = "http://testserver/informes/"


def files(report) -> list[dict]:
    label = f"{report.semester.label}/v{report.version}"
    return [
        {"format": f.format, "url": f"{PORTAL}{label}/{f.format}/", "sha256": f.sha256, "size": f.size}
        for f in sorted(report.files.all(), key=lambda f: ["pdf", "html", "csv", "xlsx", "json"].index(f.format))
    ]


def test_item_is_the_published_report(client, report_set):
    response = client.get("/api/v1/reports/2017-2-v2/")

    assert response.status_code == 200
    assert response.json() == {
        "id": "2017-2-v2",
        "url": f"{API}2017-2-v2/",
        "semester": "2017-2",
        "year": 2017,
        "half": 2,
        "period_display": "julio–diciembre de 2017",
        "version": 2,
        "status": "published",
        "delivered_on": "2018-02-05",
        "delivery_reference": "CGAI/0101/2018",
        "published_at": "2018-02-06T10:00:00-06:00",
        "corrects": f"{API}2017-2-v1/",
        "corrects_version": 1,
        "correction_note": "Corrige el número de visitas oficiales del semestre.",
        "corrected_by": None,
        "portal_url": f"{PORTAL}2017-2/v2/",
        "files": files(report_set.v2),
        # Submitted by the Congress; its draft is nowhere.
        "congress_evaluations": [
            {
                "act_number": "CCDMX/CRI/015/2018",
                "act_date": "2018-03-20",
                "submitted_at": "2018-03-21T10:00:00-06:00",
                "score": "8.5",
                "assessment": "El Congreso considera suficiente la información del informe.",
                "observations": "Pide detallar los recursos movilizados.",
                "corrects": None,
                "correction_note": "",
                "entries": [
                    {
                        "agreement": "cce-2013-chicago-prueba",
                        "score": "9.0",
                        "assessment": "Recomienda fortalecer el acuerdo.",
                        "recommendation": "strengthen",
                        "observations": "",
                    },
                ],
            },
        ],
    }


def test_list_has_exactly_the_published_versions_newest_first(client, report_set):
    page = client.get("/api/v1/reports/").json()

    assert page["next"] is None and page["previous"] is None
    assert [item["id"] for item in page["results"]] == ["2018-1-v1", "2017-2-v2", "2017-2-v1"]
    first = page["results"][2]
    assert first["corrects"] is None and first["corrects_version"] is None
    assert first["corrected_by"] == f"{API}2017-2-v2/"
    assert first["files"] == files(report_set.v1)


def test_english_reads_the_period_in_english_and_links_the_english_page(client, report_set):
    item = client.get("/api/v1/reports/2018-1-v1/", headers={"accept-language": "en"}).json()

    # The English catalogue for reports comes later: the period reads as Semester says it in English.
    with translation.override("en"):
        assert item["period_display"] == str(report_set.first_half.semester)
    assert item["portal_url"] == "http://testserver/en/informes/2018-1/v1/"


@pytest.mark.parametrize(
    "identifier",
    ["2016-2-v1", "2017-1-v1", "2016-1-v1", "2017-2-v3", "2017-2", "2017-3-v1", "2017-2-v01x", "1", "2017-2-v0"],
)
def test_unpublished_unknown_and_malformed_are_not_found(client, report_set, identifier):
    response = client.get(f"/api/v1/reports/{identifier}/")

    assert response.status_code == 404
    assert response.json() == {"detail": "No hay un registro publicado con ese identificador."}


def test_pagination(client, report_set):
    page = client.get("/api/v1/reports/", {"page_size": 2}).json()

    assert [item["id"] for item in page["results"]] == ["2018-1-v1", "2017-2-v2"]
    assert page["next"] == f"{API}?page=2&page_size=2"
    assert [item["id"] for item in client.get(page["next"]).json()["results"]] == ["2017-2-v1"]


def test_list_queries_do_not_grow_with_the_reports(client, report_set):
    def queries(params: dict) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/reports/", params)
        return len(captured), len(response.json()["results"])

    one, _ = queries({"page_size": 1})
    three, count = queries({"page_size": 3})

    assert count == 3
    assert one == three
