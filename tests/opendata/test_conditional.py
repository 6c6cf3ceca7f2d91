"""ETag, Last-Modified and 304 on the API, the bulk downloads, the data
package and the feeds: a client that sends back its ETag is told «not
modified» (no body, the same ETag) while the answer is the same, and gets
the whole new answer the moment anything it shows changed; the page cache
answers 304 too; a download's 304 comes before the file is made."""

import hashlib
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.utils.http import http_date, quote_etag

from agreements.models import Agreement
from cdmx_global.changelog import PublicChange
from cdmx_global.pagecache import CACHE_HEADER, bump_generation, current_generation
from cdmx_global.services import PUBLISH, record_transition, record_update
from search.services import index_rebuild
from tests.support.evaluations import approved_evaluation
from tests.support.factories import LEAK_MARK, AgreementFactory, EventFactory, partial_date, reviewer

pytestmark = pytest.mark.django_db

NO_CACHE = "no-cache"


@pytest.fixture(autouse=True)
def _caches(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": None, "downloads": None}
    caches[settings.PAGE_CACHE_ALIAS].clear()
    caches["default"].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


@contextmanager
def committing(capture):
    """Runs what the block schedules for its commit (the test's transaction never commits)."""
    connection.run_on_commit = [entry for entry in connection.run_on_commit if entry[1] is not bump_generation]
    with capture(execute=True) as callbacks:
        yield callbacks


@pytest.fixture
def records(django_capture_on_commit_callbacks):
    """Two published agreements and a published event, and a draft that must show nowhere."""
    with committing(django_capture_on_commit_callbacks):
        lyon = AgreementFactory(title="Hermanamiento con Lyon", published=True)
        AgreementFactory(title="Hermanamiento con Quito", published=True)
        EventFactory(name="Cumbre de alcaldes", published=True, **partial_date("start_on", 2026, 11, 3))
        draft = AgreementFactory(title=f"Hermanamiento {LEAK_MARK}")
    return {"lyon": lyon, "draft": draft}


def public_change(record, capture, **changes):
    with committing(capture):
        return record_update(record=record, user=None, reason="Corrección", expected_version=None, changes=changes)


def draft_save(record, capture):
    with committing(capture):
        return record_update(
            record=record, user=None, reason="Borrador", expected_version=None,
            changes={"purpose": f"Objeto {LEAK_MARK} {current_generation()}"},
        )


def content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def digest_etag(body: bytes) -> str:
    """Django's own ETag of a whole answer (``set_response_etag``)."""
    return quote_etag(hashlib.md5(body, usedforsecurity=False).hexdigest())


def again(client, path: str, etag: str, **headers):
    return client.get(path, headers={"if-none-match": etag, **headers})


def assert_not_modified(response, etag: str):
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == NO_CACHE


# --- Whole answers: the API, the data package, the feeds --------------------

WHOLE = [
    "/api/v1/agreements/",
    "/api/v1/agreements/?ordering=title",
    "/api/v1/events/",
    "/datos/datapackage.json",
    "/en/datos/datapackage.json",
    "/datos/catalogo.jsonld",
    "/en/datos/catalogo.ttl",
    "/acuerdos/feed/",
    "/acuerdos/?formato=atom",
    "/en/acuerdos/?formato=atom",
    "/eventos/calendario.ics",
    "/informes/feed/",
]


@pytest.mark.parametrize("path", WHOLE)
def test_a_whole_answer_is_tagged_with_its_bytes_and_a_304_while_they_stay(client, records, path):
    first = client.get(path)
    assert first.status_code == 200
    body = content(first)
    etag = first["ETag"]
    assert etag == digest_etag(body)
    assert first["Cache-Control"] == NO_CACHE
    assert LEAK_MARK not in body.decode()

    assert_not_modified(again(client, path, etag), etag)
    # A kept answer (the page cache) is a 304 too, with the ETag kept with it.
    kept = again(client, path, etag)
    assert_not_modified(kept, etag)
    plain = client.get(path)
    # The calendar is not kept by the page cache (not a type it keeps): it is made again, the same.
    assert plain.get(CACHE_HEADER) == (None if path.endswith(".ics") else "hit")
    assert (plain.status_code, plain["ETag"], content(plain)) == (200, etag, body)
    # Another tag, or a list of others, gets the whole answer.
    other = again(client, path, '"0123", W/"4567"')
    assert (other.status_code, other["ETag"], content(other)) == (200, etag, body)
    # If-None-Match before If-Modified-Since: a stale tag is a 200 even with a date in the future.
    stale = client.get(path, headers={"if-none-match": '"0123"', "if-modified-since": http_date(4102444800)})
    assert stale.status_code == 200


def test_an_api_item_and_list_after_a_public_change_and_after_a_draft_save(
    client, records, django_capture_on_commit_callbacks
):
    item = f"/api/v1/agreements/{records['lyon'].code}/"
    lists = "/api/v1/agreements/"
    item_etag, list_etag = client.get(item)["ETag"], client.get(lists)["ETag"]

    # A draft's save changes nothing the API shows: still 304 (the answer is made again, the same bytes).
    draft_save(records["draft"], django_capture_on_commit_callbacks)
    assert_not_modified(again(client, item, item_etag), item_etag)
    assert_not_modified(again(client, lists, list_etag), list_etag)

    public_change(records["lyon"], django_capture_on_commit_callbacks, title="Hermanamiento con Lyon (Francia)")
    changed = again(client, item, item_etag)
    assert changed.status_code == 200
    assert changed.json()["title"] == "Hermanamiento con Lyon (Francia)"
    assert changed["ETag"] == digest_etag(changed.content) != item_etag
    changed_list = again(client, lists, list_etag)
    assert changed_list.status_code == 200
    assert changed_list["ETag"] == digest_etag(changed_list.content) != list_etag
    assert_not_modified(again(client, item, changed["ETag"]), changed["ETag"])


def test_each_language_has_its_own_tag_and_vary_stays(client, records):
    path = "/api/v1/agreements/"
    spanish = client.get(path, headers={"accept-language": "es"})
    english = client.get(path, headers={"accept-language": "en"})
    assert spanish["ETag"] != english["ETag"]
    assert spanish["Vary"] == english["Vary"] == "Accept-Language, origin"
    not_modified = again(client, path, english["ETag"], **{"accept-language": "en"})
    assert_not_modified(not_modified, english["ETag"])
    assert not_modified["Vary"] == "Accept-Language, origin"
    # The English tag does not stand for the Spanish answer.
    assert again(client, path, english["ETag"], **{"accept-language": "es"}).status_code == 200


def test_errors_and_a_draft_get_no_tag(client, records):
    for path in ("/api/v1/agreements/?updated_since=ayer", f"/api/v1/agreements/{records['draft'].code}/"):
        response = client.get(path)
        assert response.status_code in (400, 404)
        assert not response.has_header("ETag")
        assert again(client, path, '"x"').status_code == response.status_code


def test_if_modified_since_alone_is_not_honoured(client, records):
    """A date to the second cannot tell two changes in the same second apart: only the ETag decides."""
    first = client.get("/api/v1/agreements/")
    response = client.get("/api/v1/agreements/", headers={"if-modified-since": http_date(4102444800)})
    assert (response.status_code, response.content) == (200, first.content)


# --- Downloads ---------------------------------------------------------------


def kept_files(settings) -> list[str]:
    folder = Path(settings.DOWNLOAD_CACHE_DIR)
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("path", ["/datos/agreements.csv", "/en/datos/agreements.xlsx", "/datos/events.json?q=alcaldes"])
def test_a_download_is_a_304_before_its_file_is_made(client, records, settings, path):
    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('W/"') and len(etag) == 36
    assert first["Cache-Control"] == NO_CACHE
    assert LEAK_MARK not in content(first).decode("utf-8", "replace")
    assert kept_files(settings)

    # Without the kept file, the 304 still makes none.
    for name in kept_files(settings):
        (Path(settings.DOWNLOAD_CACHE_DIR) / name).unlink()
    assert_not_modified(again(client, path, etag), etag)
    assert kept_files(settings) == []
    # The same download in the other language, or with other parameters, is another.
    assert again(client, f"{path}{'&' if '?' in path else '?'}ordering=-updated_at", etag).status_code == 200


def test_a_download_after_a_public_change_and_after_a_draft_save(
    client, records, settings, django_capture_on_commit_callbacks
):
    path = "/datos/agreements.csv"
    first = client.get(path)
    etag = first["ETag"]
    assert_not_modified(again(client, path, etag), etag)

    public_change(records["lyon"], django_capture_on_commit_callbacks, title="Hermanamiento con Lyon (Francia)")
    changed = again(client, path, etag)
    assert changed.status_code == 200
    rows = content(changed)
    assert "Hermanamiento con Lyon (Francia)" in rows.decode("utf-8-sig")
    assert changed["ETag"] != etag
    assert_not_modified(again(client, path, changed["ETag"]), changed["ETag"])

    # A download's tag is decided before its file is made, from the content
    # generation, which a draft's save raises too: a new tag, the same rows.
    draft_save(records["draft"], django_capture_on_commit_callbacks)
    after_draft = again(client, path, changed["ETag"])
    assert after_draft.status_code == 200
    assert after_draft["ETag"] != changed["ETag"]
    assert content(after_draft) == rows


def test_an_invalid_download_gets_no_tag(client, records):
    response = client.get("/datos/agreements.csv?updated_since=ayer")
    assert response.status_code == 400
    assert not response.has_header("ETag")


def test_the_kept_answer_of_a_record_published_later_is_not_a_304(
    client, records, django_capture_on_commit_callbacks
):
    path = "/api/v1/agreements/"
    etag = client.get(path)["ETag"]
    with committing(django_capture_on_commit_callbacks):
        record_transition(record=records["draft"], user=reviewer(), transition=PUBLISH)
    response = again(client, path, etag)
    assert response.status_code == 200
    assert records["draft"].code in {item["code"] for item in response.json()["results"]}
    assert Agreement.objects.published().count() == 3


# --- Last-Modified ---------------------------------------------------------


def test_last_modified_is_the_last_public_change_and_a_draft_save_does_not_move_it(
    client, records, django_capture_on_commit_callbacks
):
    paths = ["/api/v1/agreements/", f"/api/v1/agreements/{records['lyon'].code}/", "/datos/agreements.csv",
             "/acuerdos/feed/", "/eventos/calendario.ics", "/datos/datapackage.json"]
    # Before any public change is logged, none.
    assert [client.get(path).has_header("Last-Modified") for path in paths] == [False] * len(paths)

    public_change(records["lyon"], django_capture_on_commit_callbacks, title="Hermanamiento con Lyon (Francia)")
    change = PublicChange.objects.order_by("-sequence").first()
    expected = http_date(change.at.timestamp())
    assert [client.get(path)["Last-Modified"] for path in paths] == [expected] * len(paths)

    draft_save(records["draft"], django_capture_on_commit_callbacks)
    answers = [client.get(path) for path in paths]
    assert [answer.get(CACHE_HEADER) for answer in answers] == ["miss", "miss", "miss", "miss", None, "miss"]
    assert [answer["Last-Modified"] for answer in answers] == [expected] * len(paths)
    # A 304 says it too.
    assert again(client, paths[0], answers[0]["ETag"])["Last-Modified"] == expected


def test_what_the_change_log_does_not_cover_has_no_last_modified(
    client, records, django_capture_on_commit_callbacks
):
    public_change(records["lyon"], django_capture_on_commit_callbacks, title="Hermanamiento con Lyon (Francia)")
    for path in ("/api/v1/evaluations/", "/api/v1/congress-evaluations/", "/api/v1/reports/", "/informes/feed/",
                 "/datos/evaluations.csv", "/datos/commitments.csv"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.has_header("ETag"), path
        assert not response.has_header("Last-Modified"), path


# --- What retires a kept answer --------------------------------------------


def test_an_approved_evaluation_is_not_a_304_of_the_list_without_it(
    client, records, django_capture_on_commit_callbacks
):
    """Evaluations are a public app: approving one retires the kept answers (and so their ETags)."""
    path = "/api/v1/evaluations/"
    first = client.get(path)
    assert first.json()["results"] == []
    assert client.get(path)[CACHE_HEADER] == "hit"
    with committing(django_capture_on_commit_callbacks):
        evaluation = approved_evaluation(records["lyon"])
    response = again(client, path, first["ETag"])
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [evaluation.pk]


def test_rebuilding_the_search_index_retires_kept_answers(django_capture_on_commit_callbacks):
    """What ``q`` finds comes from the index, which a worker rebuilds after a bulk change."""
    generation = current_generation()
    with committing(django_capture_on_commit_callbacks):
        index_rebuild()
    assert current_generation() == generation + 1
