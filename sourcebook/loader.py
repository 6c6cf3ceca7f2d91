"""Load the book's records into the database, idempotently.

Every record is looked up by its natural key (a slug, code, number or name,
see each ``load_*`` function) and saved only when one of the values the book
gives differs from what is stored; many-to-many sets are compared before they
are set. A second run therefore writes no row and no history row. The whole
load runs in one transaction: it is all or nothing.

The loader owns only the fields it sets, and only until staff touch the
record: values staff add later (an SRE number, a signed document, ODS) are
left alone, and a record whose latest history entry is not the loader's own
(staff corrected, withdrew or re-classified it) is kept as staff left it, so
running the load again never undoes their work.

It upgrades a database an earlier version of the data loaded: a record whose
key the data changed is found under its earlier key (the row's ``formerly``)
and renamed; a record the data no longer gives (a module's ``RETIRED``) is
withdrawn, by no person, with a note saying why; a guest a visit no longer
lists is removed. The summary lists each record updated (and which fields),
withdrawn, or kept as staff left it.

It writes through the kernel's services, as no person (``user=None``): a new
record is created published (the book made it public), a changed one is
updated with its version checked, and one it finds unpublished (changed
without history) is published again by ``record_publish_by_system``.

Beside each Spanish text it writes, it writes the English the data gives
(``<field>_en``, see ``english``): the project's unofficial translation of the
book's titles and names, loaded reviewed (``upsert.write_record``), so the
English pages show it at once with their «Traducción no oficial» note. A
record staff edited keeps its translation as they left it, like the rest.
"""

from django.db import transaction

from agreements.models import Action, Agreement, AgreementKind
from cdmx_global.bulk import bulk_change
from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position

from .records import UNDATED, When
from .records import actions as actions_data
from .records import agreements as agreements_data
from .records import awards as awards_data
from .records import catalogues
from .records import counterparts as counterparts_data
from .records import events as events_data
from .records import networks as networks_data
from .records import visits as visits_data
from .upsert import (
    LOAD_REASON,
    BookDataError,
    LoadSummary,
    Outcome,
    References,
    book_record_values,
    english,
    formerly,
    upsert,
    write_record,
)
from .retired import retire_records

__all__ = ["LOAD_REASON", "BookDataError", "LoadSummary", "load_book"]


# --- Catalogues -------------------------------------------------------------


def load_catalogues(*, refs: References, summary: LoadSummary) -> None:
    """Bodies by slug, themes by slug, ODS by number, frameworks by code."""
    for slug, name, name_en, acronym, kind in catalogues.BODIES:
        body, outcome = upsert(
            model=GovernmentBody,
            lookup={"slug": slug},
            values={"name": name, "name_en": name_en, "acronym": acronym, "kind": kind},
        )
        refs.bodies[slug] = body
        summary.note(GovernmentBody, outcome)
    for slug, name, name_en in catalogues.THEMES:
        theme, outcome = upsert(model=Theme, lookup={"slug": slug}, values={"name": name, "name_en": name_en})
        refs.themes[slug] = theme
        summary.note(Theme, outcome)
    for number, name, name_en in catalogues.SDGS:
        _, outcome = upsert(
            model=SustainableDevelopmentGoal, lookup={"number": number}, values={"name": name, "name_en": name_en}
        )
        summary.note(SustainableDevelopmentGoal, outcome)
    for row in catalogues.FRAMEWORKS:
        framework, outcome = upsert(
            model=Framework,
            lookup={"code": row["code"]},
            values={
                "name": row["name"],
                "adopted_year": row["adopted_year"],
                "description": row["description"],
                "source_citation": row["source_citation"],
                **english(row, "name", "description"),
            },
        )
        refs.frameworks[row["code"]] = framework
        summary.note(Framework, outcome)


def load_counterparts(*, refs: References, summary: LoadSummary) -> None:
    """Counterparts by slug; the region follows from the country on save."""
    for row in counterparts_data.COUNTERPARTS:
        written = write_record(
            model=Counterpart,
            lookup={"slug": row["slug"]},
            formerly=formerly(row, "slug"),
            values={
                **book_record_values(row, refs=refs),
                "name": row["name"],
                "acronym": row.get("acronym", ""),
                "kind": row["kind"],
                "country": row["country"],
                "is_un_system": row.get("is_un_system", False),
                "latitude": row.get("latitude"),
                "longitude": row.get("longitude"),
                "description": row.get("description", ""),
                **english(row, "name", "description"),
                # A name English writes the same (Madrid, São Paulo, Financial Times) is its English name
                # too: the page says so rather than «Spanish only».
                "name_en": row.get("name_en") or row["name"],
            },
        )
        refs.counterparts[row["slug"]] = written.record
        summary.note(Counterpart, written)
        summary.count("Contrapartes por tipo", Counterpart.Kind(row["kind"]).label)


# --- Networks ---------------------------------------------------------------


def _period(row: dict) -> dict[str, When]:
    return {"start_on": row.get("start_on", UNDATED), "end_on": row.get("end_on", UNDATED)}


def load_networks(*, refs: References, summary: LoadSummary) -> None:
    """Networks by slug; a membership by (network, role), a position by
    (network, title), a hosted office by (network, name)."""
    for row in networks_data.NETWORKS:
        written = write_record(
            model=Network,
            lookup={"slug": row["slug"]},
            formerly=formerly(row, "slug"),
            values={
                **book_record_values(row, refs=refs),
                "name": row["name"],
                "acronym": row.get("acronym", ""),
                "scope": row["scope"],
                "convened_by": refs.one("counterparts", row.get("convened_by")),
                "description": row.get("description", ""),
                **english(row, "name", "description"),
            },
            m2m={"themes": refs.many("themes", row.get("themes", []))},
        )
        refs.networks[row["slug"]] = written.record
        summary.note(Network, written)
    for row in networks_data.MEMBERSHIPS:
        network = refs.one("networks", row["network"])
        written = write_record(
            model=Membership,
            lookup={"network": network, "role": row["role"]},
            formerly=formerly(row, "role", network=network),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "notes": row.get("notes", ""),
                **english(row, "notes"),
            },
        )
        summary.note(Membership, written)
    for row in networks_data.POSITIONS:
        network = refs.one("networks", row["network"])
        written = write_record(
            model=Position,
            lookup={"network": network, "title": row["title"]},
            formerly=formerly(row, "title", network=network),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "organ": row.get("organ", ""),
                "notes": row.get("notes", ""),
                **english(row, "title", "organ", "notes"),
            },
        )
        summary.note(Position, written)
    for row in networks_data.HOSTED_OFFICES:
        network = refs.one("networks", row["network"])
        written = write_record(
            model=HostedOffice,
            lookup={"network": network, "name": row["name"]},
            formerly=formerly(row, "name", network=network),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "host_body": refs.one("bodies", row.get("host_body")),
                "notes": row.get("notes", ""),
                **english(row, "name", "notes"),
            },
        )
        summary.note(HostedOffice, written)


# --- Events, agreements, actions --------------------------------------------


def load_events(*, refs: References, summary: LoadSummary) -> None:
    """Events by name; a parent is loaded before its children."""
    for row in events_data.EVENTS:
        written = write_record(
            model=Event,
            lookup={"name": row["name"]},
            formerly=formerly(row, "name"),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "mode": row["mode"],
                "role": row["role"],
                "city": row.get("city", ""),
                "country": row.get("country", ""),
                "parent": refs.one("events", row.get("parent")),
                "participants": row.get("participants", ""),
                "participants_count": row.get("participants_count"),
                "outcome": row.get("outcome", ""),
                "description": row.get("description", ""),
                **english(row, "name", "outcome", "description"),
            },
            m2m={
                "organisers": refs.many("counterparts", row.get("organisers", [])),
                "themes": refs.many("themes", row.get("themes", [])),
                "frameworks": refs.many("frameworks", row.get("frameworks", [])),
            },
        )
        refs.events[row["name"]] = written.record
        summary.note(Event, written)
        summary.count("Eventos por modalidad", Event.Mode(row["mode"]).label)


def load_agreements(*, refs: References, summary: LoadSummary) -> None:
    """Agreements by code; a renewed agreement is loaded before its renewal."""
    for row in agreements_data.AGREEMENTS:
        written = write_record(
            model=Agreement,
            lookup={"code": row["code"]},
            formerly=formerly(row, "code"),
            values={
                **book_record_values(row, refs=refs),
                "title": row["title"],
                "kind": row["kind"],
                "purpose": row.get("purpose", ""),
                "signatories": row.get("signatories", ""),
                "signed_on": row.get("signed_on", UNDATED),
                "signed_place": row.get("signed_place", ""),
                "signed_period_note": row.get("signed_period_note", ""),
                "renews": refs.one("agreements", row.get("renews")),
                "signed_at_event": refs.one("events", row.get("signed_at_event")),
                "description": row.get("description", ""),
                **english(row, "title", "purpose", "description"),
            },
            m2m={
                "counterparts": refs.many("counterparts", row.get("counterparts", [])),
                "other_bodies": refs.many("bodies", row.get("other_bodies", [])),
                "themes": refs.many("themes", row.get("themes", [])),
                "frameworks": refs.many("frameworks", row.get("frameworks", [])),
            },
        )
        refs.agreements[row["code"]] = written.record
        summary.note(Agreement, written)
        summary.count("Acuerdos por tipo", AgreementKind(row["kind"]).label)


def load_actions(*, refs: References, summary: LoadSummary) -> None:
    """Actions by title."""
    for row in actions_data.ACTIONS:
        written = write_record(
            model=Action,
            lookup={"title": row["title"]},
            formerly=formerly(row, "title"),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "kind": row["kind"],
                "agreement": refs.one("agreements", row.get("agreement")),
                "place": row.get("place", ""),
                "people_reached": row.get("people_reached"),
                "resources": row.get("resources", ""),
                "results": row.get("results", ""),
                "description": row.get("description", ""),
                **english(row, "title", "results", "description"),
            },
            m2m={
                "counterparts": refs.many("counterparts", row.get("counterparts", [])),
                "themes": refs.many("themes", row.get("themes", [])),
                "frameworks": refs.many("frameworks", row.get("frameworks", [])),
            },
        )
        summary.note(Action, written)
        summary.count("Acciones por tipo", Action.Kind(row["kind"]).label)


# --- Visits and awards ------------------------------------------------------


def load_visits(*, refs: References, summary: LoadSummary) -> None:
    """Visits by title; a guest by (visit, name)."""
    for row in visits_data.VISITS:
        written = write_record(
            model=Visit,
            lookup={"title": row["title"]},
            formerly=formerly(row, "title"),
            values={
                **book_record_values(row, refs=refs),
                **_period(row),
                "direction": row["direction"],
                "delegation": row.get("delegation", ""),
                "honour": row.get("honour", ""),
                "event": refs.one("events", row.get("event")),
                "purpose": row.get("purpose", ""),
                **english(row, "title", "purpose"),
            },
            m2m={
                "counterparts": refs.many("counterparts", row.get("counterparts", [])),
                "themes": refs.many("themes", row.get("themes", [])),
            },
        )
        summary.note(Visit, written)
        visit = written.record
        summary.count("Visitas por tipo", Visit.Direction(row["direction"]).label)
        for order, guest in enumerate(row.get("guests", [])):
            _, outcome = upsert(
                model=VisitGuest,
                lookup={"visit": visit, "name": guest["name"]},
                values={
                    "position": guest["position"],
                    "counterpart": refs.one("counterparts", guest["counterpart"]),
                    "order": order,
                },
            )
            summary.note(VisitGuest, outcome)
        if written.outcome != Outcome.KEPT:
            # A guest the book's data no longer lists for the visit (corrected to another name).
            names = [guest["name"] for guest in row.get("guests", [])]
            for gone in VisitGuest.objects.filter(visit=visit).exclude(name__in=names):
                gone.delete()
                summary.note(VisitGuest, Outcome.RETIRED)


def load_awards(*, refs: References, summary: LoadSummary) -> None:
    """Awards by title."""
    for row in awards_data.AWARDS:
        written = write_record(
            model=Award,
            lookup={"title": row["title"]},
            formerly=formerly(row, "title"),
            values={
                **book_record_values(row, refs=refs),
                "direction": row["direction"],
                "category": row["category"],
                "awarded_on": row["awarded_on"],
                "granted_by_text": row["granted_by_text"],
                "recognised_for": row["recognised_for"],
                "description": row["description"],
                **english(row, "title", "recognised_for", "description"),
            },
            m2m={"granted_by": refs.many("counterparts", row["granted_by"])},
        )
        summary.note(Award, written)
        summary.count("Premios por categoría", Award.Category(row["category"]).label)


@transaction.atomic
def load_book() -> LoadSummary:
    """Load every record the book gives; safe to run any number of times.

    A bulk change (``cdmx_global.bulk``): the search index is rebuilt once,
    by a worker, after the load, not record by record."""
    refs, summary = References(), LoadSummary()
    with bulk_change():
        load_catalogues(refs=refs, summary=summary)
        load_counterparts(refs=refs, summary=summary)
        load_networks(refs=refs, summary=summary)
        load_events(refs=refs, summary=summary)
        load_agreements(refs=refs, summary=summary)
        load_actions(refs=refs, summary=summary)
        load_visits(refs=refs, summary=summary)
        load_awards(refs=refs, summary=summary)
        retire_records(summary=summary)
    return summary
