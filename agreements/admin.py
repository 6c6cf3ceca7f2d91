from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cdmx_global.access import records_for_user
from cdmx_global.admin import (
    RecordAdmin,
    RecordInline,
    TranslatedFieldsMixin,
    partial_date_column,
    period_column,
    related_names_column,
)
from cdmx_global.admin.filters import choices_filter, country_filter, year_filter
from cdmx_global.admin.spreadsheets import SpreadsheetExportMixin, SpreadsheetImportExportMixin

from .models import Action, Agreement, Commitment
from .resources import ActionResource, AgreementResource
from .services import commitment_save


class CommitmentInline(TranslatedFieldsMixin, admin.StackedInline):
    """An agreement's commitments, edited on its page: whoever may change the
    agreement may change them, and they are saved with it (``AgreementAdmin.save_formset``),
    under its version check; they are published when it is. Nothing entered is
    deleted: a commitment is corrected, and the history keeps what it said."""

    model = Commitment
    extra = 0
    fields = (
        "order",
        "objective",
        "text",
        "indicator",
        ("unit", "baseline", "target"),
        ("target_date", "target_date_precision"),
        "body",
    )
    # Any body may answer for a commitment: what a liaison may edit follows the agreement's body.
    autocomplete_fields = ("body",)

    def get_queryset(self, request):
        return records_for_user(user=request.user, queryset=super().get_queryset(request), body_path="agreement__body")

    def agreement_editable(self, request, agreement) -> bool:
        return agreement is None or self.admin_site.get_model_admin(Agreement).has_change_permission(request, agreement)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self.agreement_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.agreement_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False


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
    inlines = [CommitmentInline, ActionInline]
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

    def save_formset(self, request, form, formset, change):
        if formset.model is not Commitment:
            return super().save_formset(request, form, formset, change)
        for commitment in formset.save(commit=False):  # the new and the changed ones
            commitment_save(commitment=commitment, user=request.user)
        return None


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
