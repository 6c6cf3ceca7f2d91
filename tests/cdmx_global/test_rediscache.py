"""The caches in Redis (REDIS_URL, cdmx_global/rediscache.py): what one server
keeps another finds, limits counted once for all, and a Redis that stops
mid-run costs the portal its cache, not its pages, with one line in the log."""

import json
import logging
import time

import pytest
from django.core.cache import caches

from cdmx_global import limits, rediscache
from cdmx_global.pagecache import CACHE_HEADER

from tests.support.factories import LEAK_MARK, AgreementFactory
from tests.support.redis_servers import cache_settings, on, two_servers, unique_prefix

LIST = "/acuerdos/"
API = "/api/v1/agreements/"
LOGGER = "cdmx_global.rediscache"


@pytest.fixture
def page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")


def test_two_servers_count_one_clients_form_requests_together(redis_caches):
    first, second = two_servers()
    assert first["default"]._cache is not second["default"]._cache
    answers = []
    for turn in range(5):
        with on(first if turn % 2 == 0 else second):
            answers.append(limits.within_limit("follow:198.51.100.7", 3))
    assert answers == [True, True, True, False, False]
    # The counter lives in Redis, with its window.
    client = first["default"].client()
    key = first["default"].make_key("follow:198.51.100.7")
    assert (int(client.get(key)), 3590 <= client.ttl(key) <= 3600) == (5, True)


def test_incr_of_a_missing_key_raises_as_django_says_and_makes_no_key(redis_caches):
    cache = caches["default"]
    with pytest.raises(ValueError):
        cache.incr("nunca-puesta")
    assert cache.get("nunca-puesta") is None
    assert (cache.add("contador", 0, 60), cache.incr("contador"), cache.incr("contador", 5)) == (True, 1, 6)


@pytest.mark.django_db
def test_a_page_built_on_one_server_is_served_by_the_other(client, redis_caches, page_cache):
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    AgreementFactory(title=f"{LEAK_MARK} borrador")
    first, second = two_servers()
    with on(first):
        built = client.get(LIST)
    with on(second):
        kept = client.get(LIST)
    assert (built[CACHE_HEADER], kept[CACHE_HEADER]) == ("miss", "hit")
    assert kept.content == built.content
    assert "Hermanamiento con Lyon" in kept.content.decode()
    assert LEAK_MARK not in kept.content.decode()
    # One page in Redis under this run's prefix, none elsewhere.
    client_ = first["pages"].client()
    assert len(list(client_.scan_iter(match=f"{redis_caches}:pages:*"))) == 1


def _logged(caplog) -> list[tuple[str, str]]:
    return [(record.levelname, record.getMessage()) for record in caplog.records if record.name == LOGGER]


def _titles(response) -> list[str]:
    return [item["title"] for item in json.loads(response.content)["results"]]


@pytest.mark.django_db
def test_the_portal_goes_on_serving_while_redis_is_down_and_says_so_once(
    client, settings, page_cache, own_redis, caplog
):
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    AgreementFactory(title=f"{LEAK_MARK} borrador")
    settings.REDIS_URL = own_redis.url
    settings.CACHES = cache_settings(own_redis.url, unique_prefix(), retry_seconds=0.2)
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": "2/minute"}
    location = f"127.0.0.1:{own_redis.port}/0"

    with caplog.at_level(logging.INFO, logger=LOGGER):
        assert [client.get(LIST)[CACHE_HEADER] for _ in range(2)] == ["miss", "hit"]
        assert _logged(caplog) == []

        own_redis.stop()
        pages = [client.get(LIST) for _ in range(3)]
        time.sleep(0.3)  # past the back-off: Redis is tried again, still down, and not reported again
        pages.append(client.get(LIST))
        # The API over its limit of 2: counted nowhere, let through.
        answers = [client.get(API, {"page_size": size}) for size in (10, 11, 12, 13)]
        assert [(page.status_code, page[CACHE_HEADER]) for page in pages] == [(200, "miss")] * 4
        assert all("Hermanamiento con Lyon" in page.content.decode() for page in pages)
        assert all(LEAK_MARK not in page.content.decode() for page in pages)
        assert [(answer.status_code, _titles(answer)) for answer in answers] == [
            (200, ["Hermanamiento con Lyon"])
        ] * 4
        assert _logged(caplog) == [(
            "WARNING",
            f"Redis no disponible en {location} (ConnectionError): el portal sigue sirviendo sin caché "
            "compartida y sin aplicar los límites de uso hasta que vuelva",
        )]

        own_redis.start()
        time.sleep(0.3)
        # Back, and empty: the page is built again, then kept; the limit counts again.
        assert [client.get(LIST)[CACHE_HEADER] for _ in range(2)] == ["miss", "hit"]
        assert [client.get(API, {"page_size": size}).status_code for size in (20, 21, 22)] == [200, 200, 429]
    messages = [message for _level, message in _logged(caplog)]
    assert len(messages) == 2
    assert messages[1].startswith(f"Redis disponible de nuevo en {location} tras ")
    assert messages[1].endswith(" s: caché y límites compartidos otra vez")


def test_a_dead_redis_is_not_tried_again_before_the_back_off(own_redis, settings, monkeypatch):
    settings.CACHES = cache_settings(own_redis.url, unique_prefix(), retry_seconds=60)
    cache = caches["default"]
    cache.set("clave", 1)
    own_redis.stop()
    asked = []
    get_client = cache._cache.get_client
    monkeypatch.setattr(cache._cache, "get_client", lambda *args, **kwargs: asked.append(1) or get_client(*args, **kwargs))
    answers = [cache.get("clave", "sin caché") for _ in range(1000)]
    assert answers == ["sin caché"] * 1000
    assert (cache.add("candado", 1), cache.get_many(["clave"]), cache.has_key("clave")) == (True, {}, False)
    with pytest.raises(ValueError):
        cache.incr("clave")
    assert cache.hit_window("ritmo", 1, 60) is None
    # One failed attempt; nothing after it reaches for Redis.
    assert len(asked) == 1
    assert rediscache.public_location(["redis://:secreto@cache.example:6380/2"]) == "cache.example:6380/2"
