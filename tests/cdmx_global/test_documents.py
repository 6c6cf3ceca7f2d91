"""Signed documents: only real PDFs within the size limit are kept, under
generated names; they go out only through the guarded download view, as
attachments that are never sniffed, and a record that isn't published keeps its
document from everyone but the staff who may edit it."""

import io
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement, AgreementKind
from cdmx_global.signed_documents import MEGABYTE, document_fields, download_filename

from tests.support import factories
from tests.support.admin_forms import form_data
from tests.support.documents import pdf_bytes

pytestmark = pytest.mark.django_db

NOT_A_PDF = "El archivo no es un PDF válido."
WRONG_EXTENSION = "Sólo se aceptan archivos con extensión .pdf."


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("convenio.txt", "Convenio de cooperación")
    return buffer.getvalue()


PDF = pdf_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@dataclass(frozen=True)
class DocumentCase:
    """A record model with a signed document, and a record of it named as staff name it."""

    factory: Any
    field: str
    kind: str
    folder: str
    naming: dict
    filename: str

    @property
    def model(self):
        return self.factory._meta.model

    def record(self, **kwargs):
        return self.factory(**self.naming, **kwargs)


CASES = [
    DocumentCase(
        factories.AgreementFactory,
        "signed_document",
        "acuerdos",
        "agreements",
        {"code": "cce-2013-chicago", "title": "Acuerdo de hermanamiento con Chicago"},
        "cce-2013-chicago.pdf",
    ),
    DocumentCase(
        factories.VisitFactory,
        "report_document",
        "informes-de-viaje",
        "trip-reports",
        {"title": "Gira de trabajo a París y Lyon"},
        "gira-de-trabajo-a-paris-y-lyon.pdf",
    ),
]
document_cases = pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media_root: Path) -> list[str]:
    return sorted(path.relative_to(media_root).as_posix() for path in media_root.rglob("*") if path.is_file())


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # Browsers send whatever type the name suggests; the check must not trust it.
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def attach_upload(case, record, name: str, content: bytes):
    """Assign an upload to the record's document and save it as a form would: validated first."""
    setattr(record, case.field, upload(name, content))
    record.full_clean()
    record.save()
    record.refresh_from_db()
    return getattr(record, case.field)


def with_document(case, content: bytes = PDF, **kwargs):
    record = case.record(**kwargs)
    getattr(record, case.field).save("informe original.pdf", ContentFile(content))
    return record


def refusal(case, record, name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        attach_upload(case, record, name, content)
    return refused.value


def download_url(case, record) -> str:
    return reverse("document_download", kwargs={"kind": case.kind, "pk": record.pk})


# Uploads -------------------------------------------------------------------------


@document_cases
@pytest.mark.parametrize(
    "name",
    ["Convenio firmado con Chicago (versión final).pdf", "CONVENIO.PDF", f"{'informe-' * 20}.pdf"],
    ids=["spaces-and-accents", "upper-case-extension", "name-longer-than-the-column"],
)
def test_valid_pdf_is_stored_under_a_generated_name(case, media_root, name):
    record = case.record()

    document = attach_upload(case, record, name, PDF)

    assert re.fullmatch(rf"documents/{case.folder}/[0-9a-f]{{32}}\.pdf", document.name)
    assert stored_files(media_root) == [document.name]
    assert (media_root / document.name).read_bytes() == PDF
    assert getattr(record.history.latest(), case.field) == document.name


@document_cases
def test_two_uploads_of_the_same_name_get_different_names(case):
    first = attach_upload(case, case.factory(), "informe.pdf", PDF)
    second = attach_upload(case, case.factory(), "informe.pdf", PDF)

    assert first.name != second.name


@document_cases
@pytest.mark.parametrize(
    "content",
    [
        b"Convenio de cooperacion entre la Ciudad de Mexico y Chicago.\n",
        PNG,
        b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>",
        zip_bytes(),
        b"%PDF-1.7\n" + b"esto no es un PDF " * 40,
        b"%PDF-",
        PDF[: len(PDF) // 2],
    ],
    ids=["text", "png", "html", "zip", "pdf-header-then-garbage", "pdf-header-only", "truncated-pdf"],
)
def test_renamed_non_pdf_is_refused(case, media_root, content):
    record = case.record()

    refused = refusal(case, record, "convenio.pdf", content)

    assert refused.message_dict == {case.field: [NOT_A_PDF]}
    assert stored_files(media_root) == []
    record.refresh_from_db()
    assert not getattr(record, case.field)


@document_cases
@pytest.mark.parametrize("name", ["convenio.txt", "convenio", "convenio.pdf.exe"])
def test_real_pdf_without_the_pdf_extension_is_refused(case, media_root, name):
    refused = refusal(case, case.record(), name, PDF)

    assert refused.message_dict == {case.field: [WRONG_EXTENSION]}
    assert stored_files(media_root) == []


@document_cases
def test_file_over_the_size_limit_is_refused_naming_the_limit(case, settings, media_root):
    settings.DOCUMENT_MAX_BYTES = MEGABYTE
    oversized = PDF + b"%" * (MEGABYTE - len(PDF) + 1)

    refused = refusal(case, case.record(), "convenio.pdf", oversized)

    assert refused.message_dict == {case.field: ["El archivo supera el tamaño máximo de 1 MB."]}
    assert stored_files(media_root) == []


def test_file_exactly_at_the_size_limit_is_accepted(settings, media_root):
    settings.DOCUMENT_MAX_BYTES = len(PDF)
    case = CASES[0]

    document = attach_upload(case, case.record(), "convenio.pdf", PDF)

    assert stored_files(media_root) == [document.name]


def test_file_one_byte_over_the_size_limit_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = len(PDF) - 1
    case = CASES[0]

    refused = refusal(case, case.record(), "convenio.pdf", PDF)

    assert [error.code for error in refused.error_dict[case.field]] == ["document_too_large"]


def test_size_limit_is_20_mb_unless_the_environment_says_otherwise():
    probe = "import django; from django.conf import settings; django.setup(); print(settings.DOCUMENT_MAX_BYTES)"
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "prueba"}
    env.pop("DOCUMENT_MAX_BYTES", None)

    def limit(**extra) -> int:
        result = subprocess.run(
            [sys.executable, "-c", probe], env={**env, **extra}, cwd=root, capture_output=True, text=True, check=True
        )
        return int(result.stdout.strip().splitlines()[-1])

    assert limit() == 20 * 1024 * 1024
    assert limit(DOCUMENT_MAX_BYTES="5242880") == 5 * 1024 * 1024


def test_password_protected_pdf_is_accepted_as_a_pdf(media_root):
    # Its structure parses; its pages can't be counted without the password, so
    # whether staff should upload it is their call, not the validator's.
    case = CASES[0]

    document = attach_upload(case, case.record(), "convenio.pdf", pdf_bytes(password="secreto"))

    assert stored_files(media_root) == [document.name]


def test_replacing_a_document_keeps_the_earlier_file_for_the_history(media_root):
    case = CASES[0]
    record = case.record()
    first = attach_upload(case, record, "convenio.pdf", PDF).name
    second = attach_upload(case, record, "convenio-corregido.pdf", pdf_bytes(pages=2)).name

    assert stored_files(media_root) == sorted([first, second])
    assert [getattr(row, case.field) for row in record.history.order_by("history_id")][-2:] == [first, second]


# Downloads -----------------------------------------------------------------------


@document_cases
def test_published_document_downloads_for_anyone_as_a_pdf_attachment(client, case):
    record = with_document(case, published=True)

    response = client.get(download_url(case, record))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{case.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" not in response.get("Cache-Control", "")


@document_cases
def test_document_url_is_the_guarded_view_not_media(case):
    record = with_document(case, published=True)

    url = getattr(record, case.field).url

    assert url == f"/documentos/{case.kind}/{record.pk}/"
    assert url == download_url(case, record)


@document_cases
def test_media_root_is_not_served_by_url(client, case, settings):
    record = with_document(case, published=True)

    response = client.get(f"/{settings.MEDIA_URL}{getattr(record, case.field).name}")

    assert response.status_code == 404
    assert PDF not in response.content


def other_body_liaison(record):
    return factories.liaison(factories.GovernmentBodyFactory())


def own_body_liaison(record):
    return factories.liaison(record.body)


def catalogue_administrator(record):
    return factories.administrator()


def reviewer(record):
    return factories.reviewer()


def own_body_liaison_without_view_permission(record):
    user = own_body_liaison(record)
    user.groups.clear()
    return user


UNPUBLISHED = pytest.mark.parametrize("status", ["draft", "review", "withdrawn"])


@document_cases
@UNPUBLISHED
@pytest.mark.parametrize(
    "viewer",
    [None, other_body_liaison, catalogue_administrator, own_body_liaison_without_view_permission],
    ids=["anonymous", "liaison-of-another-body", "administrator", "own-body-without-view-permission"],
)
def test_unpublished_document_is_not_found_for_whoever_may_not_edit_the_record(client, case, status, viewer):
    record = with_document(case, **{status: True})
    if viewer is not None:
        client.force_login(viewer(record))

    response = client.get(download_url(case, record))

    assert response.status_code == 404
    assert PDF not in response.content
    assert "Content-Disposition" not in response


@document_cases
@UNPUBLISHED
@pytest.mark.parametrize(
    "viewer",
    [own_body_liaison, reviewer],
    ids=["liaison-of-its-body", "reviewer"],
)
def test_unpublished_document_downloads_for_staff_who_may_edit_the_record(client, case, status, viewer):
    record = with_document(case, **{status: True})
    client.force_login(viewer(record))

    response = client.get(download_url(case, record))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"] == f'attachment; filename="{case.filename}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


@document_cases
def test_published_record_without_a_document_is_not_found(client, case):
    record = case.record(published=True)

    assert client.get(download_url(case, record)).status_code == 404


@document_cases
def test_document_missing_from_storage_is_not_found(client, case, media_root):
    record = with_document(case, published=True)
    (media_root / getattr(record, case.field).name).unlink()

    assert client.get(download_url(case, record)).status_code == 404


def test_unknown_kind_is_not_found(client):
    record = with_document(CASES[0], published=True)

    assert client.get(f"/documentos/premios/{record.pk}/").status_code == 404


def test_document_of_one_kind_is_not_served_under_another(client):
    agreement = with_document(CASES[0], published=True)
    factories.VisitFactory(published=True, pk=agreement.pk)

    assert client.get(download_url(CASES[1], agreement)).status_code == 404


def test_every_document_field_has_a_kind():
    assert document_fields() == {case.kind: (case.model, case.field) for case in CASES}


def test_download_filename_falls_back_to_the_record_when_the_title_has_no_letters():
    visit = factories.VisitFactory(title="¿?")

    assert download_filename(visit) == f"visit-{visit.pk}.pdf"


# The admin -------------------------------------------------------------------------


@document_cases
def test_admin_change_form_links_to_the_guarded_url(admin_client, case):
    record = with_document(case)
    opts = case.model._meta

    content = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])).content

    assert f'href="/documentos/{case.kind}/{record.pk}/"'.encode() in content
    assert b"/media/" not in content
    assert b'accept="application/pdf,.pdf"' in content


def agreement_add_data(client) -> dict:
    return form_data(
        client.get(reverse("admin:agreements_agreement_add")),
        code="cce-2014-prueba",
        title="Acuerdo de prueba",
        kind=AgreementKind.TWINNING,
        body=str(factories.GovernmentBodyFactory().pk),
        signed_on="2014-03-05",
        signed_on_precision="day",
    )


def test_admin_add_form_refuses_a_renamed_non_pdf_and_saves_nothing(client, media_root):
    client.force_login(factories.UserFactory(superuser=True))
    data = agreement_add_data(client)

    response = client.post(
        reverse("admin:agreements_agreement_add"), {**data, "signed_document": upload("convenio.pdf", PNG)}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["signed_document"] == [NOT_A_PDF]
    assert NOT_A_PDF in response.content.decode()
    assert not Agreement.objects.exists()
    assert not Agreement.history.exists()
    assert stored_files(media_root) == []


def test_admin_add_form_stores_a_pdf_under_a_generated_name(client, media_root):
    client.force_login(factories.UserFactory(superuser=True))
    data = agreement_add_data(client)

    response = client.post(
        reverse("admin:agreements_agreement_add"), {**data, "signed_document": upload("Convenio firmado.pdf", PDF)}
    )

    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert re.fullmatch(r"documents/agreements/[0-9a-f]{32}\.pdf", agreement.signed_document.name)
    assert stored_files(media_root) == [agreement.signed_document.name]
    assert agreement.history.get().signed_document == agreement.signed_document.name
