"""Reads that more than one place needs, over what every app shares."""

from django.db.models import QuerySet

from .access import records_for_user
from .models import Counterpart, GovernmentBody, Theme


def downloadable_records(*, user, model) -> QuerySet:
    """The records of ``model`` whose documents ``user`` may download.

    Published records are public. Staff who may view ``model`` also preview
    the other records they may edit (their body's, or any for a reviewer), so
    a draft's document never reaches anyone else.
    """
    published = model.objects.published()
    opts = model._meta
    if not (user.is_active and user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")):
        return published
    return published | records_for_user(user=user, queryset=model.objects.all())


def published_bodies() -> QuerySet:
    """Published government bodies."""
    return GovernmentBody.objects.published()


def published_themes() -> QuerySet:
    """Published themes."""
    return Theme.objects.published()


def published_counterpart_details() -> QuerySet:
    """Published counterparts with their responsible body and every published
    record linked to them: agreements, actions, visits, events, the awards
    they granted and the networks they convene.

    The relations are named, not imported: the kernel imports no app above it.
    """
    return (
        Counterpart.objects.published()
        .select_related("body")
        .with_published("agreements", "actions", "visits", "events", "awards_granted", "convened_networks")
    )
