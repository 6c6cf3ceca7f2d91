"""The Spanish synthetic records are written in: names with their article,
titles of a realistic length, people and their offices, what a record is about,
and how a network is named."""

import random
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from cdmx_global.models import Counterpart
from networks.models import Network

from . import vocabulary as words
from .context import Catalogues, Entry, Party
from .vocabulary import Place

LOWER_WORDS = {"a", "al", "de", "del", "el", "en", "la", "las", "los", "para", "por", "con", "y", "e", "o", "sobre"}
#: Nouns ending in -a that take «el», and one that takes «la» without ending so.
MASCULINE_IN_A = {"Sistema", "Programa", "Metrobús"}
FEMININE_OTHERS = {"Red"}


def title_case(text: str) -> str:
    """«movilidad sostenible» → «Movilidad Sostenible», for proper names."""
    return " ".join(
        word if i and word in LOWER_WORDS else word[:1].upper() + word[1:] for i, word in enumerate(text.split())
    )



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
