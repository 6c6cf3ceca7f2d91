"""Signed documents (agreements, trip reports): PDF only, checked by content,
stored under generated names and served only through the guarded download view.

A model declares one with ``PdfDocumentField(_("…"), folder="agreements",
download_kind="acuerdos", blank=True)``: uploads land in
``documents/agreements/<uuid>.pdf`` and the file's ``.url`` is
``/documentos/acuerdos/<pk>/``, never ``MEDIA_URL``.
"""

import functools
import uuid
from pathlib import PurePath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

PDF_SIGNATURE = b"%PDF-"
MEGABYTE = 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:.3g}"


def validate_pdf_document(file) -> None:
    """Refuse ``file`` (an upload) unless it is a PDF within the size limit.

    The extension and the leading ``%PDF-`` are cheap first checks; the file
    must then parse as a PDF, so a renamed text, image or archive never passes.
    """
    limit = settings.DOCUMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("El archivo supera el tamaño máximo de %(limit)s MB."),
            code="document_too_large",
            params={"limit": _megabytes(limit)},
        )
    if PurePath(file.name or "").suffix.lower() != ".pdf":
        raise ValidationError(_("Sólo se aceptan archivos con extensión .pdf."), code="document_extension")
    file.seek(0)
    try:
        if file.read(len(PDF_SIGNATURE)) != PDF_SIGNATURE:
            raise ValidationError(_("El archivo no es un PDF válido."), code="not_pdf")
        file.seek(0)
        if not _parses_as_pdf(file):
            raise ValidationError(_("El archivo no es un PDF válido."), code="not_pdf")
    finally:
        file.seek(0)


def _parses_as_pdf(file) -> bool:
    try:
        reader = PdfReader(file)
        # An encrypted file has already shown a PDF's structure (header, cross-reference
        # table, trailer); its pages can't be counted without decrypting it.
        return reader.is_encrypted or len(reader.pages) > 0
    except Exception:  # A parser fed arbitrary bytes may fail in any way; each means "not a PDF".
        return False


class PdfFieldFile(FieldFile):
    """A stored document whose URL is the guarded download view, never the storage's."""

    @property
    def url(self) -> str:
        self._require_file()
        return reverse("document_download", kwargs={"kind": self.field.download_kind, "pk": self.instance.pk})


class PdfDocumentField(models.FileField):
    """A PDF attached to a record: validated by content, stored under a generated name.

    ``folder`` is where the files are stored (``documents/<folder>/``);
    ``download_kind`` names the document in its download URL.
    """

    attr_class = PdfFieldFile

    def __init__(self, verbose_name=None, name=None, *, folder: str, download_kind: str, **kwargs):
        self.folder = folder
        self.download_kind = download_kind
        kwargs["upload_to"] = self._storage_name
        super().__init__(verbose_name, name, **kwargs)

    def _storage_name(self, instance, filename: str) -> str:
        # Never the uploader's name: it can carry personal data, a path or a misleading extension.
        return f"documents/{self.folder}/{uuid.uuid4().hex}.pdf"

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["upload_to"]
        return name, path, args, {**kwargs, "folder": self.folder, "download_kind": self.download_kind}

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        # Only a new upload is checked; a document already stored was checked when it came in.
        if value and not value._committed:
            validate_pdf_document(value.file)

    def formfield(self, **kwargs):
        # The uploader's file name is not kept, so its length doesn't matter.
        field = super().formfield(**{"max_length": None, **kwargs})
        # Set on whichever widget the caller chose (the admin brings its own): the browser offers PDFs first.
        field.widget.attrs.setdefault("accept", "application/pdf,.pdf")
        return field


@functools.cache
def document_fields() -> dict[str, tuple[type[models.Model], str]]:
    """Every downloadable document: its ``download_kind`` → (model, field name)."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, PdfDocumentField):
                if field.download_kind in found:
                    raise ImproperlyConfigured(f"Two document fields share the kind {field.download_kind!r}.")
                found[field.download_kind] = (model, field.name)
    return found


def download_filename(record) -> str:
    """A readable, ASCII-safe name for the downloaded file: the record's code, or its title."""
    base = slugify(getattr(record, "code", "") or str(record))[:100].strip("-")
    return f"{base or f'{record._meta.model_name}-{record.pk}'}.pdf"
