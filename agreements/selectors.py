"""Reads of agreements that more than one place needs."""

import datetime

from django.db.models import F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.published import Link, published_condition, published_prefetch

from .models import Action, Agreement, AgreementKind, Commitment, Validity

#: How far ahead staff are warned of an agreement's end.
ENDING_SOON_DAYS = 90


def _in_force(queryset: QuerySet | None) -> QuerySet:
    """Agreements marked in force, whatever their publication step but withdrawn."""
    queryset = Agreement.objects.all() if queryset is None else queryset
    return (
        queryset.filter(validity=Validity.IN_FORCE, valid_until__isnull=False)
        .exclude(status=PublicationStatus.WITHDRAWN)
        .select_related("body")
        .order_by("valid_until", "title", "pk")
    )


def _end_period_starts_on_or_after(day: datetime.date) -> Q:
    """The end period (a day, a month or a year) does not end before ``day``.

    ``valid_until`` holds the first day of its period, so a month's period
    reaches ``day`` when it starts on or after ``day``'s month, and a year's
    when it starts on or after ``day``'s year.
    """
    return (
        Q(valid_until_precision=DatePrecision.DAY, valid_until__gte=day)
        | Q(valid_until_precision=DatePrecision.MONTH, valid_until__gte=day.replace(day=1))
        | Q(valid_until_precision=DatePrecision.YEAR, valid_until__gte=day.replace(month=1, day=1))
    )


def agreements_ending_soon(
    *, today: datetime.date, days: int = ENDING_SOON_DAYS, queryset: QuerySet | None = None
) -> QuerySet:
    """Agreements in force whose validity may end between ``today`` and ``today + days``, both included.

    ``valid_until`` is a partial date: a month or a year stands for the whole
    period, and the agreement is listed when that period overlaps the window.
    So with today 23 November 2026 and 90 days (to 21 February 2027), an end
    in «noviembre de 2026», «2026», «febrero de 2027» or «2027» is listed,
    one in «marzo de 2027» or «2028» is not. Staff are warned early rather
    than late; the list shows each date at its precision. Withdrawn records
    are left out; drafts, records in review and published ones all count.
    Ordered by the earliest day the validity may end.
    """
    horizon = today + datetime.timedelta(days=days)
    return _in_force(queryset).filter(_end_period_starts_on_or_after(today), valid_until__lte=horizon)


def agreements_past_end(*, today: datetime.date, queryset: QuerySet | None = None) -> QuerySet:
    """Agreements still marked in force whose whole end period is before ``today``.

    Their validity (and perhaps their renewal) needs updating. An end in
    «noviembre de 2026» or «2026» is not past on 23 November 2026; one on
    22 November 2026, in «octubre de 2026» or in «2025» is.
    """
    return _in_force(queryset).exclude(_end_period_starts_on_or_after(today))


# Public reads. Every linked record is loaded through ``with_published()``, so
# a draft linked to a published record shows nowhere; a forward link to a
# record that is not published reads as ``None``.

#: What a public agreement or action shows of what it is classified by.
CLASSIFICATION = ("counterparts", "themes", "sdgs", "frameworks")
#: What a line of their public lists shows of it.
LISTED = ("counterparts", "themes")


def published_agreements(links=CLASSIFICATION) -> QuerySet:
    """Published agreements with their published counterparts, themes, ODS,
    frameworks (or only ``links``) and responsible body, newest signature first."""
    return (
        Agreement.objects.published()
        .select_related("body")
        .with_published(*links)
        .order_by(F("signed_on").desc(nulls_last=True), "title", "pk")
    )


def _commitments() -> tuple[Prefetch, Prefetch]:
    """An agreement's commitments in their order (they carry no status of their
    own: they are public with their agreement), and each one's responsible body
    in ``public_body`` only if published (else ``None``).

    The body is a lookup of the agreement's own: nested in the commitments'
    queryset, Django would fetch it once and then each commitment's again."""
    return (
        Prefetch("commitments", queryset=Commitment.objects.order_by("order", "pk")),
        published_prefetch(Agreement, "commitments__body", to_attr="public_body"),
    )


def listed_agreements() -> QuerySet:
    """Published agreements with what a line of their list shows: their
    published counterparts and themes (not their ODS nor frameworks)."""
    return published_agreements(LISTED)


def published_agreement_details() -> QuerySet:
    """``published_agreements()`` with everything the detail page shows:
    other bodies, renewals, the event of signature, the commitments and the
    actions under it."""
    return published_agreements().with_published(
        "other_bodies",
        "renews",
        Link("renewed_by", order_by=(F("signed_on").asc(nulls_last=True), "pk")),
        "signed_at_event",
        *_commitments(),
        Link("actions", order_by=(F("start_on").asc(nulls_last=True), "title", "pk")),
    )


def published_commitments() -> QuerySet:
    """The commitments of published agreements, each with its agreement and its
    responsible body only if published (``public_body``), in their agreements' order."""
    return (
        Commitment.objects.published()
        .select_related("agreement")
        .prefetch_related(published_prefetch(Commitment, "body", to_attr="public_body"))
    )


def un_framework_conventions() -> QuerySet:
    """Published framework conventions with at least one published UN-system counterpart."""
    un_parties = Agreement.counterparts.through.objects.filter(
        published_condition("counterpart"), counterpart__is_un_system=True
    )
    return listed_agreements().filter(kind=AgreementKind.FRAMEWORK, pk__in=un_parties.values("agreement_id"))


def listed_actions() -> QuerySet:
    """Published actions with what a line of their list shows: their published
    agreement, counterparts and themes (not their ODS nor frameworks)."""
    return published_actions(LISTED)


def published_actions(links=CLASSIFICATION) -> QuerySet:
    """Published actions with their published agreement, counterparts, themes,
    ODS, frameworks (or only ``links``) and responsible body, newest start first."""
    return (
        Action.objects.published()
        .select_related("body")
        .with_published("agreement", *links)
        .order_by(F("start_on").desc(nulls_last=True), "title", "pk")
    )


# Reads of the pages and the search that gather every kind of record.


def published_agreements_alone() -> QuerySet:
    """Published agreements and nothing linked to them: for counts, and for
    lines that name each one (its title, kind, date and address)."""
    return Agreement.objects.published()


def published_actions_alone() -> QuerySet:
    """Published actions and nothing linked to them (see ``published_agreements_alone``)."""
    return Action.objects.published()


def searchable_agreements() -> QuerySet:
    """Published agreements with the published records whose words they are
    found by: counterparts (by name), themes and frameworks."""
    return Agreement.objects.published().with_published(
        Link("counterparts", order_by=("name",)), "themes", "frameworks"
    )


def searchable_actions() -> QuerySet:
    """Published actions with the published records whose words they are
    found by: counterparts (by name), themes and frameworks."""
    return Action.objects.published().with_published(Link("counterparts", order_by=("name",)), "themes", "frameworks")


def recently_published_agreements(limit: int = 20) -> QuerySet:
    """The last ``limit`` agreements published (by ``published_at``, or their
    last update when that is missing), newest first."""
    return (
        Agreement.objects.published()
        .select_related("body")
        .alias(published_or_updated=Coalesce("published_at", "updated_at"))
        .order_by(F("published_or_updated").desc(), "pk")[:limit]
    )
