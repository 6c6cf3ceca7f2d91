"""The kernel's admin: the base classes, columns and filters every record app's
admin builds on (imported from here, e.g. ``from cdmx_global.admin import
RecordAdmin, period_column``), and the kernel's own models: the catalogues and
the counterparts.

- ``base``: ``HistoryAdmin``, ``PublishableAdmin``, ``RecordAdmin``, ``RecordInline``;
- ``columns``: list columns (partial dates, periods, related names);
- ``filters``: list filters (year, country, choices across a relation);
- ``transitions``: the review steps as buttons and bulk actions;
- ``translations``: the English twins beside the Spanish texts, the
  translation's status, filter and review;
- ``spreadsheets``: CSV/XLSX export and import.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from .base import (
    EMPTY,
    BodyScopeMixin,
    HistoryAdmin,
    PublishableAdmin,
    ReadableHistory,
    RecordAdmin,
    RecordInline,
    linkable_records,
    save_through_services,
)
from .columns import partial_date_column, period_column, related_names_column
from .filters import country_filter
from .transitions import ReviewStepsMixin, TransitionForm, transition_action
from .translations import TranslatedFieldsMixin, TranslationStatusMixin

__all__ = [
    "EMPTY",
    "BodyScopeMixin",
    "CounterpartAdmin",
    "FrameworkAdmin",
    "GovernmentBodyAdmin",
    "HistoryAdmin",
    "PublishableAdmin",
    "ReadableHistory",
    "RecordAdmin",
    "RecordInline",
    "ReviewStepsMixin",
    "SustainableDevelopmentGoalAdmin",
    "ThemeAdmin",
    "TransitionForm",
    "TranslatedFieldsMixin",
    "TranslationStatusMixin",
    "linkable_records",
    "partial_date_column",
    "period_column",
    "related_names_column",
    "save_through_services",
    "transition_action",
]


# Catalogues --------------------------------------------------------------------


@admin.register(GovernmentBody)
class GovernmentBodyAdmin(PublishableAdmin):
    list_display = ("name", "acronym", "kind", "status")
    list_filter = ("kind",)
    search_fields = ("name", "acronym", "slug")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = [(_("Identificación"), {"fields": ("name", "acronym", "slug", "kind")})]


@admin.register(Theme)
class ThemeAdmin(PublishableAdmin):
    list_display = ("name", "slug", "status")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    fieldsets = [(_("Identificación"), {"fields": ("name", "slug")})]


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(PublishableAdmin):
    list_display = ("number", "name", "status")
    list_display_links = ("number", "name")
    search_fields = ("name", "number__exact")
    fieldsets = [(_("Identificación"), {"fields": ("number", "name")})]


@admin.register(Framework)
class FrameworkAdmin(PublishableAdmin):
    list_display = ("name", "code", "adopted_year", "status")
    search_fields = ("name", "code", "description")
    prepopulated_fields = {"code": ("name",)}
    fieldsets = [
        (_("Identificación"), {"fields": ("name", "code", "adopted_year")}),
        (_("Contenido"), {"fields": ("description", "source_citation")}),
    ]


# Counterparts ------------------------------------------------------------------


@admin.register(Counterpart)
class CounterpartAdmin(RecordAdmin):
    list_display = ("name", "acronym", "kind", "country", "region", "is_un_system", "body", "status")
    list_filter = ("kind", "region", country_filter("country"), "is_un_system")
    search_fields = ("name", "acronym", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("region",)
    fieldsets = [
        (_("Identificación"), {"fields": ("name", "acronym", "slug", "kind", "is_un_system")}),
        (
            _("Ubicación"),
            {
                "fields": ("country", "region", ("latitude", "longitude")),
                "description": _("La región se deriva del país al guardar."),
            },
        ),
        (_("Descripción"), {"fields": ("description",)}),
        (_("Responsable"), {"fields": ("body",)}),
    ]
