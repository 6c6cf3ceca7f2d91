"""Keep the index current wherever records change: the admin, the spreadsheet
import, the publication services and ``load_book`` all save models, so the
index listens to the models rather than to each of them.

The reindex runs at once, in the same transaction as the change: a change
rolled back leaves the index as it was. Inside a bulk change (the book's
load, an import: ``cdmx_global.bulk``) nothing is reindexed record by record;
the change is marked, and at its end a worker rebuilds the whole index
(``search.tasks``).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from cdmx_global.bulk import bulk_change_ended, in_bulk_change
from cdmx_global.models import Framework, Theme
from events.models import VisitGuest

from . import services, tasks
from .indexed import INDEXED, INDEXED_M2M, dependents

#: Models not indexed themselves whose words are in indexed records.
LENDERS = (Theme, Framework, VisitGuest)

_STASH = "_search_stash"


def _put_off() -> bool:
    """Within a bulk change, mark it for a whole rebuild at its end instead."""
    change = in_bulk_change()
    if change is None:
        return False
    change.changed = True
    return True


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or _put_off():
        return
    if sender in INDEXED:
        # A new record cannot yet be linked from another.
        services.record_reindex(record=instance, with_dependents=not created)
    elif not created or sender is VisitGuest:
        services.dependents_reindex(found=dependents(instance))


def _deleting(sender, instance, **kwargs):
    if in_bulk_change():
        return
    # Once the row is gone, the records that named it can no longer be found.
    setattr(instance, _STASH, dependents(instance))


def _deleted(sender, instance, **kwargs):
    if _put_off():
        return
    if sender in INDEXED:
        services.record_unindex(record=instance)
    services.dependents_reindex(found=getattr(instance, _STASH, {}))


def _links_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if _put_off():
        return
    record_model, field = _THROUGH[sender]
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            services.records_reindex(model=record_model, pks=[instance.pk])
        return
    # From the other side (``theme.agreements.add(…)``): ``pk_set`` holds the records.
    if action == "pre_clear":
        cleared = set(record_model.objects.filter(**{field: instance.pk}).values_list("pk", flat=True))
        setattr(instance, _STASH, {**getattr(instance, _STASH, {}), sender: cleared})
    elif action in ("post_add", "post_remove"):
        services.records_reindex(model=record_model, pks=pk_set)
    elif action == "post_clear":
        services.records_reindex(model=record_model, pks=getattr(instance, _STASH, {}).pop(sender, set()))


_THROUGH = {
    getattr(model, field).through: (model, field) for model, fields in INDEXED_M2M.items() for field in fields
}


def connect() -> None:
    for model in (*INDEXED, *LENDERS):
        uid = f"search-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        pre_delete.connect(_deleting, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    bulk_change_ended.connect(tasks.bulk_change_ended, dispatch_uid="search-bulk-change-ended")
    for through in _THROUGH:
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search-{through._meta.label_lower}")
