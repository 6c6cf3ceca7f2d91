"""The government's evaluation of an agreement, drafted by the body that
carries the agreement out and approved by CGAI (art. 20, numeral 8):

    draft → submitted → approved
              ↓  ↑
            returned (with the reviewer's observations) → submitted …

- The liaison of the agreement's body (or a CGAI reviewer) drafts it and
  submits it; a draft or a returned evaluation may be edited, a submitted or
  approved one may not.
- A CGAI reviewer returns a submitted evaluation with observations, or
  approves it. Only an approved evaluation enters a report.
- Every step is kept in the evaluation's history with who and when; each
  save raises ``version``, and a save over a newer version is refused
  (``cdmx_global.versioning``): two people editing the same evaluation
  can't overwrite each other.
- Its qualitative texts may carry an English translation, written with the
  draft (a draft translation, ``cdmx_global.translation``); approving the
  evaluation approves its translation too, since the reviewer reads both.
- Each step tells the other side by email: reviewers when one is submitted,
  the liaison who submitted it when it is returned or approved.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _

from background.mail import queue_email
from cdmx_global.access import reviewers, user_can_review, user_handles_body
from cdmx_global.translation import TranslationStatus, apply_translation_rules
from cdmx_global.versioning import ensure_version

from .placing import place_agreement
from .models import AgreementEvaluation, EvaluationStatus
from .periods import Semester

EDITABLE = (EvaluationStatus.DRAFT, EvaluationStatus.RETURNED)

#: Why a step is refused, by the evaluation's status.
ALREADY = {
    EvaluationStatus.SUBMITTED: _("Esta evaluación ya se envió a revisión: espere la respuesta de la CGAI."),
    EvaluationStatus.APPROVED: _("Esta evaluación ya está aprobada y no cambia."),
    EvaluationStatus.DRAFT: _("Esta evaluación aún no se envía a revisión."),
    EvaluationStatus.RETURNED: _("Esta evaluación se devolvió con observaciones: el enlace debe corregirla y enviarla de nuevo."),
}


def _user(user):
    return user if user is not None and user.is_authenticated else None


def may_draft(user, agreement) -> bool:
    """A CGAI reviewer, or the liaison of the agreement's body."""
    return user_can_review(user) or user_handles_body(user, agreement.body_id)


def ensure_evaluable(agreement, semester: Semester) -> None:
    """The government evaluates an agreement for a semester it may have been in
    force in (or, signed by then, whose validity is not recorded): no figures
    for a semester outside its validity."""
    if not place_agreement(agreement, semester).evaluable:
        raise ValidationError({
            "half": gettext(
                "«%(agreement)s» no estuvo vigente en %(semester)s: no se evalúa ese semestre. "
                "Revise el año y el semestre, o la vigencia del acuerdo."
            ) % {"agreement": agreement, "semester": semester}
        })


def _locked(evaluation: AgreementEvaluation) -> AgreementEvaluation:
    return AgreementEvaluation.objects.select_for_update().select_related("agreement").get(pk=evaluation.pk)


def _save(evaluation: AgreementEvaluation, user, reason: str) -> AgreementEvaluation:
    evaluation.version += 1
    evaluation._change_reason = reason
    evaluation._history_user = _user(user)
    evaluation.full_clean()
    evaluation.save()
    return evaluation


def evaluation_save(*, evaluation: AgreementEvaluation, user=None, seen_version: int | None = None) -> AgreementEvaluation:
    """Create a draft, or save the changes to a draft or a returned evaluation.

    ``seen_version`` is the version the form was opened on: a save over a newer
    one is refused with what changed and who changed it."""
    with transaction.atomic():
        if evaluation.agreement_id is not None and user is not None and not may_draft(user, evaluation.agreement):
            raise PermissionDenied(gettext("Sólo el enlace de la dependencia del acuerdo o la CGAI evalúan este acuerdo."))
        if evaluation.agreement_id is not None and evaluation.year and evaluation.half:
            ensure_evaluable(evaluation.agreement, evaluation.semester)
        if evaluation.pk is None:
            if evaluation.evaluated_by_id is None:
                evaluation.evaluated_by = _user(user)
            evaluation.status = EvaluationStatus.DRAFT
            evaluation.version = 0
            apply_translation_rules(evaluation, before=None)
            return _save(evaluation, user, gettext("Borrador creado"))
        locked = _locked(evaluation)
        if locked.status not in EDITABLE:
            raise ValidationError(ALREADY[locked.status])
        if seen_version is not None:
            ensure_version(locked, seen_version)
        evaluation.version = locked.version
        evaluation.status = locked.status
        apply_translation_rules(evaluation, before=locked)
        return _save(evaluation, user, gettext("Borrador modificado"))


def _admin_link(evaluation: AgreementEvaluation) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk])


def _tell(recipients, subject: str, body: str) -> None:
    recipients = [address for address in recipients if address]
    if recipients:
        queue_email(to=recipients, subject=subject, body=body)


def evaluation_submit(*, evaluation: AgreementEvaluation, user, seen_version: int | None = None) -> AgreementEvaluation:
    """The liaison (or a reviewer) sends a draft or a returned evaluation to CGAI's review."""
    with transaction.atomic():
        locked = _locked(evaluation)
        if not may_draft(user, locked.agreement):
            raise PermissionDenied(gettext("Sólo el enlace de la dependencia del acuerdo o la CGAI envían esta evaluación."))
        if locked.status not in EDITABLE:
            raise ValidationError(ALREADY[locked.status])
        if seen_version is not None:
            ensure_version(locked, seen_version)
        locked.status = EvaluationStatus.SUBMITTED
        locked.submitted_at, locked.submitted_by = timezone.now(), _user(user)
        _save(locked, user, gettext("Enviada a revisión"))
        with translation.override(settings.LANGUAGE_CODE):
            _tell(
                reviewers().exclude(pk=user.pk).values_list("email", flat=True),
                gettext("Evaluación para revisión: %(evaluation)s") % {"evaluation": locked},
                gettext(
                    "%(user)s envió a revisión la evaluación del semestre %(semester)s de «%(agreement)s».\n\n"
                    "Revísela y apruébela, o devuélvala con sus observaciones:\n%(link)s\n"
                ) % {
                    "user": user.get_full_name() or user.get_username(), "semester": locked.semester.label,
                    "agreement": locked.agreement, "link": _admin_link(locked),
                },
            )
    return locked


def _review(evaluation, user, seen_version):
    if not user_can_review(user):
        raise PermissionDenied(gettext("Sólo la revisión de la CGAI aprueba o devuelve una evaluación."))
    locked = _locked(evaluation)
    if locked.status != EvaluationStatus.SUBMITTED:
        raise ValidationError(ALREADY[locked.status])
    if seen_version is not None:
        ensure_version(locked, seen_version)
    locked.reviewed_at, locked.reviewed_by = timezone.now(), _user(user)
    return locked


def evaluation_return(
    *, evaluation: AgreementEvaluation, user, comment: str, seen_version: int | None = None
) -> AgreementEvaluation:
    """A CGAI reviewer returns a submitted evaluation to its body, with observations."""
    comment = (comment or "").strip()
    with transaction.atomic():
        locked = _review(evaluation, user, seen_version)
        if not comment:
            raise ValidationError({"review_comment": gettext("Escriba las observaciones que el enlace debe atender.")})
        locked.status, locked.review_comment = EvaluationStatus.RETURNED, comment
        _save(locked, user, gettext("Devuelta con observaciones: %(comment)s") % {"comment": comment})
        with translation.override(settings.LANGUAGE_CODE):
            _tell(
                [locked.submitted_by.email if locked.submitted_by else ""],
                gettext("Evaluación devuelta: %(evaluation)s") % {"evaluation": locked},
                gettext(
                    "La CGAI devolvió la evaluación del semestre %(semester)s de «%(agreement)s» con estas "
                    "observaciones:\n\n%(comment)s\n\nCorríjala y envíela de nuevo:\n%(link)s\n"
                ) % {
                    "semester": locked.semester.label, "agreement": locked.agreement, "comment": comment,
                    "link": _admin_link(locked),
                },
            )
    return locked


def evaluation_approve(*, evaluation: AgreementEvaluation, user, seen_version: int | None = None) -> AgreementEvaluation:
    """A CGAI reviewer approves a submitted evaluation: it enters the semester's report."""
    with transaction.atomic():
        locked = _review(evaluation, user, seen_version)
        locked.status, locked.review_comment = EvaluationStatus.APPROVED, ""
        if locked.has_english:
            locked.translation_status, locked.translation_outdated = TranslationStatus.REVIEWED, False
            locked.translation_reviewed_at, locked.translation_reviewed_by = locked.reviewed_at, locked.reviewed_by
        _save(locked, user, gettext("Aprobada"))
        with translation.override(settings.LANGUAGE_CODE):
            _tell(
                [locked.submitted_by.email if locked.submitted_by else ""],
                gettext("Evaluación aprobada: %(evaluation)s") % {"evaluation": locked},
                gettext(
                    "La CGAI aprobó la evaluación del semestre %(semester)s de «%(agreement)s»: entrará en el "
                    "informe del semestre.\n%(link)s\n"
                ) % {"semester": locked.semester.label, "agreement": locked.agreement, "link": _admin_link(locked)},
            )
    return locked
