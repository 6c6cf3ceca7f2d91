"""Writes to the search index: a record's entry follows the record, and the
whole index can be rebuilt from the published records at once."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import translation

from cdmx_global.pagecache import content_changed

from .documents import Document
from .indexed import INDEXED, dependents
from .models import SearchEntry
from .text import english_search_terms, search_terms

ENTRY_FIELDS = [
    "kind", "title", "title_en", "summary", "summary_en", "url", "year", "published_at", "updated_at",
    "title_terms", "terms", "title_terms_en", "terms_en",
]


def _spaced(terms: list[str]) -> str:
    """Stems between spaces, so ``contains(" stem ")`` matches whole stems only."""
    return f" {' '.join(terms)} " if terms else ""


def _entry(content_type: ContentType, record: Model, document: Document) -> SearchEntry:
    title_terms = search_terms(document.title_text)
    english = document.english
    english_title_terms = english_search_terms(english.title_text)
    return SearchEntry(
        content_type=content_type,
        object_id=record.pk,
        kind=document.kind,
        title=document.title[:500],
        title_en=english.title[:500],
        summary=document.summary,
        summary_en=english.summary,
        url=document.url,
        year=document.year,
        published_at=record.published_at,
        updated_at=record.updated_at,
        title_terms=_spaced(title_terms),
        terms=_spaced(title_terms + search_terms(document.body_text)),
        title_terms_en=_spaced(english_title_terms),
        terms_en=_spaced(english_title_terms + english_search_terms(english.body_text)),
    )


def _set_vectors(entries: QuerySet) -> None:
    """On PostgreSQL, the stored vector: Spanish title stems weigh A, every
    Spanish stem B; the English ones come after them, C and D (the weights
    keep the two languages apart: ``search.selectors``).

    The stems are already folded and stemmed, so the 'simple' configuration
    keeps them as they are.
    """
    if connection.vendor == "postgresql":
        entries.update(
            search_vector=SearchVector("title_terms", weight="A", config="simple")
            + SearchVector("terms", weight="B", config="simple")
            + SearchVector("title_terms_en", weight="C", config="simple")
            + SearchVector("terms_en", weight="D", config="simple")
        )


def _describe(spec, queryset: Iterable[Model], content_type: ContentType) -> list[SearchEntry]:
    # Titles, labels and addresses are stored in the site's language: the
    # address carries no language prefix, and the English page adds its own.
    with translation.override(settings.LANGUAGE_CODE):
        return [_entry(content_type, obj, spec.describe(obj)) for obj in queryset]


def records_reindex(*, model: type[Model], pks: Iterable[int]) -> None:
    """Bring the entries of ``model``'s records ``pks`` up to date: an entry
    for each one published, none for the others."""
    spec = INDEXED.get(model)
    pks = set(pks)
    if spec is None or not pks:
        return
    content_type = ContentType.objects.get_for_model(model)
    entries = _describe(spec, spec.queryset().filter(pk__in=pks), content_type)
    gone = pks - {entry.object_id for entry in entries}
    if gone:
        SearchEntry.objects.filter(content_type=content_type, object_id__in=gone).delete()
    if entries:
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=ENTRY_FIELDS,
        )
        _set_vectors(
            SearchEntry.objects.filter(
                content_type=content_type, object_id__in=[entry.object_id for entry in entries]
            )
        )


def record_reindex(*, record: Model, with_dependents: bool = True) -> None:
    """Reindex ``record`` and, when asked, the records whose words include its own."""
    records_reindex(model=type(record), pks=[record.pk])
    if with_dependents:
        dependents_reindex(found=dependents(record))


def dependents_reindex(*, found: dict[type[Model], set[int]]) -> None:
    for model, pks in found.items():
        records_reindex(model=model, pks=pks)


def record_unindex(*, record: Model) -> None:
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
    ).delete()


@transaction.atomic
def index_rebuild() -> int:
    """Replace the whole index with one entry per published record; returns how many."""
    SearchEntry.objects.all().delete()
    entries = []
    for model, spec in INDEXED.items():
        entries += _describe(spec, spec.queryset().iterator(chunk_size=500), ContentType.objects.get_for_model(model))
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    _set_vectors(SearchEntry.objects.all())
    # What ``q`` finds in the API and the downloads may have changed: retire their kept answers and ETags.
    content_changed()
    return len(entries)
