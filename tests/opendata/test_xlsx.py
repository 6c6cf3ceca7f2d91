"""The downloads' XLSX writer (``opendata.xlsx``): what each cell holds read back
by openpyxl, and each part byte for byte what openpyxl's write-only mode writes
for the same rows."""

import datetime
import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from opendata.downloads import XlsxDownload
from opendata.xlsx import MAX_TEXT, write_workbook

CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")
HEADERS = ["Clave", "Título", "Monto", "Firma", "Actualización", "Vigente", "Nota"]
LONG = "Ciudad de México " * 3000


def ours(headers, rows, title="agreements") -> bytes:
    file = io.BytesIO()
    write_workbook(file, title=title, headers=headers, rows=rows)
    return file.getvalue()


def openpyxl_write_only(headers, rows, title="agreements") -> bytes:
    """What the downloads wrote before the writer: openpyxl's write-only mode."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)
    sheet.freeze_panes = "A2"
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    file = io.BytesIO()
    workbook.save(file)
    return file.getvalue()


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        found = {name: archive.read(name) for name in archive.namelist()}
    found["docProps/core.xml"] = CORE_TIMES.sub(rb"\1\2", found["docProps/core.xml"])
    return found


def cleaned(row: list) -> list:
    return [XlsxDownload.cell(value) for value in row]


SAMPLE_ROWS = [
    ["\x07=1", "=HYPERLINK(\"x\")", Decimal("1500000.50"), datetime.date(2017, 11, 21),
     datetime.datetime(2026, 6, 1, 18, 30, 15, 999, tzinfo=datetime.UTC), True, None],
    ["más-allá", "  Ñandú & <Mérida> ", 0, datetime.date(1900, 1, 15), datetime.datetime(2017, 1, 1, 6, tzinfo=datetime.UTC), False, LONG],
    [None, None, None, None, None, None, None],
    ["#N/A", "", 3.25, None, None, None, "línea\r\nsiguiente\t"],
]


def test_each_cell_reads_back_as_its_exact_value():
    workbook = load_workbook(io.BytesIO(ours(HEADERS, [cleaned(row) for row in SAMPLE_ROWS])))
    sheet = workbook.active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert sheet.title == "agreements"
    assert sheet.freeze_panes == "A2"
    assert [cell.font.b for cell in sheet[1]] == [True] * 7
    assert values[0] == HEADERS
    # Control characters dropped before the formula check; formula-like text escaped;
    # times in Mexico City's, to the second.
    assert values[1] == [
        "'=1", "'=HYPERLINK(\"x\")", 1500000.5, datetime.datetime(2017, 11, 21),
        datetime.datetime(2026, 6, 1, 12, 30, 15), True, None,
    ]
    assert values[2] == [
        "más-allá", "  Ñandú & <Mérida> ", 0, datetime.datetime(1900, 1, 15),
        datetime.datetime(2017, 1, 1), False, LONG[:MAX_TEXT],
    ]
    assert len(LONG) > MAX_TEXT
    assert values[3] == [None] * 7
    # An XML parser reads a line break written as CR LF as one LF, as it did with openpyxl's files.
    assert values[4] == ["#N/A", None, 3.25, None, None, None, "línea\nsiguiente\t"]
    assert [sheet.cell(2, 4).number_format, sheet.cell(2, 5).number_format] == ["yyyy-mm-dd", "yyyy-mm-dd h:mm:ss"]
    assert [sheet.cell(2, 3).data_type, sheet.cell(5, 1).data_type] == ["n", "e"]


def test_every_part_is_what_openpyxl_writes_but_the_times():
    rows = [cleaned(row) for row in SAMPLE_ROWS]

    expected, actual = parts(openpyxl_write_only(HEADERS, rows)), parts(ours(HEADERS, rows))

    assert list(actual) == list(expected)
    for name in expected:
        assert (name, actual[name]) == (name, expected[name])


def test_the_sheet_xml_of_a_small_row_set_is_openpyxls():
    rows = [["agua", "Agua", datetime.datetime(2026, 6, 1, 12)], ["x&y", " a", 7]]

    expected = parts(openpyxl_write_only(["Clave", "Nombre", "Última actualización"], rows, title="themes"))
    actual = parts(ours(["Clave", "Nombre", "Última actualización"], rows, title="themes"))

    assert actual["xl/worksheets/sheet1.xml"] == expected["xl/worksheets/sheet1.xml"]
    assert actual["xl/worksheets/sheet1.xml"].endswith(
        b'<sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Clave</t></is></c>'
        b'<c r="B1" s="1" t="inlineStr"><is><t>Nombre</t></is></c>'
        b'<c r="C1" s="1" t="inlineStr"><is><t>\xc3\x9altima actualizaci\xc3\xb3n</t></is></c></row>'
        b'<row r="2"><c r="A2" t="inlineStr"><is><t>agua</t></is></c><c r="B2" t="inlineStr"><is><t>Agua</t></is></c>'
        b'<c r="C2" s="2" t="n"><v>46174.5</v></c></row>'
        b'<row r="3"><c r="A3" t="inlineStr"><is><t>x&amp;y</t></is></c>'
        b'<c r="B3" t="inlineStr"><is><t xml:space="preserve"> a</t></is></c><c r="C3" t="n"><v>7</v></c></row>'
        b'</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" /></worksheet>'
    )


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [[datetime.date(2017, 1, 1)], [datetime.datetime(2017, 1, 1, 8)]],
        [[datetime.time(8, 30)], [datetime.timedelta(hours=30)], [float("nan")], [12345678901234567890], [b"bytes"]],
        [["=1+1"], ["   "], ["&quot;"], [1.1], [Decimal("-0.000001")]],
    ],
    ids=["no-rows", "date-then-datetime", "times-and-odd-numbers", "raw-formula-and-spaces"],
)
def test_styles_and_cells_follow_openpyxl_for_other_values(rows):
    expected = parts(openpyxl_write_only(["A"], rows, title='a&b"<c>'))
    actual = parts(ours(["A"], rows, title='a&b"<c>'))

    assert actual == expected


def test_a_date_and_time_with_a_time_zone_is_refused():
    aware = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)

    with pytest.raises(TypeError):
        ours(["A"], [[aware]])
