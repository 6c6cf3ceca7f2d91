"""/datos/: the open-data page, the bulk downloads, their data package and their DCAT-AP catalogue."""

from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    # Before the downloads, whose pattern it would match.
    path("datapackage.json", views.datapackage_json, name="datapackage"),
    path("catalogo.jsonld", views.catalogue, {"extension": "jsonld"}, name="catalogue_jsonld"),
    path("catalogo.ttl", views.catalogue, {"extension": "ttl"}, name="catalogue_ttl"),
    path("<slug:resource>.<slug:extension>", views.download, name="download"),
]
