"""The evidence files of an evaluation: a PDF, checked as the signed
documents are (``cdmx_global.signed_documents``), or an image, checked by
its content (Pillow must read it whole as the format its extension names).
Kept for staff: nothing serves them to the public."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from cdmx_global.signed_documents import validate_pdf_document

#: The image formats accepted, by extension.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}


def validate_evidence(file) -> None:
    """Refuse ``file`` unless it is a whole PDF or image of what its extension says."""
    suffix = PurePath(file.name or "").suffix.lower()
    if suffix == ".pdf":
        validate_pdf_document(file)
        return
    expected = IMAGE_FORMATS.get(suffix)
    if expected is None:
        raise ValidationError(
            _("Sólo se aceptan PDF o imágenes PNG, JPEG o WebP (extensión .pdf, .png, .jpg, .jpeg o .webp)."),
            code="evidence_extension",
        )
    if file.size > settings.DOCUMENT_MAX_BYTES:
        raise ValidationError(
            _("El archivo supera el tamaño máximo de %(limit)s MB."),
            code="document_too_large",
            params={"limit": f"{settings.DOCUMENT_MAX_BYTES / (1024 * 1024):.3g}"},
        )
    file.seek(0)
    try:
        with Image.open(file) as image:
            found = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("El archivo «%(name)s» no es una imagen válida."), code="not_image", params={"name": file.name}
        ) from None
    finally:
        file.seek(0)
    if found != expected:
        raise ValidationError(
            _("El archivo «%(name)s» no es una imagen %(expected)s: su contenido es %(found)s."),
            code="image_mismatch", params={"name": file.name, "expected": expected, "found": found},
        )


def evidence_path(instance, filename: str) -> str:
    return f"evaluaciones/{instance.evaluation.year}-{instance.evaluation.half}/{instance.evaluation_id}/{filename}"


class EvidenceFieldFile(FieldFile):
    """An evidence file's address is the admin's guarded download, never the storage's."""

    @property
    def url(self) -> str:
        return reverse("admin:evaluations_agreementevaluation_evidence", args=[self.instance.evaluation_id, self.instance.pk])


class EvidenceField(models.FileField):
    attr_class = EvidenceFieldFile
