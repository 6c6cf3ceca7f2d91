"""The read-only API: one viewset per public collection, under /api/v1/.

Each viewset is declared by its ``Collection`` (records, filters, search,
ordering, identifier) and its serializer; the pieces they share are here:
the language of the request, the filter backend that applies the
collection's parameters, and a pagination that never counts the table.
"""

import orjson
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import pagination, serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param, replace_query_param

from cdmx_global.conditional import untracked
from cdmx_global.models import Record
from cdmx_global.withdrawn import RecordWithdrawn, check_withdrawn

from .collections import COLLECTIONS, ORDERING_PARAMETER, QUERY_PARAMETER, Collection
from .history import GONE, Gone, RecordHistoryMixin, history_schema
from .moments import UPDATED_SINCE_DESCRIPTION, UPDATED_SINCE_PARAMETER
from .serializers import SERIALIZERS
from .values import Context, attach, item, plan_for, rows

NOT_FOUND = _("No hay un registro publicado con ese identificador.")

#: A page number past this is refused: no one pages that far, and the offset must stay a small integer.
MAX_PAGE = 100_000


class PageWithoutCount(pagination.BasePagination):
    """``?page=`` and ``?page_size=``, with links to the next and previous pages.

    No total: counting every matching row on every page is what makes a
    paginated list slow on a large table. The page fetches one row more than
    it shows, to know whether a next page exists.
    """

    page_size = 25
    max_page_size = 100
    page_query_param = "page"
    page_size_query_param = "page_size"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_number = self._positive_integer(request, self.page_query_param, 1, MAX_PAGE)
        self.page_size = self._positive_integer(request, self.page_size_query_param, self.page_size, self.max_page_size)
        offset = (self.page_number - 1) * self.page_size
        rows = list(queryset[offset : offset + self.page_size + 1])
        self.has_next = len(rows) > self.page_size
        return rows[: self.page_size]

    def _positive_integer(self, request, name: str, default: int, maximum: int) -> int:
        raw = request.query_params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if not 1 <= value <= maximum:
            raise ValidationError(
                {name: [_("Escriba un número entero entre 1 y %(maximum)d.") % {"maximum": maximum}]}
            )
        return value

    def get_paginated_response(self, data):
        url = self.request.build_absolute_uri()
        next_url = replace_query_param(url, self.page_query_param, self.page_number + 1) if self.has_next else None
        if self.page_number <= 1:
            previous_url = None
        elif self.page_number == 2:
            previous_url = remove_query_param(url, self.page_query_param)
        else:
            previous_url = replace_query_param(url, self.page_query_param, self.page_number - 1)
        return Response({"next": next_url, "previous": previous_url, "results": data})

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param, "in": "query", "required": False,
                "description": str(_("Número de página, desde 1.")),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
            },
            {
                "name": self.page_size_query_param, "in": "query", "required": False,
                "description": str(_("Registros por página (25 por omisión).")),
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]


class ValuesPage(dict):
    """A list page made by ``opendata.values``: plain dicts, lists, strings, numbers, booleans and None."""


class ValuesJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, with a ``ValuesPage`` encoded by orjson into the
    same bytes (compact, UTF-8, U+2028 and U+2029 escaped as DRF escapes them)."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if (
            type(data) is not ValuesPage
            or not self.compact or self.ensure_ascii
            or self.get_indent(accepted_media_type, renderer_context or {}) is not None
        ):
            return super().render(data, accepted_media_type, renderer_context)
        return orjson.dumps(data).replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029")


class CollectionFilterBackend(DjangoFilterBackend):
    """The collection's FilterSet, ``q`` and ``ordering``, exactly as the
    downloads apply them (``Collection.select``); on lists only."""

    def get_filterset_class(self, view, queryset=None):
        return view.collection.filterset_class

    def filter_queryset(self, request, queryset, view):
        if view.action != "list":
            return queryset
        try:
            return view.collection.select(queryset, request.query_params)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error


#: ``?lang=es`` or ``?lang=en``: the language of the answer, before the Accept-Language header.
LANGUAGE_PARAMETER = "lang"
LANGUAGE_CODES = ("es", "en")


def asked_language(request) -> str:
    """The language the client asks for: ``?lang=`` (``es`` or ``en``; any other
    value is ignored), else the Accept-Language header, else Spanish."""
    asked = request.GET.get(LANGUAGE_PARAMETER, "").lower()
    if asked in LANGUAGE_CODES:
        return translation.get_supported_language_variant(asked)
    return translation.get_language_from_request(request, check_path=False)


class LanguageSchema(AutoSchema):
    """Every operation of a view that answers in the language asked names ``lang``."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                LANGUAGE_PARAMETER, OpenApiTypes.STR, enum=list(LANGUAGE_CODES),
                description=_(
                    "Idioma de la respuesta: «es» (por omisión) o «en»; sin él, el de la cabecera "
                    "Accept-Language. En inglés, cada texto trae su traducción revisada o, si no la hay, el "
                    "original en español, y a su lado el original (<campo>_es) y su idioma (<campo>_language)."
                ),
            ),
        ]


class RequestLanguageMixin:
    """Answers in the language the client asks for (``asked_language``)."""

    schema = LanguageSchema()

    def initial(self, request, *args, **kwargs):
        # The API's addresses carry no language; the page cache keys on the
        # whole address (with ?lang=) and on the language Accept-Language asks for.
        translation.activate(asked_language(request._request))
        request.LANGUAGE_CODE = translation.get_language()
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # Set here, not left to the locale middleware, so that the page cache
        # keeps them with the answer: on a hit the view does not run, and the
        # middleware would name the language it activated, not the one asked.
        response.headers["Content-Language"] = translation.get_language()
        patch_vary_headers(response, ("Accept-Language",))
        return response


class CollectionViewSet(RequestLanguageMixin, viewsets.ReadOnlyModelViewSet):
    collection: Collection
    filter_backends = [CollectionFilterBackend]
    pagination_class = PageWithoutCount
    renderer_classes = [
        ValuesJSONRenderer if renderer is JSONRenderer else renderer for renderer in api_settings.DEFAULT_RENDERER_CLASSES
    ]

    def get_queryset(self):
        return self.collection.published()

    def list(self, request, *args, **kwargs):
        """The page's records read as values, each link in one query, into the
        serializer's items (``opendata.values``); the serializer itself where
        it has a field read otherwise."""
        plan = plan_for(self.serializer_class, self.collection)
        if plan is None:
            return super().list(request, *args, **kwargs)
        records = self.paginate_queryset(rows(plan, self.filter_queryset(self.get_queryset())))
        attach(plan, records)
        context = Context(request, self.format_kwarg)
        response = self.get_paginated_response([item(plan, record, context) for record in records])
        response.data = ValuesPage(response.data)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        return response if self.collection.logged else untracked(response)

    def get_object(self):
        try:
            return super().get_object()
        except Http404 as error:
            # A withdrawn record the public had seen leaves its notice (410); anything else, one same 404.
            if issubclass(self.collection.model, Record):
                try:
                    check_withdrawn(self.collection.model, **{self.lookup_field: self.kwargs[self.lookup_field]})
                except RecordWithdrawn as withdrawn:
                    raise Gone(withdrawn) from error
            # Django's message names the model in English; this one reads the same for every resource.
            raise NotFound(NOT_FOUND) from error


ERRORS = OpenApiResponse(
    {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    description=_("Un parámetro no es válido: los mensajes de cada uno, por su nombre."),
)
DETAIL = inline_serializer("Detail", fields={"detail": serializers.CharField()})
THROTTLED = OpenApiResponse(DETAIL, description=_("Demasiadas peticiones: vuelva a intentarlo tras los segundos de Retry-After."))


UPDATED_SINCE = OpenApiParameter(
    UPDATED_SINCE_PARAMETER, OpenApiTypes.STR, description=UPDATED_SINCE_DESCRIPTION,
)


def _list_parameters(collection: Collection) -> list[OpenApiParameter]:
    ordering = ", ".join(collection.ordering_names)
    return [
        OpenApiParameter(
            QUERY_PARAMETER, OpenApiTypes.STR,
            description=_("Búsqueda de texto: registros con todas las palabras, sin distinguir acentos ni mayúsculas."),
        ),
        OpenApiParameter(
            ORDERING_PARAMETER, OpenApiTypes.STR,
            description=format_lazy(
                _("Campos separados por comas, con «-» delante para orden descendente. Posibles: {}."), ordering
            ),
        ),
        UPDATED_SINCE,
    ]


def build_viewset(collection: Collection) -> type[CollectionViewSet]:
    serializer = SERIALIZERS[collection.name]
    is_record = issubclass(collection.model, Record)
    viewset = type(
        f"{collection.model.__name__}ViewSet",
        (RecordHistoryMixin, CollectionViewSet) if is_record else (CollectionViewSet,),
        {
            "__doc__": str(collection.verbose_name),
            "collection": collection,
            "serializer_class": serializer,
            "lookup_field": collection.lookup_field,
            # Any segment reaches the view, so a malformed identifier gets the
            # API's JSON 404 rather than the portal's HTML page.
            "lookup_value_regex": r"[^/]+",
        },
    )
    record_schemas = {"history": history_schema(collection, DETAIL)} if is_record else {}
    return extend_schema_view(
        **record_schemas,
        list=extend_schema(
            tags=[collection.name],
            summary=format_lazy(_("{}: lista de registros publicados"), collection.verbose_name),
            parameters=_list_parameters(collection),
            responses={200: serializer(many=True), 400: ERRORS, 429: THROTTLED},
        ),
        retrieve=extend_schema(
            tags=[collection.name],
            summary=format_lazy(_("{}: un registro publicado"), collection.verbose_name),
            responses={200: serializer, 404: DETAIL, 429: THROTTLED, **({410: GONE} if is_record else {})},
        ),
    )(viewset)


#: One viewset per public collection, by its name in the address; the project's
#: router (``config.api``) registers these beside the resources of other apps.
#: Apps above ``opendata`` add theirs with ``opendata.registry.register_collection``.
VIEWSETS = {collection.name: build_viewset(collection) for collection in COLLECTIONS.values()}
