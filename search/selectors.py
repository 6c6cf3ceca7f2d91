"""Reads of the search index: the entries that hold every stem of a query, ranked."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length, Replace

from .models import SearchEntry


def search_entries() -> QuerySet[SearchEntry]:
    """Every entry; the index holds published records only."""
    return SearchEntry.objects.all()


def _tsquery(terms: list[str]) -> SearchQuery:
    # Stems are letters and digits only (see search.text), so the raw
    # tsquery cannot carry an operator from the person's input.
    return SearchQuery(" & ".join(terms), search_type="raw", config="simple")


def _token(term: str) -> str:
    return f" {term} "


def entries_matching(entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet[SearchEntry]:
    """The entries holding every one of ``terms`` (stems from ``search.text.search_terms``)."""
    terms = list(dict.fromkeys(terms))
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        return entries.filter(search_vector=_tsquery(terms))
    condition = Q()
    for term in terms:
        condition &= Q(terms__contains=_token(term))
    return entries.filter(condition)


def entries_ranked(entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet[SearchEntry]:
    """Best first: title matches above body matches, then by title.

    PostgreSQL ranks with ``ts_rank`` over the weighted vector; SQLite counts
    the query's stems found in the title, then their occurrences.
    """
    terms = list(dict.fromkeys(terms))
    if not terms:
        return entries.order_by("title", "pk")
    if connection.vendor == "postgresql":
        return entries.annotate(rank=SearchRank(F("search_vector"), _tsquery(terms))).order_by("-rank", "title", "pk")
    title_hits = sum(
        (Case(When(title_terms__contains=_token(term), then=1), default=0, output_field=IntegerField()) for term in terms),
        Value(0),
    )
    occurrences = sum(
        (
            (Length("terms") - Length(Replace("terms", Value(_token(term)), Value("")))) / len(_token(term))
            for term in terms
        ),
        Value(0),
    )
    return entries.annotate(title_hits=title_hits, hits=occurrences).order_by("-title_hits", "-hits", "title", "pk")
