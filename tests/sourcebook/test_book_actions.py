"""The audit's corrections of the book's actions, each against the book's text.

Every test asserts the exact value the data now hold and finds, in the book
itself (``sourcebook.booktext``), the words that value comes from: a date at
the book's precision, a counterpart the book names, a link to an agreement the
book states (or the absence of one it does not).
"""

import datetime

import pytest

from sourcebook.audit import data_records, when_text
from sourcebook.booktext import at_line, book_lines, folded, in_book
from sourcebook.records import EXCERPT_GAP
from sourcebook.records.agreements import NAGOYA_1977

pytestmark = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")

ACTIONS = data_records("action")


def action(title_start: str) -> dict:
    (row,) = [row for title, row in ACTIONS.items() if title.startswith(title_start)]
    return row


def dates(row: dict) -> tuple[str, str]:
    return when_text(row.get("start_on")), when_text(row.get("end_on"))


def excerpt_has(row: dict, words: str) -> bool:
    """The words are in the book and in one piece of the record's excerpt."""
    return in_book(words) and any(folded(words) in folded(piece) for piece in row["source_excerpt"].split(EXCERPT_GAP))


def test_the_fica_survey_is_a_consultation_dated_to_the_day():
    survey = action("Ejercicio exploratorio con los asistentes a la FICA")
    assert survey["kind"] == "consultation"
    assert dates(survey) == ("2018-04-27", "2018-04-29")
    assert survey["start_on"].value == datetime.date(2018, 4, 27)
    assert at_line("entre el 27 y el 29 de abril de 2018, en el marco de la X Edición de la Feria", 476)
    assert excerpt_has(survey, "entre el 27 y el 29 de abril de 2018")
    assert at_line("5 entrevistas a profundidad y 110 encuestas con cuestionario estructurado", 2080)
    assert survey.get("people_reached") is None  # the book gives 5 + 110, not a total


def test_the_april_2018_workshop_takes_its_day_from_note_45():
    workshop = action("Taller “Retos y oportunidades")
    assert (workshop["kind"], dates(workshop)) == ("consultation", ("2018-04-13", ""))
    assert at_line("Durante 2018, la CGAI realizó un ejercicio de reflexión crítica", 1552)
    assert at_line("se realizó el 13 de abril de 2018", 2266)
    assert excerpt_has(workshop, "se realizó el 13 de abril de 2018")
    assert "más de 37 funcionarios" in workshop["description"]


def test_the_second_global_report_built_with_cglu_is_dated_by_its_presentation():
    report = action("Segundo informe global sobre la localización de los ODS")
    assert (report["kind"], dates(report), report["counterparts"]) == ("alignment", ("2018-07", ""), ["cglu"])
    assert at_line("la Ciudad de México ha colaborado con CGLU de manera activa en la construcción", 492)
    assert excerpt_has(report, "II Foro Político de Alto Nivel de Naciones Unidas, en julio de 2018")


def test_the_habitat_iii_national_committee_is_recorded_undated():
    committee = action("Comité Nacional Preparatorio para Hábitat III")
    assert dates(committee) == ("", "")
    assert excerpt_has(committee, "elaborar el Reporte Nacional presentado a las Naciones Unidas")
    assert "no fecha el Comité ni el Reporte" in committee["description"]


def test_a_place_at_the_global_table_starts_in_2016_with_the_three_cities_that_push_it():
    project = action("Un lugar en la mesa global")
    assert dates(project) == ("2016", "")
    assert project["start_on"].precision == "year"
    assert sorted(project["counterparts"]) == ["montevideo", "montreal", "quito", "union-europea"]
    words = (
        "Desde 2016, “Un lugar en la mesa global” ha sido impulsado por la Ciudad de México, la Intendencia de "
        "Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal"
    )
    assert at_line(words, 936)
    assert excerpt_has(project, words)
    assert excerpt_has(project, "Instrumento de colaboración de la Unión Europea")


def test_the_paris_projects_name_who_convenes_the_fund_and_are_not_tied_to_the_1999_agreement():
    projects = action("Proyectos de cooperación urbana del Fondo franco-mexicano")
    assert "agreement" not in projects
    assert sorted(projects["counterparts"]) == ["amexcid", "maee", "paris"]
    assert dates(projects) == ("2014", "2016")
    assert excerpt_has(projects, "el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE)")
    assert excerpt_has(projects, "la Agencia Mexicana de Cooperación Internacional (AMEXCID)")
    assert excerpt_has(projects, "Ciudad de México-París")
    # The book names no agreement beside the projects.
    assert at_line("Durante los años de 2014, 2015 y 2016 las ciudades han implementado proyectos", 722)
    assert not in_book("en el marco del acuerdo de amistad")


def test_the_montevideo_project_is_dated_by_the_funds_edition_and_not_tied_to_an_agreement():
    project = action("Cooperación para la innovación, la inclusión y la internacionalización")
    assert "agreement" not in project
    assert (dates(project), project["counterparts"]) == (("2017", "2018"), ["montevideo"])
    assert excerpt_has(project, "la Intendencia de Montevideo")
    assert excerpt_has(project, "Fondo conjunto México-Uruguay, edición 2017-2018")
    assert at_line("2016-2018:", 702) and "«2016-2018»" in project["description"]


@pytest.mark.parametrize("title_start", ["Proyecto de Mejoramiento del Sistema de Drenaje", "Intercambios de especies"])
def test_the_nagoya_lines_keep_the_twinning_the_book_names_beside_them(title_start):
    row = action(title_start)
    assert (row["agreement"], row["counterparts"]) == (NAGOYA_1977, ["nagoya"])
    words = (
        "A partir de la firma en 1977 del convenio de hermanamiento entre la Ciudad de México y la Alcaldía de "
        "Nagoya, en los últimos años se ha avanzado en dos líneas"
    )
    assert at_line(words, 688)
    assert excerpt_has(row, words)


def test_only_the_nagoya_lines_are_tied_to_an_agreement():
    assert sorted(row["agreement"] for row in ACTIONS.values() if row.get("agreement")) == [NAGOYA_1977, NAGOYA_1977]


def test_the_campaign_keeps_the_books_dating_of_the_campaign_and_states_its_media_periods():
    campaign = action("Campaña de comunicación social")
    assert dates(campaign) == ("2016-11", "2017-05")
    assert at_line("durante noviembre de 2016 y mayo de 2017 se realizó la primera campaña", 504)
    media = "durante los periodos de octubre a noviembre de 2016 y de marzo a mayo de 2017"
    assert at_line(media, 565)
    assert excerpt_has(campaign, media)
    assert "octubre a noviembre de 2016 y de marzo a mayo de 2017" in campaign["description"]


def test_the_dialogues_keep_2014_2016_and_state_the_books_other_dates_and_partners():
    dialogues = action("Diálogos para una CDMX Global")
    assert dates(dialogues) == ("2014", "2016")
    assert sorted(dialogues["counterparts"]) == ["al-las", "iniciativa-ciudadana", "union-europea"]
    assert at_line("El ejercicio se realizó entre 2014-2016 con la alianza Eurolatinoamericana", 1246)
    for line, words in [
        (462, "Entre 2014 y 2018, con el apoyo financiero de la Unión Europea"),
        (1508, "Diálogos multiactor realizados entre 2014 y 2015"),
    ]:
        assert at_line(words, line)
        assert excerpt_has(dialogues, words)
    assert excerpt_has(dialogues, "Iniciativa Ciudadana para la Promoción de la Cultura del Diálogo A.C.")
    for stated in ("«Entre 2014 y 2018»", "«entre 2014 y 2015»", "«entre 2014 y 2016»"):
        assert stated in dialogues["description"]


def test_the_cgcid_technical_assistance_is_recorded_with_the_eu_support_of_note_44():
    analysis = action("Análisis de cuatro escenarios institucionales")
    assert (analysis["kind"], dates(analysis)) == ("technical_assistance", ("", ""))
    assert sorted(analysis["counterparts"]) == ["cgcid", "union-europea"]
    assert at_line("Con la asistencia técnica del Centro de Gestión y Cooperación Internacional", 1334)
    assert excerpt_has(analysis, "con el apoyo financiero de la Delegación de la Unión Europea en México")


def test_the_resilience_agency_keeps_the_month_of_its_inauguration_not_the_day_of_its_announcement():
    agency = action("100 Ciudades Resilientes y Agencia de Resiliencia")
    assert dates(agency) == ("2017-09", "")
    assert agency["start_on"].precision == "month"
    assert at_line("en septiembre de 2017 fue inaugurada la Agencia de Resiliencia", 494)
    assert at_line("el anuncio de la creación de la Agencia de Resiliencia de la CDMX, el 18 de septiembre", 2246)
    assert excerpt_has(agency, "la Fundación Rockefeller seleccionó a la Ciudad")


def test_the_strategic_dialogue_and_the_cdmx_brand_are_recorded():
    dialogue = action("Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles")
    assert (dates(dialogue), sorted(dialogue["counterparts"])) == (("", ""), ["chicago", "los-angeles"])
    assert at_line("Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles (promoción)", 1172)
    brand = action("Marca CDMX")
    assert (brand["kind"], dates(brand)) == ("campaign", ("2014", ""))
    assert excerpt_has(brand, "en 2014 se generó la marca CDMX Ciudad de México y CDMX Mexico City")


def test_the_unesco_offices_contribution_to_the_constitution_is_technical_assistance():
    contribution = action("Aportación de la Oficina de la UNESCO en México")
    assert (contribution["kind"], contribution["counterparts"], dates(contribution)) == (
        "technical_assistance", ["unesco"], ("", ""),
    )
    assert at_line("La Oficina de la UNESCO en México recibió la invitación del gobierno capitalino", 1939)
