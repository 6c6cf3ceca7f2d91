"""The PDF of record is archival and tagged: PDF/A-3b carrying the report's
data files (the very bytes saved beside it), with a structure tree for screen
readers. Read back with pypdf from a built report's saved PDF: version 2 of
2017-2 in the report set (``tests/support/report_fixtures.py``)."""

import hashlib
import html
import io
import re

import pypdf
import pytest

from reports.exporters.document import render_document
from reports.templatetags.report_document import signed_change
from tests.support.pdf_structure import structure

pytestmark = pytest.mark.django_db

TITLE = "Informe semestral al Congreso de la Ciudad de México: julio–diciembre de 2017 (versión 2)"
#: The alternative text of the charts and the map, as the templates describe them.
FIGURE_ALTS = [
    "Acuerdos vigentes y sin información de vigencia, por tipo de instrumento",
    "Acuerdos vigentes y sin información de vigencia, por región de la contraparte",
    "Mapa del mundo con los países de las contrapartes de los acuerdos del informe resaltados",
    "Acuerdos presentados para evaluación, por la recomendación de su evaluación aprobada",
]
#: Each embedded file: its format, /AFRelationship, MIME type and description.
EMBEDDED = {
    "informe-2017-2-v2.csv.zip": (
        "csv", "/Data", "/application/zip",
        "Tablas del informe en CSV, una por archivo, en un ZIP: las mismas filas que las tablas de este documento.",
    ),
    "informe-2017-2-v2.json": (
        "json", "/Source", "/application/json",
        "Datos del informe en JSON (metadatos, tablas, desgloses, mapa y método), de los que se compuso este "
        "documento.",
    ),
    "informe-2017-2-v2.xlsx": (
        "xlsx", "/Data", "/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Tablas del informe en XLSX, una hoja por tabla: las mismas filas que las tablas de este documento.",
    ),
}


@pytest.fixture(scope="module")
def built(report_set, django_db_blocker):
    """The report's saved files (format → (row, bytes)), its PDF read back and its structure tree."""
    report = report_set.v2
    with django_db_blocker.unblock():
        files = {}
        for report_file in report.files.all():
            with report_file.file.open("rb") as handle:
                files[report_file.format] = (report_file, handle.read())
        document = render_document(report.content, for_print=True)
    reader = pypdf.PdfReader(io.BytesIO(files["pdf"][1]))
    return {"report": report, "files": files, "reader": reader, "tree": structure(reader), "html": document}


def html_text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


# Archival: PDF/A-3b ---------------------------------------------------------------


def test_xmp_declares_pdfa_part_3_level_b_and_the_title(built):
    reader = built["reader"]
    xmp = reader.xmp_metadata

    assert built["files"]["pdf"][1].startswith(b"%PDF-1.7\n")
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "B")
    assert xmp.dc_title == {"x-default": TITLE}
    assert reader.metadata.title == TITLE
    [intent] = reader.trailer["/Root"]["/OutputIntents"]
    assert (intent["/S"], intent["/OutputConditionIdentifier"]) == (
        "/GTS_PDFA1", "IEC 61966-2-1 Default RGB Colour Space - sRGB",
    )


def test_the_data_files_are_embedded_byte_for_byte_as_saved_beside_it(built):
    catalog = built["reader"].trailer["/Root"]
    tree = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    names, specs = tree[0::2], [spec.get_object() for spec in tree[1::2]]

    assert names == list(EMBEDDED)
    for name, spec in zip(names, specs, strict=True):
        file_format, relationship, mime_type, description = EMBEDDED[name]
        saved, saved_bytes = built["files"][file_format]
        stream = spec["/EF"]["/F"].get_object()
        content = stream.get_data()
        assert hashlib.sha256(content).hexdigest() == saved.sha256 == hashlib.sha256(saved_bytes).hexdigest(), name
        assert (spec["/UF"], spec["/F"], spec["/Desc"], spec["/AFRelationship"]) == (
            name, name, description, relationship,
        )
        assert stream["/Subtype"] == mime_type
        params = stream["/Params"]
        # pypdf reads a hexadecimal string as text when it can be: its bytes are the original ones.
        checksum = getattr(params["/CheckSum"], "original_bytes", params["/CheckSum"])
        assert (params["/Size"], checksum) == (saved.size, hashlib.md5(content).digest())
        # Dated when the report was generated (1 February 2018, 10:00 in Mexico City).
        assert (params["/CreationDate"], params["/ModDate"]) == ("D:20180201160000Z", "D:20180201160000Z")
    # Each one an associated file of the document, once.
    assert [spec.get_object()["/UF"] for spec in catalog["/AF"]] == names


# Tagged ----------------------------------------------------------------------------


def test_catalog_is_marked_in_mexican_spanish_and_shows_the_title(built):
    catalog = built["reader"].trailer["/Root"]

    assert catalog["/Lang"] == "es-MX"
    assert catalog["/MarkInfo"] == {"/Marked": True}
    assert catalog["/ViewerPreferences"] == {"/DisplayDocTitle": True}
    assert catalog["/StructTreeRoot"]["/Type"] == "/StructTreeRoot"
    assert built["tree"].kind == "Document"


def test_headings_are_the_documents_in_order(built):
    in_html = [
        (f"H{level}", html_text(text))
        for level, text in re.findall(r"<h([1-6])\b[^>]*>(.*?)</h\1>", built["html"], re.DOTALL)
    ]
    in_pdf = [(element.kind, element.text) for element in built["tree"].walk() if re.fullmatch(r"H[1-6]", element.kind)]

    assert in_pdf == in_html
    assert in_pdf[:4] == [
        ("H1", "Informe semestral al Congreso de la Ciudad de México"),
        ("H2", "Fundamento"),
        ("H2", "Contenido"),
        ("H2", "Cifras del semestre"),
    ]
    assert [kind for kind, _text in in_pdf].count("H1") == 1
    levels = [int(kind[1]) for kind, _text in in_pdf]
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False))  # no level skipped


def test_data_cells_are_labelled_by_their_row_and_column_header_cells(built):
    tree = built["tree"]
    headers = {str(cell.item["/ID"]): cell.text for cell in tree.find("TH")}
    summary = tree.find("Table")[0]
    rows = summary.find("TR")

    assert [child.kind for child in summary.children] == ["Caption", "THead", "TBody"]
    assert summary.children[0].text == "Cifras de julio–diciembre de 2017 comparadas con las de enero–junio de 2017"
    assert [cell.text for cell in rows[0].children] == ["Cifra", "Semestre", "Semestre anterior", "Cambio"]
    assert [cell.kind for cell in rows[1].children] == ["TH", "TD", "TD", "TD"]
    expected = built["report"].content["tables"]["summary"]["rows"][0]
    assert [
        ([headers[str(key)] for key in cell.item["/A"]["/Headers"]], cell.text) for cell in rows[1].children[1:]
    ] == [
        ([expected["label"], "Semestre"], str(expected["value"])),
        ([expected["label"], "Semestre anterior"], str(expected["previous"])),
        ([expected["label"], "Cambio"], signed_change(expected["change"])),
    ]
    # Every table keeps its caption, has header cells, and every data cell is labelled by some of them.
    tables = tree.find("Table")
    assert [table.children[0].text for table in tables if table.children[0].kind == "Caption"] == [
        html_text(caption) for caption in re.findall(r"<caption>(.*?)</caption>", built["html"], re.DOTALL)
    ]
    assert all(table.find("TH") for table in tables)
    assert all(cell.item["/A"]["/Headers"] and {str(key) for key in cell.item["/A"]["/Headers"]} <= set(headers)
               for cell in tree.find("TD"))


def test_every_chart_and_the_map_is_a_figure_with_its_alternative_text(built):
    figures = built["tree"].find("Figure")

    assert [figure.item["/Alt"] for figure in figures] == FIGURE_ALTS
    assert all(figure.item["/A"]["/BBox"] for figure in figures)
    # The same descriptions name the images in the HTML (an svg's <title>, its accessible name).
    assert re.findall(r'<svg\b[^>]*\brole="img"[^>]*><title>([^<]+)</title>', built["html"]) == FIGURE_ALTS
