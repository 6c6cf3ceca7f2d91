"""The «Reportar un error» form: what is wrong, an optional address for the
answer, and a trap for robots (``website``): hidden from sight, labelled for
screen readers to leave empty; filled, the report is refused."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TEXT_MAX_LENGTH

HONEYPOT_MESSAGE = _("No pudimos recibir el reporte: el campo «Deje este campo vacío» debe quedar vacío.")


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("¿Qué está mal?"), max_length=TEXT_MAX_LENGTH, strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Escriba qué está mal."),
            "max_length": _("Escriba en %(limit_value)d caracteres o menos (escribió %(show_value)d)."),
        },
    )
    email = forms.EmailField(
        label=_("Su correo, si quiere saber la respuesta"), required=False, max_length=254,
        error_messages={"invalid": _("Escriba un correo válido, como nombre@ejemplo.mx, o déjelo vacío.")},
    )
    website = forms.CharField(label=_("Deje este campo vacío"), required=False, strip=False)

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_MESSAGE)
        return ""

    def clean_email(self):
        return self.cleaned_data.get("email", "").strip()
