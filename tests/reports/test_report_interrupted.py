"""A report build killed midway leaves no half-made report.

A SIGKILL (the out-of-memory killer, gunicorn's worker timeout, and to the
database a power cut too) skips every ``except`` and ``on_commit``: the
database rolls the build back, and the files it wrote stay on disk with no
row referring to them. These tests run ``manage.py build_report`` in a
process of its own against the test database, stop it at a chosen point by
holding a lock from the test's own connection, kill it there with SIGKILL,
and look at what is left: the database as before the build, and files no
report refers to that the next build (or ``manage.py clean_report_files``)
deletes, never touching a report's own files.

Where the build stops:

- PostgreSQL: a lock on one table; the test waits until the build's
  connection waits for it (``pg_blocking_pids``).
- SQLite locks the whole database: a reader's lock lets the build write its
  rows but not commit; an exclusive lock stops it at its first read.
"""

import datetime
import hashlib
import io
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.management import call_command

from reports.models import Report, ReportFile, ReportStatus
from evaluations.periods import Semester
from reports.services import report_approve, report_build, report_deliver, report_publish
from reports.storage import TEMPORARY_PREFIX

from tests.support import factories
from tests.support.factories import partial_date
from tests.support.processes import ROOT, Database, blocked_by, manage_env, on_disk

S2017_2 = Semester(2017, 2)
FORMATS = ["csv", "html", "json", "pdf", "xlsx"]
#: SQLite: the journal of old, in which a reader keeps a writer from committing
#: (in write-ahead logging, the default, it commits all the same).
JOURNAL = "DELETE"
#: How long a build may take to reach the point where the test stops it.
PATIENCE = 60


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def records():
    agreement = factories.AgreementFactory(
        code="cce-prueba", title="Convenio con Lyon", published=True, validity="in_force",
        **partial_date("signed_on", 2016, 5, 10), **partial_date("valid_until", 2019),
    )
    factories.AgreementEvaluationFactory(agreement=agreement, year=2017, half=2)


# The database and the files, as another process sees them ------------------------------------


class ReportDatabase(Database):
    def reports(self) -> list[tuple]:
        return self.rows(
            "SELECT version, status, built_at, content, correction_note FROM reports_report "
            "WHERE year = 2017 AND half = 2 ORDER BY version"
        )

    def report_files(self) -> list[tuple]:
        return self.rows(
            "SELECT r.version, f.format, f.file, f.sha256, f.size FROM reports_reportfile f "
            "JOIN reports_report r ON r.id = f.report_id WHERE r.year = 2017 AND r.half = 2 ORDER BY r.version, f.format"
        )


def manage(db: Database, media: Path, *args: str) -> subprocess.Popen:
    env = manage_env(db, media)
    return subprocess.Popen(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def run(db: Database, media: Path, *args: str) -> str:
    process = manage(db, media, *args)
    stdout, stderr = process.communicate(timeout=PATIENCE)
    assert process.returncode == 0, stderr
    return stdout


def wait_until(process: subprocess.Popen, condition, what: str):
    deadline = time.monotonic() + PATIENCE
    while not (found := condition()):
        assert process.poll() is None, f"the build ended before {what}: {process.communicate()[1]}"
        assert time.monotonic() < deadline, f"the build never got to {what}"
        time.sleep(0.02)
    return found


def kill(process: subprocess.Popen) -> None:
    assert process.poll() is None, "the build must still be running when it is killed"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=PATIENCE)
    assert process.returncode == -signal.SIGKILL


# Stopping a build at a chosen point --------------------------------------------------------------


def whole_files(names) -> set[str]:
    """``names`` without the files still being written (their temporary names)."""
    return {name for name in names if not name.rsplit("/", 1)[-1].startswith(TEMPORARY_PREFIX)}


@contextmanager
def stopped_before_its_rows(db: Database, media: Path):
    """Start ``build_report 2017-2`` and stop it once it has written every file
    but before any row of them is in the database; yield the stopped process.

    PostgreSQL: rows of ``reports_reportfile`` can't be written (reads can),
    so the build waits at its first write there, after writing its files.
    SQLite: the test reads, so the build writes its rows but can't commit;
    it is stopped once its five files are on disk.
    """
    before = set(on_disk(media))
    other = db.connect()
    try:
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            if db.vendor == "postgresql":
                cursor.execute("LOCK TABLE reports_reportfile IN SHARE MODE")
            else:
                cursor.execute("SELECT count(*) FROM reports_reportfile")
                cursor.fetchall()
            process = manage(db, media, "build_report", "2017-2")
            try:
                if db.vendor == "postgresql":
                    waiting = wait_until(process, lambda: blocked_by(other), "the lock")
                else:
                    # Five whole files: a file being written still has its temporary
                    # name (``TEMPORARY_PREFIX``) and is not one of them yet.
                    wait_until(process, lambda: len(whole_files(set(on_disk(media)) - before)) == 5, "its fifth file")
                yield process
            finally:
                if process.poll() is None:
                    process.kill()
                    process.communicate()
            cursor.execute("ROLLBACK")
    finally:
        other.close()
    if db.vendor == "postgresql":
        # The killed build's connection ends once it finds its client gone.
        deadline = time.monotonic() + PATIENCE
        while db.rows("SELECT 1 FROM pg_stat_activity WHERE pid = ANY(%s)", [waiting]):
            assert time.monotonic() < deadline
            time.sleep(0.02)


@contextmanager
def stopped_before_it_writes(db: Database, media: Path):
    """Start ``build_report 2017-2`` and stop it before it writes anything.

    PostgreSQL: the table of indicators can't be read, so the build waits
    while it gathers the report's data, holding the semester's latest version.
    SQLite: nothing can be read, so the build waits at its first query once
    it has opened the database.
    """
    other = db.connect()
    try:
        with other.cursor() as cursor:
            if db.vendor == "postgresql":
                cursor.execute("BEGIN")
                cursor.execute("LOCK TABLE reports_indicator IN ACCESS EXCLUSIVE MODE")
            else:
                cursor.execute("BEGIN EXCLUSIVE")
            process = manage(db, media, "build_report", "2017-2")
            try:
                if db.vendor == "postgresql":
                    wait_until(process, lambda: blocked_by(other), "the lock")
                else:
                    wait_until(process, lambda: has_open(process.pid, db.path), "the database")
                yield process
            finally:
                if process.poll() is None:
                    process.kill()
                    process.communicate()
            cursor.execute("ROLLBACK")
    finally:
        other.close()


def has_open(pid: int, path: Path) -> bool:
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if Path(os.readlink(descriptor)) == path:
                return True
        except FileNotFoundError:
            pass
    return False


def assert_files_are_exactly_the_reports(db: Database, media: Path) -> None:
    """Under MEDIA_ROOT, only the files the reports refer to, each as recorded."""
    recorded = {name: (sha256, size) for _version, _format, name, sha256, size in db.report_files()}
    assert set(on_disk(media)) == set(recorded)
    for name, (sha256, size) in recorded.items():
        content = (media / name).read_bytes()
        assert (hashlib.sha256(content).hexdigest(), len(content)) == (sha256, size)
        assert (media / name).stat().st_mode & 0o777 == 0o644


# The tests -----------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_build_killed_after_writing_its_files_leaves_no_report_and_the_next_build_clears_them(media, tmp_path):
    records()
    db = ReportDatabase(tmp_path, journal_mode=JOURNAL)

    with stopped_before_its_rows(db, media) as build:
        kill(build)

    assert db.reports() == db.report_files() == []
    # The half-made report: five whole files no row refers to, under the killed build's folder.
    left = on_disk(media)
    folders = {name.rsplit("/", 1)[0] for name in left}
    assert len(folders) == 1 and folders.pop().startswith("reports/2017-2/v1/")
    assert sorted(name.rsplit("/", 1)[1] for name in left) == [
        "informe-2017-2-v1.csv.zip", "informe-2017-2-v1.html", "informe-2017-2-v1.json",
        "informe-2017-2-v1.pdf", "informe-2017-2-v1.xlsx",
    ]

    printed = run(db, media, "build_report", "2017-2").splitlines()

    assert [(version, status) for version, status, *_ in db.reports()] == [(1, ReportStatus.DRAFT)]
    assert [row[:2] for row in db.report_files()] == [(1, fmt) for fmt in FORMATS]
    assert_files_are_exactly_the_reports(db, media)
    assert sorted(printed) == sorted(str(media / name) for *_, name, _sha256, _size in db.report_files())
    # The killed build's files are gone, and its folder with them.
    assert not set(left) & set(on_disk(media))
    assert [path.name for path in (media / "reports/2017-2/v1").iterdir()] == [Path(printed[0]).parent.name]


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_killed_midway_leaves_the_draft_and_the_published_version_as_they_were(media, tmp_path):
    records()
    tz = datetime.timezone(datetime.timedelta(hours=-6))
    published = report_build(semester=S2017_2, now=datetime.datetime(2018, 1, 10, 10, tzinfo=tz))
    report_deliver(report=report_approve(report=published), delivered_on=datetime.date(2018, 1, 15),
                   delivery_reference="CGAI/0042/2018")
    report_publish(report=published)
    report_build(semester=S2017_2, correction_note="Corrige las visitas.", now=datetime.datetime(2018, 2, 1, 10, tzinfo=tz))
    db = ReportDatabase(tmp_path, journal_mode=JOURNAL)
    reports, report_files, files = db.reports(), db.report_files(), on_disk(media)
    assert [(version, status) for version, status, *_ in reports] == [(1, "published"), (2, "draft")]
    assert len(report_files) == len(files) == 10

    with stopped_before_its_rows(db, media) as build:
        kill(build)

    assert db.reports() == reports
    assert db.report_files() == report_files
    # Every file of both versions as it was; the rebuild's five beside them, referred to by nothing.
    after = on_disk(media)
    assert {name: after[name] for name in files} == files
    orphans = sorted(set(after) - set(files))
    assert [name.rsplit("/", 1)[1] for name in orphans] == [
        "informe-2017-2-v2.csv.zip", "informe-2017-2-v2.html", "informe-2017-2-v2.json",
        "informe-2017-2-v2.pdf", "informe-2017-2-v2.xlsx",
    ]

    printed = run(db, media, "clean_report_files")

    assert printed.splitlines() == [str(media / name) for name in orphans] + ["Archivos sin informe borrados: 5."]
    assert on_disk(media) == files
    assert db.reports() == reports
    assert db.report_files() == report_files
    assert_files_are_exactly_the_reports(db, media)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to see what the build opened")
@pytest.mark.django_db(transaction=True)
def test_a_build_killed_before_it_writes_changes_nothing(media, tmp_path):
    records()
    report_build(semester=S2017_2)
    db = ReportDatabase(tmp_path, journal_mode=JOURNAL)
    reports, report_files, files = db.reports(), db.report_files(), on_disk(media)

    with stopped_before_it_writes(db, media) as build:
        kill(build)

    assert (db.reports(), db.report_files(), on_disk(media)) == (reports, report_files, files)
    assert [(version, status) for version, status, *_ in reports] == [(1, "draft")]
    assert len(files) == 5


# The clean-up itself, in this process -------------------------------------------------------


def test_clean_report_files_deletes_only_what_no_report_refers_to(db, media):
    old = datetime.datetime(2018, 1, 10, 10, tzinfo=datetime.UTC).timestamp()

    def stored(name: str, content: bytes = b"contenido", written: float = old) -> str:
        path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        os.utime(path, (written, written))
        return name

    report = Report.objects.create(year=2017, half=2, built_at=datetime.datetime(2018, 1, 10, tzinfo=datetime.UTC))
    kept = stored("reports/2017-2/v1/20180110T100000/informe-2017-2-v1.pdf")
    ReportFile.objects.create(report=report, format="pdf", file=kept, sha256="0" * 64, size=9)
    whole = stored("reports/2017-2/v1/20180110T090000/informe-2017-2-v1.pdf")
    half_written = stored(f"reports/2017-2/v1/20180110T090000/{TEMPORARY_PREFIX}k2j4x9", b"cont")
    other_semester = stored("reports/2016-2/v3/20170110T100000/informe-2016-2-v3.json")
    # Newer than the clean-up: a build may be writing it.
    fresh = stored("reports/2017-2/v2/20990101T000000/informe-2017-2-v2.pdf", written=time.time() + 3600)
    not_a_semester = stored("reports/borradores/nota.txt")
    out = io.StringIO()

    call_command("clean_report_files", "2017-2", stdout=out)

    assert out.getvalue().splitlines() == [
        str(media / half_written), str(media / whole), "Archivos sin informe borrados: 2.",
    ]
    assert set(on_disk(media)) == {kept, other_semester, fresh, not_a_semester}
    assert not (media / "reports/2017-2/v1/20180110T090000").exists()

    out = io.StringIO()
    call_command("clean_report_files", stdout=out)

    assert out.getvalue().splitlines() == [str(media / other_semester), "Archivos sin informe borrados: 1."]
    assert set(on_disk(media)) == {kept, fresh, not_a_semester}

    out = io.StringIO()
    call_command("clean_report_files", stdout=out)
    assert out.getvalue().splitlines() == ["Nada que borrar: cada archivo de informe es de un informe."]
