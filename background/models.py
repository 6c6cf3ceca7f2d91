"""What the portal keeps about its background work, beside django-tasks-db's
queue (``DBTaskResult``): the workers alive, the scheduled runs already
queued and the outgoing emails."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class QueuedTask(DBTaskResult):
    """The queue as administrators see it (``background.admin``)."""

    class Meta:
        proxy = True
        verbose_name = _("tarea en segundo plano")
        verbose_name_plural = _("tareas en segundo plano")
        permissions = [("retry_queuedtask", _("Puede reintentar una tarea fallida"))]


class WorkerHeartbeat(models.Model):
    """A worker process, alive while its ``last_seen`` is recent: a task
    running on a worker that stopped beating is tried again."""

    worker_id = models.CharField(_("trabajador"), max_length=64, primary_key=True)
    hostname = models.CharField(_("servidor"), max_length=255)
    pid = models.PositiveIntegerField(_("proceso"))
    started_at = models.DateTimeField(_("iniciado"))
    last_seen = models.DateTimeField(_("última señal"), db_index=True)

    class Meta:
        verbose_name = _("trabajador")
        verbose_name_plural = _("trabajadores")

    def __str__(self) -> str:
        return self.worker_id


class ScheduledRun(models.Model):
    """One run of a schedule (``TASK_SCHEDULES``), queued once whatever the
    number of workers: the pair (schedule, due time) is unique."""

    schedule = models.CharField(_("programa"), max_length=64)
    due_at = models.DateTimeField(_("programada para"))
    enqueued_at = models.DateTimeField(_("puesta en cola"), auto_now_add=True)
    task_id = models.CharField(_("tarea"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("ejecución programada")
        verbose_name_plural = _("ejecuciones programadas")
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "due_at"], name="scheduledrun_once_per_due_time"),
        ]

    def __str__(self) -> str:
        return f"{self.schedule} {self.due_at:%Y-%m-%d %H:%M}"


def _message_id() -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"


class Email(models.Model):
    """An email the portal sends, kept until it is sent (``background.mail``).

    Written in the transaction of what it tells about, and sent by a task: a
    request never waits for the mail server, and a rolled back change sends
    nothing. ``key`` names what the email is for (a digest's day and
    recipient, say): the same key never makes a second email.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("por enviar")
        SENT = "sent", _("enviado")
        FAILED = "failed", _("no enviado")

    key = models.CharField(_("clave"), max_length=200, unique=True, null=True, blank=True, editable=False)
    to = models.JSONField(_("destinatarios"))
    subject = models.CharField(_("asunto"), max_length=300)
    body = models.TextField(_("texto"))
    html = models.TextField(_("HTML"), blank=True)
    headers = models.JSONField(_("encabezados"), default=dict, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=255, default=_message_id, editable=False)
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    last_error = models.TextField(_("último error"), blank=True)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    sent_at = models.DateTimeField(_("enviado"), null=True, blank=True)

    class Meta:
        verbose_name = _("correo")
        verbose_name_plural = _("correos")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="email_status_created")]

    def __str__(self) -> str:
        return self.subject
