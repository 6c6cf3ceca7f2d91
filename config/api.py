"""/api/: the resources under /api/v1/, the OpenAPI schema and its documentation.

The router is built here, from each app's viewsets, in the order the API's
root lists them: the open-data collections, the reports, then the public
changes of them all.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import routers

from opendata.api import VIEWSETS
from opendata.changes import ChangesViewSet
from reports.api import ReportViewSet

app_name = "api"

router = routers.DefaultRouter()
router.include_format_suffixes = False
for name, viewset in VIEWSETS.items():
    router.register(name, viewset, basename=name)
router.register("reports", ReportViewSet, basename="reports")
# What was published, corrected or withdrawn: incremental sync for reusers.
router.register("changes", ChangesViewSet, basename="changes")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file, so the page runs
    # under the portal's Content-Security-Policy (no inline script).
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
