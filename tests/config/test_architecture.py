"""Imports run one way (DESIGN.md, «The domain»): ``reports`` reads the record
apps; nothing reads ``reports`` but the project's URL configuration, which
composes the apps."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["agreements", "events", "networks", "cdmx_global", "portal", "search", "opendata", "staff"]
#: The composition root: it mounts every app's URLs, the reports' included.
COMPOSITION_ROOT = {ROOT / "config" / "urls.py", ROOT / "config" / "api.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_reports(app):
    offenders = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / app).rglob("*.py"))
        if path not in COMPOSITION_ROOT
        and any(name == "reports" or name.startswith("reports.") for name in imported_modules(path))
    ]

    assert offenders == []
