"""Networks, and what the city holds in them: memberships, positions and the
offices it hosts."""

import random
from typing import Any

from django.db import models

from cdmx_global.models import Counterpart
from cdmx_global.partial_dates import DatePrecision
from networks.models import HostedOffice, Membership, Network, Position

from .. import vocabulary as words
from ..context import (
    BOOK_COUNTS, Context, Party, Ref, Row, builds, copy_of, covering, in_same_copy, pick, pks, position_in_copy,
)
from ..dates import draw_date, draw_precision, period
from ..text import acronym_of, bare, network_label, person, sentences, title_case, topic_of, with_article, wording
from .shared import COUNTERPART_KINDS, Kind, record_values, synthetic_slug, unique_name

NETWORK_SCOPES = {Network.Scope.GLOBAL: 5, Network.Scope.REGIONAL: 6, Network.Scope.THEMATIC: 5}


@builds(Network)
def network_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Network, index)
    scope = covering(rng, position_in_copy(Network, index), NETWORK_SCOPES)
    themes = pick(rng, ctx.catalogues.themes, 1, 3)
    say = wording(rng, themes, ctx.catalogues)
    label = network_label(rng, scope, say.topic)
    # Conveners are international organisations: each copy has one at a fixed position.
    convener = None
    if rng.random() < 0.35:
        first = rng.randint(0, copy_of(Network, index)) * BOOK_COUNTS[Counterpart]
        convener = Ref(Counterpart, first + list(COUNTERPART_KINDS).index(Kind.INTERNATIONAL_ORG))
    description = [
        f"la Ciudad de México participa en sus {rng.choice(words.INSTRUMENTS)}.",
        f"promueve {say.topic2} entre sus miembros.",
    ]
    if convener:
        description.append(f"la convoca {ctx.party(convener).prose}.")
    return Row(
        values={
            **record_values(ctx, rng, Network, index),
            "name": unique_name(label, ctx.seed, index),
            "acronym": acronym_of(label) if rng.random() < 0.6 else "",
            "slug": synthetic_slug(ctx.seed, index, label, 120),
            "scope": scope,
            "convened_by": convener,
            "description": sentences(
                rng, f"Reúne a gobiernos locales para {say.verb} {say.topic}.", description
            ),
        },
        m2m={"themes": pks(themes), "sdgs": pks(pick(rng, ctx.catalogues.sdgs, 0, 3))},
        party=Party(label, with_article(label)),
    )


def network_part(ctx: Context, rng: random.Random, model: type[models.Model], index: int) -> dict[str, Any]:
    """A membership, position or office: on a network of its copy, over a period."""
    network = in_same_copy(rng, model, index, Network)
    start = draw_date(rng, 1995)
    precision = draw_precision(rng, {DatePrecision.YEAR: 45, DatePrecision.MONTH: 25, DatePrecision.DAY: 30})
    return {
        **record_values(ctx, rng, model, index),
        "network": network,
        **period(rng, start, (365, 6 * 365), precision, open_share=0.5),
    }


@builds(Membership)
def membership_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Membership, index)
    values = network_part(ctx, rng, Membership, index)
    topic = topic_of(rng, rng.choice(ctx.catalogues.themes))
    notes = rng.choice(["", f"La Ciudad participa en el grupo de trabajo sobre {bare(topic)}."])
    return Row(values={**values, "role": rng.choice(words.MEMBERSHIP_ROLES), "notes": notes})


@builds(Position)
def position_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Position, index)
    values = network_part(ctx, rng, Position, index)
    topic = title_case(bare(topic_of(rng, rng.choice(ctx.catalogues.themes))))
    organ = rng.choice(words.POSITION_ORGANS).format(topic=topic) if rng.random() < 0.7 else ""
    title = f"{rng.choice(words.POSITIONS_IN_ORGAN)} de {with_article(organ)}" if organ else rng.choice(
        words.POSITIONS_OF_NETWORK
    )
    holder = rng.choice([rng.choice(words.CITY_OFFICES), person(rng).name, ""])
    return Row(values={
        **values,
        "title": title,
        "organ": organ,
        "holder": holder,
        "notes": rng.choice(["", f"Cargo electo en la asamblea de {values['start_on'].value.year}."]),
    })


@builds(HostedOffice)
def hosted_office_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(HostedOffice, index)
    values = network_part(ctx, rng, HostedOffice, index)
    network = ctx.party(values["network"])
    region = rng.choice(["América Latina", "América Latina y el Caribe", "Mesoamérica", "las Américas"])
    return Row(values={
        **values,
        "name": f"Oficina regional para {region} de {network.prose}",
        "host_body_id": rng.choice(ctx.catalogues.bodies).pk,
        "notes": rng.choice(["", "La Ciudad aporta la sede y el personal de enlace."]),
    })
