"""The forms of the Congress's evaluation: the draft (versioned, shared by the
Congress's accounts), its submission with the act, and a correction."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cdmx_global.versioning import SeenVersionField, VersionedModelForm

from ..models import CongressEvaluation, CongressStatus


class CongressEvaluationForm(VersionedModelForm):
    """The draft: two Congress accounts editing it at once cannot overwrite each other."""

    class Meta:
        model = CongressEvaluation
        fields = ("report", "score", "assessment", "observations", "correction_note")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "correction_note" in self.fields:
            # Only a correction says what it corrects, and it must.
            self.fields["correction_note"].required = True
            self.fields["correction_note"].error_messages["required"] = _("Diga qué corrige esta corrección.")

    def clean(self):
        cleaned = super().clean()
        report = cleaned.get("report")
        if self.instance.pk is None and report is not None and CongressEvaluation.objects.filter(
            report=report, status=CongressStatus.DRAFT
        ).exists():
            raise ValidationError(_("Ya hay un borrador del Congreso para ese informe: continúe ése."))
        return cleaned


class CongressSubmitForm(forms.Form):
    """«Enviar a la CGAI»: the act of the Congress that approved the evaluation."""

    act_number = forms.CharField(
        label=_("Número del acuerdo del Congreso"),
        max_length=120,
        help_text=_("El acuerdo o dictamen con que el Congreso aprobó esta evaluación."),
        error_messages={"required": _("Indique el número del acuerdo del Congreso que aprobó la evaluación.")},
    )
    act_date = forms.DateField(
        label=_("Fecha del acuerdo del Congreso"),
        help_text=_("Día/mes/año, p. ej. 20/03/2018."),
        error_messages={
            "required": _("Indique la fecha del acuerdo del Congreso."),
            "invalid": _("Escriba la fecha como día/mes/año."),
        },
    )
    seen_version = SeenVersionField(required=False)


class CongressCorrectionForm(forms.Form):
    """«Registrar una corrección»: what the correction corrects."""

    correction_note = forms.CharField(
        label=_("Qué corrige"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Se abre un nuevo borrador con el contenido de la evaluación enviada; la enviada no cambia."),
        error_messages={"required": _("Diga qué corrige esta corrección.")},
    )


def add_service_error(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on ``form``: by its field where the form has it, above the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)
