"""Records are written through the kernel's services: ``record_create`` and
``record_update`` save the record, its links and one history row naming who and
why, or nothing at all; and no module outside the services writes a status."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.timezone import localtime

from agreements.models import Agreement, AgreementKind
from cdmx_global.models import Publishable, PublicationStatus
from cdmx_global.services import record_create, record_update
from cdmx_global.versioning import VersionConflict
from sourcebook.upsert import LOAD_REASON, Outcome, upsert
from tests.support.factories import CounterpartFactory, GovernmentBodyFactory, ThemeFactory, liaison, reviewer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def body(db):
    return GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")


@pytest.fixture
def lucia(body):
    return liaison(body, username="lucia")


@pytest.fixture
def marta(db):
    return reviewer(username="marta")


@pytest.fixture
def links(db):
    return {
        "moscow": CounterpartFactory(name="Moscú", country="RU"),
        "paris": CounterpartFactory(name="París", country="FR"),
        "mobility": ThemeFactory(name="Movilidad"),
    }


def agreement_data(body, **changes) -> dict:
    return {
        "code": "cce-2014-moscu",
        "title": "Convenio con Moscú",
        "kind": AgreementKind.SPECIFIC_COOPERATION,
        "body": body,
        **changes,
    }


def counts() -> tuple[int, int, int, int]:
    """Agreements, their history rows, their links, and the history's copies of the links."""
    through = Agreement.counterparts.through
    history_links = Agreement.history.model.counterparts.model
    return (Agreement.objects.count(), Agreement.history.count(), through.objects.count(), history_links.objects.count())


# Create and update ---------------------------------------------------------------


def test_create_saves_the_record_its_links_and_one_history_row(lucia, body, links):
    agreement = record_create(
        model=Agreement,
        data=agreement_data(body),
        user=lucia,
        reason="Captura",
        m2m={"counterparts": [links["moscow"], links["paris"]], "themes": [links["mobility"]]},
    )

    agreement = Agreement.objects.get(pk=agreement.pk)
    assert (agreement.title, agreement.status, agreement.version) == ("Convenio con Moscú", PublicationStatus.DRAFT, 1)
    assert set(agreement.counterparts.all()) == {links["moscow"], links["paris"]}
    assert list(agreement.themes.all()) == [links["mobility"]]
    [entry] = agreement.history.all()
    assert (entry.history_type, entry.history_user, entry.history_change_reason, entry.version) == (
        "+", lucia, "Captura", 1,
    )
    assert {row.counterpart for row in entry.counterparts.all()} == {links["moscow"], links["paris"]}
    assert [row.theme for row in entry.themes.all()] == [links["mobility"]]


def test_update_bumps_the_version_and_writes_one_history_row_with_the_new_links(lucia, marta, body, links):
    agreement = record_create(
        model=Agreement, data=agreement_data(body), user=lucia, reason="Captura", m2m={"counterparts": [links["moscow"]]}
    )

    updated = record_update(
        record=Agreement.objects.get(pk=agreement.pk),
        user=marta,
        reason="Corrección",
        expected_version=1,
        changes={"title": "Convenio de cooperación con Moscú"},
        m2m={"counterparts": [links["paris"]], "themes": [links["mobility"]]},
    )

    agreement = Agreement.objects.get(pk=agreement.pk)
    assert (updated.version, agreement.version, agreement.title) == (2, 2, "Convenio de cooperación con Moscú")
    assert list(agreement.counterparts.all()) == [links["paris"]]
    assert list(agreement.themes.all()) == [links["mobility"]]
    first, second = agreement.history.order_by("history_id")
    assert [(e.history_type, e.history_user, e.history_change_reason, e.version) for e in (first, second)] == [
        ("+", lucia, "Captura", 1),
        ("~", marta, "Corrección", 2),
    ]
    assert [row.counterpart for row in first.counterparts.all()] == [links["moscow"]]
    assert [row.counterpart for row in second.counterparts.all()] == [links["paris"]]
    assert [row.theme for row in second.themes.all()] == [links["mobility"]]


def test_update_leaves_the_links_it_is_not_given(lucia, body, links):
    agreement = record_create(
        model=Agreement, data=agreement_data(body), user=lucia, reason="Captura", m2m={"counterparts": [links["moscow"]]}
    )

    record_update(record=agreement, user=lucia, reason="Título", expected_version=1, changes={"title": "Otro"})

    latest = agreement.history.latest()
    assert list(agreement.counterparts.all()) == [links["moscow"]]
    assert [row.counterpart for row in latest.counterparts.all()] == [links["moscow"]]
    assert (latest.title, latest.version) == ("Otro", 2)


def test_a_system_write_may_create_a_record_published(body):
    agreement = record_create(model=Agreement, data=agreement_data(body), user=None, reason="Carga", publish=True)

    assert agreement.status == PublicationStatus.PUBLISHED
    assert agreement.published_at is not None and agreement.published_by is None
    assert (agreement.history.get().history_user, agreement.history.get().status) == (None, PublicationStatus.PUBLISHED)


def test_a_person_never_creates_a_record_published(lucia, marta, body):
    with pytest.raises(ValueError):
        record_create(model=Agreement, data=agreement_data(body), user=marta, reason=None, publish=True)
    with pytest.raises(ValueError):
        record_create(model=Agreement, data=agreement_data(body, status=PublicationStatus.PUBLISHED), user=marta, reason=None)

    assert Agreement.objects.count() == 0


def test_update_never_moves_the_status(lucia, marta, body):
    agreement = record_create(model=Agreement, data=agreement_data(body), user=lucia, reason=None)

    with pytest.raises(ValueError):
        record_update(
            record=agreement, user=marta, reason=None, expected_version=1, changes={"status": PublicationStatus.PUBLISHED}
        )

    assert Agreement.objects.get(pk=agreement.pk).status == PublicationStatus.DRAFT


def test_the_book_load_publishes_again_a_record_unpublished_without_history(body, links):
    values = {"title": "Convenio con Moscú", "kind": AgreementKind.SPECIFIC_COOPERATION, "body": body}
    created, outcome = upsert(model=Agreement, lookup={"code": "cce-2014-moscu"}, values=values,
                              m2m={"counterparts": [links["moscow"]]})
    assert (outcome, created.status, created.version) == (Outcome.CREATED, PublicationStatus.PUBLISHED, 1)
    Agreement.objects.filter(pk=created.pk).update(status=PublicationStatus.DRAFT)

    again, outcome = upsert(model=Agreement, lookup={"code": "cce-2014-moscu"}, values=values,
                            m2m={"counterparts": [links["moscow"]]})

    stored = Agreement.objects.get(pk=created.pk)
    assert (outcome, stored.status, stored.published_at, stored.version) == (
        Outcome.UPDATED, PublicationStatus.PUBLISHED, created.published_at, 2,
    )
    assert [(e.history_user, e.history_change_reason, e.status) for e in stored.history.order_by("history_id")] == [
        (None, LOAD_REASON, PublicationStatus.PUBLISHED),
        (None, LOAD_REASON, PublicationStatus.PUBLISHED),
    ]
    assert upsert(model=Agreement, lookup={"code": "cce-2014-moscu"}, values=values,
                  m2m={"counterparts": [links["moscow"]]})[1] == Outcome.UNCHANGED


# Refusals: nothing saved -----------------------------------------------------------


def test_an_update_over_an_older_version_is_refused(lucia, marta, body):
    agreement = record_create(model=Agreement, data=agreement_data(body), user=lucia, reason=None)
    record_update(
        record=Agreement.objects.get(pk=agreement.pk), user=lucia, reason=None, expected_version=1,
        changes={"title": "Convenio con Moscú (2014)"},
    )
    before = counts()

    with pytest.raises(VersionConflict) as refused:
        record_update(record=agreement, user=marta, reason=None, expected_version=1, changes={"purpose": "Movilidad"})

    when = localtime(agreement.history.latest().history_date).strftime("%d/%m/%Y %H:%M")
    assert refused.value.messages == [
        f"lucia guardó este registro mientras usted lo editaba ({when}). Cambió: título. "
        "Sus cambios no se guardaron, para no sobrescribir los de esa persona. "
        "Abra de nuevo el registro para ver los valores actuales y vuelva a aplicar sus cambios."
    ]
    stored = Agreement.objects.get(pk=agreement.pk)
    assert (stored.title, stored.purpose, stored.version) == ("Convenio con Moscú (2014)", "", 2)
    assert counts() == before


def test_another_bodys_liaison_may_neither_create_nor_update_nor_move_a_record_away(lucia, body, links):
    other_body = GovernmentBodyFactory(name="Secretaría de Turismo")
    other = liaison(other_body, username="otro")
    own = record_create(model=Agreement, data=agreement_data(body), user=lucia, reason=None)
    before = counts()
    refusal = "No puede modificar registros de otra dependencia."

    with pytest.raises(PermissionDenied, match=refusal):
        record_create(
            model=Agreement, data=agreement_data(body, code="otro"), user=other, reason=None,
            m2m={"counterparts": [links["moscow"]]},
        )
    with pytest.raises(PermissionDenied, match=refusal):
        record_update(record=Agreement.objects.get(pk=own.pk), user=other, reason=None, expected_version=1,
                      changes={"title": "Ajeno"})
    with pytest.raises(PermissionDenied, match=refusal):
        record_update(record=Agreement.objects.get(pk=own.pk), user=lucia, reason=None, expected_version=1,
                      changes={"body": other_body})

    stored = Agreement.objects.get(pk=own.pk)
    assert (stored.title, stored.body, stored.version) == ("Convenio con Moscú", body, 1)
    assert counts() == before


def test_invalid_data_is_refused_in_spanish_and_nothing_is_saved(lucia, body, links):
    record_create(model=Agreement, data=agreement_data(body, code="existente"), user=lucia, reason=None)
    before = counts()
    invalid = agreement_data(body, is_indefinite=True, valid_until="2020-01-01", valid_until_precision="year")

    with pytest.raises(ValidationError) as refused:
        record_create(model=Agreement, data=invalid, user=lucia, reason=None, m2m={"counterparts": [links["moscow"]]})

    assert refused.value.messages == ["Un acuerdo de vigencia indefinida no tiene fecha de término."]
    assert counts() == before


def test_a_failure_while_linking_undoes_the_record_and_its_history(lucia, body, links):
    before = counts()
    unsaved = CounterpartFactory.build(name="Sin guardar")

    with pytest.raises(ValueError):
        record_create(
            model=Agreement, data=agreement_data(body), user=lucia, reason=None,
            m2m={"themes": [links["mobility"]], "counterparts": [links["moscow"], unsaved]},
        )

    assert counts() == before
    assert not Agreement.themes.through.objects.exists()


# Nothing else writes a status ------------------------------------------------------

#: Where a status may be written: the services, and what is not the application.
ALLOWED = ("cdmx_global/services/", "bench/synthetic/", "tests/")
#: Modules that write the status of a model that is not publishable.
OTHER_STATUSES = {
    "reports/services.py": "a report's own lifecycle (ReportStatus), through the reports' services",
    "reports/builds.py": "a report build's progress (BuildStatus), as its worker goes",
    "evaluations/services.py": "an evaluation's cycle (EvaluationStatus), through its own steps",
    "reports/congress.py": "the Congress's evaluation (CongressStatus: draft, submitted), through its own steps",
    "background/worker.py": "the queue's tasks (TaskResultStatus): retries, recovery, a retry from the admin",
    "background/mail.py": "an outgoing email's delivery (Email.Status)",
    "feedback/services.py": "an error report's handling (ErrorReport.Status: new, attended, dismissed)",
}
QUERY_WRITES = {"create", "update", "get_or_create", "update_or_create"}


def application_modules() -> list[Path]:
    return sorted(
        path
        for path in ROOT.rglob("*.py")
        if ".venv" not in path.parts
        and "migrations" not in path.parts
        and not str(path.relative_to(ROOT)).startswith(ALLOWED)
        and str(path.relative_to(ROOT)) not in OTHER_STATUSES
    )


def _root_name(node: ast.AST) -> str | None:
    """``Agreement`` for ``Agreement.objects.filter(…).update``."""
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return node.id if isinstance(node, ast.Name) else None


def _assigned(target: ast.AST):
    if isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _assigned(element)
    else:
        yield target


def status_writes(source: str, name: str, other_models: set[str]) -> list[str]:
    """Where the module ``name`` writes a status: ``.status =``, ``setattr(…, "status", …)``,
    ``.create(status=…)``/``.update(status=…)`` on anything but a model known not to be publishable."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = [t for target in node.targets for t in _assigned(target)]
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        if any(isinstance(target, ast.Attribute) and target.attr == "status" for target in targets):
            found.append(f"{name}:{node.lineno}: .status =")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "setattr" and len(node.args) > 1:
            attribute = node.args[1]
            if isinstance(attribute, ast.Constant) and attribute.value == "status":
                found.append(f"{name}:{node.lineno}: setattr(…, 'status', …)")
        if (
            isinstance(func, ast.Attribute)
            and func.attr in QUERY_WRITES
            and any(keyword.arg == "status" for keyword in node.keywords)
            and _root_name(func) not in other_models
        ):
            found.append(f"{name}:{node.lineno}: .{func.attr}(status=…)")
    return found


def test_no_module_outside_the_services_writes_a_status():
    other_models = {model.__name__ for model in apps.get_models() if not issubclass(model, Publishable)}
    modules = application_modules()
    assert ROOT / "sourcebook" / "loader.py" in modules and ROOT / "cdmx_global" / "admin" / "base.py" in modules

    offenders = [
        write
        for path in modules
        for write in status_writes(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)), other_models)
    ]

    assert offenders == []


def test_the_status_check_sees_a_write():
    source = (
        "record.status = 'published'\n"
        "record.status, record.published_at = 'published', now\n"
        "Agreement.objects.filter(pk=1).update(status='published')\n"
        "setattr(record, 'status', 'published')\n"
        "Report.objects.filter(pk=1).update(status='draft')\n"
        "log_event(status=403)\n"
    )

    assert status_writes(source, "example.py", {"Report"}) == [
        "example.py:1: .status =",
        "example.py:2: .status =",
        "example.py:3: .update(status=…)",
        "example.py:4: setattr(…, 'status', …)",
    ]
