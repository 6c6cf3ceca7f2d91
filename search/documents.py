"""What a record reads as in the index, in both languages: the ``Document`` each
kind's ``describe`` gives (``search.indexed``), and the pieces those share
(package-private: only ``search.indexed`` uses the ``_`` helpers).

A document's Spanish side is the record as written. Its English side
(``English``) holds only reviewed translations (``english_is_public``): the
record's own English texts, and the English names of the published records
and catalogues it links to; a draft translation lends nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.utils import translation
from django.utils.text import Truncator

from cdmx_global.models import Counterpart
from cdmx_global.translation import ENGLISH, translated, translated_fields

from .models import EntryKind

#: The languages whose country names and labels a record is found by («Francia» and «France»).
INDEX_LANGUAGES = ("es-mx", ENGLISH)
SUMMARY_LENGTH = 280


@dataclass(frozen=True)
class English:
    """What a record reads in English: a title and a summary to show (blank
    where it has no reviewed one) and the texts its English terms come from."""

    title: str = ""
    summary: str = ""
    title_text: str = ""
    body_text: str = ""


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    summary: str
    url: str
    year: int | None
    title_text: str
    body_text: str
    english: English = English()


@dataclass(frozen=True)
class IndexedModel:
    model: type[Model]
    kind: EntryKind
    queryset: Callable[[], QuerySet]
    describe: Callable[[Model], Document]


# --- Shared pieces ----------------------------------------------------------


def _in_every_language(value: Callable[[], object]) -> str:
    """``value()`` read in each indexed language, e.g. a country's or a label's name."""
    names = []
    for language in INDEX_LANGUAGES:
        with translation.override(language):
            name = str(value())
        if name and name not in names:
            names.append(name)
    return " ".join(names)


def _country(country) -> str:
    return _in_every_language(lambda: country.name) if country else ""


def _label(obj: Model, field: str) -> str:
    return _in_every_language(getattr(obj, f"get_{field}_display"))


def _counterparts(counterparts: Iterable[Counterpart]) -> list[str]:
    return [
        " ".join([counterpart.name, counterpart.acronym, _country(counterpart.country)])
        for counterpart in counterparts
    ]


def _names(objects: Iterable[Model]) -> list[str]:
    return [str(obj) for obj in objects]


def _summary(*texts: str) -> str:
    """The first non-empty text, shortened."""
    text = next((text for text in texts if text and text.strip()), "")
    return Truncator(" ".join(text.split())).chars(SUMMARY_LENGTH)


def _year(date) -> int | None:
    return date.year if date else None


def _join(*parts: str | Iterable[str]) -> str:
    words = []
    for part in parts:
        if isinstance(part, str):
            words.append(part)
        else:
            words.extend(part)
    return "\n".join(word for word in words if word)


# --- The English side ---------------------------------------------------------


def _reviewed(record: Model, field: str) -> str:
    """``record``'s English ``field`` where its translation is reviewed (a
    catalogue's always), otherwise blank: never the Spanish text."""
    text = translated(record, field, ENGLISH)
    return str(text) if text.language == ENGLISH else ""


def _in_english(value: Callable[[], object]) -> str:
    with translation.override(ENGLISH):
        return str(value())


def _english_name(obj: Model) -> str:
    """A linked record's or catalogue entry's name as English pages show it
    (``__str__``: with its acronym or country), where it has a public English name."""
    return _in_english(lambda: obj) if _reviewed(obj, "name") else ""


def _english(
    record: Model,
    *,
    title: str = "",
    shown_title: str | None = None,
    summary: tuple[str, ...] = (),
    title_words: Iterable[str] = (),
    linked: Iterable[Model] = (),
) -> English:
    """The English side of ``record``'s document.

    ``title`` names the field of its title and ``summary`` those its summary is
    taken from, in order; ``shown_title``, when given, is the title to show
    instead of that field (a title made of several names). Its terms hold
    every reviewed English text of the record, ``title_words`` (found as its
    title is) and the English names of ``linked``. Acronyms, countries
    and labels need no English terms: the Spanish ones hold them in both
    languages already, and an English page looks there too.
    """
    title_text = _reviewed(record, title) if title else ""
    return English(
        title=title_text if shown_title is None else shown_title,
        summary=_summary(*(_reviewed(record, field) for field in summary)),
        title_text=_join(title_text, title_words),
        body_text=_join(
            [_reviewed(record, field) for field in translated_fields(record) if field != title],
            [_english_name(obj) for obj in linked],
        ),
    )


def _network_title(record: Model, field: str) -> str:
    """«<record's field> — <network>» in English, where both have a public English text."""
    own, network = _reviewed(record, field), _english_name(record.network)
    return f"{own} — {network}" if own and network else ""
