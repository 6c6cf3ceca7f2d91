"""The search index: one entry per published record of every public kind."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from cdmx_global.models import CachedChoiceLabels
from cdmx_global.translation import english


class EntryKind(models.TextChoices):
    AGREEMENT = "agreement", _("Acuerdo")
    ACTION = "action", _("Acción")
    COUNTERPART = "counterpart", _("Contraparte")
    NETWORK = "network", _("Red de ciudades")
    MEMBERSHIP = "membership", _("Membresía en una red")
    POSITION = "position", _("Cargo de dirección en una red")
    OFFICE = "office", _("Oficina albergada")
    EVENT = "event", _("Evento internacional")
    VISIT = "visit", _("Visita oficial")
    AWARD = "award", _("Premio o reconocimiento")


class SearchEntry(CachedChoiceLabels, models.Model):
    """What the search knows of one published record.

    ``title_terms`` and ``terms`` hold the stems of the record's words (see
    ``search.text``), each between spaces so that a whole stem is matched by
    ``contains(" stem ")``; ``terms`` holds every word, the title's included.
    On PostgreSQL ``search_vector`` holds the same stems, the title's weighted
    higher, under a GIN index (created by migration on PostgreSQL only).

    ``title_en`` and ``summary_en`` are the record's reviewed English title and
    summary, blank where it has none; ``title_terms_en`` and ``terms_en`` the
    English stems of its reviewed English texts and of the English names of
    what it links to. Only a published record whose translation is reviewed
    lends its English. In ``search_vector`` the Spanish stems weigh A (title)
    and B, the English ones C (title) and D, so that a query looks for each
    stem among the terms of its own language only (``search.selectors``).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(_("tipo de registro"), max_length=12, choices=EntryKind.choices, db_index=True)
    title = models.CharField(_("título"), max_length=500)
    title_en = english(title)
    summary = models.TextField(_("resumen"), blank=True)
    summary_en = english(summary)
    url = models.CharField(
        _("dirección"), max_length=300, help_text=_("La dirección del registro en español, sin prefijo de idioma.")
    )
    year = models.PositiveSmallIntegerField(_("año"), null=True, blank=True)
    # The record's own dates, copied when it is indexed: the search's feed
    # dates its entries without reading the records.
    published_at = models.DateTimeField(_("publicado"), null=True, blank=True)
    updated_at = models.DateTimeField(_("última actualización"))
    title_terms = models.TextField(blank=True)
    terms = models.TextField(blank=True)
    title_terms_en = models.TextField(blank=True)
    terms_en = models.TextField(blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("entrada del índice de búsqueda")
        verbose_name_plural = _("entradas del índice de búsqueda")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_one_per_record"),
        ]

    def __str__(self) -> str:
        return self.title
