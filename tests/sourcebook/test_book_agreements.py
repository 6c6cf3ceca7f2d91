"""The agreements the audit corrected, each checked against text read from the
book (``sourcebook.booktext``), not against the data modules alone.

- annex 2: the six framework agreements §4.3 says «la actual administración»
  signed are one per organisation; only where annex 2 has a single row for the
  organisation (CEPAL, ONU Mujeres) does that row carry the period; the rows of
  UNESCO, UNICEF, FAO and ACNUR do not, and continuation rows (which leave the
  organisation's cell blank) still quote the organisation's name;
- the dates whose words were missing from the excerpts (Pacto, Manifiesto,
  Declaración de París) and the links or places the book does not state;
- the U20 joint declaration's signatories, the Manifiesto's author (note 20),
  the agreement with the Organización Mundial del Diseño (annex 3);
- the UN frameworks: a year only where the book gives it, names as it writes them.
"""

import datetime
import re

import pytest

from sourcebook import audit
from sourcebook.booktext import book_lines, folded, in_book, normalise
from sourcebook.records import EXCERPT_GAP, catalogues
from sourcebook.records import counterparts as counterparts_data

pytestmark = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")

AGREEMENTS = audit.data_records("agreement")
COUNTERPARTS = {row["slug"]: row for row in counterparts_data.COUNTERPARTS}
FRAMEWORKS = {row["code"]: row for row in catalogues.FRAMEWORKS}


def when(row: dict) -> tuple:
    value = row["signed_on"]
    return (value.value, str(value.precision))


def pieces(row: dict) -> list[str]:
    return row["source_excerpt"].split(EXCERPT_GAP)


def line_with(words: str) -> int:
    """The (1-based) number of the only line of the book that contains ``words``."""
    found = [number for number, line in enumerate(book_lines(), start=1) if words in normalise(line)]
    assert len(found) == 1, (words, found)
    return found[0]


def annex_2_table() -> list[tuple[str, str, str]]:
    """Annex 2 as the book prints it: (organisation, dependencia, tema) per row,
    the organisation carried down to the continuation rows that leave it blank."""
    lines = book_lines()
    first = lines.index("ANEXO 2 : Convenios Marco de Cooperación con Organizaciones Internacionales")
    rows, organisation = [], ""
    for line in lines[first:]:
        if line.startswith("ANEXO 3"):
            break
        cells = line.split("\t")
        if len(cells) != 3 or cells == ["Organización", "Dependencia", "Tema"]:
            continue
        organisation = cells[0].strip() or organisation
        rows.append((organisation, normalise(cells[1]), normalise(cells[2])))
    return rows


def framework_record(dependencia: str, tema: str) -> dict:
    """The framework agreement whose excerpt ends with the row's Dependencia and Tema."""
    found = [
        row
        for row in AGREEMENTS.values()
        if row["kind"] == "framework" and normalise(pieces(row)[-1]).endswith(f"{dependencia} {tema}")
    ]
    assert len(found) == 1, (dependencia, tema, [row["code"] for row in found])
    return found[0]


# --- Annex 2 and §4.3 ---------------------------------------------------------


def test_annex_2_has_21_rows_and_each_is_one_record_of_its_organisation():
    table = annex_2_table()
    assert len(table) == 21
    slugs = {}
    for organisation, dependencia, tema in table:
        record = framework_record(dependencia, tema)
        (slug,) = record["counterparts"]
        assert slugs.setdefault(organisation, slug) == slug, (organisation, record["code"])
        # the organisation's name, as the table prints it, is in the excerpt of every row, continuation rows too
        assert folded(organisation) in folded(record["source_excerpt"]), record["code"]
    assert len(slugs) == 15


SIX = "la actual administración suscribió seis convenios marco de cooperación y/o colaboración"


def test_section_4_3_names_six_organisations_and_only_the_single_row_ones_carry_the_period():
    section_4_3 = normalise(book_lines()[line_with(SIX) - 1])
    named = {"UNESCO", "CEPAL", "ONU Mujeres", "UNICEF", "FAO", "ACNUR"}
    assert all(name in section_4_3 for name in named)
    assert in_book("durante el sexenio 2012-2018")

    rows_per_organisation: dict[str, list[dict]] = {}
    for _organisation, dependencia, tema in annex_2_table():
        record = framework_record(dependencia, tema)
        rows_per_organisation.setdefault(record["counterparts"][0], []).append(record)
    six = {"unesco": 3, "cepal": 1, "onu-mujeres": 1, "unicef": 3, "fao": 2, "acnur": 2}
    assert {slug: len(rows_per_organisation[slug]) for slug in six} == six

    with_period = sorted(row["code"] for row in AGREEMENTS.values() if row.get("signed_period_note"))
    framework_with_period = [code for code in with_period if AGREEMENTS[code]["kind"] == "framework"]
    assert framework_with_period == ["marco-cepal-jefatura-de-gobierno", "marco-onu-mujeres-jefatura-de-gobierno"]
    for slug, count in six.items():
        for record in rows_per_organisation[slug]:
            assert SIX in normalise(record["source_excerpt"])
            if count == 1:
                assert record["signed_period_note"] == "Administración 2012-2018"
                assert "una sola fila" in record["description"]
            else:
                assert record["signed_period_note"] == ""
                assert "el libro no dice cuál de ellas es ese convenio" in record["description"]
                assert {"dos": 2, "tres": 3}[record["description"].split("el anexo 2 da ")[1].split()[0]] == count


def test_annex_2_rows_outside_section_4_3_carry_no_period_nor_its_words():
    outside = [row for row in AGREEMENTS.values() if row["kind"] == "framework" and row["counterparts"][0] in {
        "onusida", "ocde", "unodc", "unfpa", "onu-habitat", "bird", "omm", "cicr", "oim"}]
    assert len(outside) == 9
    for row in outside:
        assert row["signed_period_note"] == ""
        assert SIX not in normalise(row["source_excerpt"])


def test_annex_2_titles_name_the_organisation_as_the_book_does():
    onusida = AGREEMENTS["marco-onusida-sedesa"]
    assert onusida["title"] == (
        "Convenio marco de cooperación con la Oficina Regional de las Naciones Unidas, SIDA en América Latina "
        "(Secretaría de Salud)"
    )
    assert in_book("Oficina Regional de las Naciones Unidas, SIDA en América Latina")
    unodc = AGREEMENTS["marco-unodc-cgcdmx"]
    assert "la Oficina de las Naciones Unidas, contra la Droga y el Delito" in unodc["title"]
    assert unodc["counterpart_words"] == {"unodc": "Oficina de las Naciones Unidas, contra la Droga y el Delito"}
    assert in_book(unodc["counterpart_words"]["unodc"])


# --- Dates and links of the collective agreements ---------------------------


def test_pacto_is_dated_by_the_summit_and_has_no_place_the_book_does_not_give():
    pacto = AGREEMENTS["pacto-2010-ciudad-de-mexico"]
    assert when(pacto) == (datetime.date(2010, 11, 21), "day")
    assert "signed_place" not in pacto
    summit = line_with("El 21 de noviembre de 2010, el Gobierno de la Ciudad de México convocó a la Cumbre Mundial")
    signed = line_with("Al final del evento, 152 alcaldes firmaron el Pacto de la Ciudad de México")
    assert signed - summit == 2
    assert all(in_book(piece) for piece in pieces(pacto))
    assert "21 de noviembre de 2010" in pacto["source_excerpt"]


def test_manifiesto_is_the_month_of_the_cglu_summit_and_names_cglu_as_note_20_does():
    manifiesto = AGREEMENTS["manifiesto-2010-ciudad-2030"]
    assert when(manifiesto) == (datetime.date(2010, 11, 1), "month")
    assert manifiesto["counterparts"] == ["cglu"]
    assert manifiesto["signed_place"] == "Ciudad de México"
    assert in_book("La Ciudad de México fue sede de la Cumbre Mundial de Ciudades y Gobiernos Locales Unidos, que se "
                   "celebró del 17 al 20 de noviembre de 2010")
    note_20 = "20. Ciudades y Gobiernos Locales Unidos. (2010). La Ciudad de 2030-Nuestro Manifiesto. CGLU."
    assert normalise(book_lines()[line_with("La Ciudad de 2030-Nuestro Manifiesto. CGLU. En: https://www.uclg") - 1]
                     ).startswith(note_20)
    assert note_20.removeprefix("20. ") in manifiesto["source_excerpt"]


def test_paris_declaration_is_december_2015_its_framework_link_marked_inferred_and_no_place():
    paris = AGREEMENTS["declaracion-2015-paris-gobiernos-locales"]
    assert when(paris) == (datetime.date(2015, 12, 1), "month")
    assert "realizada en París en diciembre del 2015" in paris["source_excerpt"]
    assert in_book("realizada en París en diciembre del 2015, el Jefe de Gobierno participó en la Cumbre Mundial")
    assert paris["frameworks"] == ["acuerdo-de-paris"]
    assert "Vínculo inferido con el Acuerdo de París" in paris["description"]
    assert "signed_place" not in paris


def test_political_document_is_presented_in_quito_2016_without_a_framework_the_book_does_not_give():
    document = AGREEMENTS["documento-politico-2016-un-lugar-en-la-mesa-global"]
    assert when(document) == (datetime.date(2016, 1, 1), "year")
    assert document["signed_place"] == "Quito"
    assert in_book(
        "El documento fue presentado en el marco de la Conferencia Internacional de Hábitat III (Quito, 2016)"
    )
    assert document.get("frameworks", []) == []


def test_mexico_city_declaration_takes_its_place_from_the_events_the_city_hosted_in_2016():
    declaration = AGREEMENTS["declaracion-2016-ciudad-de-mexico"]
    assert when(declaration) == (datetime.date(2016, 3, 1), "month")
    assert declaration["signed_place"] == "Ciudad de México"
    hosted = line_with("Organización de eventos internacionales en la Ciudad de México")
    event = line_with("Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del milenio”")
    assert 0 < event - hosted < 5
    assert all(in_book(piece) for piece in pieces(declaration))


def test_u20_declaration_has_the_nineteen_other_signatories_the_book_names():
    sentence = normalise(book_lines()[line_with("ya han firmado la Declaración Conjunta, además de") - 1])
    names = re.split(r", | y ", sentence.split("además de ")[1].rstrip("."))
    assert len(names) == 19
    u20 = AGREEMENTS["declaracion-u20"]
    words = u20.get("counterpart_words", {})
    named = {}
    for slug in u20["counterparts"]:
        name = words.get(slug, COUNTERPARTS[slug]["name"])
        named[folded(name)] = slug
    assert sorted(named) == sorted(folded(name) for name in names)
    assert words == {"sao-paulo": "San Pablo"}
    assert when(u20) == (None, "")


def test_new_u20_cities_keep_the_country_blank_unless_the_book_gives_it():
    added = {row["slug"]: row for row in counterparts_data.ADDED_FOR_AGREEMENTS}
    assert sorted(added) == [
        "durban", "hamburgo", "londres", "milan", "rio-de-janeiro", "roma", "sidney", "tokio", "tshwane", "yakarta",
    ]
    for slug, row in added.items():
        assert in_book(row["source_excerpt"])
        if slug == "rio-de-janeiro":
            assert row["country"] == "BR"
            assert "Río de Janeiro y el Gobierno del Estado de Minas Gerais, Brasil" in row["source_excerpt"]
        else:
            assert row["country"] == ""
            assert "no indica su país" in row["description"]


def test_carta_is_13_july_2010_in_chapter_i_and_july_2010_in_chapter_iii():
    carta = AGREEMENTS["carta-2010-derecho-a-la-ciudad"]
    assert when(carta) == (datetime.date(2010, 7, 13), "day")
    assert carta["frameworks"] == ["nueva-agenda-urbana"]
    assert in_book("y ha servido como referente para la Nueva Agenda Urbana.")
    assert in_book("la cual fue suscrita por el gobierno local en julio de 2010")
    assert "en julio de 2010" in carta["source_excerpt"]


def test_inferred_links_of_the_twinning_agreements_say_so():
    assert AGREEMENTS["refrendo-2008-nagoya"]["renews"] == "hermanamiento-1977-nagoya"
    assert "Vínculo inferido" in AGREEMENTS["refrendo-2008-nagoya"]["description"]
    assert in_book("A partir de la firma en 1977 del convenio de hermanamiento entre la Ciudad de México y la Alcaldía")
    assert "Vínculo inferido" in AGREEMENTS["amistad-1999-paris"]["description"]
    assert not any(row.get("renews") for code, row in AGREEMENTS.items() if code != "refrendo-2008-nagoya")


def test_twinning_dated_only_by_an_administration_keep_no_date_and_their_period():
    assert [(code, when(AGREEMENTS[code]), AGREEMENTS[code]["signed_period_note"]) for code in (
        "hermanamiento-quito", "hermanamiento-cerro", "hermanamiento-valonia")] == [
        ("hermanamiento-quito", (None, ""), "Administración 1997-1999"),
        ("hermanamiento-cerro", (None, ""), "Administración interina 1999-2000"),
        ("hermanamiento-valonia", (None, ""), "Administración 2000-2006"),
    ]
    assert in_book("durante la administración interina de 1999-2000")
    assert in_book("Entre 2000-2006, la actividad internacional")


def test_madrid_memorandum_names_madrid_by_the_chapters_title():
    memorandum = AGREEMENTS["memorando-2017-madrid"]
    assert pieces(memorandum)[0] == "Cooperación integral Ciudad de México–Madrid"
    assert line_with("Cooperación integral Ciudad de México–Madrid") < line_with(
        "En 2017, ambas capitales suscribieron un Memorando de Entendimiento")
    assert "cce-2017-madrid" in AGREEMENTS


def test_agreement_with_the_world_design_organization_from_annex_3_is_undated():
    design = AGREEMENTS["convenio-organizacion-mundial-del-diseno"]
    assert when(design) == (None, "")
    assert design["counterparts"] == ["organizacion-mundial-del-diseno"]
    assert design["description"].count("No lo da el libro: el tipo de instrumento") == 1
    line = line_with("a través de la firma de un convenio con la Organización Mundial del Diseño")
    headings = [number for number, text in enumerate(book_lines(), start=1) if text == "2018" and number < line]
    assert line - headings[-1] == 2
    assert in_book(design["source_excerpt"])


# --- UN frameworks ----------------------------------------------------------


def test_frameworks_carry_a_year_only_where_the_book_gives_it():
    assert {code: row["adopted_year"] for code, row in FRAMEWORKS.items()} == {
        "agenda-2030": 2015,
        "acuerdo-de-paris": None,
        "marco-de-sendai": None,
        "nueva-agenda-urbana": 2016,
    }
    assert in_book("de la Agenda 2030, adoptada en 2015 por la mayor parte de los países del mundo")
    assert in_book("la Nueva Agenda Urbana fue aprobada en 2016")


def test_framework_names_are_the_books():
    for row in FRAMEWORKS.values():
        assert in_book(row["name"]), row["name"]
    assert FRAMEWORKS["marco-de-sendai"]["name"] == "Marco de Sendai para la Reducción de Riesgos de Desastres"
    assert FRAMEWORKS["acuerdo-de-paris"]["name"] == "Acuerdo de París"
