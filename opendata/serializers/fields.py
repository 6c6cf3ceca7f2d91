"""The fields every collection's serializer shares: a partial date, a choice's
label, a country, the record's portal page, an attached PDF, its source and
an item's API address."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cdmx_global.labels import choice_label, country_name
from cdmx_global.partial_dates import format_partial_date
from cdmx_global.spreadsheets import format_partial_date_cell


class PartialDateSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("La fecha a la precisión de la fuente: «2014», «2014-11» o «2014-11-21»."))
    precision = serializers.ChoiceField(choices=["year", "month", "day"], help_text=_("Año, mes o día."))
    display = serializers.CharField(help_text=_("La fecha como se lee, en el idioma de la petición."))


@extend_schema_field(PartialDateSerializer(allow_null=True))
class PartialDateField(serializers.Field):
    """A partial date (``<name>`` and ``<name>_precision`` on the model), or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.field_name)
        if value is None:
            return None
        precision = getattr(instance, f"{self.field_name}_precision")
        return {
            "value": format_partial_date_cell(value, precision),
            "precision": precision,
            "display": format_partial_date(value, precision),
        }


@extend_schema_field(OpenApiTypes.URI)
class PortalUrlField(serializers.Field):
    """The record's page on the portal, in the request's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class DocumentUrlField(serializers.Field):
    """The address of an attached PDF (served by the portal's download view), or null."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, document):
        return self.context["request"].build_absolute_uri(document.url) if document else None


@extend_schema_field(OpenApiTypes.STR)
class ChoiceLabelField(serializers.Field):
    """The label of a choice field's value in the request's language."""

    def __init__(self, choice_field: str, **kwargs):
        self.choice_field = choice_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return choice_label(instance, self.choice_field)


def display(choice_field: str) -> ChoiceLabelField:
    return ChoiceLabelField(choice_field)


class SourceSerializer(serializers.Serializer):
    citation = serializers.CharField(source="source_citation", help_text=_("Dónde consta el dato."))
    excerpt = serializers.CharField(source="source_excerpt", help_text=_("El pasaje de la fuente que sostiene el registro."))


def source() -> SourceSerializer:
    return SourceSerializer(source="*", read_only=True)


def api_url(collection: str, lookup_field: str = "pk") -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(view_name=f"api:{collection}-detail", lookup_field=lookup_field)


def country_code_field() -> serializers.CharField:
    return serializers.CharField(
        source="country.code", read_only=True, help_text=_("Código ISO 3166-1 del país; vacío si no se conoce.")
    )


@extend_schema_field(OpenApiTypes.STR)
class CountryNameField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="country", read_only=True, **kwargs)

    def to_representation(self, country):
        return country_name(country)


def country_name_field() -> CountryNameField:
    return CountryNameField(help_text=_("Nombre del país en el idioma de la petición."))
