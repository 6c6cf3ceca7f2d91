"""A published record's public history page (``<record page>/historial/``): each
change the public saw, newest first, with its date, what happened, the public
note and the fields that changed, from what to what (``cdmx_global.changelog``).

One view for every record page: each app's ``urls.py`` mounts ``RecordHistoryView``
with its published records and its lookup. A draft or a record in review is not
found, exactly as an unknown one; a withdrawn record the public had seen answers
its notice (410, ``cdmx_global.withdrawn``).
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from .changelog import TRANSLATION_FIELD, ChangeKind, changes_of
from .feeds import record_title
from .withdrawn import PublicRecordMixin

#: What happened, as the history page and the API say it.
KIND_LABELS = {
    ChangeKind.PUBLISHED: _("Publicado"),
    ChangeKind.CHANGED: _("Corregido"),
    ChangeKind.WITHDRAWN: _("Retirado"),
}
TRANSLATION_REVIEWED = _("Traducción al inglés revisada")


def is_translation_review(change) -> bool:
    return [entry.get("name") for entry in change.fields] == [TRANSLATION_FIELD]


def change_label(change) -> str:
    """«Publicado», «Corregido», «Retirado» or «Traducción al inglés revisada»."""
    if change.kind == ChangeKind.CHANGED and is_translation_review(change):
        return str(TRANSLATION_REVIEWED)
    return str(KIND_LABELS.get(change.kind, change.kind))


def change_fields(model, change) -> list[dict]:
    """The fields a change shows (``PublicChange.field_changes``); a reviewed translation has
    no values: its line says what happened."""
    return [entry for entry in change.field_changes(model) if entry["name"] != TRANSLATION_FIELD]


def public_history(record) -> list[dict]:
    """``record``'s public changes, newest first, ready to show: one query."""
    model = type(record)
    return [
        {"change": change, "label": change_label(change), "fields": change_fields(model, change)}
        for change in reversed(list(changes_of(record)))
    ]


class RecordHistoryView(PublicRecordMixin, DetailView):
    """``/<record page>/historial/``: mounted with ``queryset`` (published records only),
    the lookup (``slug_field``/``slug_url_kwarg`` or the ``pk``) and ``list_url_name``."""

    template_name = "cdmx_global/record_history.html"
    context_object_name = "record"

    def get_context_data(self, **kwargs):
        record = self.object
        return super().get_context_data(
            title=record_title(record), changes=public_history(record), record_url=record.get_absolute_url(),
            list_url=self.list_url(), **kwargs,
        )
