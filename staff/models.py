"""Who the staff are: each account's government body, which scopes what a liaison sees."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("usuario"), on_delete=models.CASCADE, related_name="staff_profile"
    )
    body = models.ForeignKey(
        "cdmx_global.GovernmentBody",
        verbose_name=_("dependencia"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_profiles",
        help_text=_("Un enlace sólo ve y edita los registros de su dependencia."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perfil de personal")
        verbose_name_plural = _("perfiles de personal")
        permissions = [
            ("review_records", _("Puede publicar, retirar, restaurar y devolver registros")),
            ("edit_any_body", _("Puede ver y editar los registros de cualquier dependencia")),
        ]

    def __str__(self) -> str:
        return str(self.user)
