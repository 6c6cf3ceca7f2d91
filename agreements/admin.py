from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import (
    RecordAdmin,
    RecordInline,
    partial_date_column,
    period_column,
    related_names_column,
)
from cdmx_global.admin.filters import choices_filter, country_filter, year_filter
from cdmx_global.admin.spreadsheets import SpreadsheetExportMixin, SpreadsheetImportExportMixin

from .models import Action, Agreement
from .resources import ActionResource, AgreementResource


class ActionInline(RecordInline):
    model = Action
    fields = (
        "title",
        "kind",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "body",
        "status",
    )


@admin.register(Agreement)
class AgreementAdmin(SpreadsheetImportExportMixin, RecordAdmin):
    resource_classes = [AgreementResource]
    list_display = (
        "title",
        "kind",
        partial_date_column(Agreement, "signed_on"),
        related_names_column(Agreement, "counterparts"),
        "validity",
        "body",
        "status",
    )
    list_prefetch_related = ("counterparts",)
    list_filter = (
        "kind",
        "validity",
        year_filter("signed_on"),
        choices_filter("counterparts__region"),
        country_filter("counterparts__country"),
        ("themes", admin.RelatedOnlyFieldListFilter),
        ("sdgs", admin.RelatedOnlyFieldListFilter),
        ("frameworks", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = (
        "code",
        "title",
        "purpose",
        "signed_place",
        "sre_opinion_number",
        "sre_registration_number",
        "counterparts__name",
        "counterparts__acronym",
    )
    autocomplete_fields = (
        "counterparts",
        "other_bodies",
        "renews",
        "themes",
        "sdgs",
        "frameworks",
        "signed_at_event",
    )
    inlines = [ActionInline]
    fieldsets = [
        (_("Identificación"), {"fields": ("code", "title", "kind", "purpose")}),
        (_("Partes"), {"fields": ("counterparts", "signatories", "body", "other_bodies")}),
        (
            _("Trámite jurídico"),
            {
                "fields": (
                    ("sre_opinion_on", "sre_opinion_on_precision"),
                    "sre_opinion_number",
                    "sre_opinion",
                    "sre_registration_number",
                    ("signed_on", "signed_on_precision"),
                    "signed_place",
                    "signed_period_note",
                ),
                "description": _("Ley sobre la Celebración de Tratados, artículos 2, fracción II, y 7."),
            },
        ),
        (
            _("Vigencia"),
            {
                "fields": (
                    "validity",
                    ("in_force_on", "in_force_on_precision"),
                    ("valid_until", "valid_until_precision"),
                    "is_indefinite",
                    ("ended_on", "ended_on_precision"),
                    "end_reason",
                    "renews",
                )
            },
        ),
        (
            _("Contenido"),
            {
                "fields": (
                    "terms",
                    ("amount", "currency"),
                    "modifications",
                    "signed_document",
                    "description",
                ),
                "description": _("Ley General de Transparencia, artículo 65, fracción XXV."),
            },
        ),
        (_("Clasificación"), {"fields": ("themes", "sdgs", "frameworks", "signed_at_event")}),
    ]


@admin.register(Action)
class ActionAdmin(SpreadsheetExportMixin, RecordAdmin):
    resource_classes = [ActionResource]
    list_display = (
        "title",
        "kind",
        period_column(),
        "agreement",
        related_names_column(Action, "counterparts"),
        "body",
        "status",
    )
    list_select_related = ("body", "agreement")
    list_prefetch_related = ("counterparts",)
    list_filter = (
        "kind",
        year_filter("start_on"),
        choices_filter("counterparts__region"),
        country_filter("counterparts__country"),
        ("themes", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "description", "place", "agreement__title", "agreement__code", "counterparts__name")
    autocomplete_fields = ("agreement", "counterparts", "themes", "sdgs", "frameworks")
    fieldsets = [
        (_("Identificación"), {"fields": ("title", "kind", "agreement", "description")}),
        (
            _("Realización"),
            {
                "fields": (
                    ("start_on", "start_on_precision"),
                    ("end_on", "end_on_precision"),
                    "place",
                    "counterparts",
                    "body",
                )
            },
        ),
        (
            _("Recursos y resultados"),
            {"fields": ("people_reached", "resources", ("amount", "currency"), "results")},
        ),
        (_("Clasificación"), {"fields": ("themes", "sdgs", "frameworks")}),
    ]
