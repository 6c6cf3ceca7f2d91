"""/datos/: the open-data page, the bulk downloads and their data package."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    # Before the downloads, whose pattern it would match.
    path("datapackage.json", views.datapackage_json, name="datapackage"),
    path("<slug:resource>.<slug:extension>", views.download, name="download"),
]
