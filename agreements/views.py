"""The public pages of agreements and actions: thin views over selectors and FilterSets."""

from django.views.generic import DetailView

from cdmx_global.listing import RecordListView
from cdmx_global.withdrawn import PublicRecordMixin

from .filters import ActionFilterSet, AgreementFilterSet, UnConventionFilterSet
from .selectors import (
    listed_actions,
    listed_agreements,
    published_actions,
    published_agreement_details,
    un_framework_conventions,
)


class AgreementListView(RecordListView):
    filterset_class = AgreementFilterSet
    template_name = "agreements/agreement_list.html"

    def get_queryset(self):
        return listed_agreements()


class UnConventionListView(RecordListView):
    filterset_class = UnConventionFilterSet
    template_name = "agreements/un_convention_list.html"

    def get_queryset(self):
        return un_framework_conventions()


class AgreementDetailView(PublicRecordMixin, DetailView):
    list_url_name = "agreements:list"
    template_name = "agreements/agreement_detail.html"
    context_object_name = "agreement"
    slug_field = "code"
    slug_url_kwarg = "code"

    def get_queryset(self):
        return published_agreement_details()


class ActionListView(RecordListView):
    filterset_class = ActionFilterSet
    template_name = "agreements/action_list.html"

    def get_queryset(self):
        return listed_actions()


class ActionDetailView(PublicRecordMixin, DetailView):
    list_url_name = "agreements:action_list"
    template_name = "agreements/action_detail.html"
    context_object_name = "action"

    def get_queryset(self):
        return published_actions()
