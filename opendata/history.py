"""A record's public history in the API, and the 410 of a withdrawn record.

``/api/v1/<resource>/<id>/history/``, for every collection whose model is a
record: its public changes, **oldest first** (by ``sequence``), each with its
time, kind, public note and changed fields, as the history page shows them
(``cdmx_global.history``). A draft or a record in review is not found, exactly
as an unknown identifier; a withdrawn record the public had seen answers 410
with its notice (``gone``), on its item and on its history.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from cdmx_global.changelog import changes_of
from cdmx_global.withdrawn import RecordWithdrawn

WITHDRAWN = _("Este registro fue retirado.")


class Gone(APIException):
    """410 with the notice of a withdrawn record: ``detail``, ``title``, ``withdrawn_at`` and ``reason``."""

    status_code = status.HTTP_410_GONE
    default_code = "gone"

    def __init__(self, withdrawn: RecordWithdrawn):
        notice = withdrawn.notice
        super().__init__({
            "detail": str(WITHDRAWN),
            "title": notice.title,
            "withdrawn_at": serializers.DateTimeField().to_representation(notice.at),
            "reason": notice.note,
        })


GONE = OpenApiResponse(
    inline_serializer("Withdrawn", fields={
        "detail": serializers.CharField(),
        "title": serializers.CharField(help_text=_("El título del registro cuando se retiró, en español.")),
        "withdrawn_at": serializers.DateTimeField(),
        "reason": serializers.CharField(help_text=_("El motivo público del retiro.")),
    }),
    description=_("El registro se publicó y después se retiró: su aviso, con la fecha y el motivo públicos."),
)


class ChangedFieldSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("El nombre del campo en la API y las descargas."))
    label = serializers.CharField(help_text=_("Su nombre para las personas, en el idioma de la respuesta."))
    before = serializers.JSONField(help_text=_("Su valor público antes del cambio, en español."))
    after = serializers.JSONField(help_text=_("Su valor público después del cambio, en español."))


class PublicChangeSerializer(serializers.Serializer):
    sequence = serializers.IntegerField(help_text=_("El número del cambio: crece en el orden en que se guardaron."))
    at = serializers.DateTimeField()
    kind = serializers.ChoiceField(
        choices=["published", "changed", "withdrawn"],
        help_text=_("«published» (publicado), «changed» (corregido) o «withdrawn» (retirado)."),
    )
    note = serializers.CharField(help_text=_("La nota pública de la corrección, o el motivo público del retiro."))
    fields = ChangedFieldSerializer(many=True)


def history_rows(record) -> list[dict]:
    """``record``'s changes with their fields labelled (``PublicChange.field_changes``; the
    serializer keeps ``name``, ``label``, ``before`` and ``after``)."""
    model = type(record)
    return [
        {"sequence": change.sequence, "at": change.at, "kind": change.kind, "note": change.note,
         "fields": change.field_changes(model)}
        for change in changes_of(record)
    ]


class RecordHistoryMixin:
    """For a record collection's viewset: the ``history`` route."""

    def get_queryset(self):
        if getattr(self, "action", None) == "history":
            return self.collection.model._default_manager.published()
        return super().get_queryset()

    @action(detail=True, methods=["get"], url_path="history", pagination_class=None, filter_backends=[])
    def history(self, request, *args, **kwargs):
        record = self.get_object()
        return Response(PublicChangeSerializer(history_rows(record), many=True).data)


def history_schema(collection, detail):
    """The OpenAPI description of a collection's ``history``."""
    return extend_schema(
        tags=[collection.name],
        summary=format_lazy(_("{}: historial público de un registro"), collection.verbose_name),
        description=_(
            "Los cambios públicos del registro, del más antiguo al más reciente: su publicación, cada "
            "corrección con su nota pública y los campos que cambiaron (valores en español), la revisión de "
            "su traducción y su retiro. Nada de borradores ni de campos internos."
        ),
        responses={200: PublicChangeSerializer(many=True), 404: detail, 410: GONE},
    )
