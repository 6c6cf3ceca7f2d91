"""The report's PDF laid out in parts and joined (``reports.pdf.parts``
and ``join``): where the print HTML is cut, and a report cut into many parts
read back as the same document as in one part: its content, outline, named
destinations and links, page furniture and structure tree."""

import datetime
import io
import os
import re
import subprocess
import sys

import pydyf
import pypdf
import pytest
from django.test import override_settings
from django.utils import timezone

from evaluations.periods import Semester
from reports.data import build_report_data
from reports.exporters import exporters
from reports.exporters.document import EMBEDDED_FILES, PdfExporter, render_document
from reports.pdf import parts as pdf_parts
from reports.pdf import workers as workers_module
from reports.pdf.join import PdfJoiner
from reports.pdf.workers import ROOT, Job, PartFailed, PartWorkers, resources_fetcher, started_early
from tests.support.pdf_structure import content_text, marked_texts

GENERATED_AT = timezone.make_aware(datetime.datetime(2018, 1, 10, 12, 0))
HEAD = '<!doctype html><html lang="es-MX"><head><title>Informe</title></head>'
COLUMNS = (
    '<colgroup><col style="width: 40%"><col></colgroup>'
    '<thead><tr><th scope="col">Clave</th><th scope="col">Título</th></tr></thead>'
)
ROWS = "".join(f'<tr id="fila-{n}"><td>a-{n}</td><td>Acuerdo {n}</td></tr>' for n in range(1, 7))
DOCUMENT = (
    HEAD + '<body><article class="report-document">'
    '<section class="cover" id="portada"><h1>Informe</h1></section>'
    '<nav class="toc"><a href="#uno">Uno</a> <a href="#dos">Dos</a> <a href="#nada">Nada</a></nav>'
    '<section class="chapter" id="uno"><h2>Uno</h2><p>Véase la <a href="#fila-5">fila 5</a>.</p></section>'
    '<section class="chapter" id="dos" aria-labelledby="dos-titulo"><h2 id="dos-titulo">Dos</h2>'
    '<div class="annex-tables" id="tablas"><table class="data annex fixed"><caption>Los acuerdos</caption>'
    + COLUMNS + "<tbody>" + ROWS + "</tbody></table></div></section></article></body></html>"
)


def test_the_contents_are_a_part_and_each_chapter_begins_one_when_the_last_is_half_full():
    parts = pdf_parts.split(DOCUMENT, part_bytes=10_000)
    assert [part.html for part in parts] == [
        HEAD + '<body><article class="report-document"><section class="cover" id="portada"><h1>Informe</h1></section>'
        '<nav class="toc"><a href="#uno">Uno</a> <a href="#dos">Dos</a> <a href="#nada">Nada</a></nav>'
        "</article></body></html>",
        # Both chapters fit in half a part: together.
        HEAD + '<body><article class="report-document">'
        + DOCUMENT[DOCUMENT.index('<section class="chapter" id="uno"'):],
    ]
    assert (parts[0].anchors, parts[0].elsewhere) == ({"portada"}, {"uno", "dos"})  # «nada» is nowhere
    assert parts[1].anchors == {"uno", "dos", "dos-titulo", "tablas", *(f"fila-{n}" for n in range(1, 7))}
    assert parts[1].elsewhere == set()


def test_a_long_table_goes_on_in_the_next_part_with_its_columns_and_header_but_not_its_caption():
    # The part of the chapters grows past its size within the third row: it is cut after that row.
    part_bytes = DOCUMENT.index('<tr id="fila-3">') - DOCUMENT.index('<section class="chapter"') + 5
    parts = pdf_parts.split(DOCUMENT, part_bytes=part_bytes)
    assert len(parts) == 3
    assert parts[1].html.endswith('<td>Acuerdo 3</td></tr></tbody></table></div></section></article></body></html>')
    assert parts[2].html == (
        HEAD + '<body><article class="report-document"><section class="chapter" aria-labelledby="dos-titulo">'
        '<div class="annex-tables"><table class="data annex fixed">' + COLUMNS + "<tbody>"
        + ROWS[ROWS.index('<tr id="fila-4">'):] + "</tbody></table></div></section></article></body></html>"
    )
    assert parts[2].anchors == {"fila-4", "fila-5", "fila-6"}
    # The first chapter links to the fifth row, now in the third part.
    assert parts[1].elsewhere == {"fila-5"}


def test_an_end_tag_left_unwritten_or_with_nothing_open_changes_no_cut():
    untidy = DOCUMENT.replace("<p>Véase", "</span><ul><li>Véase").replace(".</p></section>", ".</ul></section>")
    part_bytes = untidy.index('<tr id="fila-3">') - untidy.index('<section class="chapter"') + 5
    parts = pdf_parts.split(untidy, part_bytes=part_bytes)
    assert len(parts) == 3
    assert parts[1].html.endswith('<td>Acuerdo 3</td></tr></tbody></table></div></section></article></body></html>')
    assert parts[2].html.startswith(
        HEAD + '<body><article class="report-document"><section class="chapter" aria-labelledby="dos-titulo">'
        '<div class="annex-tables"><table class="data annex fixed"><colgroup>'
    )


def test_a_table_with_automatic_widths_is_never_cut_its_rows_would_change_them():
    automatic = DOCUMENT.replace("data annex fixed", "data annex")
    parts = pdf_parts.split(automatic, part_bytes=100)
    assert len(parts) == 3  # the contents, and each chapter (both over half a part)
    second = automatic[automatic.index('<section class="chapter" id="dos"'):]
    assert parts[2].html == HEAD + '<body><article class="report-document">' + second


def test_pydyf_numbers_in_the_joined_file_only_inside_its_block():
    joiner = PdfJoiner()
    with joiner.numbered():
        inside = pydyf.PDF()
        inside.add_object(pydyf.Dictionary())
    outside = pydyf.PDF()
    outside.add_object(pydyf.Dictionary())
    # The joiner's own first objects come before (the free object 0, its pages, catalog and
    # /Document); a PDF's own free object takes no number of the file's.
    assert [obj.number for obj in inside.objects[1:]] == [4, 5, 6]
    assert inside.objects[6] is inside.objects[-1]
    assert [obj.number for obj in outside.objects] == [0, 1, 2, 3]
    assert pydyf.PDF.add_object.__module__ == "pydyf"


@pytest.fixture(scope="module")
def rendered(book, django_db_blocker):
    """The 2017-2 report's PDF in one part and cut into many (chapters and rows),
    those laid out here one at a time and by two other processes at once."""
    with django_db_blocker.unblock():
        data = build_report_data(Semester(2017, 2), generated_at=GENERATED_AT)
    html = render_document(data, for_print=True)
    pdfs, splits = {}, {}
    # Rendered once: an XLSX holds the time it was written.
    data_files = [(exporter, exporter.render(data)) for exporter in exporters() if exporter.format in EMBEDDED_FILES]
    for name, part_bytes, processes in (("one", 10_000_000, 1), ("many", 8_000, 1), ("processes", 8_000, 2)):
        with pytest.MonkeyPatch.context() as patch, override_settings(REPORT_PDF_PROCESSES=processes):
            # The fonts' subsets are stamped with the time they are made (fontTools), unless this is set.
            patch.setenv("SOURCE_DATE_EPOCH", "1515585600")
            # Many parts, and the pages' running header and footer in runs of ten pages.
            patch.setattr(pdf_parts, "PART_BYTES", part_bytes)
            patch.setattr(pdf_parts, "FURNITURE_PAGES", 10_000 if name == "one" else 10)
            splits[name] = pdf_parts.split(html)
            pdfs[name] = PdfExporter().render(data, data_files=data_files)
    return {name: pypdf.PdfReader(io.BytesIO(pdf)) for name, pdf in pdfs.items()} | {"splits": splits, "pdfs": pdfs}


def test_the_report_is_cut_at_chapters_and_in_its_long_tables(rendered):
    one, many = rendered["splits"]["one"], rendered["splits"]["many"]
    assert len(one) == 2  # the cover and contents, then the rest
    assert len(many) >= 10
    continued = [part for part in many if '<table class="data' in part.html and "<caption>" not in part.html]
    assert continued, "some table goes on from one part to the next"


def test_parts_laid_out_by_other_processes_make_the_same_pdf_byte_for_byte(rendered):
    assert len(rendered["splits"]["processes"]) >= 10  # nine parts or more, shared by two processes
    assert rendered["pdfs"]["processes"] == rendered["pdfs"]["many"]


def test_a_part_that_fails_in_its_process_stops_the_pdf_with_its_error_and_ends_the_processes():
    joiner = PdfJoiner()
    # The last element of the body stands for another part's id, yet has content: write_part refuses it.
    job = Job(1, "<html><body><p>Uno</p><p>Dos</p></body></html>", frozenset(), 1)
    workers = PartWorkers(2, {}, pdf_tags=True)
    processes = [process for process, _connection in workers._workers]
    with pytest.raises(PartFailed) as failure, workers:
        list(workers.written([job], joiner))
    assert "Falló la parte 1 en el proceso" in str(failure.value)
    assert "ValueError: Un marcador de destino de otra parte tiene contenido." in str(failure.value)
    assert [process.wait(timeout=10) is not None for process in processes] == [True, True]


def test_a_process_whose_report_stopped_ends_quietly():
    workers = PartWorkers(1, {})
    process, connection = workers._workers[0]
    connection.close()  # as when the report's process is killed
    assert process.wait(timeout=10) == 0
    workers._workers = []


def test_the_processes_lay_out_their_first_parts_while_the_caller_does_something_else():
    joiner, events = PdfJoiner(), []
    jobs = [Job(index, f"<html><body><h2>Parte {index}</h2></body></html>", frozenset(), 0) for index in (1, 2, 3)]
    original = joiner.absorb
    joiner.absorb = lambda index, part: events.append(("absorbed", index)) or original(index, part)
    with PartWorkers(2, {}, pdf_tags=True) as workers:
        written = list(workers.written(jobs, joiner, meanwhile=lambda: events.append(("meanwhile", None))))
    assert events == [("meanwhile", None), ("absorbed", 1), ("absorbed", 2), ("absorbed", 3)]
    assert [len(part.kept.pages) for part in written] == [1, 1, 1]
    # Numbered one after the other in the joined file, as if written here.
    assert written[1].objects[0][0] > written[0].objects[-1][0]


def test_processes_started_early_are_the_ones_that_lay_out_and_those_not_taken_end():
    joiner = PdfJoiner()
    job = Job(1, "<html><body><h2>Parte 1</h2></body></html>", frozenset(), 0)
    with started_early(2):
        early = [process for process, _connection in workers_module._EARLY.get()]
        with PartWorkers(1, {}, pdf_tags=True) as workers:
            assert [process for process, _connection in workers._workers] == early[:1]
            assert [len(part.kept.pages) for part in workers.written([job], joiner)] == [1]
        assert [process for process, _connection in workers_module._EARLY.get()] == early[1:]
        assert early[1].poll() is None  # still waiting for a report
    assert [process.poll() for process in early] == [0, 0]
    assert workers_module._EARLY.get() is None
    with started_early(1):  # one process: the parts are laid out in the report's own, none is started
        assert workers_module._EARLY.get() == []


def test_a_worker_process_loads_no_django():
    # It only imports reports.pdf (and WeasyPrint): no settings, no apps, no database.
    modules = subprocess.run(
        [sys.executable, "-c", "import sys, reports.pdf.workers, reports.pdf.parts, reports.pdf.join,"
         " reports.pdf.writing; print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'config')))"],
        cwd=ROOT, env={key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        capture_output=True, text=True, check=True,
    ).stdout
    assert modules == "[]\n"


def test_the_processes_fetch_only_what_they_were_handed():
    fetcher = resources_fetcher({"static:letra.ttf": (b"fuente", {"Content-Type": "font/ttf"})})
    assert fetcher.fetch("static:letra.ttf").read() == b"fuente"
    with pytest.raises(ValueError, match="El informe no obtiene este recurso: https://ejemplo.org/letra.ttf"):
        fetcher.fetch("https://ejemplo.org/letra.ttf")


def test_the_parts_read_as_the_document_in_one_part(rendered):
    one, many = rendered["one"], rendered["many"]
    assert content_text(many) == content_text(one)
    assert len(content_text(one)) > 1500


def _outline(reader):
    items = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                items.append((depth, entry.title, reader.get_destination_page_number(entry)))

    walk(reader.outline, 0)
    return items


def _lines(page) -> list[str]:
    return [line.strip() for line in page.extract_text().splitlines() if line.strip()]


def test_outline_destinations_and_links_lead_to_their_headings_in_both(rendered):
    titles = {name: [(depth, title) for depth, title, _page in _outline(rendered[name])] for name in ("one", "many")}
    assert titles["many"] == titles["one"]
    assert titles["one"][:3] == [
        (0, "Informe semestral al Congreso de la Ciudad de México"), (1, "Fundamento"), (1, "Contenido"),
    ]
    for name in ("one", "many"):
        reader = rendered[name]
        for _depth, title, page in _outline(reader):
            assert " ".join(title.split()) in " ".join(reader.pages[page].extract_text().split()), (name, title)
        destinations = reader.named_destinations
        assert set(destinations) == set(rendered["one"].named_destinations)
        chapter = destinations["informe-acciones"]
        assert "Acciones internacionales" in _lines(reader.pages[reader.get_destination_page_number(chapter)])[:4]
        links = [
            annotation.get_object()["/Dest"]
            for page in reader.pages for annotation in page.get("/Annots") or ()
            if "/Dest" in annotation.get_object()
        ]
        assert len(links) == 35 and set(links) <= set(destinations), name


def test_every_page_has_its_furniture_and_the_contents_its_pages(rendered):
    for name in ("one", "many"):
        reader = rendered[name]
        pages = [page.extract_text() for page in reader.pages]
        total = len(pages)
        assert "Página" not in pages[0]
        for number, text in enumerate(pages[1:], start=2):
            assert f"Página {number} de {total}" in text, (name, number)
            assert "julio–diciembre de 2017" in text
        contents = _lines(reader.pages[1])
        for heading in ("Cifras del semestre", "Acciones internacionales", "Anexos", "Tablas de datos"):
            entry = next(line for line in contents if line.startswith(heading + " ."))
            page = int(re.fullmatch(rf"{re.escape(heading)} \.+ ?(\d+)", entry)[1])
            assert heading in _lines(reader.pages[page - 1])[:4], (name, heading, page)


def test_the_joined_structure_tree_maps_every_marked_content_and_link(rendered):
    reader = rendered["many"]
    root = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = root["/ParentTree"]["/Nums"]
    parents = dict(zip(nums[::2], nums[1::2], strict=True))
    marked = marked_texts(reader)
    document = root["/K"][0].get_object()
    for number, page in enumerate(reader.pages):
        elements = parents[page["/StructParents"]]
        assert len(elements) == len({mcid for page_number, mcid in marked if page_number == number})
        for element in elements:
            element = element.get_object()
            while "/Pg" not in element:
                element = element["/P"].get_object()
            assert element.raw_get("/Pg").idnum == page.indirect_reference.idnum
        for annotation in page.get("/Annots") or ():
            link = parents[annotation.get_object()["/StructParent"]].get_object()
            assert link["/S"] == "/Link"
            assert any(kid.get_object().get("/Obj") == annotation for kid in link["/K"] if not isinstance(kid, int))
    assert root["/ParentTreeNextKey"] == max(parents) + 1
    for top in document["/K"]:
        assert top.get_object()["/P"].get_object() == document
    catalog = reader.trailer["/Root"]
    assert len(catalog["/AF"]) == 3
    assert sorted(catalog["/Names"]["/EmbeddedFiles"]["/Names"][::2]) == [
        "informe-2017-2-v1.csv.zip", "informe-2017-2-v1.json", "informe-2017-2-v1.xlsx",
    ]
    assert b'pdfaid:part="3" pdfaid:conformance="B"' in catalog["/Metadata"].get_object().get_data()


#: The operators that paint something other than text.
PAINTING = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"sh", b"Do", b"BI"}


def test_the_furniture_is_an_artifact_drawing_only_its_text_over_the_page(rendered):
    reader = rendered["many"]
    for number, page in enumerate(reader.pages):
        contents = [stream.get_object().get_data() for stream in page["/Contents"]]
        assert contents[0] == b"q"
        assert contents[-1] == b"Q\n/Artifact BMC\nq\n/CdmxFurniture Do\nQ\nEMC"
        form = page["/Resources"]["/XObject"]["/CdmxFurniture"].get_object()
        operators = {operator for _operands, operator in pypdf.generic.ContentStream(form, reader).operations}
        # No canvas, no border: what is under it stays visible.
        assert not operators & PAINTING, (number, operators & PAINTING)
        assert (b"TJ" in operators) == (number > 0)  # the cover has no furniture
