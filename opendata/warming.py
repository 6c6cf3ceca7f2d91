"""The downloads made again in the background after each change, so the
next visitor is sent a kept file (``opendata.filecache``) rather than
waiting for a whole table to be written (seconds at a hundred times the
book).

Once a change to public content commits, a worker waits
``DOWNLOAD_WARM_DELAY_SECONDS`` (a burst of changes is made once, after the
last), then writes every table in every format and language (and deletes
the partial copies a killed worker left), as asked for
at the portal's address (``SITE_URL``) with no filter. It stops as soon as
another change comes: the task that change queued carries on. Each night a
scheduled run makes again what aged out (``TASK_SCHEDULES``).
"""

import datetime
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from background.tasks import background_task, enqueue
from cdmx_global.pagecache import current_generation

from . import filecache
from .downloads import EXPORTERS, rows
from .tables import TABLES


def _absolute_url(location: str) -> str:
    return urljoin(settings.SITE_URL, location)


def warm(table, exporter, language: str) -> bool:
    """Write ``table`` in ``exporter``'s format and ``language`` where a request
    for it would look; False when it is there already (or nothing is kept)."""
    site = urlsplit(settings.SITE_URL)
    with translation.override(settings.LANGUAGE_CODE if table.language_of_record else language):
        table = table.in_language(translation.get_language())
        kept_at = filecache.kept_path(
            scheme=site.scheme, host=site.netloc, language=translation.get_language(),
            resource=table.name, extension=exporter.extension,
        )
        if kept_at is None or filecache.is_fresh(kept_at) or filecache.building(kept_at):
            return False
        records = table.collection.records(QueryDict())
        response = filecache.keep(exporter.response(table, rows(table, records, _absolute_url)), kept_at)
        try:
            for _block in response.streaming_content:
                pass
        finally:
            response.close()
    return True


def warm_all(generation: int | None = None) -> int:
    """Write every download not kept yet; stops when the content generation
    moves past ``generation``. Returns how many files were written."""
    written = 0
    filecache.remove_partials()
    for language, _name in settings.LANGUAGES:
        for table in TABLES.values():
            for exporter in EXPORTERS.values():
                if generation is not None and current_generation() != generation:
                    return written
                written += warm(table, exporter, language)
    return written


@background_task(title=_("Preparar las descargas de datos abiertos tras un cambio"), attempts=3)
def warm_downloads(generation: int) -> int:
    return warm_all(generation)


@background_task(title=_("Preparar las descargas de datos abiertos (cada noche)"), attempts=3)
def warm_downloads_daily(day: str) -> int:
    return warm_all(current_generation())


def generation_changed(sender, generation: int, **kwargs) -> None:
    """Queue the downloads of the new content (where downloads are kept).

    Only where a worker runs the task later: a backend that runs tasks at
    once (the tests' immediate backend) would make whoever saved wait for
    every table; there the next visitor makes the file, as without a worker."""
    if not filecache.enabled() or not warm_downloads.get_backend().supports_defer:
        return
    enqueue(warm_downloads, generation, delay=datetime.timedelta(seconds=settings.DOWNLOAD_WARM_DELAY_SECONDS))
