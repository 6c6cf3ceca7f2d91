from django.urls import path, register_converter

from evaluations.periods import Semester

from .feeds import ReportFeed
from .views import ArchiveView, ReportDetailView, VerifyView, report_file, report_latest


class SemesterConverter:
    """``2017-2`` in an address is July–December 2017; anything else matches no address (404)."""

    regex = r"[0-9]{4}-[12]"

    def to_python(self, value: str) -> Semester:
        return Semester.parse(value)

    def to_url(self, value) -> str:
        return value.label if isinstance(value, Semester) else str(value)


register_converter(SemesterConverter, "semester")

app_name = "reports"

urlpatterns = [
    path("", ArchiveView.as_view(), name="archive"),
    path("feed/", ReportFeed(), name="feed"),
    path("verificar/", VerifyView.as_view(), name="verify"),
    path("<semester:semester>/", report_latest, name="latest"),
    path("<semester:semester>/v<int:version>/", ReportDetailView.as_view(), name="detail"),
    path("<semester:semester>/v<int:version>/<slug:format>/", report_file, name="file"),
]
