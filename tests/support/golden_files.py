"""The golden fixtures on disk (tests/golden/), and a readable account of how
an output differs from its fixture: the first differing line, part, cell or word."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

from .golden import Output, normalise, pdf_compared, pdf_text, xlsx_parts, zip_parts

FOLDER = Path(__file__).resolve().parents[1] / "golden"
ARCHIVE = FOLDER / "outputs.zip"
MANIFEST = FOLDER / "manifest.json"
#: How much of a differing line or text is shown.
SHOWN = 240


def stored_name(output_name: str, kind: str) -> str:
    """A PDF is stored as the text that is compared, not as its bytes."""
    return f"{output_name}.txt" if kind == "pdf" else output_name


def write(outputs: list[Output]) -> int:
    """Write the archive and the manifest; returns the archive's size in bytes."""
    manifest = {}
    # Fixed member dates, so that writing the same outputs twice gives the same archive.
    with zipfile.ZipFile(ARCHIVE, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for output in outputs:
            entry = output.entry()
            entry["stored_as"] = stored_name(output.name, output.kind)
            stored = pdf_text(output.content).encode() if output.kind == "pdf" else output.content
            info = zipfile.ZipInfo(entry["stored_as"], date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, stored)
            manifest[output.name] = entry
    MANIFEST.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return ARCHIVE.stat().st_size


def manifest() -> dict[str, dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def stored(entry: dict) -> bytes:
    """A fixture's stored bytes, checked against the manifest's SHA-256."""
    with zipfile.ZipFile(ARCHIVE) as archive:
        content = archive.read(entry["stored_as"])
    compared = pdf_compared(content.decode()) if entry["kind"] == "pdf" else normalise(entry["kind"], content)
    if hashlib.sha256(compared).hexdigest() != entry["sha256"]:
        raise AssertionError(f"{entry['stored_as']}: the archive does not match manifest.json's SHA-256")
    return content


def difference(output: Output, entry: dict) -> str | None:
    """None when the output is the fixture's; else what differs first."""
    for header in ("kind", "content_type", "disposition"):
        expected, actual = entry[header], getattr(output, header)
        if expected != actual:
            return f"{header}: expected {expected!r}, got {actual!r}"
    if hashlib.sha256(output.comparable()).hexdigest() == entry["sha256"]:
        return None
    expected = stored(entry)
    if output.kind == "bytes":
        return first_line_difference(expected, output.content)
    if output.kind == "pdf":
        return first_text_difference(expected.decode(), pdf_text(output.content))
    if output.kind == "zip":
        return first_part_difference(zip_parts(expected), zip_parts(output.content))
    return first_part_difference(xlsx_parts(expected), xlsx_parts(output.content), expected, output.content)


def differences(outputs: list[Output]) -> list[tuple[str, str]]:
    """Each output that differs from its fixture, with what differs; and each fixture no output gave."""
    entries = manifest()
    found = []
    for output in outputs:
        if output.name not in entries:
            found.append((output.name, "no fixture for this output"))
            continue
        message = difference(output, entries[output.name])
        if message:
            found.append((output.name, message))
    missing = set(entries) - {output.name for output in outputs}
    found.extend((name, "fixture no longer produced") for name in sorted(missing))
    return found


def _clip(text: str) -> str:
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def first_line_difference(expected: bytes, actual: bytes) -> str:
    expected_lines = expected.decode("utf-8", "replace").splitlines(keepends=True)
    actual_lines = actual.decode("utf-8", "replace").splitlines(keepends=True)
    for number, (old, new) in enumerate(zip(expected_lines, actual_lines), start=1):
        if old != new:
            column = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
            start = max(0, column - SHOWN // 2)
            return (
                f"line {number}, column {column + 1}:\n  expected: {_clip(old[start:])!r}\n"
                f"  got:      {_clip(new[start:])!r}"
            )
    if len(expected_lines) != len(actual_lines):
        return f"expected {len(expected_lines)} lines, got {len(actual_lines)}"
    return f"expected {len(expected)} bytes, got {len(actual)} (same lines: a different byte order mark or ending?)"


def first_text_difference(expected: str, actual: str) -> str:
    """The first difference in the text, whitespace aside, shown as words around it."""
    old, new = pdf_compared(expected).decode(), pdf_compared(actual).decode()
    index = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    return (
        f"text, {index} characters in (whitespace aside), after «…{_before(expected, index)}»:\n"
        f"  expected: «{_after(expected, index)}»\n  got:      «{_after(actual, index)}»"
    )


def _position(text: str, index: int) -> int:
    """Where in ``text`` its ``index``-th character that is not whitespace is."""
    seen = 0
    for position, character in enumerate(text):
        if not character.isspace():
            if seen == index:
                return position
            seen += 1
    return len(text)


def _before(text: str, index: int) -> str:
    return text[max(0, _position(text, index) - SHOWN // 2) : _position(text, index)]


def _after(text: str, index: int) -> str:
    return _clip(text[_position(text, index) :])


def first_part_difference(expected: dict, actual: dict, expected_file=None, actual_file=None) -> str:
    if list(expected) != list(actual):
        return f"parts: expected {list(expected)}, got {list(actual)}"
    for name in expected:
        if expected[name] != actual[name]:
            if expected_file is not None and name.startswith("xl/worksheets/"):
                cell = first_cell_difference(expected_file, actual_file)
                if cell:
                    return f"part {name}: {cell}"
            return f"part {name}: " + first_line_difference(expected[name], actual[name])
    return "same parts"


def first_cell_difference(expected: bytes, actual: bytes) -> str | None:
    """The first cell whose value, number format or boldness differs, sheet by sheet."""
    from openpyxl import load_workbook

    old, new = load_workbook(io.BytesIO(expected)), load_workbook(io.BytesIO(actual))
    if old.sheetnames != new.sheetnames:
        return f"sheets: expected {old.sheetnames}, got {new.sheetnames}"
    for name in old.sheetnames:
        old_sheet, new_sheet = old[name], new[name]
        if (old_sheet.max_row, old_sheet.max_column) != (new_sheet.max_row, new_sheet.max_column):
            return (
                f"sheet {name}: expected {old_sheet.max_row}×{old_sheet.max_column} cells, "
                f"got {new_sheet.max_row}×{new_sheet.max_column}"
            )
        for old_row, new_row in zip(old_sheet.iter_rows(), new_sheet.iter_rows()):
            for old_cell, new_cell in zip(old_row, new_row):
                shown = [(c.value, c.number_format, bool(c.font and c.font.b)) for c in (old_cell, new_cell)]
                if shown[0] != shown[1]:
                    return f"sheet {name}, cell {old_cell.coordinate}: expected {shown[0]!r}, got {shown[1]!r}"
    return None
