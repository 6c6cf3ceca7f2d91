"""The awards and the counterparts against the book's own text (issue 19).

Annex 3 is read from the book and parsed here: each award is one line under a
category heading and a year heading, and the data must give that category,
that year (a year, not more) and the body the line names in parentheses. The
Premio Internacional CGLU-Ciudad de México-Cultura 21 is dated as §4.8 dates
it, «desde 2013». The Barómetro de Marcas Ciudades of §4.11 is not an award,
and the audit says why. Every counterpart of the rows this audit owns says
what the book says: its name as the book writes it, acronyms only from the
book, a country the book gives or, marked «No lo da el libro:», one it does
not, and coordinates marked as not the book's.
"""

import re
from dataclasses import dataclass

import pytest

from events.models import Award
from sourcebook import audit
from sourcebook.booktext import at_line, book_lines, book_text, folded, in_book, normalise
from sourcebook.records import EXCERPT_GAP, catalogues, year
from sourcebook.records import awards as awards_data
from sourcebook.records import counterparts as counterparts_data

pytestmark = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")

ANNEX_3 = next(section for section in audit.read_sections() if section.code == "anexo 3")
HEADINGS = awards_data.HEADINGS
BODY_BY_ACRONYM = {acronym.upper(): slug for slug, _name, _name_en, acronym, _kind in catalogues.BODIES if acronym}
#: The rows of ``records/counterparts.py`` this audit owns (not the other areas' ADDED_FOR_* blocks).
AUDITED_COUNTERPARTS = [
    *counterparts_data.CITIES,
    *counterparts_data.NATIONAL_GOVERNMENTS,
    *counterparts_data.ORGANISATIONS,
    *counterparts_data.NETWORKS,
    *counterparts_data.OTHERS,
    *counterparts_data.ADDED_FOR_AWARDS,
]
COUNTERPART = {row["slug"]: row for row in counterparts_data.COUNTERPARTS}
NOT_IN_BOOK = "No lo da el libro:"


@dataclass(frozen=True)
class AnnexLine:
    line: int
    category: str
    year: int
    text: str


def annex_3_lines() -> list[AnnexLine]:
    """Annex 3 as the book prints it: each award with the category and year headings above it.
    A line that starts in lower case continues the award before it (a page break in the text)."""
    lines = book_lines()
    category, year_, found = None, None, []
    for number in range(ANNEX_3.first_line + 1, ANNEX_3.last_line + 1):
        text = normalise(lines[number - 1]).removeprefix("- ")
        if not text:
            continue
        if text in HEADINGS.values():
            category, year_ = text, None
        elif re.fullmatch(r"\d{4}", text):
            year_ = int(text)
        elif text[0].islower():
            found[-1] = AnnexLine(found[-1].line, found[-1].category, found[-1].year, f"{found[-1].text} {text}")
        else:
            assert category and year_, f"línea {number} sin encabezado"
            found.append(AnnexLine(number, category, year_, text))
    return found


def annex_line_of(award: dict) -> AnnexLine:
    piece = normalise(award["source_excerpt"].split(EXCERPT_GAP)[-1])
    matches = [line for line in annex_3_lines() if piece in line.text]
    assert len(matches) == 1, (award["title"], matches)
    return matches[0]


def test_annex_3_has_33_awards_and_each_is_one_record():
    lines = annex_3_lines()
    assert len(lines) == 33
    assert sorted(annex_line_of(award).line for award in awards_data.RECEIVED) == [line.line for line in lines]


@pytest.mark.parametrize("award", awards_data.RECEIVED, ids=lambda award: award["title"][:50])
def test_each_received_award_has_its_headings_category_and_year(award):
    line = annex_line_of(award)
    assert award["direction"] == Award.Direction.RECEIVED
    assert HEADINGS[award["category"]] == line.category
    assert award["awarded_on"] == year(line.year)
    # The excerpt holds the headings the category and the year come from, just before the award's line.
    assert award["source_excerpt"].split(EXCERPT_GAP)[-3:-1] == [line.category, str(line.year)]


@pytest.mark.parametrize("award", awards_data.RECEIVED, ids=lambda award: award["title"][:50])
def test_each_received_award_has_the_body_its_line_names_in_parentheses(award):
    line = annex_line_of(award)
    parentheses = re.findall(r"\(([^)]+)\)", line.text)
    named = [BODY_BY_ACRONYM[acronym] for acronym in parentheses if acronym in BODY_BY_ACRONYM]
    assert len(named) <= 1
    if named:
        assert award["body"] == named[0]


@pytest.mark.parametrize("award", awards_data.RECEIVED, ids=lambda award: award["title"][:50])
def test_each_grantor_is_named_in_the_awards_own_line(award):
    line = folded(annex_line_of(award).text)
    for slug in award["granted_by"]:
        counterpart = COUNTERPART[slug]
        assert any(name and folded(name) in line for name in (counterpart["name"], counterpart.get("acronym"))), slug
    if award["granted_by_text"]:
        assert folded(award["granted_by_text"]).removeprefix("la ") in line


def test_awards_whose_line_names_no_grantor_say_so():
    no_grantor = {award["title"] for award in awards_data.RECEIVED if not award["granted_by"]}
    assert no_grantor == {
        "Premio eAwards en la categoría de Tecnología y mejor proyecto de Internet de las cosas",
        "Premio Audi Urban Future Award",
        "Premio Roy L. Shafer Leading Edge Awards",
        "Premio de Entorno Desafiante de los Milan Food Policy Awards",
        "Premio Excelencias Turísticas entregado al Fideicomiso Central de Abasto de la Ciudad de México",
    }
    for award in awards_data.RECEIVED:
        if award["title"] in no_grantor:
            assert award["granted_by_text"] == ""
            assert "el libro no nombra a quien lo otorga" in award["description"].casefold()


def test_the_culture_21_award_is_granted_since_2013_as_cap_i_4_8_says():
    award = awards_data.CULTURE_21
    assert award["direction"] == Award.Direction.GRANTED
    assert award["awarded_on"] == year(2013)
    assert award["granted_by"] == ["cglu"]
    assert award["body"] == "secretaria-de-cultura"
    assert award["source_citation"].endswith("cap. I §4.8")
    since, editions = award["source_excerpt"].split(EXCERPT_GAP)
    assert "que desde 2013 otorga la ciudad, a través de su Secretaría de Cultura y de la mano de CGLU" in since
    assert at_line(since, 928)
    assert at_line("En las tres ediciones que se han organizado se han recibido 238 postulaciones", 968)
    assert editions.startswith("En las tres ediciones que se han organizado se han recibido 238 postulaciones")
    assert "«desde 2013»" in award["description"]
    assert "tres ediciones" in award["description"] and "238 postulaciones" in award["description"]
    # The book gives it no category: the record says so.
    assert award["category"] == Award.Category.CULTURE
    assert "No lo da el libro: la categoría «Cultura»" in award["description"]


def test_the_world_design_capital_is_cited_in_both_places_the_book_gives_it():
    title = "Reconocimiento a la CDMX como Capital Mundial del Diseño 2018"
    (award,) = [award for award in awards_data.RECEIVED if award["title"] == title]
    pieces = award["source_excerpt"].split(EXCERPT_GAP)
    assert pieces[0] == "World Design Capital Mexico City 2018 (Capital Mundial de Diseño CDMX 2018)"
    assert at_line(pieces[0], 1118)
    assert award["awarded_on"] == year(2018)
    assert award["granted_by"] == ["organizacion-mundial-del-diseno"]
    assert award["source_citation"].endswith("cap. I §4.11 y anexo 3")


def test_the_city_brand_barometer_is_not_an_award_and_the_audit_says_why():
    words = "El Barómetro de Marcas Ciudades 2018 de la Agencia Saffron, ya ubica a la ciudad en el lugar 19"
    assert at_line(words, 1006)
    assert not any("saffron" in folded(award["source_excerpt"]) for award in awards_data.AWARDS)
    (row,) = [row for row in audit.read_rows() if row.line == 1006 and row.kind == "award"]
    assert row.record == "" and row.reason.startswith("no es un premio ni un reconocimiento")


def test_every_award_of_the_data_is_in_the_awards_audit():
    rows = [row for row in audit.read_rows() if row.file == "awards.csv" and row.record]
    assert {row.record for row in rows} == {award["title"] for award in awards_data.AWARDS}
    assert len({award["title"] for award in awards_data.AWARDS}) == 34


# --- Counterparts ------------------------------------------------------------

#: How the book writes the countries the audited counterparts are given.
BOOK_COUNTRY_WORDS = {
    "AR": ["Argentina"], "AU": ["Australia"], "BE": ["Bélgica"], "BR": ["Brasil", "Brasileña"], "CA": ["Canadá"],
    "CN": ["China", "Chino"], "CO": ["Colombia"], "CR": ["Costa Rica"], "CU": ["Cuba"], "DE": ["Alemania"],
    "DK": ["Dinamarca"], "EC": ["Ecuador"], "ES": ["España"], "FI": ["Finlandia"], "FR": ["Francia", "Francesa"],
    "HN": ["Honduras"], "IE": ["Irlanda"], "IT": ["Italiana"], "JP": ["Japón"], "MX": ["México"],
    "PA": ["Panamá"], "PE": ["Perú"], "PL": ["Polonia"], "PT": ["Portuguesa"], "PY": ["Paraguay"],
    "RU": ["Rusia"], "SG": ["Singapur"], "SK": ["Eslovaca"], "SV": ["El Salvador"], "US": ["Estados Unidos"],
    "UY": ["Uruguay"],
}


@pytest.mark.parametrize("row", AUDITED_COUNTERPARTS, ids=lambda row: row["slug"])
def test_each_counterpart_has_the_books_name_or_says_it_has_not(row):
    text, name, acronym = folded(book_text()), folded(row["name"]), folded(row.get("acronym", ""))
    without_acronym = folded(row["source_excerpt"]).replace(f"({acronym}) ", "") if acronym else ""
    assert name in text or name in without_acronym or "No lo da el libro: el nombre" in row["description"]


@pytest.mark.parametrize("row", AUDITED_COUNTERPARTS, ids=lambda row: row["slug"])
def test_each_acronym_is_the_books(row):
    acronym = row.get("acronym", "")
    if acronym:
        assert re.search(rf"(?<!\w){re.escape(acronym)}(?!\w)", book_text()), acronym


@pytest.mark.parametrize("row", AUDITED_COUNTERPARTS, ids=lambda row: row["slug"])
def test_each_country_is_the_books_or_marked(row):
    if not row["country"]:
        return
    words = BOOK_COUNTRY_WORDS.get(str(row["country"]), [])
    given = any(folded(word) in folded(row["source_excerpt"]) for word in words)
    marked = re.search(rf"{NOT_IN_BOOK}[^.]*\bpaís\b", row["description"]) is not None
    assert given or marked, row["slug"]
    assert not (given and marked), row["slug"]


@pytest.mark.parametrize("row", AUDITED_COUNTERPARTS, ids=lambda row: row["slug"])
def test_each_counterparts_coordinates_are_marked_as_not_the_books(row):
    if row.get("latitude") is not None:
        assert "No lo da el libro: las coordenadas" in row["description"], row["slug"]


def test_corrected_counterparts():
    # Names as the book writes them.
    assert COUNTERPART["unodc"]["name"] == "Oficina de las Naciones Unidas, contra la Droga y el Delito"
    assert COUNTERPART["unfpa"]["name"] == "Fondo de Población de las Naciones Unidas en México"
    assert COUNTERPART["reino-de-espana"]["name"] == "España"
    for slug in ("unodc", "unfpa", "reino-de-espana"):
        assert in_book(COUNTERPART[slug]["name"]), slug
    assert in_book("Sus Majestades los Reyes de España")
    # Acronyms the book never gives are gone.
    for slug, dropped in [("onusida", "ONUSIDA"), ("unodc", "UNODC"), ("union-europea", "UE"), ("oidp", "OIDP"),
                          ("uim", "UIM")]:
        assert COUNTERPART[slug]["acronym"] == ""
        assert not re.search(rf"(?<!\w){dropped}(?!\w)", book_text()), dropped
    # A country the book does not give, kept for the country pages and marked.
    for slug in ("seul", "beijing", "estambul", "kuwait"):
        assert COUNTERPART[slug]["description"].startswith(NOT_IN_BOOK) or f". {NOT_IN_BOOK} el país" in (
            COUNTERPART[slug]["description"]
        ), slug
    # A country the book gives in another place, cited there.
    assert in_book("Nagoya, Japón (2018)") and "Nagoya, Japón (2018)" in COUNTERPART["nagoya"]["source_excerpt"]
    assert in_book("Premio Internacional de Guangzhou en China")
    # A name or a kind the book does not give, marked.
    assert "No lo da el libro: el nombre «Provincia de Quebec»" in COUNTERPART["provincia-de-quebec"]["description"]
    assert "No lo da el libro: el nombre «Santa Sede»" in COUNTERPART["santa-sede"]["description"]
    for slug in ("virginia", "rhode-island", "valonia"):
        assert "No lo da el libro: que sea" in COUNTERPART[slug]["description"], slug
    # United Nations membership the book does not state, marked.
    for slug in ("bird", "omm", "oim", "ifc"):
        assert COUNTERPART[slug]["is_un_system"] and counterparts_data.UN_SYSTEM_NOT_IN_BOOK in (
            COUNTERPART[slug]["description"]
        ), slug
    assert "Grupo Banco Mundial" not in COUNTERPART["bird"]["description"] + COUNTERPART["ifc"]["description"]
