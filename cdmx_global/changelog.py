"""The public record's own history: what the public saw change, and when.

One ``PublicChange`` per publication, public correction or withdrawal of a
record the public can see, written by the write services in the same
transaction as the change (``cdmx_global.services``), with:

- the fields the public sees that changed, each with its value before and
  after, as the public saw it: links only to published records, a partial
  date at its precision; never a draft's text, a review note, who did it, the
  publication workflow's own fields or an unreviewed translation;
- the public note staff write with a correction («nota pública de la
  corrección»), or the public reason of a withdrawal.

Each change takes the next ``sequence`` number in commit order: the number is
taken under a row lock (``ChangeSequence``) that its transaction holds until it
commits, so whoever reads change N+1 can already read change N. A reader that
pages by sequence (``changes_after``) therefore never skips nor repeats a
change, however many edits commit meanwhile. The lock is taken as the last
write of a change's transaction, to hold it as briefly as possible.

A record edited while still a draft or in review leaves nothing here: the
public never saw it.
"""

import datetime
import decimal

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .partial_dates import DatePrecision, format_partial_date
from .published import PublicationStatus

#: Fields no public page shows, on every record: the workflow, versions, who did what.
WORKFLOW_FIELDS = frozenset({
    "id", "status", "version", "created_at", "updated_at",
    "submitted_at", "submitted_by", "published_at", "published_by", "withdrawn_at", "withdrawn_by",
    "review_note", "translation_status", "translation_outdated", "translation_reviewed_at",
    "translation_reviewed_by",
})

#: The ``fields`` entry of a reviewed English translation (its text is not diffed).
TRANSLATION_FIELD = "translation"


class ChangeKind(models.TextChoices):
    PUBLISHED = "published", _("Publicado")
    CHANGED = "changed", _("Corregido")
    WITHDRAWN = "withdrawn", _("Retirado")


class ChangeSequence(models.Model):
    """One row: the last sequence number taken (see the module's docstring)."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("secuencia de cambios públicos")


class PublicChange(models.Model):
    sequence = models.PositiveBigIntegerField(_("secuencia"), unique=True, editable=False)
    at = models.DateTimeField(_("fecha"), db_index=True, editable=False)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+", editable=False)
    object_id = models.PositiveBigIntegerField(editable=False)
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("cambio"), max_length=10, choices=ChangeKind.choices, editable=False)
    title = models.CharField(_("título"), max_length=300, editable=False, help_text=_("El del registro en ese momento."))
    note = models.TextField(
        _("nota pública"), blank=True, editable=False,
        help_text=_("La nota pública de la corrección, o el motivo público del retiro."),
    )
    #: ``[{"name": field, "before": value, "after": value}]``: the public values (``public_values``).
    fields = models.JSONField(_("campos"), default=list, editable=False)

    class Meta:
        ordering = ["sequence"]
        verbose_name = _("cambio público")
        verbose_name_plural = _("cambios públicos")
        indexes = [models.Index(fields=["content_type", "object_id", "sequence"], name="publicchange_record")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def field_changes(self, model: type[models.Model] | None = None) -> list[dict]:
        """Each changed field with its label and values as a person reads them; a part's
        field (an agreement's commitment) is labelled with the part it belongs to.
        ``model`` is the record's, when the caller has it (no read of the content type)."""
        owner = model or ContentType.objects.get_for_id(self.content_type_id).model_class()
        changes = []
        for entry in self.fields:
            model, label = owner, None
            part = entry.get("part")
            if part:
                model = apps.get_model(part["model"])
                label = "%s «%s»: %s" % (
                    _capitalised(model._meta.verbose_name), part["title"], field_label(model, entry["name"]))
            changes.append({
                **entry,
                "label": label or field_label(model, entry["name"]),
                "before_text": display_value(model, entry["name"], entry.get("before")),
                "after_text": display_value(model, entry["name"], entry.get("after")),
            })
        return changes


# --- What the public sees of a record --------------------------------------


def public_field_names(model: type[models.Model]) -> list[str]:
    """The fields of ``model`` a public page shows: its editable fields and links, without the
    workflow's, the English twins (a translation is reviewed as a whole: ``TRANSLATION_FIELD``),
    a partial date's precision (it goes with its date) and the model's ``private_fields``."""
    private = set(getattr(model, "private_fields", ())) | WORKFLOW_FIELDS
    names = []
    for field in model._meta.get_fields():
        forward = field.concrete or (field.many_to_many and not field.auto_created)
        if not forward or field.auto_created or not field.editable or field.name in private:
            continue
        if field.name.endswith("_en") or _is_precision(model, field.name):
            continue
        names.append(field.name)
    return names


def _is_precision(model, name: str) -> bool:
    if not name.endswith("_precision"):
        return False
    try:
        model._meta.get_field(name.removesuffix("_precision"))
    except Exception:
        return False
    return True


def _has_precision(model, name: str) -> bool:
    try:
        model._meta.get_field(f"{name}_precision")
    except Exception:
        return False
    return True


def _public(related) -> bool:
    return getattr(related, "status", PublicationStatus.PUBLISHED) == PublicationStatus.PUBLISHED


def _value(record: models.Model, field) -> object:
    """One field's public value, JSON-ready: codes and text as stored, a linked
    record by its name (only if published), a partial date at its precision."""
    if field.many_to_many:
        related = getattr(record, field.name).all()
        return sorted(str(item) for item in related if _public(item))
    if field.is_relation:
        item = getattr(record, field.name)
        return str(item) if item is not None and _public(item) else None
    value = getattr(record, field.attname)
    if isinstance(field, models.FileField):
        return bool(value)  # whether there is a document: its stored name means nothing to the public
    if isinstance(value, datetime.date) and _has_precision(type(record), field.name):
        precision = getattr(record, f"{field.name}_precision")
        return {"year": value.strftime("%Y"), "month": value.strftime("%Y-%m")}.get(precision, value.isoformat())
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)  # a country, a file's name


def public_values(record: models.Model) -> dict:
    """The record as the public sees it: ``{field: value}`` (``public_field_names``), in Spanish."""
    model = type(record)
    with translation.override("es"):
        return {name: _value(record, model._meta.get_field(name)) for name in public_field_names(model)}


def _capitalised(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


def field_label(model: type[models.Model], name: str) -> str:
    if name == TRANSLATION_FIELD:
        return str(_("Traducción al inglés"))
    try:
        return _capitalised(model._meta.get_field(name).verbose_name)
    except Exception:
        return name


def display_value(model: type[models.Model], name: str, value) -> str:
    """A stored public value as a person reads it: a choice by its label, a list joined."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, bool):
        return str(_("Sí") if value else _("No"))
    try:
        field = model._meta.get_field(name)
    except Exception:
        return str(value)
    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField) and isinstance(value, str):
        return _date_text(value)
    if field.choices and not field.is_relation:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or value is False


def _date_text(value: str) -> str:
    """A stored date ("2014", "2014-03", "2014-03-17") written at its precision («17 de marzo de 2014»)."""
    parts = [int(part) for part in value.split("-")]
    precision = {1: DatePrecision.YEAR, 2: DatePrecision.MONTH}.get(len(parts), DatePrecision.DAY)
    year, month, day = (parts + [1, 1])[:3]
    return format_partial_date(datetime.date(year, month, day), precision)


def diff(before: dict, after: dict) -> list[dict]:
    """The fields whose public value changed (nothing and an empty text read the same)."""
    return [
        {"name": name, "before": before.get(name), "after": value}
        for name, value in after.items()
        if before.get(name) != value and not (_empty(before.get(name)) and _empty(value))
    ]


# --- Writing ---------------------------------------------------------------


def _next_sequence() -> int:
    """The next number, locked until the caller's transaction ends (see the module)."""
    if not ChangeSequence.objects.filter(pk=1).update(value=F("value") + 1):
        ChangeSequence.objects.get_or_create(pk=1, defaults={"value": 0})
        ChangeSequence.objects.filter(pk=1).update(value=F("value") + 1)
    return ChangeSequence.objects.values_list("value", flat=True).get(pk=1)


def log_change(
    record: models.Model, *, kind: str, note: str = "", fields: list[dict] | None = None, at=None
) -> PublicChange:
    """Write one public change of ``record`` (inside the caller's transaction)."""
    with translation.override("es"):
        title = str(record)[:300]
    return PublicChange.objects.create(
        sequence=_next_sequence(),
        at=at or timezone.now(),
        content_type=ContentType.objects.get_for_model(type(record), for_concrete_model=False),
        object_id=record.pk,
        kind=kind,
        title=title,
        note=(note or "").strip(),
        fields=fields or [],
    )


def log_correction(record: models.Model, *, before: dict, note: str = "") -> PublicChange | None:
    """A published record was saved: log what the public sees change, if anything
    (a public note alone is logged too: staff had something to say)."""
    fresh = type(record)._default_manager.get(pk=record.pk)  # links as saved, not as a form prefetched them
    changed = diff(before, public_values(fresh))
    if not changed and not note.strip():
        return None
    return log_change(record, kind=ChangeKind.CHANGED, note=note, fields=changed)


def log_part_change(owner: models.Model, part: models.Model, *, before: dict) -> PublicChange | None:
    """A part shown on its published owner's page changed (an agreement's commitment):
    the change is the owner's, each field naming the part. ``before`` is ``{}`` for a new part."""
    fresh = type(part)._default_manager.get(pk=part.pk)
    changed = diff(before, public_values(fresh))
    if not changed:
        return None
    with translation.override("es"):
        described = {"model": part._meta.label_lower, "title": str(fresh)[:300]}
    return log_change(owner, kind=ChangeKind.CHANGED, fields=[{**entry, "part": described} for entry in changed])


# --- Reading ---------------------------------------------------------------


def changes_of_model(model: type[models.Model]):
    """The public changes of ``model``'s records. The content type is joined by its natural
    key: the same one query whether or not the content types are cached yet."""
    return PublicChange.objects.filter(
        content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
    )


def changes_of(record: models.Model):
    """``record``'s public changes, oldest first."""
    return PublicChange.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record), for_concrete_model=False), object_id=record.pk
    ).order_by("sequence")


def withdrawal_of(record: models.Model) -> PublicChange | None:
    """The public notice of ``record``'s withdrawal: only a withdrawn record the public had seen has one.

    A draft withdrawn before it was ever published gets ``None`` (its page stays a 404)."""
    if getattr(record, "status", None) != PublicationStatus.WITHDRAWN:
        return None
    return changes_of(record).filter(kind=ChangeKind.WITHDRAWN).order_by("-sequence").first()


def changes_after(sequence: int = 0, *, since: datetime.datetime | None = None, limit: int = 100):
    """Changes with a sequence above ``sequence`` (and, if given, made at or after ``since``), in
    sequence order: page on with the last one's ``sequence``."""
    changes = PublicChange.objects.filter(sequence__gt=sequence).select_related("content_type")
    if since is not None:
        changes = changes.filter(at__gte=since)
    return changes.order_by("sequence")[:limit]


def last_change() -> PublicChange | None:
    """The latest public change anywhere: its ``sequence`` and ``at`` validate what the public sees."""
    return PublicChange.objects.order_by("-sequence").first()
