"""The events the audit corrected or added, checked against the book's text.

Each test reads the book (``sourcebook.booktext``) and the events' data: the
book's words are found where the audit says, and the record holds exactly what
they give: a day range, a month under its heading, a year column of a table,
no date where the book gives none, no count where it says «más de».
"""

import datetime
import re

import pytest

from cdmx_global.partial_dates import DatePrecision
from sourcebook.booktext import book_lines, folded, in_book, normalise
from sourcebook.records import EXCERPT_GAP
from sourcebook.records import events as events_data

pytestmark = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")

EVENTS = {row["name"]: row for row in events_data.EVENTS}
D = datetime.date


def when(row: dict, field: str = "start_on") -> tuple:
    value = row.get(field)
    return (None, "") if value is None else (value.value, str(value.precision))


def line(number: int) -> str:
    """Line ``number`` of the book (the first is 1), normalised."""
    return normalise(book_lines()[number - 1])


def lines(first: int, last: int) -> list[str]:
    return [line(number) for number in range(first, last + 1)]


def find_line(words: str, first: int, last: int) -> int:
    """The line in ``first``..``last`` that holds ``words``; exactly one must."""
    found = [number for number in range(first, last + 1) if normalise(words) in line(number)]
    assert len(found) == 1, (words, found)
    return found[0]


def in_excerpt(row: dict, words: str) -> bool:
    return normalise(words) in normalise(row["source_excerpt"])


# --- Dates at the book's precision ------------------------------------------


def test_fica_tenth_edition_is_the_day_range_of_chapter_i_3_4():
    number = find_line("entre el 27 y el 29 de abril de 2018, en el marco de la X Edición de la Feria", 458, 479)
    assert number == 476
    fica = EVENTS[events_data.FICA_2018]
    assert when(fica) == (D(2018, 4, 27), DatePrecision.DAY)
    assert when(fica, "end_on") == (D(2018, 4, 29), DatePrecision.DAY)
    assert in_excerpt(fica, "entre el 27 y el 29 de abril de 2018")


def test_hosted_events_table_gives_each_event_the_year_of_its_column():
    header = find_line("Organización de eventos internacionales en la Ciudad de México", 970, 978)
    # Line ``header + 2`` holds the year columns and ``header + 3`` their cells (``book_lines`` counts from 0).
    years = book_lines()[header + 1].split("\t")
    cells = book_lines()[header + 2].split("\t")
    assert years == ["2014", "2015", "2016"] and len(cells) == 3
    table = {int(year): normalise(cell) for year, cell in zip(years, cells, strict=True)}
    dated_by_table = {
        "IX Foro Iberoamericano de Gobiernos Locales": 2014,
        (
            "Reunión de alcaldes y vicealcaldes en el marco de la 2ª Conferencia Internacional de Ciudades del "
            "Aprendizaje"
        ): 2015,
        "Sexta mesa redonda de alcaldes y ministros de la OCDE": 2016,
        events_data.FINANCING_URBAN_DEVELOPMENT: 2016,
        "Sexta Cumbre Bienal de Alcaldes de C40": 2016,
    }
    for name, column in dated_by_table.items():
        assert normalise(name) in table[column], name
        row = EVENTS[name]
        assert row["start_on"].value.year == column
        # The column's year is in the excerpt, beside the table's heading.
        pieces = row["source_excerpt"].split(EXCERPT_GAP)
        assert "Organización de eventos internacionales en la Ciudad de México" in pieces, name
        assert str(column) in folded(row["source_excerpt"]), name
    # The only one the book dates to the month elsewhere (cap. I §4.7): March 2016.
    assert when(EVENTS[events_data.FINANCING_URBAN_DEVELOPMENT]) == (D(2016, 3, 1), DatePrecision.MONTH)
    assert in_book("En marzo de 2016, se organizó la Conferencia temática “Financiar el desarrollo urbano")


def test_events_abroad_take_the_year_heading_they_stand_under():
    first = find_line("Participación en eventos internacionales en el extranjero", 732, 802)
    heading, under = None, {}
    for text in lines(first + 1, 800):
        if re.fullmatch(r"\d{4}", text):
            heading = int(text)
        elif text.startswith("- "):
            under[text[2:]] = heading
    assert under == {
        "Cumbre del C40, Johannesburgo, Sudáfrica": 2014,
        "Cumbre de Ciudades Líderes de Movilidad Sustentable, Lima, Perú": 2014,
        "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21), París, Francia (2015)": 2015,
        "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III, Quito, Ecuador": 2016,
    }
    for item, heading in under.items():
        [row] = [row for row in events_data.EVENTS if in_excerpt(row, item)]
        assert row["start_on"].value.year == heading
        assert str(heading) in row["source_excerpt"].split(EXCERPT_GAP)
    # Two of them the book dates to the month in cap. I §4.7; the others stay years.
    assert when(EVENTS["Cumbre del C40"]) == (D(2014, 1, 1), DatePrecision.YEAR)
    assert when(EVENTS[events_data.COP21]) == (D(2015, 12, 1), DatePrecision.MONTH)
    assert when(EVENTS[events_data.HABITAT_III]) == (D(2016, 1, 1), DatePrecision.YEAR)


@pytest.mark.parametrize(
    ("name", "words", "expected"),
    [
        (events_data.LATIN_AMERICAN_MAYORS_DIALOGUE, "en el marco del Diálogo de Alcaldes de América", (2014, 11)),
        (events_data.WORLD_DESIGN_FORUM, "en el marco del Foro Internacional de Diseño de World Design", (2018, 3)),
    ],
)
def test_events_of_the_distinguished_guests_take_the_year_and_month_headings(name, words, expected):
    months = [
        "ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO", "SEPTIEMBRE", "OCTUBRE",
        "NOVIEMBRE", "DICIEMBRE",
    ]
    number = find_line(words, 1010, 1120)
    year_heading = month_heading = None
    for text in lines(1014, number):
        if re.fullmatch(r"20\d\d", text):
            year_heading, month_heading = int(text), None
        elif text in months:
            month_heading = months.index(text) + 1
    assert (year_heading, month_heading) == expected
    row = EVENTS[name]
    assert when(row) == (D(*expected, 1), DatePrecision.MONTH)
    pieces = row["source_excerpt"].split(EXCERPT_GAP)
    assert str(year_heading) in pieces and months[month_heading - 1] in pieces


def test_local_climate_action_summit_is_december_2015_within_cop21():
    assert in_book(
        "En el marco de la Conferencia de las Naciones Unidas sobre Cambio Climático (COP21), realizada en París "
        "en diciembre del 2015, el Jefe de Gobierno participó en la Cumbre Mundial sobre Acción Climática Local"
    )
    summit = EVENTS[events_data.LOCAL_CLIMATE_ACTION_SUMMIT]
    assert when(summit) == (D(2015, 12, 1), DatePrecision.MONTH)
    assert summit["parent"] == events_data.COP21
    assert in_excerpt(summit, "diciembre del 2015")


def test_talanoa_dialogue_stays_undated_because_the_book_gives_a_day_without_a_year():
    number = find_line("participaron el 6 de mayo como representantes de las ciudades de la red C40", 886, 921)
    assert not re.search(r"\b(19|20)\d\d\b", line(number).split("Diálogo de Talanoa")[0])
    talanoa = EVENTS["Diálogo de Talanoa"]
    assert when(talanoa) == (None, "")
    assert "«el 6 de mayo» sin dar el año" in talanoa["description"]
    assert sorted(talanoa["organisers"]) == ["c40", "paris"]


def test_mx_la_is_the_month_of_september_2017_without_an_end():
    assert in_book("El Consulado General de México en Los Ángeles designó a septiembre 2017 como")
    mx_la = EVENTS["2017 MX LA: mes de la Ciudad de México en Los Ángeles"]
    assert when(mx_la) == (D(2017, 9, 1), DatePrecision.MONTH)
    assert "end_on" not in mx_la
    assert mx_la["organisers"] == ["consulado-general-mexico-los-angeles"]


# --- Events the audit added -------------------------------------------------


def test_note_18_workshop_in_montevideo_is_dated_24_and_25_july_2017():
    number = find_line("Discurso de Daniel Martínez, intendente de Montevideo, para el taller", 2219, 2290)
    assert number == 2238
    assert line(number).startswith("18. ")
    assert "Montevideo, Uruguay, 24 y 25 de julio de 2017." in line(number)
    assert "¹⁸" in line(340)
    workshop = EVENTS[events_data.GLOBAL_TABLE_WORKSHOP]
    assert (when(workshop), when(workshop, "end_on")) == (
        (D(2017, 7, 24), DatePrecision.DAY),
        (D(2017, 7, 25), DatePrecision.DAY),
    )
    assert (workshop["city"], workshop["country"], workshop["mode"]) == ("Montevideo", "UY", "attended")
    assert workshop["description"].startswith("No lo da el libro: el papel de la Ciudad")


def test_habitat_iii_process_meetings_are_loaded_undated_and_without_a_frame():
    number = find_line("Destaca la presencia del Secretario de Desarrollo Urbano y Vivienda", 886, 921)
    assert "organizada por la ciudad de Montreal" in line(number)
    assert "realizada en Toluca, México" in line(number)
    assert "reuniones de consulta convocadas en la sede de la ONU en Nueva York" in line(number)
    expected = {
        "Conferencia temática sobre áreas metropolitanas": ("Montreal", "CA", ["montreal"]),
        "Conferencia regional para América Latina": ("Toluca", "MX", []),
        "Reuniones de consulta convocadas en la sede de la ONU en Nueva York": ("Nueva York", "US", []),
    }
    for name, (city, country, organisers) in expected.items():
        row = EVENTS[name]
        assert normalise(name).casefold() in line(number).casefold()
        assert when(row) == (None, "")
        assert "parent" not in row
        assert (row["city"], row["country"], row.get("organisers", [])) == (city, country, organisers)
        assert "El libro no da la fecha" in row["description"] or "ni sus fechas" in row["description"]


def test_world_assembly_is_within_habitat_iii_and_marked_inferred():
    assert in_book(
        "alcanzó su punto más alto durante la celebración de la Asamblea Mundial de Líderes Locales y Regionales "
        "en el marco de Hábitat III."
    )
    assembly = EVENTS[events_data.WORLD_ASSEMBLY_HABITAT_III]
    assert assembly["parent"] == events_data.HABITAT_III
    assert when(assembly) == when(EVENTS[events_data.HABITAT_III]) == (D(2016, 1, 1), DatePrecision.YEAR)
    assert assembly["description"].startswith("Vínculo inferido:")


def test_the_high_level_political_forum_is_not_an_event_of_the_city():
    number = find_line("durante el II Foro Político de Alto Nivel de Naciones Unidas, en julio de 2018", 480, 495)
    assert "ha colaborado con CGLU de manera activa en la construcción" in line(number)
    assert not [name for name in EVENTS if "Foro Político" in name]


# --- Counterparts and counts as the book names them -------------------------


def test_fmdv_organised_the_financing_conference_the_book_names_three_ways():
    title = "“Financiar el desarrollo urbano: el reto del milenio”"
    fmdv = find_line("la Oficina Regional del FMDV ha impulsado la incidencia de la Ciudad de México", 819, 885)
    march = find_line("En marzo de 2016, se organizó la Conferencia temática", 886, 921)
    # The same title in §4.6 (FMDV) and §4.7 (March 2016), both on the way to Hábitat III.
    assert f"Conferencia Preparatoria rumbo a Hábitat III {title}" in line(fmdv)
    assert f"Conferencia temática {title}" in line(march)
    conference = EVENTS[events_data.FINANCING_URBAN_DEVELOPMENT]
    assert conference["organisers"] == ["fmdv"]
    assert in_excerpt(conference, "la Oficina Regional del FMDV")
    assert in_excerpt(conference, f"Conferencia Preparatoria rumbo a Hábitat III {title}")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        (events_data.CGLU_SUMMIT_2010, "contó con la participación de más de 2 900 autoridades locales"),
        (events_data.FINANCING_URBAN_DEVELOPMENT, "que reunió a más de 700 expertos en materia de financiamiento"),
    ],
)
def test_a_count_the_book_gives_as_mas_de_is_kept_in_words_and_not_as_a_number(name, words):
    assert in_book(words)
    row = EVENTS[name]
    assert row.get("participants_count") is None
    assert in_excerpt(row, words)
    assert row["participants"].startswith("Más de ")
    assert "no da el número exacto" in row["description"]


def test_hosted_events_whose_venue_the_book_does_not_give_say_so():
    for name in (
        events_data.C_CLIMA,
        "Seminario “La Ciudad de México en el mundo: las relaciones internacionales en la nueva Constitución”",
        "Diálogo parlamentario sobre el papel de los gobiernos subnacionales como actores internacionales",
        "Encuentro Internacional sobre la Constitución de la Ciudad de México",
        events_data.LATIN_AMERICAN_MAYORS_DIALOGUE,
    ):
        row = EVENTS[name]
        assert row["city"] == "Ciudad de México"
        assert row["description"].startswith("No lo da el libro: la sede") or row["description"].startswith(
            "No lo da el libro: la ciudad"
        ), name
    assert in_book("realizado el 11 y 12 de enero de 2017. Reunió a más de 20 expertos internacionales")
    assert not in_book("realizado el 11 y 12 de enero de 2017 en")
