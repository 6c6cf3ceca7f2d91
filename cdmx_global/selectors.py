"""Reads that more than one place needs, over what every app shares."""

from django.db.models import QuerySet

from .access import records_for_user


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
