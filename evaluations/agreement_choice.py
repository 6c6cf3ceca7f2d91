"""Choosing a published agreement: the evaluations (the government's and the
Congress's) are only ever about one, the kind the report reads."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement


class PublishedAgreementAutocompleteView(AutocompleteJsonView):
    """The agreement search of the evaluation forms: published agreements only.

    The agreements admin answers the shared autocomplete with every agreement
    a staff member may link to, drafts included; an evaluation is only ever
    about a published agreement, the one the report reads.
    """

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if source_field.remote_field.model is not Agreement:
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name

    def get_queryset(self):
        queryset = self.model_admin.get_queryset(self.request).published()
        queryset, may_have_duplicates = self.model_admin.get_search_results(self.request, queryset, self.term)
        return (queryset.distinct() if may_have_duplicates else queryset).order_by("title", "pk")


class PublishedAgreementSelect(AutocompleteSelect):
    url_name = "%s:evaluations_published_agreement_autocomplete"


class PublishedAgreementMixin:
    """An ``agreement`` field that offers and accepts published agreements only."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":
            kwargs["queryset"] = Agreement.objects.published()
            kwargs["widget"] = PublishedAgreementSelect(db_field, self.admin_site)
            kwargs["error_messages"] = {"invalid_choice": _("Elija un acuerdo publicado.")}
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "agreement" and formfield is not None:
            # An agreement added from here would be a draft, which can't be chosen.
            formfield.widget.can_add_related = False
        return formfield
