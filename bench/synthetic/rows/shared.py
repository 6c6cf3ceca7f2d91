"""What records of every kind share: a status, a body and the citation; the
counterparts of their copy (of the kinds they need) and where those are; their
classification; the unique names and slugs of keyed records."""

import random
from collections.abc import Sequence
from typing import Any

from django.db import models
from django.utils.text import slugify

from cdmx_global.models import Counterpart

from .. import vocabulary as words
from ..context import BOOK_COUNTS, Catalogues, Context, Ref, copy_of, in_same_copy, pick, status_of, synthetic_code
from ..text import with_article
from ..vocabulary import Place

Kind = Counterpart.Kind
#: Counterparts' kinds by weight; ``covering`` gives each a fixed position in every copy.
COUNTERPART_KINDS = {
    Kind.CITY: 44, Kind.STATE: 8, Kind.NATIONAL: 12, Kind.INTERNATIONAL_ORG: 10, Kind.NETWORK: 5,
    Kind.CIVIL_SOCIETY: 8, Kind.ACADEMIC: 7, Kind.PRIVATE: 4, Kind.PERSON: 2,
}
PLACE_KINDS = (Kind.CITY, Kind.STATE)


def record_values(ctx: Context, rng: random.Random, model: type[models.Model], index: int) -> dict[str, Any]:
    """What every synthetic record carries: a status, a body, and the synthetic citation."""
    bodies = ctx.catalogues.bodies
    cgai = next((body for body in bodies if body.key == "cgai"), bodies[0])
    return {
        # The one place outside the kernel's services (cdmx_global.services) that writes a
        # status: synthetic records are bulk-inserted for speed, in every status at once.
        "status": status_of(index),
        # Like the book, most records belong to the CGAI.
        "body_id": cgai.pk if rng.random() < 0.5 else rng.choice(bodies).pk,
        "source_citation": ctx.citation,
        "source_excerpt": "",
    }


def body_prose(ctx: Context, body_id: int) -> str:
    name = next(body.name for body in ctx.catalogues.bodies if body.pk == body_id)
    return with_article(name)


def counterparts_in_copy(
    ctx: Context, rng: random.Random, model: type[models.Model], index: int, low: int, high: int, kinds: Sequence = ()
) -> list[Ref]:
    """``low``–``high`` distinct counterparts of record ``index``'s copy; of
    ``kinds`` when given (a twinning is with a city). Each copy has every kind
    at a fixed position, which is the fallback."""
    wanted = rng.randint(low, high)
    chosen: list[Ref] = []
    for _ in range(wanted * 12):
        ref = in_same_copy(rng, model, index, Counterpart)
        if ref not in chosen and (not kinds or ctx.row(Counterpart, ref.index).values["kind"] in kinds):
            chosen.append(ref)
        if len(chosen) == wanted:
            break
    if not chosen:
        first = copy_of(model, index) * BOOK_COUNTS[Counterpart]
        chosen.append(Ref(Counterpart, first + list(COUNTERPART_KINDS).index(kinds[0])))
    return chosen


def where(ctx: Context, rng: random.Random, ref: Ref) -> Place:
    """Where a counterpart is, or a city for one that is nowhere in particular."""
    return ctx.party(ref).place or rng.choice(words.CITIES)


def classification(rng: random.Random, catalogues: Catalogues, *, themes: tuple = (1, 3), frameworks=(0, 2)) -> dict:
    return {
        "themes": pick(rng, catalogues.themes, *themes),
        "sdgs": pick(rng, catalogues.sdgs, 0, 3),
        "frameworks": pick(rng, catalogues.frameworks, *frameworks),
    }


def unique_name(label: str, seed: int, index: int) -> str:
    """Names are unique (per country for counterparts) and the vocabulary is
    finite: the suffix, the record's key, is what the constraint forces."""
    return f"{label} [{seed}-{index:06d}]"


def synthetic_slug(seed: int, index: int, label: str, max_length: int) -> str:
    return f"{synthetic_code(seed, index)}-{slugify(label)}"[:max_length].rstrip("-")
