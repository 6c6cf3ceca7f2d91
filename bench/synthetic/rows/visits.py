"""Visits received and made, and the guests who came with the received ones."""

import random
from typing import Any

from cdmx_global.partial_dates import DatePrecision
from events.models import Event, Visit, VisitGuest
from sourcebook.records import When

from .. import vocabulary as words
from ..context import (
    BOOK_COUNTS, Context, Ref, Row, builds, copy_of, covering, in_same_copy, pick, pks, position_in_copy,
)
from ..dates import days_later, draw_date, draw_precision, period
from ..text import amount, bare, fitting_title, in_country, office_held, person, sentences, wording
from .shared import PLACE_KINDS, Kind, counterparts_in_copy, record_values, where

INCOMING_POSITIONS = tuple(position for position in range(BOOK_COUNTS[Visit]) if position % 3)
HONOURS = {"": 50, Visit.Honour.DISTINGUISHED_GUEST: 30, Visit.Honour.DISTINGUISHED_VISITOR: 20}
VISITED_KINDS = (Kind.CITY, Kind.STATE, Kind.NATIONAL, Kind.INTERNATIONAL_ORG)
#: A trip's dates are mostly known to the day.
TRIP_PRECISIONS = {DatePrecision.DAY: 85, DatePrecision.MONTH: 12, DatePrecision.YEAR: 3}


@builds(Visit)
def visit_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Visit, index)
    position = position_in_copy(Visit, index)
    incoming = position in INCOMING_POSITIONS
    counterparts = counterparts_in_copy(ctx, rng, Visit, index, 1, 2, VISITED_KINDS)
    main, place = ctx.party(counterparts[0]), where(ctx, rng, counterparts[0])
    themes = pick(rng, ctx.catalogues.themes, 1, 3)
    say = wording(rng, themes, ctx.catalogues)
    event = in_same_copy(rng, Visit, index, Event) if rng.random() < 0.1 else None
    if event:
        frame = ctx.row(Event, event.index).values
        dates = {"start_on": frame["start_on"], "end_on": frame["end_on"]}
    else:
        dates = period(rng, draw_date(rng), (1, 9), draw_precision(rng, TRIP_PRECISIONS))
    templates = words.INCOMING_VISIT_TITLES if incoming else words.OUTGOING_VISIT_TITLES
    who = f"{place.name} ({in_country(place)})" if main.kind in PLACE_KINDS else main.prose
    values = {
        **record_values(ctx, rng, Visit, index),
        **dates,
        "direction": Visit.Direction.INCOMING if incoming else Visit.Direction.OUTGOING,
        "title": fitting_title(rng, templates, place=place.name, country=in_country(place), who=who, **say.fields()),
        "delegation": ", ".join(rng.sample(words.CITY_OFFICES, rng.randint(1, 2))),
        "honour": covering(rng, INCOMING_POSITIONS.index(position), HONOURS) if incoming else "",
        "event": event,
        "purpose": sentences(rng, f"{say.verb} la cooperación con {main.prose} en {bare(say.topic)}.", [
            f"conocer la experiencia de {main.place.name if main.place else main.prose} en {bare(say.topic2)}.",
            f"dar seguimiento a los acuerdos vigentes con {main.prose}.",
        ]),
        "outcome": rng.choice(["", f"Se acordó un programa de trabajo sobre {bare(say.topic)}."]),
    }
    return Row(values={**values, **trip_report(rng, incoming, dates["end_on"])},
               m2m={"counterparts": counterparts, "themes": pks(themes)})


def trip_report(rng: random.Random, incoming: bool, end: When) -> dict[str, Any]:
    """An outgoing trip's expenses and its report to Congress (Ley General de Transparencia, art. 65 fr. VIII)."""
    if incoming:
        return {}
    values = {}
    if rng.random() < 0.6:
        values |= {"expenses": amount(rng, 20_000, 600_000), "expenses_currency": rng.choice(["MXN", "MXN", "USD"])}
    if end.value and end.precision == DatePrecision.DAY and rng.random() < 0.7:
        values["report_delivered_on"] = days_later(rng, end.value, 3, 25)
    return values


@builds(VisitGuest)
def visit_guest_row(ctx: Context, index: int) -> Row:
    """Guests go round the incoming visits of their copy: the 44 of a copy give
    its 27 incoming visits one or two guests each, in order."""
    rng = ctx.rng(VisitGuest, index)
    slot = position_in_copy(VisitGuest, index)
    first_visit = copy_of(VisitGuest, index) * BOOK_COUNTS[Visit]
    visit = Ref(Visit, first_visit + INCOMING_POSITIONS[slot % len(INCOMING_POSITIONS)])
    counterpart = rng.choice(ctx.row(Visit, visit.index).m2m["counterparts"])
    who = person(rng)
    return Row(values={
        "visit": visit,
        "name": who.name,
        "position": office_held(rng, who, ctx.party(counterpart), where(ctx, rng, counterpart)),
        "counterpart": counterpart if rng.random() < 0.8 else None,
        "order": slot // len(INCOMING_POSITIONS),
    })
