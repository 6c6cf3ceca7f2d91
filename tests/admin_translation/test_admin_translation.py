"""English content on the staff side: each Spanish text beside its English twin
on every form; liaisons translate their own body's records (a draft, shown to
no reader); reviewers mark a translation reviewed; a change to the Spanish
text marks it outdated, shown on the form, in the list filter and on the index."""

import re

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from agreements.models import Agreement, Commitment
from cdmx_global.models import Counterpart, Record
from cdmx_global.services import record_create, record_update
from cdmx_global.translation import TranslationStatus, translated_fields
from tests.support.admin_forms import form_data
from tests.support.factories import (
    AgreementFactory,
    CounterpartFactory,
    GovernmentBodyFactory,
    ThemeFactory,
    liaison,
    reviewer,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:agreements_agreement_changelist")
ENGLISH_TITLE = "Twinning agreement with Quito"
REVIEWED = "«Hermanamiento con Quito»: traducción al inglés marcada como revisada."
OUTDATED_WARNING = "El texto en español cambió después de revisar la traducción: revise el texto en inglés."


def url(view, *args):
    return reverse(f"admin:agreements_agreement_{view}", args=args)


def published_agreement(body, title, reviewed=False, **fields) -> Agreement:
    """A published agreement written as the book load writes it: through the services."""
    agreement = AgreementFactory.build(body=body, title=title, **fields)
    return record_create(instance=agreement, user=None, reason=None, publish=True, review_translation=reviewed)


def field_name(admin_field) -> str:
    """The name of a field of an admin form's line, editable (a bound field) or read-only (a dict)."""
    field = admin_field.field
    return field["name"] if isinstance(field, dict) else field.name


def form_lines(response) -> list[list[str]]:
    """The field names of each line of the main form and of its inline forms, as rendered."""
    lines = [[field_name(field) for field in line] for fieldset in response.context["adminform"] for line in fieldset]
    for inline in response.context["inline_admin_formsets"]:
        for _name, options in inline.fieldsets:
            lines.extend(list(line) if isinstance(line, tuple) else [line] for line in options["fields"])
    return lines


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def body_a():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")


@pytest.fixture
def body_b():
    return GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT")


@pytest.fixture
def ana(client, body_a):
    """A liaison of SEMOVI, logged in."""
    user = liaison(body_a, username="ana.semovi")
    client.force_login(user)
    return user


@pytest.fixture
def marta(client):
    """A CGAI reviewer, logged in."""
    user = reviewer(username="marta")
    client.force_login(user)
    return user


# Both languages side by side -------------------------------------------------------


def test_agreement_form_puts_each_text_and_its_english_twin_on_one_row(admin_client):
    response = admin_client.get(url("add"))
    page = response.content.decode()
    form = response.context["adminform"].form

    for name in ("title", "purpose", "terms", "modifications", "description"):
        assert re.search(rf'<div class="form-row flex-container form-multiline field-{name} field-{name}_en">', page)
    assert (form.fields["title"].required, form.fields["title_en"].required) == (True, False)
    assert str(form.fields["title_en"].label) == "Título (inglés)"


def registered_translated_models():
    return sorted(
        (model for model in admin.site._registry if translated_fields(model)), key=lambda model: model._meta.label
    )


@pytest.mark.parametrize("model", registered_translated_models(), ids=lambda model: model._meta.label)
def test_every_admin_form_has_every_translated_text_beside_its_twin(admin_client, model):
    opts = model._meta
    lines = form_lines(admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")))

    for name in translated_fields(model):
        line = next((line for line in lines if name in line), None)
        if line is None:
            continue  # a text the admin does not show (a membership's notes in its network's table)
        assert line[line.index(name) + 1] == f"{name}_en"


def test_commitments_inline_has_the_english_twins(admin_client):
    lines = form_lines(admin_client.get(url("add")))

    assert ["objective", "objective_en"] in lines
    assert ["text", "text_en"] in lines


def test_catalogue_form_has_the_english_name_beside_the_spanish_one(admin_client):
    theme = ThemeFactory(name="Movilidad")

    page = admin_client.get(reverse("admin:cdmx_global_theme_change", args=[theme.pk])).content.decode()

    assert 'class="form-row flex-container form-multiline field-name field-name_en"' in page


# Liaisons translate their own body's records ----------------------------------------


def test_liaison_translates_its_bodys_published_agreement_as_a_draft_no_reader_sees(client, ana, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", code="semovi-quito")
    page = client.get(url("change", agreement.pk))
    form = page.context["adminform"].form
    assert "title_en" in form.fields
    assert "title" not in form.fields  # the Spanish text as published

    response = client.post(url("change", agreement.pk), form_data(page, title_en=ENGLISH_TITLE, title="Cambiado"))

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.title, agreement.title_en) == ("Hermanamiento con Quito", ENGLISH_TITLE)
    assert (agreement.translation_status, agreement.status) == (TranslationStatus.DRAFT, "published")
    assert agreement.history.latest().history_user == ana
    reader = Client()
    english_page = reader.get(f"/en/acuerdos/{agreement.code}/").content.decode()
    assert "Hermanamiento con Quito" in english_page
    assert ENGLISH_TITLE not in english_page
    assert ENGLISH_TITLE not in reader.get("/en/acuerdos/").content.decode()


def test_liaison_translates_its_bodys_commitments_but_adds_none(client, ana, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito")
    commitment = Commitment.objects.create(agreement=agreement, objective="Capacitar personal", body=body_a)
    page = client.get(url("change", agreement.pk))
    commitments = page.context["inline_admin_formsets"][0]
    assert commitments.has_add_permission is False

    data = form_data(page, **{"commitments-0-objective_en": "Train staff", "commitments-0-objective": "Cambiado"})
    response = client.post(url("change", agreement.pk), data)

    assert response.status_code == 302
    commitment.refresh_from_db()
    assert (commitment.objective, commitment.objective_en) == ("Capacitar personal", "Train staff")
    agreement.refresh_from_db()
    assert agreement.translation_status == TranslationStatus.DRAFT  # commitments are translated with their agreement


def test_liaison_writes_english_on_its_own_draft(client, ana, body_a):
    agreement = AgreementFactory(body=body_a, title="Movilidad con Bogotá")
    page = client.get(url("change", agreement.pk))

    client.post(url("change", agreement.pk), form_data(page, title_en="Mobility with Bogotá"))

    agreement.refresh_from_db()
    assert (agreement.title_en, agreement.translation_status) == ("Mobility with Bogotá", TranslationStatus.DRAFT)


def test_liaison_cannot_translate_another_bodys_record(client, ana, body_b):
    other = published_agreement(body_b, "Cultura con Madrid")

    assert client.get(url("change", other.pk)).status_code == 404
    assert client.post(url("change", other.pk), {"title_en": "Culture with Madrid"}).status_code == 404
    other.refresh_from_db()
    assert (other.title_en, other.translation_status) == ("", TranslationStatus.NONE)


def test_liaison_still_cannot_edit_a_record_under_review(client, ana, body_a):
    agreement = AgreementFactory(body=body_a, review=True, title="En revisión")

    response = client.post(url("change", agreement.pk), {"title_en": "Under review"})

    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.title_en == ""


# Reviewers mark a translation reviewed ------------------------------------------------


def test_reviewer_marks_a_draft_translation_reviewed(client, marta, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", title_en=ENGLISH_TITLE)
    assert agreement.translation_status == TranslationStatus.DRAFT
    review_url = url("translation_review", agreement.pk)

    change_page = client.get(url("change", agreement.pk)).content.decode()
    confirm = client.get(review_url).content.decode()
    response = client.post(review_url, {"seen_version": agreement.version}, follow=True)

    assert f'<a href="{review_url}">Marcar la traducción como revisada</a>' in change_page
    assert '<td lang="en">Twinning agreement with Quito</td>' in confirm
    assert '<td lang="es">Hermanamiento con Quito</td>' in confirm
    assert response.redirect_chain == [(url("change", agreement.pk), 302)]
    assert REVIEWED in messages_of(response)
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_reviewed_by) == (TranslationStatus.REVIEWED, marta)
    assert review_url not in response.content.decode()  # nothing left to review


def test_review_over_a_newer_version_is_refused(client, marta, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", title_en=ENGLISH_TITLE)
    seen = agreement.version
    record_update(record=agreement, user=None, reason=None, expected_version=None, changes={"title_en": "Twinning"})

    response = client.post(url("translation_review", agreement.pk), {"seen_version": seen})

    assert "Sus cambios no se guardaron" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.translation_status == TranslationStatus.DRAFT


def test_reviewer_is_told_there_is_nothing_to_review_without_english(client, marta, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito")

    response = client.post(url("translation_review", agreement.pk), {"seen_version": agreement.version}, follow=True)

    assert messages_of(response) == ["No hay texto en inglés que revisar: escriba la traducción primero."]
    agreement.refresh_from_db()
    assert agreement.translation_status == TranslationStatus.NONE


def test_liaison_cannot_mark_a_translation_reviewed(client, ana, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", title_en=ENGLISH_TITLE)
    review_url = url("translation_review", agreement.pk)

    change_page = client.get(url("change", agreement.pk)).content.decode()
    assert client.get(review_url).status_code == 403
    assert client.post(review_url, {"seen_version": agreement.version}).status_code == 403
    client.post(CHANGELIST, {"action": "review_translation_selected", ACTION_CHECKBOX_NAME: [agreement.pk], "index": 0})

    assert review_url not in change_page
    agreement.refresh_from_db()
    assert agreement.translation_status == TranslationStatus.DRAFT
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert "review_translation_selected" not in [name for name, _label in actions]


def test_reviewer_marks_several_translations_reviewed_from_the_list(client, marta, body_a):
    drafts = [published_agreement(body_a, f"Acuerdo {n}", title_en=f"Agreement {n}") for n in (1, 2)]
    untranslated = published_agreement(body_a, "Acuerdo sin traducción")

    response = client.post(
        CHANGELIST,
        {"action": "review_translation_selected", ACTION_CHECKBOX_NAME: [r.pk for r in [*drafts, untranslated]]},
        follow=True,
    )

    assert sorted(messages_of(response)) == [
        "Traducción marcada como revisada: 2 registros.",
        "«Acuerdo sin traducción»: no tiene una traducción por revisar.",
    ]
    statuses = dict(Agreement.objects.values_list("title", "translation_status"))
    assert statuses == {"Acuerdo 1": "reviewed", "Acuerdo 2": "reviewed", "Acuerdo sin traducción": "none"}


# Outdated ----------------------------------------------------------------------------


def test_editing_the_spanish_of_a_reviewed_translation_marks_it_outdated_for_staff(client, marta, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", reviewed=True, title_en=ENGLISH_TITLE)
    assert agreement.translation_status == TranslationStatus.REVIEWED
    page = client.get(url("change", agreement.pk))
    assert OUTDATED_WARNING not in page.content.decode()

    client.post(url("change", agreement.pk), form_data(page, title="Hermanamiento con la ciudad de Quito"))

    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (TranslationStatus.REVIEWED, True)
    change_page = client.get(url("change", agreement.pk)).content.decode()
    assert OUTDATED_WARNING in change_page
    assert url("translation_review", agreement.pk) in change_page
    index = client.get(reverse("admin:index"))
    assert index.context["kinds"] == [
        {
            "name": "Acuerdos",
            "draft": 0,
            "draft_url": f"{CHANGELIST}?status__exact=published&traduccion=draft",
            "outdated": 1,
            "outdated_url": f"{CHANGELIST}?status__exact=published&traduccion=outdated",
        }
    ]
    assert f'<a href="{CHANGELIST}?status__exact=published&amp;traduccion=outdated">1</a>' in index.content.decode()

    client.post(url("translation_review", agreement.pk), {"seen_version": agreement.version})
    agreement.refresh_from_db()
    assert (agreement.translation_status, agreement.translation_outdated) == (TranslationStatus.REVIEWED, False)


# The status on the list: column, filter; the count on the index ----------------------


@pytest.fixture
def four_translations(body_a):
    """One published agreement in each state of its translation, and a draft record
    with a draft translation (no reader sees it, no count counts it)."""
    none = published_agreement(body_a, "Sin traducción")
    draft = published_agreement(body_a, "Traducción en borrador", title_en="Draft translation")
    reviewed = published_agreement(body_a, "Traducción revisada", reviewed=True, title_en="Reviewed translation")
    outdated = published_agreement(body_a, "Traducción vieja", reviewed=True, title_en="Old translation")
    record_update(record=outdated, user=None, reason=None, expected_version=None, changes={"title": "Traducción vieja (corregida)"})
    unpublished = AgreementFactory(body=body_a, title="Borrador con traducción")
    record_update(record=unpublished, user=None, reason=None, expected_version=None, changes={"title_en": "Draft"})
    return {"none": none, "draft": draft, "reviewed": reviewed, "outdated": outdated, "unpublished": unpublished}


@pytest.mark.parametrize(
    ("value", "expected"),
    [("none", ["none"]), ("draft", ["draft", "unpublished"]), ("reviewed", ["reviewed"]), ("outdated", ["outdated"])],
)
def test_translation_filter_lists_exactly_the_records_in_that_state(admin_client, four_translations, value, expected):
    response = admin_client.get(CHANGELIST, {"traduccion": value})

    assert set(response.context["cl"].result_list) == {four_translations[key] for key in expected}


def test_list_column_shows_the_translation_status(admin_client, four_translations):
    response = admin_client.get(CHANGELIST)
    cells = re.findall(r'<td class="field-translation_column">(.*?)</td>', response.content.decode())

    assert sorted(cells) == ["Borrador", "Borrador", "Revisada", "Revisada (desactualizada)", "Sin traducción"]


def test_every_record_admin_has_the_translation_filter_and_column(admin_client):
    for model, model_admin in admin.site._registry.items():
        if not issubclass(model, Record):
            continue
        opts = model._meta
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert "traduccion" in [getattr(spec, "parameter_name", None) for spec in response.context["cl"].filter_specs]
        assert "translation_column" in [getattr(c, "__name__", c) for c in response.context["cl"].list_display]


def test_translation_fieldset_shows_who_reviewed_it(client, marta, body_a):
    agreement = published_agreement(body_a, "Hermanamiento con Quito", title_en=ENGLISH_TITLE)
    client.post(url("translation_review", agreement.pk), {"seen_version": agreement.version})

    response = client.get(url("change", agreement.pk))
    fieldsets = {fieldset.name: fieldset for fieldset in response.context["adminform"]}

    assert "Traducción al inglés" in fieldsets
    shown = {field_name(field): str(field.contents()) for line in fieldsets["Traducción al inglés"] for field in line}
    assert shown["translation_status"] == "Revisada"
    assert strip_tags(shown["translation_reviewed_by"]) == "marta"


def test_index_counts_a_liaisons_own_body_only(client, body_a, body_b, four_translations):
    published_agreement(body_b, "Cultura con Madrid", title_en="Culture with Madrid")
    published_agreement(body_b, "Cultura con Lima", title_en="Culture with Lima")
    CounterpartFactory(body=body_b, published=True)
    counterpart = record_create(
        instance=CounterpartFactory.build(name="Quito", slug="quito", body=body_b, name_en="Quito (EN)"),
        user=None,
        reason=None,
        publish=True,
    )
    assert counterpart.translation_status == TranslationStatus.DRAFT

    client.force_login(liaison(body_a, username="ana.semovi"))
    own = client.get(reverse("admin:index")).context["kinds"]
    client.force_login(reviewer(username="marta"))
    every = client.get(reverse("admin:index")).context["kinds"]

    assert [(kind["name"], kind["draft"], kind["outdated"]) for kind in own] == [("Acuerdos", 1, 1)]
    assert [(kind["name"], kind["draft"], kind["outdated"]) for kind in every] == [
        ("Contrapartes", 1, 0),
        ("Acuerdos", 3, 1),
    ]


def test_index_says_nothing_is_waiting(client, marta):
    page = client.get(reverse("admin:index")).content.decode()

    assert "Traducciones al inglés por revisar" in page
    assert client.get(reverse("admin:index")).context["kinds"] == []


def test_counterpart_liaison_translates_its_published_counterpart(client, ana, body_a):
    counterpart = record_create(
        instance=CounterpartFactory.build(name="Quito", slug="quito", body=body_a), user=None, reason=None, publish=True
    )
    change = reverse("admin:cdmx_global_counterpart_change", args=[counterpart.pk])
    page = client.get(change)

    response = client.post(change, form_data(page, description_en="Capital of Ecuador"))

    assert response.status_code == 302
    counterpart = Counterpart.objects.get(pk=counterpart.pk)
    assert (counterpart.description_en, counterpart.translation_status) == ("Capital of Ecuador", "draft")
