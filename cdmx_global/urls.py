from django.contrib import admin
from django.urls import include, path

from .views import document_download

admin.site.site_header = "CDMX Global"
admin.site.site_title = "CDMX Global"
admin.site.index_title = "Registro de la acción internacional"
# No public page yet to link to: the portal's pages come with the public-portal work.
admin.site.site_url = None

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("documentos/<slug:kind>/<int:pk>/", document_download, name="document_download"),
]
