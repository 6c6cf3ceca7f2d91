"""What can be followed, and which of a window's changes concern it.

A list (every public list and the search, with its filters) is matched with
the list's own view: its FilterSet over its published selector, exactly as
the page filters, so an alert never says a record is on a list the list does
not show. A record (an agreement, a counterpart, a country, a network) is
matched through the records its page shows; the reports, by a new report.

``target_from`` reads what a «Seguir» link or form sends and refuses, in
Spanish, anything the portal would not show: an unknown list, a filter value
that does not exist, a record not published.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.translation import gettext
from django_countries import countries

from agreements.models import Agreement
from cdmx_global.listing import RecordListView
from cdmx_global.models import Counterpart
from cdmx_global.published import PublicationStatus
from networks.models import HostedOffice, Membership, Network, Position
from search.indexed import INDEXED
from search.models import SearchEntry
from search.selectors import search_entries

from .models import TargetKind

#: Every public list, by its view's name; the search is a list too.
FOLLOWABLE_LISTS = (
    "agreements:list",
    "agreements:un_conventions",
    "agreements:action_list",
    "networks:list",
    "networks:position_list",
    "events:event_list",
    "events:visit_list",
    "events:award_list",
    "portal:counterpart_list",
    "search:results",
)
SEARCH_LIST = "search:results"

#: The lists a country page gathers, each filtered by its ``country``.
COUNTRY_LISTS = (
    "portal:counterpart_list",
    "agreements:list",
    "agreements:action_list",
    "events:visit_list",
    "events:award_list",
    "events:event_list",
)

#: The records a counterpart's page shows, by the counterpart's reverse relation to each.
COUNTERPART_RELATIONS = ("agreements", "actions", "visits", "events", "awards_granted", "convened_networks")

#: A network's page shows its memberships, positions and offices.
NETWORK_PARTS = (Membership, Position, HostedOffice)


def list_view(name: str) -> type[RecordListView]:
    """The view class of the followable list ``name``."""
    if name not in FOLLOWABLE_LISTS:
        raise ValidationError(gettext("Esa lista no se puede seguir."))
    return resolve(reverse(name)).func.view_class


def list_queryset(name: str) -> QuerySet:
    """The list's published selector, as its page reads it."""
    view = list_view(name)()
    view.kwargs = {}
    return view.get_queryset()


def list_filterset(name: str, query: dict, queryset: QuerySet | None = None):
    view_class = list_view(name)
    queryset = list_queryset(name) if queryset is None else queryset
    return view_class.filterset_class(query, queryset=queryset)


@dataclass(frozen=True)
class Scope:
    """The records of ``model`` the target concerns: ``select`` narrows a
    queryset of them (published ones, or withdrawn ones) to those."""

    model: type[Model]
    select: Callable[[QuerySet], QuerySet]
    #: For a list: its view's name (a search list matches index entries, not records).
    list_name: str = ""


@dataclass(frozen=True)
class Target:
    kind: str
    key: str = ""
    query: dict = field(default_factory=dict)

    @property
    def identity(self) -> tuple:
        return (self.kind, self.key, tuple(sorted(self.query.items())))

    # --- What a person reads -------------------------------------------------

    def label(self) -> str:
        """What is followed, in the active language, as a title: «Lista de
        acuerdos (País: Francia)», «Acuerdo «…»», «País: Japón»."""
        if self.kind == TargetKind.LIST:
            return _list_label(self.key, self.query)
        if self.kind == TargetKind.AGREEMENT:
            return gettext("Acuerdo «%(title)s»") % {"title": _record(Agreement, code=self.key)}
        if self.kind == TargetKind.COUNTERPART:
            return gettext("Contraparte «%(name)s»") % {"name": _record(Counterpart, slug=self.key).name}
        if self.kind == TargetKind.COUNTRY:
            return gettext("País: %(country)s") % {"country": countries.name(self.key)}
        if self.kind == TargetKind.NETWORK:
            return gettext("Red «%(name)s»") % {"name": _record(Network, slug=self.key).name}
        return gettext("Informes semestrales al Congreso")

    def path(self) -> str:
        """The page of what is followed (in the active language)."""
        if self.kind == TargetKind.LIST:
            from urllib.parse import urlencode

            base = reverse(self.key)
            return f"{base}?{urlencode(self.query)}" if self.query else base
        if self.kind == TargetKind.AGREEMENT:
            return reverse("agreements:detail", kwargs={"code": self.key})
        if self.kind == TargetKind.COUNTERPART:
            return reverse("portal:counterpart_detail", kwargs={"slug": self.key})
        if self.kind == TargetKind.COUNTRY:
            return reverse("portal:country_detail", kwargs={"code": self.key.lower()})
        if self.kind == TargetKind.NETWORK:
            return reverse("networks:detail", kwargs={"slug": self.key})
        return reverse("reports:archive")

    # --- What concerns it ----------------------------------------------------

    def scopes(self) -> list[Scope]:
        if self.kind == TargetKind.LIST:
            return [_list_scope(self.key, self.query)]
        if self.kind == TargetKind.COUNTRY:
            return [_list_scope(name, {"country": self.key}) for name in COUNTRY_LISTS]
        if self.kind == TargetKind.AGREEMENT:
            agreement = _record(Agreement, code=self.key)
            return [Scope(Agreement, lambda records: records.filter(pk=agreement.pk))]
        if self.kind == TargetKind.COUNTERPART:
            counterpart = _record(Counterpart, slug=self.key)
            scopes = [Scope(Counterpart, lambda records: records.filter(pk=counterpart.pk))]
            for relation in COUNTERPART_RELATIONS:
                related = Counterpart._meta.get_field(relation)
                scopes.append(Scope(related.related_model, _linked_to(related.field.name, counterpart.pk)))
            return scopes
        if self.kind == TargetKind.NETWORK:
            network = _record(Network, slug=self.key)
            return [Scope(Network, lambda records: records.filter(pk=network.pk))] + [
                Scope(part, lambda records: records.filter(network_id=network.pk)) for part in NETWORK_PARTS
            ]
        return []

    @property
    def agreement_code(self) -> str:
        """The followed agreement, whose approved evaluations are news."""
        return self.key if self.kind == TargetKind.AGREEMENT else ""

    @property
    def follows_reports(self) -> bool:
        return self.kind == TargetKind.REPORTS


def _linked_to(field_name: str, pk: int) -> Callable[[QuerySet], QuerySet]:
    return lambda records: records.filter(pk__in=records.model._default_manager.filter(**{field_name: pk}).values("pk"))


def _list_scope(name: str, query: dict) -> Scope:
    model = list_view(name).filterset_class._meta.model

    def select(records: QuerySet) -> QuerySet:
        return list_filterset(name, query, queryset=records).qs

    return Scope(model, select, list_name=name)


RECORD_MODELS = {TargetKind.AGREEMENT: (Agreement, "code"), TargetKind.COUNTERPART: (Counterpart, "slug"),
                 TargetKind.NETWORK: (Network, "slug")}


def _record(model: type[Model], **lookup) -> Model:
    """The followed record, published or withdrawn after it was (its
    withdrawal is news for those who follow it, and its title was public);
    ``ValidationError`` otherwise."""
    once_public = Q(status=PublicationStatus.PUBLISHED) | Q(status=PublicationStatus.WITHDRAWN, published_at__isnull=False)
    record = model._default_manager.filter(once_public, **lookup).first()
    if record is None:
        raise ValidationError(gettext("Ese registro no está publicado."))
    return record


def _list_label(name: str, query: dict) -> str:
    filterset = list_filterset(name, query)
    model = filterset._meta.model
    if name == SEARCH_LIST:
        title = gettext("Búsqueda: %(query)s") % {"query": query.get("q", "")}
    else:
        title = gettext("Lista de %(records)s") % {"records": model._meta.verbose_name_plural}
    if not filterset.is_valid():
        return title
    chosen = []
    for filter_name, value in filterset.form.cleaned_data.items():
        if value in (None, "") or filter_name == "q":
            continue
        form_field = filterset.form.fields[filter_name]
        choices = dict((str(code), label) for code, label in getattr(form_field, "choices", ()) if code != "")
        shown = choices.get(str(value), value) if not isinstance(value, Model) else value
        chosen.append(f"{form_field.label}: {shown}")
    return f"{title} ({'; '.join(chosen)})" if chosen else title


# --- Reading what a «Seguir» link sends --------------------------------------


def normalized_query(name: str, data) -> dict:
    """The list's filters from ``data`` (a QueryDict or a dict), blanks and
    non-filters dropped, as plain strings in a stable order."""
    filters = list_view(name).filterset_class.base_filters
    query = {}
    for key in sorted(filters):
        value = data.get(key, "")
        value = " ".join(str(value).split()) if key == "q" else str(value).strip()
        if value:
            query[key] = value
    return query


def target_from(kind: str, key: str = "", data=None) -> Target:
    """The target a «Seguir» link names, checked; ``ValidationError`` in
    Spanish when it names nothing the portal shows."""
    data = data or {}
    if kind == TargetKind.LIST:
        try:
            query = normalized_query(key, data)
        except NoReverseMatch:
            raise ValidationError(gettext("Esa lista no se puede seguir.")) from None
        filterset = list_filterset(key, query)
        if not filterset.is_valid():
            raise ValidationError([error for errors in filterset.form.errors.values() for error in errors])
        if key == SEARCH_LIST and not getattr(filterset, "terms", None):
            raise ValidationError(gettext("Escriba una o más palabras para seguir una búsqueda."))
        return Target(kind, key, query)
    if kind == TargetKind.COUNTRY:
        code = key.upper()
        if code not in countries:
            raise ValidationError(gettext("Ese país no existe."))
        return Target(kind, code)
    if kind in RECORD_MODELS:
        model, field_name = RECORD_MODELS[kind]
        # Only a published record can be followed from now on.
        if not model._default_manager.filter(status=PublicationStatus.PUBLISHED, **{field_name: key}).exists():
            raise ValidationError(gettext("Ese registro no está publicado."))
        return Target(kind, key)
    if kind == TargetKind.REPORTS:
        return Target(kind)
    raise ValidationError(gettext("Eso no se puede seguir."))


def restrict_to(scope: Scope, records: QuerySet, changes: Iterable) -> QuerySet:
    """``records`` narrowed to the ones ``changes`` are about."""
    pks = [change.pk for change in changes]
    if records.model is SearchEntry:
        by_type: dict[int, list[int]] = {}
        for change in changes:
            by_type.setdefault(change.content_type_id, []).append(change.pk)
        condition = Q(pk__in=[])
        for content_type_id, ids in by_type.items():
            condition |= Q(content_type_id=content_type_id, object_id__in=ids)
        return records.filter(condition)
    return records.filter(pk__in=pks)


def published_base(scope: Scope) -> QuerySet:
    """The published records of the scope's model, as its list or the search reads them."""
    if scope.list_name == SEARCH_LIST:
        return search_entries()
    if scope.list_name:
        return list_queryset(scope.list_name)
    return INDEXED[scope.model].queryset()

