"""A scene of evaluations for the public side's tests: approved and submitted
ones that must show, with their exact figures, and a draft, a submitted, a
returned government evaluation, an evidence file, a review comment, an
evaluation of an unpublished agreement and the Congress's drafts, each with a
distinctive text that must show nowhere public.

The 2017-2 report is built, delivered and published over them (so it lists
the approved evaluations), and the Congress submits its evaluation of it,
then a correction, then starts a second correction it leaves in draft.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile

from reports.congress import congress_correction_start, congress_draft_save, congress_submit
from reports.models import CongressAgreementEvaluation, CongressEvaluation, Report
from evaluations.models import AgreementEvaluation, CommitmentProgress, EvaluationEvidence, EvaluationStatus, Recommendation
from staff.roles import CONGRESS, assign_role
from tests.support import factories
from tests.support.factories import partial_date
from tests.support.report_fixtures import build, deliver, moment, publish

#: Texts that exist only in what must never be public.
SECRETS = (
    "VENTAJA BORRADOR SECRETA",
    "VENTAJA ENVIADA SIN APROBAR",
    "VENTAJA DEVUELTA SECRETA",
    "EVIDENCIA PRIVADA",
    "COMENTARIO DE REVISION SECRETO",
    "ACUERDO BORRADOR SECRETO",
    "ENTRADA CONGRESO BORRADOR",
    "CONGRESO GENERAL BORRADOR",
)

APPROVED_AT = moment(2018, 1, 8)


@dataclass
class Scene:
    lyon: object  # published, two approved evaluations (2017-1, 2017-2), Congress entries
    montreal: object  # published, approved 2017-2 of another body
    quebec: object  # published, draft 2017-2, submitted 2017-1, returned 2016-2: nothing public
    hidden: object  # a draft agreement with an approved evaluation
    people: object  # Lyon's commitment: baseline 10, target 60 personas
    emissions: object  # Lyon's commitment to reduce: baseline 100, target 40 toneladas
    letter: object  # Lyon's commitment without a target
    lyon_2017_2: AgreementEvaluation
    lyon_2017_1: AgreementEvaluation
    montreal_2017_2: AgreementEvaluation
    unpublic: list  # quebec's draft, submitted, returned and hidden's approved
    report: Report
    congress: CongressEvaluation  # submitted, corrected by ``correction``
    correction: CongressEvaluation  # submitted
    congress_draft: CongressEvaluation  # the second correction, still a draft


def _approved(agreement, year, half, **fields):
    return factories.AgreementEvaluationFactory(
        agreement=agreement, year=year, half=half, status=EvaluationStatus.APPROVED, reviewed_at=APPROVED_AT,
        **fields,
    )


def _in_force(**fields):
    return factories.AgreementFactory(
        published=True, validity="in_force", **partial_date("signed_on", 2016, 5, 10),
        **partial_date("valid_until", 2019), **fields,
    )


def make_scene() -> Scene:
    semovi = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI", slug="semovi", published=True)
    sedema = factories.GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA", slug="sedema", published=True)
    lyon = _in_force(code="cce-2016-lyon", title="Convenio con Lyon", body=semovi)
    montreal = _in_force(code="cce-2016-montreal", title="Convenio con Montreal", body=sedema)
    quebec = _in_force(code="cce-2016-quebec", title="Convenio con Quebec", body=semovi)
    hidden = factories.AgreementFactory(code="borrador-secreto", title="ACUERDO BORRADOR SECRETO", body=semovi)

    people = factories.CommitmentFactory(
        agreement=lyon, order=1, objective="Capacitar al personal de movilidad", unit="personas",
        baseline=Decimal("10"), target=Decimal("60"),
    )
    emissions = factories.CommitmentFactory(
        agreement=lyon, order=2, objective="Reducir las emisiones del transporte", unit="toneladas",
        indicator="Emisiones anuales", baseline=Decimal("100"), target=Decimal("40"),
    )
    letter = factories.CommitmentFactory(
        agreement=lyon, order=3, objective="Firmar una carta de intención", indicator="", unit="", target=None,
    )

    lyon_2017_1 = _approved(
        lyon, 2017, 1, people_reached=40, resources="Dos expertos de Lyon.", exchanges=1, projects=1,
        advantages="Primer intercambio técnico.", benefits="Diagnóstico de la red ciclista.", results="",
        recommendation=Recommendation.CONTINUE,
    )
    CommitmentProgress.objects.create(evaluation=lyon_2017_1, commitment=people, value=Decimal("20"))
    CommitmentProgress.objects.create(evaluation=lyon_2017_1, commitment=emissions, value=Decimal("85"))
    lyon_2017_2 = _approved(
        lyon, 2017, 2, people_reached=120, resources="Asistencia técnica de ambas ciudades.",
        amount=Decimal("1500.50"), currency="MXN", exchanges=2, projects=1,
        advantages="Intercambio de experiencias en movilidad.", benefits="Mejor planeación de ciclovías.",
        results="Un taller binacional.", difficulties="Cambios de personal.",
        recommendation=Recommendation.STRENGTHEN, review_comment="COMENTARIO DE REVISION SECRETO",
    )
    CommitmentProgress.objects.create(evaluation=lyon_2017_2, commitment=people, value=Decimal("35"), note="Dos talleres.")
    CommitmentProgress.objects.create(evaluation=lyon_2017_2, commitment=emissions, value=Decimal("70"))
    CommitmentProgress.objects.create(evaluation=lyon_2017_2, commitment=letter, note="Se firmó la carta de intención.")
    EvaluationEvidence.objects.create(
        evaluation=lyon_2017_2, description="EVIDENCIA PRIVADA",
        file=ContentFile(b"%PDF-1.4 EVIDENCIA PRIVADA", name="evidencia-privada.pdf"),
    )
    montreal_2017_2 = _approved(
        montreal, 2017, 2, people_reached=15, advantages="Red de calidad del aire.", benefits="Monitoreo compartido.",
        recommendation=Recommendation.CONTINUE,
    )
    unpublic = [
        factories.AgreementEvaluationFactory(
            agreement=quebec, year=2017, half=2, status=EvaluationStatus.DRAFT, advantages="VENTAJA BORRADOR SECRETA",
        ),
        factories.AgreementEvaluationFactory(
            agreement=quebec, year=2017, half=1, status=EvaluationStatus.SUBMITTED,
            advantages="VENTAJA ENVIADA SIN APROBAR",
        ),
        factories.AgreementEvaluationFactory(
            agreement=quebec, year=2016, half=2, status=EvaluationStatus.RETURNED, advantages="VENTAJA DEVUELTA SECRETA",
            review_comment="COMENTARIO DE REVISION SECRETO",
        ),
        _approved(hidden, 2017, 2, advantages="ACUERDO BORRADOR SECRETO"),
    ]
    CommitmentProgress.objects.create(evaluation=unpublic[0], commitment=factories.CommitmentFactory(
        agreement=quebec, objective="Compromiso con Quebec", baseline=Decimal("0"), target=Decimal("10"),
    ), value=Decimal("3"), note="VENTAJA BORRADOR SECRETA")

    report = build("2017-2", moment(2018, 1, 10))
    report = deliver(report, datetime.date(2018, 1, 15), "CGAI/0042/2018")
    report = publish(report, moment(2018, 1, 16))

    congress_user = factories.UserFactory(username="congreso")
    assign_role(congress_user, CONGRESS)
    congress = congress_draft_save(
        evaluation=CongressEvaluation(report=report, score=Decimal("8.5"), assessment="Informe suficiente."),
        user=congress_user,
        entries=[
            CongressAgreementEvaluation(
                agreement=lyon, score=Decimal("9.0"), recommendation=Recommendation.STRENGTHEN,
                assessment="Recomienda fortalecer el acuerdo con Lyon.", observations="Pide más talleres.",
            ),
            CongressAgreementEvaluation(
                agreement=montreal, score=Decimal("7.0"), recommendation=Recommendation.CONTINUE,
                assessment="Recomienda continuar el acuerdo con Montreal.",
            ),
        ],
    )
    congress = congress_submit(
        evaluation=congress, user=congress_user, act_number="CCDMX/CRI/015/2018", act_date=datetime.date(2018, 3, 20)
    )
    correction = congress_correction_start(corrects=congress, user=congress_user, note="Corrige la calificación de Lyon.")
    correction = congress_draft_save(
        evaluation=correction, user=congress_user,
        entries=[
            CongressAgreementEvaluation(
                agreement=lyon, score=Decimal("8.0"), recommendation=Recommendation.CONTINUE,
                assessment="Corrección: recomienda continuar el acuerdo con Lyon.",
            ),
            CongressAgreementEvaluation(
                agreement=montreal, score=Decimal("7.0"), recommendation=Recommendation.CONTINUE,
                assessment="Recomienda continuar el acuerdo con Montreal.",
            ),
        ],
    )
    correction = congress_submit(
        evaluation=correction, user=congress_user, act_number="CCDMX/CRI/020/2018", act_date=datetime.date(2018, 4, 10)
    )
    congress_draft = congress_correction_start(corrects=correction, user=congress_user, note="Otra corrección.")
    congress_draft.assessment = "CONGRESO GENERAL BORRADOR"
    congress_draft = congress_draft_save(
        evaluation=congress_draft, user=congress_user,
        entries=[CongressAgreementEvaluation(agreement=lyon, score=Decimal("1.0"), assessment="ENTRADA CONGRESO BORRADOR")],
    )
    return Scene(
        lyon, montreal, quebec, hidden, people, emissions, letter, lyon_2017_2, lyon_2017_1, montreal_2017_2,
        unpublic, report, congress, correction, congress_draft,
    )


# Quick public evaluations, for tests of the tables that need rows but no built report --------


def published_report(year: int = 2017, half: int = 2) -> Report:
    """A published report of the semester, its content empty (not built: for what reads only its status)."""
    report, _created = Report.objects.get_or_create(
        year=year, half=half, version=1,
        defaults={"status": "published", "delivered_on": datetime.date(year + 1, 1, 15), "delivery_reference": "CGAI/0042"},
    )
    return report


def approved_evaluation(agreement, *, text: str = "Intercambio de experiencias.", commitment=None):
    """An approved 2017-2 evaluation of ``agreement`` with ``commitment``'s progress
    (a commitment with a target is made when none is given)."""
    evaluation = factories.AgreementEvaluationFactory(
        agreement=agreement, year=2017, half=2, advantages=text, amount=Decimal("10.50"), currency="MXN",
        reviewed_at=APPROVED_AT,
    )
    if commitment is None:
        commitment = factories.CommitmentFactory(agreement=agreement, baseline=Decimal("0"), target=Decimal("100"))
    CommitmentProgress.objects.create(evaluation=evaluation, commitment=commitment, value=Decimal("30"), note=text)
    return evaluation


def congress_entry(agreement, *, text: str = "Recomienda continuar.", submitted: bool = True):
    """The Congress's evaluation of ``agreement`` in an evaluation of the published 2017-2 report,
    submitted with its act or left in draft."""
    evaluation = CongressEvaluation.objects.create(
        report=published_report(), assessment=text,
        **({
            "status": "submitted", "act_number": "CCDMX/CRI/015/2018", "act_date": datetime.date(2018, 3, 20),
            "submitted_at": moment(2018, 3, 21),
        } if submitted else {}),
    )
    return CongressAgreementEvaluation.objects.create(
        evaluation=evaluation, agreement=agreement, score=Decimal("9.0"), assessment=text,
        recommendation=Recommendation.CONTINUE,
    )
