"""Backups: one private archive holds the whole database and every uploaded file;
restored into a fresh database and a fresh MEDIA_ROOT by a real ``manage.py
restore`` process, every table and every file comes back identical. A damaged
archive, a database that already has tables, and a database of the other
engine are refused, and nothing changes.

The tests commit (``transaction=True``): ``pg_dump`` is another process and
sees only committed rows. Each one's database is emptied when it ends.
"""

import json
import os
import re
import stat
import subprocess
import sys
import tarfile
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from agreements.models import Agreement
from ops.backups import human_size, media_files, sha256_of, table_checksums
from sourcebook.loader import load_book
from reports.models import ReportFile
from tests.support.documents import pdf_bytes
from tests.support.factories import AgreementFactory, reviewer
from tests.support.report_fixtures import build, moment

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SIGNED = pdf_bytes(pages=2)
ARCHIVE_NAME = re.compile(r"cdmx-global-\d{8}-\d{6}\.tar")
ENGINES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


@pytest.fixture
def media(settings, tmp_path):
    """A MEDIA_ROOT of the test's own, with the download cache inside it (which no backup takes)."""
    root = tmp_path / "media"
    cache = root / "cache" / "downloads"
    cache.mkdir(parents=True)
    (cache / f"7-{'a' * 32}.json").write_text("[]")
    settings.MEDIA_ROOT = root
    settings.DOWNLOAD_CACHE_DIR = str(cache)
    return root


@pytest.fixture
def fresh_database_url(tmp_path):
    """An empty database of the test's engine, as an operator creates it: on PostgreSQL a
    new database on the same server (dropped at the end), on SQLite a file not yet there."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'restaurada.sqlite3'}"
        return
    name = f"cdmx_backups_restore_{uuid.uuid4().hex[:12]}"
    params = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, database_url: str, media_root: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """``python manage.py …`` as the operator runs it, against another database and MEDIA_ROOT."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "prueba",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "DOWNLOAD_CACHE_DIR": str(tmp_path / "descargas"),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def file_hashes(root: Path) -> dict[str, str]:
    return {name: sha256_of(path) for name, path in media_files(root).items()}


def back_up(destination: Path) -> tuple[Path, str]:
    destination.mkdir(exist_ok=True)
    out = StringIO()
    call_command("backup", str(destination), stdout=out)
    archives = list(destination.iterdir())
    assert len(archives) == 1, "one archive, and no partial file left behind"
    return archives[0], out.getvalue()


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as opened:
        return json.loads(opened.extractfile("manifest.json").read())


def checksums() -> dict[str, dict]:
    return {table: {"rows": c.rows, "sha256": c.sha256} for table, c in table_checksums(connection).items()}


def small_portal() -> Agreement:
    """A staff account and a draft agreement with its signed document."""
    reviewer(username="ana")
    agreement = AgreementFactory(code="borrador-con-documento", title="Borrador con documento")
    agreement.signed_document.save("convenio firmado.pdf", ContentFile(SIGNED))
    return agreement


def test_backup_restored_into_a_fresh_database_gives_back_every_table_and_file(media, fresh_database_url, tmp_path):
    # The report first: its PDF renders in a second on an empty database, in several with the book.
    report = build("2016-2", moment(2017, 1, 10))
    load_book()
    reviewer(username="ana")
    draft = AgreementFactory(code="borrador-respaldo", title="Borrador del respaldo")
    draft.signed_document.save("convenio firmado.pdf", ContentFile(SIGNED))
    source_tables = checksums()
    source_files = file_hashes(media)
    applied = MigrationRecorder(connection).applied_migrations()

    archive, output = back_up(tmp_path / "respaldos")

    # Everything uploaded is in MEDIA_ROOT, and the download cache is not taken.
    report_files = {item.file.name for item in ReportFile.objects.filter(report=report)}
    assert report_files and len(report_files) == report.files.count()
    assert set(source_files) == {draft.signed_document.name, *report_files}
    # Private from the first byte, named by its time, complete.
    assert ARCHIVE_NAME.fullmatch(archive.name)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert output.splitlines()[0].startswith(f"Respaldo completo: {archive} (")
    manifest = manifest_of(archive)
    assert (manifest["format"], manifest["version"], manifest["engine"]) == (
        "cdmx-global-backup", 1, connection.vendor
    )
    assert manifest["tables"] == source_tables
    assert set(manifest["tables"]) == set(connection.introspection.table_names())
    assert {"auth_user", "django_session", "django_migrations", "axes_accessattempt"} <= set(manifest["tables"])
    assert manifest["tables"]["agreements_agreement"]["rows"] == Agreement.objects.count()
    assert Agreement.objects.filter(status="draft").count() == 1
    assert manifest["tables"]["auth_user"]["rows"] == 1
    assert manifest["migrations"] == {
        app: max(name for label, name in applied if label == app) for app, _ in applied
    }
    database_file = manifest["database_file"]
    assert database_file == {"postgresql": "database.dump", "sqlite": "database.sqlite3"}[connection.vendor]
    assert {name: entry["sha256"] for name, entry in manifest["files"].items() if name != database_file} == {
        f"media/{name}": digest for name, digest in source_files.items()
    }
    with tarfile.open(archive) as opened:
        assert opened.getnames()[-1] == "manifest.json"
        assert {name: entry["size"] for name, entry in manifest["files"].items()} == {
            member.name: member.size for member in opened.getmembers() if member.name != "manifest.json"
        }

    restored_media = tmp_path / "media-restaurada"
    restored = manage("restore", str(archive), database_url=fresh_database_url, media_root=restored_media, tmp_path=tmp_path)

    assert restored.returncode == 0, restored.stderr
    tables, rows = len(source_tables), sum(entry["rows"] for entry in source_tables.values())
    media_bytes = sum(path.stat().st_size for path in media_files(media).values())
    assert restored.stdout.splitlines() == [
        f"Respaldo del {manifest['created_at']} ({ENGINES[connection.vendor]}):",
        f"  Base de datos: {tables} tablas, {rows} filas",
        f"  Archivos subidos: {len(source_files)} ({human_size(media_bytes)}) en {restored_media}",
        f"Restauración completa: las {tables} tablas coinciden con el respaldo. Vuelva a iniciar el portal.",
    ]
    compared = manage("table_checksums", "--json", database_url=fresh_database_url, media_root=restored_media, tmp_path=tmp_path)
    assert compared.returncode == 0, compared.stderr
    assert json.loads(compared.stdout) == source_tables
    assert file_hashes(restored_media) == source_files
    assert not list(restored_media.glob(".restaurando-*"))


def test_damaged_archive_is_refused_and_nothing_changes_even_with_force(media, tmp_path):
    agreement = small_portal()
    archive, _ = back_up(tmp_path / "respaldos")
    call_command("verify_backup", str(archive), stdout=StringIO())
    document = f"media/{agreement.signed_document.name}"
    with tarfile.open(archive) as opened:
        offset = opened.getmember(document).offset_data
    with open(archive, "r+b") as damaged:
        damaged.seek(offset + 10)
        byte = damaged.read(1)
        damaged.seek(offset + 10)
        damaged.write(bytes([byte[0] ^ 0xFF]))
    # After the backup the portal moved on; a restore would undo this.
    Agreement.objects.filter(pk=agreement.pk).update(title="Cambiado después del respaldo")
    (media / "documents" / "nuevo.pdf").write_bytes(SIGNED)
    tables, files = checksums(), file_hashes(media)

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), force=True, stdout=StringIO())

    assert str(refused.value) == (
        f"El respaldo «{archive}» está dañado o fue modificado: «{document}» no coincide con el SHA-256 "
        f"de su manifest.json. No se restauró nada."
    )
    assert refused.value.returncode == 1
    assert checksums() == tables
    assert file_hashes(media) == files
    assert not list(media.glob(".restaurando-*"))
    with pytest.raises(CommandError) as checked:
        call_command("verify_backup", str(archive), stdout=StringIO())
    assert str(checked.value) == (
        f"El respaldo «{archive}» está dañado o fue modificado: «{document}» no coincide con el SHA-256 "
        f"de su manifest.json."
    )


def test_restore_into_a_database_with_tables_needs_force(media, tmp_path):
    agreement = small_portal()
    archive, _ = back_up(tmp_path / "respaldos")
    at_backup, files_at_backup = checksums(), file_hashes(media)
    Agreement.objects.filter(pk=agreement.pk).update(title="Cambiado después del respaldo")
    AgreementFactory(code="creado-despues")
    changed = checksums()
    tables = connection.introspection.table_names()

    with pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), stdout=StringIO())

    assert str(refused.value) == (
        f"La base de datos «{connection.settings_dict['NAME']}» ya tiene {len(tables)} tablas "
        f"(por ejemplo {sorted(tables)[0]}). Restaure en una base recién creada y vacía, "
        f"o use --force para reemplazar su contenido. No se restauró nada."
    )
    assert refused.value.returncode == 1
    assert checksums() == changed

    out = StringIO()
    call_command("restore", str(archive), force=True, stdout=out)

    assert out.getvalue().splitlines()[-1] == (
        f"Restauración completa: las {len(at_backup)} tablas coinciden con el respaldo. Vuelva a iniciar el portal."
    )
    assert checksums() == at_backup
    assert list(Agreement.objects.values_list("code", "title")) == [("borrador-con-documento", "Borrador con documento")]
    assert file_hashes(media) == files_at_backup
    # The kept downloads were made from the replaced data: they are gone.
    assert list(Path(media / "cache" / "downloads").iterdir()) == []


def test_a_backup_of_one_engine_is_not_restored_into_the_other(media, tmp_path):
    small_portal()
    archive, _ = back_up(tmp_path / "respaldos")
    other_file = tmp_path / "otra.sqlite3"
    other = (
        f"sqlite:///{other_file}" if connection.vendor == "postgresql"
        else "postgres://postgres@127.0.0.1:5432/cdmx_backups_never_created"
    )
    target_media = tmp_path / "media-otra"

    refused = manage("restore", str(archive), database_url=other, media_root=target_media, tmp_path=tmp_path)

    this, that = ENGINES[connection.vendor], ENGINES["sqlite" if connection.vendor == "postgresql" else "postgresql"]
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"CommandError: Este respaldo es de {this} y la base configurada (DATABASE_URL) es {that}: "
        f"un respaldo sólo se restaura en el mismo motor. No se restauró nada."
    )
    assert refused.stdout == ""
    assert not other_file.exists()
    assert not target_media.exists()


def test_backup_into_a_missing_folder_says_so_and_writes_nothing(media, tmp_path):
    missing = tmp_path / "no-existe"

    with pytest.raises(CommandError) as refused:
        call_command("backup", str(missing), stdout=StringIO())

    assert str(refused.value) == (
        f"No se hizo el respaldo. El destino «{missing}» no existe. Créelo primero (mkdir -p {missing})."
    )
    assert not missing.exists()
