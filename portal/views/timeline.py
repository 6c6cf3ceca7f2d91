"""The city's international action, year by year."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import timeline


class TimelineKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Tipo de registro"),
        required=False,
        choices=lambda: [("", _("Todos")), *((kind.key, kind.label) for kind in timeline.KINDS)],
        error_messages={"invalid_choice": _("Elija un tipo de registro de la lista.")},
    )


class TimelineView(TemplateView):
    template_name = "portal/timeline.html"

    def get_context_data(self, **kwargs):
        form = TimelineKindForm(self.request.GET or None)
        selected = form.cleaned_data["kind"] if form.is_valid() else ""
        kinds = [timeline.KINDS_BY_KEY[selected]] if selected else timeline.KINDS
        data = timeline.timeline(kinds)
        return super().get_context_data(
            form=form, selected_kind=timeline.KINDS_BY_KEY.get(selected), timeline=data,
            chart=timeline.bar_chart(data.years), **kwargs,
        )
