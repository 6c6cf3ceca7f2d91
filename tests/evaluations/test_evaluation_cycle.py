"""The government's evaluation drafted by the agreement's body and approved by
CGAI (issue 21, item 2): draft → submitted → returned → submitted → approved,
each step kept with who and when, refused in Spanish when it does not apply,
and only approved evaluations in a report."""

import html
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from evaluations.services import evaluation_approve, evaluation_return, evaluation_save, evaluation_submit
from evaluations.models import AgreementEvaluation, EvaluationStatus, Recommendation
from evaluations.periods import Semester
from reports.selectors import published_agreement_evaluations

from tests.support import factories
from tests.support.documents import pdf_bytes
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

ADD = reverse("admin:evaluations_agreementevaluation_add")


def change(evaluation) -> str:
    return reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk])


def step(evaluation, name: str) -> str:
    return reverse("admin:evaluations_agreementevaluation_step", args=[evaluation.pk, name])


@pytest.fixture
def people():
    semovi = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    agreement = factories.AgreementFactory(
        title="Convenio con Lyon", body=semovi, published=True, validity="in_force",
        **partial_date("signed_on", 2016, 5, 10), **partial_date("valid_until", 2019),
    )
    return {
        "agreement": agreement,
        "liaison": factories.liaison(body=semovi, username="enlace", email="enlace@semovi.cdmx.gob.mx"),
        "other_liaison": factories.liaison(username="otro", email="otro@sedema.cdmx.gob.mx"),
        "reviewer": factories.reviewer(username="revisora", email="revisora@cgai.cdmx.gob.mx"),
    }


def form_data(agreement, **overrides) -> dict:
    return {
        "agreement": agreement.pk, "year": 2017, "half": 2, "people_reached": "120", "resources": "Asistencia técnica.",
        "amount": "", "currency": "", "exchanges": "2", "projects": "1",
        "advantages": "Intercambio de experiencias en movilidad.", "benefits": "Mejor planeación de ciclovías.",
        "results": "Un taller binacional.", "difficulties": "", "recommendation": Recommendation.CONTINUE,
        # The evidence inline, with no file.
        "evidence-TOTAL_FORMS": "0", "evidence-INITIAL_FORMS": "0", "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        # The commitments' progress inline: the agreement has no commitments.
        "progress-TOTAL_FORMS": "0", "progress-INITIAL_FORMS": "0", "progress-MIN_NUM_FORMS": "0",
        "progress-MAX_NUM_FORMS": "1000",
        **overrides,
    }


def steps(evaluation) -> list[tuple]:
    return [
        (entry.status, entry.history_user.username if entry.history_user else None, entry.history_change_reason)
        for entry in evaluation.history.order_by("history_date", "history_id")
    ]


def test_the_whole_cycle_through_the_admin(client, people):
    agreement, liaison, reviewer = people["agreement"], people["liaison"], people["reviewer"]
    client.force_login(liaison)

    response = client.post(ADD, form_data(agreement))

    evaluation = AgreementEvaluation.objects.get()
    assert response.status_code == 302
    assert (evaluation.status, evaluation.version, evaluation.evaluated_by) == ("draft", 1, liaison)
    # Not in the report while it is not approved.
    assert list(published_agreement_evaluations(Semester(2017, 2))) == []

    client.post(step(evaluation, "enviar"), {"seen_version": "1"})
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.submitted_by, evaluation.version) == ("submitted", liaison, 2)
    [notice] = mail.outbox
    assert (notice.to, notice.subject) == (
        ["revisora@cgai.cdmx.gob.mx"], "Evaluación para revisión: Convenio con Lyon — 2017-2",
    )
    # Submitted: the liaison can no longer change it.
    page = client.get(change(evaluation))
    assert 'name="advantages"' not in page.text and "Enviar a revisión" not in page.text

    client.force_login(reviewer)
    refused = client.post(step(evaluation, "devolver"), {"seen_version": "2", "review_comment": "  "}, follow=True)
    assert "Escriba las observaciones que el enlace debe atender." in refused.text
    client.post(step(evaluation, "devolver"), {"seen_version": "2", "review_comment": "Falta el monto del taller."})
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.review_comment, evaluation.reviewed_by) == (
        "returned", "Falta el monto del taller.", reviewer,
    )
    returned = mail.outbox[-1]
    assert (returned.to, returned.subject) == (["enlace@semovi.cdmx.gob.mx"], "Evaluación devuelta: Convenio con Lyon — 2017-2")
    assert "Falta el monto del taller." in returned.body

    client.force_login(liaison)
    page = client.get(change(evaluation))
    assert "Observaciones de la CGAI:" in page.text and "Falta el monto del taller." in page.text
    client.post(change(evaluation), form_data(agreement, amount="15000.00", currency="MXN", seen_version="3"))
    client.post(step(evaluation, "enviar"), {"seen_version": "4"})
    client.force_login(reviewer)
    client.post(step(evaluation, "aprobar"), {"seen_version": "5"})

    evaluation.refresh_from_db()
    assert (evaluation.status, str(evaluation.amount), evaluation.review_comment) == ("approved", "15000.00", "")
    assert list(published_agreement_evaluations(Semester(2017, 2))) == [evaluation]
    assert steps(evaluation) == [
        ("draft", "enlace", "Borrador creado"),
        ("submitted", "enlace", "Enviada a revisión"),
        ("returned", "revisora", "Devuelta con observaciones: Falta el monto del taller."),
        ("returned", "enlace", "Borrador modificado"),
        ("submitted", "enlace", "Enviada a revisión"),
        ("approved", "revisora", "Aprobada"),
    ]
    assert mail.outbox[-1].subject == "Evaluación aprobada: Convenio con Lyon — 2017-2"


def test_a_second_submission_of_the_same_draft_is_refused_and_changes_nothing(people):
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    evaluation_submit(evaluation=evaluation, user=people["liaison"])

    with pytest.raises(ValidationError, match="Esta evaluación ya se envió a revisión: espere la respuesta de la CGAI."):
        evaluation_submit(evaluation=evaluation, user=people["liaison"])

    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.version, evaluation.history.count()) == ("submitted", 2, 2)


def test_only_cgai_approves_or_returns(people):
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    evaluation_submit(evaluation=evaluation, user=people["liaison"])

    with pytest.raises(PermissionDenied, match="Sólo la revisión de la CGAI aprueba o devuelve una evaluación."):
        evaluation_approve(evaluation=evaluation, user=people["liaison"])
    with pytest.raises(ValidationError, match="Esta evaluación aún no se envía a revisión."):
        draft = evaluation_save(
            evaluation=AgreementEvaluation(**_fields(people["agreement"], half=1)), user=people["liaison"]
        )
        evaluation_return(evaluation=draft, user=people["reviewer"], comment="Falta algo.")

    evaluation.refresh_from_db()
    assert evaluation.status == "submitted"


def test_another_bodys_liaison_neither_sees_nor_drafts_the_evaluation(client, people):
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    client.force_login(people["other_liaison"])

    assert client.get(change(evaluation)).status_code == 302  # the admin's «does not exist» redirect
    response = client.post(ADD, form_data(people["agreement"], half=1))
    assert response.status_code == 200
    # Its form offers its own body's agreements only.
    assert '<ul class="errorlist" id="id_agreement_error"><li>Elija un acuerdo publicado.</li></ul>' in response.text
    assert AgreementEvaluation.objects.count() == 1
    with pytest.raises(PermissionDenied):
        evaluation_submit(evaluation=evaluation, user=people["other_liaison"])


def test_two_people_editing_the_same_evaluation_cannot_overwrite_each_other(client, people):
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    client.force_login(people["reviewer"])
    client.post(change(evaluation), form_data(people["agreement"], results="Dos talleres.", seen_version="1"))

    client.force_login(people["liaison"])
    stale = client.post(change(evaluation), form_data(people["agreement"], results="Tres talleres.", seen_version="1"))

    assert stale.status_code == 200
    assert "revisora guardó este registro mientras usted lo editaba" in stale.text
    evaluation.refresh_from_db()
    assert (evaluation.results, evaluation.version) == ("Dos talleres.", 2)


def test_a_link_to_evaluate_an_agreement_already_drafted_opens_the_draft(client, people):
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    client.force_login(people["liaison"])

    response = client.get(ADD, {"agreement": people["agreement"].pk, "year": 2017, "half": 2})

    assert response.status_code == 302 and response.url == change(evaluation)


def _fields(agreement, **overrides) -> dict:
    return {
        "agreement": agreement, "year": 2017, "half": 2, "advantages": "Intercambio.", "benefits": "Planeación.",
        "recommendation": Recommendation.CONTINUE, **overrides,
    }


def test_a_new_evaluation_is_a_draft_whatever_its_fields_say(people):
    evaluation = evaluation_save(
        evaluation=AgreementEvaluation(**_fields(people["agreement"]), status=EvaluationStatus.APPROVED),
        user=people["liaison"],
    )
    assert evaluation.status == "draft"


# Evidence ------------------------------------------------------------------------------------------


def _image(image_format: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 60)).save(buffer, format=image_format)
    return buffer.getvalue()


def _with_evidence(agreement, *files, **overrides) -> dict:
    data = form_data(agreement, **overrides)
    data.update({
        "evidence-TOTAL_FORMS": str(len(files)), "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0", "evidence-MAX_NUM_FORMS": "1000",
    })
    for number, (name, content, description) in enumerate(files):
        data[f"evidence-{number}-file"] = SimpleUploadedFile(name, content)
        data[f"evidence-{number}-description"] = description
    return data


def test_evidence_files_are_kept_with_the_draft_and_downloaded_by_staff_only(client, people, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.force_login(people["liaison"])
    pdf, png = pdf_bytes(), _image("PNG")

    response = client.post(ADD, _with_evidence(
        people["agreement"], ("relatoria-taller.pdf", pdf, "Relatoría del taller"), ("foto.png", png, "Foto del taller"),
    ))

    assert response.status_code == 302
    evaluation = AgreementEvaluation.objects.get()
    kept = {item.description: item for item in evaluation.evidence.all()}
    assert sorted(kept) == ["Foto del taller", "Relatoría del taller"]
    download = client.get(kept["Relatoría del taller"].file.url)
    assert b"".join(download.streaming_content) == pdf
    assert download["Content-Disposition"] == 'attachment; filename="relatoria-taller.pdf"'
    client.force_login(people["other_liaison"])
    assert client.get(kept["Foto del taller"].file.url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("relatoria.pdf", b"Esto es texto, no un PDF.", "El archivo no es un PDF válido."),
        ("foto.jpg", "PNG", "El archivo «foto.jpg» no es una imagen JPEG: su contenido es PNG."),
        ("foto.png", b"\x89PNG\r\n\x1a\n pero no una imagen", "El archivo «foto.png» no es una imagen válida."),
        ("hoja.xlsx", b"PK\x03\x04", "Sólo se aceptan PDF o imágenes PNG, JPEG o WebP"),
    ],
)
def test_an_evidence_file_that_is_not_what_it_says_is_refused_and_nothing_is_saved(client, people, name, content, message):
    client.force_login(people["liaison"])
    content = _image(content) if isinstance(content, str) else content

    response = client.post(ADD, _with_evidence(people["agreement"], (name, content, "Evidencia")))

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert AgreementEvaluation.objects.count() == 0


def test_the_form_carries_the_version_it_was_opened_on(client, people):
    """Without it a browser's save of an existing evaluation is refused («No se sabe qué versión…»)."""
    evaluation = evaluation_save(evaluation=AgreementEvaluation(**_fields(people["agreement"])), user=people["liaison"])
    client.force_login(people["liaison"])

    page = client.get(change(evaluation))

    assert '<input type="hidden" name="seen_version" value="1" id="id_seen_version">' in page.text
