"""A record's English translation: its twin columns, the status the write services
keep, the reviewer's approval, and what a page reads (``translated``)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.template import Context, Template
from django.utils import translation

from agreements.models import Agreement, AgreementKind
from cdmx_global.models import Theme
from cdmx_global.services import record_create, record_update, translation_mark_reviewed
from cdmx_global.translation import TranslationStatus, translated, translated_fields
from tests.support.factories import GovernmentBodyFactory, ThemeFactory, liaison, reviewer

DRAFT, NONE, REVIEWED = TranslationStatus.DRAFT, TranslationStatus.NONE, TranslationStatus.REVIEWED


@pytest.fixture
def body(db):
    return GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")


@pytest.fixture
def lucia(body):
    return liaison(body, username="lucia")


@pytest.fixture
def marta(db):
    return reviewer(username="marta")


def make_agreement(body, user, **data) -> Agreement:
    return record_create(
        model=Agreement,
        data={"code": "h-1", "title": "Acuerdo de hermanamiento con Quito", "kind": AgreementKind.TWINNING,
              "body": body, **data},
        user=user,
        reason=None,
    )


def update(record, user, **changes):
    return record_update(record=record, user=user, reason=None, expected_version=record.version, changes=changes)


def test_every_record_kind_and_catalogue_has_its_english_twins():
    from agreements.models import Action, Commitment
    from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal
    from events.models import Award, Event, Visit
    from networks.models import HostedOffice, Membership, Network, Position

    assert {model.__name__: translated_fields(model) for model in (
        Agreement, Action, Commitment, Event, Visit, Award, Network, Membership, Position, HostedOffice,
        Counterpart, GovernmentBody, Theme, SustainableDevelopmentGoal, Framework,
    )} == {
        "Agreement": ("title", "purpose", "terms", "modifications", "description"),
        "Action": ("title", "description", "results"),
        "Commitment": ("objective", "text"),
        "Event": ("name", "outcome", "description"),
        "Visit": ("title", "purpose", "outcome"),
        "Award": ("title", "recognised_for", "description"),
        "Network": ("name", "description"),
        "Membership": ("notes",),
        "Position": ("notes", "title", "organ"),
        "HostedOffice": ("notes", "name"),
        "Counterpart": ("name", "description"),
        "GovernmentBody": ("name",),
        "Theme": ("name",),
        "SustainableDevelopmentGoal": ("name",),
        "Framework": ("name", "description"),
    }


def test_english_written_by_a_liaison_is_a_draft_and_clearing_it_leaves_none(body, lucia):
    agreement = make_agreement(body, lucia)
    assert agreement.translation_status == NONE

    update(agreement, lucia, title_en="Twinning agreement with Quito")
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (DRAFT, False)
    assert agreement.history.first().title_en == "Twinning agreement with Quito"

    update(agreement, lucia, title_en="")
    agreement.refresh_from_db()
    assert agreement.translation_status == NONE


def test_a_reviewer_approves_and_a_change_to_the_spanish_marks_it_outdated(body, lucia, marta):
    agreement = make_agreement(body, lucia, title_en="Twinning agreement with Quito")

    with pytest.raises(PermissionDenied, match="Sólo quien revisa puede aprobar una traducción."):
        translation_mark_reviewed(record=agreement, user=lucia, expected_version=agreement.version)
    agreement.refresh_from_db()
    assert agreement.translation_status == DRAFT

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_reviewed_by) == (REVIEWED, marta)
    assert agreement.history.first().history_change_reason == "Traducción revisada"

    update(agreement, lucia, title="Acuerdo de hermanamiento con Quito, Ecuador")
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (REVIEWED, True)
    with translation.override("en"):
        shown = translated(agreement, "title")
    assert (shown, shown.language, shown.outdated) == ("Twinning agreement with Quito", "en", True)

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (REVIEWED, False)

    # A change to the English text goes back to review, whoever writes it.
    update(agreement, marta, title_en="Twinning agreement with Quito, Ecuador")
    agreement.refresh_from_db()
    assert agreement.translation_status == DRAFT


def test_nothing_to_review_without_english(body, lucia, marta):
    agreement = make_agreement(body, lucia)
    with pytest.raises(ValidationError, match="No hay texto en inglés que revisar"):
        translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.history.count()) == (NONE, 1)


def test_a_page_reads_english_only_where_it_is_reviewed(body, lucia, marta):
    agreement = make_agreement(body, lucia, title_en="Twinning agreement with Quito")
    with translation.override("en"):
        draft = translated(agreement, "title")
        blank = translated(agreement, "purpose")
    assert (draft, draft.language, draft.fallback) == ("Acuerdo de hermanamiento con Quito", "es", True)
    assert (blank, blank.language) == ("", "es")

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    agreement.refresh_from_db()
    with translation.override("en"):
        english = translated(agreement, "title")
    with translation.override("es-mx"):
        spanish = translated(agreement, "title")
    assert (english, english.language) == ("Twinning agreement with Quito", "en")
    assert (spanish, spanish.language, spanish.fallback) == ("Acuerdo de hermanamiento con Quito", "es", False)


def test_a_catalogue_name_is_english_on_english_pages_as_soon_as_it_exists(db):
    theme = ThemeFactory(name="Medio ambiente", name_en="Environment")
    unnamed = ThemeFactory(name="Movilidad")
    with translation.override("en"):
        assert [str(theme), str(unnamed)] == ["Environment", "Movilidad"]
    with translation.override("es-mx"):
        assert str(Theme.objects.get(pk=theme.pk)) == "Medio ambiente"


@pytest.mark.parametrize(
    ("status", "outdated", "note"),
    [
        (NONE, False, '<p class="translation-note" data-translation="none">Spanish only: this record has no '
         "reviewed English translation yet; it is shown in its original Spanish.</p>"),
        (REVIEWED, False, '<p class="translation-note" data-translation="unofficial">Unofficial translation: '
         "the Spanish text prevails.</p>"),
        (REVIEWED, True, '<p class="translation-note" data-translation="outdated">Unofficial and outdated '
         "translation: the Spanish text changed after this translation was reviewed. The Spanish text prevails.</p>"),
    ],
)
def test_the_template_filters_say_the_language_and_the_note(status, outdated, note):
    agreement = Agreement(title="Acuerdo de hermanamiento con Quito", title_en="Twinning agreement with Quito",
                          translation_status=status, translation_outdated=outdated)
    template = Template(
        '{% load translations %}<h1 lang="{{ a|tr_lang:"title" }}">{{ a|tr:"title" }}</h1>{% translation_note a %}'
    )
    with translation.override("en"):
        html = template.render(Context({"a": agreement}))
    title = "Twinning agreement with Quito" if status == REVIEWED else "Acuerdo de hermanamiento con Quito"
    language = "en" if status == REVIEWED else "es"
    assert html == f'<h1 lang="{language}">{title}</h1>{note}'
    with translation.override("es-mx"):
        assert template.render(Context({"a": agreement})) == '<h1 lang="es">Acuerdo de hermanamiento con Quito</h1>'


def test_a_commitment_is_translated_and_reviewed_with_its_agreement(body, lucia, marta):
    from agreements.models import Commitment
    from agreements.services import commitment_save

    agreement = make_agreement(body, lucia, title_en="Twinning agreement with Quito")
    commitment = commitment_save(commitment=Commitment(agreement=agreement, objective="Capacitar a 60 personas"), user=lucia)
    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)

    commitment = Commitment.objects.get(pk=commitment.pk)
    commitment.objective_en = "Train 60 people"
    commitment_save(commitment=commitment, user=lucia)
    agreement.refresh_from_db()
    assert agreement.translation_status == DRAFT
    assert agreement.history.first().history_change_reason == "Cambió el texto de un compromiso"
    with translation.override("en"):
        shown = translated(Commitment.objects.select_related("agreement").get(pk=commitment.pk), "objective")
    assert (shown, shown.language) == ("Capacitar a 60 personas", "es")

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    commitment = Commitment.objects.get(pk=commitment.pk)
    with translation.override("en"):
        assert translated(commitment, "objective") == "Train 60 people"
    commitment.objective = "Capacitar a 80 personas"
    commitment_save(commitment=commitment, user=lucia)
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (REVIEWED, True)


def test_an_agreement_translated_only_in_its_commitments_can_be_reviewed(body, lucia, marta):
    from agreements.models import Commitment
    from agreements.services import commitment_save

    agreement = make_agreement(body, lucia)
    commitment_save(commitment=Commitment(agreement=agreement, objective="Capacitar", objective_en="Train"), user=lucia)
    agreement.refresh_from_db()
    assert agreement.translation_status == DRAFT
    update(agreement, lucia, purpose="Cooperación técnica")  # a save of the agreement keeps the draft
    agreement.refresh_from_db()
    assert agreement.translation_status == DRAFT

    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)
    agreement.refresh_from_db()
    assert agreement.translation_status == REVIEWED
    with translation.override("en"):
        assert translated(agreement.commitments.get(), "objective") == "Train"
