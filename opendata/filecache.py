"""Finished downloads kept on disk and served as files until something public changes.

A whole table at a hundred times the book's data takes seconds to write
(every row goes through the ORM and the table's columns), and it is the same
file for everyone who asks for it with the same parameters until staff
change something. The first request streams it as always and writes a copy
as it goes; once the copy is complete it is renamed into place, and later
requests are sent that file. A copy's name carries the content generation
it was made under (``cdmx_global.pagecache``), so any change retires it;
finishing a copy removes those of older generations. A request that stops
before the end leaves no copy behind, and a copy older than
``DOWNLOAD_CACHE_SECONDS`` is made again. After each change a worker makes
the whole tables again (``opendata.warming``), so the next visitor is sent a
file rather than waiting for it. Memory stays flat either way: the copy
is written and read in blocks.

With Redis (``REDIS_URL``), several servers share one ``DOWNLOAD_CACHE_DIR``
(a shared volume) and the *index* lives in the ``pages`` cache, in Redis:
which files are complete (a key per file, for ``DOWNLOAD_CACHE_SECONDS``),
so a server looks for no file Redis doesn't know, and which are being written
(a lock taken with ``add``), so two servers don't write the same file at once.
A request that finds its file being written elsewhere streams its own answer
at once, without keeping a copy, rather than wait with nothing sent: the
first one's copy serves those after it. While Redis is unreachable, the disk
is looked at as without Redis.
"""

import functools
import hashlib
import os
import re
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import FileResponse
from django.utils import translation

from cdmx_global.pagecache import current_generation


#: The names ``path_for`` and ``keep`` give kept downloads and their partial copies.
KEPT_FILE = re.compile(r"^(\d+-[0-9a-f]{32}\.\w+|\..*\.part)$")


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0 and bool(settings.DOWNLOAD_CACHE_DIR)


def path_for(request, resource: str, extension: str, generation: int | None = None) -> Path | None:
    """Where this request's file is kept, or None when downloads are not kept."""
    return kept_path(
        scheme=request.scheme, host=request.get_host(), language=translation.get_language(),
        resource=resource, extension=extension, parameters=request.GET.lists(), generation=generation,
    )


def kept_path(
    *, scheme: str, host: str, language: str, resource: str, extension: str, parameters=(), generation=None
) -> Path | None:
    """Where the file of a download asked for with these is kept (the rows
    hold absolute addresses, and the headers and texts the language), or
    None when downloads are not kept. ``generation``: the content generation, if already read."""
    if not enabled():
        return None
    digest = _identity(scheme, host, language, resource, extension, parameters)
    if generation is None:
        generation = current_generation()
    return Path(settings.DOWNLOAD_CACHE_DIR) / f"{generation}-{digest}.{extension}"


def _identity(scheme, host, language, resource, extension, parameters) -> str:
    """What a download's bytes depend on besides the records: the request and the code that writes it."""
    identity = "\n".join([
        code_fingerprint(), scheme, host, language, resource, extension,
        *sorted(f"{name}={value}" for name, values in parameters for value in values),
    ])
    return hashlib.sha256(identity.encode()).hexdigest()[:32]


def download_etag(request, resource: str, extension: str, generation: int) -> str:
    """The ETag of this download, known before a byte is written: the same
    while nothing public changes (the content generation, which every save in
    the public apps raises, a draft's too) and the request and the code are the
    same. Weak: the same rows, not the same bytes (an XLSX file holds the time
    it was written). ``generation``: the content generation, read by the caller."""
    digest = _identity(
        request.scheme, request.get_host(), translation.get_language(), resource, extension, request.GET.lists()
    )
    tag = hashlib.sha256(f"{generation}-{digest}".encode()).hexdigest()[:32]
    return f'W/"{tag}"'


#: The project's code a download is written by: its packages' modules and the translations.
CODE_SUFFIXES = (".py", ".mo")


@functools.cache
def code_fingerprint() -> str:
    """A digest of the project's Python modules and compiled translations, read
    once per process: after a deploy that changes how a table is written, no
    kept file or ETag of the old code is taken for the new one."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    folders = sorted(
        path for path in base.iterdir()
        if path.is_dir() and path.name not in {"tests", "node_modules"} and not path.name.startswith(".")
        and ((path / "__init__.py").exists() or path.name == "locale")
    )
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in CODE_SUFFIXES and path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


#: How long a server may take to write a file before another may write it instead.
BUILD_LOCK_SECONDS = 300


def _shared_index():
    """The cache that holds the index, when it is shared between servers (Redis); None otherwise."""
    index = caches[settings.PAGE_CACHE_ALIAS]
    return index if getattr(index, "shared_between_servers", False) else None


def _kept_key(path: Path) -> str:
    return f"download:{path.name}"


def _building_key(path: Path) -> str:
    return f"download-building:{path.name}"


def known_missing(path: Path) -> bool:
    """True when the shared index says no complete file is kept at ``path`` (never without Redis)."""
    index = _shared_index()
    return index is not None and index.get(_kept_key(path)) is None and index.available()


def building(path: Path) -> bool:
    """True when the shared index says another process is writing ``path`` now."""
    index = _shared_index()
    return index is not None and index.get(_building_key(path)) is not None


def is_fresh(path: Path) -> bool:
    if known_missing(path):
        return False
    try:
        return time.time() - path.stat().st_mtime <= settings.DOWNLOAD_CACHE_SECONDS
    except FileNotFoundError:
        return False


def kept_response(path: Path | None, response_for) -> FileResponse | None:
    """The kept file as a response (``response_for(handle)`` sets its headers), if it is fresh."""
    if path is None or known_missing(path):
        return None
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        if (index := _shared_index()) is not None:
            index.delete(_kept_key(path))  # removed since (a restore clears them)
        return None
    if time.time() - os.fstat(handle.fileno()).st_mtime > settings.DOWNLOAD_CACHE_SECONDS:
        handle.close()
        return None
    return response_for(handle)


def keep(response, path: Path | None):
    """Sends ``response`` as it is, writing a copy to ``path`` as the blocks go out."""
    if path is None:
        return response
    path.parent.mkdir(parents=True, exist_ok=True)
    token = uuid.uuid4().hex
    partial = path.with_name(f".{path.name}.{token}.part")
    blocks = response.streaming_content

    def copied():
        # Taken when the first block is asked for: an answer never sent holds nothing.
        index = _shared_index()
        if index is not None and not index.add(_building_key(path), token, BUILD_LOCK_SECONDS):
            yield from blocks  # written by another server right now
            return
        finished = False
        try:
            with partial.open("wb") as copy:
                for block in blocks:
                    copy.write(block)
                    yield block
            partial.replace(path)
            finished = True
            if index is not None:
                index.set(_kept_key(path), 1, settings.DOWNLOAD_CACHE_SECONDS)
            _remove_older(path)
        finally:
            if not finished:
                partial.unlink(missing_ok=True)
            if index is not None and index.get(_building_key(path)) == token:
                index.delete(_building_key(path))

    response.streaming_content = copied()
    return response


def _remove_older(path: Path) -> None:
    generation = int(path.name.split("-", 1)[0])
    for other in path.parent.glob("*-*.*"):
        prefix = other.name.split("-", 1)[0]
        if prefix.isdigit() and int(prefix) < generation:
            other.unlink(missing_ok=True)


def remove_partials(older_than: float = 3600) -> int:
    """Delete the partial copies older than ``older_than`` seconds: what a
    process killed while it wrote one left behind. Returns how many."""
    folder = Path(settings.DOWNLOAD_CACHE_DIR) if settings.DOWNLOAD_CACHE_DIR else None
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for path in folder.glob(".*.part"):
        try:
            if time.time() - path.stat().st_mtime > older_than:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            pass
    return removed


def clear() -> int:
    """Delete every kept download (and partial copy); returns how many. For a
    restore, which puts back generation numbers the kept files may already use."""
    folder = Path(settings.DOWNLOAD_CACHE_DIR) if settings.DOWNLOAD_CACHE_DIR else None
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and KEPT_FILE.match(path.name):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
