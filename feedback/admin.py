"""Staff attend reports here: a liaison sees its own body's, CGAI every
body's. Resolving is writing the reply and choosing «Atendido» or
«Descartado»: the reply is emailed to the reader once, if they left an
address, and the address is forgotten. The address is never shown."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cdmx_global.access import records_for_user, user_handles_body
from cdmx_global.admin.filters import CheckedChangeListMixin

from . import services
from .models import ErrorReport, Status


class ResolveForm(forms.ModelForm):
    class Meta:
        model = ErrorReport
        fields = ("status", "reply", "internal_note")
        help_texts = {
            "status": _("Para cerrar el reporte, escriba la respuesta, elija «Atendido» o «Descartado» y guarde: "
                        "la respuesta se envía a quien reportó si dejó un correo."),
        }

    def clean(self):
        cleaned = super().clean()
        if self.instance.status == Status.NEW and cleaned.get("status") != Status.NEW \
                and not (cleaned.get("reply") or "").strip():
            self.add_error("reply", _("Escriba la respuesta antes de cerrar el reporte."))
        return cleaned


@admin.register(ErrorReport)
class ErrorReportAdmin(CheckedChangeListMixin, admin.ModelAdmin):
    form = ResolveForm
    list_display = ("created_at", "record_title", "body", "status", "wants_reply", "replied_at")
    list_filter = ("status", ("body", admin.RelatedOnlyFieldListFilter), "created_at")
    search_fields = ("record_title", "text")
    date_hierarchy = "created_at"
    list_select_related = ("body",)
    actions = None
    readonly = ("record_link", "body", "text", "created_at", "language", "wants_reply", "replied_at", "replied_by")

    def get_queryset(self, request):
        return records_for_user(user=request.user, queryset=super().get_queryset(request))

    def get_fieldsets(self, request, obj=None):
        return [
            (_("El reporte"), {"fields": ("record_link", "body", "text", "created_at", "language", "wants_reply")}),
            (_("La respuesta"), {"fields": ("status", "reply", "replied_at", "replied_by", "internal_note")}),
        ]

    def get_readonly_fields(self, request, obj=None):
        # ``replied_at`` and not the status: a form refused has already set the instance's status.
        if obj is not None and obj.replied_at is not None:
            return (*self.readonly, "status", "reply")
        return self.readonly

    @admin.display(description=_("registro"))
    def record_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.record_url, obj.record_title)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or user_handles_body(request.user, obj.body_id))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or user_handles_body(request.user, obj.body_id))

    def save_model(self, request, obj, form, change):
        closing = "status" in form.changed_data and obj.status != Status.NEW
        if not closing:
            obj.save(update_fields=[name for name in ("reply", "internal_note") if name in form.fields])
            return
        try:
            resolved = services.resolve(report=obj, user=request.user, status=obj.status, reply=obj.reply,
                                        internal_note=obj.internal_note)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return
        if resolved.wants_reply:
            messages.info(request, _("La respuesta se enviará por correo a quien reportó."))
