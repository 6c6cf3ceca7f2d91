"""The admin as each role sees it: a liaison reaches only its own body's
records, cannot publish, and nothing can be deleted; reviewers take the review
steps from a record's page and from the list; administrators manage accounts
without granting more than the roles hold."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.urls import reverse

from agreements.models import Agreement
from cdmx_global.models import PublicationStatus
from tests.support.factories import (
    AgreementFactory,
    CounterpartFactory,
    GovernmentBodyFactory,
    UserFactory,
    administrator,
    liaison,
    reviewer,
)
from tests.support.admin_forms import form_data

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:agreements_agreement_changelist")


def url(view, *args):
    return reverse(f"admin:agreements_agreement_{view}", args=args)


@pytest.fixture
def body_a():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")


@pytest.fixture
def body_b():
    return GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT")


@pytest.fixture
def liaison_a(client, body_a):
    user = liaison(body_a, username="ana.semovi")
    client.force_login(user)
    return user


def test_liaison_lists_only_its_own_bodys_records(client, liaison_a, body_a, body_b):
    own = AgreementFactory(body=body_a, title="Movilidad con Bogotá")
    AgreementFactory(body=body_b, title="Cultura con Madrid")
    AgreementFactory(body=body_b, title="Cultura con Lima", published=True)

    response = client.get(CHANGELIST)

    assert list(response.context["cl"].result_list) == [own]
    assert "Cultura con" not in response.content.decode()


@pytest.mark.parametrize("page", ["change", "history", "history-version", "delete", "transition"])
def test_liaison_guessing_another_bodys_record_url_gets_not_found(client, liaison_a, body_b, page):
    other = AgreementFactory(body=body_b, title="Cultura con Madrid")
    target = {
        "change": url("change", other.pk),
        "history": url("history", other.pk),
        "history-version": url("simple_history", other.pk, other.history.get().history_id),
        "delete": url("delete", other.pk),
        "transition": url("transition", other.pk, "submit"),
    }[page]

    assert client.get(target).status_code == 404
    assert client.post(target, {"title": "Cambiado por otra dependencia"}).status_code == 404
    other.refresh_from_db()
    assert (other.title, other.status) == ("Cultura con Madrid", PublicationStatus.DRAFT)


def test_liaison_cannot_edit_another_bodys_record_through_the_list(client, liaison_a, body_b):
    other = AgreementFactory(body=body_b)

    response = client.post(CHANGELIST, {"action": "submit_selected", ACTION_CHECKBOX_NAME: [other.pk], "index": 0})

    other.refresh_from_db()
    assert other.status == PublicationStatus.DRAFT
    assert other.history.count() == 1
    assert response.status_code == 302


def test_liaison_forms_offer_only_its_own_body(client, liaison_a, body_a, body_b):
    response = client.get(url("add"))

    body_field = response.context["adminform"].form.fields["body"]
    assert list(body_field.queryset) == [body_a]
    assert response.context["adminform"].form["body"].value() == body_a.pk
    assert "Secretaría de Cultura" not in response.content.decode()


def test_liaison_cannot_save_a_record_for_another_body(client, liaison_a, body_a, body_b):
    data = form_data(client.get(url("add")), code="SEMOVI-1", title="Movilidad con Quito", kind="memorandum")
    data["body"] = str(body_b.pk)

    response = client.post(url("add"), data)

    assert "body" in response.context["adminform"].form.errors
    assert not Agreement.objects.filter(code="SEMOVI-1").exists()


def test_liaison_links_published_records_and_its_own_but_not_other_bodies_drafts(client, liaison_a, body_a, body_b):
    published = CounterpartFactory(name="Bogotá", body=body_b, published=True)
    own_draft = CounterpartFactory(name="Bogotá D.C. (borrador propio)", body=body_a)
    CounterpartFactory(name="Bogotá (borrador ajeno)", body=body_b)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "agreements", "model_name": "agreement", "field_name": "counterparts", "term": "Bogotá"},
    )

    assert {item["id"] for item in response.json()["results"]} == {str(published.pk), str(own_draft.pk)}


def test_liaison_creates_a_draft_and_submits_it(client, liaison_a, body_a, mailoutbox, django_capture_on_commit_callbacks):
    reviewer(username="marta", email="marta@cgai.cdmx.gob.mx")
    data = form_data(client.get(url("add")), code="SEMOVI-1", title="Movilidad con Quito", kind="memorandum")

    assert client.post(url("add"), data).status_code == 302
    agreement = Agreement.objects.get(code="SEMOVI-1")
    assert (agreement.status, agreement.body) == (PublicationStatus.DRAFT, body_a)

    confirm = client.get(url("transition", agreement.pk, "submit"))
    assert "Enviar a revisión" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("transition", agreement.pk, "submit"), {"seen_version": agreement.version})

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.submitted_by) == (PublicationStatus.REVIEW, liaison_a)
    assert [m.to for m in mailoutbox] == [["marta@cgai.cdmx.gob.mx"]]


def test_liaison_cannot_publish(client, liaison_a, body_a):
    agreement = AgreementFactory(body=body_a, review=True)

    page = client.get(url("change", agreement.pk))
    assert client.get(url("transition", agreement.pk, "publish")).status_code == 403
    assert client.post(url("transition", agreement.pk, "publish"), {"seen_version": 1}).status_code == 403
    client.post(CHANGELIST, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [agreement.pk], "index": 0})

    agreement.refresh_from_db()
    assert agreement.status == PublicationStatus.REVIEW
    assert "Publicar" not in [str(step.label) for step in page.context["transitions"]]
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert [name for name, _label in actions if name] == ["submit_selected"]


def test_liaison_reads_but_does_not_edit_a_record_once_submitted(client, liaison_a, body_a):
    agreement = AgreementFactory(body=body_a, review=True, title="En revisión")

    page = client.get(url("change", agreement.pk))
    response = client.post(url("change", agreement.pk), {"title": "Cambiado"})

    assert "Ver acuerdo" in page.content.decode()
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.title == "En revisión"


def test_nothing_is_deleted_not_even_by_a_superuser(admin_client):
    agreement = AgreementFactory()

    actions = admin_client.get(CHANGELIST).context["action_form"].fields["action"].choices
    response = admin_client.post(url("delete", agreement.pk), {"post": "yes"})

    assert "delete_selected" not in [name for name, _label in actions]
    assert response.status_code == 404
    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_reviewer_publishes_from_the_record_page(client):
    marta = reviewer(username="marta")
    client.force_login(marta)
    agreement = AgreementFactory(review=True, title="Hermanamiento con Quito")

    page = client.get(url("change", agreement.pk)).content.decode()
    assert url("transition", agreement.pk, "publish") in page
    response = client.post(url("transition", agreement.pk, "publish"), {"seen_version": agreement.version})

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.status, agreement.published_by) == (PublicationStatus.PUBLISHED, marta)


def test_bulk_publish_leaves_a_history_row_per_record(client):
    marta = reviewer(username="marta")
    client.force_login(marta)
    records = [AgreementFactory(review=True) for _ in range(3)]

    response = client.post(
        CHANGELIST, {"action": "publish_selected", ACTION_CHECKBOX_NAME: [r.pk for r in records], "index": 0}, follow=True
    )

    assert "Publicado: 3 registros." in response.content.decode()
    for record in records:
        latest = record.history.latest()
        assert (latest.status, latest.history_user, latest.history_change_reason) == (
            PublicationStatus.PUBLISHED,
            marta,
            "Publicado",
        )


def test_bulk_withdraw_asks_for_the_reason_first(client):
    client.force_login(reviewer(username="marta"))
    records = [AgreementFactory(published=True) for _ in range(2)]
    selected = {"action": "withdraw_selected", ACTION_CHECKBOX_NAME: [r.pk for r in records]}

    first = client.post(CHANGELIST, {**selected, "index": 0})
    without_reason = client.post(CHANGELIST, {**selected, "_confirm": "1", "note": ""})
    assert all(Agreement.objects.get(pk=r.pk).status == PublicationStatus.PUBLISHED for r in records)
    client.post(CHANGELIST, {**selected, "_confirm": "1", "note": "Información duplicada"})

    assert "Motivo" in first.content.decode()
    assert "Indique el motivo." in without_reason.content.decode()
    for record in records:
        record.refresh_from_db()
        assert (record.status, record.review_note) == (PublicationStatus.WITHDRAWN, "Información duplicada")
        assert record.history.latest().history_change_reason == "Retirado: Información duplicada"


def test_administrator_manages_accounts_but_cannot_grant_superuser(client):
    client.force_login(administrator(username="admin.cgai"))
    boss = UserFactory(username="root", superuser=True)
    staff_member = liaison(username="ana.semovi")

    users = client.get(reverse("admin:auth_user_changelist")).context["cl"].result_list
    form = client.get(reverse("admin:auth_user_change", args=[staff_member.pk])).context["adminform"].form

    assert boss not in list(users)
    assert "is_superuser" not in form.fields
    assert "user_permissions" not in form.fields
    assert {g.name for g in form.fields["groups"].queryset} == {
        "Enlace de dependencia",
        "Revisión CGAI",
        "Congreso",
        "Administración",
    }
    assert client.get(reverse("admin:auth_user_change", args=[boss.pk])).status_code == 302
    assert get_user_model().objects.get(pk=boss.pk).is_superuser
