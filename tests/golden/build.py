"""Write the golden fixtures: the API, the bulk downloads and the semiannual
report for the book, as the code of this checkout gives them.

    .venv/bin/python tests/golden/build.py --force    # SQLite (a test database in memory)
    .venv/bin/python tests/golden/build.py --check    # compare, write nothing
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cdmx_golden .venv/bin/python tests/golden/build.py --check

REGENERATE ONLY ON PURPOSE, FROM THE COMMIT WHOSE OUTPUT IS THE REFERENCE.
The fixtures are the proof that a change (issue 25: lists, downloads and the
report made faster) gives the same bytes as before: written again from the
changed code, they would prove nothing. Regenerate them when an output is
meant to change, from the commit that changes it, and say so in its message.

It makes a fresh test database (as the test suite does, ``test_`` + the
database's name), loads the book at a frozen moment, captures every output
(``tests.support.golden``), and writes ``outputs.zip`` (the outputs, the PDF
as its compared text) and ``manifest.json`` (each output's request, how it is
compared and the SHA-256 of what is compared) beside this file; fixtures
that exist are replaced only with ``--force``. With ``--check`` it writes
nothing and says whether the outputs match the fixtures.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the fixtures, write nothing")
    parser.add_argument("--dump", type=Path, help="also write each output's bytes into this folder, to read them")
    parser.add_argument("--force", action="store_true", help="replace fixtures that exist (on purpose only)")
    arguments = parser.parse_args()
    manifest = Path(__file__).with_name("manifest.json")
    if manifest.exists() and not (arguments.check or arguments.force):
        parser.error(f"{manifest.name} ya existe: reemplácelo sólo a propósito (--force), o compare (--check)")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection, transaction
    from django.test.utils import setup_test_environment, teardown_test_environment

    from tests.support import golden, golden_files

    Path(settings.STATIC_ROOT).mkdir(exist_ok=True)
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    started = time.perf_counter()
    try:
        with transaction.atomic():
            golden.load_book_frozen()
            outputs = golden.capture()
            transaction.set_rollback(True)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    elapsed = time.perf_counter() - started
    if arguments.dump:
        arguments.dump.mkdir(parents=True, exist_ok=True)
        for output in outputs:
            (arguments.dump / output.name).write_bytes(output.content)
    if arguments.check:
        differences = golden_files.differences(outputs)
        for name, message in differences:
            print(f"✗ {name}: {message}")
        print(f"{len(outputs)} salidas, {len(differences)} distintas ({elapsed:.1f} s, {connection.vendor})")
        return 1 if differences else 0
    size = golden_files.write(outputs)
    print(f"{len(outputs)} salidas escritas en {golden_files.ARCHIVE.relative_to(ROOT)} "
          f"({size / 1024:.0f} KiB, {elapsed:.1f} s, {connection.vendor})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
