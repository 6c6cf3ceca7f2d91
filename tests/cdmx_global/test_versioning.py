"""No lost edits: when two people edit the same record, the second save is
refused with what changed meanwhile, and the first stays intact."""

import threading
import time

import pytest
from django.db import connection, connections  # noqa: F401 (connection: the skipif condition)
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localtime

from agreements.models import Agreement
from cdmx_global.services import PUBLISH, record_transition
from cdmx_global.versioning import VersionConflict
from tests.support.factories import ActionFactory, AgreementFactory, GovernmentBodyFactory, liaison, reviewer
from tests.support.admin_forms import form_data

def change_url(record):
    return reverse(f"admin:agreements_{record._meta.model_name}_change", args=[record.pk])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_editors(db):
    body = GovernmentBodyFactory()
    return logged_in(liaison(body, username="lucia")), logged_in(reviewer(username="marta")), body


def test_second_save_is_refused_and_names_what_changed(two_editors):
    lucia, marta, body = two_editors
    agreement = AgreementFactory(body=body, title="Hermanamiento con Quito", purpose="Cooperación urbana")
    lucia_form = form_data(lucia.get(change_url(agreement)))
    marta_form = form_data(marta.get(change_url(agreement)))

    first = lucia.post(change_url(agreement), {**lucia_form, "title": "Hermanamiento con Quito (2014)"})
    second = marta.post(change_url(agreement), {**marta_form, "purpose": "Movilidad"})

    assert first.status_code == 302
    assert second.status_code == 200
    [error] = second.context["adminform"].form.non_field_errors()
    when = localtime(agreement.history.latest().history_date).strftime("%d/%m/%Y %H:%M")
    assert error.startswith(f"lucia guardó este registro mientras usted lo editaba ({when}")
    assert error.endswith(
        "). Cambió: título. Sus cambios no se guardaron, para no sobrescribir los de esa persona. "
        "Abra de nuevo el registro para ver los valores actuales y vuelva a aplicar sus cambios."
    )
    agreement.refresh_from_db()
    assert (agreement.title, agreement.purpose) == ("Hermanamiento con Quito (2014)", "Cooperación urbana")
    assert agreement.history.count() == 2


def test_saving_again_after_reopening_works(two_editors):
    lucia, marta, body = two_editors
    agreement = AgreementFactory(body=body)
    stale = form_data(marta.get(change_url(agreement)))
    lucia.post(change_url(agreement), form_data(lucia.get(change_url(agreement)), title="Primero"))
    assert marta.post(change_url(agreement), {**stale, "purpose": "Segundo"}).status_code == 200

    fresh = form_data(marta.get(change_url(agreement)))
    assert marta.post(change_url(agreement), {**fresh, "purpose": "Segundo"}).status_code == 302

    agreement.refresh_from_db()
    assert (agreement.title, agreement.purpose) == ("Primero", "Segundo")


def test_a_form_without_its_version_is_refused(two_editors):
    lucia, _marta, body = two_editors
    agreement = AgreementFactory(body=body, title="Original")
    data = form_data(lucia.get(change_url(agreement)), title="Sin versión")
    del data["seen_version"]

    response = lucia.post(change_url(agreement), data)

    assert response.context["adminform"].form.non_field_errors() == [
        "No se sabe qué versión del registro editó. Ábralo de nuevo y vuelva a guardar."
    ]
    agreement.refresh_from_db()
    assert agreement.title == "Original"


def test_an_action_edited_on_its_own_page_is_not_overwritten_from_its_agreements_page(two_editors):
    lucia, marta, body = two_editors
    agreement = AgreementFactory(body=body)
    action = ActionFactory(agreement=agreement, body=body, title="Taller de movilidad")
    untouched = ActionFactory(agreement=agreement, body=body, title="Foro de movilidad")
    action_url = reverse("admin:agreements_action_change", args=[action.pk])
    stale = form_data(marta.get(change_url(agreement)), purpose="Otro objeto")

    lucia.post(action_url, form_data(lucia.get(action_url), title="Taller de movilidad en Quito"))
    refused = marta.post(change_url(agreement), stale)

    assert refused.status_code == 200
    errors = {
        form["title"].value(): form.non_field_errors()
        for formset in refused.context["inline_admin_formsets"]
        for form in formset.formset
    }
    assert errors["Foro de movilidad"] == []
    # The page still held the title from before Lucía's edit: saving it would have undone her change.
    assert errors["Taller de movilidad"][0].startswith("lucia guardó este registro mientras usted lo editaba (")
    assert "Cambió: título." in errors["Taller de movilidad"][0]
    action.refresh_from_db()
    agreement.refresh_from_db()
    assert (action.title, agreement.purpose) == (
        "Taller de movilidad en Quito",
        "Cooperación técnica en materia de movilidad.",
    )
    assert untouched.history.count() == 1


def test_a_review_step_on_an_outdated_page_is_refused(two_editors):
    lucia, _marta, body = two_editors
    agreement = AgreementFactory(body=body, review=True, title="Antes")
    seen = agreement.version
    edited = Agreement.objects.get(pk=agreement.pk)
    edited.title = "Después"
    edited.save()

    with pytest.raises(VersionConflict, match="Cambió: título"):
        record_transition(record=agreement, user=reviewer(), transition=PUBLISH, expected_version=seen)

    agreement.refresh_from_db()
    assert agreement.status == "review"


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_saves_wait_for_the_row_lock_and_the_second_is_refused():
    """A save that arrives while another holds the record waits for it, then sees its version."""
    body = GovernmentBodyFactory()
    agreement = AgreementFactory(body=body, title="Original")
    marta = logged_in(reviewer(username="marta"))
    stale = form_data(marta.get(change_url(agreement)), purpose="Cambio de Marta")
    outcome = {}

    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT version FROM agreements_agreement WHERE id = %s FOR UPDATE", [agreement.pk])

            def post():
                try:
                    outcome["response"] = marta.post(change_url(agreement), stale)
                finally:
                    connections.close_all()

            thread = threading.Thread(target=post)
            thread.start()
            time.sleep(1)
            assert thread.is_alive(), "the second save must wait for the first"
            cursor.execute(
                "UPDATE agreements_agreement SET title = %s, version = version + 1 WHERE id = %s",
                ["Cambio de Lucía", agreement.pk],
            )
            cursor.execute("COMMIT")
        thread.join(timeout=30)
    finally:
        other.close()

    assert outcome["response"].status_code == 200
    assert "mientras usted lo editaba" in outcome["response"].content.decode()
    agreement.refresh_from_db()
    assert (agreement.title, agreement.purpose) == ("Cambio de Lucía", "Cooperación técnica en materia de movilidad.")
