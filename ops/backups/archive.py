"""The archive: its format (one ``.tar`` with the database, the uploaded files
and ``manifest.json``), the files it takes from ``MEDIA_ROOT``, and how each is
written and read back against its SHA-256."""

import hashlib
import json
import os
import re
import tarfile
from pathlib import Path, PurePosixPath

from django.conf import settings

from .errors import BackupError

FORMAT_NAME = "cdmx-global-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
ARCHIVE_PATTERN = re.compile(r"^cdmx-global-\d{8}-\d{6}\.tar$")
#: Folders a restore extracts into, inside MEDIA_ROOT; never part of a backup.
RESTORE_FOLDER_PREFIX = ".restaurando-"
BLOCK = 1024 * 1024


# Writing ---------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _inside(path: Path, folder) -> bool:
    if not folder:
        return False
    try:
        path.resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def media_files(media_root=None) -> dict[str, Path]:
    """Every uploaded file under MEDIA_ROOT, by its path relative to it (with ``/``).

    The download cache and the collected static files are left out when they
    live inside MEDIA_ROOT, and so are the folders a restore works in.
    """
    root = Path(media_root or settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    skipped = [settings.DOWNLOAD_CACHE_DIR, settings.STATIC_ROOT]
    found = {}
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(RESTORE_FOLDER_PREFIX) and not any(_inside(here / name, s) for s in skipped)
        )
        for name in sorted(names):
            path = here / name
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path
    return found


class _HashingReader:
    """Reads a file for tarfile, hashing exactly the bytes the archive gets."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def add_file(archive: tarfile.TarFile, path: Path, name: str) -> dict:
    with open(path, "rb") as handle:
        stat = os.fstat(handle.fileno())
        info = tarfile.TarInfo(name)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = 0o600
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


class BytesReader:
    def __init__(self, data: bytes):
        self.data = memoryview(data)
        self.position = 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.position + size
        chunk = bytes(self.data[self.position:end])
        self.position += len(chunk)
        return chunk


def sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# Reading -----------------------------------------------------------------------------


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix() and name != "."


def _open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"No existe el archivo de respaldo «{path}».")
    try:
        return tarfile.open(path, mode="r:")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"«{path}» no es un respaldo de CDMX Global legible (no es un archivo .tar: {error}).") from error


def read_manifest(path: Path) -> dict:
    with _open_archive(path) as archive:
        try:
            member = archive.getmember(MANIFEST)
            manifest = json.loads(archive.extractfile(member).read())
        except (KeyError, AttributeError, ValueError, tarfile.TarError, OSError) as error:
            raise BackupError(
                f"«{path}» no tiene un manifest.json legible: no es un respaldo completo de CDMX Global."
            ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupError(f"«{path}» no es un respaldo de CDMX Global (su manifest.json es de otro formato).")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"El respaldo «{path}» tiene el formato {manifest.get('version')}; este portal lee el formato "
            f"{FORMAT_VERSION}. Restáurelo con la versión del portal que lo hizo."
        )
    if (
        manifest.get("engine") not in DATABASE_FILES
        or manifest.get("database_file") != DATABASE_FILES[manifest["engine"]]
        or not isinstance(manifest.get("files"), dict)
        or not isinstance(manifest.get("tables"), dict)
    ):
        raise BackupError(f"El manifest.json de «{path}» está incompleto.")
    return manifest


def _tampered(path: Path, detail: str) -> BackupError:
    return BackupError(
        f"El respaldo «{path}» está dañado o fue modificado: {detail}. No se restauró nada."
    )


def walk_archive(path: Path, manifest: dict, extract_to=None) -> None:
    """Check every member against the manifest; with ``extract_to``, also write each
    file there (``{name: Path}``, only the names asked for) as it is checked."""
    expected = manifest["files"]
    seen = set()
    with _open_archive(path) as archive:
        try:
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise _tampered(path, f"contiene «{member.name}», que no es un archivo que el portal escriba")
                if member.name not in expected:
                    raise _tampered(path, f"contiene «{member.name}», que no está en su manifest.json")
                if member.name in seen:
                    raise _tampered(path, f"contiene «{member.name}» dos veces")
                seen.add(member.name)
                digest = hashlib.sha256()
                size = 0
                target = extract_to.get(member.name) if extract_to is not None else None
                output = None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    output = open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
                try:
                    source = archive.extractfile(member)
                    while block := source.read(BLOCK):
                        digest.update(block)
                        size += len(block)
                        if output is not None:
                            output.write(block)
                finally:
                    if output is not None:
                        output.close()
                entry = expected[member.name]
                if digest.hexdigest() != entry.get("sha256") or size != entry.get("size"):
                    raise _tampered(path, f"«{member.name}» no coincide con el SHA-256 de su manifest.json")
                if target is not None:
                    os.utime(target, (member.mtime, member.mtime))
        except tarfile.TarError as error:
            raise _tampered(path, f"el .tar está cortado o roto ({error})") from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise _tampered(path, f"le falta «{missing[0]}»" + (f" y {len(missing) - 1} más" if len(missing) > 1 else ""))
    if manifest.get("database_file") not in seen:
        raise _tampered(path, "no trae la base de datos")
