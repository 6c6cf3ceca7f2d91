from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Frequency, Language
from .services import clean_email


class EmailForm(forms.Form):
    """An address, checked and normalised as following keeps it (``services.clean_email``)."""

    email = forms.CharField(
        label=_("Su correo electrónico"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Escriba su correo electrónico.")},
    )

    def clean_email(self):
        try:
            return clean_email(self.cleaned_data["email"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class FollowForm(EmailForm):
    frequency = forms.ChoiceField(
        label=_("Con qué frecuencia"), choices=Frequency.choices, initial=Frequency.WEEKLY, widget=forms.RadioSelect,
        error_messages={"required": _("Elija una frecuencia: diaria o semanal."),
                        "invalid_choice": _("Elija una frecuencia: diaria o semanal.")},
    )
    language = forms.ChoiceField(
        label=_("Idioma de los correos"), choices=Language.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Elija el idioma de los correos: español o inglés."),
                        "invalid_choice": _("Elija el idioma de los correos: español o inglés.")},
    )


class ManageRequestForm(EmailForm):
    """The address to send the link to its subscriptions to."""
