"""The semester's report uses the evaluations: each commitment with its target,
the value reached and its progress (computed here apart from
``evaluations.progress``), how many approved evaluations recommend what, and the
Congress's evaluation of the previous report. Only approved evaluations and
submitted Congress evaluations enter: drafts, evaluations in review or
returned, and the Congress's drafts are seeded and shown to appear nowhere.

The scenario, its report data and its PDF are made once for the module (a PDF
render takes a second or more); each test runs in its own savepoint on top.
"""

import csv
import datetime
import io
import json
import math
import zipfile
from decimal import Decimal
from fractions import Fraction

import pypdf
import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from reports.congress import congress_correction_start, congress_draft_save, congress_submit
from reports.data import build_report_data
from reports.exporters import CsvExporter, HtmlExporter, PdfExporter
from reports.models import CongressAgreementEvaluation, CongressEvaluation, Report, ReportStatus
from evaluations.models import CommitmentProgress, EvaluationStatus, Recommendation
from evaluations.periods import Semester
from reports.services import report_approve, report_build, report_deliver
from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

S2017_1, S2017_2 = Semester(2017, 1), Semester(2017, 2)
GENERATED_AT = timezone.make_aware(datetime.datetime(2018, 1, 10, 12, 0))
#: In every text that must never enter the report.
HIDDEN = "Quimera"
#: The progress reported for 2017-1: in that semester's report, not in 2017-2's.
EARLIER_NOTE = "Avance del primer semestre."


def expected_percent(baseline, target, value) -> float:
    """The progress as the method describes it, computed apart: exact fractions,
    a missing baseline read as 0, rounded half up to one decimal."""
    start = Fraction(baseline or 0)
    exact = (Fraction(value) - start) / (Fraction(target) - start) * 100
    return math.floor(exact * 10 + Fraction(1, 2)) / 10


def agreement(code: str, **kwargs):
    """A published agreement in force through 2017 (so presented for evaluation in both halves)."""
    return factories.AgreementFactory(
        published=True, code=code, title=f"Convenio {code}", validity="in_force", is_indefinite=True,
        **partial_date("signed_on", 2016, 3, 1), **kwargs,
    )


def commitment(agreement, order: int, objective: str, **kwargs):
    return factories.CommitmentFactory(agreement=agreement, order=order, objective=objective, **kwargs)


def evaluation(agreement, recommendation, status=EvaluationStatus.APPROVED, half=2, progress=()):
    """An evaluation with its ``(commitment, value, note)`` progress."""
    made = factories.AgreementEvaluationFactory(
        agreement=agreement, year=2017, half=half, recommendation=recommendation, status=status,
    )
    for reported, value, note in progress:
        CommitmentProgress.objects.create(
            evaluation=made, commitment=reported, value=None if value is None else Decimal(value), note=note
        )
    return made


def make_scenario() -> dict:
    a = agreement("comp-a")
    training = commitment(
        a, 1, "Capacitar al personal de movilidad", indicator="Personas capacitadas", unit="personas",
        baseline=Decimal(10), target=Decimal(60), **partial_date("target_date", 2018, 12),
    )
    trees = commitment(
        a, 2, "Plantar árboles en corredores", indicator="Árboles plantados", unit="árboles",
        baseline=None, target=Decimal(200), **partial_date("target_date", 2019),
    )
    emissions = commitment(
        a, 3, "Reducir las emisiones del transporte", indicator="Emisiones anuales", unit="kt CO2",
        baseline=Decimal(100), target=Decimal(40), **partial_date("target_date", 2020, 6, 30),
    )
    exchange = commitment(a, 4, "Intercambiar experiencias", indicator="", unit="", target=None)
    manual = commitment(a, 5, "Publicar un manual", indicator="Manuales publicados", unit="manuales", target=Decimal(1))
    evaluation(a, Recommendation.STRENGTHEN, progress=[
        (training, "35", "Dos cursos en línea."),
        (trees, "250", "Se superó la meta."),
        (emissions, "70", "Renovación de la flota."),
        (exchange, None, "Un taller binacional."),
    ])
    b = agreement("comp-b")
    thirds = commitment(b, 1, "Abrir oficinas de enlace", indicator="Oficinas", unit="oficinas", target=Decimal(3))
    evaluation(b, Recommendation.CONTINUE, progress=[(thirds, "1", "Una oficina abierta.")])
    evaluation(agreement("comp-g"), Recommendation.REORIENT)
    # Evaluations not approved: their progress and recommendation count nowhere.
    for code, status in (("comp-c", EvaluationStatus.SUBMITTED), ("comp-d", EvaluationStatus.RETURNED),
                         ("comp-e", EvaluationStatus.DRAFT)):
        unapproved = agreement(code)
        target = commitment(unapproved, 1, f"Compromiso de {code}", target=Decimal(10))
        evaluation(unapproved, Recommendation.CONCLUDE, status=status,
                   progress=[(target, "9", f"Avance {status} {HIDDEN}")])
    # Approved, but for the previous semester.
    f = agreement("comp-f")
    earlier = commitment(f, 1, "Compromiso de comp-f", target=Decimal(10))
    evaluation(f, Recommendation.CONCLUDE, half=1, progress=[(earlier, "5", EARLIER_NOTE)])
    # A draft agreement with its commitment, approved evaluation and progress.
    draft = factories.AgreementFactory(
        code="borrador", title=f"Convenio {HIDDEN} en borrador", validity="in_force", is_indefinite=True,
        **partial_date("signed_on", 2016, 3, 1),
    )
    hidden = commitment(draft, 1, f"Compromiso {HIDDEN}", target=Decimal(10))
    evaluation(draft, Recommendation.CONCLUDE, progress=[(hidden, "9", f"Avance de un borrador {HIDDEN}")])
    factories.leak_bait()

    # The previous semester's report, delivered, evaluated by the Congress and corrected;
    # a correction of the correction is still a draft.
    previous = report_build(semester=S2017_1, now=timezone.make_aware(datetime.datetime(2017, 7, 10, 10)))
    previous = report_deliver(
        report=report_approve(report=previous), delivered_on=datetime.date(2017, 7, 14), delivery_reference="CGAI/0700/2017",
    )
    member = factories.congress()
    first = congress_draft_save(
        evaluation=CongressEvaluation(report=previous, score=Decimal("7.5"), assessment="Primera evaluación superada."),
        user=member,
        entries=[CongressAgreementEvaluation(agreement=a, score=Decimal("9"), recommendation=Recommendation.STRENGTHEN,
                                             assessment="Recomienda ampliar los cursos.")],
    )
    first = congress_submit(evaluation=first, user=member, act_number="CCDMX/CAI/011/2017",
                            act_date=datetime.date(2017, 9, 20))
    correction = congress_correction_start(corrects=first, user=member, note="Corrige la calificación general.")
    correction.score = Decimal("8.5")
    correction.assessment = "La información del informe es suficiente."
    correction.observations = "Pide detallar los recursos movilizados."
    correction = congress_draft_save(evaluation=correction, user=member)
    correction = congress_submit(evaluation=correction, user=member, act_number="CCDMX/CAI/015/2017",
                                 act_date=datetime.date(2017, 10, 4))
    pending = congress_correction_start(corrects=correction, user=member, note=f"Corrección {HIDDEN} en curso.")
    pending.assessment = f"Borrador del Congreso {HIDDEN}."
    congress_draft_save(evaluation=pending, user=member)
    # An entry of an agreement that is not published (the service would refuse it; the report must too).
    CongressAgreementEvaluation.objects.create(
        evaluation=correction, agreement=draft, assessment=f"Entrada sobre un borrador {HIDDEN}."
    )
    return {"a": a, "previous": previous}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """The scenario, its report data for 2017-2, the HTML, and the PDF's text."""
    with django_db_blocker.unblock(), transaction.atomic(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        records = make_scenario()
        data = build_report_data(S2017_2, generated_at=GENERATED_AT)
        html = HtmlExporter().render(data).decode("utf-8")
        reader = pypdf.PdfReader(io.BytesIO(PdfExporter().render(data)))
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
        yield {**records, "data": data, "html": html, "text": text}
        transaction.set_rollback(True)


def rows_of(data: dict, key: str) -> list[dict]:
    return data["tables"][key]["rows"]


# The commitments -------------------------------------------------------------------------


def test_each_commitment_shows_its_target_the_value_reached_and_its_progress(built):
    rows = [row for row in rows_of(built["data"], "commitments") if row["code"] == "comp-a"]

    assert [
        (row["objective"], row["indicator"], row["unit"], row["baseline"], row["target"], row["target_date"],
         row["status"], row["value"], row["progress"], row["note"])
        for row in rows
    ] == [
        ("Capacitar al personal de movilidad", "Personas capacitadas", "personas", 10, 60, "diciembre de 2018",
         "reportado", 35, expected_percent(10, 60, 35), "Dos cursos en línea."),
        ("Plantar árboles en corredores", "Árboles plantados", "árboles", None, 200, "2019",
         "reportado", 250, expected_percent(None, 200, 250), "Se superó la meta."),
        ("Reducir las emisiones del transporte", "Emisiones anuales", "kt CO2", 100, 40, "30 de junio de 2020",
         "reportado", 70, expected_percent(100, 40, 70), "Renovación de la flota."),
        ("Intercambiar experiencias", "", "", None, None, "", "reportado", None, None, "Un taller binacional."),
        ("Publicar un manual", "Manuales publicados", "manuales", None, 1, "", "no reportado en la evaluación",
         None, None, ""),
    ]
    # (35 − 10) ÷ (60 − 10) = 50 %; 250 ÷ 200 = 125 % (not capped); (70 − 100) ÷ (40 − 100) = 50 % of a reduction.
    assert [row["progress"] for row in rows[:3]] == [50.0, 125.0, 50.0]


def test_progress_is_rounded_to_one_decimal(built):
    [row] = [row for row in rows_of(built["data"], "commitments") if row["code"] == "comp-b"]

    assert (row["target"], row["value"], row["progress"]) == (3, 1, expected_percent(0, 3, 1))
    assert row["progress"] == 33.3


def test_commitments_without_an_approved_evaluation_of_the_semester_have_no_value(built):
    rows = [row for row in rows_of(built["data"], "commitments") if row["code"] != "comp-a"]

    # The agreements presented for evaluation, in the report's order; comp-g has no commitments.
    assert [(row["code"], row["status"], row["value"], row["progress"], row["note"]) for row in rows] == [
        ("comp-b", "reportado", 1, 33.3, "Una oficina abierta."),
        ("comp-c", "sin evaluación", None, None, ""),
        ("comp-d", "sin evaluación", None, None, ""),
        ("comp-e", "sin evaluación", None, None, ""),
        ("comp-f", "sin evaluación", None, None, ""),
    ]


def test_the_commitments_are_a_data_table_of_the_annexes(built):
    archive = zipfile.ZipFile(io.BytesIO(CsvExporter().render(built["data"])))
    rows = list(csv.reader(io.StringIO(archive.read("compromisos.csv").decode("utf-8-sig"))))

    assert rows[0] == [
        "Clave", "Título", "Objetivo", "Indicador", "Unidad", "Línea base", "Meta", "Fecha de la meta",
        "Avance del semestre", "Valor alcanzado", "Avance (%)", "Nota del avance",
    ]
    assert rows[1] == [
        "comp-a", "Convenio comp-a", "Capacitar al personal de movilidad", "Personas capacitadas", "personas", "10",
        "60", "diciembre de 2018", "reportado", "35", "50", "Dos cursos en línea.",
    ]
    assert len(rows) == 1 + 10


def test_the_pdf_shows_each_agreements_commitments_under_its_evaluation(built):
    text = built["text"]

    assert "Avance de los compromisos (comp-a)" in text
    assert "Avance de los compromisos (comp-b)" in text
    assert text.index("Convenio comp-a (comp-a)") < text.index("Avance de los compromisos (comp-a)")
    for fragment in ("Capacitar al personal de movilidad", "diciembre de 2018", "Dos cursos en línea.",
                     "Renovación de la flota.", "no reportado en la evaluación"):
        assert fragment in text, fragment
    assert "Compromisos de los acuerdos sin evaluación aprobada del semestre" in text
    assert "comp-f Compromiso de comp-f Personas capacitadas personas — 10 — sin evaluación —" in text


# The recommendations ---------------------------------------------------------------------


def test_the_distribution_of_recommendations_counts_approved_evaluations_only(built):
    assert [(row["label"], row["agreements"]) for row in rows_of(built["data"], "recommendations")] == [
        ("Continuar", 1), ("Fortalecer", 1), ("Reorientar", 1), ("Concluir", 0), ("Sin evaluación aprobada", 4),
    ]


def test_the_distribution_of_recommendations_has_a_chart_and_its_table(built):
    html, text = built["html"], built["text"]
    alt = "Acuerdos presentados para evaluación, por la recomendación de su evaluación aprobada"

    assert f'role="img" font-family="Liberation Sans, Arial, Helvetica, sans-serif" font-size="11"><title>{alt}</title>' in html
    assert "Sin evaluación aprobada 4" in text
    assert "Fortalecer 1" in text


# The Congress's evaluation of the previous report ---------------------------------------


def test_the_previous_reports_congress_evaluation_in_force_is_in_the_data(built):
    congress = built["data"]["previous_congress"]

    assert congress["report"] == {
        "version": 1, "delivered_on": "14 de julio de 2017", "delivery_reference": "CGAI/0700/2017", "url": "",
    }
    # The correction, which replaces what it corrects; never the draft of a further correction.
    assert congress["evaluations"] == [{
        "act_number": "CCDMX/CAI/015/2017", "act_date": "4 de octubre de 2017", "score": 8.5,
        "assessment": "La información del informe es suficiente.",
        "observations": "Pide detallar los recursos movilizados.",
        "corrects_act": "CCDMX/CAI/011/2017", "correction_note": "Corrige la calificación general.",
        "entries": [{
            "code": "comp-a", "title": "Convenio comp-a", "score": 9, "recommendation": "Fortalecer",
            "assessment": "Recomienda ampliar los cursos.", "observations": "",
        }],
    }]


def test_the_previous_reports_congress_evaluation_is_in_the_pdf(built):
    text = built["text"]

    assert "Evaluación del Congreso del informe anterior" in text
    assert "Acuerdo del Congreso CCDMX/CAI/015/2017, del 4 de octubre de 2017" in text
    assert (
        "Corrige la evaluación aprobada por el acuerdo CCDMX/CAI/011/2017: Corrige la calificación general."
    ) in text
    assert "Calificación general 8.5 de 10" in text
    assert "La información del informe es suficiente." in text
    assert "Recomienda ampliar los cursos." in text
    assert "Primera evaluación superada." not in text


def test_without_a_submitted_evaluation_the_report_says_so(built):
    # 2016-2's report delivered, and only a draft of the Congress's evaluation of it.
    delivered = Report.objects.create(
        year=2016, half=2, status=ReportStatus.DELIVERED, delivered_on=datetime.date(2017, 1, 16),
        delivery_reference="CGAI/0050/2017",
    )
    CongressEvaluation.objects.create(report=delivered, assessment=f"Borrador {HIDDEN}")

    data = build_report_data(S2017_1)
    html = " ".join(HtmlExporter().render(data).decode("utf-8").split())

    assert data["previous_congress"]["evaluations"] == []
    assert (
        "El Congreso no ha enviado su evaluación del informe de julio–diciembre de 2016 (versión 1, entregada el "
        "16 de enero de 2017 con el oficio CGAI/0050/2017)."
    ) in html
    assert f"Borrador {HIDDEN}" not in html


def test_without_a_delivered_previous_report_the_report_says_so(built):
    data = build_report_data(Semester(2018, 1))
    html = " ".join(HtmlExporter().render(data).decode("utf-8").split())

    assert data["previous_congress"]["report"] is None
    assert (
        "No hay un informe de julio–diciembre de 2017 entregado al Congreso en el portal: no hay evaluación del "
        "Congreso que presentar."
    ) in html


# Nothing unapproved enters ---------------------------------------------------------------


def test_unapproved_evaluations_and_congress_drafts_enter_neither_the_data_nor_the_pdf(built):
    data_text = json.dumps(built["data"], ensure_ascii=False)

    for text in (data_text, built["text"], built["html"]):
        assert HIDDEN not in text
        assert EARLIER_NOTE not in text
    assert not [row for row in rows_of(built["data"], "commitments") if row["code"] == "borrador"]
    assert "Concluir" not in [
        row["recommendation"] for row in rows_of(built["data"], "evaluations") if row["evaluated"] == "sí"
    ]


# The method -------------------------------------------------------------------------------


def test_the_method_explains_progress_and_what_enters(built):
    method = {part["title"]: part["text"] for part in built["data"]["method"]}

    assert "(valor alcanzado − línea base) ÷ (meta − línea base) × 100" in method["Avance de los compromisos"]
    assert "Una línea base no registrada se lee como 0." in method["Avance de los compromisos"]
    assert "no se limita" in method["Avance de los compromisos"]
    assert "Sólo entran las evaluaciones del Gobierno que la CGAI aprobó" in method["Qué evaluaciones entran"]
    assert "nunca un borrador" in method["Qué evaluaciones entran"]
    assert "Avance de los compromisos" in built["text"]


def test_a_report_built_before_these_parts_renders_without_them(built):
    tables = {key: table for key, table in built["data"]["tables"].items() if key not in ("commitments", "recommendations")}
    older = {key: part for key, part in built["data"].items() if key != "previous_congress"} | {"tables": tables}

    html = HtmlExporter().render(older).decode("utf-8")

    assert '<h3 id="informe-evaluacion-comp-a">' in html
    for part in ("Avance de los compromisos (comp-a)", "Recomendaciones de las evaluaciones aprobadas",
                 "Evaluación del Congreso del informe anterior", 'role="img" font-family="Liberation Sans, Arial, '
                 'Helvetica, sans-serif" font-size="11"><title>Acuerdos presentados'):
        assert part not in html, part
