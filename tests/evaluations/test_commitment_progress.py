"""The progress of each commitment, reported by the body in its evaluation, and
the bad input the evaluation refuses: a value for a commitment without a
target, a commitment of another agreement, a semester outside the
agreement's validity."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluations.services import evaluation_save
from evaluations.models import AgreementEvaluation, CommitmentProgress, Recommendation
from evaluations.progress import progress_percent
from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

ADD = reverse("admin:evaluations_agreementevaluation_add")


@pytest.fixture
def agreement():
    body = factories.GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")
    agreement = factories.AgreementFactory(
        title="Convenio con Medellín", body=body, published=True, validity="in_force",
        **partial_date("signed_on", 2016, 3, 1), **partial_date("valid_until", 2018, 12, 31),
    )
    factories.CommitmentFactory(
        agreement=agreement, order=1, objective="Capacitar personal en movilidad", indicator="Personas capacitadas",
        unit="personas", baseline=Decimal("10"), target=Decimal("60"),
    )
    factories.CommitmentFactory(
        agreement=agreement, order=2, objective="Intercambiar buenas prácticas", indicator="", unit="",
        baseline=None, target=None,
    )
    return agreement


@pytest.fixture
def liaison(agreement):
    return factories.liaison(body=agreement.body, username="enlace-sedema")


def form(agreement, rows, **overrides) -> dict:
    data = {
        "agreement": agreement.pk, "year": 2017, "half": 2, "people_reached": "", "resources": "", "amount": "",
        "currency": "", "exchanges": "", "projects": "", "advantages": "Intercambio.", "benefits": "Planeación.",
        "results": "", "difficulties": "", "recommendation": Recommendation.CONTINUE,
        "evidence-TOTAL_FORMS": "0", "evidence-INITIAL_FORMS": "0", "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "1000",
        "progress-TOTAL_FORMS": str(len(rows)), "progress-INITIAL_FORMS": "0", "progress-MIN_NUM_FORMS": "0",
        "progress-MAX_NUM_FORMS": "1000",
        **overrides,
    }
    for number, (commitment, value, note) in enumerate(rows):
        data.update({
            f"progress-{number}-commitment": commitment.pk, f"progress-{number}-value": value,
            f"progress-{number}-note": note,
        })
    return data


@pytest.mark.parametrize(
    ("baseline", "target", "value", "expected"),
    [
        # Computed by hand: (value − baseline) / (target − baseline) × 100.
        (Decimal("10"), Decimal("60"), Decimal("35"), Decimal("50.0")),  # 25 / 50
        (None, Decimal("200"), Decimal("250"), Decimal("125.0")),  # past the target: not capped
        (Decimal("100"), Decimal("40"), Decimal("70"), Decimal("50.0")),  # a reduction: −30 / −60
        (Decimal("0"), Decimal("3"), Decimal("1"), Decimal("33.3")),  # 33.33…
        (Decimal("0"), Decimal("3"), Decimal("2"), Decimal("66.7")),  # 66.66…, half up
        (Decimal("50"), Decimal("100"), Decimal("40"), Decimal("-20.0")),  # moved away from the target
        (Decimal("5"), Decimal("5"), Decimal("9"), None),  # the target is the baseline: no figure
        (None, None, Decimal("9"), None),  # no target
        (Decimal("0"), Decimal("10"), None, None),  # no value reported
    ],
)
def test_progress_is_the_value_placed_between_baseline_and_target(baseline, target, value, expected):
    assert progress_percent(baseline, target, value) == expected


def test_the_form_offers_one_row_per_commitment_of_the_agreement(client, agreement, liaison):
    client.force_login(liaison)

    page = client.get(ADD, {"agreement": agreement.pk, "year": 2017, "half": 2})

    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.prefix == "progress")
    commitments = list(agreement.commitments.order_by("order"))
    assert [form.initial["commitment"] for form in formset.forms] == [c.pk for c in commitments]
    assert list(formset.forms[0].fields["commitment"].queryset) == commitments
    assert "Personas capacitadas: de 10.00 a 60.00 personas" in page.text
    assert "Cualitativo: describa el avance." in page.text


def test_the_progress_is_saved_with_the_evaluation(client, agreement, liaison):
    quantitative, qualitative = agreement.commitments.order_by("order")
    client.force_login(liaison)

    response = client.post(ADD, form(agreement, [
        (quantitative, "35", "Dos talleres con la Alcaldía de Medellín."),
        (qualitative, "", "Se compartió el manual de ciclovías."),
    ]))

    assert response.status_code == 302
    evaluation = AgreementEvaluation.objects.get()
    assert [(p.commitment, p.value, p.note) for p in evaluation.progress.order_by("commitment__order")] == [
        (quantitative, Decimal("35.00"), "Dos talleres con la Alcaldía de Medellín."),
        (qualitative, None, "Se compartió el manual de ciclovías."),
    ]
    progress = evaluation.progress.get(commitment=quantitative)
    assert progress_percent(quantitative.baseline, quantitative.target, progress.value) == Decimal("50.0")


def test_a_value_for_a_commitment_without_target_is_refused_and_nothing_is_saved(client, agreement, liaison):
    _quantitative, qualitative = agreement.commitments.order_by("order")
    client.force_login(liaison)

    response = client.post(ADD, form(agreement, [(qualitative, "4", "")]))

    assert response.status_code == 200
    assert "Este compromiso no tiene meta ni unidad: describa su avance sin valor numérico." in response.text
    assert not AgreementEvaluation.objects.exists() and not CommitmentProgress.objects.exists()


def test_a_commitment_of_another_agreement_is_refused_and_nothing_is_saved(client, agreement, liaison):
    other = factories.CommitmentFactory(agreement=factories.AgreementFactory(published=True, body=agreement.body))
    client.force_login(liaison)

    response = client.post(ADD, form(agreement, [(other, "4", "")]))

    assert response.status_code == 200
    assert "Seleccione una opción válida. La opción seleccionada no es una de las disponibles." in response.text
    assert not AgreementEvaluation.objects.exists() and not CommitmentProgress.objects.exists()

    # The service refuses it too.
    evaluation = evaluation_save(
        evaluation=AgreementEvaluation(
            agreement=agreement, year=2017, half=2, advantages="A.", benefits="B.", recommendation="continue",
        ),
        user=liaison,
    )
    with pytest.raises(ValidationError) as refused:
        CommitmentProgress(evaluation=evaluation, commitment=other, value=Decimal("4")).full_clean()
    assert refused.value.message_dict["commitment"] == ["Ese compromiso es de otro acuerdo."]


def test_a_negative_value_is_refused(client, agreement, liaison):
    quantitative, _qualitative = agreement.commitments.order_by("order")
    client.force_login(liaison)

    response = client.post(ADD, form(agreement, [(quantitative, "-3", "")]))

    assert "El valor alcanzado no puede ser negativo." in response.text
    assert not AgreementEvaluation.objects.exists()


@pytest.mark.parametrize(("year", "half"), [(2015, 2), (2019, 1)])
def test_an_evaluation_for_a_semester_outside_the_agreements_validity_is_refused(client, agreement, liaison, year, half):
    """Signed in March 2016 and in force until December 2018: neither the second
    half of 2015 nor the first of 2019 is evaluated."""
    client.force_login(liaison)
    quantitative, _qualitative = agreement.commitments.order_by("order")

    response = client.post(ADD, form(agreement, [(quantitative, "35", "")], year=year, half=half))

    assert response.status_code == 200
    semester = "julio–diciembre de 2015" if year == 2015 else "enero–junio de 2019"
    assert (
        f"«Convenio con Medellín» no estuvo vigente en {semester}: no se evalúa ese semestre. "
        "Revise el año y el semestre, o la vigencia del acuerdo."
    ) in response.text
    assert not AgreementEvaluation.objects.exists() and not CommitmentProgress.objects.exists()
    with pytest.raises(ValidationError):
        evaluation_save(
            evaluation=AgreementEvaluation(
                agreement=agreement, year=year, half=half, advantages="A.", benefits="B.", recommendation="continue",
            ),
            user=liaison,
        )
    assert not AgreementEvaluation.objects.exists()


def test_once_submitted_the_progress_is_read_only(client, agreement, liaison):
    quantitative, _qualitative = agreement.commitments.order_by("order")
    client.force_login(liaison)
    client.post(ADD, form(agreement, [(quantitative, "35", "")]))
    evaluation = AgreementEvaluation.objects.get()
    client.post(reverse("admin:evaluations_agreementevaluation_step", args=[evaluation.pk, "enviar"]), {"seen_version": "1"})

    page = client.get(reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk]))

    assert 'name="progress-0-value"' not in page.text
    assert "35.00" in page.text
