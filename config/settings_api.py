"""The public API (/api/v1/), its documentation and the bulk downloads (/datos/)."""

import os

from corsheaders.defaults import default_headers

# The public API (/api/v1/) and the bulk downloads (/datos/): read-only,
# anonymous, JSON only (its documentation is /api/docs/). Nobody logs in to
# the API, so a staff session never shows a draft through it.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["opendata.throttling.AnonymousRateThrottle"],
    "UNICODE_JSON": True,
    "COERCE_DECIMAL_TO_STRING": True,
}
# Requests per client address (per process: the default cache is each
# worker's memory). A bulk download streams a whole table, so it gets fewer.
API_THROTTLE_RATES = {
    "anon": os.environ.get("API_RATE", "120/minute"),
    "downloads": os.environ.get("DOWNLOAD_RATE", "30/minute"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CDMX Global API",
    "DESCRIPTION": (
        "Registro público de la acción internacional de la Ciudad de México: acuerdos, "
        "contrapartes, redes, membresías, cargos, visitas, eventos, premios, dependencias, "
        "temas e informes. Sólo registros publicados. Las respuestas vienen en el idioma que pide "
        "el parámetro lang (es o en) o, sin él, la cabecera Accept-Language (es-MX por omisión). "
        "En inglés, cada texto trae su traducción revisada o, si no la hay, el original en español, "
        "con el original en <campo>_es y su idioma en <campo>_language."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # The language of each translated text in English answers (opendata/serializers/texts.py): one enum.
    "ENUM_NAME_OVERRIDES": {"TextLanguageEnum": ["en", "es"]},
}
# Anyone may read the API and the downloads from another site; nothing else
# is shared, and no credentials cross.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(en/)?(api|datos)/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["Content-Disposition", "Content-Language", "Retry-After", "ETag", "Last-Modified"]
# A page on another site may ask again with the ETag it was given (cdmx_global/conditional.py).
CORS_ALLOW_HEADERS = (*default_headers, "if-none-match")
