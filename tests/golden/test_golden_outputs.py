"""The API, the bulk downloads and the semiannual report for the book are the
ones the fixtures hold (issue 25: made faster, byte-identical to before).

The fixtures (``outputs.zip``, ``manifest.json``) were written by
``tests/golden/build.py`` from the commit whose output is the reference;
regenerate them only on purpose. Here the same outputs are made again over the
book loaded at the same frozen moment (``tests.support.golden``), and each is
compared by its kind: JSON, CSV and HTML byte for byte; XLSX and ZIP part by
part (an XLSX's ``docProps/core.xml`` without its writing times); the PDF by
its text without running headers and footers, and its embedded files' names.
A difference is shown as its first differing line, part, cell or word.
"""

import pytest
from django.db import transaction

from tests.support import golden, golden_files, snapshots

# The module's fixture uses the database: the mark has pytest-django set it up.
pytestmark = pytest.mark.django_db

MANIFEST = golden_files.manifest()


@pytest.fixture(scope="module")
def outputs(django_db_setup, django_db_blocker) -> dict[str, golden.Output]:
    """Every output, made once for the module over the book loaded at the frozen moment."""
    with django_db_blocker.unblock(), transaction.atomic():
        # The book is loaded here, at the frozen moment, not written back from the session's copy.
        assert snapshots.at_baseline(), "the golden outputs need the database as migrations leave it"
        golden.load_book_frozen()
        made = {output.name: output for output in golden.capture()}
        transaction.set_rollback(True)
    return made


@pytest.mark.parametrize("name", list(MANIFEST))
def test_output_is_the_fixture(outputs, name):
    assert name in outputs, f"{name}: the fixture's request gave no output"
    difference = golden_files.difference(outputs[name], MANIFEST[name])
    if difference is not None:
        pytest.fail(f"{name} ({MANIFEST[name]['request']}) differs from its fixture, {difference}", pytrace=False)


def test_every_output_has_a_fixture(outputs):
    assert sorted(set(outputs) - set(MANIFEST)) == []


def test_the_archive_holds_what_the_manifest_says():
    for entry in MANIFEST.values():
        golden_files.stored(entry)
