"""The read-only API: one viewset per public collection, under /api/v1/."""

from rest_framework import routers, serializers, viewsets

from .collections import COLLECTIONS, Collection


def _viewset(collection: Collection) -> type[viewsets.ReadOnlyModelViewSet]:
    class Serializer(serializers.ModelSerializer):
        class Meta:
            model = collection.model
            fields = [collection.lookup_field if collection.lookup_field != "pk" else "id"]

    return type(
        f"{collection.model.__name__}ViewSet",
        (viewsets.ReadOnlyModelViewSet,),
        {
            "queryset": collection.published(),
            "serializer_class": Serializer,
            "lookup_field": collection.lookup_field,
        },
    )


router = routers.DefaultRouter()
for _collection in COLLECTIONS.values():
    router.register(_collection.name, _viewset(_collection), basename=_collection.name)
