"""Staff data entry for what every app shares, and the admin pieces the record
apps build on: the base classes, the list columns and the readable history."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _, ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .admin_filters import CheckedChangeListMixin, country_filter
from .access import body_of, records_for_user, user_can_review, user_sees_every_body

from .models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    Record,
    SustainableDevelopmentGoal,
    Theme,
)
from .partial_dates import PartialDate, format_partial_period
from .services import TRANSITIONS, check_transition, record_transition, records_transition, transitions_for
from .versioning import VersionedInlineForm, VersionedModelForm

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


class HistoryAdmin(CheckedChangeListMixin, SimpleHistoryAdmin):
    """Every admin: its «Historial» lists who changed which fields, from what to what, and when;
    its list refuses filter values the database cannot take."""

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableHistory(self.model, historical_record)


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
        if not self.fieldsets:
            return super().get_fieldsets(request, obj)
        return [*self.fieldsets, (_("Publicación"), {"fields": self.publication_fields})]

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


class RecordAdmin(BodyScopeMixin, PublishableAdmin):
    """A record of the city's action: it also names the responsible body and its source.

    A liaison lists, opens and edits only its own body's records (anything else
    is «not found») and edits them only while they are drafts; the status moves
    only through the review steps of ``cdmx_global.services``, offered as
    buttons on the record and as bulk actions on the list.
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
        # A liaison edits drafts; once submitted, the record is the reviewers'.
        return obj is None or user_sees_every_body(request.user) or obj.status == PublicationStatus.DRAFT

    def save_model(self, request, obj, form, change):
        if not user_sees_every_body(request.user) and obj.body_id != getattr(body_of(request.user), "pk", None):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    # Another body's record is not found, whatever page of it is asked for.

    def scoped_object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("No existe ese registro."))
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.scoped_object_or_404(request, object_id)
        extra_context = {**(extra_context or {}), "transitions": transitions_for(record=obj, user=request.user)}
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.scoped_object_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Review and publication ------------------------------------------------

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/estado/<str:transition>/",
                self.admin_site.admin_view(self.transition_view),
                name=f"{opts.app_label}_{opts.model_name}_transition",
            ),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, transition):
        """Confirm and apply one review step to one record."""
        obj = self.scoped_object_or_404(request, object_id)
        step = TRANSITIONS.get(transition)
        if step is None:
            raise Http404
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk], current_app=self.admin_site.name
        )
        try:
            check_transition(transition=step, record=obj, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(change_url)
        form = TransitionForm(request.POST or None, transition=step, initial={"seen_version": obj.version})
        if request.method == "POST" and form.is_valid():
            try:
                record_transition(
                    record=obj,
                    user=request.user,
                    transition=step,
                    note=form.cleaned_data.get("note", ""),
                    expected_version=form.cleaned_data["seen_version"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(request, _("«%(record)s»: %(done)s.") % {"record": obj, "done": step.done})
                return HttpResponseRedirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "title": step.label,
            "subtitle": str(obj),
            "opts": self.opts,
            "object": obj,
            "transition": step,
            "form": form,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/cdmx_global/transition_confirm.html", context)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if action_location != ActionLocation.CHANGE_LIST:
            return actions  # on a record, the steps are buttons with a confirmation page
        for step in TRANSITIONS.values():
            if step.reviewers_only and not user_can_review(request.user):
                continue
            name = f"{step.key}_selected"
            actions[name] = (transition_action(step), name, step.bulk_label)
        return actions

    def apply_transition(self, request, queryset, step):
        """The bulk action: asks for the note first when the step takes one."""
        form = TransitionForm(request.POST if "_confirm" in request.POST else None, transition=step)
        if step.note and not form.is_bound or (form.is_bound and not form.is_valid()):
            context = {
                **self.admin_site.each_context(request),
                "title": step.bulk_label,
                "opts": self.opts,
                "queryset": queryset,
                "transition": step,
                "form": form,
                "action": f"{step.key}_selected",
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/cdmx_global/transition_bulk_confirm.html", context)
        note = form.cleaned_data.get("note", "") if form.is_bound else ""
        done, refused = records_transition(records=queryset, user=request.user, transition=step, note=note)
        if done:
            self.message_user(
                request,
                ngettext("%(done)s: %(count)d registro.", "%(done)s: %(count)d registros.", len(done))
                % {"done": step.done, "count": len(done)},
                messages.SUCCESS,
            )
        for record, why in refused:
            self.message_user(request, _("«%(record)s»: %(why)s") % {"record": record, "why": why}, messages.WARNING)
        return None


def transition_action(step):
    def action(modeladmin, request, queryset):
        return modeladmin.apply_transition(request, queryset, step)

    action.__name__ = f"{step.key}_selected"
    return action


class TransitionForm(forms.Form):
    note = forms.CharField(label=_("Motivo"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, transition, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        if not transition.note:
            del self.fields["note"]
        elif transition.note == "required":
            self.fields["note"].required = True
            self.fields["note"].error_messages["required"] = _("Indique el motivo.")
        if transition.key == "return":
            self.fields["note"].label = _("Observaciones para quien capturó el registro")


class RecordInline(BodyScopeMixin, admin.TabularInline):
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
