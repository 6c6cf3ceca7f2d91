"""An evaluation's qualitative texts in English (issue 23): written with the draft,
approved with the evaluation, shown on the agreement's English page only then."""

import pytest

from evaluations.models import AgreementEvaluation, Recommendation
from evaluations.services import evaluation_approve, evaluation_save, evaluation_submit
from cdmx_global.translation import TranslationStatus
from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    semovi = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    agreement = factories.AgreementFactory(
        title="Convenio con Lyon", body=semovi, published=True, validity="in_force",
        **partial_date("signed_on", 2016, 5, 10), **partial_date("valid_until", 2019),
    )
    return {
        "agreement": agreement,
        "liaison": factories.liaison(body=semovi, username="enlace", email="enlace@semovi.cdmx.gob.mx"),
        "reviewer": factories.reviewer(username="revisora", email="revisora@cgai.cdmx.gob.mx"),
    }


def test_the_english_is_a_draft_until_the_evaluation_is_approved(client, people):
    agreement, liaison, reviewer = people["agreement"], people["liaison"], people["reviewer"]
    evaluation = evaluation_save(
        evaluation=AgreementEvaluation(
            agreement=agreement, year=2017, half=2,
            advantages="Intercambio de experiencias en movilidad.", advantages_en="Exchange of mobility experience.",
            benefits="Mejor planeación de ciclovías.", recommendation=Recommendation.CONTINUE,
        ),
        user=liaison,
    )
    assert evaluation.translation_status == TranslationStatus.DRAFT
    evaluation = evaluation_submit(evaluation=evaluation, user=liaison)
    page = f"/en/acuerdos/{agreement.code}/"
    assert "Exchange of mobility experience." not in client.get(page).content.decode()

    evaluation = evaluation_approve(evaluation=evaluation, user=reviewer)
    evaluation.refresh_from_db()
    assert (evaluation.translation_status, evaluation.translation_reviewed_by) == (TranslationStatus.REVIEWED, reviewer)

    html = client.get(page).content.decode()
    assert '<dd class="prose" lang="en">Exchange of mobility experience.</dd>' in html
    # No English for the benefits: the Spanish, marked as such.
    assert '<dd class="prose" lang="es">Mejor planeación de ciclovías.</dd>' in html
    spanish = client.get(f"/acuerdos/{agreement.code}/").content.decode()
    assert '<dd class="prose" lang="es">Intercambio de experiencias en movilidad.</dd>' in spanish
    assert "Exchange of mobility experience." not in spanish


def test_the_api_and_the_english_download_give_the_approved_english_with_its_language(client, people):
    import csv
    import io

    agreement, liaison, reviewer = people["agreement"], people["liaison"], people["reviewer"]
    evaluation = evaluation_save(
        evaluation=AgreementEvaluation(
            agreement=agreement, year=2017, half=2,
            advantages="Intercambio de experiencias en movilidad.", advantages_en="Exchange of mobility experience.",
            benefits="Mejor planeación de ciclovías.", recommendation=Recommendation.CONTINUE,
        ),
        user=liaison,
    )
    evaluation_approve(evaluation=evaluation_submit(evaluation=evaluation, user=liaison), user=reviewer)

    item = client.get(f"/api/v1/evaluations/{evaluation.pk}/?lang=en").json()
    assert {key: item[key] for key in item if key.startswith(("advantages", "benefits"))} == {
        "advantages": "Exchange of mobility experience.",
        "advantages_es": "Intercambio de experiencias en movilidad.",
        "advantages_language": "en",
        "benefits": "Mejor planeación de ciclovías.",
        "benefits_es": "Mejor planeación de ciclovías.",
        "benefits_language": "es",
    }
    spanish = client.get(f"/api/v1/evaluations/{evaluation.pk}/").json()
    assert (spanish["advantages"], "advantages_es" in spanish) == ("Intercambio de experiencias en movilidad.", False)

    content = b"".join(client.get("/en/datos/evaluations.csv").streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(content)))
    values = dict(zip(header, row, strict=True))
    assert (values["Advantages gained"], values["advantages_language"]) == ("Exchange of mobility experience.", "en")
