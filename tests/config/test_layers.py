"""The house's shape, as a contract (docs/arquitectura.md): imports run one way
between the packages and make no circle inside any of them (import-linter,
configured in pyproject.toml), no package holds more than a fifth of the code,
and no module grows past ~400 lines unless it is a table of data."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
PACKAGES = CONFIG["root_packages"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

#: The most lines one module may have, and the modules allowed past it: data, not logic.
MODULE_LINES = 420
DATA_MODULES = {
    # The book's records, one table per area (sourcebook/records/__init__.py).
    "sourcebook/records/actions.py",
    "sourcebook/records/agreements.py",
    "sourcebook/records/awards.py",
    "sourcebook/records/counterparts.py",
    "sourcebook/records/events.py",
    "sourcebook/records/networks.py",
    # The words synthetic records are made of.
    "bench/synthetic/vocabulary.py",
}
#: The largest share of the code (outside tests, migrations and the data tables) one package may hold.
PACKAGE_SHARE = 0.20


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, capture_output=True, text=True, timeout=120,
    )


def code_files(root: Path = ROOT) -> list[Path]:
    return sorted(
        path for package in PACKAGES for path in (root / package).rglob("*.py")
        if "migrations" not in path.parts and "__pycache__" not in path.parts
    )


def test_the_import_contracts_are_kept():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


@pytest.fixture
def checkout_copy(tmp_path):
    """The packages' modules and the contract, copied, to break on purpose."""
    for path in code_files():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    shutil.copyfile(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        # The kernel reading an app above it.
        ("cdmx_global/labels.py", "from reports import models", "cdmx_global is not allowed to import reports:"),
        # A record app reading a public face.
        ("agreements/selectors.py", "import portal.views", "agreements is not allowed to import portal:"),
        # Two record apps reading each other.
        ("events/models.py", "from agreements.models import Agreement", "events is not allowed to import agreements:"),
        # A circle inside one app: the models reading the services that read them.
        ("reports/models.py", "from reports import services", "No cycles are allowed in reports."),
    ],
)
def test_a_forbidden_import_breaks_the_contract(checkout_copy, module, line, broken):
    with (checkout_copy / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{line}  # noqa\n")

    result = lint_imports(checkout_copy)

    assert result.returncode == 1
    assert "Contracts: 1 kept, 1 broken." in result.stdout
    assert broken in result.stdout


def test_no_package_holds_more_than_a_fifth_of_the_code():
    lines = {package: 0 for package in PACKAGES}
    for path in code_files():
        if str(path.relative_to(ROOT)) in DATA_MODULES:
            continue  # data, which grows with what the sources give, not with the package's logic
        lines[path.relative_to(ROOT).parts[0]] += len(path.read_text(encoding="utf-8").splitlines())
    total = sum(lines.values())

    assert {package: round(count / total, 3) for package, count in lines.items() if count > PACKAGE_SHARE * total} == {}


def test_no_module_but_a_data_table_passes_400_lines():
    long = {
        str(path.relative_to(ROOT)): count
        for path in code_files()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }

    assert {path: count for path, count in long.items() if path not in DATA_MODULES} == {}
