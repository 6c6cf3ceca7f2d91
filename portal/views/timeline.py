"""The city's international action, year by year."""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .. import timeline

#: Records per page of the timeline's list; the counts and the chart cover every year.
PAGE_SIZE = 100


class TimelineKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Tipo de registro"),
        required=False,
        choices=lambda: [("", _("Todos")), *((kind.key, kind.label) for kind in timeline.KINDS)],
        error_messages={"invalid_choice": _("Elija un tipo de registro de la lista.")},
    )


class TimelineView(TemplateView):
    """The counts of every year (a chart and its table) and the records, a
    page at a time, of every year or of the year chosen in the table
    (``?year=2016``, ``?year=undated``)."""

    template_name = "portal/timeline.html"

    def get_context_data(self, **kwargs):
        form = TimelineKindForm(self.request.GET or None)
        selected = form.cleaned_data["kind"] if form.is_valid() else ""
        kinds = [timeline.KINDS_BY_KEY[selected]] if selected else timeline.KINDS
        data = timeline.timeline(kinds)
        year_error = ""
        year = None
        if requested := self.request.GET.get("year"):
            year = data.year(requested)
            if year is None:
                year_error = _("Ese año no tiene registros publicados: elija uno de la tabla.")
        paginator = Paginator(timeline.TimelineEntries(kinds, year.total if year else data.total, year), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        groups = timeline.by_year(page.object_list, data)
        return super().get_context_data(
            form=form, selected_kind=timeline.KINDS_BY_KEY.get(selected), timeline=data,
            selected_year=year, year_error=year_error, chart=timeline.bar_chart(data.years),
            paginator=paginator, page_obj=page, is_paginated=paginator.num_pages > 1,
            dated=[(period, entries) for period, entries in groups if period.year is not None],
            undated=next(((period, entries) for period, entries in groups if period.year is None), None),
            **kwargs,
        )
