"""Creating and changing records: the one way a record is written.

The admin, the spreadsheet import and the book load all call these. A write
runs in one transaction and saves everything or nothing: the record, its
many-to-many links, and one history row that names who wrote it and why,
showing the links as they are after the write. Before anything is saved:

- on a change, the record's row is locked and an edit made over an older
  version is refused (``cdmx_global.versioning``), so no one's edit is lost;
- a liaison writes only records of their own body (``cdmx_global.access``);
- the model's own validation (``full_clean``) refuses invalid data, in Spanish.

The status is not written here: it moves through the review steps
(``.transitions``). What follows a write (the public pages' cache generation,
the search index) listens to the models' signals, so it follows every write.

``user=None`` is a write by the system (the book load), under no person's role.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext

from ..access import user_can_review, user_handles_body
from ..changelog import TRANSLATION_FIELD, ChangeKind, log_change, log_correction, log_part_change, public_values
from ..models import Publishable, PublicationStatus, Record
from ..translation import (
    Translatable,
    TranslationStatus,
    apply_translation_rules,
    has_any_english,
    owner_translation_changes,
)
from ..versioning import ensure_version
from .transitions import publish_by_system

M = TypeVar("M", bound=models.Model)

#: Many-to-many values by field name: ``{"counterparts": [moscow, paris]}``.
Links = Mapping[str, Iterable[models.Model]]


@transaction.atomic
def record_create(
    *,
    model: type[M] | None = None,
    data: Mapping[str, Any] | None = None,
    instance: M | None = None,
    user: AbstractBaseUser | None,
    reason: str | None,
    m2m: Links | None = None,
    publish: bool = False,
    validate_constraints: bool = True,
    review_translation: bool = False,
) -> M:
    """Create a record from ``model`` and ``data``, or save a new ``instance`` already filled in
    (a form's or a spreadsheet row's), with its links and one history row.

    A record is created a draft; ``publish=True`` creates it published, for a
    system load only (``user=None``), as ``transitions.publish_by_system`` does.
    ``validate_constraints=False`` leaves the model's constraints to the database
    (an ``IntegrityError`` instead of a message): for a load of fixed data only.
    ``review_translation=True`` marks the English text written with it reviewed
    by ``user`` (a reviewer, or the system loading the book's translations);
    otherwise English text is saved as a draft (``cdmx_global.translation``).
    """
    if (model is None) == (instance is None):
        raise TypeError("record_create takes either model (with data) or instance.")
    if instance is None:
        instance = model(**(data or {}))
    else:
        for name, value in (data or {}).items():
            setattr(instance, name, value)
    if publish:
        if user is not None:
            raise ValueError("Only the system creates a published record; people publish through review.")
        publish_by_system(instance, now=timezone.now())
    elif isinstance(instance, Record) and instance.status != PublicationStatus.DRAFT:
        raise ValueError("A record is created as a draft; its status moves through the review steps.")
    _ensure_handles_body(user, instance)
    changed = apply_translation_rules(instance, before=None)
    if review_translation:
        _review_translation(instance, user=user)
    instance.full_clean(validate_constraints=validate_constraints)
    _save(instance, user=user, reason=reason, m2m=m2m, created=True)
    _tell_owner(instance, changed, user=user, reviewed=review_translation)
    if _is_public(instance):
        log_change(instance, kind=ChangeKind.PUBLISHED)
    elif (owner := _public_owner(instance)) is not None:
        log_part_change(owner, instance, before={})
    return instance


@transaction.atomic
def record_update(
    *,
    record: M,
    user: AbstractBaseUser | None,
    reason: str | None,
    expected_version: int | None,
    changes: Mapping[str, Any] | None = None,
    m2m: Links | None = None,
    validate_constraints: bool = True,
    review_translation: bool = False,
    public_note: str = "",
) -> M:
    """Save ``record`` with ``changes`` applied (or as a form already changed it), and ``m2m``.

    ``expected_version`` is the version the editor saw; ``None`` skips the
    check, for a system write that holds no earlier copy; ``validate_constraints``
    and ``review_translation`` as for ``record_create``. A change to the English
    text makes its translation a draft again, and a change to the Spanish text
    marks a reviewed translation outdated (``cdmx_global.translation``).

    On a published record, what the public sees change is logged in its public
    history with ``public_note``, the «nota pública de la corrección»
    (``cdmx_global.changelog``); a record the public does not see logs nothing.
    """
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if expected_version is not None:
        ensure_version(locked, expected_version)
    _ensure_handles_body(user, locked)  # the record as it is …
    before = public_values(locked) if _is_public(locked) or _public_owner(locked) is not None else None
    for name, value in (changes or {}).items():
        setattr(record, name, value)
    if isinstance(record, Publishable):
        if isinstance(record, Record) and record.status != locked.status:
            raise ValueError("A record's status moves through the review steps (cdmx_global.services.transitions).")
        record.version = locked.version
    _ensure_handles_body(user, record)  # … and as it would be
    changed = apply_translation_rules(record, before=locked)
    if review_translation:
        _review_translation(record, user=user)
    record.full_clean(validate_constraints=validate_constraints)
    _save(record, user=user, reason=reason, m2m=m2m, created=False)
    _tell_owner(record, changed, user=user, reviewed=review_translation)
    if before is not None and _is_public(record):
        log_correction(record, before=before, note=public_note)
    elif before is not None and (owner := _public_owner(record)) is not None:
        log_part_change(owner, record, before=before)
    return record


@transaction.atomic
def translation_mark_reviewed(
    *, record: M, user: AbstractBaseUser | None, expected_version: int | None, reason: str | None = None
) -> M:
    """A reviewer approves ``record``'s English text as it stands: English pages show it from now on,
    and a note that it was outdated goes away. One history row says who did it."""
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if expected_version is not None:
        ensure_version(locked, expected_version)
    _ensure_handles_body(user, locked)
    _review_translation(locked, user=user)
    _save(locked, user=user, reason=reason or gettext("Traducción revisada"), m2m=None, created=False)
    if _is_public(locked):
        # English pages show the reviewed text from now on: a change the public sees.
        log_change(locked, kind=ChangeKind.CHANGED, fields=[{"name": TRANSLATION_FIELD, "before": None, "after": None}])
    record.refresh_from_db()
    return record


def _tell_owner(part: models.Model, changed: tuple[bool, bool], *, user, reviewed: bool) -> None:
    """A part's text changed (an agreement's commitment): its owner's translation follows.

    Written together with a reviewed owner (the book load), the part's English is reviewed with it.
    """
    owner = getattr(part, "translation_owner", None)
    if owner is None or reviewed or not any(changed):
        return
    locked = type(owner)._default_manager.select_for_update().get(pk=owner.pk)
    english_changed, spanish_changed = changed
    if owner_translation_changes(locked, english_changed=english_changed, spanish_changed=spanish_changed):
        _save(locked, user=user, reason=gettext("Cambió el texto de un compromiso"), m2m=None, created=False)
        for name in ("translation_status", "translation_outdated", "translation_reviewed_at",
                     "translation_reviewed_by_id", "version"):
            setattr(owner, name, getattr(locked, name))


def _review_translation(record: models.Model, *, user: AbstractBaseUser | None) -> None:
    if not isinstance(record, Translatable):
        raise ValueError(f"{type(record).__name__} has no translation to review.")
    if user is not None and not user_can_review(user):
        raise PermissionDenied(gettext("Sólo quien revisa puede aprobar una traducción."))
    if not has_any_english(record):
        raise ValidationError(gettext("No hay texto en inglés que revisar: escriba la traducción primero."))
    record.translation_status = TranslationStatus.REVIEWED
    record.translation_outdated = False
    record.translation_reviewed_at = timezone.now()
    record.translation_reviewed_by = user


def _is_public(instance: models.Model) -> bool:
    return isinstance(instance, Publishable) and instance.status == PublicationStatus.PUBLISHED


def _public_owner(instance: models.Model) -> models.Model | None:
    """The published record whose page shows ``instance``, a part of it (an agreement's commitment)."""
    if isinstance(instance, Publishable):
        return None
    owner = getattr(instance, "translation_owner", None)
    return owner if owner is not None and _is_public(owner) else None


def _ensure_handles_body(user: AbstractBaseUser | None, instance: models.Model) -> None:
    if user is None or not isinstance(instance, Record):
        return
    if not user_handles_body(user, instance.body_id):
        raise PermissionDenied(gettext("No puede modificar registros de otra dependencia."))


def _save(
    instance: models.Model, *, user: AbstractBaseUser | None, reason: str | None, m2m: Links | None, created: bool
) -> None:
    """Save ``instance`` with its history row (simple_history writes it on save), then its links.

    The links are set without a history row each; the save's row is then given
    them, so the history holds one row for the write showing the links it left.
    """
    instance._history_user = user
    instance._change_reason = reason
    instance.save()
    links = {name: list(values) for name, values in (m2m or {}).items()}
    if created:
        links = {name: values for name, values in links.items() if values}
    if not links:
        return
    instance.skip_history_when_saving = True
    try:
        for name, values in links.items():
            getattr(instance, name).set(values)
    finally:
        del instance.skip_history_when_saving
    _history_links(instance, names=set(links), created=created)


def _history_links(instance: models.Model, *, names: set[str], created: bool) -> None:
    """Copy the links ``names`` into the history row the save just wrote."""
    history = getattr(type(instance), "history", None)
    if history is None:
        return
    tracked = [field for field in history.model._history_m2m_fields if field.name in names]
    if not tracked:
        return
    entry = instance.history.order_by("-history_id").first()
    for field in tracked:
        link_history = getattr(history.model, field.name).model
        if not created:
            link_history.objects.filter(history=entry).delete()
        through = field.remote_field.through
        columns = [column.name for column in through._meta.fields]
        rows = through.objects.filter(**{field.m2m_field_name(): instance})
        link_history.objects.bulk_create(
            [link_history(history=entry, **{column: getattr(row, column) for column in columns}) for row in rows]
        )
