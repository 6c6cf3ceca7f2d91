"""Counterparts: cities, states, governments, organisations, networks, civil
society, academia, companies and people, each with a name and a description
that fit its kind."""

import random
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

from cdmx_global.models import Counterpart
from cdmx_global.regions import region_for_country
from networks.models import Network

from .. import vocabulary as words
from ..context import Context, Party, Row, builds, covering, position_in_copy
from ..text import (
    acronym_of, bare, country_name, in_country, network_label, office_held, person, sentences, title_case, topic_of,
    with_article,
)
from ..vocabulary import Place
from .shared import COUNTERPART_KINDS, PLACE_KINDS, Kind, record_values, synthetic_slug, unique_name


class Identity(NamedTuple):
    """Who a counterpart is: its name, where it is, and how its description starts."""

    label: str
    country: str = ""
    place: Place | None = None
    acronym: str = ""
    un_system: bool = False
    lead: str = ""


def _city(rng, ctx) -> Identity:
    place = rng.choice(words.CITIES)
    return Identity(place.name, place.country, place, lead=f"Gobierno local de {place.name}, {in_country(place)}.")


def _state(rng, ctx) -> Identity:
    place = rng.choice(words.STATES)
    return Identity(place.name, place.country, place, lead=f"Gobierno subnacional de {in_country(place)}.")


def _national(rng, ctx) -> Identity:
    country = rng.choice(words.CITIES).country
    label = rng.choice(words.NATIONAL_FORMS).format(country=country_name(country))
    return Identity(label, country, lead=f"Gobierno nacional o dependencia nacional de {country_name(country)}.")


def _organisation(rng, ctx) -> Identity:
    organisation = rng.choice(words.ORGANISATIONS)
    system = " del sistema de las Naciones Unidas" if organisation.un_system else ""
    return Identity(
        organisation.name, acronym=organisation.acronym, un_system=organisation.un_system,
        lead=f"Organismo internacional{system}.",
    )


def _network_counterpart(rng, ctx) -> Identity:
    topic = topic_of(rng, rng.choice(ctx.catalogues.themes))
    label = network_label(rng, rng.choice(list(Network.Scope)), topic)
    lead = f"Red internacional de gobiernos locales dedicada a {topic}."
    return Identity(label, acronym=acronym_of(label), lead=lead)


def _civil_society(rng, ctx) -> Identity:
    place, topic = rng.choice(words.CITIES), topic_of(rng, rng.choice(ctx.catalogues.themes))
    label = f"{rng.choice(words.CIVIL_SOCIETY_FORMS)} de {title_case(bare(topic))} de {place.name}"
    lead = f"Organización de la sociedad civil de {place.name}, {in_country(place)}, dedicada a {topic}."
    return Identity(label, place.country, place, lead=lead)


def _academic(rng, ctx) -> Identity:
    place, topic = rng.choice(words.CITIES), topic_of(rng, rng.choice(ctx.catalogues.themes))
    label = rng.choice(words.ACADEMIC_FORMS).format(city=place.name)
    lead = f"Institución académica de {in_country(place)} con líneas de investigación sobre {bare(topic)}."
    return Identity(label, place.country, place, lead=lead)


def _private(rng, ctx) -> Identity:
    place = rng.choice(words.CITIES)
    label = rng.choice(words.PRIVATE_FORMS).format(city=place.name, surname=rng.choice(words.SURNAMES))
    return Identity(label, place.country, place, lead=f"Sector privado de {place.name}, {in_country(place)}.")


def _person(rng, ctx) -> Identity:
    place, who = rng.choice(words.CITIES), person(rng)
    office = office_held(rng, who, Party(place.name, place.name, place, Kind.CITY, place.country), place)
    start = rng.randint(2000, 2020)
    lead = f"{office} entre {start} y {start + rng.choice((3, 4, 5, 6))}."
    return Identity(who.name, place.country, place, lead=lead)


IDENTITIES: dict[str, Callable[[random.Random, Context], Identity]] = {
    Kind.CITY: _city, Kind.STATE: _state, Kind.NATIONAL: _national, Kind.INTERNATIONAL_ORG: _organisation,
    Kind.NETWORK: _network_counterpart, Kind.CIVIL_SOCIETY: _civil_society, Kind.ACADEMIC: _academic,
    Kind.PRIVATE: _private, Kind.PERSON: _person,
}


def coordinates(rng: random.Random, place: Place) -> dict[str, Decimal]:
    """Near the place's centre, a little apart so that markers do not pile up."""
    return {
        "latitude": Decimal(f"{place.latitude + rng.uniform(-0.03, 0.03):.4f}"),
        "longitude": Decimal(f"{place.longitude + rng.uniform(-0.03, 0.03):.4f}"),
    }


@builds(Counterpart)
def counterpart_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Counterpart, index)
    kind = covering(rng, position_in_copy(Counterpart, index), COUNTERPART_KINDS)
    who = IDENTITIES[kind](rng, ctx)
    topics = [topic_of(rng, theme) for theme in rng.sample(ctx.catalogues.themes, 2)]
    mapped = kind in PLACE_KINDS
    return Row(
        values={
            **record_values(ctx, rng, Counterpart, index),
            "name": unique_name(who.label, ctx.seed, index),
            "acronym": who.acronym,
            "slug": synthetic_slug(ctx.seed, index, who.label, 120),
            "kind": kind,
            "country": who.country,
            "region": region_for_country(who.country),
            "is_un_system": who.un_system,
            **(coordinates(rng, who.place) if mapped else {"latitude": None, "longitude": None}),
            "description": sentences(rng, who.lead, [
                f"ha cooperado con la Ciudad de México en {bare(topics[0])} y {bare(topics[1])}.",
                f"participa en {rng.choice(words.INSTRUMENTS)} con dependencias de la Ciudad.",
            ], most=2),
        },
        party=Party(
            who.label, who.label if mapped or kind == Kind.PERSON else with_article(who.label),
            who.place, kind, who.country,
        ),
    )
