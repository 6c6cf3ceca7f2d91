from django.urls import path

from .feeds import ReportFeed
from .views import ArchiveView

app_name = "reports"

urlpatterns = [
    path("", ArchiveView.as_view(), name="archive"),
    path("feed/", ReportFeed(), name="feed"),
]
