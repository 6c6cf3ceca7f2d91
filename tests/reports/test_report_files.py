"""A published report's files: downloaded byte for byte as stored, with their
SHA-256 in the headers; and the verify page, which says whether a file or a
hash matches a published one."""

import base64
import hashlib
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from reports.models import Report
from reports.uploads import VERIFY_MAX_BYTES

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "pdf": ("application/pdf", "pdf"),
    "html": ("text/html; charset=utf-8", "html"),
    "csv": ("application/zip", "csv.zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


def stored_bytes(report: Report, file_format: str) -> bytes:
    with report.files.get(format=file_format).file.open("rb") as handle:
        return handle.read()


def text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("file_format", list(CONTENT_TYPES))
def test_download_is_the_stored_file_with_its_hash(client, report_set, file_format):
    report_file = report_set.v2.files.get(format=file_format)

    response = client.get(f"/informes/2017-2/v2/{file_format}/")

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == report_file.sha256
    assert len(body) == report_file.size
    content_type, extension = CONTENT_TYPES[file_format]
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="informe-2017-2-v2.{extension}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["ETag"] == f'"{report_file.sha256}"'
    assert response["Repr-Digest"] == f"sha-256=:{base64.b64encode(bytes.fromhex(report_file.sha256)).decode()}:"


def test_the_pdf_is_a_pdf(client, report_set):
    body = b"".join(client.get("/informes/2018-1/v1/pdf/").streaming_content)

    assert body.startswith(b"%PDF-")


def test_download_only_answers_reads(client, report_set):
    assert client.post("/informes/2017-2/v2/pdf/").status_code == 405


def test_verify_page_is_a_form_linked_from_the_archive_and_each_report(client, report_set):
    page = text(client.get("/informes/verificar/"))

    assert "<h1>Verificar un archivo de informe</h1>" in page
    assert 'enctype="multipart/form-data"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<label for="id_file">Archivo</label>' in page
    assert '<label for="id_sha256">O bien, su huella SHA-256</label>' in page
    assert '<meta name="robots" content="noindex">' in page
    assert 'href="/informes/verificar/"' in text(client.get("/informes/"))
    assert 'href="/informes/verificar/"' in text(client.get("/informes/2017-2/v1/"))


def test_an_uploaded_published_pdf_matches(client, report_set):
    pdf = stored_bytes(report_set.v1, "pdf")

    page = text(client.post("/informes/verificar/", {"file": SimpleUploadedFile("recibido.pdf", pdf), "sha256": ""}))

    assert (
        "Coincide con el archivo PDF (documento oficial) del informe julio–diciembre de 2017, versión 1, "
        "entregado al Congreso el 15 de enero de 2018."
    ) in page
    assert '<a href="/informes/2017-2/v1/">Ver el informe</a>' in page
    assert f'<code class="sha256">{hashlib.sha256(pdf).hexdigest()}</code>' in page
    assert "No coincide" not in page


def test_a_pasted_hash_matches_in_any_case_and_with_spaces(client, report_set):
    sha256 = report_set.first_half.files.get(format="xlsx").sha256
    written = f"  {sha256[:32].upper()} {sha256[32:]} "

    page = text(client.post("/informes/verificar/", {"sha256": written}))

    assert (
        "Coincide con el archivo XLSX del informe enero–junio de 2018, versión 1, entregado al Congreso el 13 de julio de 2018."
    ) in page
    assert f'<code class="sha256">{sha256}</code>' in page


def test_a_modified_file_does_not_match(client, report_set):
    tampered = stored_bytes(report_set.v1, "pdf") + b"\n"

    page = text(client.post("/informes/verificar/", {"file": SimpleUploadedFile("recibido.pdf", tampered)}))

    assert "No coincide con ningún archivo publicado de los informes semestrales." in page
    assert f'<code class="sha256">{hashlib.sha256(tampered).hexdigest()}</code>' in page
    assert "Coincide con el archivo" not in page


@pytest.mark.parametrize("report_name", ["draft", "approved", "delivered"])
def test_an_unpublished_reports_file_does_not_match(client, report_set, report_name):
    report = getattr(report_set, report_name)
    published = {f.sha256 for r in report_set.published for f in r.files.all()}
    pdf = report.files.get(format="pdf")
    assert pdf.sha256 not in published

    by_hash = text(client.post("/informes/verificar/", {"sha256": pdf.sha256}))
    by_file = text(client.post("/informes/verificar/", {"file": SimpleUploadedFile("x.pdf", stored_bytes(report, "pdf"))}))

    for page in (by_hash, by_file):
        assert "No coincide con ningún archivo publicado de los informes semestrales." in page
        assert "Coincide con el archivo" not in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"sha256": "abc123"}, "sha256",
            "Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f); «abc123» no lo es.",
        ),
        (
            {"sha256": "g" * 64}, "sha256",
            f"Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f); «{'g' * 64}» no lo es.",
        ),
        ({"sha256": "a" * 201}, "sha256", "Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f)."),
        ({"sha256": ""}, None, "Suba un archivo o escriba su huella SHA-256."),
        (
            {"sha256": "a" * 64, "file": SimpleUploadedFile("x.pdf", b"%PDF-")}, None,
            "Suba un archivo o escriba una huella, no ambos.",
        ),
        ({"file": SimpleUploadedFile("x.pdf", b"")}, "file", "El archivo está vacío."),
    ],
)
def test_invalid_input_is_refused_in_spanish(client, data, field, message):
    response = client.post("/informes/verificar/", data)
    page = text(response)

    if field:
        assert f'<div role="alert" id="id_{field}_error"><ul class="errorlist"><li>{message}</li></ul></div>' in page
        assert f'id="id_{field}" ' in page and 'aria-invalid="true"' in page
    else:
        assert f'<div role="alert" id="verificar-errores"><ul class="errorlist"><li>{message}</li></ul></div>' in page
    assert "Coincide" not in page and "No coincide" not in page


def test_a_file_over_the_limit_is_not_hashed(client, settings):
    settings.REPORT_VERIFY_MAX_BYTES = 10

    page = text(client.post("/informes/verificar/", {"file": SimpleUploadedFile("grande.pdf", b"x" * 11)}))

    assert "El archivo pasa de 10\xa0bytes: ningún informe publicado es tan grande." in page
    assert "Coincide" not in page
    assert VERIFY_MAX_BYTES == 50 * 1024 * 1024  # without the setting


def test_verify_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)

    assert client.post("/informes/verificar/", {"sha256": "a" * 64}).status_code == 403
