"""«Nota pública de la corrección»: on a published record's form, an optional note
staff write for the public with a correction. It is not a field of the record:
``record_update`` writes it into the record's public history with what changed
(``cdmx_global.changelog``). A draft's form has no such field: the public never
saw the draft, and its edits leave no public history."""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.translation import gettext_lazy as _

from ..models import PublicationStatus

PUBLIC_NOTE = "public_note"


def public_note_field() -> forms.CharField:
    return forms.CharField(
        label=_("Nota pública de la corrección"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Se publica en el historial del registro junto con lo que cambió. Explique la corrección para "
            "la ciudadanía; no escriba datos internos."
        ),
    )


class PublicNoteMixin:
    """For a record's ``ModelAdmin``: the note on the form of a published record, for whoever
    corrects it (not for a liaison who only edits its English texts: a translation has its own review)."""

    def takes_public_note(self, request, obj) -> bool:
        return (
            obj is not None
            and obj.status == PublicationStatus.PUBLISHED
            and not self.translates_only(request, obj)
            and self.has_change_permission(request, obj)
        )

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.takes_public_note(request, obj):
            base = kwargs.get("form", self.form)
            kwargs["form"] = type(f"PublicNote{base.__name__}", (base,), {PUBLIC_NOTE: public_note_field()})
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.takes_public_note(request, obj) or PUBLIC_NOTE in flatten_fieldsets(fieldsets):
            return fieldsets
        return [*fieldsets, (_("Corrección pública"), {"fields": (PUBLIC_NOTE,)})]
