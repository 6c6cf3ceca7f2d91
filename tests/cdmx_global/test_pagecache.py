"""The anonymous page cache: a second visit is served from it, any published
change retires it at once, and nothing a draft or a staff session shows is
kept for the public."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.http import StreamingHttpResponse
from django.utils.http import http_date

from agreements.models import Agreement
from cdmx_global.changelog import PublicChange
from cdmx_global.models import ContentGeneration, PublicationStatus
from cdmx_global import pagecache
from cdmx_global.pagecache import CACHE_HEADER, bump_generation, current_generation
from cdmx_global.services import PUBLISH, WITHDRAW, record_transition
from opendata import filecache

from tests.support.factories import LEAK_MARK, AgreementFactory, reviewer

LIST = "/acuerdos/"
GENERATION_TABLE = ContentGeneration._meta.db_table


@pytest.fixture(autouse=True)
def _page_cache(settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


@contextmanager
def committing(capture):
    """Runs what the block schedules for its commit. The test's transaction
    never commits, so what earlier writes scheduled is dropped first, as if
    they had committed."""
    connection.run_on_commit = [entry for entry in connection.run_on_commit if entry[1] is not bump_generation]
    with capture(execute=True) as callbacks:
        yield callbacks


def _publish(record, user, capture):
    with committing(capture):
        return record_transition(record=record, user=user, transition=PUBLISH)


@pytest.mark.django_db
def test_a_second_visit_is_served_from_the_cache_with_the_same_page(client):
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    first = client.get(LIST)
    second = client.get(LIST)
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert "Hermanamiento con Lyon" in second.content.decode()
    # The headers the outer middleware add are on the cached answer too.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "es-mx"


@pytest.mark.django_db
def test_a_draft_published_after_a_page_was_cached_appears_on_the_next_visit(
    client, django_capture_on_commit_callbacks
):
    draft = AgreementFactory(title=f"{LEAK_MARK} por publicar")
    before = client.get(LIST)
    assert LEAK_MARK not in before.content.decode()
    assert client.get(LIST)[CACHE_HEADER] == "hit"
    generation = current_generation()

    _publish(draft, reviewer(), django_capture_on_commit_callbacks)

    assert current_generation() == generation + 1
    after = client.get(LIST)
    assert after[CACHE_HEADER] == "miss"
    assert f"{LEAK_MARK} por publicar" in after.content.decode()


@pytest.mark.django_db
def test_a_withdrawn_record_leaves_the_cached_pages_at_once(client, django_capture_on_commit_callbacks):
    agreement = AgreementFactory(title=f"{LEAK_MARK} por retirar", published=True)
    detail = agreement.get_absolute_url()
    assert client.get(detail).status_code == 200
    assert f"{LEAK_MARK} por retirar" in client.get(LIST).content.decode()
    assert client.get(detail)[CACHE_HEADER] == "hit"

    with committing(django_capture_on_commit_callbacks):
        record_transition(record=agreement, user=reviewer(), transition=WITHDRAW, note="Duplicado")

    # Its page is now the withdrawal notice (410, never cached), not the cached record.
    response = client.get(detail)
    assert (response.status_code, response.get(CACHE_HEADER)) == (410, None)
    assert "Este registro fue retirado" in response.content.decode()
    assert LEAK_MARK not in client.get(LIST).content.decode()
    assert LEAK_MARK not in client.get("/api/v1/agreements/").content.decode()


@pytest.mark.django_db
def test_one_transaction_raises_the_generation_once(django_capture_on_commit_callbacks):
    generation = current_generation()
    with committing(django_capture_on_commit_callbacks) as callbacks:
        AgreementFactory.create_batch(3, published=True)
    assert len(callbacks) == 1
    assert current_generation() == generation + 1


@pytest.mark.django_db
def test_a_data_migrations_writes_raise_nothing(django_capture_on_commit_callbacks):
    # A migration's models (module «__fake__») may be written before the
    # generation's table exists; only the real models count.
    from django.db.migrations.executor import MigrationExecutor

    state = MigrationExecutor(connection).loader.project_state()
    historical = state.apps.get_model("agreements", "Agreement")
    assert historical.__module__ == "__fake__"
    with committing(django_capture_on_commit_callbacks) as callbacks:
        pagecache._written(sender=historical, instance=None, created=True, raw=False)
    assert callbacks == []
    with committing(django_capture_on_commit_callbacks) as callbacks:
        pagecache._written(sender=Agreement, instance=None, created=True, raw=False)
    assert callbacks == [bump_generation]


@pytest.mark.django_db
def test_staff_requests_are_neither_served_from_nor_stored_in_the_cache(client):
    draft = AgreementFactory(title=f"{LEAK_MARK} en vista previa", status=PublicationStatus.DRAFT)
    detail = draft.get_absolute_url()
    staff = reviewer()
    client.force_login(staff)
    staff_view = client.get(detail)
    assert CACHE_HEADER not in staff_view
    client.logout()
    client.cookies.clear()

    public = client.get(detail)
    assert public.status_code == 404
    assert LEAK_MARK not in public.content.decode()
    assert not any(LEAK_MARK.encode() in stored for stored in _stored())


def _stored() -> list[bytes]:
    """Every page the cache holds, as stored (LocMemCache keeps them pickled)."""
    return list(caches[settings.PAGE_CACHE_ALIAS]._cache.values())


@pytest.mark.django_db
def test_a_miss_reads_the_generation_and_the_last_public_change_in_one_query(client, django_capture_on_commit_callbacks):
    _publish(AgreementFactory(title="Hermanamiento con Lyon"), reviewer(), django_capture_on_commit_callbacks)
    published_at = http_date(PublicChange.objects.order_by("-sequence").first().at.timestamp())
    answers = []
    for _visit in ("miss", "hit"):
        with CaptureQueriesContext(connection) as queries:
            answers.append(client.get("/api/v1/agreements/"))
        # One query reads the generation (for the key) and, for a miss, the moment of the last public change.
        assert sum(GENERATION_TABLE in query["sql"] for query in queries.captured_queries) == 1
    assert [answer[CACHE_HEADER] for answer in answers] == ["miss", "hit"]
    assert [answer["Last-Modified"] for answer in answers] == [published_at, published_at]
    assert answers[1].content == answers[0].content
    assert answers[0].json()["results"][0]["title"] == "Hermanamiento con Lyon"


@pytest.mark.django_db
def test_a_download_reads_the_generation_once_for_the_page_cache_its_etag_and_its_file(client):
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    answers = []
    for _visit in ("made", "kept"):
        with CaptureQueriesContext(connection) as queries:
            answer = client.get("/datos/agreements.csv")
            answers.append((answer, b"".join(answer.streaming_content)))
        # The page cache passes downloads by (they stream), but it has read the state: the view reuses it.
        assert sum(GENERATION_TABLE in query["sql"] for query in queries.captured_queries) == 1
    assert [answer[CACHE_HEADER] for answer, _content in answers] == ["miss", "hit"]
    assert answers[0][0]["ETag"] == answers[1][0]["ETag"]
    assert answers[1][1] == answers[0][1]
    assert "Hermanamiento con Lyon" in answers[0][1].decode()


@pytest.mark.django_db
def test_each_language_and_each_api_language_is_kept_apart(client):
    AgreementFactory(title="Acuerdo de movilidad", published=True)
    spanish = client.get(LIST)
    english = client.get(f"/en{LIST}")
    assert english[CACHE_HEADER] == "miss"
    assert english["Content-Language"] == "en"
    assert client.get(f"/en{LIST}").content == english.content != spanish.content

    api_es = client.get("/api/v1/agreements/", HTTP_ACCEPT_LANGUAGE="es-MX")
    api_en = client.get("/api/v1/agreements/", HTTP_ACCEPT_LANGUAGE="en")
    assert api_en[CACHE_HEADER] == "miss"
    assert api_es.json()["results"][0]["kind_display"] == "Cooperación específica"
    assert client.get("/api/v1/agreements/", HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]["kind_display"] == (
        "Specific cooperation"
    )


@pytest.mark.django_db
def test_a_page_with_the_visitors_csrf_token_is_never_kept(client, settings):
    # The verify page has a form; even with the path not excluded, its token is the visitor's own.
    settings.PAGE_CACHE_EXCLUDED_PATHS = ("/admin/",)
    client.cookies["csrftoken"] = "a" * 32
    client.get("/informes/verificar/")
    assert CACHE_HEADER not in client.get("/informes/verificar/")
    assert _stored() == []


@pytest.mark.django_db
def test_the_api_documentation_is_never_kept(client):
    # Its page carries the request's CSP nonce.
    client.get("/api/docs/")
    assert CACHE_HEADER not in client.get("/api/docs/")
    assert _stored() == []


def _download(client, path: str):
    response = client.get(path)
    return response, b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_finished_download_is_kept_as_a_file_and_sent_again_until_a_change(
    client, settings, django_capture_on_commit_callbacks
):
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    first, first_bytes = _download(client, "/datos/agreements.csv")
    second, second_bytes = _download(client, "/datos/agreements.csv")
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert second_bytes == first_bytes
    assert second["Content-Disposition"] == first["Content-Disposition"] == (
        'attachment; filename="cdmx-global-agreements.csv"'
    )
    assert second["Content-Type"] == first["Content-Type"]
    # Other parameters, another language: other files.
    assert _download(client, "/datos/agreements.csv?kind=twinning")[0][CACHE_HEADER] == "miss"
    assert _download(client, "/en/datos/agreements.csv")[0][CACHE_HEADER] == "miss"
    kept = sorted(path.name for path in Path(settings.DOWNLOAD_CACHE_DIR).iterdir())
    assert len(kept) == 3

    draft = AgreementFactory(title=f"{LEAK_MARK} por publicar")
    assert LEAK_MARK.encode() not in _download(client, "/datos/agreements.csv")[1]
    _publish(draft, reviewer(), django_capture_on_commit_callbacks)

    after, after_bytes = _download(client, "/datos/agreements.csv")
    assert after[CACHE_HEADER] == "miss"
    assert f"{LEAK_MARK} por publicar".encode() in after_bytes
    # The older generation's files are gone once a newer one is complete (the
    # newer one's are this request's and those made again after the publication).
    assert {path.name.split("-")[0] for path in Path(settings.DOWNLOAD_CACHE_DIR).iterdir()} == {
        str(current_generation())
    }


def test_a_download_stopped_midway_leaves_no_file(tmp_path):
    # The server closes a response whose client went away before its end.
    kept_at = tmp_path / "downloads" / "7-0123abcd.csv"
    response = filecache.keep(StreamingHttpResponse(iter([b"uno\n", b"dos\n", b"tres\n"])), kept_at)
    assert next(iter(response.streaming_content)) == b"uno\n"
    # Closing ends a request, which closes the database connections; as the
    # test client does, this test's stays open.
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert list(kept_at.parent.iterdir()) == []

    finished = filecache.keep(StreamingHttpResponse(iter([b"uno\n", b"dos\n"])), kept_at)
    assert b"".join(finished.streaming_content) == b"uno\ndos\n"
    assert kept_at.read_bytes() == b"uno\ndos\n"
    assert [path.name for path in kept_at.parent.iterdir()] == [kept_at.name]
