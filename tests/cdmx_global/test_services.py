"""Review and publication through the services: who may take each step, what
each step records, and the message to the reviewers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdmx_global.models import PublicationStatus
from cdmx_global.services import (
    PUBLISH,
    RESTORE,
    RETURN,
    SUBMIT,
    WITHDRAW,
    record_transition,
    records_transition,
    transitions_for,
)
from tests.support.factories import AgreementFactory, GovernmentBodyFactory, UserFactory, liaison, reviewer

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED, WITHDRAWN = (
    PublicationStatus.DRAFT,
    PublicationStatus.REVIEW,
    PublicationStatus.PUBLISHED,
    PublicationStatus.WITHDRAWN,
)


@pytest.fixture
def body():
    return GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")


@pytest.fixture
def lucia(body):
    return liaison(body, username="lucia", email="lucia@sedema.cdmx.gob.mx", first_name="Lucía", last_name="Pérez")


@pytest.fixture
def marta():
    return reviewer(username="marta", email="marta@cgai.cdmx.gob.mx")


def test_submit_by_the_bodys_liaison_records_who_when_and_tells_the_reviewers(
    lucia, marta, body, mailoutbox, django_capture_on_commit_callbacks
):
    agreement = AgreementFactory(body=body, title="Memorando con Medellín")
    reviewer(username="jorge", email="jorge@cgai.cdmx.gob.mx")
    reviewer(username="sin.correo", email="")
    UserFactory(username="otra", email="otra@cdmx.gob.mx")  # staff, but no reviewer

    with django_capture_on_commit_callbacks(execute=True):
        record_transition(record=agreement, user=lucia, transition=SUBMIT)

    agreement.refresh_from_db()
    assert agreement.status == REVIEW
    assert agreement.submitted_by == lucia
    assert agreement.submitted_at is not None
    latest = agreement.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (REVIEW, lucia, "Enviado a revisión")
    [message] = mailoutbox
    assert message.subject == "Para revisión: «Memorando con Medellín»"
    assert sorted(message.to) == ["jorge@cgai.cdmx.gob.mx", "marta@cgai.cdmx.gob.mx"]
    assert "Lucía Pérez (Secretaría del Medio Ambiente (SEDEMA)) envió a revisión" in message.body
    assert f"http://127.0.0.1:8000/admin/agreements/agreement/{agreement.pk}/change/" in message.body


def test_liaison_cannot_publish_even_its_own_bodys_record(lucia, body):
    agreement = AgreementFactory(body=body, review=True)

    with pytest.raises(PermissionDenied, match="Sólo la revisión de la CGAI puede hacer esto: «Publicar»."):
        record_transition(record=agreement, user=lucia, transition=PUBLISH)

    agreement.refresh_from_db()
    assert (agreement.status, agreement.published_at, agreement.history.count()) == (REVIEW, None, 1)


def test_liaison_cannot_submit_another_bodys_record(lucia):
    other = AgreementFactory()

    with pytest.raises(PermissionDenied, match="No puede modificar registros de otra dependencia."):
        record_transition(record=other, user=lucia, transition=SUBMIT)

    other.refresh_from_db()
    assert other.status == DRAFT


def test_reviewer_publishes_and_the_record_says_who_and_when(marta):
    agreement = AgreementFactory(review=True)

    record_transition(record=agreement, user=marta, transition=PUBLISH)

    agreement.refresh_from_db()
    assert (agreement.status, agreement.published_by) == (PUBLISHED, marta)
    assert agreement.published_at is not None
    assert agreement.history.latest().history_change_reason == "Publicado"


def test_a_step_from_the_wrong_status_is_refused_in_spanish(marta):
    agreement = AgreementFactory(published=True)

    with pytest.raises(ValidationError) as error:
        record_transition(record=agreement, user=marta, transition=PUBLISH)

    assert error.value.messages == ["«Publicar» no es posible para un registro en estado «Publicado»."]


def test_withdrawing_needs_a_reason_and_restoring_brings_a_published_record_back(marta):
    agreement = AgreementFactory(review=True)
    record_transition(record=agreement, user=marta, transition=PUBLISH)

    with pytest.raises(ValidationError, match="Indique el motivo."):
        record_transition(record=agreement, user=marta, transition=WITHDRAW, note="  ")
    record_transition(record=agreement, user=marta, transition=WITHDRAW, note="Duplicado del acuerdo 12")
    agreement.refresh_from_db()
    assert (agreement.status, agreement.withdrawn_by, agreement.review_note) == (
        WITHDRAWN,
        marta,
        "Duplicado del acuerdo 12",
    )
    assert agreement.history.latest().history_change_reason == "Retirado: Duplicado del acuerdo 12"

    record_transition(record=agreement, user=marta, transition=RESTORE)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.review_note) == (PUBLISHED, "")
    assert [h.status for h in agreement.history.order_by("history_date", "history_id")] == [
        REVIEW,
        PUBLISHED,
        WITHDRAWN,
        PUBLISHED,
    ]


def test_restoring_a_never_published_record_brings_back_its_draft(marta):
    agreement = AgreementFactory()
    record_transition(record=agreement, user=marta, transition=WITHDRAW, note="Capturado por error")

    record_transition(record=agreement, user=marta, transition=RESTORE)

    agreement.refresh_from_db()
    assert agreement.status == DRAFT


def test_reviewer_returns_a_record_to_its_draft_with_observations(marta, lucia, body):
    agreement = AgreementFactory(body=body)
    record_transition(record=agreement, user=lucia, transition=SUBMIT)

    record_transition(record=agreement, user=marta, transition=RETURN, note="Falta el número de dictamen")

    agreement.refresh_from_db()
    assert (agreement.status, agreement.review_note) == (DRAFT, "Falta el número de dictamen")


def test_steps_offered_follow_role_and_status(lucia, marta, body):
    draft = AgreementFactory(body=body)
    published = AgreementFactory(body=body, published=True)

    assert transitions_for(record=draft, user=lucia) == [SUBMIT]
    assert transitions_for(record=published, user=lucia) == []
    assert transitions_for(record=draft, user=marta) == [SUBMIT, PUBLISH, WITHDRAW]
    assert transitions_for(record=published, user=marta) == [WITHDRAW]
    assert transitions_for(record=AgreementFactory(), user=lucia) == []


def test_bulk_steps_save_each_record_with_its_history_and_report_the_refused(marta):
    drafts = [AgreementFactory(title=f"Acuerdo {n}") for n in range(3)]
    already = AgreementFactory(title="Ya publicado", published=True)

    done, refused = records_transition(records=[*drafts, already], user=marta, transition=PUBLISH)

    assert [record.title for record in done] == ["Acuerdo 0", "Acuerdo 1", "Acuerdo 2"]
    assert refused == [(already, "«Publicar» no es posible para un registro en estado «Publicado».")]
    for draft in drafts:
        latest = draft.history.latest()
        assert (latest.status, latest.history_user, latest.history_change_reason) == (PUBLISHED, marta, "Publicado")
