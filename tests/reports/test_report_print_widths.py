"""The printed report's long tables get fixed column widths estimated from
their texts (reports/templatetags/report_document.py ``column_widths``), the
way a browser's automatic widths would share the page."""

from django.utils import translation

from reports.templatetags.report_document import column_widths, table_rows

COLUMNS = [["code", "Clave"], ["title", "Título"], ["year", "Año"]]


def table(*rows):
    return {"columns": COLUMNS, "rows": [dict(zip(("code", "title", "year"), row, strict=True)) for row in rows]}


def test_each_column_gets_its_longest_word_and_the_room_left_goes_by_how_much_more_it_needs():
    widths = column_widths(table(
        ("cce-2014-paris", "Convenio de cooperación con París", 2014),
        ("cce-2015-dublin", "Convenio de cooperación con Dublín", 2015),
    ), COLUMNS)
    # Least widths, in characters with 3 of padding: the codes 15 + 3, the titles 11 + 3
    # («cooperación»), the years 4 + 3. Widest useful: the upper quartile of the lengths,
    # 15 + 3, 34 + 3 and 4 + 3; all fit in a portrait line (115), so each gets that.
    assert widths == ["29.03%", "59.68%", "11.29%"]
    assert sum(float(width.rstrip("%")) for width in widths) == 100.0


def test_empty_cells_and_an_empty_table_still_give_every_column_a_width():
    # The headings alone, in bold (1.2×): «Clave» 6 + 3, «Título» 7.2 + 3, «Año» 3.6 + 3.
    assert column_widths(table(), COLUMNS) == ["34.88%", "39.53%", "25.58%"]
    assert column_widths(table((None, "", None)), COLUMNS) == ["34.88%", "39.53%", "25.58%"]


def test_too_many_columns_for_the_page_share_it_between_their_least_and_widest_widths():
    many = [[f"c{i}", "Procedencia"] for i in range(12)]
    rows = [{f"c{i}": "texto " * (i + 1) for i in range(12)}]
    widths = [float(width.rstrip("%")) for width in column_widths({"columns": many, "rows": rows}, many)]
    assert widths == sorted(widths)  # the longer the texts, the wider
    assert widths[0] > 0 and round(sum(widths), 1) == 100.0


def test_table_rows_write_each_cell_escaped_localized_and_marked_as_the_template_did():
    columns = [
        ["code", "Clave"], ["title", "Título"], ["people", "Personas"], ["amount", "Monto"], ["url", "Dirección"],
    ]
    rows = [
        {"code": "a-1", "title": "Rojo & <b>negro</b>", "people": 1200, "amount": 2.5, "url": "https://x.mx/a?b=1&c=2"},
        {"code": "a-2", "title": "", "people": None, "amount": True, "url": ""},
    ]
    assert table_rows(rows, columns) == (
        '\n    <tr><td>a-1</td><td>Rojo &amp; &lt;b&gt;negro&lt;/b&gt;</td><td class="number">1200</td>'
        '<td class="number">2.5</td><td class="url">https://x.mx/a?b=1&amp;c=2</td></tr>\n    '
        '\n    <tr><td>a-2</td><td>—</td><td>—</td><td>True</td><td class="url">—</td></tr>\n    '
    )
    with translation.override("es-mx"):
        assert table_rows([], columns) == (
            '\n    <tr><td colspan="5" class="empty">Ninguno en el semestre.</td></tr>\n    '
        )
