"""Hashing an uploaded file as it arrives, without storing it.

The verify page only needs a file's SHA-256 and size. This upload handler
hashes each chunk as Django reads it from the request and keeps nothing, so
a large upload costs neither memory nor a temporary file; a file over the
limit is skipped (the rest of the request is read and dropped) and the form
says so.
"""

import hashlib
import io

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

#: The largest file the verify page hashes, unless ``settings.REPORT_VERIFY_MAX_BYTES``
#: says otherwise: well above any report's PDF.
VERIFY_MAX_BYTES = 50 * 1024 * 1024


def verify_max_bytes() -> int:
    return getattr(settings, "REPORT_VERIFY_MAX_BYTES", VERIFY_MAX_BYTES)


class HashedUpload(UploadedFile):
    """What is left of an upload once hashed: its name, size and SHA-256, no content."""

    def __init__(self, name: str, content_type: str, size: int, sha256: str):
        super().__init__(file=io.BytesIO(b""), name=name, content_type=content_type, size=size)
        self.sha256 = sha256


class HashingUploadHandler(FileUploadHandler):
    """Hashes every uploaded file chunk by chunk; the last handler any file reaches."""

    def __init__(self, request=None, max_bytes: int | None = None):
        super().__init__(request)
        self.max_bytes = verify_max_bytes() if max_bytes is None else max_bytes
        #: Names of the form fields whose file was over the limit.
        self.too_large: set[str] = set()

    def new_file(self, field_name, file_name, content_type, content_length, charset=None, content_type_extra=None):
        super().new_file(field_name, file_name, content_type, content_length, charset, content_type_extra)
        self.hasher = hashlib.sha256()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.too_large.add(self.field_name)
            raise SkipFile
        self.hasher.update(raw_data)
        # Nothing is passed on: no later handler stores the bytes.

    def file_complete(self, file_size):
        return HashedUpload(self.file_name, self.content_type, self.received, self.hasher.hexdigest())
