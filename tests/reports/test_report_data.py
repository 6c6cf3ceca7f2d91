"""The report's data: its figures equal those computed independently from the
records, with the records placed in the semester by the documented rules;
drafts and withdrawn records never enter."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Action, Agreement, Validity
from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision
from events.models import Award, Event, Visit
from networks.models import Position
from reports.data import build_report_data
from evaluations.models import CommitmentProgress
from evaluations.periods import Semester
from reports.models import (
    CongressAgreementEvaluation,
    CongressEvaluation,
    CongressStatus,
    Report,
    ReportStatus,
)

from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

PRECISE = [DatePrecision.MONTH, DatePrecision.DAY]
S2017_2 = Semester(2017, 2)


def summary(data: dict) -> dict[str, tuple[int, int]]:
    return {row["key"]: (row["value"], row["previous"]) for row in data["tables"]["summary"]["rows"]}


def codes(data: dict, flag: str) -> list[str]:
    return [row["code"] for row in data["tables"]["agreements"]["rows"] if row[flag] == "sí"]


@pytest.fixture
def scenario(db):
    """Records around July–December 2017, each placed by one rule."""
    published = {"published": True}
    agreement = lambda code, **kwargs: factories.AgreementFactory(code=code, title=f"Acuerdo {code}", **{**published, **kwargs})
    records = {
        "force": agreement("vigente", validity="in_force", **partial_date("signed_on", 2016, 5, 10),
                           **partial_date("valid_until", 2019)),
        "ending": agreement("por-terminar", validity="in_force", **partial_date("signed_on", 2015, 1, 2),
                            **partial_date("valid_until", 2018, 2, 1)),
        "ended": agreement("concluido", validity="ended", **partial_date("signed_on", 2014, 6, 1),
                           **partial_date("ended_on", 2017, 9, 30)),
        "signed": agreement("firmado", validity="in_force", is_indefinite=True, **partial_date("signed_on", 2017, 8, 15)),
        "unknown": agreement("sin-vigencia", validity="unknown", **partial_date("signed_on", 2012)),
        "unknown_2017": agreement("sin-vigencia-2017", validity="unknown", **partial_date("signed_on", 2017)),
        "old": agreement("antiguo", validity="ended", **partial_date("signed_on", 2010, 1, 1),
                         **partial_date("ended_on", 2016, 12)),
        "negotiation": agreement("en-negociacion", validity="negotiation", **partial_date("signed_on", 2017, 9, 1)),
        "draft": factories.AgreementFactory(code="borrador", title="Acuerdo Quimera borrador", validity="in_force",
                                            **partial_date("signed_on", 2017, 9, 1)),
        "withdrawn": factories.AgreementFactory(code="retirado", title="Acuerdo Quimera retirado", validity="in_force",
                                                withdrawn=True, **partial_date("signed_on", 2017, 9, 1)),
    }
    factories.ActionFactory(agreement=records["force"], people_reached=40, **partial_date("start_on", 2017, 9, 1), **published)
    factories.ActionFactory(agreement=records["force"], people_reached=10, **partial_date("start_on", 2017, 3, 1), **published)
    factories.ActionFactory(title="Acción de 2017", **partial_date("start_on", 2017), **published)
    factories.ActionFactory(title="Acción Quimera", agreement=records["force"], people_reached=1000,
                            **partial_date("start_on", 2017, 10, 1))
    factories.VisitFactory(report_delivered_on=datetime.date(2017, 11, 20), **partial_date("start_on", 2017, 10), **published)
    factories.VisitFactory(incoming=True, **partial_date("start_on", 2017, 11, 5), **published)
    factories.VisitFactory(title="Gira de 2017", **partial_date("start_on", 2017), **published)
    factories.VisitFactory(title="Gira Quimera", **partial_date("start_on", 2017, 10, 2))
    factories.EventFactory(**partial_date("start_on", 2017, 7, 1), **published)
    factories.EventFactory(mode=Event.Mode.ATTENDED, role=Event.Role.PARTICIPANT, **partial_date("start_on", 2017, 2), **published)
    factories.AwardFactory(**partial_date("awarded_on", 2017, 12), **published)
    factories.AwardFactory(direction=Award.Direction.GRANTED, **partial_date("awarded_on", 2017, 8), **published)
    network = factories.NetworkFactory(published=True)
    factories.PositionFactory(network=network, **partial_date("start_on", 2016), **partial_date("end_on", 2018), **published)
    factories.PositionFactory(network=network, **partial_date("start_on", 2018, 2), **published)
    factories.PositionFactory(network=network, title="Presidencia Quimera", **partial_date("start_on", 2016))
    factories.AgreementEvaluationFactory(agreement=records["force"], year=2017, half=2)
    factories.AgreementEvaluationFactory(agreement=records["unknown"], year=2017, half=1)
    factories.AgreementEvaluationFactory(agreement=records["draft"], year=2017, half=2)
    return records


def test_summary_figures_of_a_semester_and_the_previous_one(scenario):
    data = build_report_data(S2017_2)

    assert summary(data) == {
        # Every published agreement signed for certain by the end of the semester,
        # whatever its validity, but the one in negotiation: "sin-vigencia-2017"
        # (signed in «2017») only in the second semester; never the draft or the withdrawn.
        "agreements_registered": (7, 5),
        "agreements_signed": (1, 0),
        "agreements_in_force": (4, 3),
        "agreements_unknown_validity": (2, 1),
        "agreements_ending_soon": (1, 1),
        "agreements_ended": (1, 0),
        "agreements_evaluated": (1, 1),
        "actions": (1, 1),
        "trips": (1, 0),
        "guests": (1, 0),
        "events_hosted": (1, 0),
        "events_attended": (0, 1),
        "positions": (1, 1),
        "awards": (1, 0),
        "year_only": (3, 3),
    }
    # The agreements registered first; those in force beside those without validity information.
    assert [(row["key"], row["change"]) for row in data["tables"]["summary"]["rows"]][:4] == [
        ("agreements_registered", 2), ("agreements_signed", 1), ("agreements_in_force", 1),
        ("agreements_unknown_validity", 1),
    ]


def test_agreements_are_placed_by_their_dates_at_their_precision(scenario):
    data = build_report_data(S2017_2)

    assert codes(data, "signed_in_semester") == ["firmado"]
    assert codes(data, "in_force") == ["concluido", "por-terminar", "vigente", "firmado"]
    assert codes(data, "ending_soon") == ["por-terminar"]
    assert codes(data, "ended_in_semester") == ["concluido"]
    assert codes(data, "unknown_validity") == ["sin-vigencia", "sin-vigencia-2017"]
    row = next(row for row in data["tables"]["agreements"]["rows"] if row["code"] == "vigente")
    assert (row["signed_on"], row["valid_until"]) == ("10 de mayo de 2016", "2019")


def test_a_signature_known_only_by_year_is_listed_apart_and_not_counted_in_a_semester(scenario):
    first, second = build_report_data(Semester(2017, 1)), build_report_data(S2017_2)

    for data in (first, second):
        assert [(row["kind"], row["title"], row["date"]) for row in data["tables"]["year_only"]["rows"]] == [
            ("Acuerdo", "Acuerdo sin-vigencia-2017", "2017"),
            ("Acción", "Acción de 2017", "2017"),
            ("Visita", "Gira de 2017", "2017"),
        ]
    assert "firmado" not in codes(first, "signed_in_semester")
    assert "sin-vigencia-2017" not in codes(first, "unknown_validity")


def test_evaluations_count_the_actions_under_each_agreement_in_the_semester(scenario):
    rows = {row["code"]: row for row in build_report_data(S2017_2)["tables"]["evaluations"]["rows"]}

    assert list(rows) == ["sin-vigencia", "concluido", "por-terminar", "vigente", "sin-vigencia-2017", "firmado"]
    assert {key: rows["vigente"][key] for key in ("evaluated", "actions", "people_reached_actions", "people_reached",
                                                  "exchanges", "projects", "recommendation")} == {
        "evaluated": "sí", "actions": 1, "people_reached_actions": 40, "people_reached": 120,
        "exchanges": 2, "projects": 1, "recommendation": "Continuar",
    }
    assert (rows["sin-vigencia"]["evaluated"], rows["sin-vigencia"]["advantages"]) == ("no", "")


def test_visits_events_positions_and_awards_of_the_semester(scenario):
    tables = build_report_data(S2017_2)["tables"]

    assert [(row["direction"], row["period"], row["trip_report"]) for row in tables["visits"]["rows"]] == [
        ("Gira al extranjero", "octubre de 2017", "entregado el 20 de noviembre de 2017"),
        ("Visita recibida", "5 de noviembre de 2017", ""),
    ]
    assert [row["period"] for row in tables["events"]["rows"]] == ["1 de julio de 2017"]
    assert [row["period"] for row in tables["positions"]["rows"]] == ["2016–2018"]
    assert [(row["direction"], row["awarded_on"]) for row in tables["awards"]["rows"]] == [
        ("Otorgado por la Ciudad", "agosto de 2017"), ("Recibido por la Ciudad", "diciembre de 2017"),
    ]


def test_drafts_and_withdrawn_records_never_enter_the_report(scenario):
    factories.leak_bait()

    text = json.dumps(build_report_data(S2017_2), ensure_ascii=False)

    assert "Quimera" not in text
    assert "borrador" not in codes(build_report_data(S2017_2), "in_force")


def test_breakdowns_count_each_agreement_once_per_label(scenario):
    breakdowns = {b["key"]: b["rows"] for b in build_report_data(S2017_2)["breakdowns"]}

    assert breakdowns["kind"] == [
        {"label": "Cooperación específica", "signed": 1, "in_force": 4, "ending_soon": 1, "ended": 1, "unknown_validity": 2}
    ]
    assert breakdowns["region"] == [
        {"label": "Sin dato", "signed": 1, "in_force": 4, "ending_soon": 1, "ended": 1, "unknown_validity": 2}
    ]


def test_computed_indicators_come_from_the_same_placed_records(scenario):
    rows = {row["code"]: row for row in build_report_data(S2017_2)["tables"]["indicators"]["rows"]}

    assert (rows["acuerdos-evaluados"]["value"], rows["acuerdos-evaluados"]["previous"]) == (16.7, 25)
    assert rows["giras-con-informe"]["value"] == 100
    assert rows["giras-con-informe"]["previous"] is None
    assert rows["personas-beneficiadas"]["value"] == 40
    assert rows["cargos-en-redes"]["value"] == 1
    assert (rows["recursos-de-cooperacion"]["value"], rows["recursos-de-cooperacion"]["source"]) == (
        None, "sin valor capturado"
    )


def test_an_entered_indicator_shows_its_value_and_source(scenario):
    factories.IndicatorValueFactory(value=1500000, source="Informe de la CGAI", year=2017, half=2)

    row = next(r for r in build_report_data(S2017_2)["tables"]["indicators"]["rows"] if r["code"] == "recursos-de-cooperacion")

    assert (row["value"], row["previous"], row["source"], row["obtained"]) == (1500000, None, "Informe de la CGAI", "Capturado")


# The book's own semesters, computed independently with the ORM ---------------------------


def _in(queryset, field: str, semester: Semester):
    return queryset.filter(**{f"{field}__range": (semester.start, semester.end), f"{field}_precision__in": PRECISE})


def _of_year(queryset, field: str, semester: Semester):
    return queryset.filter(**{f"{field}__year": semester.year, f"{field}_precision": DatePrecision.YEAR})


def expected_from_the_records(semester: Semester) -> dict[str, int]:
    agreements = Agreement.objects.published()
    visits = Visit.objects.published()
    events = Event.objects.published()
    signed_by_end = agreements.filter(signed_on__isnull=False).exclude(
        signed_on_precision=DatePrecision.YEAR, signed_on__year__gte=semester.year + (semester.half == 2)
    ).filter(signed_on__lte=semester.end)
    return {
        "agreements_signed": _in(agreements, "signed_on", semester).count(),
        "actions": _in(Action.objects.published(), "start_on", semester).count(),
        "trips": _in(visits.filter(direction="outgoing"), "start_on", semester).count(),
        "guests": _in(visits.filter(direction="incoming"), "start_on", semester).count(),
        "events_hosted": _in(events.filter(mode="hosted"), "start_on", semester).count(),
        "events_attended": _in(events.filter(mode="attended"), "start_on", semester).count(),
        "awards": _in(Award.objects.published().filter(direction="received"), "awarded_on", semester).count(),
        "year_only": sum(
            _of_year(queryset, field, semester).count()
            for queryset, field in (
                (agreements, "signed_on"), (Action.objects.published(), "start_on"), (visits, "start_on"),
                (events, "start_on"), (Award.objects.published(), "awarded_on"),
            )
        ),
        # Signed for certain by the end of the semester (one signed in «2018» only from July 2018).
        "agreements_registered": signed_by_end.exclude(validity=Validity.NEGOTIATION).count(),
        # The book records no validity: every such agreement is "unknown".
        "agreements_unknown_validity": signed_by_end.filter(validity=Validity.UNKNOWN).count(),
        "agreements_in_force": 0,
        "positions": Position.objects.published().filter(
            network__status=PublicationStatus.PUBLISHED, start_on__year__lte=semester.year, end_on__year__gte=semester.year,
        ).count(),
    }


@pytest.mark.parametrize("label", ["2017-2", "2018-1"])
def test_the_books_semesters_equal_the_figures_computed_from_the_records(book, label):
    semester = Semester.parse(label)
    expected = expected_from_the_records(semester)

    figures = summary(build_report_data(semester))

    assert {key: figures[key][0] for key in expected} == expected
    assert {key: figures[key][1] for key in expected} == expected_from_the_records(semester.previous())


def test_the_books_second_semester_of_2017(book):
    data = build_report_data(S2017_2)

    assert [row["title"] for row in data["tables"]["visits"]["rows"]] == [
        "Visita de Marcelo Rebelo de Sousa, Presidente de la República Portuguesa",
        "Visita de Andrej Kiska, Presidente de la República Eslovaca",
        "Visita de Manuela Carmena Castrillo, Alcaldesa de Madrid",
    ]
    assert [row["title"] for row in data["tables"]["year_only"]["rows"] if row["kind"] == "Acuerdo"] == [
        "Convenio de cooperación específica con Madrid (2017)",
        "Convenio de cooperación específica con Virginia (2017)",
        "Memorando de Entendimiento Ciudad de México–Madrid",
    ]
    assert data["meta"]["period"] == "julio–diciembre de 2017"


def test_building_the_data_costs_the_same_queries_with_more_records(scenario):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        build_report_data(S2017_2)
    network = factories.NetworkFactory(published=True)
    theme, sdg = factories.ThemeFactory(), factories.SustainableDevelopmentGoalFactory(number=11)
    for n in range(5):
        counterpart = factories.CounterpartFactory(published=True)
        agreement = factories.AgreementFactory(
            published=True, validity="in_force", counterparts=[counterpart], themes=[theme], sdgs=[sdg],
            **partial_date("signed_on", 2017, 8, 1 + n),
        )
        factories.AgreementEvaluationFactory(agreement=agreement)
        factories.ActionFactory(published=True, agreement=agreement, sdgs=[sdg], **partial_date("start_on", 2017, 9, 1 + n))
        factories.VisitFactory(published=True, counterparts=[counterpart], **partial_date("start_on", 2017, 10, 1 + n))
        factories.PositionFactory(published=True, network=network, **partial_date("start_on", 2017, 7))
    with CaptureQueriesContext(connection) as many:
        build_report_data(S2017_2)

    assert len(many) == len(few)


def _evaluated_agreements(count: int, congress) -> None:
    """``count`` published agreements in force in 2017-2, each with two commitments,
    an approved evaluation reporting their progress, and an entry in ``congress``."""
    for _n in range(count):
        agreement = factories.AgreementFactory(
            published=True, validity="in_force", is_indefinite=True, **partial_date("signed_on", 2016, 3, 1)
        )
        first = factories.CommitmentFactory(agreement=agreement, baseline=Decimal(5), target=Decimal(15))
        second = factories.CommitmentFactory(agreement=agreement, target=Decimal(4))
        evaluation = factories.AgreementEvaluationFactory(agreement=agreement, year=2017, half=2)
        CommitmentProgress.objects.create(evaluation=evaluation, commitment=first, value=Decimal(10), note="A medias.")
        CommitmentProgress.objects.create(evaluation=evaluation, commitment=second, value=Decimal(1), note="Uno.")
        CongressAgreementEvaluation.objects.create(evaluation=congress, agreement=agreement, assessment="Suficiente.")


def test_the_evaluations_commitments_and_congress_entries_cost_the_same_queries_with_more_of_them(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The previous semester's report as delivered, and the Congress's submitted evaluation of it.
    previous = Report.objects.create(
        year=2017, half=1, status=ReportStatus.DELIVERED, delivered_on=datetime.date(2017, 7, 14),
        delivery_reference="CGAI/0700/2017",
    )
    congress = CongressEvaluation.objects.create(
        report=previous, status=CongressStatus.SUBMITTED, act_number="CCDMX/CAI/011/2017",
        act_date=datetime.date(2017, 9, 20), submitted_at=datetime.datetime(2017, 9, 21, tzinfo=datetime.UTC),
        assessment="El informe es suficiente.",
    )
    _evaluated_agreements(1, congress)
    with CaptureQueriesContext(connection) as one:
        one_agreement = build_report_data(S2017_2)
    _evaluated_agreements(3, congress)
    with CaptureQueriesContext(connection) as four:
        four_agreements = build_report_data(S2017_2)

    assert [len(data["tables"]["commitments"]["rows"]) for data in (one_agreement, four_agreements)] == [2, 8]
    assert [row["progress"] for row in four_agreements["tables"]["commitments"]["rows"]] == [50, 25] * 4
    assert len(four_agreements["previous_congress"]["evaluations"][0]["entries"]) == 4
    assert len(four) == len(one)


def test_a_published_record_s_links_enter_published_only_in_their_order_with_constant_queries(
    scenario, django_assert_num_queries
):
    """The report reads a record's many-to-many links itself (``records._attach_published``), not
    through Django's prefetch: only the published ones, in their model's order, in as many queries
    however many records link to them."""
    published = {"published": True}
    zacatecas = factories.CounterpartFactory(name="Zacatecas", country="MX", **published)
    atenas = factories.CounterpartFactory(name="Atenas", country="GR", **published)
    hidden = factories.CounterpartFactory(name="Ciudad Quimera", country="AQ")
    # Catalogues are published once created (and the book's may be loaded): each status set here.
    theme_a, theme_b = factories.ThemeFactory(name="Tema de prueba A"), factories.ThemeFactory(name="Tema de prueba B")
    hidden_theme = factories.ThemeFactory(name="Tema Quimera")
    sdg_11, sdg_6, hidden_sdg = (factories.SustainableDevelopmentGoalFactory(number=n) for n in (11, 6, 17))
    framework_a = factories.FrameworkFactory(name="Marco de prueba A", adopted_year=2016)
    framework_b = factories.FrameworkFactory(name="Marco de prueba B", adopted_year=2015)
    hidden_framework = factories.FrameworkFactory(name="Marco Quimera", adopted_year=2010)
    for record, status in (
        (theme_a, PublicationStatus.PUBLISHED), (theme_b, PublicationStatus.PUBLISHED),
        (hidden_theme, PublicationStatus.DRAFT), (sdg_11, PublicationStatus.PUBLISHED),
        (sdg_6, PublicationStatus.PUBLISHED), (hidden_sdg, PublicationStatus.DRAFT),
        (framework_a, PublicationStatus.PUBLISHED), (framework_b, PublicationStatus.PUBLISHED),
        (hidden_framework, PublicationStatus.DRAFT),
    ):
        type(record).objects.filter(pk=record.pk).update(status=status)
    force = scenario["force"]
    force.counterparts.set([zacatecas, hidden, atenas])
    force.themes.set([hidden_theme, theme_b, theme_a])
    force.sdgs.set([hidden_sdg, sdg_11, sdg_6])
    force.frameworks.set([framework_b, hidden_framework, framework_a])
    visit = factories.VisitFactory(title="Gira a Atenas", counterparts=[hidden, zacatecas, atenas],
                                   **partial_date("start_on", 2017, 10, 20), **published)
    factories.ActionFactory(title="Acción con ODS", sdgs=[hidden_sdg, sdg_6], **partial_date("start_on", 2017, 11, 1),
                            **published)

    data = build_report_data(S2017_2)

    row = next(row for row in data["tables"]["agreements"]["rows"] if row["code"] == "vigente")
    # Frameworks in their model's order: by year adopted, then name.
    assert (row["counterparts"], row["countries"], row["themes"], row["sdgs"], row["frameworks"]) == (
        "Atenas, Grecia; Zacatecas, México", "Grecia; México", "Tema de prueba A; Tema de prueba B", "6; 11",
        "Marco de prueba B; Marco de prueba A",
    )
    assert [r["counterparts"] for r in data["tables"]["visits"]["rows"] if r["title"] == visit.title] == [
        "Atenas, Grecia; Zacatecas, México"
    ]
    assert "Quimera" not in json.dumps(data, ensure_ascii=False)
    frameworks = next(b["rows"] for b in data["breakdowns"] if b["key"] == "framework")
    # (A module fixture may have loaded the book before: only this test's records are looked at.)
    assert [(r["label"], r["in_force"]) for r in frameworks if "prueba" in r["label"] or "Quimera" in r["label"]] == [
        ("Marco de prueba A", 1), ("Marco de prueba B", 1),
    ]
    countries = {c["country"]: c["agreements"] for c in data["map"]["countries"]}
    assert (countries.get("GR"), "AQ" in countries) == (1, False)

    # As many queries with more records linked to more records.
    with CaptureQueriesContext(connection) as before:
        build_report_data(S2017_2)
    factories.AgreementFactory.create_batch(
        3, validity="in_force", counterparts=[zacatecas, hidden], themes=[theme_a, hidden_theme],
        sdgs=[sdg_11], frameworks=[framework_a], **partial_date("signed_on", 2017, 9, 3), **published,
    )
    factories.VisitFactory(counterparts=[factories.CounterpartFactory(published=True)], published=True,
                           **partial_date("start_on", 2017, 8, 1))
    with django_assert_num_queries(len(before.captured_queries)):
        build_report_data(S2017_2)
