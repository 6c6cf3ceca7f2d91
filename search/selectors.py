"""Reads of the search index: the entries that hold every word of a query, ranked.

A query is a list of words (``search.text.QueryWord``), each with its Spanish
stem and, on English pages, its English stem. An entry matches when it holds
every word: by its Spanish stem among the Spanish terms, or by its English stem
among the English ones, never across (a Spanish stem that happens to spell an
English one finds nothing in the English text). A plain string is a Spanish stem.
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length, Replace

from .models import SearchEntry
from .text import QueryWord

#: The weights of each language's stems in ``search_vector`` (see ``search.services._set_vectors``).
SPANISH_WEIGHTS, ENGLISH_WEIGHTS = "AB", "CD"
# ``ts_rank``'s weights, in its order D, C, B, A. Without English words the
# English stems count for nothing, so a Spanish page ranks as it did before
# entries had English; with them an English title counts as a Spanish one.
SPANISH_RANK_WEIGHTS = [0.0, 0.0, 0.4, 1.0]
BILINGUAL_RANK_WEIGHTS = [0.4, 1.0, 0.4, 1.0]


def search_entries() -> QuerySet[SearchEntry]:
    """Every entry; the index holds published records only."""
    return SearchEntry.objects.all()


def _words(terms: Iterable[str | QueryWord]) -> list[QueryWord]:
    words = (term if isinstance(term, QueryWord) else QueryWord(term) for term in terms)
    return list(dict.fromkeys(words))


def _tsquery(words: list[QueryWord]) -> SearchQuery:
    # Stems are letters and digits only (see search.text), so the raw
    # tsquery cannot carry an operator from the person's input.
    def one(word: QueryWord) -> str:
        spanish = f"{word.spanish}:{SPANISH_WEIGHTS}"
        return f"({spanish} | {word.english}:{ENGLISH_WEIGHTS})" if word.english else spanish

    return SearchQuery(" & ".join(one(word) for word in words), search_type="raw", config="simple")


def _token(term: str) -> str:
    return f" {term} "


def _holds(field: str, word: QueryWord) -> Q:
    """``word`` among the ``field`` terms (``title_terms`` or ``terms``) of its languages."""
    condition = Q(**{f"{field}__contains": _token(word.spanish)})
    if word.english:
        condition |= Q(**{f"{field}_en__contains": _token(word.english)})
    return condition


def _occurrences(field: str, term: str):
    return (Length(field) - Length(Replace(field, Value(_token(term)), Value("")))) / len(_token(term))


def entries_matching(entries: QuerySet[SearchEntry], terms: Iterable[str | QueryWord]) -> QuerySet[SearchEntry]:
    """The entries holding every one of ``terms`` (from ``search.text.query_words``, or Spanish stems)."""
    words = _words(terms)
    if not words:
        return entries.none()
    if connection.vendor == "postgresql":
        return entries.filter(search_vector=_tsquery(words))
    condition = Q()
    for word in words:
        condition &= _holds("terms", word)
    return entries.filter(condition)


def entries_ranked(entries: QuerySet[SearchEntry], terms: Iterable[str | QueryWord]) -> QuerySet[SearchEntry]:
    """Best first: title matches above body matches, then by title.

    PostgreSQL ranks with ``ts_rank`` over the weighted vector; SQLite counts
    the query's words found in the title, then their stems' occurrences.
    """
    words = _words(terms)
    if not words:
        return entries.order_by("title", "pk")
    if connection.vendor == "postgresql":
        weights = BILINGUAL_RANK_WEIGHTS if any(word.english for word in words) else SPANISH_RANK_WEIGHTS
        rank = SearchRank(F("search_vector"), _tsquery(words), weights=weights)
        return entries.annotate(rank=rank).order_by("-rank", "title", "pk")
    title_hits = sum(
        (Case(When(_holds("title_terms", word), then=1), default=0, output_field=IntegerField()) for word in words),
        Value(0),
    )
    occurrences = sum(
        (
            _occurrences(field, term)
            for word in words
            for field, term in (("terms", word.spanish), ("terms_en", word.english))
            if term
        ),
        Value(0),
    )
    return entries.annotate(title_hits=title_hits, hits=occurrences).order_by("-title_hits", "-hits", "title", "pk")
