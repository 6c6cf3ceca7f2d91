"""The search index rebuilt by a worker after a bulk change (the book's
load, a spreadsheet import), rather than record by record as they are
written (``search.signals``)."""

from django.utils.translation import gettext_lazy as _

from background.tasks import background_task, enqueue

from .services import index_rebuild


@background_task(title=_("Rehacer el índice de búsqueda"), attempts=3)
def rebuild_index() -> int:
    """Rebuild the whole index (idempotent: it is replaced whole, in one transaction)."""
    return index_rebuild()


def bulk_change_ended(sender, change, **kwargs) -> None:
    if change.changed:
        enqueue(rebuild_index)
