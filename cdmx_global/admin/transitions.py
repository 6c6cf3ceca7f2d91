"""Review and publication in the admin: a button per step on a record, with a
confirmation page, and a bulk action per step on the list. The steps
themselves, their rules and messages are ``cdmx_global.services.transitions``."""

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _, ngettext

from ..access import user_can_review
from ..services import TRANSITIONS, check_transition, record_transition, records_transition


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
        elif transition.key == "withdraw":
            # A published record's withdrawal notice shows it (cdmx_global.withdrawn).
            self.fields["note"].label = _("Motivo público del retiro")
            self.fields["note"].help_text = _("Se publica en el aviso del registro retirado.")


def transition_action(step):
    def action(modeladmin, request, queryset):
        return modeladmin.apply_transition(request, queryset, step)

    action.__name__ = f"{step.key}_selected"
    return action


class ReviewStepsMixin:
    """For a record's ``ModelAdmin``: the review steps as buttons and bulk actions.

    The admin provides ``scoped_object_or_404`` (the record, if the user may see it).
    """

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
