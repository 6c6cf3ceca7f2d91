"""Official visits (outgoing trips and incoming guests), international events
(hosted or attended) and awards (received or granted by the city)."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from cdmx_global.models import Record, published_facets_index
from cdmx_global.partial_dates import (
    DatePrecision,
    PartialDate,
    format_partial_period,
    partial_date_constraint,
    partial_date_fields,
    period_constraints,
)
from cdmx_global.signed_documents import PdfDocumentField
from cdmx_global.translation import english

#: Congress asks for the report of an official trip abroad within 15 calendar days of the return.
TRIP_REPORT_DAYS = 15


class Event(Record):
    class Mode(models.TextChoices):
        HOSTED = "hosted", _("Con sede en la Ciudad de México")
        ATTENDED = "attended", _("Participación en el extranjero")

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organizadora")
        CO_ORGANISER = "co_organiser", _("Coorganizadora")
        HOST = "host", _("Sede")
        PARTICIPANT = "participant", _("Participante")
        SPEAKER = "speaker", _("Ponente")

    name = models.CharField(_("nombre"), max_length=300)
    name_en = english(name)
    mode = models.CharField(_("modalidad"), max_length=10, choices=Mode.choices, db_index=True)
    role = models.CharField(_("papel de la Ciudad"), max_length=15, choices=Role.choices)
    start_on, start_on_precision = partial_date_fields(_("inicio"))
    end_on, end_on_precision = partial_date_fields(_("fin"))
    city = models.CharField(_("ciudad"), max_length=120, blank=True)
    country = CountryField(_("país"), blank=True, help_text=_("Vacío si la fuente no lo dice."))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("en el marco de"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    organisers = models.ManyToManyField(
        "cdmx_global.Counterpart", verbose_name=_("organizadores y aliados"), related_name="events", blank=True
    )
    participants = models.TextField(_("participantes"), blank=True, help_text=_("Quién participó por la Ciudad y quién asistió."))
    participants_count = models.PositiveIntegerField(_("número de participantes"), null=True, blank=True)
    outcome = models.TextField(_("resultado"), blank=True, help_text=_("Por ejemplo, una declaración firmada."))
    outcome_en = english(outcome)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="events", blank=True)
    sdgs = models.ManyToManyField(
        "cdmx_global.SustainableDevelopmentGoal", verbose_name=_("ODS"), related_name="events", blank=True
    )
    frameworks = models.ManyToManyField(
        "cdmx_global.Framework", verbose_name=_("marcos de la ONU"), related_name="events", blank=True
    )

    history = HistoricalRecords(m2m_fields=[organisers, themes, sdgs, frameworks])

    class Meta:
        ordering = [models.F("start_on").desc(nulls_last=True), "name"]
        verbose_name = _("evento internacional")
        verbose_name_plural = _("eventos internacionales")
        indexes = [published_facets_index("event", "mode", "role", "country", "body", "start_on")]
        constraints = [
            *period_constraints("event", _("El evento no puede terminar antes de empezar.")),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")),
                name="event_not_its_own_parent",
                violation_error_message=_("Un evento no puede celebrarse en el marco de sí mismo."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"pk": self.pk})

    @property
    def period(self) -> str:
        return format_partial_period(PartialDate.of(self, "start_on"), PartialDate.of(self, "end_on"))


class Visit(Record):
    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Gira al extranjero")
        INCOMING = "incoming", _("Visita recibida")

    class Honour(models.TextChoices):
        DISTINGUISHED_GUEST = "guest", _("Huésped distinguido")
        DISTINGUISHED_VISITOR = "visitor", _("Visitante distinguido")

    direction = models.CharField(_("tipo de visita"), max_length=8, choices=Direction.choices, db_index=True)
    title = models.CharField(_("título"), max_length=300)
    title_en = english(title)
    start_on, start_on_precision = partial_date_fields(_("inicio"))
    end_on, end_on_precision = partial_date_fields(_("regreso o fin"))
    counterparts = models.ManyToManyField(
        "cdmx_global.Counterpart",
        verbose_name=_("destinos o procedencia"),
        related_name="visits",
        blank=True,
    )
    delegation = models.TextField(
        _("delegación de la Ciudad"), blank=True, help_text=_("Quién viajó o recibió por la Ciudad.")
    )
    honour = models.CharField(_("distinción"), max_length=8, choices=Honour.choices, blank=True)
    event = models.ForeignKey(
        Event, verbose_name=_("en el marco del evento"), on_delete=models.SET_NULL, null=True, blank=True, related_name="visits"
    )
    purpose = models.TextField(_("objetivo"), blank=True)
    purpose_en = english(purpose)
    outcome = models.TextField(_("resultados"), blank=True)
    outcome_en = english(outcome)
    # Ley General de Transparencia, art. 65 fr. VIII: travel expenses and the report of each trip.
    expenses = models.DecimalField(_("gastos de viaje (viáticos)"), max_digits=14, decimal_places=2, null=True, blank=True)
    expenses_currency = models.CharField(_("moneda de los gastos"), max_length=3, blank=True)
    report_document = PdfDocumentField(
        _("informe del viaje"), folder="trip-reports", download_kind="informes-de-viaje", blank=True,
        help_text=_("El informe entregado al Congreso, en PDF."),
    )
    report_delivered_on = models.DateField(_("fecha de entrega del informe al Congreso"), null=True, blank=True)
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="visits", blank=True)

    history = HistoricalRecords(m2m_fields=[counterparts, themes])

    class Meta:
        ordering = [models.F("start_on").desc(nulls_last=True), "title"]
        verbose_name = _("visita oficial")
        verbose_name_plural = _("visitas oficiales")
        indexes = [published_facets_index("visit", "direction", "body", "start_on")]
        constraints = [
            *period_constraints("visit", _("El regreso no puede ser anterior a la salida.")),
            models.CheckConstraint(
                condition=Q(honour="") | Q(direction="incoming"),
                name="visit_honour_only_for_incoming",
                violation_error_message=_("Sólo una visita recibida puede llevar distinción de huésped."),
            ),
            models.CheckConstraint(
                condition=Q(expenses__isnull=True) | (Q(expenses__gte=0) & ~Q(expenses_currency="")),
                name="visit_expenses_not_negative_with_currency",
                violation_error_message=_("Los gastos no pueden ser negativos y requieren moneda."),
            ),
            models.CheckConstraint(
                condition=Q(report_delivered_on__isnull=True) | Q(direction="outgoing"),
                name="visit_report_only_for_outgoing",
                violation_error_message=_("Sólo una gira al extranjero lleva informe al Congreso."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:visit_detail", kwargs={"pk": self.pk})

    @property
    def period(self) -> str:
        return format_partial_period(PartialDate.of(self, "start_on"), PartialDate.of(self, "end_on"))

    @property
    def report_due_on(self) -> datetime.date | None:
        """Fifteen calendar days after the return, for a trip whose return day is known."""
        if self.direction != self.Direction.OUTGOING or self.end_on_precision != DatePrecision.DAY:
            return None
        return self.end_on + datetime.timedelta(days=TRIP_REPORT_DAYS)


class VisitGuest(models.Model):
    """One person of an incoming visit; visible only through its visit."""

    visit = models.ForeignKey(Visit, verbose_name=_("visita"), on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("nombre"), max_length=250)
    position = models.CharField(_("cargo"), max_length=300, blank=True)
    counterpart = models.ForeignKey(
        "cdmx_global.Counterpart",
        verbose_name=_("representa a"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visit_guests",
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["visit", "order", "pk"]
        verbose_name = _("persona visitante")
        verbose_name_plural = _("personas visitantes")

    def __str__(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


class Award(Record):
    class Direction(models.TextChoices):
        RECEIVED = "received", _("Recibido por la Ciudad")
        GRANTED = "granted", _("Otorgado por la Ciudad")

    class Category(models.TextChoices):
        SUSTAINABLE_DEVELOPMENT = "sustainable_development", _("Desarrollo sostenible")
        URBAN_INNOVATION = "urban_innovation", _("Innovación urbana")
        QUALITY_OF_LIFE = "quality_of_life", _("Calidad de vida")
        HEALTH = "health", _("Salud")
        TOURISM = "tourism", _("Turismo")
        GOVERNANCE_INNOVATION = "governance_innovation", _("Innovación en la gobernanza")
        CULTURE = "culture", _("Cultura")

    title = models.CharField(_("premio o reconocimiento"), max_length=500)
    title_en = english(title)
    direction = models.CharField(_("sentido"), max_length=8, choices=Direction.choices, default=Direction.RECEIVED)
    category = models.CharField(_("categoría"), max_length=25, choices=Category.choices)
    awarded_on, awarded_on_precision = partial_date_fields(_("fecha"))
    granted_by = models.ManyToManyField(
        "cdmx_global.Counterpart", verbose_name=_("otorgado por"), related_name="awards_granted", blank=True
    )
    granted_by_text = models.CharField(
        _("otorgante según la fuente"), max_length=500, blank=True
    )
    recognised_for = models.TextField(_("programa o proyecto reconocido"), blank=True)
    recognised_for_en = english(recognised_for)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="awards", blank=True)
    sdgs = models.ManyToManyField(
        "cdmx_global.SustainableDevelopmentGoal", verbose_name=_("ODS"), related_name="awards", blank=True
    )

    history = HistoricalRecords(m2m_fields=[granted_by, themes, sdgs])

    class Meta:
        ordering = [models.F("awarded_on").desc(nulls_last=True), "title"]
        verbose_name = _("premio o reconocimiento")
        verbose_name_plural = _("premios y reconocimientos")
        indexes = [published_facets_index("award", "direction", "category", "body", "awarded_on")]
        constraints = [partial_date_constraint("award", "awarded_on")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:award_detail", kwargs={"pk": self.pk})

    @property
    def awarded(self) -> str:
        return str(PartialDate.of(self, "awarded_on"))
