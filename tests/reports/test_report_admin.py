"""The staff side of the semiannual report in the admin: evaluations and the
agreements still lacking one, indicator values, the report's lifecycle as
buttons calling the services, the Congress's evaluation, who may do what, and
the digest section of agreements without evaluation."""

import datetime
import hashlib

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from agreements.models import Validity
from cdmx_global.deadlines import collect_deadlines
from reports.models import FileFormat, Indicator, IndicatorValue, Report, ReportBuild, ReportFile, ReportStatus
from evaluations.models import AgreementEvaluation
from evaluations.periods import Semester
from reports.services import indicator_value_save
from staff.roles import LIAISON, REVIEWER

from tests.support import factories
from tests.support.factories import AgreementFactory, partial_date

pytestmark = pytest.mark.django_db

PENDING = reverse("admin:evaluations_agreementevaluation_pending")
EVALUATION_ADD = reverse("admin:evaluations_agreementevaluation_add")
REPORTS = reverse("admin:reports_report_changelist")
BUILD = reverse("admin:reports_report_build")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def reviewer_client(client):
    client.force_login(factories.reviewer(username="revisora"))
    return client


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def in_force(**kwargs):
    """A published agreement signed in January 2017 and in force since March 2017, with no end."""
    dates = {**partial_date("signed_on", 2017, 1, 15), **partial_date("in_force_on", 2017, 3)}
    return AgreementFactory(published=True, validity=Validity.IN_FORCE, **{**dates, **kwargs})


def evaluate_url(agreement, year=2017, half=2) -> str:
    return f"{EVALUATION_ADD}?agreement={agreement.pk}&amp;year={year}&amp;half={half}"


# The agreements lacking evaluation ------------------------------------------------


@pytest.fixture
def semester_agreements():
    body = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    return {
        "montevideo": in_force(code="mvd-2017", title="Acuerdo con Montevideo", body=body),
        "quito": AgreementFactory(
            published=True, validity=Validity.UNKNOWN, code="uio-2017", title="Acuerdo con Quito", body=body,
            **partial_date("signed_on", 2017, 5),
        ),
        # None of these is to be evaluated for 2017-2, or it already is.
        "draft": in_force(status="draft", title="Borrador vigente"),
        "withdrawn": in_force(status="withdrawn", title="Retirado vigente"),
        "evaluated": factories.AgreementEvaluationFactory(agreement=in_force(title="Acuerdo ya evaluado")).agreement,
        "later": in_force(title="Acuerdo de 2018", **partial_date("in_force_on", 2018, 3)),
        "ended": AgreementFactory(
            published=True, validity=Validity.ENDED, title="Acuerdo concluido en 2016",
            **partial_date("signed_on", 2014, 12), **partial_date("in_force_on", 2015, 1),
            **partial_date("ended_on", 2016, 5),
        ),
        "unknown_signed_later": AgreementFactory(
            published=True, validity=Validity.UNKNOWN, title="Firmado en 2018", **partial_date("signed_on", 2018, 2)
        ),
    }


def test_pending_list_shows_exactly_the_published_agreements_to_evaluate_without_evaluation(
    reviewer_client, semester_agreements
):
    response = reviewer_client.get(PENDING, {"semestre": "2017-2"})

    assert response.status_code == 200
    rows = [
        (row["agreement"].code, row["agreement"].title, row["agreement"].body.acronym, str(row["why"]))
        for row in response.context["rows"]
    ]
    assert rows == [
        ("mvd-2017", "Acuerdo con Montevideo", "SEMOVI", "vigente"),
        ("uio-2017", "Acuerdo con Quito", "SEMOVI", "sin información de vigencia"),
    ]
    assertContains(
        response,
        f"""<tr><td>mvd-2017</td><th scope="row">Acuerdo con Montevideo</th><td>SEMOVI</td><td>vigente</td>
        <td><a href="{evaluate_url(semester_agreements["montevideo"])}" class="addlink">Evaluar</a></td></tr>""",
        html=True,
    )
    assertContains(response, "2 acuerdos vigentes o sin información de vigencia en julio–diciembre de 2017 no tienen evaluación.")
    for absent in ("Borrador vigente", "Retirado vigente", "Acuerdo ya evaluado", "Acuerdo de 2018", "Firmado en 2018"):
        assertNotContains(response, absent)


def test_pending_list_defaults_to_the_current_semester_and_offers_the_last_ten(reviewer_client):
    response = reviewer_client.get(PENDING)

    current = Semester.containing(timezone.localdate())
    assert response.context["semester"] == current
    assert response.context["semesters"][0] == current
    assert len(response.context["semesters"]) == 10
    assert response.context["semesters"][-1] < current


def test_pending_list_explains_an_invalid_semester_in_spanish(reviewer_client):
    response = reviewer_client.get(PENDING, {"semestre": "2017-3"})

    assert response.status_code == 200
    assert response.context["rows"] == []
    assertContains(
        response,
        '<p class="errornote" role="alert">«2017-3» no es un semestre: escriba el año y luego 1 (enero–junio) '
        "o 2 (julio–diciembre), p. ej. «2017-2».</p>",
        html=True,
    )


def test_evaluations_list_and_reports_link_to_the_pending_list(reviewer_client):
    assertContains(reviewer_client.get(reverse("admin:evaluations_agreementevaluation_changelist")), f'href="{PENDING}"')
    assertContains(reviewer_client.get(REPORTS), f'href="{PENDING}"')


# Evaluations --------------------------------------------------------------------


def evaluation_data(agreement, **overrides) -> dict:
    return {
        "agreement": agreement.pk, "year": 2017, "half": 2,
        "people_reached": "150", "resources": "Asistencia técnica.", "amount": "", "currency": "",
        "exchanges": "3", "projects": "1",
        "advantages": "Intercambio de experiencias.", "benefits": "Mejores ciclovías.",
        "results": "", "difficulties": "", "recommendation": "strengthen",
        # The evidence inline, with no file.
        "evidence-TOTAL_FORMS": "0", "evidence-INITIAL_FORMS": "0", "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        "progress-TOTAL_FORMS": "0", "progress-INITIAL_FORMS": "0", "progress-MIN_NUM_FORMS": "0",
        "progress-MAX_NUM_FORMS": "1000",
        **overrides,
    }


def test_evaluation_saved_through_the_admin_records_who_evaluated_and_its_history(client):
    user = factories.reviewer(username="revisora")
    client.force_login(user)
    agreement = in_force(title="Acuerdo con Montevideo")

    response = client.post(EVALUATION_ADD, evaluation_data(agreement))

    assert response.status_code == 302
    evaluation = AgreementEvaluation.objects.get()
    assert (evaluation.agreement, evaluation.semester, evaluation.evaluated_by) == (agreement, Semester(2017, 2), user)
    assert (evaluation.people_reached, evaluation.recommendation) == (150, "strengthen")
    assert [(h.history_type, h.history_user) for h in evaluation.history.all()] == [("+", user)]


def test_evaluation_form_is_prefilled_from_the_pending_lists_link(reviewer_client):
    agreement = in_force()

    response = reviewer_client.get(EVALUATION_ADD, {"agreement": agreement.pk, "year": 2017, "half": 2})

    form = response.context["adminform"].form
    assert (form.initial["agreement"], form.initial["year"], form.initial["half"]) == (str(agreement.pk), "2017", "2")
    assertContains(response, "Cifras")
    assertContains(response, "Valoración cualitativa")


def test_a_second_evaluation_of_the_same_agreement_and_semester_is_refused_in_spanish(reviewer_client):
    existing = factories.AgreementEvaluationFactory()

    response = reviewer_client.post(EVALUATION_ADD, evaluation_data(existing.agreement))

    assert response.status_code == 200
    assertContains(response, "Ese acuerdo ya tiene una evaluación para ese semestre.")
    assert AgreementEvaluation.objects.count() == 1


def test_a_draft_agreement_cannot_be_evaluated(reviewer_client):
    draft = in_force(status="draft")

    response = reviewer_client.post(EVALUATION_ADD, evaluation_data(draft))

    assertContains(response, "Elija un acuerdo publicado.")
    assert not AgreementEvaluation.objects.exists()


def test_agreement_search_of_the_evaluation_form_offers_published_agreements_only(reviewer_client):
    published = in_force(title="Acuerdo con Montevideo")
    AgreementFactory(title="Acuerdo con Montreal (borrador)")

    response = reviewer_client.get(
        reverse("admin:evaluations_published_agreement_autocomplete"),
        {"app_label": "evaluations", "model_name": "agreementevaluation", "field_name": "agreement", "term": "Acuerdo con Mont"},
    )

    assert [result["id"] for result in response.json()["results"]] == [str(published.pk)]


def test_evaluation_page_shows_the_actions_the_report_will_count(reviewer_client):
    evaluation = factories.AgreementEvaluationFactory()
    agreement = evaluation.agreement
    factories.ActionFactory(agreement=agreement, published=True, **partial_date("start_on", 2017, 8, 10))
    factories.ActionFactory(agreement=agreement, published=True, **partial_date("start_on", 2017, 12))
    factories.ActionFactory(agreement=agreement, published=True, **partial_date("start_on", 2017))  # year only
    factories.ActionFactory(agreement=agreement, published=True, **partial_date("start_on", 2017, 3))  # first half
    factories.ActionFactory(agreement=agreement, **partial_date("start_on", 2017, 9))  # a draft

    response = reviewer_client.get(reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk]))

    assertContains(response, '<div class="readonly">2</div>', html=True)
    assertContains(response, "el informe cuenta las acciones publicadas del acuerdo con fecha dentro del semestre")


# Indicators -------------------------------------------------------------------


def test_indicator_value_form_refuses_a_computed_indicator_in_spanish(reviewer_client):
    computed = Indicator.objects.exclude(computation="").first()
    data = {"indicator": computed.pk, "year": 2017, "half": 2, "value": "10", "source": "CGAI", "note": ""}

    response = reviewer_client.post(reverse("admin:reports_indicatorvalue_add"), data)

    assertContains(response, "Ese indicador se calcula de los registros publicados: su valor no se captura.")
    assert not IndicatorValue.objects.exists()


def test_indicator_value_of_an_entered_indicator_records_who_entered_it(client):
    user = factories.reviewer()
    client.force_login(user)
    entered = Indicator.objects.get(code="recursos-de-cooperacion")
    data = {"indicator": entered.pk, "year": 2017, "half": 2, "value": "1500000.50", "source": "CGAI", "note": ""}

    response = client.post(reverse("admin:reports_indicatorvalue_add"), data)

    assert response.status_code == 302
    value = IndicatorValue.objects.get()
    assert (value.indicator, value.semester, str(value.value), value.entered_by) == (
        entered, Semester(2017, 2), "1500000.50", user,
    )


def test_indicator_value_service_refuses_a_computed_indicator():
    computed = Indicator.objects.exclude(computation="").first()

    with pytest.raises(Exception, match="se calcula de los registros publicados"):
        indicator_value_save(value=IndicatorValue(indicator=computed, year=2017, half=2, value=1, source="CGAI"))
    assert not IndicatorValue.objects.exists()


def test_indicator_list_says_which_values_are_computed_and_which_entered(client):
    client.force_login(factories.administrator())

    response = client.get(reverse("admin:reports_indicator_changelist"), {"origen": "capturado"})

    assert response.status_code == 200
    shown = {indicator.code for indicator in response.context["cl"].result_list}
    assert shown == set(Indicator.objects.filter(computation="").values_list("code", flat=True))
    assert "recursos-de-cooperacion" in shown


# Reports: the lifecycle -----------------------------------------------------------


def make_report(status=ReportStatus.DRAFT, **kwargs) -> Report:
    """A report of 2017-2 built three days ago, without files (the lifecycle needs none)."""
    fields = {"year": 2017, "half": 2, "status": status, "built_at": timezone.now() - datetime.timedelta(days=3)}
    if status in (ReportStatus.DELIVERED, ReportStatus.PUBLISHED):
        fields |= {"delivered_on": timezone.localdate(), "delivery_reference": "SG/CGAI/123/2018"}
    return Report.objects.create(**{**fields, **kwargs})


def lifecycle(report, step) -> str:
    return reverse("admin:reports_report_lifecycle", args=[report.pk, step])


def deliver(report) -> str:
    return reverse("admin:reports_report_deliver", args=[report.pk])


def change(report) -> str:
    return reverse("admin:reports_report_change", args=[report.pk])


def test_each_lifecycle_button_moves_the_report_and_says_so(reviewer_client):
    report = make_report()
    today = timezone.localdate()

    steps = [
        (lifecycle(report, "aprobar"), {}, "approved", "Informe aprobado: ya puede registrarse su entrega al Congreso."),
        (lifecycle(report, "borrador"), {}, "draft", "El informe volvió a borrador."),
        (lifecycle(report, "aprobar"), {}, "approved", "Informe aprobado: ya puede registrarse su entrega al Congreso."),
        (
            deliver(report),
            {"delivered_on": today.isoformat(), "delivery_reference": "SG/CGAI/123/2018"},
            "delivered",
            "Entrega al Congreso registrada: los archivos del informe ya no cambian.",
        ),
        (lifecycle(report, "publicar"), {}, "published", "Informe publicado en el portal."),
    ]
    for url, data, status, message in steps:
        response = reviewer_client.post(url, data, follow=True)
        assert response.redirect_chain == [(change(report), 302)]
        assert [(m.level_tag, str(m)) for m in response.context["messages"]] == [("success", message)]
        report.refresh_from_db()
        assert report.status == status
    assert (report.delivered_on, report.delivery_reference) == (today, "SG/CGAI/123/2018")
    assert report.published_by.username == "revisora"


@pytest.mark.parametrize(
    ("status", "step", "message"),
    [
        ("draft", "publicar", "Sólo se publica un informe ya entregado al Congreso."),
        ("draft", "borrador", "Sólo un informe aprobado y aún no entregado vuelve a borrador."),
        ("approved", "aprobar", "Sólo se aprueba un informe en borrador."),
        ("delivered", "borrador", "Sólo un informe aprobado y aún no entregado vuelve a borrador."),
        ("published", "aprobar", "Sólo se aprueba un informe en borrador."),
    ],
)
def test_a_wrong_transition_shows_the_services_message_and_changes_nothing(reviewer_client, status, step, message):
    report = make_report(status)

    response = reviewer_client.post(lifecycle(report, step))

    assert messages_of(response) == [("error", message)]
    report.refresh_from_db()
    assert report.status == status


def test_delivering_a_draft_is_refused_with_the_services_message(reviewer_client):
    report = make_report()

    response = reviewer_client.post(
        deliver(report), {"delivered_on": timezone.localdate().isoformat(), "delivery_reference": "SG/1/2018"}
    )

    assertContains(response, "Sólo se entrega al Congreso un informe aprobado.")
    report.refresh_from_db()
    assert report.status == "draft"


def test_lifecycle_steps_are_post_only_and_need_the_csrf_token(reviewer_client):
    report = make_report()

    assert reviewer_client.get(lifecycle(report, "aprobar")).status_code == 405
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(factories.reviewer())
    assert guarded.post(lifecycle(report, "aprobar")).status_code == 403
    report.refresh_from_db()
    assert report.status == "draft"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"delivered_on": "", "delivery_reference": "SG/1/2018"}, "delivered_on", "Indique la fecha de entrega."),
        ({"delivery_reference": "   "}, "delivery_reference", "Indique el número del oficio de entrega."),
        ({"delivery_reference": ""}, "delivery_reference", "Indique el número del oficio de entrega."),
        ({"delivered_on": "2099-01-01"}, "delivered_on", "La fecha de entrega no puede estar en el futuro."),
        ({"delivered_on": "2017-01-01"}, "delivered_on", "La entrega no puede ser anterior a la generación del informe."),
    ],
    ids=["no-date", "blank-oficio", "no-oficio", "future", "before-the-build"],
)
def test_delivery_form_refuses_a_missing_oficio_or_an_impossible_date(reviewer_client, data, field, message):
    report = make_report(ReportStatus.APPROVED)
    posted = {"delivered_on": timezone.localdate().isoformat(), "delivery_reference": "SG/1/2018", **data}

    response = reviewer_client.post(deliver(report), posted)

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    report.refresh_from_db()
    assert (report.status, report.delivered_on, report.delivery_reference) == ("approved", None, "")


def test_the_build_form_explains_a_wrong_semester_and_a_correction_without_note(reviewer_client):
    make_report(ReportStatus.DELIVERED)

    wrong = reviewer_client.post(BUILD, {"semester": "2017-5", "correction_note": ""})
    no_note = reviewer_client.post(BUILD, {"semester": "2017-2", "correction_note": ""})

    assert wrong.context["form"].errors == {
        "semester": [
            "«2017-5» no es un semestre: escriba el año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."
        ]
    }
    assert no_note.context["form"].errors == {
        "correction_note": [
            (
                "El informe de 2017-2 ya se entregó al Congreso y no cambia: para corregirlo, genere una nueva "
                "versión y diga qué corrige."
            )
        ]
    }
    assert Report.objects.count() == 1


def test_building_through_the_admin_makes_a_draft_with_its_files_to_download(reviewer_client, media_root, mailoutbox):
    in_force(title="Acuerdo con Montevideo")

    response = reviewer_client.post(BUILD, {"semester": "2017-2", "correction_note": ""})

    # The button queues the build; here tasks run at once (a worker runs them in
    # production: tests/background/test_worker_processes.py).
    report, build = Report.objects.get(), ReportBuild.objects.get()
    assert (report.semester, report.version, report.status, report.built_by.username) == (
        Semester(2017, 2), 1, "draft", "revisora",
    )
    assert (build.semester, build.status, build.report, build.requested_by.username, build.attempts, build.error) == (
        Semester(2017, 2), "done", report, "revisora", 1, "",
    )
    assert response.url == reverse("admin:reports_reportbuild_change", args=[build.pk])
    assert messages_of(response) == [(
        "success",
        "Generación del informe 2017-2 en cola: la página de la generación dice cómo va, y recibirá un correo "
        "cuando esté lista.",
    )]
    assert sorted(report.files.values_list("format", flat=True)) == sorted(FileFormat.values)
    build_page = reviewer_client.get(response.url)
    assertContains(build_page, f'El informe está generado. <a href="{change(report)}">Informe 2017-2, versión 1</a>', html=True)
    assertNotContains(build_page, 'http-equiv="refresh"')
    [email] = mailoutbox
    assert (email.to, email.subject) == (["revisora@cdmx.gob.mx"], "Informe generado: Informe 2017-2, versión 1")
    assert f"http://127.0.0.1:8000{change(report)}" in email.body

    page = reviewer_client.get(change(report))
    pdf = report.files.get(format="pdf")
    download = reverse("admin:reports_report_file", args=[report.pk, "pdf"])
    assertContains(page, pdf.sha256)
    assertContains(page, f'href="{download}"')
    assertContains(page, f'action="{lifecycle(report, "aprobar")}"')

    response = reviewer_client.get(download)
    body = b"".join(response.streaming_content)
    assert response["Content-Disposition"] == 'attachment; filename="informe-2017-2-v1.pdf"'
    assert hashlib.sha256(body).hexdigest() == pdf.sha256
    assert body.startswith(b"%PDF")


def test_report_page_lists_the_files_with_size_and_sha256(reviewer_client, media_root):
    report = make_report(ReportStatus.DELIVERED)
    content = b'{"informe": "2017-2"}'
    report_file = ReportFile(report=report, format="json", sha256=hashlib.sha256(content).hexdigest(), size=len(content))
    report_file.file.save("informe-2017-2-v1.json", ContentFile(content))

    response = reviewer_client.get(change(report))

    assertContains(
        response,
        f"""<tr><th scope="row">JSON</th><td>21\xa0bytes</td><td><code>{report_file.sha256}</code></td>
        <td><a href="{reverse("admin:reports_report_file", args=[report.pk, "json"])}" download>informe-2017-2-v1.json</a></td></tr>""",
        html=True,
    )
    assertNotContains(response, 'name="_save"')  # the report itself is never edited by hand
    assertContains(response, f'action="{lifecycle(report, "publicar")}"')
    assertNotContains(response, f'action="{lifecycle(report, "aprobar")}"')


def test_reports_are_neither_added_nor_deleted_through_the_admin(reviewer_client):
    report = make_report()

    assert reviewer_client.get(reverse("admin:reports_report_add")).status_code == 403
    assert reviewer_client.post(reverse("admin:reports_report_delete", args=[report.pk]), {"post": "yes"}).status_code == 403
    assert Report.objects.filter(pk=report.pk).exists()


# Who may do what --------------------------------------------------------------


def test_a_liaison_gets_forbidden_on_the_report_admin(client):
    client.force_login(factories.liaison())
    report = make_report()

    for url in (REPORTS, change(report), BUILD, reverse("admin:reports_report_file", args=[report.pk, "pdf"])):
        assert client.get(url).status_code == 403, url
    assert client.post(lifecycle(report, "aprobar")).status_code == 403
    report.refresh_from_db()
    assert report.status == "draft"


def test_roles_for_the_report():
    # A liaison drafts and submits its body's evaluations, and nothing of the report itself.
    assert not [perm for perm in LIAISON.permissions if perm.startswith("reports.")]
    assert sorted(perm for perm in LIAISON.permissions if perm.startswith("evaluations.")) == [
        "evaluations.add_agreementevaluation", "evaluations.add_commitmentprogress",
        "evaluations.add_evaluationevidence", "evaluations.change_agreementevaluation",
        "evaluations.change_commitmentprogress", "evaluations.change_evaluationevidence",
        "evaluations.delete_commitmentprogress", "evaluations.delete_evaluationevidence",
        "evaluations.view_agreementevaluation", "evaluations.view_commitmentprogress",
        "evaluations.view_evaluationevidence",
    ]
    assert {
        "evaluations.add_agreementevaluation", "evaluations.change_agreementevaluation",
        "reports.add_indicatorvalue", "reports.view_congressevaluation",
        "reports.view_report", "reports.change_report",
    } <= set(REVIEWER.permissions)
    # CGAI reads the Congress's evaluation; only the Congress enters it.
    assert not {"reports.add_congressevaluation", "reports.change_congressevaluation"} & set(REVIEWER.permissions)
    # Nothing of the report is deleted; of an evaluation, only a draft's evidence and progress rows.
    assert not any(perm.startswith("reports.delete_") or perm == "reports.add_report" for perm in REVIEWER.permissions)
    assert {perm for perm in REVIEWER.permissions if perm.startswith("evaluations.delete_")} == {
        "evaluations.delete_evaluationevidence", "evaluations.delete_commitmentprogress",
    }


def test_an_administrator_keeps_the_indicators_but_not_the_reports(client):
    client.force_login(factories.administrator())

    assert client.get(reverse("admin:reports_indicator_add")).status_code == 200
    assert client.get(REPORTS).status_code == 403
    assert client.get(reverse("admin:evaluations_agreementevaluation_changelist")).status_code == 403


# The deadline digest ----------------------------------------------------------


def test_digest_lists_the_agreements_lacking_evaluation_for_the_current_semester(semester_agreements):
    today = datetime.date(2017, 11, 23)

    def section(user):
        digest = collect_deadlines(user=user, today=today)
        return next(part for part in digest if part.section.key == "reports.evaluations_missing")

    full = section(None)
    assert str(full.section.title) == "Acuerdos vigentes sin evaluación del semestre en curso"
    assert [(str(i.record), i.body_label, str(i.date), i.remaining) for i in full.items] == [
        ("Acuerdo con Montevideo", "SEMOVI", "31 de diciembre de 2017", "faltan 38 días"),
        ("Acuerdo con Quito", "SEMOVI", "31 de diciembre de 2017", "faltan 38 días"),
    ]
    assert full.items[0].admin_url == evaluate_url(semester_agreements["montevideo"]).replace("&amp;", "&")
    assert [i.record for i in section(factories.reviewer()).items] == [
        semester_agreements["montevideo"], semester_agreements["quito"],
    ]
    # A liaison is told of its own body's agreements (both are SEMOVI's); another body's, of none.
    assert [i.record for i in section(factories.liaison(semester_agreements["montevideo"].body)).items] == [
        semester_agreements["montevideo"], semester_agreements["quito"],
    ]
    assert section(factories.liaison()).items == []


def test_admin_index_links_each_agreement_lacking_evaluation_to_its_form(reviewer_client):
    agreement = in_force(title="Acuerdo con Montevideo")  # in force since 2017 with no end: in force today
    current = Semester.containing(timezone.localdate())

    response = reviewer_client.get(reverse("admin:index"))

    assertContains(response, f'<a href="{evaluate_url(agreement, current.year, current.half)}">Acuerdo con Montevideo</a>')


def test_report_page_shows_the_summary_figures_as_built(reviewer_client):
    report = make_report(content={"tables": {"summary": {"rows": [
        {"key": "guests", "label": "Visitas recibidas", "value": 3, "previous": 1, "change": 2},
    ]}}})

    response = reviewer_client.get(change(report))

    assertContains(response, '<tr><th scope="row">Visitas recibidas</th><td>3</td><td>1</td></tr>', html=True)
