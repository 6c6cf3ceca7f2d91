"""No lost edits: a form carries the version it was opened on, and saving over
a newer version is refused with what changed meanwhile and who changed it.

The check locks the record's row (``select_for_update``) inside the admin's
transaction, so two saves that arrive together are serialised: the first
wins, the second sees the new version and is refused. The form's check shows
the refusal on the form; ``record_update`` (``cdmx_global.services``), which
every write goes through, makes it again under the same lock.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.utils.timezone import localtime
from django.utils.translation import gettext, gettext_lazy as _


class VersionConflict(ValidationError):
    pass


def changes_since(record, version: int) -> tuple[list[str], list[str], object]:
    """(field labels changed, people who changed them, time of the last change) since ``version``."""
    history = record.history.filter(version__gt=version).order_by("history_date", "history_id")
    later = list(history.select_related("history_user"))
    baseline = record.history.filter(version__lte=version).order_by("-history_date", "-history_id").first()
    fields: list[str] = []
    if later and baseline is not None:
        delta = later[-1].diff_against(baseline, excluded_fields=["version", "updated_at"])
        fields = sorted(
            {str(record._meta.get_field(change.field).verbose_name) for change in delta.changes},
        )
    people = sorted({str(entry.history_user) for entry in later if entry.history_user})
    when = later[-1].history_date if later else None
    return fields, people, when


def conflict_message(record, version: int) -> str:
    fields, people, when = changes_since(record, version)
    parts = [gettext("Otra persona guardó este registro mientras usted lo editaba")]
    if people:
        parts = [
            gettext("%(people)s guardó este registro mientras usted lo editaba")
            % {"people": get_text_list(people, gettext("y"))}
        ]
    if when:
        parts.append(
            gettext("(%(when)s)") % {"when": date_format(localtime(when), "SHORT_DATETIME_FORMAT")}
        )
    message = " ".join(parts) + "."
    if fields:
        message += " " + gettext("Cambió: %(fields)s.") % {"fields": get_text_list(fields, gettext("y"))}
    return message + " " + gettext(
        "Sus cambios no se guardaron, para no sobrescribir los de esa persona. "
        "Abra de nuevo el registro para ver los valores actuales y vuelva a aplicar sus cambios."
    )


def ensure_version(locked_record, expected_version: int) -> None:
    """Raise ``VersionConflict`` unless the (locked) record is still at ``expected_version``."""
    if locked_record.version != expected_version:
        raise VersionConflict(conflict_message(locked_record, expected_version), code="version_conflict")


class SeenVersionField(forms.IntegerField):
    """The version a form was opened on; never counts as a change to the record."""

    widget = forms.HiddenInput

    def has_changed(self, initial, data):
        return False


class VersionedModelForm(forms.ModelForm):
    """A model form that refuses to save over changes made since it was opened.

    The admin saves a record's main form whether or not a field changed, so it
    is always checked; a form inside an inline is saved only when changed, so
    it is checked only then (``check_unchanged = False``).
    """

    check_unchanged = True
    seen_version = SeenVersionField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["seen_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None or not (self.check_unchanged or self.has_changed()):
            return cleaned
        seen = cleaned.get("seen_version")
        if seen is None:
            raise ValidationError(
                _("No se sabe qué versión del registro editó. Ábralo de nuevo y vuelva a guardar."),
                code="version_missing",
            )
        locked = type(self.instance)._default_manager.select_for_update().get(pk=self.instance.pk)
        ensure_version(locked, seen)
        return cleaned


class VersionedInlineForm(VersionedModelForm):
    check_unchanged = False
