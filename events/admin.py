from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cdmx_global.admin import (
    HistoryAdmin,
    RecordAdmin,
    partial_date_column,
    period_column,
    related_names_column,
)
from cdmx_global.access import records_for_user
from cdmx_global.admin.filters import choices_filter, country_filter, year_filter
from cdmx_global.admin.spreadsheets import SpreadsheetImportExportMixin

from .models import Award, Event, Visit, VisitGuest
from .resources import AwardResource, EventResource, VisitResource

PERIOD_FIELDS = (("start_on", "start_on_precision"), ("end_on", "end_on_precision"))


@admin.register(Event)
class EventAdmin(SpreadsheetImportExportMixin, RecordAdmin):
    resource_classes = [EventResource]
    list_display = ("name", "mode", "role", period_column(), "city", "country_name", "body", "status")
    list_filter = (
        "mode",
        "role",
        year_filter("start_on"),
        country_filter("country"),
        ("themes", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("name", "city", "description", "outcome", "organisers__name", "organisers__acronym")
    autocomplete_fields = ("parent", "organisers", "themes", "sdgs", "frameworks")
    fieldsets = [
        (_("Identificación"), {"fields": ("name", "mode", "role", "parent")}),
        (_("Fecha y lugar"), {"fields": (*PERIOD_FIELDS, "city", "country")}),
        (
            _("Participación"),
            {"fields": ("organisers", "participants", "participants_count", "body")},
        ),
        (_("Resultado"), {"fields": ("outcome", "description")}),
        (_("Clasificación"), {"fields": ("themes", "sdgs", "frameworks")}),
    ]

    @admin.display(description=Event._meta.get_field("country").verbose_name, ordering="country")
    def country_name(self, obj):
        return countries.name(obj.country) if obj.country else ""


class VisitGuestInline(admin.TabularInline):
    model = VisitGuest
    fields = ("order", "name", "position", "counterpart")
    autocomplete_fields = ("counterpart",)
    extra = 0


@admin.register(Visit)
class VisitAdmin(SpreadsheetImportExportMixin, RecordAdmin):
    resource_classes = [VisitResource]
    list_display = (
        "title",
        "direction",
        period_column(),
        related_names_column(Visit, "counterparts"),
        "honour",
        "body",
        "status",
    )
    list_prefetch_related = ("counterparts",)
    list_filter = (
        "direction",
        "honour",
        year_filter("start_on"),
        choices_filter("counterparts__region"),
        country_filter("counterparts__country"),
        ("themes", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = (
        "title",
        "delegation",
        "purpose",
        "outcome",
        "counterparts__name",
        "guests__name",
        "event__name",
    )
    autocomplete_fields = ("counterparts", "event", "themes")
    inlines = [VisitGuestInline]
    fieldsets = [
        (_("Identificación"), {"fields": ("direction", "title", "honour", "event")}),
        (_("Fechas y destinos"), {"fields": (*PERIOD_FIELDS, "counterparts")}),
        (_("Delegación y agenda"), {"fields": ("delegation", "body", "purpose", "outcome")}),
        (
            _("Gastos e informe"),
            {
                "fields": (
                    ("expenses", "expenses_currency"),
                    "report_document",
                    "report_delivered_on",
                ),
                "description": _(
                    "Ley General de Transparencia, artículo 65, fracción VIII. El Congreso pide el "
                    "informe de cada gira al extranjero dentro de los 15 días naturales posteriores al regreso."
                ),
            },
        ),
        (_("Clasificación"), {"fields": ("themes",)}),
    ]


@admin.register(VisitGuest)
class VisitGuestAdmin(HistoryAdmin):
    list_display = ("name", "position", "counterpart", "visit")
    list_select_related = ("visit", "counterpart")
    list_filter = (("visit", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("name", "position", "visit__title", "counterpart__name")
    autocomplete_fields = ("visit", "counterpart")
    fields = ("visit", "order", "name", "position", "counterpart")

    # Guests are edited on their visit's page, under the visit's version and review.

    def get_queryset(self, request):
        return records_for_user(user=request.user, queryset=super().get_queryset(request), body_path="visit__body")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Award)
class AwardAdmin(SpreadsheetImportExportMixin, RecordAdmin):
    resource_classes = [AwardResource]
    list_display = (
        "title",
        "direction",
        "category",
        partial_date_column(Award, "awarded_on"),
        related_names_column(Award, "granted_by"),
        "body",
        "status",
    )
    list_prefetch_related = ("granted_by",)
    list_filter = (
        "direction",
        "category",
        year_filter("awarded_on"),
        choices_filter("granted_by__region"),
        ("themes", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("title", "granted_by_text", "recognised_for", "description", "granted_by__name")
    autocomplete_fields = ("granted_by", "themes", "sdgs")
    fieldsets = [
        (
            _("Identificación"),
            {"fields": ("title", "direction", "category", ("awarded_on", "awarded_on_precision"))},
        ),
        (_("Otorgante"), {"fields": ("granted_by", "granted_by_text")}),
        (_("Reconocimiento"), {"fields": ("recognised_for", "description", "body")}),
        (_("Clasificación"), {"fields": ("themes", "sdgs")}),
    ]
