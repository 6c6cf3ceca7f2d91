"""The report's parts laid out and written by other processes, side by side.

WeasyPrint lays a document out in one thread, and at 100× the book that is
almost all of a report's two minutes. The parts (``parts``) are independent
documents, so ``PartWorkers`` lays them out in several processes at once;
each process also turns its part into the joined file's PDF objects
(``part_objects.write_part``), which is most of the rest.

The objects are numbered in one sequence for the whole file, and a part's
count is only known once it is written. So a process lays its part out, then
waits for where the file stands (``PdfJoiner.start``), which the joiner knows
once it has absorbed the part before; it writes the part from there and sends
the objects back as bytes, with what the joiner keeps. The parts are absorbed
in their order and the numbers follow on as in one process: the PDF is the
same, byte for byte. Each process holds one laid-out part at a time.

The processes are new Python processes (``python -m reports.pdf.workers``),
not forks: the worker that builds reports runs a heartbeat thread and holds
database connections, which a forked child would inherit half-way; and unlike
multiprocessing's ``spawn``, nothing runs the parent's main script again. They
load neither Django nor the project's settings (this package has no Django):
what the parts' CSS fetches (the fonts) is fetched once by the parent, with
its own fetcher, and handed to them (``Resources``).
"""

import contextlib
import contextvars
import gc
import socket
import subprocess
import sys
import traceback as tracebacks
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

#: The project's root, where ``python -m reports.pdf.workers`` finds the package.
ROOT = Path(__file__).resolve().parent.parent.parent

#: What the parts fetch, fetched beforehand: ``{url: (body, headers)}``.
Resources = dict[str, tuple[bytes, dict[str, str]]]


@dataclass(frozen=True)
class Job:
    """A document to lay out and write: a part (its index in the document, its
    prepared HTML, the ids it holds and how many placeholder elements end it:
    ``part_objects.write_part``), or a run of pages' running header and footer
    (``furniture``: ``index`` is its first page, counted from 0, and its first
    ``skip`` pages are left out: ``write_furniture``)."""

    index: int
    html: str
    anchors: frozenset[str] = frozenset()
    placeholders: int = 0
    furniture: bool = False
    skip: int = 0

    def write(self, document, start, **options):
        """The laid-out ``document`` as the joined file's objects from ``start`` on."""
        from .part_objects import write_furniture, write_part

        if self.furniture:
            return write_furniture(document, start, self.skip, **options)
        return write_part(self.index, document, set(self.anchors), self.placeholders, start, **options)

    def __str__(self) -> str:
        if self.furniture:
            return f"el encabezado y el pie desde la página {self.index + 1}"
        return f"la parte {self.index}"

    def absorbed(self, joiner, written) -> None:
        """``written`` (``write``) absorbed into ``joiner``, in its place."""
        if self.furniture:
            joiner.absorb_furniture(written)
        else:
            joiner.absorb(self.index, written)


def resources_fetcher(resources: Resources):
    """A WeasyPrint URL fetcher that serves ``resources`` and refuses every other address."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ResourcesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in resources:
                raise ValueError(f"El informe no obtiene este recurso: {url}")
            body, response_headers = resources[url]
            return URLFetcherResponse(url, body, response_headers)

    return ResourcesFetcher()


def _serve(connection) -> None:
    """A process's life: the ``Resources`` and the ``write_pdf`` options first;
    then for each ``Job`` received, lay it out, wait for the ``PartStart``, send
    back what it wrote (or ``("failed", traceback)``); ``None`` ends it,
    and so does the other end closing (the report's process stopped)."""
    from weasyprint import HTML

    from .writing import page_references_kept, pseudo_element_styles_shared

    try:
        resources, options = connection.recv()
    except EOFError:
        return  # started early (``started_early``) and not needed
    url_fetcher = resources_fetcher(resources)
    gc.disable()  # as ``cyclic_collector_paused``: a collection after each part, none during
    frozen = False
    with page_references_kept(), pseudo_element_styles_shared(), contextlib.suppress(EOFError):
        while (job := connection.recv()) is not None:
            document, failure = None, None
            try:
                document = HTML(string=job.html, url_fetcher=url_fetcher).render()
            except Exception:  # noqa: BLE001 - sent to the process that waits for the part
                failure = tracebacks.format_exc()
            start = connection.recv()
            if failure is None:
                try:
                    written = job.write(document, start, **options)
                except Exception:  # noqa: BLE001 - the same
                    failure = tracebacks.format_exc()
            del document
            gc.collect()
            if not frozen:
                # What outlives the first part (modules, fonts, caches) is left out of the next
                # collections, which then only go through what a part left behind.
                gc.freeze()
                frozen = True
            connection.send(("failed", failure) if failure else ("written", written))
            if failure:
                return


class LaidOutHere:
    """Lays out and writes jobs one at a time in this process, as ``PartWorkers``
    does in others (the same objects, the same file)."""

    def __init__(self, url_fetcher, **options):
        self.url_fetcher, self.options = url_fetcher, options

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return None

    def written(self, jobs: list[Job], joiner, meanwhile=None):
        """As ``PartWorkers.written``: ``meanwhile()`` first, then each job laid
        out, written and absorbed in turn."""
        from weasyprint import HTML

        if meanwhile is not None:
            meanwhile()
        for job in jobs:
            document = HTML(string=job.html, url_fetcher=self.url_fetcher).render()
            written = job.write(document, joiner.start(), **self.options)
            job.absorbed(joiner, written)
            del document
            gc.collect()
            yield written


def _start() -> tuple[subprocess.Popen, Connection]:
    """A new process that lays out parts (``_serve``), and the connection to it."""
    here, there = socket.socketpair()
    with there:
        process = subprocess.Popen(
            [sys.executable, "-m", __name__, str(there.fileno())], pass_fds=[there.fileno()], cwd=ROOT,
        )
    return process, Connection(here.detach())


#: Processes started by ``started_early`` that no ``PartWorkers`` has taken yet.
_EARLY: contextvars.ContextVar[list | None] = contextvars.ContextVar("early_part_processes", default=None)


@contextlib.contextmanager
def started_early(processes: int):
    """``processes`` processes started now, for the ``PartWorkers`` made inside
    the block to take instead of starting their own: a report starts them
    before it reads its data, so that they load Python and WeasyPrint (about
    a second and a half each) on the core the data leaves free. Those not
    taken are ended on leaving."""
    early = []
    token = _EARLY.set(early)
    try:
        for _number in range(processes if processes > 1 else 0):
            early.append(_start())
        yield
    finally:
        _EARLY.reset(token)
        for _process, connection in early:
            connection.close()  # it ends on reading the end of the connection (``_serve``)
        for process, _connection in early:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class PartFailed(RuntimeError):
    """A part could not be laid out or written in its process."""


class PartWorkers:
    """``processes`` processes that lay out and write parts (``written``); a
    context manager that stops them on leaving. Each is ``python -m
    reports.pdf.workers``, talking over a socket pair."""

    def __init__(self, processes: int, resources: Resources, **options):
        early = _EARLY.get() or []
        self._workers = early[:processes]
        del early[:processes]
        try:
            while len(self._workers) < processes:
                self._workers.append(_start())
            for _process, connection in self._workers:
                connection.send((resources, options))
        except BaseException:
            self.close(abort=True)
            raise

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close(abort=exc_type is not None)

    def close(self, *, abort: bool = False) -> None:
        """Each process ended: told to when all went well, stopped if not (or if it doesn't end)."""
        for process, connection in self._workers:
            if abort:
                process.kill()
                continue
            try:
                connection.send(None)
            except OSError:
                pass  # it has ended already
        for process, connection in self._workers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            connection.close()
        self._workers = []

    def written(self, jobs: list[Job], joiner, meanwhile=None):
        """Each job's part absorbed into ``joiner`` in the jobs' order, laid out
        and written by the processes in turn: yields what each job wrote
        (``WrittenPart``, ``WrittenFurniture``) once absorbed. ``meanwhile()``, if given, is called once the processes
        have their first parts. A process that ends before sending its part is
        an error."""
        count = len(self._workers)
        for (_process, connection), job in zip(self._workers, jobs, strict=False):
            connection.send(job)
        if meanwhile is not None:
            meanwhile()
        for position, job in enumerate(jobs):
            process, connection = self._workers[position % count]
            connection.send(joiner.start())
            try:
                outcome, value = connection.recv()
            except EOFError:
                raise PartFailed(f"El proceso {process.pid} terminó (código {process.poll()}) sin {job}.") from None
            if outcome == "failed":
                raise PartFailed(f"Falló {job} en el proceso {process.pid}:\n{value}")
            job.absorbed(joiner, value)
            if position + count < len(jobs):
                connection.send(jobs[position + count])
            yield value


if __name__ == "__main__":
    _serve(Connection(int(sys.argv[1])))
