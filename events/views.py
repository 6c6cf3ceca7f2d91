"""The public pages of events, visits and awards."""

from django.urls import reverse
from django.views.generic import DetailView

from cdmx_global.listing import RecordListView
from cdmx_global.withdrawn import PublicRecordMixin

from .calendar import calendar_context
from .filters import AwardFilterSet, EventFilterSet, VisitFilterSet
from .selectors import (
    listed_events,
    published_awards,
    published_event_details,
    published_visit_details,
    published_visits,
)


class CalendarLinkMixin:
    """The events' and visits' lists link the calendar and say what it leaves out."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(calendar_url=reverse("events:calendar"), **calendar_context(), **kwargs)


class EventListView(CalendarLinkMixin, RecordListView):
    filterset_class = EventFilterSet
    template_name = "events/event_list.html"

    def get_queryset(self):
        return listed_events()


class EventDetailView(PublicRecordMixin, DetailView):
    list_url_name = "events:event_list"
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return published_event_details()


class VisitListView(CalendarLinkMixin, RecordListView):
    filterset_class = VisitFilterSet
    template_name = "events/visit_list.html"

    def get_queryset(self):
        return published_visits()


class VisitDetailView(PublicRecordMixin, DetailView):
    list_url_name = "events:visit_list"
    template_name = "events/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        return published_visit_details()


class AwardListView(RecordListView):
    filterset_class = AwardFilterSet
    template_name = "events/award_list.html"

    def get_queryset(self):
        return published_awards()


class AwardDetailView(PublicRecordMixin, DetailView):
    list_url_name = "events:award_list"
    template_name = "events/award_detail.html"
    context_object_name = "award"

    def get_queryset(self):
        return published_awards()
