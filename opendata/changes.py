"""``/api/v1/changes/``: what was published, corrected or withdrawn, oldest first.

Read from the kernel's public change log (``cdmx_global.changelog``), whose
``sequence`` numbers are taken in commit order: whoever can read change N+1
can already read change N. A page holds the changes after a sequence number,
and its cursor holds the last number it looked at (not an offset), so a
reader that follows ``next``, or keeps the last ``cursor`` and asks again
later, never skips nor repeats a change however many edits commit meanwhile.

Each change is named by the API collection that serves its record (the
collection's identifier, its item's address: for a withdrawn record the
address that now answers 410). A change is listed while its record is in
its collection (published, and for a network's membership or position, in a
published network) or withdrawn after having been public. A hosted office,
shown inside its network's item, is listed as a change of that network
(``fields``: ``hosted_offices``). The catalogues the API has no collection
for (the SDGs, the UN frameworks) are left out: they show inside the
records that name them.
"""

import base64
import binascii

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.utils.urls import replace_query_param

from cdmx_global.changelog import ChangeKind, PublicChange, changes_after, changes_of_model
from cdmx_global.models import PublicationStatus

from .api import ERRORS, THROTTLED, RequestLanguageMixin
from .collections import COLLECTIONS
from .moments import moment_parameter

SINCE_PARAMETER = "since"
CURSOR_PARAMETER = "cursor"
PAGE_SIZE_PARAMETER = "page_size"
PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
#: Changes read at a time to fill a page (those not listed are passed over).
SCAN_FACTOR = 4

CURSOR_PREFIX = "v1:"
INVALID_CURSOR = _("El cursor no es válido: use el de la respuesta anterior.")
SINCE_REQUIRED = _("Indique desde cuándo (since) o el cursor de la respuesta anterior.")
INVALID_PAGE_SIZE = _("Escriba un número entero entre 1 y %(maximum)d.")

#: A network's part the API shows inside its network's item, by the network's field that lists it.
SHOWN_IN_NETWORK = {"hostedoffice": "hosted_offices"}


def encode_cursor(sequence: int) -> str:
    return base64.urlsafe_b64encode(f"{CURSOR_PREFIX}{sequence}".encode()).decode().rstrip("=")


def decode_cursor(raw: str) -> int:
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        text = ""
    number = text.removeprefix(CURSOR_PREFIX)
    if not text.startswith(CURSOR_PREFIX) or not number.isascii() or not number.isdigit() or len(number) > 18:
        raise ValidationError({CURSOR_PARAMETER: [str(INVALID_CURSOR)]})
    return int(number)


def _collections_by_model() -> dict:
    return {collection.model: collection for collection in COLLECTIONS.values()}


def _withdrawn_after_public(model, pks) -> set[int]:
    """Of ``pks``, the records withdrawn now whose withdrawal is in the log (so the public had seen them)."""
    withdrawn = set(model._default_manager.filter(pk__in=pks, status=PublicationStatus.WITHDRAWN).values_list("pk", flat=True))
    if not withdrawn:
        return set()
    logged = changes_of_model(model).filter(
        object_id__in=withdrawn, kind=ChangeKind.WITHDRAWN
    ).values_list("object_id", flat=True)
    return set(logged)


class Entry:
    """A listed change: the change, its collection and the record's identifier there."""

    def __init__(self, change, collection, identifier, *, kind=None, fields=None, title=None):
        self.change, self.collection, self.identifier = change, collection, identifier
        self.kind = kind or change.kind
        self.fields = fields if fields is not None else [field["name"] for field in change.fields]
        self.title = title or change.title


def _entries(changes: list[PublicChange]) -> list[Entry]:
    """The changes of ``changes`` the API can name (see the module), in their order."""
    by_model = _collections_by_model()
    network = COLLECTIONS["networks"]
    pks: dict[type, set[int]] = {}
    for change in changes:
        pks.setdefault(change.content_type.model_class(), set()).add(change.object_id)
    shown: dict[tuple, Entry] = {}
    for model, ids in pks.items():
        if model is None:
            continue
        collection = by_model.get(model)
        if collection is not None:
            public = set(collection.published().filter(pk__in=ids).values_list("pk", flat=True))
            listed = public | _withdrawn_after_public(model, ids - public)
            for record in model._default_manager.filter(pk__in=listed):
                shown[(model, record.pk)] = (collection, getattr(record, collection.lookup_field))
        elif model._meta.model_name in SHOWN_IN_NETWORK:
            parts = model._default_manager.filter(pk__in=ids).select_related("network")
            public_networks = set(network.published().filter(pk__in=[part.network_id for part in parts]).values_list("pk", flat=True))
            for part in parts:
                if part.network_id in public_networks and part.status in (
                    PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN
                ):
                    shown[(model, part.pk)] = (network, part.network.slug, str(part.network))
    entries = []
    for change in changes:
        model = change.content_type.model_class()
        found = shown.get((model, change.object_id))
        if found is None:
            continue
        if len(found) == 3:  # a part shown in its network's item
            collection, identifier, title = found
            entries.append(Entry(
                change, collection, identifier, kind=ChangeKind.CHANGED,
                fields=[SHOWN_IN_NETWORK[model._meta.model_name]], title=title,
            ))
        else:
            entries.append(Entry(change, *found))
    return entries


class ChangeSerializer(serializers.Serializer):
    sequence = serializers.IntegerField(source="change.sequence", help_text=_("Número del cambio, en orden de registro."))
    at = serializers.DateTimeField(source="change.at", help_text=_("Cuándo se hizo el cambio."))
    kind = serializers.ChoiceField(
        choices=ChangeKind.choices, help_text=_("published (publicado), changed (corregido) o withdrawn (retirado).")
    )
    resource = serializers.CharField(source="collection.name", help_text=_("La colección de la API del registro."))
    id = serializers.SerializerMethodField(help_text=_("El identificador del registro en esa colección."))
    url = serializers.SerializerMethodField(help_text=_("El registro en la API; si se retiró, la dirección que responde 410."))
    title = serializers.CharField(help_text=_("El título del registro en ese momento."))
    note = serializers.CharField(source="change.note", help_text=_("La nota pública de la corrección o el motivo del retiro."))
    fields = serializers.ListField(
        child=serializers.CharField(), help_text=_("Los campos públicos que cambiaron («translation»: la traducción al inglés).")
    )

    @extend_schema_field({"oneOf": [{"type": "integer"}, {"type": "string"}]})
    def get_id(self, entry):
        return entry.identifier

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, entry) -> str:
        lookup = entry.collection.lookup_field
        return reverse(f"api:{entry.collection.name}-detail", kwargs={lookup: entry.identifier}, request=self.context["request"])


class ChangesPageSerializer(serializers.Serializer):
    next = serializers.URLField(allow_null=True, help_text=_("La página siguiente, o null si por ahora no hay más."))
    cursor = serializers.CharField(
        help_text=_("Dónde quedó esta página: pida ?cursor= con él más tarde para recibir sólo lo que cambie después.")
    )
    results = ChangeSerializer(many=True)


def _page_size(params) -> int:
    raw = params.get(PAGE_SIZE_PARAMETER, "")
    if raw == "":
        return PAGE_SIZE
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_PAGE_SIZE:
        raise ValidationError({PAGE_SIZE_PARAMETER: [str(INVALID_PAGE_SIZE) % {"maximum": MAX_PAGE_SIZE}]})
    return value


def read_page(params) -> tuple[list[Entry], int, bool]:
    """The entries of a page, the last sequence looked at and whether more changes follow.
    Raises ``ValidationError`` (DRF's, by parameter) on a bad parameter."""
    errors = {}
    since = cursor = None
    try:
        since = moment_parameter(params, SINCE_PARAMETER)
    except DjangoValidationError as error:
        errors.update(error.message_dict)
    try:
        if params.get(CURSOR_PARAMETER):
            cursor = decode_cursor(params[CURSOR_PARAMETER])
    except ValidationError as error:
        errors.update(error.detail)
    try:
        size = _page_size(params)
    except ValidationError as error:
        errors.update(error.detail)
    if not errors and since is None and cursor is None:
        errors[SINCE_PARAMETER] = [str(SINCE_REQUIRED)]
    if errors:
        raise ValidationError(errors)
    return _scan(cursor or 0, since, size)


def _scan(last: int, since, size: int) -> tuple[list[Entry], int, bool]:
    # Every change up to this number is committed (numbers are taken in commit
    # order): a page that reads to the end may put its cursor here even if
    # none of them is after ``since``, and not a change is skipped.
    ceiling = PublicChange.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0
    entries: list[Entry] = []
    while True:
        wanted = size - len(entries)
        # Read more than a page: some changes are not listed (see the module).
        batch = list(changes_after(last, since=since, limit=wanted * SCAN_FACTOR))
        listed = _entries(batch)
        if len(listed) >= wanted:
            entries += listed[:wanted]
            last = entries[-1].change.sequence
            return entries, last, changes_after(last, since=since, limit=1).exists()
        entries += listed
        if batch:
            last = batch[-1].sequence
        if len(batch) < wanted * SCAN_FACTOR:
            return entries, max(last, ceiling), False


@extend_schema(
    tags=["changes"],
    summary=_("Cambios públicos: lo publicado, corregido o retirado, del más antiguo al más reciente"),
    parameters=[
        OpenApiParameter(
            SINCE_PARAMETER, OpenApiTypes.STR,
            description=_(
                "Desde cuándo (obligatorio sin cursor): una fecha ISO 8601 (su inicio, hora de la Ciudad de México) "
                "o una fecha y hora (sin zona, la de la Ciudad de México), p. ej. 2026-12-01 o 2026-12-01T08:00:00-06:00."
            ),
        ),
        OpenApiParameter(
            CURSOR_PARAMETER, OpenApiTypes.STR,
            description=_("El cursor de una respuesta anterior (en «next» o «cursor»): los cambios que siguen."),
        ),
        OpenApiParameter(
            PAGE_SIZE_PARAMETER, OpenApiTypes.INT,
            description=_("Cambios por página (25 por omisión, 100 como máximo)."),
        ),
    ],
    responses={200: ChangesPageSerializer, 400: ERRORS, 429: THROTTLED},
)
class ChangesViewSet(RequestLanguageMixin, viewsets.ViewSet):
    """What was published, corrected or withdrawn after a moment, oldest first,
    by cursor (see ``opendata.changes``)."""

    def list(self, request):
        entries, last, more = read_page(request.query_params)
        cursor = encode_cursor(last)
        url = request.build_absolute_uri()
        data = {
            "next": replace_query_param(url, CURSOR_PARAMETER, cursor) if more else None,
            "cursor": cursor,
            "results": ChangeSerializer(entries, many=True, context={"request": request}).data,
        }
        return Response(data)
