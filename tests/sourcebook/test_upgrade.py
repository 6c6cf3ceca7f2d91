"""``load_book`` upgrades a database an earlier version of the book's data
loaded: afterwards it equals a fresh load, except for what staff edited.

``fixtures/book_as_loaded_by_ece8bc6.json.xz`` is a database as ``load_book``
left it at commit ece8bc6 (before the audit of the book, issue 19), dumped
with its history (``dumpdata cdmx_global agreements networks events``). The
test loads it, lets a member of staff edit one record the audit corrected,
runs ``load_book`` (twice), and compares every book record, field by field,
with a fresh load of today's data in an empty database.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import models, transaction
from django.test import override_settings

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, Framework, GovernmentBody, PublicationStatus, SustainableDevelopmentGoal, Theme
from cdmx_global.services import record_update
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position
from sourcebook.loader import LOAD_REASON, load_book
from sourcebook.records import events as events_data
from sourcebook.upsert import Outcome

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "fixtures" / "book_as_loaded_by_ece8bc6.json.xz"
#: The record staff edit before the upgrade: the FICA's tenth edition, which
#: ece8bc6 dated only «2018» and the audit dates 27–29 April 2018.
EDITED_EVENT = "Feria Internacional de las Culturas Amigas (FICA), décima edición"

#: Per model, the natural key of a record, as the loader looks it up.
KEYS = {
    GovernmentBody: lambda r: r.slug,
    Theme: lambda r: r.slug,
    SustainableDevelopmentGoal: lambda r: r.number,
    Framework: lambda r: r.code,
    Counterpart: lambda r: r.slug,
    Network: lambda r: r.slug,
    Membership: lambda r: (r.network.slug, r.role),
    Position: lambda r: (r.network.slug, r.title),
    HostedOffice: lambda r: (r.network.slug, r.name),
    Event: lambda r: r.name,
    Agreement: lambda r: r.code,
    Action: lambda r: r.title,
    Visit: lambda r: r.title,
    VisitGuest: lambda r: (r.visit.title, r.name),
    Award: lambda r: r.title,
}
#: Bookkeeping that differs between any two loads: when, and how many saves.
UNCOMPARED = {
    "id",
    "version",
    "created_at",
    "updated_at",
    "submitted_at",
    "published_at",
    "withdrawn_at",
    "translation_reviewed_at",
}


def key_of(obj):
    for model, key in KEYS.items():
        if isinstance(obj, model):
            return key(obj)
    return str(obj)


def snapshot() -> dict:
    """Every record that is not withdrawn, by model and key: its fields (a link as
    the key of what it points at) and its many-to-many sets."""
    state = {}
    for model, key in KEYS.items():
        rows = {}
        for obj in model.objects.all():
            if getattr(obj, "status", None) == PublicationStatus.WITHDRAWN:
                continue
            values = {}
            for field in obj._meta.concrete_fields:
                if field.name in UNCOMPARED:
                    continue
                if isinstance(field, models.ForeignKey):
                    target = getattr(obj, field.name)
                    values[field.name] = None if target is None else key_of(target)
                else:
                    values[field.name] = getattr(obj, field.attname)
            for field in obj._meta.many_to_many:
                values[field.name] = sorted(map(str, (key_of(t) for t in getattr(obj, field.name).all())))
            rows[key(obj)] = values
        state[model.__name__] = rows
    return state


def edit_as_staff():
    user = get_user_model().objects.create_superuser("revisora", "revisora@example.org", "x")
    event = Event.objects.get(name=EDITED_EVENT)
    return record_update(
        record=event,
        user=user,
        reason="Corrección de la revisora",
        expected_version=event.version,
        changes={"description": "Descripción escrita por la revisora."},
    )


def new_key_of_edited_event() -> str:
    for row in events_data.EVENTS:
        if row["name"] == EDITED_EVENT or EDITED_EVENT in row.get("formerly", []):
            return row["name"]
    raise AssertionError("La décima edición de la FICA no está en los datos del libro.")


@pytest.fixture(scope="module")
def upgraded(django_db_setup, django_db_blocker):
    """A database loaded at ece8bc6, one record edited by staff, upgraded by
    ``load_book`` (the command, then a second run); rolled back once read."""
    with django_db_blocker.unblock(), transaction.atomic():
        # As it was dumped: loaddata's many-to-many sets would otherwise add a
        # history row of their own to each record, one no load wrote.
        with override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("loaddata", str(FIXTURE), verbosity=0)
        before = snapshot()
        edited = edit_as_staff()
        out = StringIO()
        call_command("load_book", stdout=out)
        second = load_book()
        result = {
            "before": before,
            "after": snapshot(),
            "edited": edited,
            "edited_after": Event.objects.get(pk=edited.pk),
            "output": out.getvalue(),
            "second": second,
            "load_history": {
                model.__name__: model.history.filter(history_change_reason=LOAD_REASON).count()
                for model in (Agreement, Event, Action, Visit, Award, Membership, Position)
            },
        }
        transaction.set_rollback(True)
    return result


@pytest.fixture(scope="module")
def fresh(django_db_setup, django_db_blocker):
    """Today's data loaded in a database with none of the book's records."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_book()
        state = snapshot()
        transaction.set_rollback(True)
    return state


def without(state: dict, model: str, *keys) -> dict:
    return {**state, model: {key: value for key, value in state[model].items() if key not in keys}}


def test_the_fixture_is_a_database_loaded_before_the_audit(upgraded):
    before = upgraded["before"]
    assert len(before["Agreement"]) == 64
    assert before["Event"][EDITED_EVENT]["start_on"].isoformat() == "2018-01-01"
    assert before["Event"][EDITED_EVENT]["start_on_precision"] == "year"


def test_an_upgraded_database_equals_a_fresh_load_but_for_the_record_staff_edited(upgraded, fresh):
    new_key = new_key_of_edited_event()
    after = without(upgraded["after"], "Event", EDITED_EVENT)
    expected = without(fresh, "Event", new_key)
    for model in KEYS:
        name = model.__name__
        assert sorted(after[name], key=str) == sorted(expected[name], key=str), name
        differing = {key: (after[name][key], expected[name][key]) for key in after[name] if after[name][key] != expected[name][key]}
        assert differing == {}, name


def test_the_record_staff_edited_is_kept_as_they_left_it(upgraded, fresh):
    kept = upgraded["edited_after"]
    assert (kept.name, kept.description, kept.start_on, kept.start_on_precision, kept.version) == (
        EDITED_EVENT,
        "Descripción escrita por la revisora.",
        upgraded["edited"].start_on,
        "year",
        upgraded["edited"].version,
    )
    corrected = fresh["Event"][new_key_of_edited_event()]
    assert (corrected["start_on"].isoformat(), corrected["start_on_precision"]) == ("2018-04-27", "day")
    assert (corrected["end_on"].isoformat(), corrected["end_on_precision"]) == ("2018-04-29", "day")


def test_the_upgrade_says_what_it_changed_and_what_it_kept(upgraded):
    output = upgraded["output"]
    assert "Actualizados con los datos del libro:" in output
    assert f"Conservados como los dejó el personal (no se tocaron): 1\n  Evento internacional «{EDITED_EVENT}»" in output
    # An agreement whose period the audit removed says which field it wrote (and the English the
    # data gives since, loaded with it).
    assert (
        "  Acuerdo «Convenio marco de cooperación con UNICEF (DIF)»: texto de la fuente, periodo de firma según la "
        "fuente, descripción, título (inglés), objeto (inglés)\n"
    ) in output


def test_a_second_run_changes_nothing(upgraded):
    second = upgraded["second"]
    assert not second.changed
    assert [written for written in second.details if written.outcome != Outcome.KEPT] == []
