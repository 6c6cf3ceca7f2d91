"""The PDF of record is archival: PDF/A-3b carrying the report's data files
(the very bytes saved beside it). Read back with pypdf from a built report's
saved PDF: version 2 of 2017-2 in the report set
(``tests/support/report_fixtures.py``)."""

import hashlib
import io

import pypdf
import pytest

pytestmark = pytest.mark.django_db

TITLE = "Informe semestral al Congreso de la Ciudad de México: julio–diciembre de 2017 (versión 2)"
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
    """The report's saved files (format → (row, bytes)) and its PDF read back."""
    report = report_set.v2
    with django_db_blocker.unblock():
        files = {}
        for report_file in report.files.all():
            with report_file.file.open("rb") as handle:
                files[report_file.format] = (report_file, handle.read())
    return {"report": report, "files": files, "reader": pypdf.PdfReader(io.BytesIO(files["pdf"][1]))}


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
