"""English content in the admin (``cdmx_global.translation``): each Spanish text
beside its English twin on every form, the translation's status on the record,
in a list column and a list filter, and its review by a reviewer.

- ``TranslatedFieldsMixin`` (every admin and inline): puts ``title_en`` on the
  row of ``title`` in whatever fields an admin declares, and searches both.
- ``TranslationStatusMixin`` (record admins): the status fieldset, column and
  filter; the «Marcar la traducción como revisada» button and bulk action; and
  a liaison's published record opened to translate only: its English texts are
  editable, everything else (inlines included) stays as published.

The status itself is never written here: the write services keep it
(``apply_translation_rules``) and ``translation_mark_reviewed`` approves it.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _, ngettext

from ..access import user_can_review, user_handles_body, user_sees_every_body
from ..models import PublicationStatus
from ..services import translation_mark_reviewed
from ..translation import SUFFIX, TranslationStatus, has_any_english, translated_fields

#: The list filter's parameter and its values (``?traduccion=outdated``).
FILTER_PARAMETER = "traduccion"
OUTDATED = "outdated"

#: The status, as the record's form shows it (read-only: the services keep it).
TRANSLATION_FIELDS = (
    "translation_status",
    "translation_outdated",
    ("translation_reviewed_at", "translation_reviewed_by"),
)
TRANSLATION_READONLY = ("translation_status", "translation_outdated", "translation_reviewed_at", "translation_reviewed_by")


def twin_names(model) -> set[str]:
    """The English twins of ``model``'s texts: ``{"title_en", "purpose_en", …}``."""
    return {name + SUFFIX for name in translated_fields(model)}


def all_but_twins(model) -> list[str]:
    """Every field of ``model`` a form could hold but the English twins: what a record
    open to translate only shows read-only."""
    twins = twin_names(model)
    return [
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many) and not field.auto_created and field.name not in twins
    ]


def with_twins(model, fields):
    """``fields`` (an admin's ``fields``, tuples for rows) with each translated text's
    English twin on its row: ``("title", "kind")`` gives ``(("title", "title_en"), "kind")``."""
    spanish = set(translated_fields(model))
    named = {name for line in fields for name in (line if isinstance(line, (list, tuple)) else (line,))}

    def twin(name):
        return name + SUFFIX if name in spanish and name + SUFFIX not in named else None

    paired = []
    for line in fields:
        if isinstance(line, (list, tuple)):
            paired.append(tuple(item for name in line for item in (name, twin(name)) if item))
        else:
            paired.append((line, twin(line)) if twin(line) else line)
    return tuple(paired)


def paired_fieldsets(model, fieldsets):
    """``fieldsets`` with every translated text beside its English twin (``with_twins``)."""
    return [(title, {**options, "fields": with_twins(model, options["fields"])}) for title, options in fieldsets]


class TranslatedFieldsMixin:
    """For a ``ModelAdmin`` or an inline: each Spanish text and its English twin on one row
    of the form (side by side; adjacent columns in a table), and the search looks in both."""

    def get_fieldsets(self, request, obj=None):
        return paired_fieldsets(self.model, super().get_fieldsets(request, obj))

    def get_search_fields(self, request):
        fields = super().get_search_fields(request)
        spanish = set(translated_fields(self.model))
        return (*fields, *(name + SUFFIX for name in fields if name in spanish))


# The status ------------------------------------------------------------------------


@admin.display(description=_("traducción"), ordering="translation_status")
def translation_column(obj):
    """The list column: «Borrador», «Revisada», «Revisada (desactualizada)»."""
    label = obj.get_translation_status_display()
    if obj.translation_outdated:
        return _("%(status)s (desactualizada)") % {"status": label}
    return label


class TranslationListFilter(admin.SimpleListFilter):
    """Records by their translation: none, draft, reviewed and current, or reviewed
    before the latest change to the Spanish text (outdated). Each record is in exactly one."""

    title = _("traducción")
    parameter_name = FILTER_PARAMETER

    def lookups(self, request, model_admin):
        return [
            (TranslationStatus.NONE, TranslationStatus.NONE.label),
            (TranslationStatus.DRAFT, _("Borrador por revisar")),
            (TranslationStatus.REVIEWED, _("Revisada y al día")),
            (OUTDATED, _("Desactualizada")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == OUTDATED:
            return queryset.filter(translation_outdated=True)
        if value == TranslationStatus.REVIEWED:
            return queryset.filter(translation_status=value, translation_outdated=False)
        if value in (TranslationStatus.NONE, TranslationStatus.DRAFT):
            return queryset.filter(translation_status=value)
        return queryset


def waiting_translations(queryset):
    """The published records of ``queryset`` whose translation waits for a reviewer:
    ``{"draft": n, "outdated": m}``, in one query."""
    return queryset.filter(status=PublicationStatus.PUBLISHED).aggregate(
        draft=Count("pk", filter=Q(translation_status=TranslationStatus.DRAFT)),
        outdated=Count("pk", filter=Q(translation_outdated=True)),
    )


def waiting_translations_url(model, which: str) -> str:
    """The admin list of ``model``'s published records with a draft (``which="draft"``)
    or an outdated (``which="outdated"``) translation."""
    opts = model._meta
    return (
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        + f"?status__exact={PublicationStatus.PUBLISHED}&{FILTER_PARAMETER}={which}"
    )


def translation_reviewable(record) -> bool:
    """Whether ``record``'s English text waits for a reviewer: a draft, or reviewed but outdated."""
    return has_any_english(record) and (
        record.translation_status == TranslationStatus.DRAFT or record.translation_outdated
    )


class TranslationOnlyInline:
    """An inline of a record open to translate only: English twins editable, nothing added."""

    max_num = 0

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *all_but_twins(self.model))

    def has_add_permission(self, request, obj=None):
        return False


class TranslationStatusMixin:
    """For a record's ``ModelAdmin`` (with ``scoped_object_or_404``): the translation's
    status, its review, and a liaison's published records open to translation."""

    translation_review_template = "admin/cdmx_global/translation_review_confirm.html"

    # A liaison's published record: the English texts only.

    def translates_only(self, request, obj) -> bool:
        """Whether ``request.user`` may change ``obj``'s English texts and nothing else:
        a liaison's own body's published record. Its Spanish text was reviewed and
        published; its translation gets its own review."""
        return (
            obj is not None
            and obj.status == PublicationStatus.PUBLISHED
            and not user_sees_every_body(request.user)
            and user_handles_body(request.user, obj.body_id)
            and bool(translated_fields(obj))
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = (*super().get_readonly_fields(request, obj), *TRANSLATION_READONLY)
        if not self.translates_only(request, obj):
            return readonly
        return (*readonly, *all_but_twins(self.model))

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.translates_only(request, obj) else super().get_prepopulated_fields(request, obj)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if not self.translates_only(request, obj):
            return inlines
        return [
            type(f"TranslationOnly{type(inline).__name__}", (TranslationOnlyInline, type(inline)), {})(
                self.model, self.admin_site
            )
            for inline in inlines
        ]

    # The status on the form, the list and its filter.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.fieldsets:
            return fieldsets
        # Before «Publicación», which closes the form.
        return [*fieldsets[:-1], (_("Traducción al inglés"), {"fields": TRANSLATION_FIELDS}), fieldsets[-1]]

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        columns.insert(columns.index("status") if "status" in columns else len(columns), translation_column)
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        filters.insert(1 if filters and filters[0] == "status" else 0, TranslationListFilter)
        return tuple(filters)

    # The review: a button on the record, with a confirmation page, and a bulk action.

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/traduccion/revisar/",
                self.admin_site.admin_view(self.translation_review_view),
                name=f"{opts.app_label}_{opts.model_name}_translation_review",
            ),
            *super().get_urls(),
        ]

    def translation_context(self, request, obj) -> dict:
        """What the record's change form shows of its translation (``record_change_form.html``)."""
        return {
            "translation_reviewable": user_can_review(request.user) and translation_reviewable(obj),
            "translates_only": self.translates_only(request, obj),
        }

    def translation_review_view(self, request, object_id):
        """Show a record's texts in both languages and, on confirmation, mark its translation reviewed."""
        obj = self.scoped_object_or_404(request, object_id)
        if not user_can_review(request.user):
            raise PermissionDenied
        change_url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk], current_app=self.admin_site.name
        )
        if not translation_reviewable(obj):
            refusal = (
                _("No hay texto en inglés que revisar: escriba la traducción primero.")
                if not has_any_english(obj)
                else _("La traducción ya está revisada y al día.")
            )
            self.message_user(request, refusal, messages.WARNING)
            return HttpResponseRedirect(change_url)
        error = None
        if request.method == "POST":
            try:
                seen = int(request.POST.get("seen_version", ""))
            except ValueError:
                seen = None
            try:
                if seen is None:
                    raise ValidationError(
                        _("No se sabe qué versión del registro revisó. Ábralo de nuevo y vuelva a intentarlo.")
                    )
                translation_mark_reviewed(record=obj, user=request.user, expected_version=seen)
            except ValidationError as refused:
                error = " ".join(refused.messages)
            else:
                self.message_user(
                    request, _("«%(record)s»: traducción al inglés marcada como revisada.") % {"record": obj}
                )
                return HttpResponseRedirect(change_url)
        texts = [
            (obj._meta.get_field(name).verbose_name, getattr(obj, name), getattr(obj, name + SUFFIX))
            for name in translated_fields(obj)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Marcar la traducción como revisada"),
            "subtitle": str(obj),
            "opts": self.opts,
            "object": obj,
            "texts": texts,
            "error": error,
            "change_url": change_url,
        }
        return TemplateResponse(request, self.translation_review_template, context)

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        if action_location == ActionLocation.CHANGE_LIST and user_can_review(request.user):
            name = "review_translation_selected"
            actions[name] = (type(self).review_translation_selected, name, _("Marcar la traducción como revisada"))
        return actions

    def review_translation_selected(self, request, queryset):
        """The bulk action: every selected record whose English waits for a reviewer."""
        done = 0
        for record in queryset:
            if not translation_reviewable(record):
                self.message_user(
                    request,
                    _("«%(record)s»: no tiene una traducción por revisar.") % {"record": record},
                    messages.WARNING,
                )
                continue
            try:
                translation_mark_reviewed(record=record, user=request.user, expected_version=record.version)
            except (ValidationError, PermissionDenied) as refused:
                why = " ".join(getattr(refused, "messages", None) or [str(refused)])
                self.message_user(request, _("«%(record)s»: %(why)s") % {"record": record, "why": why}, messages.WARNING)
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "Traducción marcada como revisada: %(count)d registro.",
                    "Traducción marcada como revisada: %(count)d registros.",
                    done,
                )
                % {"count": done},
                messages.SUCCESS,
            )
