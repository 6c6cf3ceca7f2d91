"""Staff data entry for what every app shares, and the admin pieces the record
apps build on: the base classes, the list columns and the readable history."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _, ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .admin_filters import country_filter
from .models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from .partial_dates import PartialDate, format_partial_period

EMPTY = "—"


# List columns ------------------------------------------------------------------


def partial_date_column(model, field: str):
    """A changelist column showing ``field`` at its precision: «2014», «noviembre de 2014»."""

    @admin.display(description=model._meta.get_field(field).verbose_name, ordering=field)
    def column(obj):
        return str(PartialDate.of(obj, field))

    column.__name__ = f"{field}_display"
    return column


def period_column(start: str = "start_on", end: str = "end_on"):
    """A changelist column with the period between two partial dates: «2014–2016»."""

    @admin.display(description=_("periodo"), ordering=start)
    def column(obj):
        return format_partial_period(PartialDate.of(obj, start), PartialDate.of(obj, end))

    column.__name__ = "period_display"
    return column


def related_names_column(model, field: str, shown: int = 3):
    """A changelist column naming the first records of a many-to-many field.

    The admin using it lists ``field`` in ``list_prefetch_related``.
    """

    @admin.display(description=model._meta.get_field(field).verbose_name)
    def column(obj):
        related = [str(item) for item in getattr(obj, field).all()]
        if len(related) <= shown:
            return ", ".join(related)
        rest = len(related) - shown
        more = ngettext("y %(count)d más", "y %(count)d más", rest) % {"count": rest}
        return f"{', '.join(related[:shown])} {more}"

    column.__name__ = f"{field}_summary"
    return column


# History -----------------------------------------------------------------------


class ReadableHistory(HistoricalRecordContextHelper):
    """Shows a change as staff read it: choice labels, «Sí»/«No», a dash for nothing."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if value is None or value == "" or value == []:
            return EMPTY
        if field.choices and not field.many_to_many:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("Sí") if value else _("No")
        return super().prepare_delta_change_value(change, value)


# Base classes ------------------------------------------------------------------


class HistoryAdmin(SimpleHistoryAdmin):
    """Every admin: its «Historial» lists who changed which fields, from what to what, and when."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)


class PublishableAdmin(HistoryAdmin):
    """Every model with a publication status: the status and the timestamps close the form.

    Subclasses declare their own ``fieldsets``, ``list_filter`` and
    ``readonly_fields``; this class adds what they all share.
    """

    publication_fields = ("status", ("created_at", "updated_at"))
    list_prefetch_related = ()

    def get_fieldsets(self, request, obj=None):
        if not self.fieldsets:
            return super().get_fieldsets(request, obj)
        return [*self.fieldsets, (_("Publicación"), {"fields": self.publication_fields})]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "created_at", "updated_at")

    def get_list_filter(self, request):
        return ("status", *super().get_list_filter(request))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(*self.list_prefetch_related)


class RecordAdmin(PublishableAdmin):
    """A record of the city's action: it also names the responsible body and its source."""

    publication_fields = ("status", "source_citation", "source_excerpt", ("created_at", "updated_at"))
    list_select_related = ("body",)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ("body", admin.RelatedOnlyFieldListFilter))

    def get_autocomplete_fields(self, request):
        return ("body", *super().get_autocomplete_fields(request))


class RecordInline(admin.TabularInline):
    """A record edited inside its parent; the full form is one click away."""

    extra = 0
    show_change_link = True

    def get_autocomplete_fields(self, request):
        return ("body", *super().get_autocomplete_fields(request))


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
