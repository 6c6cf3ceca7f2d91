"""A download's workbook written directly: one sheet, a bold header row frozen
above the data, then one row per record.

openpyxl's write-only mode made these files before, at about ten times the cost
of the same rows as CSV, and with a workbook's fixed cost (a temporary file for
the sheet, a style registry, every part built as an element tree) that
dominated the small tables. Here the sheet's XML is written as text, a cell at a
time, straight into the zip; every other part is a constant template. Each
part is byte for byte what openpyxl 3.1 writes for the same workbook (the
golden tests compare them), except the two times in ``docProps/core.xml``: the
moment the file was written.

The cells follow openpyxl's rules: text inline (``inlineStr``, cut at 32 767
characters, ``xml:space="preserve"`` when it starts or ends in whitespace),
numbers as ``%.16g``, booleans as 1 and 0, dates and times as Excel serial
numbers with openpyxl's number format, empty cells left out. Text must come
without the control characters XML cannot hold (``ILLEGAL_CHARACTERS_RE``):
the caller cleans it, before escaping formulas, as openpyxl required.
"""

import datetime
import zipfile
from decimal import Decimal
from functools import lru_cache
from typing import IO, Iterable

from openpyxl import __version__ as OPENPYXL_VERSION
from openpyxl.cell.cell import ERROR_CODES, TIME_FORMATS
from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.writer.theme import theme_xml

#: Rows gathered before they are encoded and written into the zip: few, so what is
#: held besides the records read stays small (the bench measures that memory stays flat).
ROWS_PER_WRITE = 25
#: The longest text a cell holds; openpyxl cuts longer ones.
MAX_TEXT = 32767

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOCUMENT_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPE = "application/vnd.openxmlformats-"

APP = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>Microsoft Excel Compatible / Openpyxl {OPENPYXL_VERSION}</Application>"
    f"<AppVersion>{'.'.join(OPENPYXL_VERSION.split('.')[:-1])}</AppVersion></Properties>"
)
CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>openpyxl</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
)
ROOT_RELS = (
    f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Type="{_DOCUMENT_RELS}/officeDocument" Target="xl/workbook.xml" Id="rId1" />'
    f'<Relationship Type="{_PACKAGE_RELS}/metadata/core-properties" Target="docProps/core.xml" Id="rId2" />'
    f'<Relationship Type="{_DOCUMENT_RELS}/extended-properties" Target="docProps/app.xml" Id="rId3" />'
    "</Relationships>"
)
WORKBOOK = (
    f'<workbook xmlns:r="{_DOCUMENT_RELS}" xmlns="{_MAIN}"><workbookPr /><workbookProtection /><bookViews>'
    '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1"'
    ' showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" /></bookViews>'
    '<sheets><sheet name="{title}" sheetId="1" state="visible" r:id="rId1" /></sheets><definedNames />'
    '<calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>'
)
WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PACKAGE_RELS}">'
    f'<Relationship Type="{_DOCUMENT_RELS}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1" />'
    f'<Relationship Type="{_DOCUMENT_RELS}/styles" Target="styles.xml" Id="rId2" />'
    f'<Relationship Type="{_DOCUMENT_RELS}/theme" Target="theme/theme1.xml" Id="rId3" />'
    "</Relationships>"
)
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    f'<Default Extension="rels" ContentType="{_CONTENT_TYPE}package.relationships+xml" />'
    '<Default Extension="xml" ContentType="application/xml" />'
    f'<Override PartName="/xl/styles.xml" ContentType="{_CONTENT_TYPE}officedocument.spreadsheetml.styles+xml" />'
    f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_CONTENT_TYPE}officedocument.theme+xml" />'
    f'<Override PartName="/docProps/core.xml" ContentType="{_CONTENT_TYPE}package.core-properties+xml" />'
    '<Override PartName="/docProps/app.xml"'
    f' ContentType="{_CONTENT_TYPE}officedocument.extended-properties+xml" />'
    '<Override PartName="/xl/worksheets/sheet1.xml"'
    f' ContentType="{_CONTENT_TYPE}officedocument.spreadsheetml.worksheet+xml" />'
    '<Override PartName="/xl/workbook.xml"'
    f' ContentType="{_CONTENT_TYPE}officedocument.spreadsheetml.sheet.main+xml" /></Types>'
)
SHEET_HEAD = (
    f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr />'
    '</sheetPr><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen" />'
    '<selection pane="bottomLeft" activeCell="A1" sqref="A1" /></sheetView></sheetViews>'
    '<sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><sheetData>'
)
SHEET_TAIL = (
    '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" />'
    "</worksheet>"
)
_FONT = '<font><name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font>'
_BOLD = '<font><b val="1" /></font>'
_XF = '<xf numFmtId="{format}" fontId="{font}" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" />'
#: openpyxl's default indexed colours (``openpyxl.styles.colors.COLOR_INDEX``'s first 64).
_INDEXED = (
    "00000000 00FFFFFF 00FF0000 0000FF00 000000FF 00FFFF00 00FF00FF 0000FFFF "
    "00000000 00FFFFFF 00FF0000 0000FF00 000000FF 00FFFF00 00FF00FF 0000FFFF "
    "00800000 00008000 00000080 00808000 00800080 00008080 00C0C0C0 00808080 "
    "009999FF 00993366 00FFFFCC 00CCFFFF 00660066 00FF8080 000066CC 00CCCCFF "
    "00000080 00FF00FF 00FFFF00 0000FFFF 00800080 00800000 00008080 000000FF "
    "0000CCFF 00CCFFFF 00CCFFCC 00FFFF99 0099CCFF 00FF99CC 00CC99FF 00FFCC99 "
    "003366FF 0033CCCC 0099CC00 00FFCC00 00FF9900 00FF6600 00666699 00969696 "
    "00003366 00339966 00003300 00333300 00993300 00993366 00333399 00333333"
).split()
STYLES_TAIL = (
    '<fills count="2"><fill><patternFill /></fill><fill><patternFill patternType="gray125" /></fill></fills>'
    '<borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></cellStyleXfs>'
    "{cell_formats}"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16" />'
    "<colors><indexedColors>" + "".join(f'<rgbColor rgb="{rgb}" />' for rgb in _INDEXED) + "</indexedColors>"
    "</colors></styleSheet>"
)
_ERROR_CODES = frozenset(ERROR_CODES)
#: A custom number format's id: the first after the built-in ones.
FIRST_CUSTOM_FORMAT = 164


def escape_text(text: str) -> str:
    """As ElementTree escapes an element's text."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def escape_attribute(text: str) -> str:
    """As ElementTree escapes an attribute's value."""
    text = escape_text(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def number(value) -> str:
    """As openpyxl writes a number (``safe_string``): 16 significant digits, NaN and infinity empty."""
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    return "%.16g" % value


@lru_cache(maxsize=4096)
def serial(value) -> str:
    """A date or time as Excel's serial number (days since 1899-12-30), as text."""
    return number(to_excel(value))


class Styles:
    """The cell formats a sheet used, numbered in the order first used, as openpyxl numbers them."""

    def __init__(self, bold_header: bool):
        self.bold_header = bold_header
        #: (number format id, font id) per style, the default's first.
        self.formats: list[tuple[int, int]] = [(0, 0)]
        self.custom: list[str] = []
        self.by_type: dict[type, str] = {}
        if bold_header:
            self.formats.append((0, 1))

    def of(self, kind: type) -> str:
        """The style id of a date or time cell of ``kind``."""
        style = self.by_type.get(kind)
        if style is None:
            code = next(TIME_FORMATS[base] for base in kind.mro() if base in TIME_FORMATS)
            if code in BUILTIN_FORMATS_REVERSE:
                format_id = BUILTIN_FORMATS_REVERSE[code]
            else:
                if code not in self.custom:
                    self.custom.append(code)
                format_id = FIRST_CUSTOM_FORMAT + self.custom.index(code)
            if (format_id, 0) not in self.formats:
                self.formats.append((format_id, 0))
            style = self.by_type[kind] = str(self.formats.index((format_id, 0)))
        return style

    def xml(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{FIRST_CUSTOM_FORMAT + index}" formatCode="{escape_attribute(code)}" />'
            for index, code in enumerate(self.custom)
        )
        number_formats = f'<numFmts count="{len(self.custom)}">{formats}</numFmts>' if formats else '<numFmts count="0" />'
        fonts = [_FONT, _BOLD] if self.bold_header else [_FONT]
        cells = "".join(_XF.format(format=format_id, font=font) for format_id, font in self.formats)
        return (
            f'<styleSheet xmlns="{_MAIN}">{number_formats}<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
            + STYLES_TAIL.format(cell_formats=f'<cellXfs count="{len(self.formats)}">{cells}</cellXfs>')
        )


def text_cell(reference: str, text: str, style: str = "") -> str:
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
    if not text:
        return f'<c r="{reference}"{style} t="inlineStr" />'
    if text[0] == "=" and len(text) > 1:
        return f'<c r="{reference}"{style}><f>{escape_text(text[1:])}</f><v /></c>'
    if text in _ERROR_CODES:
        return f'<c r="{reference}"{style} t="e"><v>{text}</v></c>'
    # openpyxl's ``whitespace``: kept when text starts or ends in it, unless there is nothing else.
    space = ' xml:space="preserve"' if (text[0].isspace() or text[-1].isspace()) and not text.isspace() else ""
    return f'<c r="{reference}"{style} t="inlineStr"><is><t{space}>{escape_text(text)}</t></is></c>'


def cell(reference: str, value, styles: Styles) -> str:
    """One cell's XML, as openpyxl writes the value (the caller leaves out None)."""
    kind = type(value)
    if kind is str:
        return text_cell(reference, value)
    if kind is bool:
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float or isinstance(value, (int, float, Decimal)):
        digits = number(value)
        return f'<c r="{reference}" t="n"><v>{digits}</v></c>' if digits else f'<c r="{reference}" t="n"><v /></c>'
    if isinstance(value, (str, bytes)):
        return text_cell(reference, str(value) if isinstance(value, str) else value.decode())
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        if getattr(value, "tzinfo", None) is not None:
            raise TypeError("An XLSX cell has no time zone: give a naive date and time.")
        return f'<c r="{reference}" s="{styles.of(kind)}" t="n"><v>{serial(value)}</v></c>'
    raise ValueError(f"Cannot convert {value!r} to Excel")


def _now() -> str:
    return datetime.datetime.now(tz=datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_workbook(file: IO[bytes], *, title: str, headers: list[str], rows: Iterable[list]) -> None:
    """A workbook of one sheet called ``title``: ``headers`` in bold, frozen, then ``rows``.

    The sheet goes into the zip as it is written, ``ROWS_PER_WRITE`` rows at a
    time, so memory stays flat however many rows there are."""
    styles = Styles(bold_header=bool(headers))
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/app.xml", APP)
        archive.writestr("docProps/core.xml", CORE.format(now=_now()))
        archive.writestr("xl/theme/theme1.xml", theme_xml)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(_sheet_head(headers).encode())
            for chunk in _sheet_rows(rows, styles):
                sheet.write(chunk.encode("utf-8", "xmlcharrefreplace"))
            sheet.write(SHEET_TAIL.encode())
        archive.writestr("xl/styles.xml", styles.xml())
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(title=escape_attribute(title)))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)


@lru_cache(maxsize=64)
def _letters(count: int) -> list[str]:
    return [get_column_letter(number) for number in range(1, count + 1)]


def _sheet_head(headers: list[str]) -> str:
    letters = _letters(len(headers))
    cells = "".join(text_cell(f"{letter}1", str(text), ' s="1"') for letter, text in zip(letters, headers))
    return f'{SHEET_HEAD}<row r="1">{cells}</row>'


def _sheet_rows(rows: Iterable[list], styles: Styles) -> Iterable[str]:
    lines = []
    letters: list[str] = []
    for number_, row in enumerate(rows, start=2):
        if len(row) > len(letters):
            letters = _letters(len(row))
        index = str(number_)
        cells = []
        for letter, value in zip(letters, row):
            if value is not None:
                cells.append(text_cell(letter + index, value) if type(value) is str else cell(letter + index, value, styles))
        lines.append(f'<row r="{index}">{"".join(cells)}</row>')
        if len(lines) == ROWS_PER_WRITE:
            yield "".join(lines)
            lines = []
    yield "".join(lines)
