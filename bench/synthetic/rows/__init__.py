"""A synthetic record of each kind, one module per area of the record. Each
registers its builders in ``context.BUILDERS`` when imported (``@builds``), so
importing this package makes them all known."""

from ..context import BUILDERS
from . import agreements, awards, counterparts, events, networks, visits  # noqa: F401  (they register themselves)

__all__ = ["BUILDERS"]
