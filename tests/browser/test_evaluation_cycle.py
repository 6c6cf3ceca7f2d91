"""Article 20's evaluation, the whole cycle in a real browser with real
accounts: the liaison of the agreement's body drafts the government's
evaluation with an evidence PDF and submits it; a CGAI reviewer returns it
with observations; the liaison corrects and resubmits; the reviewer approves
it, builds the semester's report, delivers and publishes it; a Congress
account records and submits the Congress's evaluation with its act. Then the
agreement's page, the report's page and the API show both evaluations; at
every step before, the public saw nothing of the drafts."""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from agreements.models import Agreement
from evaluations.placing import place_agreement
from evaluations.periods import Semester
from tests.support import factories
from tests.support.documents import pdf_bytes

PASSWORD = "contraseña-de-prueba"  # what UserFactory gives every user
SEMESTER = Semester(2017, 2)
FIRST_DRAFT = "VENTAJA-DEL-PRIMER-BORRADOR"
APPROVED = "Intercambio técnico con la contraparte sobre movilidad."
CONGRESS_DRAFT = "EVALUACION-DEL-CONGRESO-EN-BORRADOR"
CONGRESS_TEXT = "El Congreso reconoce el avance del acuerdo."


@pytest.fixture(scope="module")
def cycle(live_site, django_db_blocker, tmp_path_factory):
    """A book agreement evaluated for 2017-2 (the book gives no validity: evaluable, signed by then) with one commitment, and the four accounts, committed for the live server."""
    media = tmp_path_factory.mktemp("media")
    evidence = tmp_path_factory.mktemp("evidence") / "informe-de-actividades.pdf"
    evidence.write_bytes(pdf_bytes())
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers), django_db_blocker.unblock():
        agreement = next(
            a for a in Agreement.objects.published().select_related("body").order_by("pk")
            if a.body_id and a.code and place_agreement(a, SEMESTER).evaluable
        )
        commitment = factories.CommitmentFactory(
            agreement=agreement, order=1, objective="Capacitar a personal de la Ciudad",
            indicator="Personas capacitadas", unit="personas", baseline=Decimal("0"), target=Decimal("40"),
        )
        people = {
            "liaison": factories.liaison(body=agreement.body, username="enlace.ciclo", email="enlace@ciclo.mx"),
            "reviewer": factories.reviewer(username="revision.ciclo", email="revision@ciclo.mx"),
            "congress": factories.congress(username="congreso.ciclo", email="comision@congreso.mx"),
        }
        yield {"agreement": agreement, "commitment": commitment, "evidence": evidence, **people}


@pytest.fixture
def sign_in(browser, live_site):
    """A browser context per account, each logged in through the admin's form."""
    contexts, errors = [], []

    def open_as(username):
        context = browser.new_context(locale="es-MX", base_url=live_site.url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto("/admin/login/")
        page.get_by_label("Nombre de usuario").fill(username)
        page.get_by_label("Contraseña").fill(PASSWORD)
        page.locator("input[type=submit]").click()
        expect(page.locator("#user-tools")).to_be_visible()
        return page

    yield open_as
    for context in contexts:
        context.close()
    assert errors == [], "Una página del ciclo registró errores en la consola"


def public_sees(page, agreement, *texts) -> dict:
    """What the public sees of ``texts`` on the agreement's page and in the evaluations' API."""
    page.goto(agreement.get_absolute_url())
    html = page.content()
    api = page.request.get(f"/api/v1/evaluations/?agreement={agreement.code}").text()
    congress = page.request.get(f"/api/v1/congress-evaluations/?agreement={agreement.code}").text()
    return {text: (text in html) or (text in api) or (text in congress) for text in texts}


def test_the_whole_evaluation_cycle(page, sign_in, cycle, assert_accessible):
    agreement = cycle["agreement"]
    liaison = sign_in("enlace.ciclo")

    # 1. The liaison drafts the evaluation, with the commitment's progress and an evidence PDF.
    liaison.goto(f"/admin/evaluations/agreementevaluation/add/?agreement={agreement.pk}&year=2017&half=2")
    liaison.get_by_label("Personas beneficiadas").fill("120")
    liaison.get_by_role("textbox", name="Ventajas obtenidas:", exact=True).fill(FIRST_DRAFT)
    liaison.get_by_role("textbox", name="Beneficios para la Ciudad y sus habitantes:", exact=True).fill("Mejor planeación.")
    liaison.get_by_label("Recomendación").select_option(label="Continuar")
    liaison.locator("input[name='progress-0-value']").fill("10")
    liaison.locator("input[name='evidence-0-file']").set_input_files(str(cycle["evidence"]))
    liaison.locator("input[name='evidence-0-description']").fill("Informe de actividades")
    liaison.locator("input[name='_continue']").click()
    expect(liaison.locator(".messagelist")).to_contain_text("se agregó correctamente")
    assert_accessible(liaison)
    liaison.get_by_role("button", name="Enviar a revisión").click()
    expect(liaison.locator(".messagelist")).to_contain_text("Evaluación enviada a revisión de la CGAI.")
    assert public_sees(page, agreement, FIRST_DRAFT) == {FIRST_DRAFT: False}

    # 2. The reviewer returns it with an observation.
    reviewer = sign_in("revision.ciclo")
    reviewer.goto(liaison.url)
    reviewer.get_by_label("Observaciones para el enlace (obligatorias para devolver)").fill("Precise las ventajas.")
    reviewer.get_by_role("button", name="Devolver con observaciones").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Evaluación devuelta al enlace con sus observaciones.")
    assert public_sees(page, agreement, FIRST_DRAFT) == {FIRST_DRAFT: False}

    # 3. The liaison reads it, corrects and resubmits.
    liaison.reload()
    expect(liaison.locator(".errornote")).to_contain_text("Precise las ventajas.")
    liaison.get_by_role("textbox", name="Ventajas obtenidas:", exact=True).fill(APPROVED)
    liaison.locator("input[name='progress-0-value']").fill("30")
    liaison.locator("input[name='_continue']").click()
    assert liaison.locator("p.errornote, .errorlist").all_inner_texts() == []
    expect(liaison.locator(".messagelist")).to_contain_text("se cambió correctamente")
    liaison.get_by_role("button", name="Enviar a revisión").click()
    expect(liaison.locator(".messagelist")).to_contain_text("Evaluación enviada a revisión de la CGAI.")
    assert public_sees(page, agreement, APPROVED) == {APPROVED: False}

    # 4. The reviewer approves it, builds the report, delivers and publishes it.
    reviewer.reload()
    reviewer.get_by_role("button", name="Aprobar").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("Evaluación aprobada")
    reviewer.goto("/admin/reports/report/generar/")
    reviewer.get_by_label("Semestre").fill("2017-2")
    reviewer.get_by_role("button", name="Generar borrador").click()
    reviewer.goto("/admin/reports/report/")
    reviewer.get_by_role("link", name=re.compile("julio–diciembre de 2017")).first.click()
    reviewer.get_by_role("button", name="Aprobar").click()
    reviewer.get_by_role("link", name="Registrar entrega al Congreso").click()
    today = timezone.localdate()
    reviewer.get_by_label("Fecha de entrega al Congreso").fill(today.strftime("%d/%m/%Y"))
    reviewer.get_by_label("Oficio de entrega").fill("CGAI/0777/2018")
    reviewer.get_by_role("button", name="Registrar entrega").click()
    reviewer.get_by_role("button", name="Publicar").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("ublicado")
    report_admin_url = reviewer.url

    # 5. The Congress drafts its evaluation (invisible), then submits it with its act.
    congress = sign_in("congreso.ciclo")
    congress.goto(report_admin_url)
    congress.get_by_role("link", name="Registrar evaluación del Congreso").click()
    congress.get_by_label("Calificación general").fill("8.5")
    congress.get_by_label("Evaluación general del Congreso").fill(CONGRESS_DRAFT)
    congress.locator("select[name='entries-0-agreement']").select_option(label=str(agreement))
    congress.locator("input[name='entries-0-score']").fill("9")
    congress.locator("textarea[name='entries-0-assessment']").fill(CONGRESS_TEXT)
    congress.locator("input[name='_continue']").click()
    expect(congress.locator(".messagelist")).to_contain_text("correctamente")
    assert_accessible(congress)
    assert public_sees(page, agreement, CONGRESS_DRAFT, CONGRESS_TEXT) == {CONGRESS_DRAFT: False, CONGRESS_TEXT: False}
    congress.get_by_label("Evaluación general del Congreso").fill("El informe es suficiente.")
    congress.locator("input[name='_continue']").click()
    congress.get_by_label("Número del acuerdo del Congreso").fill("CCDMX/CAI/021/2018")
    congress.get_by_label("Fecha del acuerdo del Congreso").fill(today.strftime("%d/%m/%Y"))
    congress.get_by_role("button", name="Enviar a la CGAI").click()
    expect(congress.locator("#congress-cycle")).to_contain_text("Enviada con el acuerdo CCDMX/CAI/021/2018")

    # 6. The public sees both evaluations: the agreement's page, the report's page, the API.
    page.goto(agreement.get_absolute_url())
    section = page.locator("#evaluacion-2017-2")
    expect(section).to_contain_text(APPROVED)
    expect(section).to_contain_text(CONGRESS_TEXT)
    expect(section).to_contain_text("75")  # 30 of 40 personas from 0: 75.0 %
    assert FIRST_DRAFT not in page.content() and CONGRESS_DRAFT not in page.content()
    assert_accessible(page)

    page.goto("/informes/2017-2/v1/")
    expect(page.get_by_role("heading", level=3, name="Acuerdo del Congreso CCDMX/CAI/021/2018")).to_be_visible()
    page.locator(f"a[href$='{agreement.get_absolute_url()}#evaluacion-2017-2']").first.click()
    expect(page).to_have_url(re.compile(r"#evaluacion-2017-2$"))
    assert_accessible(page)

    government = page.request.get(f"/api/v1/evaluations/?agreement={agreement.code}").json()["results"]
    assert [(e["semester"], e["advantages"]) for e in government] == [("2017-2", APPROVED)]
    entries = page.request.get(f"/api/v1/congress-evaluations/?agreement={agreement.code}").json()["results"]
    assert [(e["act_number"], e["assessment"]) for e in entries] == [("CCDMX/CAI/021/2018", CONGRESS_TEXT)]
    assert FIRST_DRAFT not in str(government) and CONGRESS_DRAFT not in str(entries)
    assert datetime.date.fromisoformat(entries[0]["act_date"]) == today
