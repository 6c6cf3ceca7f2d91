"""The digest benchmark's data: what 10,000 synthetic subscribers follow and a
day of changes for them to hear about (``bench/digest.py`` measures the run).

Everything here is synthetic: the addresses are at ``example.invalid`` (a
domain that cannot exist) and every change is made on a synthetic record,
through the publication services.
"""

import datetime
import random
import re
import sys
from collections import Counter
from pathlib import Path

from bench import common

ROOT = Path(__file__).resolve().parent.parent

ADDRESS = "sintetico-{:05d}@example.invalid"
#: What people follow, in what share.
SHARES = {
    "list": 40, "search": 15, "agreement": 12, "country": 12, "counterpart": 10, "network": 6, "reports": 5,
}
ENGLISH_SHARE = 0.2
#: Two-filter lists drawn per list.
COMBINATIONS = 40
SEARCH_WORDS = 150
CHANGE_REASON = "Cambio sintético para medir los resúmenes de seguimiento"
EDIT_MARK = " [Actualización sintética para medir los resúmenes]"


# --- What the subscriptions follow --------------------------------------------


def _list_pool(rng: random.Random) -> list[tuple[float, str, dict]]:
    """(popularity, list, filters): each list unfiltered, with each of its
    facets' options, and with two filters at once."""
    from following.targets import FOLLOWABLE_LISTS, SEARCH_LIST, list_filterset

    pool = []
    for name in FOLLOWABLE_LISTS:
        if name == SEARCH_LIST:
            continue
        facets = [facet for facet in list_filterset(name, {}).facets() if facet.options]
        total = sum(option.count for option in facets[0].options) if facets else 1
        pool.append((total, name, {}))
        for facet in facets:
            pool += [(option.count, name, {facet.name: option.value}) for option in facet.options]
        for _ in range(COMBINATIONS if len(facets) > 1 else 0):
            first, second = rng.sample(facets, 2)
            chosen = {
                facet.name: rng.choices(facet.options, weights=[o.count for o in facet.options])[0]
                for facet in (first, second)
            }
            popularity = min(option.count for option in chosen.values()) / 4
            pool.append((popularity, name, {key: option.value for key, option in chosen.items()}))
    return pool


def _search_words() -> list[str]:
    """The book's commonest words in its titles (not the synthetic ones), longest first on a tie."""
    from agreements.models import Action, Agreement
    from bench.synthetic.generator import synthetic_citation
    from events.models import Event, Visit

    stop = set((ROOT / "search" / "spanish_stop.txt").read_text(encoding="utf-8").split())
    words: Counter = Counter()
    for model, title in ((Agreement, "title"), (Action, "title"), (Visit, "title"), (Event, "name")):
        for text in model.objects.published().exclude(source_citation=synthetic_citation(common.SEED)).values_list(
            title, flat=True
        ):
            words.update(w for w in re.findall(r"[^\W\d_]+", text.lower()) if len(w) >= 6 and w not in stop)
    return [word for word, _count in words.most_common(SEARCH_WORDS)]


def target_pools(rng: random.Random) -> dict[str, list]:
    """The things to follow, by kind, the most popular first; each checked as a «Seguir» link is."""
    from django.core.exceptions import ValidationError
    from django.db.models import Count

    from agreements.models import Agreement
    from cdmx_global.models import Counterpart
    from following.models import Subscription
    from following.targets import target_from
    from networks.models import Network
    from search.models import EntryKind

    def checked(kind, key="", data=None):
        try:
            return target_from(kind, key, data)
        except ValidationError:
            return None

    lists = [checked("list", name, query) for _pop, name, query in sorted(_list_pool(rng), key=lambda t: -t[0])]
    searches = []
    for rank, word in enumerate(_search_words()):
        searches.append(checked("list", "search:results", {"q": word}))
        if rank % 5 == 0:
            searches.append(checked("list", "search:results", {"q": word, "kind": rng.choice(EntryKind.values)}))
    countries = [
        row["country"] for row in Counterpart.objects.published().exclude(country="").values("country")
        .annotate(n=Count("pk")).order_by("-n", "country")
    ]
    pools = {
        "list": lists,
        "search": searches,
        "agreement": [checked("agreement", code) for code in _popular_first(rng, Agreement, "code")],
        "country": [checked("country", code) for code in countries],
        "counterpart": [checked("counterpart", slug) for slug in _popular_first(rng, Counterpart, "slug")],
        "network": [checked("network", slug) for slug in _popular_first(rng, Network, "slug")],
        "reports": [checked("reports")],
    }
    # A key longer than a subscription holds (200; slugs hold 120) would be a
    # target no one can follow: left out and counted, should it ever happen.
    longest = Subscription._meta.get_field("key").max_length
    too_long = [t.key for targets in pools.values() for t in targets if t is not None and len(t.key) > longest]
    if too_long:
        print(f"   {len(too_long)} claves de más de {longest} caracteres no caben en una suscripción "
              f"(p. ej. {too_long[0]}): se omiten", file=sys.stderr)
    return {
        kind: [target for target in targets if target is not None and len(target.key) <= longest]
        for kind, targets in pools.items()
    }


def _popular_first(rng: random.Random, model, key: str, limit: int = 400) -> list[str]:
    """Keys of published records: the book's first (real ones are followed more), then synthetic ones, shuffled."""
    from bench.synthetic.generator import synthetic_citation

    published = model.objects.published().order_by("pk")
    book = list(published.exclude(source_citation=synthetic_citation(common.SEED)).values_list(key, flat=True))
    synthetic = list(published.filter(source_citation=synthetic_citation(common.SEED)).values_list(key, flat=True))
    rng.shuffle(book)
    rng.shuffle(synthetic)
    return (book + synthetic)[:limit]


def add_subscriptions(count: int, confirmed_at: datetime.datetime, seed: int = common.SEED) -> int:
    """Confirmed daily subscriptions up to ``count`` (synthetic addresses); returns how many it made.

    A subscription follows a kind drawn by ``SHARES`` and, within it, a
    target drawn with Zipf's weights (1/rank) over the popular-first pool."""
    from following.models import Frequency, Language, Subscription

    rng = random.Random(f"{seed}:following")
    pools = target_pools(rng)
    kinds = [kind for kind in SHARES if pools[kind]]
    weights = {kind: [1 / (rank + 1) for rank in range(len(pools[kind]))] for kind in kinds}
    present = Subscription.objects.filter(email__endswith="@example.invalid").count()
    rows = []
    for number in range(1, count + 1):
        # The same draws whatever was made before: subscription n is always the same.
        kind = rng.choices(kinds, weights=[SHARES[k] for k in kinds])[0]
        target = rng.choices(pools[kind], weights=weights[kind])[0]
        english = rng.random() < ENGLISH_SHARE
        if number <= present:
            continue
        rows.append(Subscription(
            email=ADDRESS.format(number), target=target.kind, key=target.key, query=target.query,
            frequency=Frequency.DAILY, language=Language.ENGLISH if english else Language.SPANISH,
            confirmed_at=confirmed_at,
        ))
    Subscription.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def serve_only(count: int, confirmed_at: datetime.datetime) -> int:
    """The first ``count`` subscriptions confirmed, the others not (a run serves only confirmed ones)."""
    from following.models import Subscription

    pks = list(Subscription.objects.order_by("pk").values_list("pk", flat=True)[:count])
    Subscription.objects.filter(pk__in=pks).update(confirmed_at=confirmed_at)
    Subscription.objects.exclude(pk__in=pks).update(confirmed_at=None)
    return len(pks)


def targets_followed() -> dict[str, int]:
    from django.db.models import Count

    from following.models import Subscription

    rows = Subscription.objects.exclude(confirmed_at=None).values("target").annotate(n=Count("pk"))
    return {row["target"]: row["n"] for row in rows}


# --- A day of changes ----------------------------------------------------------


def open_window(now: datetime.datetime) -> None:
    """Yesterday's daily run ended ``now``: today's covers what changes after it."""
    from background.models import Email
    from following.models import DigestRun, Frequency

    Email.objects.filter(key__startswith="following:", key__contains=":digest:").delete()
    DigestRun.objects.all().delete()
    DigestRun.objects.create(
        frequency=Frequency.DAILY, day=now.date() - datetime.timedelta(days=1),
        starts_at=now - datetime.timedelta(days=1), ends_at=now,
    )


def _sample(rng: random.Random, total: int, queryset_of) -> list:
    """``total`` synthetic records drawn over the indexed models, each model
    in proportion to its candidates (``queryset_of(model)``)."""
    from search.indexed import INDEXED

    candidates = {model: list(queryset_of(model).order_by("pk").values_list("pk", flat=True)) for model in INDEXED}
    pool = [(model, pk) for model, pks in candidates.items() for pk in pks]
    return rng.sample(pool, min(total, len(pool)))


def make_changes(*, published: int, edited: int, withdrawn: int, day: int = 0, seed: int = common.SEED) -> dict[str, int]:
    """Publish, edit and withdraw synthetic records now, through the
    publication services and ``save()`` (history, search index); returns how
    many of each. ``day`` draws another day's records (one per scale)."""
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from agreements.models import Agreement, Validity
    from bench.synthetic.generator import synthetic_records
    from cdmx_global.models import PublicationStatus
    from cdmx_global.services.transitions import record_publish_by_system, record_withdraw_by_system

    rng = random.Random(f"{seed}:changes:{day}")
    done = Counter()

    def drafts(model):
        return synthetic_records(model, seed).filter(status__in=[PublicationStatus.DRAFT, PublicationStatus.REVIEW])

    def public(model):
        return synthetic_records(model, seed).filter(status=PublicationStatus.PUBLISHED)

    for model, pk in _sample(rng, published * 2, drafts):
        if done["publicados"] >= published:
            break
        try:
            record_publish_by_system(record=model._default_manager.get(pk=pk), reason=CHANGE_REASON)
            done["publicados"] += 1
        except ValidationError:  # an incomplete draft: another one
            continue
    chosen = _sample(rng, edited + withdrawn, public)
    for model, pk in chosen[:edited]:
        with transaction.atomic():
            record = model._default_manager.select_for_update().get(pk=pk)
            if model is Agreement and rng.random() < 0.5:
                record.validity = rng.choice([v for v in Validity.values if v != record.validity])
            else:
                text = next(name for name in ("description", "notes", "purpose") if hasattr(record, name))
                setattr(record, text, getattr(record, text) + EDIT_MARK)
            record._change_reason = CHANGE_REASON
            record.save()
        done["editados"] += 1
    for model, pk in chosen[edited:]:
        record_withdraw_by_system(record=model._default_manager.get(pk=pk), reason=CHANGE_REASON, note=CHANGE_REASON)
        done["retirados"] += 1
    return dict(done)
