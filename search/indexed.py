"""The records the search indexes, and what it reads of each kind.

For every indexed model: the published records with what their text needs
already fetched (``queryset``, a selector of the record's app), and how one
of them reads (``describe``): its
title, a short summary, its address, its year, and the words it is found by.
Only published records are indexed, and only the published records they link
to lend them words, so nothing unpublished can be found through another.

A document's Spanish side is the record as written. Its English side
(``English``) holds only reviewed translations (``english_is_public``): the
record's own English texts, and the English names of the published records
and catalogues it links to; a draft translation lends nothing.
"""

from collections.abc import Callable

from django.db.models import Model, QuerySet

from agreements.models import Action, Agreement
from agreements.selectors import searchable_actions, searchable_agreements
from cdmx_global.models import Counterpart, Framework, Theme
from cdmx_global.regions import Region
from cdmx_global.selectors import published_counterparts_alone
from events.models import Award, Event, Visit, VisitGuest
from events.selectors import searchable_awards, searchable_events, searchable_visits
from networks.models import HostedOffice, Membership, Network, Position
from networks.selectors import published_network_parts, searchable_networks

from .documents import (
    _counterparts,
    _country,
    _english,
    _english_name,
    _in_every_language,
    _join,
    _label,
    _names,
    _network_title,
    _reviewed,
    _summary,
    _year,
    Document,
    IndexedModel,
)
from .models import EntryKind

# --- One function pair per kind ---------------------------------------------


def _describe_agreement(agreement: Agreement) -> Document:
    counterparts = list(agreement.counterparts.all())
    return Document(
        kind=EntryKind.AGREEMENT,
        title=agreement.title,
        summary=_summary(agreement.purpose, agreement.description, ", ".join(c.name for c in counterparts)),
        url=agreement.get_absolute_url(),
        year=_year(agreement.signed_on),
        title_text=agreement.title,
        body_text=_join(
            _label(agreement, "kind"), agreement.purpose, agreement.description, agreement.terms,
            agreement.signatories, agreement.signed_place, _counterparts(counterparts),
            _names(agreement.themes.all()), _names(agreement.frameworks.all()),
        ),
        english=_english(
            agreement, title="title", summary=("purpose", "description"),
            linked=[*counterparts, *agreement.themes.all(), *agreement.frameworks.all()],
        ),
    )


def _describe_action(action: Action) -> Document:
    counterparts = list(action.counterparts.all())
    return Document(
        kind=EntryKind.ACTION,
        title=action.title,
        summary=_summary(action.description, action.results),
        url=action.get_absolute_url(),
        year=_year(action.start_on),
        title_text=action.title,
        body_text=_join(
            _label(action, "kind"), action.description, action.place, action.results, action.resources,
            _counterparts(counterparts), _names(action.themes.all()), _names(action.frameworks.all()),
        ),
        english=_english(
            action, title="title", summary=("description", "results"),
            linked=[*counterparts, *action.themes.all(), *action.frameworks.all()],
        ),
    )


def _describe_counterpart(counterpart: Counterpart) -> Document:
    facts = ", ".join(part for part in (counterpart.get_kind_display(), counterpart.country.name) if part)
    return Document(
        kind=EntryKind.COUNTERPART,
        title=str(counterpart),
        summary=_summary(counterpart.description, facts),
        url=counterpart.get_absolute_url(),
        year=None,
        title_text=_join(counterpart.name, counterpart.acronym),
        body_text=_join(
            _label(counterpart, "kind"), _country(counterpart.country),
            _in_every_language(lambda: Region(counterpart.region).label) if counterpart.region else "",
            counterpart.description,
        ),
        english=_english(
            counterpart, title="name", shown_title=_english_name(counterpart), summary=("description",)
        ),
    )


def _describe_network(network: Network) -> Document:
    convener = network.public_convener
    return Document(
        kind=EntryKind.NETWORK,
        title=str(network),
        summary=_summary(network.description),
        url=network.get_absolute_url(),
        year=None,
        title_text=_join(network.name, network.acronym),
        body_text=_join(
            _label(network, "scope"), network.description, _counterparts([convener] if convener else []),
            _names(network.themes.all()),
        ),
        english=_english(
            network, title="name", shown_title=_english_name(network), summary=("description",),
            linked=[*([convener] if convener else []), *network.themes.all()],
        ),
    )


def _network_parts(model: type[Model]) -> Callable[[], QuerySet]:
    """Memberships, positions and offices show on their network's page: both must be published."""

    def queryset() -> QuerySet:
        return published_network_parts(model)

    return queryset


def _network_words(network: Network) -> str:
    return _join(network.name, network.acronym)


def _describe_membership(membership: Membership) -> Document:
    return Document(
        kind=EntryKind.MEMBERSHIP,
        title=str(membership),
        summary=_summary(membership.notes, membership.period),
        url=membership.get_absolute_url(),
        year=_year(membership.start_on),
        title_text=_join(membership.role, _network_words(membership.network)),
        body_text=membership.notes,
        # The role is written in Spanish only, so a membership has no English title.
        english=_english(membership, summary=("notes",), title_words=[_reviewed(membership.network, "name")]),
    )


def _describe_position(position: Position) -> Document:
    return Document(
        kind=EntryKind.POSITION,
        title=str(position),
        summary=_summary(position.notes, ", ".join(part for part in (position.organ, position.period) if part)),
        url=position.get_absolute_url(),
        year=_year(position.start_on),
        title_text=_join(position.title, _network_words(position.network)),
        body_text=_join(position.organ, position.holder, position.notes),
        english=_english(
            position, title="title", shown_title=_network_title(position, "title"), summary=("notes",),
            title_words=[_reviewed(position.network, "name")],
        ),
    )


def _describe_office(office: HostedOffice) -> Document:
    return Document(
        kind=EntryKind.OFFICE,
        title=f"{office.name} — {office.network}",
        summary=_summary(office.notes, office.period),
        url=office.get_absolute_url(),
        year=_year(office.start_on),
        title_text=_join(office.name, _network_words(office.network)),
        body_text=office.notes,
        english=_english(
            office, title="name", shown_title=_network_title(office, "name"), summary=("notes",),
            title_words=[_reviewed(office.network, "name")],
        ),
    )


def _describe_event(event: Event) -> Document:
    organisers = list(event.organisers.all())
    return Document(
        kind=EntryKind.EVENT,
        title=event.name,
        summary=_summary(event.description, event.outcome),
        url=event.get_absolute_url(),
        year=_year(event.start_on),
        title_text=event.name,
        body_text=_join(
            _label(event, "mode"), _label(event, "role"), event.city, _country(event.country),
            event.description, event.outcome, event.participants,
            _counterparts(organisers), _names(event.themes.all()), _names(event.frameworks.all()),
        ),
        english=_english(
            event, title="name", summary=("description", "outcome"),
            linked=[*organisers, *event.themes.all(), *event.frameworks.all()],
        ),
    )


def _guest_words(guest: VisitGuest) -> str:
    counterpart = guest.public_counterpart
    return _join(guest.name, guest.position, _counterparts([counterpart] if counterpart else []))


def _describe_visit(visit: Visit) -> Document:
    counterparts = list(visit.counterparts.all())
    guests = list(visit.guests.all())
    return Document(
        kind=EntryKind.VISIT,
        title=visit.title,
        summary=_summary(visit.purpose, visit.outcome),
        url=visit.get_absolute_url(),
        year=_year(visit.start_on),
        title_text=visit.title,
        body_text=_join(
            _label(visit, "direction"), visit.purpose, visit.outcome, visit.delegation,
            _counterparts(counterparts), [_guest_words(guest) for guest in guests],
            _names(visit.themes.all()),
        ),
        english=_english(
            visit, title="title", summary=("purpose", "outcome"),
            linked=[
                *counterparts, *(guest.public_counterpart for guest in guests if guest.public_counterpart),
                *visit.themes.all(),
            ],
        ),
    )


def _describe_award(award: Award) -> Document:
    granted_by = list(award.granted_by.all())
    return Document(
        kind=EntryKind.AWARD,
        title=award.title,
        summary=_summary(award.recognised_for, award.description, award.granted_by_text),
        url=award.get_absolute_url(),
        year=_year(award.awarded_on),
        title_text=award.title,
        body_text=_join(
            _label(award, "category"), _label(award, "direction"), award.granted_by_text, award.recognised_for,
            award.description, _counterparts(granted_by), _names(award.themes.all()),
        ),
        english=_english(
            award, title="title", summary=("recognised_for", "description"), linked=[*granted_by, *award.themes.all()],
        ),
    )


INDEXED: dict[type[Model], IndexedModel] = {
    spec.model: spec
    for spec in (
        IndexedModel(Agreement, EntryKind.AGREEMENT, searchable_agreements, _describe_agreement),
        IndexedModel(Action, EntryKind.ACTION, searchable_actions, _describe_action),
        IndexedModel(Counterpart, EntryKind.COUNTERPART, published_counterparts_alone, _describe_counterpart),
        IndexedModel(Network, EntryKind.NETWORK, searchable_networks, _describe_network),
        IndexedModel(Membership, EntryKind.MEMBERSHIP, _network_parts(Membership), _describe_membership),
        IndexedModel(Position, EntryKind.POSITION, _network_parts(Position), _describe_position),
        IndexedModel(HostedOffice, EntryKind.OFFICE, _network_parts(HostedOffice), _describe_office),
        IndexedModel(Event, EntryKind.EVENT, searchable_events, _describe_event),
        IndexedModel(Visit, EntryKind.VISIT, searchable_visits, _describe_visit),
        IndexedModel(Award, EntryKind.AWARD, searchable_awards, _describe_award),
    )
}

#: Many-to-many fields whose published targets lend their words to a record.
INDEXED_M2M: dict[type[Model], tuple[str, ...]] = {
    Agreement: ("counterparts", "themes", "frameworks"),
    Action: ("counterparts", "themes", "frameworks"),
    Network: ("themes",),
    Event: ("organisers", "themes", "frameworks"),
    Visit: ("counterparts", "themes"),
    Award: ("granted_by", "themes"),
}


def dependents(obj: Model) -> dict[type[Model], set[int]]:
    """The indexed records whose words include ``obj``'s: a counterpart's name
    is in the text of its agreements, a network's in its memberships' titles."""
    lookups: dict[type[Model], list[tuple[type[Model], str]]] = {
        Counterpart: [
            (Agreement, "counterparts"), (Action, "counterparts"), (Event, "organisers"), (Visit, "counterparts"),
            (Visit, "guests__counterpart"), (Award, "granted_by"), (Network, "convened_by"),
        ],
        Network: [(Membership, "network"), (Position, "network"), (HostedOffice, "network")],
        Theme: [(model, "themes") for model, fields in INDEXED_M2M.items() if "themes" in fields],
        Framework: [(model, "frameworks") for model, fields in INDEXED_M2M.items() if "frameworks" in fields],
        VisitGuest: [],
    }
    found: dict[type[Model], set[int]] = {}
    for model, path in lookups.get(type(obj), []):
        pks = set(model.objects.filter(**{path: obj.pk}).values_list("pk", flat=True))
        if pks:
            found.setdefault(model, set()).update(pks)
    if isinstance(obj, VisitGuest) and obj.visit_id:
        found[Visit] = {obj.visit_id}
    return found
