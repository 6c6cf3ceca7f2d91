"""Import and export buttons for the record admins.

``SpreadsheetExportMixin`` gives every record admin a CSV/XLSX export of what
the user may see, formulas escaped. ``SpreadsheetImportExportMixin`` adds the
import: upload, a dry-run preview with every row and its errors, and a
confirmation that saves every row or none, as drafts.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy as _, ngettext
from import_export.admin import ExportMixin, ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ExportForm, ImportForm
from import_export.results import RowResult


from ..spreadsheets import spanish

#: Staff keep a few hundred rows a year; a bigger upload is a mistake or an attack.
IMPORT_MAX_BYTES = 5 * 1024 * 1024


class SpreadsheetImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("El archivo pesa más de %(limit)s MB; divídalo en varios."),
                params={"limit": IMPORT_MAX_BYTES // (1024 * 1024)},
            )
        return upload


class SpreadsheetExportMixin(ExportMixin):
    """CSV and XLSX exports of the changelist as filtered, limited to what the user may see."""

    export_formats = [CSV, XLSX]
    export_form_class = ExportForm
    to_encoding = "utf-8-sig"  # so a spreadsheet opening the CSV reads the accents

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_export_filename(self, request, queryset, file_format):
        name = slugify(spanish(self.model._meta.verbose_name_plural))
        return f"{name}-{timezone.localdate().isoformat()}.{file_format.get_extension()}"


class SpreadsheetImportExportMixin(ImportMixin, SpreadsheetExportMixin):
    """Imports that create drafts only, all rows or none, for users who may add records."""

    import_export_change_list_template = "admin/import_export/change_list_import_export.html"
    import_template_name = "admin/cdmx_global/spreadsheet_import.html"
    import_formats = [CSV, XLSX]
    import_form_class = SpreadsheetImportForm
    skip_import_confirm = False

    def has_import_permission(self, request):
        return self.has_add_permission(request)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {"user": request.user}

    def get_import_data_kwargs(self, **kwargs):
        kwargs.pop("form", None)
        kwargs.pop("request", None)
        # The confirmation re-checks every row: should anything have changed
        # since the preview, one invalid row undoes them all.
        return {**kwargs, "rollback_on_validation_errors": True}

    def get_urls(self):
        info = self.get_model_info()
        return [
            path(
                "import/template.<str:extension>",
                self.admin_site.admin_view(self.import_template_view),
                name="%s_%s_import_template" % info,
            ),
            *super().get_urls(),
        ]

    def import_template_view(self, request, extension):
        """The empty sheet for this kind of record: the column headers only."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        formats = {format_class().get_extension(): format_class for format_class in self.import_formats}
        if extension not in formats:
            raise Http404
        file_format = formats[extension]()
        resource = self.get_import_resource_classes(request)[0](user=request.user)
        content = file_format.export_data(resource.export_template())
        if not file_format.is_binary():
            content = content.encode(self.to_encoding)
        response = HttpResponse(content, content_type=file_format.get_content_type())
        name = slugify(spanish(self.model._meta.verbose_name_plural))
        response["Content-Disposition"] = f'attachment; filename="plantilla-{name}.{extension}"'
        return response

    def get_import_context_data(self, **kwargs):
        info = self.get_model_info()
        return {
            "template_links": [
                (format_class().get_extension(), reverse("admin:%s_%s_import_template" % info, args=[format_class().get_extension()]))
                for format_class in self.import_formats
            ],
        }

    def add_data_read_fail_error_to_form(self, form, e):
        form.add_error(
            "import_file",
            _(
                "No se pudo leer el archivo. Compruebe que el formato elegido corresponde al archivo; "
                "un CSV debe guardarse con codificación UTF-8 («CSV UTF-8»)."
            ),
        )

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The transaction was rolled back: say so and go back to the upload.
            for error in result.base_errors:
                messages.error(request, str(error.error))
            for line in result.messages:
                messages.error(request, line)
            messages.error(request, gettext("No se importó ningún registro. Corrija el archivo y vuelva a cargarlo."))
            return HttpResponseRedirect(reverse("admin:%s_%s_import" % self.get_model_info()))
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        count = result.totals[RowResult.IMPORT_TYPE_NEW]
        messages.success(
            request,
            ngettext(
                "Se importó %(count)d registro de %(name)s como borrador.",
                "Se importaron %(count)d registros de %(name)s como borradores.",
                count,
            )
            % {"count": count, "name": self.model._meta.verbose_name_plural},
        )

