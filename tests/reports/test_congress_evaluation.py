"""The Congress's evaluation, entered by the Congress (issue 21, item 3): a
draft shared by the Congress's accounts, overall and per agreement of a
delivered report, submitted with its act, corrected by a new entry; CGAI told
by email; and every refusal, each tested: a Congress account does nothing
else, and nobody else enters the Congress's evaluation."""

import datetime
import hashlib
import html
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from reports.congress import (
    congress_correction_start,
    congress_draft_save,
    congress_submit,
    current_congress_evaluations,
)
from evaluations.services import evaluation_submit
from reports.models import CongressAgreementEvaluation, CongressEvaluation, Report, ReportFile, ReportStatus
from evaluations.models import AgreementEvaluation, Recommendation
from staff.roles import CONGRESS

from tests.support import factories

pytestmark = pytest.mark.django_db

ADD = reverse("admin:reports_congressevaluation_add")
LIST = reverse("admin:reports_congressevaluation_changelist")
REPORTS = reverse("admin:reports_report_changelist")
ACT_DATE = datetime.date(2018, 3, 20)


def change(evaluation) -> str:
    return reverse("admin:reports_congressevaluation_change", args=[evaluation.pk])


def step(evaluation, name: str) -> str:
    return reverse("admin:reports_congressevaluation_step", args=[evaluation.pk, name])


def report_change(report) -> str:
    return reverse("admin:reports_report_change", args=[report.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def listing(*agreements) -> dict:
    """A report's content listing ``agreements``, as a build writes it (only the codes matter here)."""
    return {"tables": {"agreements": {"rows": [{"code": a.code, "title": a.title} for a in agreements]}}}


def make_report(year, half, status, content, **kwargs) -> Report:
    fields = {"year": year, "half": half, "status": status, "content": content, "built_at": timezone.now()}
    if status in (ReportStatus.DELIVERED, ReportStatus.PUBLISHED):
        fields |= {"delivered_on": datetime.date(2018, 1, 15), "delivery_reference": "SG/CGAI/0042/2018"}
    return Report.objects.create(**{**fields, **kwargs})


@pytest.fixture
def world(settings):
    settings.CONGRESS_COMMISSION_NAME = "Comisión de Asuntos Internacionales"
    settings.SITE_URL = "https://global.cdmx.gob.mx"
    lyon = factories.AgreementFactory(published=True, code="lyon-2016", title="Convenio con Lyon")
    quito = factories.AgreementFactory(published=True, code="quito-2017", title="Acuerdo con Quito")
    outside = factories.AgreementFactory(published=True, code="fuera-2015", title="Acuerdo fuera del informe")
    return {
        "lyon": lyon, "quito": quito, "outside": outside,
        "delivered": make_report(2017, 2, ReportStatus.DELIVERED, listing(lyon, quito)),
        # Reports the Congress has not received: a draft and an approved one, both listing Lyon.
        "draft": make_report(2018, 1, ReportStatus.DRAFT, listing(lyon)),
        "approved": make_report(2017, 1, ReportStatus.APPROVED, listing(lyon)),
        "congress": factories.congress(username="congreso1", email="uno@congresocdmx.gob.mx"),
        "other_congress": factories.congress(username="congreso2", email="dos@congresocdmx.gob.mx"),
        "reviewer": factories.reviewer(username="revisora", email="revisora@cgai.cdmx.gob.mx"),
        "liaison": factories.liaison(username="enlace", email="enlace@semovi.cdmx.gob.mx"),
    }


def entries_data(*entries, initial=0) -> dict:
    """The entries inline: ``entries`` are dicts of the fields of each form (``id`` for one kept)."""
    data = {
        "entries-TOTAL_FORMS": str(len(entries)), "entries-INITIAL_FORMS": str(initial),
        "entries-MIN_NUM_FORMS": "0", "entries-MAX_NUM_FORMS": "1000",
    }
    for number, entry in enumerate(entries):
        for field in ("id", "agreement", "score", "recommendation", "assessment", "observations"):
            data[f"entries-{number}-{field}"] = entry.get(field, "")
        if entry.get("DELETE"):
            data[f"entries-{number}-DELETE"] = "on"
    return data


def form_data(report, *entries, initial=0, **overrides) -> dict:
    return {
        "report": report.pk, "score": "8.5", "assessment": "El informe cumple con el artículo 20.",
        "observations": "Pide detallar los recursos.", **entries_data(*entries, initial=initial), **overrides,
    }


def lyon_entry(world, **overrides) -> dict:
    return {
        "agreement": world["lyon"].pk, "score": "9.0", "recommendation": Recommendation.STRENGTHEN,
        "assessment": "Recomienda fortalecer el acuerdo.", **overrides,
    }


def entries_of(evaluation) -> list[tuple]:
    return [
        (entry.agreement.code, entry.score, entry.recommendation, entry.assessment)
        for entry in evaluation.entries.select_related("agreement").order_by("agreement__code")
    ]


def draft(world, user=None, **fields) -> CongressEvaluation:
    """The Congress's draft of the delivered report, with Lyon's entry, through the service."""
    evaluation = CongressEvaluation(
        report=world["delivered"], score=Decimal("8.5"), assessment="El informe cumple con el artículo 20.", **fields
    )
    entry = CongressAgreementEvaluation(
        agreement=world["lyon"], score=Decimal("9.0"), recommendation=Recommendation.STRENGTHEN,
        assessment="Recomienda fortalecer el acuerdo.",
    )
    return congress_draft_save(evaluation=evaluation, user=user or world["congress"], entries=[entry])


def submitted(world, act_number="CCDMX/CAI/007/2018") -> CongressEvaluation:
    return congress_submit(
        evaluation=draft(world), user=world["congress"], act_number=act_number, act_date=ACT_DATE
    )


def steps(evaluation) -> list[tuple]:
    return [
        (entry.status, entry.version, entry.history_user.username if entry.history_user else None,
         entry.history_change_reason)
        for entry in evaluation.history.order_by("history_date", "history_id")
    ]


# The cycle through the admin ----------------------------------------------------------------------


def test_the_congress_records_and_submits_its_evaluation_and_cgai_is_told(client, world):
    report, lyon, quito = world["delivered"], world["lyon"], world["quito"]
    client.force_login(world["congress"])

    page = client.get(ADD, {"report": report.pk})
    # The report is the one it came from; the agreements, the ones that report lists.
    assert list(page.context["adminform"].form.fields["report"].queryset) == [report]
    [entries] = page.context["inline_admin_formsets"]
    assert list(entries.formset.forms[0].fields["agreement"].queryset) == [quito, lyon]

    response = client.post(f"{ADD}?report={report.pk}", form_data(report, lyon_entry(world)))

    evaluation = CongressEvaluation.objects.get()
    assert response.status_code == 302 and response.url == change(evaluation)
    assert (evaluation.status, evaluation.version, evaluation.created_by, evaluation.score) == (
        "draft", 1, world["congress"], Decimal("8.5")
    )
    assert entries_of(evaluation) == [("lyon-2016", Decimal("9.0"), "strengthen", "Recomienda fortalecer el acuerdo.")]
    lyon_pk = evaluation.entries.get().pk

    # The other Congress account goes on with the same draft: adds Quito, keeps Lyon's entry.
    client.force_login(world["other_congress"])
    client.post(change(evaluation), form_data(
        report, lyon_entry(world, id=lyon_pk, evaluation=evaluation.pk),
        {"agreement": quito.pk, "score": "6.0", "recommendation": Recommendation.REORIENT,
         "assessment": "Reorientar hacia la movilidad."},
        initial=1, seen_version="1",
    ))
    evaluation.refresh_from_db()
    assert evaluation.version == 2
    assert entries_of(evaluation) == [
        ("lyon-2016", Decimal("9.0"), "strengthen", "Recomienda fortalecer el acuerdo."),
        ("quito-2017", Decimal("6.0"), "reorient", "Reorientar hacia la movilidad."),
    ]
    assert evaluation.entries.get(agreement=lyon).pk == lyon_pk  # updated in place, its history goes on

    page = client.get(change(evaluation))
    assert f'action="{step(evaluation, "enviar")}"' in page.text and "Enviar a la CGAI" in page.text
    response = client.post(
        step(evaluation, "enviar"), {"act_number": " CCDMX/CAI/007/2018 ", "act_date": "20/03/2018", "seen_version": "2"}
    )

    assert response.status_code == 302 and response.url == change(evaluation)
    assert messages_of(response) == ["Evaluación enviada a la CGAI con el acuerdo CCDMX/CAI/007/2018."]
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.act_number, evaluation.act_date, evaluation.submitted_by) == (
        "submitted", "CCDMX/CAI/007/2018", ACT_DATE, world["other_congress"]
    )
    assert list(current_congress_evaluations(report)) == [evaluation]
    assert steps(evaluation) == [
        ("draft", 1, "congreso1", "Borrador creado"),
        ("draft", 2, "congreso2", "Borrador modificado"),
        ("submitted", 3, "congreso2", "Enviada por el Congreso (acuerdo CCDMX/CAI/007/2018)"),
    ]
    [notice] = mail.outbox
    assert (notice.to, notice.subject) == (
        ["revisora@cgai.cdmx.gob.mx"], "El Congreso envió su evaluación: Informe 2017-2, versión 1"
    )
    assert notice.body == (
        "Comisión de Asuntos Internacionales envió su evaluación del Informe 2017-2, versión 1, aprobada por el "
        "acuerdo CCDMX/CAI/007/2018 del 20/03/2018.\n\nAcuerdos evaluados uno por uno: 2.\n\nLa evaluación:\n"
        f"https://global.cdmx.gob.mx/admin/reports/congressevaluation/{evaluation.pk}/change/\n"
    )


def test_two_congress_accounts_editing_the_same_draft_cannot_overwrite_each_other(client, world):
    evaluation = draft(world)
    client.force_login(world["congress"])
    # The form carries the version it was opened on, as the browser posts it back.
    assert '<input type="hidden" name="seen_version" value="1" id="id_seen_version">' in client.get(change(evaluation)).text
    client.post(change(evaluation), form_data(world["delivered"], seen_version="1", assessment="Suficiente."))

    client.force_login(world["other_congress"])
    stale = client.post(change(evaluation), form_data(world["delivered"], seen_version="1", assessment="Insuficiente."))

    assert stale.status_code == 200
    assert "congreso1 guardó este registro mientras usted lo editaba" in stale.text
    evaluation.refresh_from_db()
    assert (evaluation.assessment, evaluation.version) == ("Suficiente.", 2)


def test_a_link_to_evaluate_a_report_with_a_draft_opens_the_draft(client, world):
    evaluation = draft(world)
    client.force_login(world["other_congress"])

    response = client.get(ADD, {"report": world["delivered"].pk})

    assert response.status_code == 302 and response.url == change(evaluation)


def test_a_second_draft_for_the_same_report_is_refused_and_nothing_is_saved(client, world):
    evaluation = draft(world)
    client.force_login(world["other_congress"])

    response = client.post(ADD, form_data(world["delivered"]))

    assert response.status_code == 200
    assert "Ya hay un borrador del Congreso para ese informe: continúe ése." in html.unescape(response.text)
    assert list(CongressEvaluation.objects.all()) == [evaluation]


# What a Congress account sees ---------------------------------------------------------------------


def test_the_congress_sees_delivered_reports_only_read_only_with_their_files(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    published = make_report(2016, 2, ReportStatus.PUBLISHED, listing(world["lyon"]))
    content = b'{"informe": "2017-2"}'
    for report in (world["delivered"], world["draft"]):
        report_file = ReportFile(report=report, format="json", sha256=hashlib.sha256(content).hexdigest(), size=len(content))
        report_file.file.save(f"informe-{report.semester.label}-v1.json", ContentFile(content))
    client.force_login(world["congress"])

    listed = client.get(REPORTS)
    page = client.get(report_change(world["delivered"]))
    download = client.get(reverse("admin:reports_report_file", args=[world["delivered"].pk, "json"]))

    assert list(listed.context["cl"].result_list) == [world["delivered"], published]
    assert "Acuerdos sin evaluación" not in listed.text and "Generaciones en cola" not in listed.text
    assert page.status_code == 200
    # Read-only, no lifecycle button, no builds; the link to record its evaluation.
    for absent in ('name="year"', "Ciclo del informe", "Publicar", "Generaciones de este semestre", "Acuerdos sin evaluación"):
        assert absent not in page.text, absent
    assert f'href="{ADD}?report={world["delivered"].pk}"' in page.text
    assert b"".join(download.streaming_content) == content
    # The reports not delivered do not exist for it, nor their files.
    for report in (world["draft"], world["approved"]):
        assert client.get(report_change(report)).status_code == 404
        assert client.get(reverse("admin:reports_report_file", args=[report.pk, "json"])).status_code == 404
        assert client.get(reverse("admin:reports_report_history", args=[report.pk])).status_code == 404


def test_the_congress_cannot_change_a_reports_lifecycle(client, world):
    client.force_login(world["congress"])
    report, approved = world["delivered"], world["approved"]

    assert client.post(reverse("admin:reports_report_lifecycle", args=[report.pk, "publicar"])).status_code == 403
    assert client.post(reverse("admin:reports_report_lifecycle", args=[approved.pk, "borrador"])).status_code == 403
    assert client.post(
        reverse("admin:reports_report_deliver", args=[approved.pk]),
        {"delivered_on": "15/01/2018", "delivery_reference": "X"},
    ).status_code == 403
    assert client.post(reverse("admin:reports_report_build"), {"semester": "2017-2"}).status_code == 403
    report.refresh_from_db(), approved.refresh_from_db()
    assert (report.status, approved.status) == ("delivered", "approved")


def test_the_admin_index_of_a_congress_account_shows_its_reports_and_evaluations_only(client, world):
    client.force_login(world["congress"])

    response = client.get(reverse("admin:index"))

    assert [(str(app["name"]), [str(m["name"]) for m in app["models"]]) for app in response.context["app_list"]] == [
        ("Informes semestrales", ["Evaluaciones del Congreso", "Informes semestrales"]),
    ]


ADMIN_ADDS = [
    "admin:agreements_agreement_add", "admin:agreements_action_add", "admin:cdmx_global_counterpart_add",
    "admin:events_event_add", "admin:events_visit_add", "admin:events_award_add", "admin:networks_network_add",
    "admin:networks_membership_add", "admin:cdmx_global_governmentbody_add", "admin:cdmx_global_theme_add",
    "admin:evaluations_agreementevaluation_add", "admin:reports_indicatorvalue_add", "admin:reports_indicator_add",
    "admin:auth_user_add",
]


@pytest.mark.parametrize("url_name", ADMIN_ADDS)
def test_a_congress_account_cannot_add_any_record(client, world, url_name):
    client.force_login(world["congress"])

    assert client.get(reverse(url_name)).status_code == 403
    assert client.post(reverse(url_name), {"title": "Borrador del Congreso"}).status_code == 403


def test_a_congress_account_cannot_see_or_change_records_nor_the_governments_evaluation(client, world):
    agreement = world["lyon"]
    evaluation = factories.AgreementEvaluationFactory(agreement=agreement, status="draft")
    client.force_login(world["congress"])

    # A record outside one's scope is not found (the records' admin answers so for every page of it).
    assert client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).status_code == 404
    assert client.post(
        reverse("admin:agreements_agreement_change", args=[agreement.pk]), {"title": "Cambiado por el Congreso"}
    ).status_code == 404
    for url in (
        reverse("admin:agreements_agreement_changelist"),
        reverse("admin:evaluations_agreementevaluation_changelist"),
        reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk]),
        reverse("admin:evaluations_agreementevaluation_pending"),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(
        reverse("admin:evaluations_agreementevaluation_step", args=[evaluation.pk, "enviar"]), {"seen_version": "1"}
    ).status_code == 404
    with pytest.raises(PermissionDenied):
        evaluation_submit(evaluation=evaluation, user=world["congress"])
    agreement.refresh_from_db(), evaluation.refresh_from_db()
    assert (agreement.title, evaluation.status) == ("Convenio con Lyon", "draft")
    assert AgreementEvaluation.objects.count() == 1


def test_the_congress_role_has_its_own_permissions_and_nothing_else():
    assert sorted(CONGRESS.permissions) == [
        "reports.add_congressagreementevaluation", "reports.add_congressevaluation",
        "reports.change_congressagreementevaluation", "reports.change_congressevaluation",
        "reports.delete_congressagreementevaluation", "reports.view_congressagreementevaluation",
        "reports.view_congressevaluation", "reports.view_report",
    ]


# Refusals -------------------------------------------------------------------------------------------


def test_a_submitted_evaluation_is_never_edited_in_the_admin_nor_through_the_service(client, world):
    evaluation = submitted(world)
    client.force_login(world["congress"])

    page = client.get(change(evaluation))
    refused = client.post(change(evaluation), form_data(world["delivered"], assessment="Cambiada.", seen_version="3"))

    assert page.status_code == 200
    for absent in (
        'name="assessment"', 'name="score"', 'name="entries-0-assessment"', 'name="entries-0-DELETE"', "Enviar a la CGAI",
        'class="deletelink"',
    ):
        assert absent not in page.text, absent
    assert "El informe cumple con el artículo 20." in page.text and "Registrar una corrección" in page.text
    assert refused.status_code == 403
    assert client.post(reverse("admin:reports_congressevaluation_delete", args=[evaluation.pk]), {"post": "yes"}).status_code == 403
    evaluation.assessment = "Cambiada por el servicio."
    with pytest.raises(
        ValidationError, match="Esta evaluación ya se envió y no cambia: para corregirla, registre una corrección."
    ):
        congress_draft_save(evaluation=evaluation, user=world["congress"])
    evaluation.refresh_from_db()
    assert (evaluation.assessment, evaluation.version, evaluation.history.count()) == (
        "El informe cumple con el artículo 20.", 2, 2
    )


def test_a_second_submission_of_the_same_draft_is_refused_and_nothing_is_saved(client, world):
    evaluation = submitted(world)
    client.force_login(world["other_congress"])

    response = client.post(step(evaluation, "enviar"), {"act_number": "CCDMX/CAI/099/2018", "act_date": "21/03/2018"})

    assert response.status_code == 200
    assert "Esta evaluación ya se envió: no se envía dos veces." in html.unescape(response.text)
    with pytest.raises(ValidationError, match="Esta evaluación ya se envió: no se envía dos veces."):
        congress_submit(evaluation=evaluation, user=world["congress"], act_number="X", act_date=ACT_DATE)
    evaluation.refresh_from_db()
    assert (evaluation.act_number, evaluation.act_date, evaluation.submitted_by, evaluation.version) == (
        "CCDMX/CAI/007/2018", ACT_DATE, world["congress"], 2
    )
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("report_name", ["draft", "approved"])
def test_an_evaluation_of_an_undelivered_report_is_refused_and_nothing_is_saved(client, world, report_name):
    report = world[report_name]
    client.force_login(world["congress"])

    response = client.post(ADD, form_data(report))

    assert response.status_code == 200
    assert "El Congreso evalúa un informe ya entregado; elija uno de la lista." in html.unescape(response.text)
    assert report not in response.context["adminform"].form.fields["report"].queryset
    with pytest.raises(
        ValidationError, match="El Congreso evalúa un informe ya entregado; este informe aún no se entrega."
    ):
        congress_draft_save(evaluation=CongressEvaluation(report=report, assessment="Prematura."), user=world["congress"])
    assert CongressEvaluation.objects.count() == 0


def test_an_entry_for_an_agreement_the_report_does_not_list_is_refused_and_nothing_is_saved(client, world):
    report, outside = world["delivered"], world["outside"]
    evaluation = draft(world)
    client.force_login(world["congress"])

    response = client.post(change(evaluation), form_data(
        report, lyon_entry(world, agreement=outside.pk), seen_version="1",
    ))

    assert response.status_code == 200
    assert "Elija un acuerdo de los que lista este informe." in response.text
    with pytest.raises(ValidationError, match="«Acuerdo fuera del informe» no está en este informe."):
        congress_draft_save(
            evaluation=evaluation, user=world["congress"],
            entries=[CongressAgreementEvaluation(agreement=outside, assessment="Fuera.")],
        )
    evaluation.refresh_from_db()
    assert evaluation.version == 1
    assert entries_of(evaluation) == [("lyon-2016", Decimal("9.0"), "strengthen", "Recomienda fortalecer el acuerdo.")]


@pytest.mark.parametrize("role", ["reviewer", "liaison"])
def test_cgai_and_liaisons_neither_add_nor_change_a_congress_evaluation(client, world, role):
    user, evaluation = world[role], draft(world)
    client.force_login(user)

    assert client.get(ADD).status_code == 403
    assert client.post(ADD, form_data(world["delivered"])).status_code == 403
    assert client.post(change(evaluation), form_data(world["delivered"], assessment="CGAI.", seen_version="1")).status_code == 403
    assert client.post(step(evaluation, "enviar"), {"act_number": "X", "act_date": "20/03/2018"}).status_code == 403
    message = "Sólo las cuentas del Congreso registran la evaluación del Congreso."
    with pytest.raises(PermissionDenied, match=message):
        congress_draft_save(evaluation=evaluation, user=user)
    with pytest.raises(PermissionDenied, match=message):
        congress_submit(evaluation=evaluation, user=user, act_number="X", act_date=ACT_DATE)
    with pytest.raises(PermissionDenied, match=message):
        congress_correction_start(corrects=evaluation, user=user, note="Algo.")
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.version, evaluation.assessment) == (
        "draft", 1, "El informe cumple con el artículo 20."
    )


def test_cgai_reads_the_congress_evaluations_read_only(client, world):
    evaluation = draft(world)
    client.force_login(world["reviewer"])

    listed = client.get(LIST)
    page = client.get(change(evaluation))

    assert list(listed.context["cl"].result_list) == [evaluation]
    assert page.status_code == 200
    assert "El informe cumple con el artículo 20." in page.text
    for absent in ('name="assessment"', "Enviar a la CGAI", 'name="entries-0-assessment"'):
        assert absent not in page.text, absent


@pytest.mark.parametrize(
    ("act_date", "message"),
    [
        (lambda: timezone.localdate() + datetime.timedelta(days=1), "La fecha del acuerdo no puede estar en el futuro."),
        (lambda: datetime.date(2018, 1, 14), "El acuerdo no puede ser anterior a la entrega del informe al Congreso."),
    ],
    ids=["future", "before-delivery"],
)
def test_an_act_date_in_the_future_or_before_delivery_is_refused(client, world, act_date, message):
    evaluation = draft(world)
    client.force_login(world["congress"])

    response = client.post(
        step(evaluation, "enviar"),
        {"act_number": "CCDMX/CAI/007/2018", "act_date": act_date().strftime("%d/%m/%Y"), "seen_version": "1"},
    )

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.act_number, evaluation.act_date, len(mail.outbox)) == ("draft", "", None, 0)


def test_an_act_without_number_or_date_is_refused_on_the_form(client, world):
    evaluation = draft(world)
    client.force_login(world["congress"])

    response = client.post(step(evaluation, "enviar"), {"act_number": " ", "act_date": "", "seen_version": "1"})

    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Indique el número del acuerdo del Congreso que aprobó la evaluación." in text
    assert "Indique la fecha del acuerdo del Congreso." in text
    evaluation.refresh_from_db()
    assert evaluation.status == "draft"


# Corrections ----------------------------------------------------------------------------------------


def test_a_correction_without_what_it_corrects_is_refused(client, world):
    original = submitted(world)
    client.force_login(world["congress"])

    response = client.post(step(original, "corregir"), {"correction_note": "  "})

    assert response.status_code == 200
    assert "Diga qué corrige esta corrección." in html.unescape(response.text)
    with pytest.raises(ValidationError, match="Diga qué corrige esta corrección."):
        congress_correction_start(corrects=original, user=world["congress"], note=" ")
    assert list(CongressEvaluation.objects.all()) == [original]


def test_a_correction_names_the_original_both_stay_and_the_correction_is_current(client, world):
    original = submitted(world)
    client.force_login(world["other_congress"])

    response = client.post(step(original, "corregir"), {"correction_note": "La calificación de Lyon era 8.0."})

    correction = CongressEvaluation.objects.exclude(pk=original.pk).get()
    assert response.status_code == 302 and response.url == change(correction)
    assert (correction.status, correction.corrects, correction.correction_note, correction.created_by) == (
        "draft", original, "La calificación de Lyon era 8.0.", world["other_congress"]
    )
    assert entries_of(correction) == entries_of(original)
    # While the correction is a draft, the original is the current one.
    assert list(current_congress_evaluations(world["delivered"])) == [original]
    page = client.get(change(correction))
    assert "Corrige a Evaluación del Congreso de Informe 2017-2, versión 1 (acuerdo CCDMX/CAI/007/2018)" in page.text
    lyon_id = correction.entries.get().pk
    client.post(change(correction), form_data(
        world["delivered"], lyon_entry(world, id=lyon_id, evaluation=correction.pk, score="8.0"), initial=1,
        correction_note="La calificación de Lyon era 8.0.", seen_version="1",
    ))
    client.post(step(correction, "enviar"), {"act_number": "CCDMX/CAI/011/2018", "act_date": "27/03/2018", "seen_version": "2"})

    correction.refresh_from_db(), original.refresh_from_db()
    assert correction.status == "submitted" and original.status == "submitted"
    assert entries_of(correction) == [("lyon-2016", Decimal("8.0"), "strengthen", "Recomienda fortalecer el acuerdo.")]
    assert entries_of(original) == [("lyon-2016", Decimal("9.0"), "strengthen", "Recomienda fortalecer el acuerdo.")]
    assert list(CongressEvaluation.objects.submitted().order_by("pk")) == [original, correction]
    assert list(current_congress_evaluations(world["delivered"])) == [correction]
    assert mail.outbox[-1].body.startswith(
        "Comisión de Asuntos Internacionales envió una corrección de su evaluación (La calificación de Lyon era 8.0.) "
        "del Informe 2017-2, versión 1, aprobada por el acuerdo CCDMX/CAI/011/2018 del 27/03/2018."
    )
    # The original is corrected once: no second correction of it.
    assert "Registrar una corrección" not in client.get(change(original)).text
    with pytest.raises(ValidationError, match="Esa evaluación ya tiene una corrección: corrija la más reciente."):
        congress_correction_start(corrects=original, user=world["congress"], note="Otra.")
