"""One way to say "published, and only published links": the kernel's
``with_published``, ``join_published`` and ``published_condition``
(``cdmx_global.published``), and no module building its own filter."""

import ast
from pathlib import Path

import pytest
from django.db.models import Count

from agreements.models import Agreement
from cdmx_global.models import Counterpart
from cdmx_global.published import Link, join_published, published_condition
from events.models import Event, VisitGuest
from tests.support.factories import (
    AgreementFactory,
    CounterpartFactory,
    EventFactory,
    ThemeFactory,
    VisitFactory,
    VisitGuestFactory,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def linked():
    """A published agreement linked to a published and a draft record of each
    kind: counterpart, theme, renewal and (another agreement) event of signature."""
    counterpart = CounterpartFactory(published=True, name="Contraparte publicada")
    draft_counterpart = CounterpartFactory(draft=True, name="Contraparte en borrador")
    theme = ThemeFactory(name="Tema publicado")
    draft_theme = ThemeFactory(draft=True, name="Tema en borrador")
    event = EventFactory(published=True)
    draft_event = EventFactory(draft=True)
    agreement = AgreementFactory(
        published=True, counterparts=[counterpart, draft_counterpart], themes=[theme, draft_theme], signed_at_event=event
    )
    draft_old = AgreementFactory(draft=True)
    return {
        "agreement": agreement,
        "counterpart": counterpart,
        "draft_counterpart": draft_counterpart,
        "theme": theme,
        "draft_theme": draft_theme,
        "event": event,
        "draft_event": draft_event,
        "renewal": AgreementFactory(published=True, renews=agreement),
        "draft_renewal": AgreementFactory(draft=True, renews=agreement),
        "signed_at_draft": AgreementFactory(published=True, signed_at_event=draft_event),
        "renews_draft": AgreementFactory(published=True, renews=draft_old),
        "draft_signed_at_event": AgreementFactory(draft=True, signed_at_event=event, counterparts=[counterpart]),
    }


def _one(queryset, record):
    return queryset.get(pk=record.pk)


@pytest.mark.django_db
def test_with_published_replaces_each_relation_by_its_published_records(linked, django_assert_num_queries):
    queryset = Agreement.objects.published().with_published("counterparts", "themes", "renewed_by")

    with django_assert_num_queries(4):
        agreement = _one(queryset, linked["agreement"])
        assert list(agreement.counterparts.all()) == [linked["counterpart"]]
        assert list(agreement.themes.all()) == [linked["theme"]]
        assert list(agreement.renewed_by.all()) == [linked["renewal"]]


@pytest.mark.django_db
def test_with_published_by_name_keeps_the_plain_relation(linked):
    agreement = _one(
        Agreement.objects.with_published(public_counterparts="counterparts", public_themes="themes"),
        linked["agreement"],
    )

    assert agreement.public_counterparts == [linked["counterpart"]]
    assert agreement.public_themes == [linked["theme"]]
    # The plain relation still reaches the draft: that is what a public read must not follow.
    assert set(agreement.counterparts.all()) == {linked["counterpart"], linked["draft_counterpart"]}


@pytest.mark.django_db
def test_with_published_reads_a_to_one_link_to_a_draft_as_none(linked):
    queryset = Agreement.objects.published().with_published("signed_at_event", "renews")

    assert _one(queryset, linked["agreement"]).signed_at_event == linked["event"]
    assert _one(queryset, linked["signed_at_draft"]).signed_at_event is None
    assert _one(queryset, linked["renewal"]).renews == linked["agreement"]
    assert _one(queryset, linked["renews_draft"]).renews is None


@pytest.mark.django_db
def test_with_published_reverse_relation_holds_published_records_only(linked):
    event = _one(Event.objects.with_published(public_agreements="agreements"), linked["event"])
    draft_event = _one(Event.objects.with_published(public_agreements="agreements"), linked["draft_event"])

    assert event.public_agreements == [linked["agreement"]]
    assert draft_event.public_agreements == [linked["signed_at_draft"]]


@pytest.mark.django_db
def test_join_published_joins_a_to_one_link_only_when_published(linked, django_assert_num_queries):
    queryset = Agreement.objects.published().join_published(public_event="signed_at_event", public_renews="renews")

    with django_assert_num_queries(1):
        by_pk = {agreement.pk: agreement for agreement in queryset}
        assert by_pk[linked["agreement"].pk].public_event == linked["event"]
        assert by_pk[linked["signed_at_draft"].pk].public_event is None
        assert by_pk[linked["renewal"].pk].public_renews == linked["agreement"]
        assert by_pk[linked["renews_draft"].pk].public_renews is None
    # One row per record, whatever is joined.
    assert sorted(by_pk) == sorted(
        record.pk
        for record in (linked["agreement"], linked["renewal"], linked["signed_at_draft"], linked["renews_draft"])
    )


@pytest.mark.django_db
def test_join_published_on_records_without_status_of_their_own(linked):
    visit = VisitFactory(published=True)
    guest = VisitGuestFactory(visit=visit, counterpart=linked["counterpart"])
    draft_guest = VisitGuestFactory(visit=visit, counterpart=linked["draft_counterpart"])
    guests = join_published(VisitGuest.objects.all(), public_counterpart="counterpart")

    assert guests.get(pk=guest.pk).public_counterpart == linked["counterpart"]
    assert guests.get(pk=draft_guest.pk).public_counterpart is None


@pytest.mark.django_db
def test_a_nested_link_filters_the_inner_level_too(linked, django_assert_num_queries):
    queryset = Event.objects.with_published(
        public_agreements=Link("agreements", prefetch_related=("counterparts", "themes"))
    )

    with django_assert_num_queries(4):
        event = _one(queryset, linked["event"])
        assert event.public_agreements == [linked["agreement"]]
        [agreement] = event.public_agreements
        assert list(agreement.counterparts.all()) == [linked["counterpart"]]
        assert list(agreement.themes.all()) == [linked["theme"]]


@pytest.mark.django_db
def test_a_link_orders_and_narrows_its_published_records(linked):
    last = AgreementFactory(published=True, renews=linked["agreement"], title="Zeta: última renovación")
    first = AgreementFactory(published=True, renews=linked["agreement"], title="Alfa: primera renovación")
    link = Link("renewed_by", order_by=("title",), queryset=Agreement.objects.exclude(pk=linked["renewal"].pk))

    agreement = _one(Agreement.objects.with_published(link), linked["agreement"])

    assert list(agreement.renewed_by.all()) == [first, last]


@pytest.mark.django_db
def test_published_condition_counts_published_links_only(linked):
    counts = dict(
        Counterpart.objects.filter(pk__in=[linked["counterpart"].pk, linked["draft_counterpart"].pk])
        .annotate(agreements_count=Count("agreements", filter=published_condition("agreements")))
        .values_list("name", "agreements_count")
    )

    # The counterpart's draft agreement (signed at the event) does not count.
    assert counts == {"Contraparte publicada": 1, "Contraparte en borrador": 1}


# --- No module says it by hand ----------------------------------------------

#: The packages whose modules must load linked records through the kernel's
#: helper. reports/ and opendata/ join once converted.
CHECKED_PACKAGES = (
    "agreements", "events", "networks", "cdmx_global", "portal", "search", "opendata", "evaluations", "reports",
)

#: Modules allowed to build the filter by hand, and why.
ALLOWED = {
    "cdmx_global/published.py": "the helper itself",
    # A report is no record: its own lifecycle (ReportStatus: draft, approved,
    # delivered, published…) and its own ReportQuerySet.published().
    "reports/selectors.py": "reports' versions and files by the report's own lifecycle",
    # The Congress's evaluation is no record either: its own CongressStatus (draft, submitted).
    "reports/congress.py": "a correction replaces an evaluation once the correction is submitted",
    "reports/public_evaluations.py": "the Congress's submitted evaluations (CongressStatus) of published reports (ReportStatus)",
}


def _called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _hand_made_filters(tree: ast.AST) -> list[str]:
    """Where ``tree`` builds "only published links" itself: a ``FilteredRelation``,
    a ``Prefetch`` of ``….published()``, a ``<relation>__status`` lookup, or a
    linked record's status tested in Python (``guest.counterpart.status == …``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name == "FilteredRelation":
                found.append(f"line {node.lineno}: FilteredRelation(")
            if name == "Prefetch" and any(
                isinstance(inner, ast.Call) and _called_name(inner) == "published"
                for argument in [*node.args, *(keyword.value for keyword in node.keywords)]
                for inner in ast.walk(argument)
            ):
                found.append(f"line {node.lineno}: Prefetch(… .published())")
            for keyword in node.keywords:
                if keyword.arg and keyword.arg.endswith("__status"):
                    found.append(f"line {node.lineno}: {keyword.arg}=")
        elif isinstance(node, ast.Compare):
            for side in (node.left, *node.comparators):
                if isinstance(side, ast.Attribute) and side.attr == "status" and isinstance(side.value, ast.Attribute):
                    found.append(f"line {node.lineno}: {ast.unparse(side)} compared")
    return found


def test_the_checked_packages_exist():
    assert all((ROOT / package / "__init__.py").exists() for package in CHECKED_PACKAGES)
    assert all((ROOT / module).exists() for module in ALLOWED)


@pytest.mark.parametrize("package", CHECKED_PACKAGES)
def test_no_module_filters_published_links_by_hand(package):
    offenders = {
        module: found
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        and (module := path.relative_to(ROOT).as_posix()) not in ALLOWED
        and (found := _hand_made_filters(ast.parse(path.read_text(encoding="utf-8"))))
    }

    assert offenders == {}
