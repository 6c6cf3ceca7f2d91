"""Where a report's files live, and how they are written so that a build
killed midway (SIGKILL, an out-of-memory kill, a power cut) leaves no
half-written file under a report's name.

Django's ``FileSystemStorage`` writes straight to the final name, so a kill
mid-write leaves a truncated file there. This storage writes each file whole
into a hidden temporary file beside it, flushes it to disk, and only then
renames it to its name (``os.replace``, atomic on POSIX), and flushes the
folder so the rename survives a power cut too. By the time the database
refers to a file, the file is complete and on disk.

What a killed build does leave — whole files no row refers to, or a
temporary file — is removed by ``remove_orphan_files`` (the next build of
the semester, or ``manage.py clean_report_files``).
"""

import os
import tempfile

from django.core.files.storage import FileSystemStorage

#: The names of the files being written; a leftover one is a killed write.
TEMPORARY_PREFIX = ".escribiendo-"


def _fsync_directory(path: str) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class AtomicFileSystemStorage(FileSystemStorage):
    """A file appears under its name complete and on disk, or not at all."""

    def _save(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=TEMPORARY_PREFIX)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                for chunk in content.chunks():
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            # mkstemp creates the file readable by its owner only.
            os.chmod(temporary, self.file_permissions_mode or 0o644)
            # ``Storage.save`` chose a name no file has (``get_available_name``), and the
            # builds of a semester, the only writers of its folder, take their turns.
            os.replace(temporary, full_path)
        except BaseException:
            os.unlink(temporary)
            raise
        # The new name (and any folder just made) must reach the disk before the database refers to it.
        while True:
            _fsync_directory(directory)
            if os.path.samefile(directory, self.location) or directory == os.path.dirname(directory):
                break
            directory = os.path.dirname(directory)
        self._ensure_location_group_id(full_path)
        return os.path.relpath(full_path, self.location).replace("\\", "/")


report_storage = AtomicFileSystemStorage()
