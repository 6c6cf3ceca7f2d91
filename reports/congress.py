"""The Congress's own evaluation of a delivered report, entered by the Congress
(art. 20, numeral 8):

    draft (shared by the Congress's accounts) → submitted, with its act
    submitted ← correction: a new draft that says what it corrects → submitted

- Only the Congress's accounts draft the evaluation of a delivered report,
  overall and per agreement of the report: CGAI no longer types it. There is one draft per report at a time, shared by
  every Congress account; each save raises ``version`` and a save over a
  newer one is refused (``cdmx_global.versioning``).
- It is submitted with the number and date of the Congress's act that
  approved it; then it never changes. A correction is a new evaluation of the
  same report that names the one it corrects and says what it corrects.
- CGAI's reviewers are told by email when one is submitted.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from background.mail import queue_email
from cdmx_global.access import reviewers
from cdmx_global.versioning import ensure_version
from staff.roles import CONGRESS

from .models import CongressAgreementEvaluation, CongressEvaluation, CongressStatus, Report

def is_congress(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active
        and user.groups.filter(name=CONGRESS.group_name).exists()
    )


def _require_congress(user) -> None:
    if not is_congress(user):
        raise PermissionDenied(gettext("Sólo las cuentas del Congreso registran la evaluación del Congreso."))


def _require_delivered(report: Report) -> None:
    if not report.is_frozen:
        raise ValidationError(
            {"report": gettext("El Congreso evalúa un informe ya entregado; este informe aún no se entrega.")}
        )


def report_agreement_codes(report: Report) -> set[str]:
    """The codes of the agreements the report lists: the ones the Congress may evaluate one by one."""
    rows = report.content.get("tables", {}).get("agreements", {}).get("rows", [])
    return {row["code"] for row in rows if row.get("code")}


def _check_entries(evaluation: CongressEvaluation, entries) -> None:
    allowed = report_agreement_codes(evaluation.report)
    seen = set()
    for entry in entries:
        if entry.agreement.code not in allowed:
            raise ValidationError(
                {"agreement": gettext("«%(agreement)s» no está en este informe.") % {"agreement": entry.agreement}}
            )
        if entry.agreement_id in seen:
            raise ValidationError(
                {"agreement": gettext("«%(agreement)s» aparece dos veces.") % {"agreement": entry.agreement}}
            )
        seen.add(entry.agreement_id)


def _save(evaluation: CongressEvaluation, user, reason: str) -> CongressEvaluation:
    evaluation.version += 1
    evaluation._change_reason = reason
    evaluation._history_user = user
    evaluation.full_clean()
    evaluation.save()
    return evaluation


def _locked(evaluation: CongressEvaluation) -> CongressEvaluation:
    return CongressEvaluation.objects.select_for_update().select_related("report").get(pk=evaluation.pk)


def congress_draft_save(
    *, evaluation: CongressEvaluation, user, entries=None, seen_version: int | None = None
) -> CongressEvaluation:
    """Create or save the Congress's draft of a report's evaluation.

    ``entries`` (unsaved ``CongressAgreementEvaluation``, if given) replace the
    draft's entries per agreement. A submitted evaluation is never changed."""
    _require_congress(user)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=evaluation.report_id)
        _require_delivered(report)
        evaluation.report = report
        if evaluation.pk is None:
            if evaluation.corrects_id is None and CongressEvaluation.objects.filter(
                report=report, status=CongressStatus.DRAFT
            ).exists():
                raise ValidationError(gettext("Ya hay un borrador del Congreso para ese informe: continúe ése."))
            evaluation.status, evaluation.version, evaluation.created_by = CongressStatus.DRAFT, 0, user
            reason = gettext("Borrador creado")
        else:
            locked = _locked(evaluation)
            if locked.status != CongressStatus.DRAFT:
                raise ValidationError(
                    gettext("Esta evaluación ya se envió y no cambia: para corregirla, registre una corrección.")
                )
            if seen_version is not None:
                ensure_version(locked, seen_version)
            evaluation.version, evaluation.status = locked.version, locked.status
            reason = gettext("Borrador modificado")
        if entries is not None:
            entries = list(entries)
            _check_entries(evaluation, entries)
        _save(evaluation, user, reason)
        if entries is not None:
            _replace_entries(evaluation, entries, user)
    return evaluation


def _replace_entries(evaluation: CongressEvaluation, entries, user) -> None:
    """The draft's entries become ``entries``: an agreement's entry kept is
    updated in place (its history goes on), one left out is removed."""
    kept = {entry.agreement_id: entry.pk for entry in evaluation.entries.all()}
    evaluation.entries.exclude(agreement_id__in=[entry.agreement_id for entry in entries]).delete()
    for entry in entries:
        entry.pk, entry.evaluation = kept.get(entry.agreement_id), evaluation
        entry._state.adding = entry.pk is None
        entry._history_user = user
        entry.full_clean()
        entry.save()


def congress_submit(
    *, evaluation: CongressEvaluation, user, act_number: str, act_date: datetime.date | None,
    seen_version: int | None = None,
) -> CongressEvaluation:
    """Submit the Congress's draft with the act of the Congress that approved it."""
    _require_congress(user)
    act_number = (act_number or "").strip()
    with transaction.atomic():
        locked = _locked(evaluation)
        if locked.status != CongressStatus.DRAFT:
            raise ValidationError(gettext("Esta evaluación ya se envió: no se envía dos veces."))
        if seen_version is not None:
            ensure_version(locked, seen_version)
        errors = {}
        if not act_number:
            errors["act_number"] = gettext("Indique el número del acuerdo del Congreso que aprobó la evaluación.")
        if act_date is None:
            errors["act_date"] = gettext("Indique la fecha del acuerdo del Congreso.")
        elif act_date > timezone.localdate():
            errors["act_date"] = gettext("La fecha del acuerdo no puede estar en el futuro.")
        elif locked.report.delivered_on and act_date < locked.report.delivered_on:
            errors["act_date"] = gettext("El acuerdo no puede ser anterior a la entrega del informe al Congreso.")
        if not locked.assessment.strip() and not locked.entries.exists():
            errors["assessment"] = gettext("Escriba la evaluación general o evalúe al menos un acuerdo antes de enviar.")
        if errors:
            raise ValidationError(errors)
        locked.status, locked.act_number, locked.act_date = CongressStatus.SUBMITTED, act_number, act_date
        locked.submitted_at, locked.submitted_by = timezone.now(), user
        _save(locked, user, gettext("Enviada por el Congreso (acuerdo %(act)s)") % {"act": act_number})
        _tell_cgai(locked, user)
    return locked


def congress_correction_start(*, corrects: CongressEvaluation, user, note: str) -> CongressEvaluation:
    """Start a correction of a submitted evaluation: a new draft with its
    content, which names the one it corrects and says what it corrects."""
    _require_congress(user)
    note = (note or "").strip()
    with transaction.atomic():
        original = _locked(corrects)
        if original.status != CongressStatus.SUBMITTED:
            raise ValidationError(gettext("Sólo se corrige una evaluación ya enviada; un borrador se edita."))
        if CongressEvaluation.objects.filter(corrects=original).exists():
            raise ValidationError(gettext("Esa evaluación ya tiene una corrección: corrija la más reciente."))
        if not note:
            raise ValidationError({"correction_note": gettext("Diga qué corrige esta corrección.")})
        if CongressEvaluation.objects.filter(report=original.report, status=CongressStatus.DRAFT).exists():
            raise ValidationError(gettext("Ya hay un borrador del Congreso para ese informe: continúe ése."))
        correction = CongressEvaluation(
            report=original.report, corrects=original, correction_note=note,
            score=original.score, assessment=original.assessment, observations=original.observations,
        )
        entries = [
            CongressAgreementEvaluation(
                agreement=entry.agreement, score=entry.score, assessment=entry.assessment,
                recommendation=entry.recommendation, observations=entry.observations,
            )
            for entry in original.entries.select_related("agreement")
        ]
        return congress_draft_save(evaluation=correction, user=user, entries=entries)


def current_congress_evaluations(report: Report):
    """The submitted evaluations of ``report`` that no submitted correction replaces
    (a correction still in draft leaves the one it corrects current)."""
    return (
        CongressEvaluation.objects.submitted().filter(report=report)
        .exclude(corrected_by__status=CongressStatus.SUBMITTED)
    )


def _admin_link(evaluation: CongressEvaluation) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:reports_congressevaluation_change", args=[evaluation.pk])


def _tell_cgai(evaluation: CongressEvaluation, user) -> None:
    recipients = [address for address in reviewers().values_list("email", flat=True) if address]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        what = (
            gettext("una corrección de su evaluación (%(note)s)") % {"note": evaluation.correction_note}
            if evaluation.corrects_id else gettext("su evaluación")
        )
        queue_email(
            to=recipients,
            subject=gettext("El Congreso envió su evaluación: %(report)s") % {"report": evaluation.report},
            body=gettext(
                "%(commission)s envió %(what)s del %(report)s, aprobada por el acuerdo %(act)s del %(date)s.\n\n"
                "Acuerdos evaluados uno por uno: %(count)s.\n\nLa evaluación:\n%(link)s\n"
            ) % {
                "commission": settings.CONGRESS_COMMISSION_NAME, "what": what, "report": evaluation.report,
                "act": evaluation.act_number, "date": evaluation.act_date.strftime("%d/%m/%Y"),
                "count": evaluation.entries.count(), "link": _admin_link(evaluation),
            },
        )
