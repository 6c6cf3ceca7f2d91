"""Agreements, with signatures, validity dates and the SRE's opinion that agree
with each other, and the actions that carry them out."""

import datetime
import random
from typing import Any

from agreements.models import Action, Agreement, AgreementKind, EndReason, SreOpinion, Validity
from cdmx_global.partial_dates import DatePrecision
from events.models import Event
from sourcebook.records import UNDATED, When

from .. import vocabulary as words
from ..context import (
    Context, Row, builds, covering, earlier_in_copy, in_same_copy, pick, pks, position_in_copy, synthetic_code,
)
from ..dates import LATEST, YEARS, days_later, draw_date, draw_precision, on_or_after, on_or_before, partial, period
from ..text import amount, bare, fitting_title, in_country, join, person, sentences, wording
from .shared import Kind, body_prose, classification, counterparts_in_copy, record_values, where

AGREEMENT_KINDS = {
    AgreementKind.TWINNING: 10, AgreementKind.FRIENDSHIP: 3, AgreementKind.SPECIFIC_COOPERATION: 10,
    AgreementKind.MEMORANDUM: 8, AgreementKind.FRAMEWORK: 12, AgreementKind.COLLABORATION: 10,
    AgreementKind.LETTER_OF_INTENT: 6, AgreementKind.INTERINSTITUTIONAL: 8, AgreementKind.DECLARATION: 5,
    AgreementKind.PACT: 3, AgreementKind.CHARTER: 2, AgreementKind.POLITICAL_DOCUMENT: 2,
}
VALIDITIES = {Validity.NEGOTIATION: 8, Validity.IN_FORCE: 40, Validity.ENDED: 22, Validity.UNKNOWN: 30}
#: Whom each kind of agreement is signed with.
AGREEMENT_PARTIES = {
    AgreementKind.TWINNING: (Kind.CITY,),
    AgreementKind.FRIENDSHIP: (Kind.CITY, Kind.STATE),
    AgreementKind.SPECIFIC_COOPERATION: (Kind.CITY, Kind.STATE),
    AgreementKind.FRAMEWORK: (Kind.INTERNATIONAL_ORG,),
    AgreementKind.INTERINSTITUTIONAL: (
        Kind.NATIONAL, Kind.INTERNATIONAL_ORG, Kind.ACADEMIC, Kind.CIVIL_SOCIETY, Kind.PRIVATE,
    ),
    AgreementKind.DECLARATION: (Kind.NETWORK, Kind.INTERNATIONAL_ORG, Kind.CITY),
    AgreementKind.PACT: (Kind.NETWORK, Kind.INTERNATIONAL_ORG, Kind.CITY),
    AgreementKind.CHARTER: (Kind.NETWORK, Kind.CITY),
    AgreementKind.POLITICAL_DOCUMENT: (Kind.NETWORK, Kind.INTERNATIONAL_ORG),
}


def signature(ctx: Context, rng: random.Random, index: int, validity: str) -> dict[str, Any]:
    """When and where it was signed: at an event of its copy now and then."""
    if validity == Validity.NEGOTIATION or (validity == Validity.UNKNOWN and rng.random() < 0.4):
        return {"signed_on": UNDATED, "signed_at_event": None}
    if rng.random() < 0.08:
        event = in_same_copy(rng, Agreement, index, Event)
        frame = ctx.row(Event, event.index).values
        return {"signed_on": frame["start_on"], "signed_at_event": event, "signed_place": frame["city"]}
    return {"signed_on": partial(draw_date(rng), draw_precision(rng)), "signed_at_event": None}


def validity_dates(rng: random.Random, validity: str, signed: When) -> dict[str, Any]:
    """Dates that agree with the validity and with each other (the database checks the order)."""
    if signed.value is None:
        return {}
    precision = draw_precision(rng)
    if validity == Validity.IN_FORCE:
        in_force = on_or_after(signed.value, min(days_later(rng, signed.value, 0, 180), LATEST), precision)
        if signed.value.year < 2015 or rng.random() < 0.3:
            return {"in_force_on": in_force, "is_indefinite": True}
        until = datetime.date(rng.randint(2027, 2032), rng.randint(1, 12), rng.randint(1, 28))
        return {"in_force_on": in_force, "valid_until": on_or_after(in_force.value, until, precision)}
    if validity == Validity.ENDED:
        ended = on_or_after(signed.value, min(days_later(rng, signed.value, 365, 8 * 365), LATEST), precision)
        in_force = on_or_after(signed.value, signed.value, precision) if rng.random() < 0.5 else UNDATED
        return {
            "in_force_on": in_force if in_force.value is None or in_force.value <= ended.value else UNDATED,
            "ended_on": ended,
            "end_reason": rng.choice(list(EndReason)),
        }
    return {}


def sre_steps(rng: random.Random, signed: When) -> dict[str, Any]:
    """The SRE's opinion, before the signature, for a quarter of the signed agreements."""
    if signed.value is None or rng.random() > 0.25:
        return {}
    opinion = on_or_before(signed.value, days_later(rng, signed.value, -150, -10), DatePrecision.DAY)
    registered = f"RAI-{signed.value.year}-{rng.randint(1, 999):04d}" if rng.random() < 0.5 else ""
    return {
        "sre_opinion_on": opinion,
        "sre_opinion": SreOpinion.FAVOURABLE if rng.random() < 0.9 else SreOpinion.UNFAVOURABLE,
        "sre_opinion_number": f"SRE/DGAJ/{rng.randint(100, 9999)}/{opinion.value.year}",
        "sre_registration_number": registered,
    }


@builds(Agreement)
def agreement_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Agreement, index)
    position = position_in_copy(Agreement, index)
    kind = covering(rng, position, AGREEMENT_KINDS)
    validity = covering(rng, position, VALIDITIES)
    counterparts = counterparts_in_copy(ctx, rng, Agreement, index, 1, 3, AGREEMENT_PARTIES.get(kind, ()))
    main, place = ctx.party(counterparts[0]), where(ctx, rng, counterparts[0])
    classes = classification(rng, ctx.catalogues, frameworks=(0, 2))
    say = wording(rng, classes["themes"], ctx.catalogues)
    signed = signature(ctx, rng, index, validity)
    values = record_values(ctx, rng, Agreement, index)
    year = signed["signed_on"].value.year if signed["signed_on"].value else rng.choice(YEARS)
    title = fitting_title(
        rng, words.AGREEMENT_TITLES[kind], cp=main.prose, place=place.name, country=in_country(place), year=year,
        body=body_prose(ctx, values["body_id"]), **say.fields(),
    )
    with_amount = rng.random() < 0.15
    return Row(
        values={
            **values,
            "code": synthetic_code(ctx.seed, index),
            "title": title,
            "kind": kind,
            "validity": validity,
            "purpose": sentences(rng, f"{say.verb} la cooperación con {main.prose} en materia de {bare(say.topic)}.", [
                f"las partes acuerdan {say.verb} {say.topic2} mediante {join(rng.sample(words.INSTRUMENTS, 2))}.",
                f"se dará prioridad a {rng.choice(words.AUDIENCES)}.",
                f"{body_prose(ctx, values['body_id'])} coordinará su seguimiento.",
            ]),
            "signatories": f"{rng.choice(words.CITY_OFFICES)} y {person(rng).name}, en representación de {main.prose}",
            "signed_place": rng.choice([place.name, "Ciudad de México", ""]) if signed["signed_on"].value else "",
            "renews": earlier_in_copy(rng, Agreement, index) if rng.random() < 0.05 else None,
            "terms": rng.choice(["", f"Vigencia de {rng.randint(2, 5)} años, prorrogable por periodos iguales. "
                                     "Cada parte cubre sus propios gastos."]),
            "amount": amount(rng, 50_000, 20_000_000) if with_amount else None,
            "currency": rng.choice(words.CURRENCIES) if with_amount else "",
            "modifications": "Adenda que amplía las líneas de cooperación." if rng.random() < 0.05 else "",
            "description": rng.choice(["", f"Forma parte de la agenda de {bare(say.topic)} de la Ciudad."]),
            **signed,
            **validity_dates(rng, validity, signed["signed_on"]),
            **sre_steps(rng, signed["signed_on"]),
        },
        m2m={
            "counterparts": counterparts,
            "other_bodies": pks(pick(rng, ctx.catalogues.bodies, 1, 2)) if rng.random() < 0.2 else [],
            **{name: pks(entries) for name, entries in classes.items()},
        },
    )


ACTION_KINDS = {
    Action.Kind.PROJECT: 8, Action.Kind.EXCHANGE: 6, Action.Kind.MISSION: 4, Action.Kind.TECHNICAL_ASSISTANCE: 4,
    Action.Kind.CULTURAL_DIPLOMACY: 5, Action.Kind.DECLARATORIA: 2, Action.Kind.CAMPAIGN: 3,
    Action.Kind.PROGRAMME: 4, Action.Kind.CONSULTATION: 2, Action.Kind.ALIGNMENT: 2,
}


@builds(Action)
def action_row(ctx: Context, index: int) -> Row:
    """Six in ten actions carry out an agreement of their copy: they start after
    its signature and share its counterparts and themes."""
    rng = ctx.rng(Action, index)
    kind = covering(rng, position_in_copy(Action, index), ACTION_KINDS)
    agreement = in_same_copy(rng, Action, index, Agreement) if rng.random() < 0.6 else None
    classes = classification(rng, ctx.catalogues)
    if agreement:
        frame = ctx.row(Agreement, agreement.index)
        counterparts = frame.m2m["counterparts"][:2]
        themes = [theme for theme in ctx.catalogues.themes if theme.pk in frame.m2m["themes"]]
        signed = frame.values["signed_on"].value
        start = days_later(rng, signed, 30, 720) if signed else draw_date(rng)
    else:
        counterparts = counterparts_in_copy(ctx, rng, Action, index, 1, 2)
        themes, start = classes["themes"], draw_date(rng)
    say = wording(rng, themes, ctx.catalogues)
    main, place = ctx.party(counterparts[0]), where(ctx, rng, counterparts[0])
    values = record_values(ctx, rng, Action, index)
    dates = period(rng, min(start, LATEST), (20, 1500), draw_precision(rng), open_share=0.2)
    with_amount = rng.random() < 0.2
    return Row(
        values={
            **values,
            **dates,
            "agreement": agreement,
            "kind": kind,
            "title": fitting_title(
                rng, words.ACTION_TITLES[kind], cp=main.prose, place=place.name, country=in_country(place),
                year=dates["start_on"].value.year, programme=rng.choice(words.PROGRAMME_NAMES),
                subtitle=rng.choice(words.EVENT_SUBTITLES), **say.fields(),
            ),
            "description": sentences(rng, f"Acción para {say.verb} {say.topic} con {main.prose}.", [
                f"incluyó {join(rng.sample(words.INSTRUMENTS, 2))}.",
                f"estuvo dirigida a {rng.choice(words.AUDIENCES)}.",
                f"la coordinó {body_prose(ctx, values['body_id'])}.",
            ]),
            "place": rng.choice([place.name, "Ciudad de México"]),
            "people_reached": rng.choice([None, None, rng.randint(20, 250_000)]),
            "resources": rng.choice(["", f"Recursos técnicos y humanos de {body_prose(ctx, values['body_id'])}."]),
            "amount": amount(rng, 10_000, 5_000_000) if with_amount else None,
            "currency": rng.choice(words.CURRENCIES) if with_amount else "",
            "results": rng.choice(["", f"Se beneficiaron {rng.choice(words.AUDIENCES)} de las alcaldías."]),
        },
        m2m={
            "counterparts": counterparts,
            "themes": pks(themes),
            "sdgs": pks(classes["sdgs"]),
            "frameworks": pks(classes["frameworks"]),
        },
    )
