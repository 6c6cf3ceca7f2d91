"""Backups: the whole database and every uploaded file in one archive, and back.

``python manage.py backup DESTINO`` writes ``cdmx-global-AAAAMMDD-HHMMSS.tar``
into DESTINO. The archive holds

* ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite: a consistent copy through the backup API);
* ``media/…``: every file under ``MEDIA_ROOT`` (signed documents, report
  files), but not the download cache nor the collected static files;
* ``manifest.json``, written last: the format, when and from which engine,
  the latest applied migration of each app, the SHA-256 and size of every
  other file in the archive, and each table's row count and checksum.

It is written under a ``.parcial`` name with mode 0600 (it holds password
hashes and drafts) and renamed only when complete: a backup that was
interrupted never looks like one. On PostgreSQL the row counts and checksums
are read in the very snapshot ``pg_dump`` dumps (``--snapshot``); on SQLite
they are read from the copy itself.

``python manage.py restore ARCHIVO`` checks every hash before touching
anything, refuses a database that already has tables (or a ``MEDIA_ROOT``
that already has files) unless given ``--force``, restores the database in
one transaction (``pg_restore --single-transaction``, or the SQLite backup
API), then moves the files into ``MEDIA_ROOT`` (extracted and checked first
in a folder beside them), and finally compares every table's checksum with
the manifest's.

``table_checksums()`` gives, for every table the database has, its row count
and a SHA-256 of its rows in primary-key order, with values written the same
way whatever the driver returned: the same data on the same engine gives the
same digest.

One module per job: ``archive`` (the format, the files, their hashes),
``checksums`` (what a database holds), ``engines`` (PostgreSQL's and SQLite's
own copy tools), ``create`` (a backup) and ``restore`` (verify and restore).
"""

from .archive import DATABASE_FILES, MANIFEST, MEDIA_PREFIX, media_files, sha256_of
from .checksums import TableChecksum, table_checksums
from .create import BackupResult, create_backup
from .engines import ENGINE_NAMES, find_pg_tool
from .errors import BackupError, human_size
from .restore import RestoreResult, restore_backup, verify_archive

__all__ = [
    "DATABASE_FILES",
    "ENGINE_NAMES",
    "MANIFEST",
    "MEDIA_PREFIX",
    "BackupError",
    "BackupResult",
    "RestoreResult",
    "TableChecksum",
    "create_backup",
    "find_pg_tool",
    "human_size",
    "media_files",
    "restore_backup",
    "sha256_of",
    "table_checksums",
    "verify_archive",
]
