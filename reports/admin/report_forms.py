"""The forms of the report's lifecycle steps: build, and record the delivery to Congress."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.periods import Semester


class ReportBuildForm(forms.Form):
    semester = forms.CharField(
        label=_("Semestre"),
        max_length=7,
        help_text=_("El año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."),
        error_messages={"required": _("Indique el semestre.")},
    )
    correction_note = forms.CharField(
        label=_("Qué corrige"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sólo para corregir un informe ya entregado al Congreso: se genera una nueva versión."),
    )

    def clean_semester(self) -> Semester:
        return Semester.parse(self.cleaned_data["semester"])


class ReportDeliveryForm(forms.Form):
    delivered_on = forms.DateField(
        label=_("Fecha de entrega al Congreso"),
        help_text=_("Día/mes/año, p. ej. 15/01/2018."),
        error_messages={"required": _("Indique la fecha de entrega."), "invalid": _("Escriba la fecha como día/mes/año.")},
    )
    delivery_reference = forms.CharField(
        label=_("Oficio de entrega"),
        max_length=120,
        error_messages={"required": _("Indique el número del oficio de entrega.")},
    )
