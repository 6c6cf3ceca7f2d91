from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import RecordAdmin, RecordInline, period_column
from cdmx_global.admin.filters import year_filter
from cdmx_global.admin.spreadsheets import SpreadsheetExportMixin, SpreadsheetImportExportMixin

from .models import HostedOffice, Membership, Network, Position
from .resources import HostedOfficeResource, MembershipResource, NetworkResource, PositionResource

PERIOD_FIELDS = (("start_on", "start_on_precision"), ("end_on", "end_on_precision"))


class MembershipInline(RecordInline):
    model = Membership
    fields = ("role", "start_on", "start_on_precision", "end_on", "end_on_precision", "body", "status")


class PositionInline(RecordInline):
    model = Position
    fields = (
        "title",
        "organ",
        "holder",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "body",
        "status",
    )


class HostedOfficeInline(RecordInline):
    model = HostedOffice
    fields = (
        "name",
        "host_body",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "body",
        "status",
    )
    autocomplete_fields = ("host_body",)


@admin.register(Network)
class NetworkAdmin(SpreadsheetExportMixin, RecordAdmin):
    resource_classes = [NetworkResource]
    list_display = ("name", "acronym", "scope", "convened_by", "body", "status")
    list_select_related = ("body", "convened_by")
    list_filter = ("scope", ("themes", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "acronym", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("convened_by", "themes", "sdgs")
    inlines = [MembershipInline, PositionInline, HostedOfficeInline]
    fieldsets = [
        (_("Identificación"), {"fields": ("name", "acronym", "slug", "scope", "convened_by", "description")}),
        (_("Responsable"), {"fields": ("body",)}),
        (_("Clasificación"), {"fields": ("themes", "sdgs")}),
    ]


class NetworkPartAdmin(RecordAdmin):
    """What the city holds within a network over a period."""

    list_select_related = ("body", "network")
    list_filter = (year_filter("start_on"), ("network", admin.RelatedOnlyFieldListFilter))
    autocomplete_fields = ("network",)


@admin.register(Membership)
class MembershipAdmin(SpreadsheetExportMixin, NetworkPartAdmin):
    resource_classes = [MembershipResource]
    list_display = ("network", "role", period_column(), "body", "status")
    search_fields = ("network__name", "network__acronym", "role", "notes")
    fieldsets = [
        (_("Membresía"), {"fields": ("network", "role")}),
        (_("Periodo"), {"fields": PERIOD_FIELDS}),
        (_("Responsable"), {"fields": ("body", "notes")}),
    ]


@admin.register(Position)
class PositionAdmin(SpreadsheetImportExportMixin, NetworkPartAdmin):
    resource_classes = [PositionResource]
    list_display = ("title", "network", "organ", "holder", period_column(), "body", "status")
    search_fields = ("title", "organ", "holder", "network__name", "network__acronym")
    fieldsets = [
        (_("Cargo"), {"fields": ("network", "title", "organ", "holder")}),
        (_("Periodo"), {"fields": PERIOD_FIELDS}),
        (_("Responsable"), {"fields": ("body", "notes")}),
    ]


@admin.register(HostedOffice)
class HostedOfficeAdmin(SpreadsheetExportMixin, NetworkPartAdmin):
    resource_classes = [HostedOfficeResource]
    list_display = ("name", "network", "host_body", period_column(), "body", "status")
    list_select_related = ("body", "network", "host_body")
    search_fields = ("name", "network__name", "network__acronym")
    autocomplete_fields = ("network", "host_body")
    fieldsets = [
        (_("Oficina"), {"fields": ("network", "name", "host_body")}),
        (_("Periodo"), {"fields": PERIOD_FIELDS}),
        (_("Responsable"), {"fields": ("body", "notes")}),
    ]
