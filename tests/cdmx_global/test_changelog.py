"""The public change log (``cdmx_global.changelog``): what the write services log
when the public sees a record appear, change or go, and nothing else."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Agreement, AgreementKind
from cdmx_global.changelog import ChangeKind, PublicChange, changes_after, changes_of, withdrawal_of
from cdmx_global.models import ChangeSequence
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.services import (
    PUBLISH,
    RESTORE,
    WITHDRAW,
    record_create,
    record_transition,
    record_update,
    translation_mark_reviewed,
)
from tests.support.factories import CounterpartFactory, GovernmentBodyFactory, ThemeFactory, liaison, reviewer


@pytest.fixture
def body(db):
    return GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")


@pytest.fixture
def marta(db):
    return reviewer(username="marta")


def draft_agreement(body, user, **data) -> Agreement:
    return record_create(
        model=Agreement,
        data={"code": "h-1", "title": "Acuerdo de hermanamiento con Quito", "kind": AgreementKind.TWINNING,
              "body": body, "signed_on": datetime.date(2014, 1, 1), "signed_on_precision": DatePrecision.YEAR,
              **data},
        user=user,
        reason=None,
    )


def published_agreement(body, marta, **data) -> Agreement:
    agreement = draft_agreement(body, liaison(body, username="lucia"), **data)
    return record_transition(record=agreement, user=marta, transition=PUBLISH)


def edit(record, user, note="", m2m=None, **changes):
    return record_update(record=record, user=user, reason=None, expected_version=record.version,
                         changes=changes, m2m=m2m, public_note=note)


def test_a_draft_edited_and_reviewed_leaves_nothing_public(body, marta):
    agreement = draft_agreement(body, liaison(body, username="lucia"))
    edit(agreement, marta, title="Borrador secreto de hermanamiento", note="nota que nadie ve")

    assert list(changes_of(agreement)) == []
    assert PublicChange.objects.count() == 0


def test_a_published_record_corrected_twice_logs_each_change_with_its_public_note(body, marta):
    agreement = published_agreement(body, marta)
    agreement = edit(agreement, marta, note="El libro da el título completo.",
                     title="Acuerdo de hermanamiento con el Distrito Metropolitano de Quito")
    agreement = edit(agreement, marta, note="La fecha exacta consta en el registro de la SRE.",
                     signed_on=datetime.date(2014, 3, 17), signed_on_precision=DatePrecision.DAY,
                     review_note="observación interna")

    changes = list(changes_of(agreement))
    assert [(c.kind, c.note) for c in changes] == [
        (ChangeKind.PUBLISHED, ""),
        (ChangeKind.CHANGED, "El libro da el título completo."),
        (ChangeKind.CHANGED, "La fecha exacta consta en el registro de la SRE."),
    ]
    assert changes[1].fields == [{
        "name": "title", "before": "Acuerdo de hermanamiento con Quito",
        "after": "Acuerdo de hermanamiento con el Distrito Metropolitano de Quito",
    }]
    # A partial date at its precision; the internal review note is not a public field.
    assert changes[2].fields == [{"name": "signed_on", "before": "2014", "after": "2014-03-17"}]
    assert [entry["label"] for entry in changes[2].field_changes()] == ["Fecha de firma"]
    assert [c.sequence for c in changes] == sorted(c.sequence for c in changes)


def test_links_show_only_published_records(body, marta):
    agreement = published_agreement(body, marta)
    secret = CounterpartFactory(name="Contraparte en borrador", draft=True)
    paris = CounterpartFactory(name="París", published=True)
    agreement = edit(agreement, marta, m2m={"counterparts": [secret, paris]}, note="")

    assert changes_of(agreement).last().fields == [{"name": "counterparts", "before": [], "after": ["París, Francia"]}]
    assert "Contraparte en borrador" not in str(list(PublicChange.objects.values_list("fields", flat=True)))

    # Linking only a draft changes nothing the public sees.
    count = PublicChange.objects.count()
    edit(agreement, marta, m2m={"counterparts": [secret, paris]})
    other = edit(Agreement.objects.get(pk=agreement.pk), marta, m2m={"themes": [ThemeFactory(name="Agua", draft=True)]})
    assert PublicChange.objects.count() == count
    assert other.pk == agreement.pk


def test_withdrawal_of_a_published_record_is_logged_with_its_public_reason(body, marta):
    agreement = published_agreement(body, marta)
    withdrawn = record_transition(record=agreement, user=marta, transition=WITHDRAW,
                                  note="Duplicado del registro h-2.")

    notice = withdrawal_of(withdrawn)
    assert (notice.kind, notice.note, notice.title) == (
        ChangeKind.WITHDRAWN, "Duplicado del registro h-2.", "Acuerdo de hermanamiento con Quito")

    restored = record_transition(record=withdrawn, user=marta, transition=RESTORE)
    assert withdrawal_of(restored) is None
    assert [c.kind for c in changes_of(restored)] == [ChangeKind.PUBLISHED, ChangeKind.WITHDRAWN, ChangeKind.PUBLISHED]


def test_a_draft_withdrawn_before_publication_has_no_notice(body, marta):
    agreement = draft_agreement(body, liaison(body, username="lucia"))
    withdrawn = record_transition(record=agreement, user=marta, transition=WITHDRAW, note="No procede.")

    assert withdrawal_of(withdrawn) is None
    assert PublicChange.objects.count() == 0


def test_a_reviewed_translation_is_a_public_change_without_its_text(body, marta):
    agreement = published_agreement(body, marta)
    agreement = edit(agreement, marta, title_en="Twinning with Quito")
    assert changes_of(agreement).count() == 1  # a draft translation is not public

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    assert changes_of(agreement).last().fields == [{"name": "translation", "before": None, "after": None}]


def test_an_invalid_correction_logs_nothing(body, marta):
    agreement = published_agreement(body, marta)
    with pytest.raises(ValidationError):
        edit(agreement, marta, title="", note="Se borra el título")
    assert [c.kind for c in changes_of(agreement)] == [ChangeKind.PUBLISHED]


def test_changes_after_pages_by_sequence(body, marta):
    first = published_agreement(body, marta)
    second = published_agreement(body, marta, code="h-2", title="Acuerdo con Lima")
    edit(first, marta, note="Corrección", title="Acuerdo de hermanamiento con Quito, Ecuador")

    page = list(changes_after(0, limit=2))
    rest = list(changes_after(page[-1].sequence, limit=2))
    assert [(c.object_id, c.kind) for c in page + rest] == [
        (first.pk, ChangeKind.PUBLISHED), (second.pk, ChangeKind.PUBLISHED), (first.pk, ChangeKind.CHANGED)]
    assert ChangeSequence.objects.get(pk=1).value == rest[-1].sequence


def test_a_commitment_of_a_published_agreement_is_the_agreements_change(body, marta):
    from agreements.models import Commitment
    from agreements.services import commitment_save

    agreement = published_agreement(body, marta)
    commitment = commitment_save(commitment=Commitment(agreement=agreement, objective="Intercambio de técnicos",
                                                       text="Dos visitas técnicas al año."), user=marta)
    commitment.objective = "Intercambio de técnicos en movilidad"
    commitment_save(commitment=commitment, user=marta)

    added, changed = list(changes_of(agreement))[1:]
    assert [(e["name"], e["before"], e["after"]) for e in added.fields] == [
        ("objective", None, "Intercambio de técnicos"), ("text", None, "Dos visitas técnicas al año."),
        ("body", None, "Secretaría del Medio Ambiente (SEDEMA)")]
    assert changed.field_changes()[0] | {"part": None} == {
        "name": "objective", "before": "Intercambio de técnicos", "after": "Intercambio de técnicos en movilidad",
        "part": None, "label": "Compromiso «Intercambio de técnicos en movilidad»: Objetivo",
        "before_text": "Intercambio de técnicos", "after_text": "Intercambio de técnicos en movilidad",
    }


def test_a_commitment_of_a_draft_agreement_logs_nothing(body, marta):
    from agreements.models import Commitment
    from agreements.services import commitment_save

    agreement = draft_agreement(body, marta)
    commitment_save(commitment=Commitment(agreement=agreement, objective="Compromiso en borrador"), user=marta)
    assert PublicChange.objects.count() == 0
