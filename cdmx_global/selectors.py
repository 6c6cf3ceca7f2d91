"""Reads that more than one place needs, over what every app shares."""

from django.db.models import Avg, Count, F, Func, IntegerField, Min, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, Round

from .access import records_for_user
from .models import Counterpart, GovernmentBody, Theme
from .published import published_condition


# Public reads of counterparts. The records linked to a counterpart (its
# agreements, visits...) are named by the relation from the counterpart, so
# the kernel reads them without importing the apps that hold them.

#: The records a counterpart's list row counts: annotation name and relation from the counterpart.
COUNTED_LINKS = {
    "agreement_count": "agreements",
    "visit_count": "visits",
    "event_count": "events",
    "award_count": "awards_granted",
}


def _published_count(relation: str) -> Coalesce:
    """The number of published records linked to the outer counterpart through ``relation``.

    A correlated subquery per figure rather than ``Count`` over four joins,
    which would multiply the rows of each relation by the others'.
    """
    link = Counterpart._meta.get_field(relation)
    linked = (
        link.related_model.objects.published()
        .filter(**{link.field.name: OuterRef("pk")})
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")
    )
    return Coalesce(Subquery(linked, output_field=IntegerField()), 0)


def published_counterparts_alone() -> QuerySet:
    """Published counterparts and nothing linked to them: for counts, and for
    lines that name each one."""
    return Counterpart.objects.published()


def published_counterparts() -> QuerySet:
    """Published counterparts, each with its number of published agreements, visits, events and awards."""
    return Counterpart.objects.published().annotate(
        **{name: _published_count(relation) for name, relation in COUNTED_LINKS.items()}
    )


def published_counterpart_details() -> QuerySet:
    """Published counterparts with every published record linked to them fetched.

    A visit guest is shown through its visit, so only guests of published
    visits are fetched (a guest has no status of its own).
    """
    guests = Counterpart._meta.get_field("visit_guests").related_model.objects.filter(published_condition("visit"))
    return (
        Counterpart.objects.published()
        .select_related("body")
        .with_published(
            "agreements", "actions", "visits", "events", "awards_granted", "convened_networks",
            Prefetch("visit_guests", queryset=guests.select_related("visit")),
        )
    )


def counterparts_by_country() -> QuerySet:
    """Per country of a published counterpart: ``country``, ``counterparts`` and
    ``agreements`` (published agreements with a published counterpart there); one query."""
    return (
        Counterpart.objects.published()
        .exclude(country="")
        .values("country")
        .annotate(
            counterparts=Count("pk", distinct=True),
            agreements=Count("agreements", filter=published_condition("agreements"), distinct=True),
        )
        .order_by("country")
    )


def counterpart_places() -> QuerySet:
    """Published counterparts with coordinates grouped by place, the map's
    markers; one query, with a row per place however many counterparts are there.

    A place is a country and a cell of one degree (``latitude_cell`` and
    ``longitude_cell``, the rounded coordinates): a city and its surroundings,
    never two countries (a city astride a cell's edge makes two places). Each
    row gives ``country``, ``counterparts`` (how many), ``mean_latitude`` and
    ``mean_longitude`` (where the marker goes) and the least name, slug and
    kind there (``first_name``, ``first_slug``, ``first_kind``): for a lone
    counterpart, its own.
    """
    return (
        Counterpart.objects.published()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values("country", latitude_cell=Round("latitude", 0), longitude_cell=Round("longitude", 0))
        .annotate(
            counterparts=Count("pk"),
            mean_latitude=Avg("latitude"),
            mean_longitude=Avg("longitude"),
            first_name=Min("name"),
            first_slug=Min("slug"),
            first_kind=Min("kind"),
        )
        .order_by("first_name", "country", "latitude_cell", "longitude_cell")
    )


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

