"""The load test's database and files: ``manage.py`` run on it, the records it
holds, whether the synthetic data can be made and whether the static files
must be collected again."""

import os
import subprocess
import sys
from pathlib import Path

from bench.common import ROOT

PYTHON = sys.executable


def manage(*arguments: str, env: dict[str, str]) -> None:
    print(f"  manage.py {' '.join(arguments)}", file=sys.stderr)
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def published_record_count() -> int:
    from agreements.models import Action, Agreement
    from cdmx_global.models import Counterpart
    from events.models import Award, Event, Visit
    from networks.models import Membership, Network, Position

    models = (Agreement, Action, Counterpart, Network, Membership, Position, Visit, Event, Award)
    return sum(model.objects.published().count() for model in models)


def static_files_outdated() -> bool:
    """Whether collectstatic must run: no manifest yet, or a static file newer than it.
    (It post-processes every file each time, over a minute on two cores, so it runs only when needed.)"""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    collected = manifest.stat().st_mtime
    return any(
        os.path.getmtime(storage.path(path)) > collected
        for finder in get_finders()
        for path, storage in finder.list(["CVS", ".*", "*~"])
    )


def check_synthetic_command() -> None:
    import importlib.util

    # The generator's app (bench/synthetic/) is installed only where ALLOW_SYNTHETIC_DATA=1 asks for it.
    if importlib.util.find_spec("bench.synthetic.management.commands.generate_synthetic") is None:
        raise SystemExit(
            "No existe el comando «generate_synthetic» en esta versión del portal: sin él no se pueden "
            "preparar datos a más de 1×. Use --scale 1, o --skip-prepare sobre una base ya preparada."
        )
