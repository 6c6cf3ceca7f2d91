"""The admin classes every app's admin builds on: the readable history, the
publishable and record admins with their body scope, and the inline record.

Saving goes through the kernel's services (``record_create``/``record_update``):
the form's version check (``cdmx_global.versioning``) shows a refusal on the
form, the service repeats it under the row lock with the body rule and the
model's validation, and writes the record, its links and one history row.
"""

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from ..access import body_of, records_for_user, user_sees_every_body
from ..models import GovernmentBody, Publishable, PublicationStatus, Record
from ..services import record_create, record_update, transitions_for
from ..versioning import VersionedInlineForm, VersionedModelForm
from .filters import CheckedChangeListMixin
from .public_note import PUBLIC_NOTE, PublicNoteMixin
from .transitions import ReviewStepsMixin
from .translations import TranslatedFieldsMixin, TranslationStatusMixin

EMPTY = "—"


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


class HistoryAdmin(TranslatedFieldsMixin, CheckedChangeListMixin, SimpleHistoryAdmin):
    """Every admin: its «Historial» lists who changed which fields, from what to what, and when;
    its list refuses filter values the database cannot take; each Spanish text has its
    English twin beside it on the form (``.translations``)."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A past version is shown, never saved back: with reverting off
        # (SIMPLE_HISTORY_REVERT_DISABLED) simple_history still saves what its
        # form posts, past the record's change rules (a liaison's published record).
        if request.method == "POST" and self.revert_disabled(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class PublishableAdmin(HistoryAdmin):
    """Every model with a publication status: the status and the timestamps close the form.

    Nothing is deleted: a record leaves the public by being withdrawn, so the
    delete permission, action and page do not exist. Forms carry the version
    they were opened on (see ``cdmx_global.versioning``).

    Subclasses declare their own ``fieldsets``, ``list_filter`` and
    ``readonly_fields``; this class adds what they all share.
    """

    form = VersionedModelForm
    publication_fields = ("status", ("created_at", "updated_at"), "seen_version")
    list_prefetch_related = ()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.fieldsets:
            return fieldsets
        return [*fieldsets, (_("Publicación"), {"fields": self.publication_fields})]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "created_at", "updated_at")

    def get_list_filter(self, request):
        return ("status", *super().get_list_filter(request))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(*self.list_prefetch_related)

    def has_delete_permission(self, request, obj=None):
        return False

    def delete_view(self, request, object_id, extra_context=None):
        raise Http404(_("Los registros no se borran: se retiran."))

    # Saving: the record and its links through the services; its inline records too.

    def save_model(self, request, obj, form, change):
        save_through_services(form, user=request.user)

    def save_related(self, request, form, formsets, change):
        # The record's many-to-many links were saved with it, in ``save_model``.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Publishable):
            return super().save_formset(request, form, formset, change)
        saved = {id(obj) for obj in formset.save(commit=False)}  # new and changed, and their lists
        for inline_form in formset.forms:
            if id(inline_form.instance) in saved:
                save_through_services(inline_form, user=request.user)
        return None


def save_through_services(form, *, user):
    """Save what a validated model form holds (its instance, already changed, and its
    many-to-many values) with ``record_create`` or ``record_update``."""
    obj = form.instance
    links = {
        field.name: form.cleaned_data[field.name] for field in obj._meta.many_to_many if field.name in form.cleaned_data
    }
    if obj._state.adding:
        return record_create(instance=obj, user=user, reason=None, m2m=links)
    return record_update(
        record=obj, user=user, reason=None, expected_version=form.cleaned_data.get("seen_version"), m2m=links,
        public_note=form.cleaned_data.get(PUBLIC_NOTE, ""),
    )


class BodyScopeMixin:
    """What a liaison may see and choose: its own body's records, and published
    records of any body to link to. Reviewers see every body."""

    def get_autocomplete_fields(self, request):
        fields = super().get_autocomplete_fields(request)
        if user_sees_every_body(request.user):
            return ("body", *fields)
        return fields  # a liaison chooses from a list holding only its body

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not user_sees_every_body(request.user):
            if db_field.name == "body":
                body = body_of(request.user)
                kwargs["queryset"] = GovernmentBody.objects.filter(pk=body.pk if body else None)
                kwargs["initial"] = body
                kwargs["empty_label"] = None
            elif issubclass(db_field.related_model, Record):
                kwargs["queryset"] = linkable_records(db_field.related_model, request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if not user_sees_every_body(request.user) and issubclass(db_field.related_model, Record):
            kwargs["queryset"] = linkable_records(db_field.related_model, request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def linkable_records(model, user):
    """Records ``user`` may link another record to: published ones, and its own body's."""
    own = records_for_user(user=user, queryset=model._default_manager.all())
    return model._default_manager.filter(Q(status=PublicationStatus.PUBLISHED) | Q(pk__in=own.values("pk")))


class RecordAdmin(PublicNoteMixin, TranslationStatusMixin, ReviewStepsMixin, BodyScopeMixin, PublishableAdmin):
    """A record of the city's action: it also names the responsible body and its source.

    A liaison lists, opens and edits only its own body's records (anything else
    is «not found»; saving another body's record is refused by the services)
    and edits them only while they are drafts, but for the English texts of
    the published ones (``.translations``); the status moves only through the
    review steps of ``cdmx_global.services``, offered as buttons on the record
    and as bulk actions on the list (``.transitions``).
    """

    publication_fields = (
        "status",
        ("submitted_at", "submitted_by"),
        ("published_at", "published_by"),
        ("withdrawn_at", "withdrawn_by"),
        "review_note",
        "source_citation",
        "source_excerpt",
        ("created_at", "updated_at"),
        "seen_version",
    )
    workflow_fields = (
        "status",
        "submitted_at",
        "submitted_by",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_by",
        "review_note",
    )
    list_select_related = ("body",)
    change_form_template = "admin/cdmx_global/record_change_form.html"

    def get_queryset(self, request):
        return records_for_user(user=request.user, queryset=super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        if request.resolver_match and request.resolver_match.url_name == "autocomplete":
            # Linking from another record's form: published records of any body too.
            queryset = linkable_records(self.model, request.user)
        return super().get_search_results(request, queryset, search_term)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.workflow_fields)

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ("body", admin.RelatedOnlyFieldListFilter))

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        # A liaison edits drafts; once submitted, the record is the reviewers', but
        # for the translation of a published one.
        return (
            obj is None
            or user_sees_every_body(request.user)
            or obj.status == PublicationStatus.DRAFT
            or self.translates_only(request, obj)
        )

    # Another body's record is not found, whatever page of it is asked for.

    def scoped_object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No existe ese registro."))
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.scoped_object_or_404(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "transitions": transitions_for(record=obj, user=request.user),
            **self.translation_context(request, obj),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class RecordInline(TranslatedFieldsMixin, BodyScopeMixin, admin.TabularInline):
    """A record edited inside its parent; the full form is one click away."""

    form = VersionedInlineForm
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return records_for_user(user=request.user, queryset=super().get_queryset(request))

    def get_fields(self, request, obj=None):
        return (*super().get_fields(request, obj), "seen_version")

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), "status")

    def has_delete_permission(self, request, obj=None):
        return False
