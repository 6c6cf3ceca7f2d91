"""The reports and their lifecycle: build, approve, return to draft, deliver
to Congress and publish, each step through ``reports.services``; and the
report's files for staff, whatever its status."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import HistoryAdmin

from evaluations.periods import Semester
from evaluations.semesters import semester_column

from ..congress import is_congress
from ..models import FROZEN_STATUSES, BuildStatus, Report, ReportBuild, ReportStatus
from ..builds import report_build_request
from ..services import report_approve, report_deliver, report_publish, report_return_to_draft
from .report_forms import ReportBuildForm, ReportDeliveryForm


#: The lifecycle steps a button asks for: the service, and what is said once done.
LIFECYCLE = {
    "aprobar": (report_approve, _("Informe aprobado: ya puede registrarse su entrega al Congreso.")),
    "borrador": (report_return_to_draft, _("El informe volvió a borrador.")),
    "publicar": (report_publish, _("Informe publicado en el portal.")),
}


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    list_display = (semester_column, "version", "status", "built_at", "delivered_on", "delivery_reference")
    list_filter = ("status", "year", "half")
    search_fields = ("delivery_reference", "correction_note")
    fieldsets = (
        (_("Informe"), {"fields": (("year", "half"), "version", "status", "corrects", "correction_note")}),
        (
            _("Ciclo"),
            {
                "fields": (
                    ("built_at", "built_by"),
                    ("approved_at", "approved_by"),
                    ("delivered_on", "delivery_reference", "delivered_by"),
                    ("published_at", "published_by"),
                )
            },
        ),
    )

    def view_on_site(self, report):
        # Only a published report has a public page.
        return report.get_absolute_url() if report.status == ReportStatus.PUBLISHED else None

    # The content comes only from a build; nothing is added, edited or deleted by hand.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_lifecycle_permission(self, request) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_congress(request.user) and not self.has_lifecycle_permission(request):
            # The Congress sees the reports delivered to it, and no draft nor approved one.
            return queryset.filter(status__in=FROZEN_STATUSES)
        return queryset

    @staticmethod
    def _staff_work(request) -> dict:
        """What CGAI sees around the reports and the Congress does not: the builds and the evaluations lacking."""
        return {
            "show_builds": request.user.has_perm("reports.view_reportbuild"),
            "show_pending": request.user.has_perm("evaluations.view_agreementevaluation"),
        }

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("generar/", view(self.build_view), name="reports_report_build"),
            path("<path:object_id>/ciclo/<str:step>/", view(self.lifecycle_view), name="reports_report_lifecycle"),
            path("<path:object_id>/entregar/", view(self.deliver_view), name="reports_report_deliver"),
            path("<path:object_id>/archivo/<str:file_format>/", view(self.file_view), name="reports_report_file"),
            *super().get_urls(),
        ]

    def _report_or_404(self, request, object_id) -> Report:
        report = self.get_object(request, unquote(object_id))
        if report is None:
            raise Http404(_("No existe ese informe."))
        return report

    def _change_url(self, report) -> str:
        return reverse("admin:reports_report_change", args=[report.pk], current_app=self.admin_site.name)

    def history_view(self, request, object_id, extra_context=None):
        self._report_or_404(request, object_id)  # not a report's history the reader may not see
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._report_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_build": self.has_lifecycle_permission(request),
            **self._staff_work(request),
            # What the workers are doing or failed to do: the latest builds still waiting, running or failed.
            "builds": ReportBuild.objects.exclude(status=BuildStatus.DONE).select_related("requested_by")[:5],
            "pending_url": reverse("admin:evaluations_agreementevaluation_pending"),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = self._report_or_404(request, object_id)
        can_act = self.has_lifecycle_permission(request)
        extra_context = {
            **(extra_context or {}),
            "can_act": can_act,
            **self._staff_work(request),
            "can_record_congress": report.is_frozen and request.user.has_perm("reports.add_congressevaluation"),
            "files": report.files.all(),
            "builds": ReportBuild.objects.filter(year=report.year, half=report.half).select_related("requested_by")[:5],
            "summary": report.summary_figures,
            "congress_evaluations": report.congress_evaluations.all(),
            "build_url": f"{reverse('admin:reports_report_build')}?{urlencode({'semestre': report.semester.label})}",
            "pending_url": (
                f"{reverse('admin:evaluations_agreementevaluation_pending')}?"
                f"{urlencode({'semestre': report.semester.label})}"
            ),
            "congress_add_url": f"{reverse('admin:reports_congressevaluation_add')}?{urlencode({'report': report.pk})}",
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _form_page(self, request, *, title, form, submit_label, cancel_url, report=None, intro=None):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(report) if report else None,
            "opts": self.opts,
            "original": report,
            "form": form,
            "submit_label": submit_label,
            "cancel_url": cancel_url,
            "intro": intro,
        }
        return TemplateResponse(request, "admin/reports/report/action_form.html", context)

    def build_view(self, request):
        """Queue the build of a semester's report: a first version, a draft
        rebuilt, or a correction of a delivered one (the build decides which).
        A worker builds it; the build's page says how it goes."""
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = ReportBuildForm(request.POST)
            if form.is_valid():
                try:
                    build, queued = report_build_request(
                        semester=form.cleaned_data["semester"],
                        user=request.user,
                        correction_note=form.cleaned_data["correction_note"],
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    if queued:
                        message = _(
                            "Generación del informe %(semester)s en cola: la página de la generación dice cómo va, y "
                            "recibirá un correo cuando esté lista."
                        )
                    else:
                        message = _("Ya había una generación del informe %(semester)s en curso: es esta.")
                    self.message_user(request, message % {"semester": build.semester.label}, messages.SUCCESS)
                    return HttpResponseRedirect(
                        reverse("admin:reports_reportbuild_change", args=[build.pk], current_app=self.admin_site.name)
                    )
        else:
            default = Semester.containing(timezone.localdate()).previous().label
            form = ReportBuildForm(initial={"semester": request.GET.get("semestre", default)})
        return self._form_page(
            request,
            title=_("Generar o regenerar borrador"),
            form=form,
            submit_label=_("Generar borrador"),
            cancel_url=reverse("admin:reports_report_changelist", current_app=self.admin_site.name),
            intro=_(
                "Sin informe del semestre se genera la versión 1. Un borrador o un informe aprobado se regenera "
                "y queda en borrador. Un informe ya entregado no cambia: se genera una nueva versión que dice qué "
                "corrige. El informe se genera en segundo plano: recibirá un correo cuando esté listo."
            ),
        )

    def lifecycle_view(self, request, object_id, step):
        """Approve, return to draft or publish: a POST from the report's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        if step not in LIFECYCLE:
            raise Http404
        service, done = LIFECYCLE[step]
        try:
            service(report=report, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(self._change_url(report))

    def deliver_view(self, request, object_id):
        """Record the delivery to Congress: the date and the oficio."""
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        if request.method == "POST":
            form = ReportDeliveryForm(request.POST)
            if form.is_valid():
                try:
                    report_deliver(report=report, user=request.user, **form.cleaned_data)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request,
                        _("Entrega al Congreso registrada: los archivos del informe ya no cambian."),
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(self._change_url(report))
        else:
            form = ReportDeliveryForm(initial={"delivered_on": timezone.localdate()})
        return self._form_page(
            request,
            title=_("Registrar entrega al Congreso"),
            form=form,
            submit_label=_("Registrar entrega"),
            cancel_url=self._change_url(report),
            report=report,
            intro=_("Una vez registrada la entrega, los archivos y sus SHA-256 no vuelven a cambiar."),
        )

    def file_view(self, request, object_id, file_format):
        """One of the report's files, for staff, whatever the report's status."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        report_file = report.files.filter(format=file_format).first()
        if report_file is None:
            raise Http404(_("El informe no tiene ese archivo."))
        try:
            handle = report_file.file.open("rb")
        except FileNotFoundError:
            raise Http404(_("El archivo no está en el almacenamiento.")) from None
        return FileResponse(handle, as_attachment=True, filename=report_file.filename)
