"""The archive of the semiannual reports to Congress."""

from django.views.generic import TemplateView


class ArchiveView(TemplateView):
    """What the semiannual report is; the published reports arrive with the report issue."""

    template_name = "reports/archive.html"
