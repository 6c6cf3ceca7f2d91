"""The public collections the API and the bulk downloads serve.

One ``Collection`` per resource: its published records with what an item
shows already fetched (a selector), the FilterSet the portal's list uses, the
search kind that ``q`` looks up in the search index, the fields it may be
ordered by, and the identifier of an item. The API and the downloads read
records only through ``Collection.records``, so both filter, search and
order alike, and both start from ``.published()``.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import F, Model, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy as _

from agreements.filters import ActionFilterSet, AgreementFilterSet
from agreements.models import Action, Agreement, Commitment
from agreements.selectors import published_actions, published_agreement_details, published_commitments
from cdmx_global.filters import CounterpartFilterSet, GovernmentBodyFilterSet
from cdmx_global.models import Counterpart, GovernmentBody, Theme
from cdmx_global.selectors import published_bodies, published_counterpart_details, published_themes
from events.filters import AwardFilterSet, EventFilterSet, VisitFilterSet
from events.models import Award, Event, Visit
from events.selectors import published_awards, published_event_details, published_visit_details
from networks.filters import MembershipFilterSet, NetworkFilterSet, PositionFilterSet
from networks.models import Membership, Network, Position
from networks.selectors import published_memberships, published_networks, published_positions
from search.filters import MAX_QUERY_LENGTH
from search.models import EntryKind, SearchEntry
from search.selectors import entries_matching
from search.text import search_terms

from .moments import UPDATED_SINCE_PARAMETER, moment_parameter

#: The query parameters every collection reads besides its FilterSet's.
QUERY_PARAMETER = "q"
ORDERING_PARAMETER = "ordering"


@dataclass(frozen=True)
class Collection:
    """A public collection.

    ``ordering_fields`` maps each public ordering name to a model path; the
    default order is the model's, then the primary key, so pages never
    overlap. ``search_kind`` is the search index's kind for ``q``; a
    catalogue without one (bodies, themes) matches ``q`` in ``search_fields``.
    ``updated_field`` is the time the record's own row last changed, which
    ``updated_since`` compares. ``logged`` says whether its records' public
    changes are in the public change log (``cdmx_global.changelog``): if not,
    its answers give no Last-Modified (``cdmx_global.conditional``).
    """

    name: str
    verbose_name: Promise
    model: type[Model]
    queryset: Callable[[], QuerySet]
    lookup_field: str
    filterset_class: type | None = None
    search_kind: str | None = None
    search_fields: tuple[str, ...] = ()
    ordering_fields: Mapping[str, str] = field(default_factory=dict)
    updated_field: str = "updated_at"
    logged: bool = True

    @property
    def default_ordering(self) -> list:
        return [*self.model._meta.ordering, "pk"]

    def published(self) -> QuerySet:
        """Every published record, in the default order."""
        return self.queryset().order_by(*self.default_ordering)

    def records(self, params: Mapping[str, str]) -> QuerySet:
        """The published records ``params`` select: the FilterSet's filters,
        ``q`` and ``ordering``. Raises ``ValidationError`` (a dict of Spanish
        messages per parameter) when a value is invalid."""
        return self.select(self.published(), params)

    def select(self, queryset: QuerySet, params: Mapping[str, str]) -> QuerySet:
        """``records()`` over a given queryset of this collection."""
        errors = {}
        try:
            queryset = self.filter(queryset, params)
        except ValidationError as error:
            errors.update(error.message_dict)
        try:
            since = moment_parameter(params, UPDATED_SINCE_PARAMETER)
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
        if since is not None:
            queryset = queryset.filter(**{f"{self.updated_field}__gte": since})
        queryset = self.search(queryset, params.get(QUERY_PARAMETER, ""))
        return self.order(queryset, params.get(ORDERING_PARAMETER, ""))

    def filter(self, queryset: QuerySet, params: Mapping[str, str]) -> QuerySet:
        if self.filterset_class is None:
            return queryset
        filterset = self.filterset_class(params, queryset=queryset)
        if not filterset.is_valid():
            raise ValidationError({name: list(errors) for name, errors in filterset.errors.items()})
        return filterset.qs

    def search(self, queryset: QuerySet, query: str) -> QuerySet:
        """The records holding every word of ``query`` (accents and case
        ignored, as in the portal's search); an empty query keeps them all,
        a query of stop words only («de la») finds nothing."""
        query = query.strip()
        if not query:
            return queryset
        try:
            # As the portal search's box refuses it (a form's CharField): a NUL
            # character cannot reach PostgreSQL, which refuses it in any text.
            ProhibitNullCharactersValidator()(query)
        except ValidationError as error:
            raise ValidationError({QUERY_PARAMETER: error.messages}) from error
        if len(query) > MAX_QUERY_LENGTH:
            raise ValidationError({
                # The portal search's own message, so both read (and translate) alike.
                QUERY_PARAMETER: [gettext("Escriba una búsqueda de %(limit_value)d caracteres como máximo.")
                                  % {"limit_value": MAX_QUERY_LENGTH}]
            })
        if self.search_kind is None:
            condition = Q()
            for word in query.split():
                condition &= Q.create([(f"{name}__icontains", word) for name in self.search_fields], connector=Q.OR)
            return queryset.filter(condition)
        terms = search_terms(query)
        entries = entries_matching(SearchEntry.objects.filter(kind=self.search_kind), terms)
        return queryset.filter(pk__in=entries.values("object_id"))

    def order(self, queryset: QuerySet, ordering: str) -> QuerySet:
        """``ordering`` is a comma-separated list of ordering names, each
        optionally preceded by ``-`` for descending; records without a value
        come last either way."""
        names = [name.strip() for name in ordering.split(",") if name.strip()]
        if not names:
            return queryset
        unknown = [name for name in names if name.removeprefix("-") not in self.ordering_fields]
        if unknown:
            raise ValidationError({
                ORDERING_PARAMETER: [
                    gettext("No se puede ordenar por «%(value)s». Elija entre: %(choices)s.")
                    % {"value": unknown[0], "choices": ", ".join(self.ordering_names)}
                ]
            })
        expressions = []
        for name in names:
            path = F(self.ordering_fields[name.removeprefix("-")])
            expressions.append(path.desc(nulls_last=True) if name.startswith("-") else path.asc(nulls_last=True))
        return queryset.order_by(*expressions, "pk")

    @property
    def ordering_names(self) -> list[str]:
        return list(self.ordering_fields)


def _record_ordering(date_field: str, title_field: str) -> dict[str, str]:
    return {date_field: date_field, title_field: title_field, "updated_at": "updated_at"}


COLLECTIONS: dict[str, Collection] = {
    collection.name: collection
    for collection in (
        Collection(
            name="agreements", verbose_name=_("Acuerdos internacionales"), model=Agreement,
            queryset=published_agreement_details, lookup_field="code",
            filterset_class=AgreementFilterSet, search_kind=EntryKind.AGREEMENT,
            ordering_fields=_record_ordering("signed_on", "title"),
        ),
        Collection(
            name="actions", verbose_name=_("Acciones"), model=Action,
            queryset=published_actions, lookup_field="pk",
            filterset_class=ActionFilterSet, search_kind=EntryKind.ACTION,
            ordering_fields=_record_ordering("start_on", "title"),
        ),
        Collection(
            name="counterparts", verbose_name=_("Contrapartes"), model=Counterpart,
            queryset=published_counterpart_details, lookup_field="slug",
            filterset_class=CounterpartFilterSet, search_kind=EntryKind.COUNTERPART,
            ordering_fields={"name": "name", "country": "country", "updated_at": "updated_at"},
        ),
        Collection(
            name="networks", verbose_name=_("Redes de ciudades"), model=Network,
            queryset=published_networks, lookup_field="slug",
            filterset_class=NetworkFilterSet, search_kind=EntryKind.NETWORK,
            ordering_fields={"name": "name", "updated_at": "updated_at"},
        ),
        Collection(
            name="memberships", verbose_name=_("Membresías en redes"), model=Membership,
            queryset=published_memberships, lookup_field="pk",
            filterset_class=MembershipFilterSet, search_kind=EntryKind.MEMBERSHIP,
            ordering_fields={"start_on": "start_on", "network": "network__name", "updated_at": "updated_at"},
        ),
        Collection(
            name="positions", verbose_name=_("Cargos de dirección en redes"), model=Position,
            queryset=published_positions, lookup_field="pk",
            filterset_class=PositionFilterSet, search_kind=EntryKind.POSITION,
            ordering_fields={
                "start_on": "start_on", "title": "title", "network": "network__name", "updated_at": "updated_at",
            },
        ),
        Collection(
            name="visits", verbose_name=_("Visitas oficiales"), model=Visit,
            queryset=published_visit_details, lookup_field="pk",
            filterset_class=VisitFilterSet, search_kind=EntryKind.VISIT,
            ordering_fields=_record_ordering("start_on", "title"),
        ),
        Collection(
            name="events", verbose_name=_("Eventos internacionales"), model=Event,
            queryset=published_event_details, lookup_field="pk",
            filterset_class=EventFilterSet, search_kind=EntryKind.EVENT,
            ordering_fields=_record_ordering("start_on", "name"),
        ),
        Collection(
            name="awards", verbose_name=_("Premios y reconocimientos"), model=Award,
            queryset=published_awards, lookup_field="pk",
            filterset_class=AwardFilterSet, search_kind=EntryKind.AWARD,
            ordering_fields=_record_ordering("awarded_on", "title"),
        ),
        Collection(
            name="bodies", verbose_name=_("Dependencias"), model=GovernmentBody,
            queryset=published_bodies, lookup_field="slug",
            filterset_class=GovernmentBodyFilterSet, search_fields=("name", "acronym"),
            ordering_fields={"name": "name", "acronym": "acronym"},
        ),
        Collection(
            name="themes", verbose_name=_("Temas"), model=Theme,
            queryset=published_themes, lookup_field="slug",
            search_fields=("name",),
            ordering_fields={"name": "name"},
        ),
    )
}

#: The commitments of published agreements, one row each: a download only, as
#: the API gives them within their agreement's item.
COMMITMENTS = Collection(
    name="commitments", verbose_name=_("Compromisos de los acuerdos"), model=Commitment,
    queryset=published_commitments, lookup_field="pk",
    search_fields=("objective", "text", "indicator", "unit", "agreement__code", "agreement__title"),
    ordering_fields={
        "agreement": "agreement__code", "target_date": "target_date", "objective": "objective",
        "updated_at": "updated_at",
    },
    # Edited with their agreement, whose logged changes do not name them.
    logged=False,
)
