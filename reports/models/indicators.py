"""The internationalisation indicators and the values staff enter for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdmx_global.models import unique_message

from evaluations.semester_fields import SemesterFields, semester_constraints


class Dimension(models.TextChoices):
    """The three dimensions of measurement the book names (cap. II §4.3)."""

    INSTITUTIONAL = "institutional", _("Institucional")
    POLITICAL = "political", _("Política")
    TERRITORIAL = "territorial", _("Territorial")


class Indicator(models.Model):
    """An indicator of the city's internationalisation.

    ``computation`` names a function of ``reports.indicators`` that computes
    the value from the published records; empty means staff enter the value
    for each semester.
    """

    code = models.SlugField(
        _("clave"), max_length=60, unique=True, error_messages=unique_message(_("Ya existe un indicador con esa clave."))
    )
    name = models.CharField(_("nombre"), max_length=200)
    dimension = models.CharField(_("dimensión"), max_length=15, choices=Dimension.choices)
    definition = models.TextField(_("definición"))
    unit = models.CharField(_("unidad"), max_length=60)
    method = models.TextField(_("cómo se obtiene"))
    computation = models.CharField(
        _("cálculo automático"), max_length=60, blank=True,
        help_text=_("Vacío si el valor se captura cada semestre."),
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension", "order", "code"]
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return bool(self.computation)


class IndicatorValue(SemesterFields):
    """The value of an entered indicator for one semester."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("indicador"), on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("valor"), max_digits=16, decimal_places=2)
    source = models.CharField(_("fuente"), max_length=300, help_text=_("De dónde sale el valor."))
    note = models.TextField(_("nota"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("capturado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "-year", "-half"]
        verbose_name = _("valor de indicador")
        verbose_name_plural = _("valores de indicadores")
        constraints = [
            *semester_constraints("indicatorvalue"),
            models.UniqueConstraint(
                fields=["indicator", "year", "half"],
                name="indicatorvalue_one_per_semester",
                violation_error_message=_("Ese indicador ya tiene un valor para ese semestre."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.semester.label}"
