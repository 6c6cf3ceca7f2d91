"""Synthetic records for performance benchmarks (``manage.py generate_synthetic``).

**Synthetic, for benchmarks only.** These records are invented: they let us
measure how the portal, the search and the reports behave with many times the
book's data. Every one carries ``synthetic_citation(seed)`` as its source
(«Datos sintéticos… no es un registro real») and no source excerpt, and the
command refuses to run unless ``ALLOW_SYNTHETIC_DATA=1``: they must never reach
the public record of a real installation.

**Scale.** ``--scale N`` means the database ends with about N times the book's
data: the book's own records plus ``(N − 1) × BOOK_COUNTS[model]`` synthetic
records of each kind. ``--scale 1`` adds nothing. The run is incremental: it
counts the synthetic records of the seed already present per model and adds
only the missing ones, so ``--scale 10`` then ``--scale 100`` is the same as
``--scale 100``, and a second run adds nothing. A smaller scale than the one
present removes nothing.

**Reproducibility.** Synthetic record number ``i`` of a kind is built by a pure
function from its own ``random.Random(f"{seed}:{kind}:{i}")`` and the book's
catalogues (looked up by their natural key), never from what a run happens to
have made before. Records come in "copies" of the book's counts: record ``i``
belongs to copy ``i // BOOK_COUNTS[model]``, and links only to synthetic
records of its own copy or of earlier ones (a ``Ref`` holds the index, which is
turned into a primary key when the record is written). So a record is the same
whichever run creates it. Counterparts, networks and agreements are found by
their slug or code (``sint2018-000123…``); the other kinds have no unique key,
so their index is their rank by primary key among the seed's records (they are
always inserted in index order).

**Realistic.** Titles and texts are composed in Spanish from
``vocabulary``; places are real cities with their approximate
coordinates. Every value of every kind field appears in every copy (the first
records of a copy take them in turn, the rest are drawn by weight), every
publication status appears in every twenty records, and dates come at the three
precisions, 1990–2026, more of them recent. The database's check constraints
hold (they are enforced on insert).

**Fast.** Records, many-to-many rows and history rows are inserted with
``bulk_create`` in batches; nothing is saved one by one, so no signal runs. The
history is written with simple_history's ``bulk_history_create`` — what
``bulk_create_with_history`` calls — once the links are in place, together with
the many-to-many history rows, so each record's first history entry shows its
links as a save followed by ``set()`` would. Measured with ``--scale 100`` on
PostgreSQL (2 cores), the history took 24 s of a 97 s run (72 s without it):
1.4× the whole run, 1.9× the inserts alone, short of the 2× that would make it
worth leaving out, so it stays. Since bulk inserts send no signal, the search
index is then rebuilt whole (``index_rebuild``, 42–48 s at 100×): reindexing
only the new records batch by batch was no faster (44–50 s).
"""

import datetime
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from agreements.models import Action, Agreement, AgreementKind, EndReason, SreOpinion, Validity
from sourcebook.records import UNDATED, When
from sourcebook.records import catalogues as book_catalogues
from cdmx_global.models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    SustainableDevelopmentGoal,
    Theme,
)
from cdmx_global.pagecache import content_changed
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.regions import region_for_country
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position
from search.services import index_rebuild

from . import vocabulary as words
from .vocabulary import Place

#: Records of each kind ``load_book`` loads, in the order they are generated
#: (a kind only links to kinds before it, or to earlier records of its own).
BOOK_COUNTS: dict[type[models.Model], int] = {
    Counterpart: 113,
    Network: 16,
    Membership: 16,
    Position: 11,
    HostedOffice: 3,
    Event: 28,
    Agreement: 64,
    Action: 27,
    Visit: 41,
    VisitGuest: 44,
    Award: 34,
}

DEFAULT_SEED = 2018
BATCH_SIZE = 1000

#: Kinds with a unique key that carries the synthetic index.
KEY_FIELDS: dict[type[models.Model], str] = {Counterpart: "slug", Network: "slug", Agreement: "code"}


class CataloguesMissing(Exception):
    """The book's catalogues are not loaded; synthetic records classify with them."""


def synthetic_citation(seed: int) -> str:
    """The source every synthetic record of ``seed`` cites: it says the record is not real."""
    return f"Datos sintéticos para medir rendimiento (generate_synthetic, semilla {seed}); no es un registro real"


def key_prefix(seed: int) -> str:
    return f"sint{seed}-"


def synthetic_code(seed: int, index: int) -> str:
    """``sint2018-000123``: the agreement code, and the start of a synthetic slug."""
    return f"{key_prefix(seed)}{index:06d}"


def index_from_key(key: str) -> int:
    return int(key.split("-")[1])


# --- What a record is built from ----------------------------------------------


class Entry(NamedTuple):
    """A catalogue entry: its pk, its natural key and its name."""

    pk: int
    key: str
    name: str


@dataclass(frozen=True)
class Catalogues:
    """The book's catalogues, each ordered by its natural key, so the same
    draw picks the same entry in every database the book was loaded into."""

    bodies: tuple[Entry, ...]
    themes: tuple[Entry, ...]
    sdgs: tuple[Entry, ...]
    frameworks: tuple[Entry, ...]


def _entries(model: type[models.Model], key: str, keys: Iterable) -> tuple[Entry, ...]:
    keys = list(keys)
    rows = model.objects.filter(**{f"{key}__in": keys}).order_by(key).values_list("pk", key, "name")
    entries = tuple(Entry(pk, str(value), name) for pk, value, name in rows)
    if len(entries) != len(keys):
        raise CataloguesMissing
    return entries


def load_catalogues() -> Catalogues:
    """The book's bodies by slug, themes by slug, ODS by number, frameworks by code."""
    return Catalogues(
        bodies=_entries(GovernmentBody, "slug", (row[0] for row in book_catalogues.BODIES)),
        themes=_entries(Theme, "slug", (row[0] for row in book_catalogues.THEMES)),
        sdgs=_entries(SustainableDevelopmentGoal, "number", (row[0] for row in book_catalogues.SDGS)),
        frameworks=_entries(Framework, "code", (row["code"] for row in book_catalogues.FRAMEWORKS)),
    )


@dataclass(frozen=True)
class Ref:
    """A link to synthetic record number ``index`` of ``model``; it becomes a pk when written."""

    model: type[models.Model]
    index: int


class Party(NamedTuple):
    """How a counterpart or a network is named in other records' text."""

    label: str  # «Universidad de Lyon»
    prose: str  # «la Universidad de Lyon»
    place: Place | None = None  # where it is, if anywhere in particular
    kind: str = ""
    country: str = ""


@dataclass(frozen=True)
class Row:
    """One synthetic record before it is written.

    ``values`` are field values (a ``When`` for a partial date, a ``Ref`` for a
    link); ``m2m`` the pks or ``Ref`` of each many-to-many field; ``party`` how
    other records name it.
    """

    values: dict[str, Any]
    m2m: dict[str, list] = field(default_factory=dict)
    party: Party | None = None

    def __post_init__(self):
        for name, value in self.values.items():
            if isinstance(value, str):
                self.values[name] = contracted(value)


@dataclass(frozen=True)
class Context:
    """What every record of a run is built from: the seed and the book's catalogues."""

    seed: int
    catalogues: Catalogues
    #: Rows other rows read (a counterpart's name, an event's dates), built once per run.
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def citation(self) -> str:
        return synthetic_citation(self.seed)

    def rng(self, model: type[models.Model], index: int) -> random.Random:
        """Record ``index``'s own generator: nothing else draws from it."""
        return random.Random(f"{self.seed}:{model._meta.model_name}:{index}")

    def row(self, model: type[models.Model], index: int) -> Row:
        key = (model, index)
        if key not in self.cache:
            self.cache[key] = BUILDERS[model](self, index)
        return self.cache[key]

    def party(self, ref: Ref) -> Party:
        return self.row(ref.model, ref.index).party


# --- Choices -------------------------------------------------------------------


def copy_of(model: type[models.Model], index: int) -> int:
    return index // BOOK_COUNTS[model]


def position_in_copy(model: type[models.Model], index: int) -> int:
    return index % BOOK_COUNTS[model]


def covering(rng: random.Random, position: int, weights: dict) -> Any:
    """A value such that every copy holds every value: the first records of a
    copy take the values in turn, the others draw them by weight."""
    values = list(weights)
    if position < len(values):
        return values[position]
    return rng.choices(values, weights=list(weights.values()))[0]


#: Of every twenty records, seventeen are published (85 %), one is a draft, one
#: in review and one withdrawn, so every status shows from the twentieth record on.
UNPUBLISHED_AT = {5: PublicationStatus.DRAFT, 11: PublicationStatus.REVIEW, 17: PublicationStatus.WITHDRAWN}


def status_of(index: int) -> str:
    return UNPUBLISHED_AT.get(index % 20, PublicationStatus.PUBLISHED)


def in_same_copy(rng: random.Random, model: type[models.Model], index: int, target: type[models.Model]) -> Ref:
    """A record of ``target`` in the copy of record ``index`` of ``model``."""
    count = BOOK_COUNTS[target]
    return Ref(target, copy_of(model, index) * count + rng.randrange(count))


def earlier_in_copy(rng: random.Random, model: type[models.Model], index: int) -> Ref | None:
    """An earlier record of the same kind and copy, if there is one (a parent, a renewed agreement)."""
    first = copy_of(model, index) * BOOK_COUNTS[model]
    return Ref(model, rng.randrange(first, index)) if index > first else None


def pick(rng: random.Random, entries: Sequence, low: int, high: int) -> list:
    return rng.sample(list(entries), rng.randint(low, min(high, len(entries))))


def pks(entries: Iterable[Entry]) -> list[int]:
    return [entry.pk for entry in entries]


# --- Dates ---------------------------------------------------------------------

YEARS = range(1990, 2027)
#: Recent years weigh more: 2026 eight times 1990.
YEAR_WEIGHTS = [year - 1985 for year in YEARS]
#: Nothing synthetic happens after this day (a validity may run later).
LATEST = datetime.date(2026, 10, 31)
PRECISIONS = {DatePrecision.DAY: 78, DatePrecision.MONTH: 14, DatePrecision.YEAR: 8}


def draw_date(rng: random.Random, first_year: int = YEARS[0]) -> datetime.date:
    years = [year for year in YEARS if year >= first_year]
    year = rng.choices(years, weights=YEAR_WEIGHTS[-len(years):])[0]
    last = LATEST if year == LATEST.year else datetime.date(year, 12, 31)
    first = datetime.date(year, 1, 1)
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def draw_precision(rng: random.Random, weights: dict = PRECISIONS) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def truncate(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the year or month, as the database wants a partial date stored."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def next_start(value: datetime.date, precision: str) -> datetime.date:
    """The first year, month or day that starts on or after ``value``."""
    if truncate(value, precision) == value:
        return value
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year + 1, 1, 1)
    return datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)


def partial(value: datetime.date, precision: str) -> When:
    return When(truncate(value, precision), precision)


def on_or_after(minimum: datetime.date, value: datetime.date, precision: str) -> When:
    """``value`` at ``precision``, moved forward if needed so it is not before ``minimum``."""
    candidate = truncate(max(value, minimum), precision)
    return When(candidate if candidate >= minimum else next_start(minimum, precision), precision)


def on_or_before(maximum: datetime.date, value: datetime.date, precision: str) -> When:
    return When(truncate(min(value, maximum), precision), precision)


def days_later(rng: random.Random, value: datetime.date, low: int, high: int) -> datetime.date:
    return value + datetime.timedelta(days=rng.randint(low, high))


def period(
    rng: random.Random, start: datetime.date, days: tuple[int, int], precision: str, *, open_share: float = 0.0
) -> dict[str, When]:
    """A start and an end at the same precision (so the end is never before the
    start); open when drawn so, or when it would end after ``LATEST``."""
    end = days_later(rng, start, *days)
    still_open = rng.random() < open_share or end > LATEST
    return {"start_on": partial(start, precision), "end_on": UNDATED if still_open else partial(end, precision)}


# --- Text ----------------------------------------------------------------------

LOWER_WORDS = {"a", "al", "de", "del", "el", "en", "la", "las", "los", "para", "por", "con", "y", "e", "o", "sobre"}
#: Nouns ending in -a that take «el», and one that takes «la» without ending so.
MASCULINE_IN_A = {"Sistema", "Programa", "Metrobús"}
FEMININE_OTHERS = {"Red"}


def title_case(text: str) -> str:
    """«movilidad sostenible» → «Movilidad Sostenible», for proper names."""
    return " ".join(
        word if i and word in LOWER_WORDS else word[:1].upper() + word[1:] for i, word in enumerate(text.split())
    )


def contracted(text: str) -> str:
    """«de el Foro» → «del Foro», «a el» → «al»: an article put after a preposition."""
    return text.replace(" de el ", " del ").replace(" a el ", " al ")


def bare(topic: str) -> str:
    """The topic without its article: «en materia de movilidad sostenible»."""
    return topic.split(" ", 1)[1] if topic.split(" ", 1)[0] in {"el", "la", "los", "las"} else topic


def with_article(name: str) -> str:
    """«la Universidad de Lyon», «el Instituto…»; an acronym-led name («ONU Mujeres») takes none."""
    first = name.split(" ", 1)[0]
    if first.isupper():
        return name
    feminine = first in FEMININE_OTHERS or (first.endswith(("a", "ía", "ión", "dad")) and first not in MASCULINE_IN_A)
    return f"{'la' if feminine else 'el'} {name}"


def sentences(rng: random.Random, first: str, optional: Sequence[str], most: int = 3) -> str:
    """``first`` and up to ``most`` of ``optional``, as a paragraph."""
    chosen = [first, *rng.sample(list(optional), rng.randint(0, min(most, len(optional))))]
    return " ".join(text[:1].upper() + text[1:] for text in chosen)


#: How long a title usually is; a template that gives one outside it yields to another.
TITLE_LENGTH = range(60, 201)


def fitting_title(rng: random.Random, templates: Sequence[str], **fields: Any) -> str:
    """One of ``templates``, filled in, of a realistic length if any of them gives one
    (a long organisation's name can make a title too long for a listing)."""
    titles = [template.format(**fields) for template in rng.sample(list(templates), len(templates))]
    return min(titles, key=lambda title: max(TITLE_LENGTH.start - len(title), len(title) - TITLE_LENGTH.stop + 1, 0))


class Person(NamedTuple):
    name: str
    is_woman: bool


def join(items: Sequence[str]) -> str:
    """«a, b y c»."""
    return ", ".join(items[:-1]) + f" y {items[-1]}" if len(items) > 1 else "".join(items)


def person(rng: random.Random) -> Person:
    is_woman = rng.random() < 0.5
    given = rng.choice(words.WOMEN_NAMES if is_woman else words.MEN_NAMES)
    return Person(f"{given} {rng.choice(words.SURNAMES)} {rng.choice(words.SURNAMES)}", is_woman)


OFFICE_GROUPS = {Counterpart.Kind.CITY: "city", Counterpart.Kind.STATE: "state", Counterpart.Kind.NATIONAL: "national"}


def office_held(rng: random.Random, who: Person, party: Party, place: Place) -> str:
    """An office that fits the person and where they come from: «Alcaldesa de
    Lyon», «Embajador de Francia en México»."""
    for_woman, for_man = rng.choice(words.OFFICES_HELD[OFFICE_GROUPS.get(party.kind, "organisation")])
    return (for_woman if who.is_woman else for_man).format(
        place=place.name, country=country_name(party.country or place.country), org=party.prose
    )


def country_name(code: str) -> str:
    return words.COUNTRY_NAMES.get(code, code)


def in_country(place: Place) -> str:
    return country_name(place.country)


def topic_of(rng: random.Random, theme: Entry) -> str:
    return rng.choice(words.TOPICS.get(theme.key, [f"la {theme.name.lower()}"]))


def amount(rng: random.Random, low: int, high: int) -> Decimal:
    return Decimal(rng.randrange(low, high) * 100) / 100


class Wording(NamedTuple):
    """What a record is about, for its title and texts."""

    topic: str  # «la movilidad sostenible»
    topic2: str
    verb: str

    def fields(self) -> dict[str, str]:
        return {
            "topic": bare(self.topic),
            "topic2": bare(self.topic2),
            "goal": f"{self.verb} {self.topic}",
            "goal_noun": self.topic,
        }


def wording(rng: random.Random, themes: Sequence[Entry], catalogues: Catalogues) -> Wording:
    second = themes[1] if len(themes) > 1 else rng.choice(catalogues.themes)
    topic, topic2 = topic_of(rng, themes[0]), topic_of(rng, second)
    if topic2 == topic:
        topic2 = next(t for t in words.TOPICS["gobernanza"] if t != topic)
    return Wording(topic, topic2, rng.choice(words.VERBS))


# --- Shared values --------------------------------------------------------------


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


# --- Counterparts ----------------------------------------------------------------

Kind = Counterpart.Kind
COUNTERPART_KINDS = {
    Kind.CITY: 44, Kind.STATE: 8, Kind.NATIONAL: 12, Kind.INTERNATIONAL_ORG: 10, Kind.NETWORK: 5,
    Kind.CIVIL_SOCIETY: 8, Kind.ACADEMIC: 7, Kind.PRIVATE: 4, Kind.PERSON: 2,
}
PLACE_KINDS = (Kind.CITY, Kind.STATE)


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


def unique_name(label: str, seed: int, index: int) -> str:
    """Names are unique (per country for counterparts) and the vocabulary is
    finite: the suffix, the record's key, is what the constraint forces."""
    return f"{label} [{seed}-{index:06d}]"


def synthetic_slug(seed: int, index: int, label: str, max_length: int) -> str:
    return f"{synthetic_code(seed, index)}-{slugify(label)}"[:max_length].rstrip("-")


def coordinates(rng: random.Random, place: Place) -> dict[str, Decimal]:
    """Near the place's centre, a little apart so that markers do not pile up."""
    return {
        "latitude": Decimal(f"{place.latitude + rng.uniform(-0.03, 0.03):.4f}"),
        "longitude": Decimal(f"{place.longitude + rng.uniform(-0.03, 0.03):.4f}"),
    }


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


# --- Networks and what the city holds in them -------------------------------------


def network_label(rng: random.Random, scope: str, topic: str) -> str:
    form, members = rng.choice(words.NETWORK_FORMS), rng.choice(words.NETWORK_MEMBERS)
    about = f" sobre {title_case(bare(topic))}"
    if scope == Network.Scope.GLOBAL:
        return f"{form} {rng.choice(words.GLOBAL_REACH)} {members}" + (about if rng.random() < 0.5 else "")
    if scope == Network.Scope.REGIONAL:
        return f"{form} {members} {rng.choice(words.REGIONAL_REACH)}" + (about if rng.random() < 0.5 else "")
    return f"{form} {members}{about}"


def acronym_of(label: str) -> str:
    return "".join(word[0] for word in label.split() if word[:1].isupper())[:8]


NETWORK_SCOPES = {Network.Scope.GLOBAL: 5, Network.Scope.REGIONAL: 6, Network.Scope.THEMATIC: 5}


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


def membership_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Membership, index)
    values = network_part(ctx, rng, Membership, index)
    topic = topic_of(rng, rng.choice(ctx.catalogues.themes))
    notes = rng.choice(["", f"La Ciudad participa en el grupo de trabajo sobre {bare(topic)}."])
    return Row(values={**values, "role": rng.choice(words.MEMBERSHIP_ROLES), "notes": notes})


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


# --- Events --------------------------------------------------------------------

Role = Event.Role
EVENT_ROLES = {Role.ORGANISER: 6, Role.CO_ORGANISER: 4, Role.HOST: 4, Role.PARTICIPANT: 10, Role.SPEAKER: 6}
HOSTED_ROLES, ATTENDED_ROLES = (Role.ORGANISER, Role.HOST), (Role.PARTICIPANT, Role.SPEAKER)
MEXICO_CITY = Place("Ciudad de México", "MX", 19.4326, -99.1332)


def event_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Event, index)
    role = covering(rng, position_in_copy(Event, index), EVENT_ROLES)
    mode = (
        Event.Mode.HOSTED if role in HOSTED_ROLES
        else Event.Mode.ATTENDED if role in ATTENDED_ROLES
        else rng.choice(list(Event.Mode))
    )
    # An event within another (a forum at a summit) shares its place and dates.
    parent = earlier_in_copy(rng, Event, index) if rng.random() < 0.2 else None
    if parent and ctx.row(Event, parent.index).values["mode"] != mode:
        parent = None
    if parent:
        frame = ctx.row(Event, parent.index).values
        place = MEXICO_CITY if mode == Event.Mode.HOSTED else Place(frame["city"], frame["country"], 0, 0)
        dates = {"start_on": frame["start_on"], "end_on": frame["end_on"]}
    else:
        place = MEXICO_CITY if mode == Event.Mode.HOSTED else rng.choice(words.CITIES)
        dates = period(rng, draw_date(rng), (0, 4), draw_precision(rng))
    classes = classification(rng, ctx.catalogues)
    say = wording(rng, classes["themes"], ctx.catalogues)
    title = rng.choice(words.EVENT_FORMS).format(topic=title_case(bare(say.topic)))
    subtitle = rng.choice(words.EVENT_SUBTITLES)
    organisers = counterparts_in_copy(ctx, rng, Event, index, 1, 3)
    return Row(
        values={
            **record_values(ctx, rng, Event, index),
            **dates,
            "name": f"{title}: {subtitle} ({place.name}, {dates['start_on'].value.year})",
            "mode": mode,
            "role": role,
            "city": place.name,
            "country": place.country,
            "parent": parent,
            "participants": rng.choice(["", ", ".join(rng.sample(words.CITY_OFFICES, 2))]),
            "participants_count": rng.choice([None, rng.randint(30, 5000)]),
            "outcome": rng.choice(["", f"Las ciudades adoptaron una declaración sobre {bare(say.topic)}."]),
            "description": sentences(rng, f"Encuentro internacional para {say.verb} {say.topic}.", [
                f"convocado por {ctx.party(organisers[0]).prose}.",
                f"incluyó mesas de trabajo sobre {bare(say.topic2)}.",
                f"reunió a gobiernos locales, organismos internacionales y {rng.choice(words.AUDIENCES)}.",
            ]),
        },
        m2m={"organisers": organisers, **{name: pks(entries) for name, entries in classes.items()}},
    )


# --- Agreements and actions ------------------------------------------------------

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


# --- Visits and their guests -----------------------------------------------------

#: Two visits in three are received, as in the book; guests come with those.
INCOMING_POSITIONS = tuple(position for position in range(BOOK_COUNTS[Visit]) if position % 3)
HONOURS = {"": 50, Visit.Honour.DISTINGUISHED_GUEST: 30, Visit.Honour.DISTINGUISHED_VISITOR: 20}
VISITED_KINDS = (Kind.CITY, Kind.STATE, Kind.NATIONAL, Kind.INTERNATIONAL_ORG)
#: A trip's dates are mostly known to the day.
TRIP_PRECISIONS = {DatePrecision.DAY: 85, DatePrecision.MONTH: 12, DatePrecision.YEAR: 3}


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


# --- Awards ----------------------------------------------------------------------

Category = Award.Category
AWARD_CATEGORIES = {
    Category.SUSTAINABLE_DEVELOPMENT: 8, Category.URBAN_INNOVATION: 7, Category.QUALITY_OF_LIFE: 5,
    Category.HEALTH: 3, Category.TOURISM: 3, Category.GOVERNANCE_INNOVATION: 5, Category.CULTURE: 3,
}
#: The themes an award of each category is about, by slug.
CATEGORY_THEMES = {
    Category.SUSTAINABLE_DEVELOPMENT: ("desarrollo-sostenible", "medio-ambiente", "cambio-climatico", "agua"),
    Category.URBAN_INNOVATION: ("innovacion", "desarrollo-urbano", "movilidad", "ciencia-y-tecnologia"),
    Category.QUALITY_OF_LIFE: ("desarrollo-social", "vivienda", "inclusion-social", "seguridad"),
    Category.HEALTH: ("salud",),
    Category.TOURISM: ("turismo", "patrimonio-cultural"),
    Category.GOVERNANCE_INNOVATION: ("gobernanza", "democracia", "derechos-humanos"),
    Category.CULTURE: ("cultura", "patrimonio-cultural"),
}
#: Awards are often known only by their year.
AWARD_PRECISIONS = {DatePrecision.YEAR: 40, DatePrecision.MONTH: 25, DatePrecision.DAY: 35}
AWARD_DIRECTIONS = {Award.Direction.RECEIVED: 85, Award.Direction.GRANTED: 15}
GRANTOR_KINDS = (Kind.INTERNATIONAL_ORG, Kind.NETWORK, Kind.CIVIL_SOCIETY, Kind.ACADEMIC, Kind.PRIVATE)


def award_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Award, index)
    position = position_in_copy(Award, index)
    direction = covering(rng, position, AWARD_DIRECTIONS)
    category = covering(rng, position, AWARD_CATEGORIES)
    themes = [theme for theme in ctx.catalogues.themes if theme.key in CATEGORY_THEMES[category]]
    themes = rng.sample(themes, rng.randint(1, min(2, len(themes))))
    say = wording(rng, themes, ctx.catalogues)
    awarded = partial(draw_date(rng, 2000), draw_precision(rng, AWARD_PRECISIONS))
    programme_name = rng.choice(words.PROGRAMME_NAMES)
    programme = rng.choice(words.PROGRAMME_FORMS).format(name=f"«{programme_name}»", topic=bare(say.topic))
    granted_by = counterparts_in_copy(ctx, rng, Award, index, 1, 2, GRANTOR_KINDS)
    values = record_values(ctx, rng, Award, index)
    if direction == Award.Direction.RECEIVED:
        title = f"{rng.choice(words.AWARD_FORMS).format(topic=title_case(bare(say.topic)))} {awarded.value.year}"
        title += f", por «{programme_name}»"
        grantor_text = ", ".join(ctx.party(ref).label for ref in granted_by)
        recognised = f"{programme[:1].upper()}{programme[1:]} de la Ciudad de México"
    else:
        title = f"Premio Internacional Ciudad de México de {title_case(bare(say.topic))}, edición {awarded.value.year}"
        granted_by = granted_by[:1] if rng.random() < 0.5 else []
        grantor_text = f"La Ciudad de México, a través de {body_prose(ctx, values['body_id'])}"
        recognised = f"Ciudades y personas que se han destacado en {bare(say.topic)}"
    return Row(
        values={
            **values,
            "title": title,
            "direction": direction,
            "category": category,
            "awarded_on": awarded,
            "granted_by_text": grantor_text,
            "recognised_for": recognised,
            "description": sentences(rng, f"Reconoce el trabajo en {bare(say.topic)}.", [
                f"se entregó en una ceremonia en {rng.choice(words.CITIES).name}.",
                f"participaron candidaturas de ciudades de {rng.randint(8, 60)} países.",
            ], most=2),
        },
        m2m={"granted_by": granted_by, "themes": pks(themes), "sdgs": pks(pick(rng, ctx.catalogues.sdgs, 0, 2))},
    )


BUILDERS: dict[type[models.Model], Callable[[Context, int], Row]] = {
    Counterpart: counterpart_row,
    Network: network_row,
    Membership: membership_row,
    Position: position_row,
    HostedOffice: hosted_office_row,
    Event: event_row,
    Agreement: agreement_row,
    Action: action_row,
    Visit: visit_row,
    VisitGuest: visit_guest_row,
    Award: award_row,
}


# --- Writing -----------------------------------------------------------------------


def synthetic_records(model: type[models.Model], seed: int) -> models.QuerySet:
    """The synthetic records of ``seed``; a guest is synthetic when its visit is."""
    if model is VisitGuest:
        return VisitGuest.objects.filter(visit__source_citation=synthetic_citation(seed))
    return model.objects.filter(source_citation=synthetic_citation(seed))


class PrimaryKeys:
    """Synthetic index → pk, per model: read from the database once, then
    extended with what the run creates."""

    def __init__(self, seed: int):
        self.seed = seed
        self._maps: dict[type[models.Model], dict[int, int]] = {}

    def of(self, model: type[models.Model]) -> dict[int, int]:
        if model not in self._maps:
            self._maps[model] = self._stored(model)
        return self._maps[model]

    def _stored(self, model: type[models.Model]) -> dict[int, int]:
        key = KEY_FIELDS.get(model)
        if key:
            rows = model.objects.filter(**{f"{key}__startswith": key_prefix(self.seed)}).values_list(key, "pk")
            return {index_from_key(value): pk for value, pk in rows}
        ordered = synthetic_records(model, self.seed).order_by("pk").values_list("pk", flat=True)
        return dict(enumerate(ordered))

    def add(self, model: type[models.Model], indices: Sequence[int], objs: Sequence[models.Model]) -> None:
        self.of(model).update({index: obj.pk for index, obj in zip(indices, objs, strict=True)})

    def resolve(self, value: Any) -> Any:
        return self.of(value.model)[value.index] if isinstance(value, Ref) else value


def field_values(model: type[models.Model], row: Row, keys: PrimaryKeys, now: datetime.datetime) -> dict[str, Any]:
    """The row's values as model arguments: partial dates split, links as ids,
    publication times by status. A link to the model's own kind waits (see ``link_own_kind``)."""
    values = {}
    for name, value in row.values.items():
        if isinstance(value, When):
            values[name], values[f"{name}_precision"] = value.value, value.precision
        elif isinstance(value, Ref):
            values[f"{name}_id"] = None if value.model is model else keys.resolve(value)
        else:
            values[name] = value
    status = values.get("status")
    if status in (PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN):
        values["published_at"] = now
    if status == PublicationStatus.REVIEW:
        values["submitted_at"] = now
    if status == PublicationStatus.WITHDRAWN:
        values |= {"withdrawn_at": now, "review_note": "Retirado del registro público para revisar sus datos."}
    return values


def link_own_kind(
    model: type[models.Model], rows: Sequence[Row], objs: Sequence[models.Model], keys: PrimaryKeys
) -> None:
    """A parent event or a renewed agreement is of the same kind, and may be
    created in the same batch: its pk is known only now."""
    linked = set()
    for row, obj in zip(rows, objs, strict=True):
        for name, value in row.values.items():
            if isinstance(value, Ref) and value.model is model:
                setattr(obj, f"{name}_id", keys.resolve(value))
                linked.add(name)
    if linked:
        changed = [obj for obj in objs if any(getattr(obj, f"{name}_id") for name in linked)]
        model.objects.bulk_update(changed, sorted(linked), batch_size=BATCH_SIZE)


def create_links(
    model: type[models.Model], rows: Sequence[Row], objs: Sequence[models.Model], keys: PrimaryKeys
) -> dict[str, list[models.Model]]:
    """The many-to-many rows, through each field's table; returned by field for the history."""
    links = {}
    for name in rows[0].m2m if rows else ():
        m2m_field = model._meta.get_field(name)
        through = m2m_field.remote_field.through
        source, target = f"{m2m_field.m2m_field_name()}_id", f"{m2m_field.m2m_reverse_field_name()}_id"
        links[name] = through.objects.bulk_create(
            [
                through(**{source: obj.pk, target: keys.resolve(value)})
                for row, obj in zip(rows, objs, strict=True)
                for value in row.m2m[name]
            ],
            batch_size=BATCH_SIZE,
        )
    return links


def create_history(
    model: type[models.Model], objs: Sequence[models.Model], links: dict[str, list], reason: str, now: datetime.datetime
) -> None:
    """One «created» history row per record, and its links as of that row."""
    history = model.history.bulk_history_create(
        objs, batch_size=BATCH_SIZE, default_change_reason=reason, default_date=now
    )
    history_by_record = {getattr(row, model._meta.pk.attname): row for row in history}
    for m2m_field in model.history.model._history_m2m_fields:
        through_rows = links.get(m2m_field.name, [])
        if not through_rows:
            continue
        source = f"{m2m_field.m2m_field_name()}_id"
        target = f"{m2m_field.m2m_reverse_field_name()}_id"
        history_model = HistoricalRecords.m2m_models[m2m_field]
        history_model.objects.bulk_create(
            [
                history_model(**{
                    "id": link.pk, "history": history_by_record[getattr(link, source)],
                    source: getattr(link, source), target: getattr(link, target),
                })
                for link in through_rows
            ],
            batch_size=BATCH_SIZE,
        )


@dataclass
class KindResult:
    model: type[models.Model]
    before: int
    created: list[models.Model]

    @property
    def total(self) -> int:
        return self.before + len(self.created)


def create_kind(ctx: Context, model: type[models.Model], indices: range, keys: PrimaryKeys, now) -> list[models.Model]:
    """Records ``indices`` of ``model``: rows, links to their own kind, many-to-many rows, history."""
    rows = [BUILDERS[model](ctx, index) for index in indices]
    objs = model.objects.bulk_create(
        [model(**field_values(model, row, keys, now)) for row in rows], batch_size=BATCH_SIZE
    )
    keys.add(model, indices, objs)
    link_own_kind(model, rows, objs, keys)
    links = create_links(model, rows, objs, keys)
    create_history(model, objs, links, ctx.citation, now)
    return objs


@dataclass
class Outcome:
    scale: int
    seed: int
    results: list[KindResult]
    #: Entries in the rebuilt search index; None when nothing was added.
    indexed: int | None
    seconds: float

    @property
    def created(self) -> int:
        return sum(len(result.created) for result in self.results)


def generate(*, scale: int, seed: int = DEFAULT_SEED) -> Outcome:
    """Bring the synthetic records of ``seed`` up to ``(scale − 1) ×`` the book, in one transaction."""
    started = time.perf_counter()
    with transaction.atomic():
        ctx = Context(seed, load_catalogues())
        keys, now, results = PrimaryKeys(seed), timezone.now(), []
        for model, count in BOOK_COUNTS.items():
            before = synthetic_records(model, seed).count()
            created = create_kind(ctx, model, range(before, (scale - 1) * count), keys, now)
            results.append(KindResult(model, before, created))
        indexed = index_rebuild() if any(result.created for result in results) else None
        # bulk_create sends no signal: the cached public pages are retired here.
        content_changed()
    if indexed is not None:
        # Thousands of rows at once: the planner's statistics are refreshed
        # now, not whenever autovacuum comes round. Until then PostgreSQL plans
        # as for the tables' old sizes (at 100× the UN conventions' list took
        # 11 s instead of 0.14 s).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Outcome(scale, seed, results, indexed, time.perf_counter() - started)
