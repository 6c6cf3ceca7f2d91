"""The portal's addresses.

Public pages are in Spanish at the root (``/acuerdos/``) and in English under
``/en/`` (``/en/acuerdos/``): the language is in the address, so a link or a
cached page always shows the language it was made in. The paths themselves
stay Spanish in both languages, stable identifiers for links and citations.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from cdmx_global.views import document_download, health
from portal import views as portal_views
from portal.views.sitemap import sitemap
from reports.sitemaps import SITEMAPS as REPORT_SITEMAPS

admin.site.site_header = "CDMX Global"
admin.site.site_title = "CDMX Global"
admin.site.index_title = "Registro de la acción internacional"
admin.site.site_url = "/"

# A database outage answers 503 with Retry-After, not the 500 page (cdmx_global/unavailable.py).
handler500 = "cdmx_global.unavailable.server_error"

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("documentos/<slug:kind>/<int:pk>/", document_download, name="document_download"),
    path("sitemap.xml", sitemap, {"extra_sitemaps": REPORT_SITEMAPS}, name="sitemap"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", portal_views.favicon),
    path("salud/", health, name="health"),
    # The API's language comes from the Accept-Language header, not the address.
    path("api/", include("config.api")),
]

urlpatterns += i18n_patterns(
    path("", include("portal.urls")),
    path("buscar/", include("search.urls")),
    path("acuerdos/", include("agreements.urls")),
    path("redes/", include("networks.urls")),
    path("", include("events.urls")),
    path("informes/", include("reports.urls")),
    path("datos/", include("opendata.urls")),
    path("seguir/", include("following.urls")),
    path("reportar-error/", include("feedback.urls")),
    prefix_default_language=False,
)
