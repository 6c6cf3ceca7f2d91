"""The verify page's form: a file to hash, or a SHA-256 to look up."""

import re

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .uploads import verify_max_bytes

SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class VerifyForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo"),
        required=False,
        help_text=_("El archivo que quiere comprobar (PDF, HTML, ZIP de CSV, XLSX o JSON). No se guarda: sólo se calcula su huella."),
        error_messages={"empty": _("El archivo está vacío.")},
    )
    sha256 = forms.CharField(
        label=_("O bien, su huella SHA-256"),
        required=False,
        max_length=200,
        help_text=_("64 caracteres hexadecimales (0–9, a–f), como los que aparecen junto a cada archivo publicado."),
        error_messages={"max_length": _("Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f).")},
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # The upload handler dropped a file over the limit before the form saw it.
        self.too_large = too_large

    def clean_sha256(self) -> str:
        value = "".join(self.cleaned_data["sha256"].split()).lower()
        if value and not SHA256_PATTERN.match(value):
            raise forms.ValidationError(
                _("Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f); «%(value)s» no lo es."),
                code="invalid_sha256",
                params={"value": self.cleaned_data["sha256"].strip()[:80]},
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if self.too_large:
            self.add_error(
                "file",
                _("El archivo pasa de %(limit)s: ningún informe publicado es tan grande.")
                % {"limit": filesizeformat(verify_max_bytes())},
            )
            return cleaned
        uploaded, sha256 = cleaned.get("file"), cleaned.get("sha256")
        if self.errors:
            return cleaned
        if uploaded and sha256:
            raise forms.ValidationError(
                _("Suba un archivo o escriba una huella, no ambos."), code="both"
            )
        if not uploaded and not sha256:
            raise forms.ValidationError(
                _("Suba un archivo o escriba su huella SHA-256."), code="neither"
            )
        return cleaned

    @property
    def computed_sha256(self) -> str:
        """The hash to look up: the uploaded file's (hashed as it arrived, by
        ``uploads.HashingUploadHandler``, which the verify view installs), or the one written."""
        uploaded = self.cleaned_data.get("file")
        return uploaded.sha256 if uploaded else self.cleaned_data["sha256"]
