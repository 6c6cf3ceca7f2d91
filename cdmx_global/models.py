"""What every app shares: the publication workflow, the source citation,
government bodies, themes, the 17 ODS, the UN frameworks and counterparts."""

from functools import cache

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from .labels import country_name
from .published import PublicationStatus, PublishableQuerySet
from .regions import Region, region_for_country
from .translation import Translatable, english, translated_name


def unique_message(message) -> dict:
    """``error_messages`` for a unique field: a sentence a person can act on."""
    return {"unique": message}


@cache
def _choice_labels(field: models.Field, language: str | None) -> dict:
    """A field's choices as {value: label} in ``language``, made once: Django's
    ``get_FOO_display`` rebuilds the mapping on every call, translating every
    label of the field to hash it, which on a list of 25 records adds up."""
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


class CachedChoiceLabels:
    """``get_FOO_display`` from labels translated once per field and language."""

    def _get_FIELD_display(self, field):
        if not isinstance(field.choices, list):  # callable choices may change: Django's own way
            return super()._get_FIELD_display(field)
        value = getattr(self, field.attname)
        return _choice_labels(field, get_language()).get(make_hashable(value), value)


class Publishable(CachedChoiceLabels, models.Model):
    """A model the public can see: it carries a publication status.

    The default manager stays unfiltered so staff see drafts; every public
    read starts from ``.published()``.
    """

    status = models.CharField(
        _("estado de publicación"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)
    version = models.PositiveIntegerField(
        _("versión"),
        default=1,
        editable=False,
        help_text=_("Sube con cada cambio guardado; una edición hecha sobre una versión anterior se rechaza."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Every save is a new version, so a form opened on an older one can tell
        # that someone else saved meanwhile (see cdmx_global.versioning).
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        super().save(*args, **kwargs)


class Catalogue(Publishable):
    """A catalogue entry managed by administrators; published once created."""

    status = models.CharField(
        _("estado de publicación"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
        db_index=True,
    )

    class Meta:
        abstract = True


def published_facets_index(model_name: str, *fields: str) -> models.Index:
    """The published rows' id and the columns a list's facets group them by
    (its choices, area, dates): the facets read this narrow index, not the
    whole row with its texts in two languages."""
    return models.Index(
        fields=["id", *fields], condition=Q(status=PublicationStatus.PUBLISHED), name=f"{model_name}_published_facets"
    )


class Record(Translatable, Publishable):
    """A record of the city's international action.

    It states the area responsible for it (Ley General de Transparencia, art. 58)
    and where its facts come from.
    """

    body = models.ForeignKey(
        "cdmx_global.GovernmentBody",
        verbose_name=_("área responsable"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Dependencia responsable del registro y de su actualización."),
    )
    source_citation = models.CharField(
        _("fuente"),
        max_length=300,
        blank=True,
        help_text=_("Dónde consta el dato, p. ej. «CDMX Global (2018), cap. I §4.1»."),
    )
    source_excerpt = models.TextField(
        _("texto de la fuente"), blank=True, help_text=_("El pasaje de la fuente que sostiene el registro.")
    )

    # Who moved the record through review and publication, and when; the
    # history keeps every earlier step.
    submitted_at = models.DateTimeField(_("enviado a revisión"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enviado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    published_at = models.DateTimeField(_("publicado"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("publicado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("retirado"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("retirado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    review_note = models.TextField(
        _("observaciones de revisión"), blank=True, editable=False,
        help_text=_("Por qué se devolvió a borrador o se retiró."),
    )

    class Meta:
        abstract = True


class GovernmentBody(Catalogue):
    class Kind(models.TextChoices):
        HEAD_OF_GOVERNMENT = "head", _("Jefatura de Gobierno")
        COORDINATION = "coordination", _("Coordinación general")
        SECRETARIAT = "secretariat", _("Secretaría")
        DECENTRALISED = "decentralised", _("Órgano desconcentrado")
        ENTITY = "entity", _("Entidad paraestatal")
        AUTONOMOUS = "autonomous", _("Organismo autónomo")
        FEDERAL = "federal", _("Dependencia federal")
        OTHER = "other", _("Otra")

    name = models.CharField(
        _("nombre"), max_length=200, unique=True,
        error_messages=unique_message(_("Ya existe una dependencia con ese nombre.")),
    )
    name_en = english(name)
    acronym = models.CharField(_("siglas"), max_length=30, blank=True)
    slug = models.SlugField(
        _("clave"), max_length=80, unique=True,
        error_messages=unique_message(_("Ya existe una dependencia con esa clave.")),
    )
    kind = models.CharField(_("tipo"), max_length=15, choices=Kind.choices, default=Kind.SECRETARIAT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("dependencia")
        verbose_name_plural = _("dependencias")

    def __str__(self) -> str:
        name = translated_name(self)
        return f"{name} ({self.acronym})" if self.acronym else name



class Theme(Catalogue):
    name = models.CharField(
        _("nombre"), max_length=120, unique=True, error_messages=unique_message(_("Ya existe un tema con ese nombre."))
    )
    name_en = english(name)
    slug = models.SlugField(
        _("clave"), max_length=80, unique=True, error_messages=unique_message(_("Ya existe un tema con esa clave."))
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("tema")
        verbose_name_plural = _("temas")

    def __str__(self) -> str:
        return translated_name(self)



class SustainableDevelopmentGoal(Catalogue):
    number = models.PositiveSmallIntegerField(
        _("número"), unique=True, error_messages=unique_message(_("Ya existe el ODS con ese número."))
    )
    name = models.CharField(_("nombre"), max_length=200)
    name_en = english(name)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("Objetivo de Desarrollo Sostenible")
        verbose_name_plural = _("Objetivos de Desarrollo Sostenible")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17),
                name="sdg_number_between_1_and_17",
                violation_error_message=_("Los ODS van del 1 al 17."),
            )
        ]

    def __str__(self) -> str:
        return _("ODS %(number)s. %(name)s") % {"number": self.number, "name": translated_name(self)}



class Framework(Catalogue):
    """A UN framework the city's action serves (Agenda 2030, Paris, Sendai, NUA)."""

    code = models.SlugField(
        _("clave"), max_length=40, unique=True, error_messages=unique_message(_("Ya existe un marco con esa clave."))
    )
    name = models.CharField(
        _("nombre"), max_length=200, unique=True, error_messages=unique_message(_("Ya existe un marco con ese nombre."))
    )
    name_en = english(name)
    adopted_year = models.PositiveSmallIntegerField(_("año de adopción"), null=True, blank=True)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)
    source_citation = models.CharField(_("fuente"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["adopted_year", "name"]
        verbose_name = _("marco de Naciones Unidas")
        verbose_name_plural = _("marcos de Naciones Unidas")

    def __str__(self) -> str:
        return translated_name(self)



class Counterpart(Record):
    """Whoever the city deals with abroad: a city, a state, a country, an
    organisation, a network, a civil-society, academic or private body."""

    class Kind(models.TextChoices):
        CITY = "city", _("Ciudad o gobierno local")
        STATE = "state", _("Estado, provincia o región")
        NATIONAL = "national", _("Gobierno nacional o dependencia nacional")
        INTERNATIONAL_ORG = "international_org", _("Organismo internacional")
        NETWORK = "network", _("Red de ciudades")
        CIVIL_SOCIETY = "civil_society", _("Sociedad civil")
        ACADEMIC = "academic", _("Institución académica")
        PRIVATE = "private", _("Sector privado")
        PERSON = "person", _("Persona")

    PLACE_KINDS = (Kind.CITY, Kind.STATE, Kind.NATIONAL)

    name = models.CharField(_("nombre"), max_length=250)
    name_en = english(name)
    acronym = models.CharField(_("siglas"), max_length=40, blank=True)
    slug = models.SlugField(
        _("clave"), max_length=120, unique=True,
        error_messages=unique_message(_("Ya existe una contraparte con esa clave.")),
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    country = CountryField(_("país"), blank=True)
    region = models.CharField(
        _("región"), max_length=15, choices=Region.choices, blank=True, editable=False, db_index=True
    )
    is_un_system = models.BooleanField(
        _("sistema de Naciones Unidas"),
        default=False,
        help_text=_("Sólo para organismos internacionales que forman parte del sistema de la ONU."),
    )
    latitude = models.DecimalField(_("latitud"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitud"), max_digits=8, decimal_places=5, null=True, blank=True)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contraparte")
        verbose_name_plural = _("contrapartes")
        # Its own facets, and the region and country of the records linked to it.
        indexes = [published_facets_index("counterpart", "kind", "region", "country", "is_un_system")]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"],
                name="counterpart_unique_name_per_country",
                violation_error_message=_("Ya existe una contraparte con ese nombre en ese país."),
            ),
            models.CheckConstraint(
                condition=Q(is_un_system=False) | Q(kind="international_org"),
                name="counterpart_un_system_only_for_organisations",
                violation_error_message=_(
                    "Sólo un organismo internacional puede pertenecer al sistema de Naciones Unidas."
                ),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="counterpart_coordinates_both_or_neither",
                violation_error_message=_("Indique latitud y longitud juntas, o ninguna."),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="counterpart_coordinates_in_range",
                violation_error_message=_(
                    "La latitud va de -90 a 90 y la longitud de -180 a 180."
                ),
            ),
        ]

    def __str__(self) -> str:
        if self.country and self.kind in self.PLACE_KINDS and self.kind != self.Kind.NATIONAL:
            # The name made once per language (``labels``), not translated again for each record.
            return f"{translated_name(self)}, {country_name(self.country)}"
        return translated_name(self)

    def get_absolute_url(self) -> str:
        return reverse("portal:counterpart_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.region = region_for_country(self.country.code if self.country else "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "country" in update_fields:
            kwargs["update_fields"] = {*update_fields, "region"}
        super().save(*args, **kwargs)



class ContentGeneration(models.Model):
    """One number that changes whenever anything a public page may show is
    saved, deleted or relinked (``cdmx_global.pagecache``). Cached pages are
    kept under the number they were made with, so a change retires them all
    at once, in every worker and on every server that shares the database."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("generación del contenido público")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="content_generation_single_row")]

    def __str__(self) -> str:
        return str(self.value)


# The public change log's models live with its rules (cdmx_global.changelog).
from .changelog import ChangeSequence, PublicChange  # noqa: E402, F401
