"""A reader's report of a mistake on a published record, and its answer.

The report keeps what staff need to answer it: the record (and its title and
public address as they were when it was reported), the body responsible for
it, the text and, only if the reader left one, an address for the answer.
No IP address is kept (the limits count clients in the cache only). The
address is blanked once the answer is queued, or ``ERROR_REPORT_RETENTION_DAYS``
after the report whatever its state (``feedback.services.forget_addresses``).
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The longest text a report may have.
TEXT_MAX_LENGTH = 3000


class Status(models.TextChoices):
    NEW = "new", _("Nuevo")
    ATTENDED = "attended", _("Atendido")
    DISMISSED = "dismissed", _("Descartado")


class Language(models.TextChoices):
    SPANISH = "es", _("Español")
    ENGLISH = "en", _("Inglés")


class ErrorReport(models.Model):
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("tipo de registro"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("id del registro"))
    record = GenericForeignKey("content_type", "object_id")
    record_title = models.CharField(_("registro"), max_length=500, help_text=_("El título cuando se reportó."))
    record_url = models.URLField(_("página del registro"), max_length=500)
    body = models.ForeignKey(
        "cdmx_global.GovernmentBody", verbose_name=_("área responsable"), on_delete=models.PROTECT,
        related_name="error_reports",
    )
    text = models.TextField(_("qué está mal"), max_length=TEXT_MAX_LENGTH)
    email = models.EmailField(_("correo para la respuesta"), blank=True)
    wants_reply = models.BooleanField(_("dejó un correo"), default=False, editable=False)
    language = models.CharField(_("idioma de la página"), max_length=2, choices=Language.choices,
                                default=Language.SPANISH)
    created_at = models.DateTimeField(_("recibido"), auto_now_add=True, db_index=True)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    reply = models.TextField(_("respuesta"), blank=True, max_length=TEXT_MAX_LENGTH,
                             help_text=_("Se envía a quien reportó, si dejó un correo."))
    replied_at = models.DateTimeField(_("respondido"), null=True, blank=True, editable=False)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("respondido por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    internal_note = models.TextField(_("nota interna"), blank=True, help_text=_("Sólo la ve el personal."))

    class Meta:
        verbose_name = _("reporte de error")
        verbose_name_plural = _("reportes de errores")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.record_title

    @property
    def is_closed(self) -> bool:
        return self.status != Status.NEW
