"""The filters of the public evaluations (the API and the downloads): by
agreement, semester, the agreement's body and recommendation."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from agreements.models import Agreement
from cdmx_global.models import GovernmentBody

from evaluations.models import AgreementEvaluation, Recommendation
from evaluations.periods import Semester

from .models import CongressAgreementEvaluation

#: A semester as a query parameter or a cell: «2017-2».
SEMESTER_PATTERN = r"[0-9]{4}-[12]"


class SemesterFormField(forms.CharField):
    """«2017-2»: a ``Semester``, or the Spanish message of ``Semester.parse``."""

    def to_python(self, value):
        value = super().to_python(value)
        return Semester.parse(value) if value else None


@extend_schema_field({"type": "string", "pattern": f"^{SEMESTER_PATTERN}$", "example": "2017-2"})
class SemesterFilter(django_filters.Filter):
    """The records of one semester; ``field_name`` is the path to the record
    holding ``year`` and ``half`` (empty for the record itself)."""

    field_class = SemesterFormField

    def filter(self, queryset, value):
        if value is None:
            return queryset
        prefix = f"{self.field_name}__" if self.field_name else ""
        return queryset.filter(**{f"{prefix}year": value.year, f"{prefix}half": value.half})


def _agreement_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Acuerdo"), field_name="agreement", queryset=Agreement.objects.published(), to_field_name="code",
    )


def _body_filter() -> django_filters.ModelChoiceFilter:
    """The agreement's responsible body, by its key (slug), as the agreements' own filter."""
    return django_filters.ModelChoiceFilter(
        label=_("Área responsable"), field_name="agreement__body",
        queryset=GovernmentBody.objects.published(), to_field_name="slug",
    )


class EvaluationFilterSet(django_filters.FilterSet):
    agreement = _agreement_filter()
    semester = SemesterFilter(label=_("Semestre"), field_name="")
    body = _body_filter()
    recommendation = django_filters.ChoiceFilter(label=_("Recomendación"), choices=Recommendation.choices)

    class Meta:
        model = AgreementEvaluation
        fields = ["agreement", "semester", "body", "recommendation"]


class CongressEntryFilterSet(django_filters.FilterSet):
    agreement = _agreement_filter()
    semester = SemesterFilter(label=_("Semestre del informe"), field_name="evaluation__report")
    body = _body_filter()
    recommendation = django_filters.ChoiceFilter(label=_("Recomendación"), choices=Recommendation.choices)

    class Meta:
        model = CongressAgreementEvaluation
        fields = ["agreement", "semester", "body", "recommendation"]
