"""The report as a document: the standalone HTML file and the PDF of record.

The book's 2017-2 report, with two evaluations added (one of a book agreement,
one of an agreement signed and in force in the semester), is built and
rendered once for the module: a PDF render takes seconds.
"""

import datetime
import io
import re
from pathlib import Path

import pypdf
import pytest
from django.template.loader import get_template
from django.utils import timezone

from agreements.models import Agreement, Validity
from cdmx_global.models import Counterpart
from cdmx_global.partial_dates import DatePrecision
from reports.data import build_report_data
from reports.exporters.document import (
    HtmlExporter,
    PdfExporter,
    render_document,
    static_file_fetcher,
)
from evaluations.periods import Semester
from tests.support.factories import AgreementEvaluationFactory, AgreementFactory, partial_date

pytestmark = pytest.mark.django_db

GENERATED_AT = timezone.make_aware(datetime.datetime(2018, 1, 10, 12, 0))
LEGAL_BASIS = (
    "Los acuerdos y acciones internacionales del Gobierno de la Ciudad se informarán semestralmente al Congreso "
    "de la Ciudad y a las y los ciudadanos. En esos informes será preceptivo evaluar, cuantitativa y "
    "cualitativamente, por el gobierno y el Congreso las ventajas y beneficios de los acuerdos de carácter "
    "internacional de la Ciudad."
)
BODY_TEMPLATE = Path(get_template("reports/document/_body.html").origin.name)


@pytest.fixture(scope="module")
def report(book, django_db_blocker):
    """The report data, its standalone HTML and its PDF (bytes and text per page)."""
    with django_db_blocker.unblock():
        counterpart = Counterpart.objects.published().filter(country="AR").first()
        signed = AgreementFactory(
            published=True, title="Convenio de movilidad con Buenos Aires (2017)", code="convenio-2017-buenos-aires",
            validity="in_force", counterparts=[counterpart],
            **partial_date("signed_on", 2017, 8, 14), **partial_date("in_force_on", 2017, 9, 1),
        )
        AgreementEvaluationFactory(
            agreement=signed, amount=250000, currency="MXN", recommendation="strengthen",
            advantages="Asesoría técnica en ciclovías.",
        )
        # A draft signed and in force in the semester: it counts in no figure.
        AgreementFactory(
            draft=True, title="Convenio Quimera en borrador", code="convenio-2017-borrador",
            validity="in_force", counterparts=[counterpart], **partial_date("signed_on", 2017, 9, 1),
        )
        book_agreement = signed.__class__.objects.get(code="hermanamiento-1977-nagoya")
        AgreementEvaluationFactory(
            agreement=book_agreement, people_reached=300, recommendation="reorient",
            results="Dos intercambios escolares.",
        )
        data = build_report_data(Semester(2017, 2), generated_at=GENERATED_AT)
        html = HtmlExporter().render(data).decode("utf-8")
        pdf = PdfExporter().render(data)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    return {"data": data, "html": html, "pdf": pdf, "reader": reader, "pages": pages, "text": "\n".join(pages)}


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def _change(value: int) -> str:
    return f"+{value}" if value > 0 else f"\u2212{-value}" if value < 0 else "0"


def book_agreements_signed_by_the_end_of(semester: Semester) -> int:
    """The book's agreements (published, no validity recorded) signed for certain
    by the end of ``semester``, counted apart from the report's rules: one
    signed in «2017» only from July 2017. The book's totals change with its
    audit, so they are counted, not written out."""
    year_only_too_late = semester.year + (semester.half == 2)
    return (
        Agreement.objects.published()
        .filter(validity=Validity.UNKNOWN, signed_on__lte=semester.end)
        .exclude(signed_on_precision=DatePrecision.YEAR, signed_on__year__gte=year_only_too_late)
        .count()
    )


def book_agreement_counts() -> tuple[int, int]:
    """The book's agreements signed by the end of the report's semester and of the previous one."""
    semester = Semester(2017, 2)
    return book_agreements_signed_by_the_end_of(semester), book_agreements_signed_by_the_end_of(semester.previous())


# The PDF -------------------------------------------------------------------------


def test_cover_has_the_period_the_version_and_the_legal_basis(report):
    cover = " ".join(report["pages"][0].split())
    assert "Informe semestral al Congreso de la Ciudad de México" in cover
    assert "Acuerdos y acciones internacionales del Gobierno de la Ciudad de México" in cover
    assert "julio–diciembre de 2017" in cover
    assert "Informe del segundo semestre de 2017" in cover
    assert "Versión 1" in cover
    assert "Generado el 10 de enero de 2018" in cover
    assert "Constitución Política de la Ciudad de México, artículo 20, numeral 8" in cover
    assert f"«{LEGAL_BASIS}»" in cover
    assert "Coordinación General de Asuntos Internacionales" in cover
    assert "Página" not in cover  # the cover has no page furniture


def test_summary_figures_with_previous_semester_and_signed_change(report):
    lines = _lines(report["text"])
    book, book_before = book_agreement_counts()
    assert book > book_before > 0
    for line in (
        # The agreements registered (the book's and the one signed in the semester), then
        # the one in force beside the book's, without validity information; never the draft.
        f"Acuerdos registrados firmados hasta el cierre del semestre {book + 1} {book_before} {_change(book + 1 - book_before)}",
        "Acuerdos firmados en el semestre 1 0 +1",
        "Acuerdos vigentes en el semestre según la información registrada 1 0 +1",
        f"Acuerdos firmados sin información de vigencia {book} {book_before} {_change(book - book_before)}",
        "Acuerdos evaluados por el Gobierno 2 0 +2",
        "Acciones realizadas 3 1 +2",
        "Eventos internacionales con sede en la Ciudad 0 1 −1",
        "Cargos de dirección en redes de ciudades 1 1 0",
        "Registros del año conocidos sólo por año (no contados arriba) 15 15 0",
    ):
        assert line in lines
    labels = [row["label"] for row in report["data"]["tables"]["summary"]["rows"]]
    for label in labels:
        assert any(line.startswith(label + " ") for line in lines), label
    assert labels[:4] == [
        "Acuerdos registrados firmados hasta el cierre del semestre",
        "Acuerdos firmados en el semestre",
        "Acuerdos vigentes en el semestre según la información registrada",
        "Acuerdos firmados sin información de vigencia",
    ]


def test_summary_links_each_agreement_figure_to_its_list_in_the_document(report):
    html = report["html"]
    book, book_before = book_agreement_counts()
    summary = html[html.index('<table class="data summary">') : html.index("</table>", html.index('<table class="data summary">'))]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", summary)

    assert rows[:6] == [
        f'Acuerdos registrados firmados hasta el cierre del semestre</th><td class="number">{book + 1}</td>'
        f'<td class="number">{book_before}</td><td class="number">{_change(book + 1 - book_before)}</td>',
        '<a href="#informe-acuerdos-firmados">Acuerdos firmados en el semestre</a></th>'
        '<td class="number">1</td><td class="number">0</td><td class="number">+1</td>',
        '<a href="#informe-acuerdos-vigentes">Acuerdos vigentes en el semestre según la información registrada</a></th>'
        '<td class="number">1</td><td class="number">0</td><td class="number">+1</td>',
        '<a href="#informe-acuerdos-sin-vigencia">Acuerdos firmados sin información de vigencia</a></th>'
        f'<td class="number">{book}</td><td class="number">{book_before}</td><td class="number">{_change(book - book_before)}</td>',
        '<a href="#informe-acuerdos-por-terminar">Acuerdos cuya vigencia termina el semestre siguiente</a></th>'
        '<td class="number">0</td><td class="number">0</td><td class="number">0</td>',
        '<a href="#informe-acuerdos-concluidos">Acuerdos concluidos en el semestre</a></th>'
        '<td class="number">0</td><td class="number">0</td><td class="number">0</td>',
    ]
    # Each list is there, with as many agreements as its figure.
    for anchor, count in (
        ("informe-acuerdos-firmados", 1), ("informe-acuerdos-vigentes", 1), ("informe-acuerdos-sin-vigencia", book),
    ):
        assert re.search(rf'<h3 id="{anchor}">[^<]+<span class="count">\({count}\)</span></h3>', html), anchor
    assert "Quimera" not in html
    assert (
        "Un acuerdo cuya vigencia no consta en los registros no se cuenta como vigente ni como concluido: "
        "se cuenta aparte, sin información de vigencia."
    ) in html


def test_every_evaluated_agreement_with_its_figures_and_recommendation(report):
    text = " ".join(report["text"].split())
    assert "Convenio de movilidad con Buenos Aires (2017) (convenio-2017-buenos-aires)" in text
    assert "Monto 250,000 MXN" in text
    assert "Ventajas Asesoría técnica en ciclovías." in text
    assert "Recomendación Fortalecer" in text
    assert "Hermanamiento con Nagoya (1977) (hermanamiento-1977-nagoya)" in text
    assert "Personas beneficiadas según la evaluación 300" in text
    assert "Resultados Dos intercambios escolares." in text
    assert "Recomendación Reorientar" in text
    book, _before = book_agreement_counts()
    # Presented for evaluation: the book's and the one in force; two evaluated.
    assert f"Sin evaluación registrada para este semestre: {book + 1 - 2} acuerdos" in text


def test_empty_tables_say_so(report):
    lines = _lines(report["text"])
    # No award in 2017-2 in the book: its table stays, saying there are none.
    assert "Premios y reconocimientos" in lines
    assert "Ninguno en el semestre." in lines
    assert "Acuerdos concluidos en el semestre (0)" in lines


def test_pages_are_numbered_page_n_of_m(report):
    pages = report["pages"]
    total = len(pages)
    assert 15 <= total <= 40
    for number in (2, total // 2, total):
        assert f"Página {number} de {total}" in pages[number - 1]
    assert "julio–diciembre de 2017" in pages[1]  # the running header


def test_table_of_contents_gives_the_page_of_each_section(report):
    contents = _lines(report["pages"][1])
    assert contents[0] == "Contenido"
    for heading in (
        "Cifras del semestre", "Acuerdos internacionales", "Evaluación de los acuerdos", "Acciones internacionales",
        "Indicadores por dimensión", "Registros conocidos sólo por año", "Anexos", "Método", "Tablas de datos",
    ):
        entry = next(line for line in contents if line.startswith(heading + " ."))
        page = int(re.fullmatch(rf"{re.escape(heading)} \.+ ?(\d+)", entry)[1])
        assert heading in _lines(report["pages"][page - 1])[:4], (heading, page)


def test_fonts_are_liberation_sans_embedded(report):
    fonts = {}
    for page in report["reader"].pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor.get_object()
    assert fonts
    assert all(embedded for embedded in fonts.values()), fonts
    assert all("LiberationSans" in name.split("+")[-1].replace("-", "") for name in fonts), fonts


def test_metadata_and_language(report):
    reader = report["reader"]
    assert reader.metadata.title == "Informe semestral al Congreso de la Ciudad de México: julio–diciembre de 2017 (versión 1)"
    assert reader.metadata.author == "Coordinación General de Asuntos Internacionales"
    assert reader.trailer["/Root"]["/Lang"] == "es-MX"


def test_chart_and_map_labels_are_text(report):
    text = " ".join(report["text"].split())
    # The bar chart's legend and category labels are real text in the PDF.
    assert "Vigentes Sin información de vigencia" in text
    assert "Cooperación específica" in text
    assert "Argentina 1 2" in text  # the map's table: counterparts, agreements


# The fetcher ---------------------------------------------------------------------


def test_fetcher_serves_only_the_projects_static_files():
    fetcher = static_file_fetcher()
    font = fetcher.fetch("static:reports/fonts/LiberationSans-Regular.ttf")
    assert font.read(4) == b"\x00\x01\x00\x00"
    for url in (
        "https://fonts.example.org/font.ttf",
        "http://127.0.0.1:8000/static/reports/report.css",
        "file:///etc/passwd",
        "static:../../etc/passwd",
        "static:reports/no-such-file.ttf",
    ):
        with pytest.raises((ValueError, FileNotFoundError)):
            fetcher.fetch(url)


# The HTML ------------------------------------------------------------------------


def test_html_is_standalone(report):
    html = report["html"]
    assert html.startswith("<!doctype html>")
    assert '<html lang="es-MX">' in html
    assert "<style>" in html and ".report-document" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:|//|/static)""", html, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*stylesheet", html, re.IGNORECASE)
    assert "@font-face" not in html and "url(" not in html  # nothing to fetch, not even fonts
    assert "<script" not in html
    assert 'href="#informe-cifras"' in html and 'id="informe-cifras"' in html


def test_html_has_the_same_content(report):
    html = report["html"]
    assert f"«{LEGAL_BASIS}»" in html
    assert "Recomendación" in html and "Fortalecer" in html
    assert "Ninguno en el semestre." in html
    assert "<svg" in html and "<title>Mapa del mundo" in html


def test_body_template_is_fit_for_a_strict_csp():
    for path in BODY_TEMPLATE.parent.glob("_*.html"):
        source = path.read_text(encoding="utf-8")
        assert "<style" not in source and "style=" not in source, path
        assert "<script" not in source, path
        assert not re.search(r"\son[a-z]+\s*=", source), path


def test_rendered_body_has_no_inline_style_or_script(report):
    body = report["html"].split("<body>", 1)[1]
    assert "<style" not in body and "style=" not in body and "<script" not in body


def test_a_correction_says_what_it_corrects(report):
    data = {
        **report["data"],
        "meta": {
            **report["data"]["meta"], "version": 2, "correction_note": "Se corrige la fecha de firma del convenio con Madrid.",
            "corrects": {"version": 1, "delivered_on": "2018-01-15", "delivery_reference": "CGAI/0012/2018"},
        },
    }
    html = " ".join(render_document(data, for_print=False).split())
    assert (
        "Esta versión corrige la versión 1 (entregada el 15 de enero de 2018, oficio CGAI/0012/2018): "
        "Se corrige la fecha de firma del convenio con Madrid."
    ) in html

