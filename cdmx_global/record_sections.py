"""Sections that an app higher up adds to a record's public page.

A record app's page cannot import the apps above it (``reports`` reads the
record apps, never the other way round), yet the page of an agreement shows
its evaluations. So the page renders whatever sections are registered for
its model, and the app that has something to say registers its section in
its own ``AppConfig.ready()``::

    register_record_section(RecordSection(
        key="reports.evaluations", model_label="agreements.Agreement",
        template_name="reports/_agreement_evaluations.html", context=evaluations_of,
    ))

``context`` is a callable ``(record) -> dict | None``: the template's context,
or ``None`` when the section has nothing to show for that record. It reads
public data only, and in a fixed number of queries whatever the record holds.
Pages render the sections with ``{% record_sections record %}``
(``cdmx_global.templatetags.record_sections``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class RecordSection:
    key: str
    #: ``app_label.ModelName`` of the records whose page shows the section.
    model_label: str
    template_name: str
    context: Callable[[models.Model], dict | None]


_sections: dict[str, RecordSection] = {}


def register_record_section(section: RecordSection) -> None:
    """Add ``section`` to its model's pages; registering a key again replaces it in place."""
    _sections[section.key] = section


def sections_for(record: models.Model) -> list[RecordSection]:
    label = record._meta.label
    return [section for section in _sections.values() if section.model_label == label]
