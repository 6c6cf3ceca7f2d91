"""How an app above ``opendata`` adds a collection of its own to the API, the
downloads, the data package and the open-data page, without ``opendata``
importing it (``reports`` adds the evaluations this way).

The app calls ``register_collection`` from its ``AppConfig.ready()``, which
runs before the URLconf (and with it ``config.api``'s router) is imported::

    register_collection(
        Collection(name="evaluations", ...), serializer=EvaluationSerializer,
        description=_("..."), columns=EVALUATION_COLUMNS,
    )

The collection then has its viewset under ``/api/v1/<name>/``, its download
``/datos/<name>.{csv,xlsx,json}`` and its resource in ``datapackage.json``,
after the collections ``opendata`` declares itself.
"""

from django.utils.functional import Promise
from rest_framework import serializers

from .api import VIEWSETS, build_viewset
from .collections import COLLECTIONS, Collection
from .serializers import SERIALIZERS
from .tables import TABLES, Column, Table


def register_collection(
    collection: Collection, *, serializer: type[serializers.Serializer], description: Promise, columns: tuple[Column, ...]
) -> None:
    """Serve ``collection`` in the API (with ``serializer``) and as a download
    (a table of ``columns``); registering a name again replaces it in place."""
    COLLECTIONS[collection.name] = collection
    SERIALIZERS[collection.name] = serializer
    TABLES[collection.name] = Table(collection.name, collection.verbose_name, description, collection, columns)
    VIEWSETS[collection.name] = build_viewset(collection)
