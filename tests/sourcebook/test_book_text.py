"""Every record of the book's data against the book's own text.

- each piece of its excerpt is in the book (compared as ``booktext.normalise``
  does: markdown emphasis removed, whitespace joined, nothing else changed);
- the words of its date are in its excerpt: the year, the month's name where
  the date is a month or a day, the day's number where it is a day;
- each counterpart is named in its excerpt, by its name or acronym (case and
  accents aside) or by the words the row gives in ``counterpart_words``.
"""

import re

import pytest
from django.utils.dates import MONTHS

from sourcebook import audit
from sourcebook.booktext import book_lines, folded, in_book
from sourcebook.records import EXCERPT_GAP
from sourcebook.records import counterparts as counterparts_data

COUNTERPARTS = {row["slug"]: row for row in counterparts_data.COUNTERPARTS}
MONTH_NAMES = {number: folded(str(name)) for number, name in MONTHS.items()}

needs_book = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")


def all_records():
    for kind in audit.KINDS:
        for key, row in audit.data_records(kind).items():
            yield kind, key, row


def date_words_missing(when, excerpt: str) -> list[str]:
    if when is None or when.value is None:
        return []
    text, missing = folded(excerpt), []
    if str(when.value.year) not in text:
        missing.append(str(when.value.year))
    if when.precision in ("month", "day") and MONTH_NAMES[when.value.month] not in text:
        missing.append(MONTH_NAMES[when.value.month])
    if when.precision == "day" and not re.search(rf"(?<!\d){when.value.day}(?!\d)", text):
        missing.append(str(when.value.day))
    return missing


def counterpart_named(slug: str, row: dict) -> bool:
    text = folded(row["source_excerpt"])
    words = row.get("counterpart_words", {}).get(slug)
    if words is not None:
        return folded(words) in text
    counterpart = COUNTERPARTS[slug]
    names = [counterpart["name"], counterpart.get("acronym", "")]
    return any(name and folded(name) in text for name in names)


@needs_book
@pytest.mark.parametrize("kind", [*audit.KINDS, "counterpart"])
def test_every_excerpt_piece_is_in_the_book(kind):
    rows = counterparts_data.COUNTERPARTS if kind == "counterpart" else audit.data_records(kind).values()
    missing = [
        (kind, row.get("slug") or row.get("code") or row.get("name") or row.get("title"), piece)
        for row in rows
        for piece in row["source_excerpt"].split(EXCERPT_GAP)
        if not in_book(piece)
    ]
    assert not missing, "\n".join(map(repr, missing))


@pytest.mark.parametrize("kind", audit.KINDS)
def test_the_words_of_every_date_are_in_its_excerpt(kind):
    missing = [
        (key, field, words)
        for kind_, key, row in all_records()
        if kind_ == kind
        for field in audit.KINDS[kind].dates
        if (words := date_words_missing(row.get(field), row["source_excerpt"]))
    ]
    assert not missing, "\n".join(map(repr, missing))


@pytest.mark.parametrize("kind", [kind for kind, spec in audit.KINDS.items() if spec.counterparts])
def test_every_counterpart_is_named_in_its_excerpt(kind):
    field = audit.KINDS[kind].counterparts
    missing = [
        (key, slug)
        for kind_, key, row in all_records()
        if kind_ == kind
        for slug in row.get(field, [])
        if not counterpart_named(slug, row)
    ]
    assert not missing, "\n".join(map(repr, missing))
