"""Each night a worker forgets the readers' addresses kept past
``ERROR_REPORT_RETENTION_DAYS`` (``TASK_SCHEDULES``, «reportes»)."""

from django.utils.translation import gettext_lazy as _

from background.tasks import background_task

from .services import forget_addresses


@background_task(title=_("Borrar los correos de los reportes de errores antiguos"), attempts=3)
def forget_report_addresses(day: str) -> int:
    return forget_addresses()
