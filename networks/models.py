"""City networks, the city's memberships, its leadership positions and the
network offices it hosts."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdmx_global.models import Record, unique_message
from cdmx_global.translation import english, translated_name
from cdmx_global.partial_dates import (
    PartialDate,
    format_partial_period,
    partial_date_fields,
    period_constraints,
)


class Network(Record):
    class Scope(models.TextChoices):
        GLOBAL = "global", _("Global")
        REGIONAL = "regional", _("Regional")
        THEMATIC = "thematic", _("Temática")

    name = models.CharField(
        _("nombre"), max_length=250, unique=True, error_messages=unique_message(_("Ya existe una red con ese nombre."))
    )
    name_en = english(name)
    acronym = models.CharField(_("siglas"), max_length=40, blank=True)
    slug = models.SlugField(
        _("clave"), max_length=120, unique=True, error_messages=unique_message(_("Ya existe una red con esa clave."))
    )
    scope = models.CharField(_("alcance"), max_length=10, choices=Scope.choices)
    convened_by = models.ForeignKey(
        "cdmx_global.Counterpart",
        verbose_name=_("convocada por"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="convened_networks",
        help_text=_("Organismo que creó o convoca la red, p. ej. UNESCO."),
    )
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="networks", blank=True)
    sdgs = models.ManyToManyField(
        "cdmx_global.SustainableDevelopmentGoal", verbose_name=_("ODS"), related_name="networks", blank=True
    )

    history = HistoricalRecords(m2m_fields=[themes, sdgs])

    class Meta:
        ordering = ["name"]
        verbose_name = _("red de ciudades")
        verbose_name_plural = _("redes de ciudades")

    def __str__(self) -> str:
        name = translated_name(self)
        return f"{name} ({self.acronym})" if self.acronym else name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"slug": self.slug})


class NetworkPart(Record):
    """Something the city holds within a network, over a period."""

    start_on, start_on_precision = partial_date_fields(_("desde"))
    end_on, end_on_precision = partial_date_fields(_("hasta"))
    notes = models.TextField(_("notas"), blank=True)
    notes_en = english(notes)

    #: The anchor of this part on its network's page.
    anchor_prefix = ""

    class Meta:
        abstract = True

    @property
    def anchor(self) -> str:
        return f"{self.anchor_prefix}-{self.pk}"

    def get_absolute_url(self) -> str:
        """Memberships, positions and offices are shown on their network's page."""
        return f"{self.network.get_absolute_url()}#{self.anchor}"

    @property
    def period(self) -> str:
        return format_partial_period(PartialDate.of(self, "start_on"), PartialDate.of(self, "end_on"))


def _period_constraints(model_name: str):
    return period_constraints(model_name, _("El periodo no puede terminar antes de empezar."))


class Membership(NetworkPart):
    network = models.ForeignKey(
        Network, verbose_name=_("red"), on_delete=models.PROTECT, related_name="memberships"
    )
    anchor_prefix = "membresia"

    role = models.CharField(
        _("tipo de membresía"), max_length=120, default="Miembro", help_text=_("Miembro, miembro fundador, socio…")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["network__name", models.F("start_on").asc(nulls_first=True)]
        verbose_name = _("membresía")
        verbose_name_plural = _("membresías")
        constraints = _period_constraints("membership")

    def __str__(self) -> str:
        return f"{self.role} — {self.network}"


class Position(NetworkPart):
    network = models.ForeignKey(Network, verbose_name=_("red"), on_delete=models.PROTECT, related_name="positions")
    anchor_prefix = "cargo"

    title = models.CharField(_("cargo"), max_length=250)
    title_en = english(title)
    organ = models.CharField(_("órgano"), max_length=250, blank=True, help_text=_("Órgano de dirección de la red."))
    organ_en = english(organ)
    holder = models.CharField(
        _("titular"), max_length=250, blank=True, help_text=_("Quién ejerce el cargo por la Ciudad, si la fuente lo dice.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["network__name", models.F("start_on").asc(nulls_first=True), "title"]
        verbose_name = _("cargo de dirección")
        verbose_name_plural = _("cargos de dirección")
        constraints = _period_constraints("position")

    def __str__(self) -> str:
        return f"{self.title} — {self.network}"


class HostedOffice(NetworkPart):
    anchor_prefix = "oficina"

    network = models.ForeignKey(
        Network, verbose_name=_("red"), on_delete=models.PROTECT, related_name="hosted_offices"
    )
    name = models.CharField(_("nombre de la oficina"), max_length=250)
    name_en = english(name)
    host_body = models.ForeignKey(
        "cdmx_global.GovernmentBody",
        verbose_name=_("dependencia que la alberga"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_offices",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["network__name", "name"]
        verbose_name = _("oficina albergada")
        verbose_name_plural = _("oficinas albergadas")
        constraints = _period_constraints("hostedoffice")

    def __str__(self) -> str:
        return self.name
