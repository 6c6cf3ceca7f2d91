"""The indicators and the values staff enter for them each semester."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import HistoryAdmin

from evaluations.periods import Semester
from evaluations.semesters import semester_column

from ..indicators import COMPUTATIONS
from ..models import Indicator, IndicatorValue
from ..services import indicator_value_save


class IndicatorForm(forms.ModelForm):
    computation = forms.ChoiceField(
        label=_("cálculo automático"),
        required=False,
        choices=[("", _("Ninguno: el valor se captura cada semestre")), *[(key, key) for key in COMPUTATIONS]],
        help_text=_("Sólo los cálculos que el portal sabe hacer con los registros publicados."),
    )

    class Meta:
        model = Indicator
        fields = "__all__"


class ComputedFilter(admin.SimpleListFilter):
    title = _("origen del valor")
    parameter_name = "origen"

    def lookups(self, request, model_admin):
        return [("calculado", _("Calculado")), ("capturado", _("Capturado"))]

    def queryset(self, request, queryset):
        if self.value() == "calculado":
            return queryset.exclude(computation="")
        if self.value() == "capturado":
            return queryset.filter(computation="")
        return queryset


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    form = IndicatorForm
    list_display = ("name", "dimension", "code", "unit", "origin", "order")
    list_filter = ("dimension", ComputedFilter)
    search_fields = ("code", "name", "definition")
    fieldsets = (
        (_("Identificación"), {"fields": ("code", "name", "dimension", "order")}),
        (_("Medición"), {"fields": ("definition", "unit", "method", "computation")}),
    )

    @admin.display(description=_("origen del valor"), ordering="computation")
    def origin(self, indicator) -> str:
        return _("Calculado") if indicator.is_computed else _("Capturado")

    def has_delete_permission(self, request, obj=None):
        return False  # reports already delivered name their indicators


@admin.register(IndicatorValue)
class IndicatorValueAdmin(HistoryAdmin):
    list_display = ("indicator", semester_column, "value", "source", "entered_by")
    list_select_related = ("indicator", "entered_by")
    list_filter = ("year", "half", ("indicator", admin.RelatedOnlyFieldListFilter))
    search_fields = ("indicator__name", "indicator__code", "source")
    readonly_fields = ("entered_by", "updated_at")
    fields = ("indicator", ("year", "half"), "value", "source", "note", "entered_by", "updated_at")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            kwargs["queryset"] = Indicator.objects.filter(computation="")
            kwargs["error_messages"] = {
                "invalid_choice": _("Ese indicador se calcula de los registros publicados: su valor no se captura.")
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        previous = Semester.containing(timezone.localdate()).previous()
        initial.setdefault("year", previous.year)
        initial.setdefault("half", previous.half)
        return initial

    def save_model(self, request, obj, form, change):
        indicator_value_save(value=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        return False
