"""What the PDF's writing changes in WeasyPrint and pydyf for the report
(``reports.pdf.writing``): each change leaves the PDF as it was and
puts the third-party class back as it found it."""

import io
import threading

import pytest

from reports.pdf.writing import (
    cyclic_collector_paused,
    page_references_kept,
    pseudo_element_styles_shared,
)


def test_the_layout_pauses_the_cyclic_collector_and_restores_it_even_on_failure():
    import gc

    assert gc.isenabled()
    with pytest.raises(RuntimeError), cyclic_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("la maquetación falló")
    assert gc.isenabled()
    gc.disable()
    try:
        with cyclic_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_page_references_are_kept_per_page_count_while_writing_and_pydyf_is_restored_after():
    import pydyf

    original = pydyf.PDF.__dict__["page_references"]
    with page_references_kept():
        pdf = pydyf.PDF()
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        first = pdf.page_references
        assert first == (b"3 0 R",) == original.fget(pdf)  # objects 0 to 2: pydyf's own
        assert pdf.page_references is first  # kept, not rebuilt
        pdf.add_object(pydyf.Dictionary())
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == (b"3 0 R", b"5 0 R") == original.fget(pdf)  # a new page: rebuilt
    assert pydyf.PDF.__dict__["page_references"] is original
    assert pdf.page_references == (b"3 0 R", b"5 0 R")


#: List items (each with its ::marker), then links on the first page whose
#: ::after writes the page number of each one's target.
PSEUDO_ELEMENTS_HTML = """<!doctype html><html lang="es"><head><title>Prueba</title><style>
@page { size: 100mm 200mm; }
body { font-size: 6pt; }
li { list-style-position: inside; }
section { break-before: page; }
a::after { content: " (p. " target-counter(attr(href), page) ")"; }
</style></head><body>
<ol>{items}</ol>
<p><a href="#tres">Al tercero</a> y <a href="#dos">al segundo</a></p>
<section id="dos"><p>Dos</p></section>
<section id="tres"><p>Tres</p></section>
</body></html>"""


def _pseudo_styles(html) -> tuple[int, int]:
    """How many pseudo-elements got a style, and how many distinct styles."""
    from weasyprint.css import get_all_computed_styles

    styles = get_all_computed_styles(html).get_computed_styles()
    pseudo = [style for (element, pseudo_type), style in styles.items() if pseudo_type and element != "@page"]
    return len(pseudo), len({id(style) for style in pseudo})


def test_pseudo_elements_share_their_styles_and_the_pdf_stays_the_same_byte_for_byte():
    import pypdf
    from weasyprint import HTML
    from weasyprint.css import StyleFor

    original = StyleFor.__dict__["set_computed_styles"]
    html, longer = (
        HTML(string=PSEUDO_ELEMENTS_HTML.replace("{items}", "".join(f"<li>Punto {n}</li>" for n in range(1, count))))
        for count in (21, 41)
    )
    before = html.write_pdf(pdf_tags=True)
    # WeasyPrint alone: one style per pseudo-element, six per list item.
    assert _pseudo_styles(html) == (200, 200) and _pseudo_styles(longer) == (320, 320)

    with pseudo_element_styles_shared():
        # Shared: twenty list items more make no more styles.
        assert _pseudo_styles(html) == (200, 73) and _pseudo_styles(longer) == (320, 73)
        after = html.write_pdf(pdf_tags=True)
    assert after == before
    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(after)).pages]
    items = " ".join(f"{n}. Punto {n}" for n in range(1, 21))
    assert pages[0].split() == f"{items} Al tercero (p. 3) y al segundo (p. 2)".split()
    assert [page.split() for page in pages[1:]] == [["Dos"], ["Tres"]]
    assert StyleFor.__dict__["set_computed_styles"] is original
    assert not any(name.startswith("_cdmx_") for name in vars(StyleFor))


def test_a_patch_nested_or_in_two_threads_is_put_back_when_the_last_one_ends():
    from weasyprint.css import StyleFor

    original = StyleFor.__dict__["set_computed_styles"]
    inside, leave = threading.Event(), threading.Event()

    def other_report():
        with pseudo_element_styles_shared():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other_report)
    with pseudo_element_styles_shared():
        patched = StyleFor.__dict__["set_computed_styles"]
        assert patched is not original
        thread.start()
        assert inside.wait(5)
        with pseudo_element_styles_shared():
            assert StyleFor.__dict__["set_computed_styles"] is patched
    assert StyleFor.__dict__["set_computed_styles"] is patched  # the other thread's report goes on
    leave.set()
    thread.join(5)
    assert StyleFor.__dict__["set_computed_styles"] is original
    with pytest.raises(RuntimeError), pseudo_element_styles_shared():
        raise RuntimeError("la maquetación falló")
    assert StyleFor.__dict__["set_computed_styles"] is original
