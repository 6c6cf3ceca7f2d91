"""The API, the bulk downloads and the semiannual report for the book, captured
as the code gives them, to be compared with the fixtures in tests/golden/
(``tests/golden/build.py`` writes them, ``test_golden_outputs.py`` compares).

Everything runs at one frozen moment (``FROZEN_AT``): the book is loaded, the
requests are made and the report is built then, so the times the rows carry
(created, updated, published, the change log's), the report's generation time
and anything computed against today (an agreement's validity) are the same in
every run. The ids the rows get are made the same too: every table's next id
is reset to follow the rows already there before the book is loaded.

Requests go through Django's test client with the whole middleware, over
HTTPS (``secure=True``: links read ``https://testserver/…``), without the page
cache nor the downloads' file cache (``PAGE_CACHE_SECONDS = 0``) and without
request limits. The report is built by ``reports.services.report_build`` and
its saved files are read back.

Each output is compared by its ``kind``:

* ``bytes`` (JSON, CSV, HTML): the body, byte for byte;
* ``zip`` (the report's CSV tables): the member names, and each member's bytes;
* ``xlsx``: the name and bytes of every part of the package, except the
  times in ``docProps/core.xml`` (the moment the file was written);
* ``pdf``: the text of every page, whitespace-normalised, without the
  running headers and footers, and the names of the files it embeds.
"""

import datetime
import hashlib
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import time_machine
from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection
from django.test import Client, override_settings

#: The moment everything happens at (a noon in Mexico City, long after the book's records).
FROZEN_AT = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-6)))
#: The semester whose report is captured: one the book has records in.
SEMESTER = "2017-2"

ORIGIN = "https://testserver"
API = "/api/v1"
#: The collections the API lists (``opendata.collections.COLLECTIONS``), every page of each.
API_RESOURCES = (
    "agreements", "actions", "counterparts", "networks", "memberships", "positions",
    "visits", "events", "awards", "bodies", "themes",
)
#: Lists with filters, search, ordering and ``updated_since``, and in English.
API_QUERIES = (
    ("agreements", "kind=twinning"),
    ("agreements", "ordering=-signed_on,title&page_size=100"),
    ("agreements", "q=ciudad&page_size=50"),
    ("actions", "ordering=title&page_size=100"),
    ("actions", "year=2017"),
    ("counterparts", "region=europe&page_size=100"),
    ("counterparts", "ordering=-country,name&page_size=100"),
    ("events", "year=2017&ordering=-start_on"),
    ("visits", "direction=outgoing&page_size=100"),
    ("memberships", "ordering=network"),
    ("networks", "updated_since=2026-06-01T00:00:00-06:00"),
    ("awards", "updated_since=2030-01-01T00:00:00Z"),
    ("bodies", "q=secretar&ordering=acronym"),
    ("agreements", "lang=en&page_size=100"),
    ("events", "lang=en&page_size=100"),
    ("counterparts", "lang=en&page=2"),
)
#: Lists asked in English by the Accept-Language header rather than ``?lang=``.
API_ENGLISH_BY_HEADER = (("networks", "page_size=100"), ("themes", ""))
#: Items: one per collection (the first of its first page), and a few in English.
API_ITEMS_IN_ENGLISH = ("agreements", "counterparts", "events")

DOWNLOAD_TABLES = (
    "agreements", "agreements-transparency", "commitments", "actions", "counterparts", "networks",
    "memberships", "positions", "visits", "events", "awards", "bodies", "themes",
)
DOWNLOAD_FORMATS = ("csv", "json", "xlsx")
DOWNLOAD_QUERIES = (
    ("agreements", "csv", "kind=twinning&ordering=-signed_on"),
    ("agreements", "json", "q=ciudad"),
    ("actions", "xlsx", "year=2017"),
    ("counterparts", "csv", "region=europe&ordering=name"),
    ("commitments", "json", "ordering=target_date"),
    ("events", "csv", "updated_since=2030-01-01T00:00:00Z"),
)
DOWNLOAD_IN_ENGLISH = (("agreements", "csv"), ("agreements", "json"), ("events", "xlsx"), ("commitments", "csv"))

#: The test settings every capture runs with (as conftest.py's, plus no cache nor limits).
SETTINGS = {
    "LANGUAGE_CODE": "es-mx",
    "PAGE_CACHE_SECONDS": 0,
    "DOWNLOAD_CACHE_DIR": "",
    "SECURE_SSL_REDIRECT": False,
    "API_THROTTLE_RATES": {"anon": None, "downloads": None},
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    # Read from the environment by config/settings.py, and written into the outputs.
    "SITE_URL": "http://127.0.0.1:8000",
    "CONGRESS_COMMISSION_NAME": "Comisión de Asuntos Internacionales del Congreso de la Ciudad de México",
}


@dataclass
class Output:
    """One captured output: its name in the fixtures, how it was asked for, how it is compared."""

    name: str
    request: str
    kind: str
    content: bytes
    content_type: str = ""
    disposition: str = ""

    def comparable(self) -> bytes:
        """What is compared, as bytes (``normalise``)."""
        return normalise(self.kind, self.content)

    def entry(self) -> dict:
        return {
            "request": self.request, "kind": self.kind, "sha256": hashlib.sha256(self.comparable()).hexdigest(),
            "content_type": self.content_type, "disposition": self.disposition,
        }


# --- The database -----------------------------------------------------------


def reset_ids() -> None:
    """Every table's next id right after its highest one, whatever earlier
    tests inserted and rolled back (PostgreSQL's sequences are not rolled back)."""
    models = [model for model in apps.get_models(include_auto_created=True) if model._meta.managed]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Without AUTOINCREMENT tables (no sqlite_sequence), the next id already follows the highest.
            cursor.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'")
            if cursor.fetchone() is None:
                return
            cursor.execute("SELECT name FROM sqlite_sequence")
            for (table,) in cursor.fetchall():
                quoted = connection.ops.quote_name(table)
                cursor.execute(
                    f"UPDATE sqlite_sequence SET seq = (SELECT COALESCE(MAX(rowid), 0) FROM {quoted}) WHERE name = %s",
                    [table],
                )
            return
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


@contextmanager
def frozen() -> Iterator[None]:
    with time_machine.travel(FROZEN_AT, tick=False):
        yield


@contextmanager
def capture_settings() -> Iterator[None]:
    with ExitStack() as stack:
        media = stack.enter_context(tempfile.TemporaryDirectory(prefix="golden-media-"))
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        stack.enter_context(override_settings(MEDIA_ROOT=media, STORAGES=storages, **SETTINGS))
        yield


def load_book_frozen() -> dict:
    """The book, loaded at ``FROZEN_AT`` over fresh ids (inside the caller's transaction)."""
    from sourcebook.loader import load_book

    reset_ids()
    with frozen(), capture_settings():
        return load_book()


# --- The requests -----------------------------------------------------------


def _name(path: str, query: str = "", language: str = "") -> str:
    """A file name for a request: the path's parts, the query, the language."""
    name = path.strip("/").replace("/", "__")
    if query:
        name += "__" + re.sub(r"[^A-Za-z0-9_.,=-]+", "_", query)
    if language:
        name += f"__accept-{language}"
    return name


def _get(client: Client, path: str, language: str = "") -> tuple[bytes, object]:
    headers = {"Accept-Language": language} if language else {}
    response = client.get(path, headers=headers, secure=True)
    # Read whole, the client closes the response itself (a close here would close the
    # database connection, as at the end of a real request).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.status_code != 200:
        raise AssertionError(f"{path}: {response.status_code} {body[:500]!r}")
    return body, response


def _kind_of(path: str) -> str:
    return "xlsx" if path.split("?")[0].endswith(".xlsx") else "bytes"


def _output(client: Client, path: str, language: str = "") -> Output:
    base, _, query = path.partition("?")
    body, response = _get(client, path, language)
    return Output(
        name=_name(base, query, language), request=path + (f" [Accept-Language: {language}]" if language else ""),
        kind=_kind_of(path), content=body, content_type=response.get("Content-Type", ""),
        disposition=response.get("Content-Disposition", ""),
    )


def _pages(client: Client, path: str, language: str = "") -> Iterator[Output]:
    """Every page of an API list, following its ``next`` links."""
    while path:
        output = _output(client, path, language)
        yield output
        following = json.loads(output.content)["next"]
        path = following.removeprefix(ORIGIN) if following else None


def api_outputs(client: Client) -> Iterator[Output]:
    for resource in API_RESOURCES:
        pages = list(_pages(client, f"{API}/{resource}/"))
        yield from pages
        first = json.loads(pages[0].content)["results"][0]["url"].removeprefix(ORIGIN)
        yield _output(client, first)
        if resource in API_ITEMS_IN_ENGLISH:
            yield _output(client, first + "?lang=en")
    for resource, query in API_QUERIES:
        yield _output(client, f"{API}/{resource}/?{query}")
    for resource, query in API_ENGLISH_BY_HEADER:
        yield _output(client, f"{API}/{resource}/" + (f"?{query}" if query else ""), language="en")


def download_outputs(client: Client) -> Iterator[Output]:
    for table in DOWNLOAD_TABLES:
        for extension in DOWNLOAD_FORMATS:
            yield _output(client, f"/datos/{table}.{extension}")
    for table, extension, query in DOWNLOAD_QUERIES:
        yield _output(client, f"/datos/{table}.{extension}?{query}")
    for table, extension in DOWNLOAD_IN_ENGLISH:
        yield _output(client, f"/en/datos/{table}.{extension}")


REPORT_KINDS = {"html": "bytes", "json": "bytes", "zip": "zip", "xlsx": "xlsx", "pdf": "pdf"}


def report_outputs() -> Iterator[Output]:
    """The report of ``SEMESTER`` as built (version 1, a draft), one output per file."""
    from evaluations.periods import Semester
    from reports.services import report_build

    report = report_build(semester=Semester.parse(SEMESTER), now=FROZEN_AT)
    for report_file in report.files.order_by("format"):
        extension = report_file.file.name.rsplit(".", 1)[-1]
        with report_file.file.open("rb") as handle:
            content = handle.read()
        yield Output(
            name=f"report__{SEMESTER}.{extension}", request=f"report_build(semester={SEMESTER!r})",
            kind=REPORT_KINDS[extension], content=content,
        )


def capture() -> list[Output]:
    """Every output, made at ``FROZEN_AT`` over the book loaded by ``load_book_frozen``."""
    with frozen(), capture_settings():
        client = Client()
        outputs = [*api_outputs(client), *download_outputs(client), *report_outputs()]
    names = [output.name for output in outputs]
    duplicates = {name for name in names if names.count(name) > 1}
    assert not duplicates, duplicates
    return outputs


# --- Comparison ---------------------------------------------------------------

#: docProps/core.xml's times: when the file was written, not what it holds.
CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
def zip_parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in sorted(archive.namelist())}


def xlsx_parts(content: bytes) -> dict[str, bytes]:
    parts = zip_parts(content)
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = CORE_TIMES.sub(rb"\1(masked)\2", parts["docProps/core.xml"])
    return parts


def pdf_text(content: bytes) -> str:
    """The PDF's content as its structure tree holds it (``pdf_structure.content_text``):
    each block's text (paragraph, heading, cell, caption) in reading order, one
    per line, without running headers, footers, page numbers or repeated table
    headers, words hyphenated at a line's end joined; then the names of the
    files it embeds.

    What is compared is this text without any whitespace (``pdf_compared``):
    where a line or a page breaks, and so how wide a table's columns are, is the
    layout's, not the content's. (Until the report's long tables got fixed
    column widths, this read the pages' text lines instead: a row whose cells
    wrapped came out interleaved line by line, so a column's width changed it.)"""
    from pypdf import PdfReader

    from .pdf_structure import content_text

    reader = PdfReader(io.BytesIO(content))
    attachments = sorted(reader.attachments)
    return "\n".join(content_text(reader)) + "\n\n" + "\n".join(f"attachment: {name}" for name in attachments) + "\n"


def pdf_compared(text: str) -> bytes:
    return re.sub(r"\s+", "", text).encode()


def _parts_text(parts: dict[str, bytes]) -> bytes:
    return b"".join(
        f"== {name} {hashlib.sha256(data).hexdigest()}\n".encode() for name, data in parts.items()
    )


def normalise(kind: str, content: bytes) -> bytes:
    """What is compared of an output of ``kind``, as bytes."""
    if kind == "bytes":
        return content
    if kind == "zip":
        return _parts_text(zip_parts(content))
    if kind == "xlsx":
        return _parts_text(xlsx_parts(content))
    if kind == "pdf":
        return pdf_compared(pdf_text(content))
    raise ValueError(kind)
