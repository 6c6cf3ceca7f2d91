"""An agreement's commitments: refused in Spanish when they make no sense,
entered with their agreement on its admin page by its body's liaison (and by
nobody of another body), and shown on the agreement's public page exactly when
the agreement is published."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Commitment
from agreements.services import commitment_save
from cdmx_global.partial_dates import DatePrecision
from tests.support.admin_forms import form_data
from tests.support.factories import (
    LEAK_MARK,
    AgreementFactory,
    CommitmentFactory,
    GovernmentBodyFactory,
    liaison,
    partial_date,
    reviewer,
)

pytestmark = pytest.mark.django_db

TARGET_UNIT = "Una meta necesita su unidad (p. ej. «personas», «proyectos»)."
TARGET_INDICATOR = "Una meta necesita su indicador: diga qué se mide."
BASELINE_TARGET = "Una línea base necesita la meta con la que se compara."
BASELINE_NEGATIVE = "La línea base no puede ser negativa."
TARGET_NEGATIVE = "La meta no puede ser negativa."
BEFORE_SIGNATURE = "La fecha de la meta no puede ser anterior a la firma del acuerdo."
PRECISION = (
    "La precisión de la fecha no corresponde a la fecha: una fecha con precisión «Año» debe ser el 1 de enero, "
    "una con precisión «Mes» el día 1 del mes, y sin fecha no hay precisión."
)


@pytest.fixture
def body():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")


@pytest.fixture
def agreement(body):
    """A draft signed on 21 November 2014."""
    return AgreementFactory(body=body, code="cce-2014-bogota", **partial_date("signed_on", 2014, 11, 21))


def commitment(agreement, **fields) -> Commitment:
    values = {"objective": "Capacitar a personal de movilidad", "indicator": "Personas capacitadas", "unit": "personas"}
    return Commitment(agreement=agreement, **{**values, **fields})


# Validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        ({"target": Decimal("500"), "unit": ""}, {"__all__": [TARGET_UNIT]}),
        ({"target": Decimal("500"), "indicator": ""}, {"__all__": [TARGET_INDICATOR]}),
        ({"baseline": Decimal("120")}, {"__all__": [BASELINE_TARGET]}),
        ({"baseline": Decimal("-1"), "target": Decimal("500")}, {"__all__": [BASELINE_NEGATIVE]}),
        ({"target": Decimal("-0.01")}, {"__all__": [TARGET_NEGATIVE]}),
        ({"target": Decimal("500"), **partial_date("target_date", 2014, 11, 20)}, {"target_date": [BEFORE_SIGNATURE]}),
        ({"target": Decimal("500"), **partial_date("target_date", 2014, 10)}, {"target_date": [BEFORE_SIGNATURE]}),
        ({"target": Decimal("500"), **partial_date("target_date", 2013)}, {"target_date": [BEFORE_SIGNATURE]}),
        (
            {"target": Decimal("500"), "target_date": datetime.date(2016, 3, 9), "target_date_precision": DatePrecision.MONTH},
            {"__all__": [PRECISION]},
        ),
        ({"objective": ""}, {"objective": ["Este campo no puede estar en blanco."]}),
    ],
    ids=[
        "target-without-unit", "target-without-indicator", "baseline-without-target", "negative-baseline",
        "negative-target", "day-before-signature", "month-before-signature", "year-before-signature",
        "precision-disagrees", "no-objective",
    ],
)
def test_bad_commitment_is_refused_in_spanish_and_nothing_is_saved(agreement, fields, errors):
    with pytest.raises(ValidationError) as refused:
        commitment_save(commitment=commitment(agreement, **fields), user=None)

    assert refused.value.message_dict == errors
    assert Commitment.objects.count() == 0
    assert Commitment.history.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({}, id="qualitative"),
        pytest.param({"baseline": Decimal("800"), "target": Decimal("200")}, id="a-reduction"),
        pytest.param({"target": Decimal("0")}, id="zero"),
        pytest.param({"target": Decimal("500"), **partial_date("target_date", 2014)}, id="year-of-signature"),
        pytest.param({"target": Decimal("500"), **partial_date("target_date", 2014, 11)}, id="month-of-signature"),
        pytest.param({"target": Decimal("500"), **partial_date("target_date", 2014, 11, 21)}, id="day-of-signature"),
    ],
)
def test_a_sensible_commitment_is_saved_answered_for_by_the_agreements_body(agreement, body, fields):
    saved = commitment_save(commitment=commitment(agreement, **fields), user=None)

    assert list(Commitment.objects.all()) == [saved]
    assert saved.body == body
    assert saved.history.get().history_type == "+"


def test_a_target_date_is_checked_only_when_the_signature_is_known(body):
    unsigned = AgreementFactory(body=body, signed_on=None, signed_on_precision="")

    saved = commitment_save(
        commitment=commitment(unsigned, target=Decimal("5"), **partial_date("target_date", 1990)), user=None
    )

    assert saved.target_date == datetime.date(1990, 1, 1)


def test_the_database_refuses_a_target_without_unit_too(agreement):
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.create(agreement=agreement, body=agreement.body, objective="x", indicator="y", target=1)


# Who writes them --------------------------------------------------------------------


def test_the_bodys_liaison_writes_a_commitment_and_the_history_names_them(agreement, body):
    lucia = liaison(body, username="lucia.semovi")

    saved = commitment_save(commitment=commitment(agreement, target=Decimal("500")), user=lucia)
    saved.target = Decimal("600")
    commitment_save(commitment=saved, user=lucia)

    assert [(entry.history_type, entry.target, entry.history_user) for entry in saved.history.order_by("history_id")] == [
        ("+", Decimal("500"), lucia), ("~", Decimal("600"), lucia),
    ]


def test_another_bodys_liaison_writes_no_commitment_of_the_agreement(agreement):
    other = liaison(GovernmentBodyFactory(name="Secretaría de Cultura"), username="omar.cultura")
    kept = CommitmentFactory(agreement=agreement, objective="Como estaba")

    with pytest.raises(PermissionDenied, match="No puede modificar compromisos de acuerdos de otra dependencia."):
        commitment_save(commitment=commitment(agreement), user=other)
    kept.objective = "Cambiado por otra dependencia"
    with pytest.raises(PermissionDenied):
        commitment_save(commitment=kept, user=other)

    assert list(Commitment.objects.values_list("objective", flat=True)) == ["Como estaba"]


# The admin: entered with the agreement ---------------------------------------------------


def change_url(agreement) -> str:
    return reverse("admin:agreements_agreement_change", args=[agreement.pk])


def with_new_commitment(data: dict, index: int = 0, **fields) -> dict:
    """``data`` with one more commitment form, numbered ``index``."""
    values = {
        "order": "1", "objective": "Capacitar a personal de movilidad", "text": "", "indicator": "Personas capacitadas",
        "unit": "personas", "baseline": "", "target": "500", "target_date": "", "target_date_precision": "", "body": "",
        **fields,
    }
    data = {**data, "commitments-TOTAL_FORMS": str(index + 1)}
    data.update({f"commitments-{index}-{name}": value for name, value in values.items()})
    return data


def month_in_form(field: str, year: int, month: int) -> dict:
    return {field: f"{year}-{month:02d}-01", f"{field}_precision": DatePrecision.MONTH}


def page_as(client, user, agreement):
    client.force_login(user)
    return client.get(change_url(agreement))


def test_the_bodys_liaison_adds_a_commitment_with_the_agreement(client, agreement, body):
    lucia = liaison(body, username="lucia.semovi")
    client.force_login(lucia)
    data = with_new_commitment(
        form_data(client.get(change_url(agreement))), baseline="120", **month_in_form("target_date", 2016, 3)
    )

    response = client.post(change_url(agreement), data)

    assert response.status_code == 302, response.context and response.context["inline_admin_formsets"][0].formset.errors
    saved = Commitment.objects.get()
    assert (saved.agreement, saved.objective, saved.baseline, saved.target, saved.unit, saved.body) == (
        agreement, "Capacitar a personal de movilidad", Decimal("120"), Decimal("500"), "personas", body,
    )
    assert (saved.target_date, saved.target_date_precision) == (datetime.date(2016, 3, 1), DatePrecision.MONTH)
    assert saved.history.get().history_user == lucia
    agreement.refresh_from_db()
    assert agreement.version == 2  # the agreement's version guards its commitments


def test_a_bad_commitment_comes_back_in_spanish_and_nothing_is_saved(client, agreement, body):
    title = agreement.title
    page = page_as(client, liaison(body, username="lucia.semovi"), agreement)
    data = with_new_commitment(form_data(page, title="Título cambiado"), unit="")

    response = client.post(change_url(agreement), data)

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors == [{"__all__": [TARGET_UNIT]}]
    assert TARGET_UNIT in html.unescape(response.content.decode())
    agreement.refresh_from_db()
    assert (agreement.title, agreement.version, Commitment.objects.count()) == (title, 1, 0)


def test_another_bodys_liaison_cannot_reach_the_agreements_commitments(client, agreement, body):
    kept = CommitmentFactory(agreement=agreement, objective="Como estaba")
    # What the agreement's page would post, as someone who may open it sees it.
    complete = form_data(page_as(client, reviewer(username="marta"), agreement))
    client.force_login(liaison(GovernmentBodyFactory(name="Secretaría de Cultura"), username="omar.cultura"))

    assert client.get(change_url(agreement)).status_code == 404
    changed = {**complete, "commitments-0-objective": "Cambiado por otra dependencia"}
    assert client.post(change_url(agreement), with_new_commitment(changed, index=1)).status_code == 404

    assert list(Commitment.objects.values_list("objective", flat=True)) == ["Como estaba"]
    assert kept.history.count() == 1


def test_a_liaison_reads_but_does_not_change_the_commitments_once_submitted(client, body):
    submitted = AgreementFactory(body=body, review=True)
    CommitmentFactory(agreement=submitted)

    response = page_as(client, liaison(body, username="lucia.semovi"), submitted)

    inline = response.context["inline_admin_formsets"][0]
    assert inline.formset.model is Commitment
    assert (inline.has_add_permission, inline.has_change_permission, inline.has_delete_permission) == (False, False, False)


def test_a_reviewer_names_another_body_and_a_stale_page_saves_nothing(client, agreement):
    culture = GovernmentBodyFactory(name="Secretaría de Cultura")
    marta = reviewer(username="marta")
    first = form_data(page_as(client, marta, agreement))
    stale = form_data(client.get(change_url(agreement)))

    assert client.post(change_url(agreement), with_new_commitment(first, body=str(culture.pk))).status_code == 302
    response = client.post(change_url(agreement), with_new_commitment(stale, objective="Otro compromiso"))

    assert response.status_code == 200
    assert "marta guardó este registro mientras usted lo editaba" in response.content.decode()
    assert list(Commitment.objects.values_list("objective", "body")) == [("Capacitar a personal de movilidad", culture.pk)]


# The public page ---------------------------------------------------------------------


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def commitments_on_page(content: str) -> list[list[str]] | None:
    """Each commitment the page shows: its objective, then its text and facts as read."""
    section = re.search(r'<section aria-labelledby="compromisos">(.*?)</section>', content, re.S)
    if section is None:
        return None
    assert '<h2 id="compromisos">Compromisos</h2>' in section.group(1)
    shown = []
    for item in re.findall(r'<li id="compromiso-\d+">(.*?)</li>', section.group(1), re.S):
        objective = text_of(re.search(r"<h3[^>]*>(.*?)</h3>", item, re.S).group(1))
        text = [text_of(paragraph) for paragraph in re.findall(r'<p class="prose"[^>]*>(.*?)</p>', item, re.S)]
        facts = [
            f"{text_of(term)}: {text_of(value)}"
            for term, value in re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", item, re.S)
        ]
        shown.append([objective, *text, *facts])
    return shown


def test_the_page_shows_exactly_the_commitments_of_a_published_agreement_and_none_of_a_drafts(client, body):
    draft = AgreementFactory(body=body, title=f"Borrador {LEAK_MARK}", **partial_date("signed_on", 2014))
    CommitmentFactory(agreement=draft, objective=f"Compromiso {LEAK_MARK}", indicator=f"Indicador {LEAK_MARK}")
    published = AgreementFactory(body=body, published=True, code="cce-2014-bogota", **partial_date("signed_on", 2014, 11, 21))
    culture = GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT")
    CommitmentFactory(
        agreement=published, order=2, objective="Intercambiar experiencias de cultura comunitaria",
        indicator="", unit="", target=None, body=culture,
    )
    CommitmentFactory(
        agreement=published, order=1, objective="Capacitar a personal de movilidad",
        text="Las partes capacitarán a personal\nde ambas ciudades.", indicator="Personas capacitadas en ciclismo urbano",
        unit="personas", baseline=Decimal("120"), target=Decimal("1500.50"), **partial_date("target_date", 2016, 3),
    )
    hidden_body = GovernmentBodyFactory(name=f"Secretaría {LEAK_MARK}", draft=True)
    CommitmentFactory(agreement=published, order=3, objective="Reducir emisiones", indicator="Emisiones", unit="toneladas de CO2",
                      target=Decimal("40"), **partial_date("target_date", 2018), body=hidden_body)

    content = client.get(published.get_absolute_url()).content.decode()

    assert commitments_on_page(content) == [
        [
            "Capacitar a personal de movilidad",
            "Las partes capacitarán a personal de ambas ciudades.",
            "Indicador: Personas capacitadas en ciclismo urbano",
            "Línea base → meta: 120 personas → 1,500.50 personas",
            "Fecha de la meta: marzo de 2016",
            "Dependencia responsable: Secretaría de Movilidad (SEMOVI)",
        ],
        ["Intercambiar experiencias de cultura comunitaria", "Dependencia responsable: Secretaría de Cultura (SECULT)"],
        ["Reducir emisiones", "Indicador: Emisiones", "Meta: 40 toneladas de CO2", "Fecha de la meta: 2018"],
    ]
    assert LEAK_MARK not in content
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert LEAK_MARK not in client.get(reverse("agreements:list")).content.decode()


def test_no_section_without_commitments(client, body):
    published = AgreementFactory(body=body, published=True)

    assert commitments_on_page(client.get(published.get_absolute_url()).content.decode()) is None


def test_the_page_costs_the_same_queries_with_2_and_20_commitments(client, body):
    def agreement_with(count):
        agreement = AgreementFactory(body=body, published=True)
        for _n in range(count):
            CommitmentFactory(agreement=agreement, body=GovernmentBodyFactory(), **partial_date("target_date", 2030))
        return agreement

    two, twenty = agreement_with(2), agreement_with(20)

    def queries(agreement) -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            content = client.get(agreement.get_absolute_url()).content.decode()
        return len(captured), len(commitments_on_page(content))

    assert queries(twenty) == (queries(two)[0], 20)
