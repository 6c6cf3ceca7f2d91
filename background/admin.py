"""The queue for administrators: what waits, what runs, what failed and why,
with a retry for the failed; and the outbox, read-only. Nothing here is
added or edited by hand."""

import datetime
import json

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _, ngettext
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import Email, QueuedTask, ScheduledRun, WorkerHeartbeat
from .tasks import policy_for
from .worker import retry_failed

# django-tasks-db registers its own admin, in English; the queue's is this one.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)

STATUS_LABELS = {
    TaskResultStatus.READY: _("En cola"),
    TaskResultStatus.RUNNING: _("En curso"),
    TaskResultStatus.SUCCESSFUL: _("Terminada"),
    TaskResultStatus.FAILED: _("Fallida"),
}


def task_status(result: DBTaskResult) -> str:
    if result.status == TaskResultStatus.READY and result.worker_ids:
        return _("En espera de reintento")
    return STATUS_LABELS.get(result.status, result.status)


class StatusFilter(admin.SimpleListFilter):
    title = _("estado")
    parameter_name = "estado"

    def lookups(self, request, model_admin):
        return [(status.value, label) for status, label in STATUS_LABELS.items()]

    def queryset(self, request, queryset):
        if self.value() in TaskResultStatus.values:
            return queryset.filter(status=self.value())
        return queryset


@admin.register(QueuedTask)
class QueuedTaskAdmin(admin.ModelAdmin):
    list_display = ("task_title", "status_label", "tries", "queued_at", "started", "finished", "error_line")
    list_filter = (StatusFilter,)
    ordering = ("-enqueued_at",)
    actions = ["retry"]
    fields = (
        "task_title", "status_label", "tries", "arguments", "queued_at", "next_try", "started", "finished",
        "workers", "error",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """Above the list: how many tasks wait, run and failed, and how many workers beat."""
        counts = dict(DBTaskResult.objects.values_list("status").annotate(count=Count("pk")).order_by())
        silent_since = timezone.now() - datetime.timedelta(seconds=settings.TASK_WORKER_TIMEOUT_SECONDS)
        extra_context = {
            **(extra_context or {}),
            "queue_counts": [
                (label, counts.get(status, 0), f"?{StatusFilter.parameter_name}={status.value}")
                for status, label in STATUS_LABELS.items()
            ],
            "workers_alive": WorkerHeartbeat.objects.filter(last_seen__gte=silent_since).count(),
        }
        return super().changelist_view(request, extra_context)

    def has_retry_permission(self, request):
        return request.user.has_perm("background.retry_queuedtask")

    @admin.display(description=_("tarea"))
    def task_title(self, result):
        return policy_for(result.task_path).title or result.task_path

    @admin.display(description=_("estado"), ordering="status")
    def status_label(self, result):
        return task_status(result)

    @admin.display(description=_("intentos"))
    def tries(self, result):
        return f"{len(result.worker_ids)} / {policy_for(result.task_path).attempts}"

    @admin.display(description=_("puesta en cola"), ordering="enqueued_at")
    def queued_at(self, result):
        return result.enqueued_at

    @admin.display(description=_("último intento"), ordering="started_at")
    def started(self, result):
        return result.started_at or "—"

    @admin.display(description=_("terminada"), ordering="finished_at")
    def finished(self, result):
        return result.finished_at or "—"

    @admin.display(description=_("datos de la tarea"))
    def arguments(self, result):
        return format_html("<pre>{}</pre>", json.dumps(result.args_kwargs, ensure_ascii=False, indent=2))

    @admin.display(description=_("próximo intento"))
    def next_try(self, result):
        if result.status != TaskResultStatus.READY or result.run_after == get_date_max():
            return "—"
        return result.run_after

    @admin.display(description=_("trabajadores"))
    def workers(self, result):
        return ", ".join(result.worker_ids) or "—"

    @admin.display(description=_("último error"))
    def error_line(self, result):
        lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
        return lines[-1][:200] if lines else "—"

    @admin.display(description=_("detalle del último error"))
    def error(self, result):
        return format_html("<pre>{}</pre>", result.traceback) if result.traceback else "—"

    @admin.action(description=_("Reintentar las tareas fallidas seleccionadas"), permissions=["retry"])
    def retry(self, request, queryset):
        count = retry_failed(list(queryset.values_list("pk", flat=True)))
        if count:
            self.message_user(
                request,
                ngettext("%(count)d tarea vuelve a la cola.", "%(count)d tareas vuelven a la cola.", count)
                % {"count": count},
                messages.SUCCESS,
            )
        else:
            self.message_user(request, _("Sólo se reintenta una tarea fallida."), messages.WARNING)


@admin.register(Email)
class EmailAdmin(admin.ModelAdmin):
    list_display = ("subject", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    ordering = ("-created_at",)
    fields = ("subject", "to", "status", "attempts", "created_at", "sent_at", "last_error", "body", "message_id")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    list_display = ("schedule", "due_at", "enqueued_at", "task_id")
    readonly_fields = ("schedule", "due_at", "enqueued_at", "task_id")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
