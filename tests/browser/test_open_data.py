"""The open-data page in a real browser: reached from the main navigation,
accessible, and a CSV that downloads with its Spanish header."""

import re
from pathlib import Path

from playwright.sync_api import expect


def test_open_data_page_and_a_csv_download(page, assert_accessible):
    # From the about page: on PostgreSQL, starting from the home page left one
    # of the live server's sessions open at the end, so the test database could
    # not be dropped.
    page.goto("/acerca/")
    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Datos abiertos").click()

    expect(page).to_have_url(re.compile(r"/datos/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Datos abiertos")
    table = page.get_by_role("table", name="Colecciones publicadas, con su número de registros y sus descargas")
    # A header row and one row per collection (the commitments' and the evaluations' among them).
    expect(table.get_by_role("row")).to_have_count(15)
    expect(table.get_by_role("row", name=re.compile(r"^Acuerdos internacionales 65 "))).to_have_count(1)
    assert "Quimera" not in page.content()
    assert_accessible(page)

    with page.expect_download() as download_info:
        table.get_by_role("link", name="CSV — Acuerdos internacionales").click()
    download = download_info.value

    assert download.suggested_filename == "cdmx-global-agreements.csv"
    content = Path(download.path()).read_bytes()
    assert content.startswith("\ufeff".encode())
    first_line = content.decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Clave,Título,Tipo de instrumento,Objeto,Contrapartes,")
    assert first_line.endswith(",Área responsable,Fuente,Texto de la fuente,Última actualización,Dirección en el portal")
    assert "Quimera" not in content.decode("utf-8-sig")
