"""The audit's corrections of networks and visits, checked against the book's
own text (read through ``sourcebook.booktext``), not against the data modules.

- the distinguished guests of cap. I §4.11 are dated by the year and month
  headings under which the book lists them, and say so in their excerpts;
- counterparts the book names by other words (the Kings of Spain, the Pope,
  ONU-Mujeres, the Prime Minister of Quebec) are named by words of the excerpt;
- the memberships the book states in words (Urban 20, the UNESCO's Programa de
  Acción Global de Educación para el Desarrollo Sostenible) are there;
- positions and hosted offices carry the book's periods at its precision,
  and no network carries a name or acronym the book does not give.
"""

import re

import pytest

from sourcebook.booktext import book_lines, book_text, folded, in_book, normalise
from sourcebook.records import EXCERPT_GAP, When
from sourcebook.records import networks as networks_data
from sourcebook.records import visits as visits_data

pytestmark = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")

MONTHS = ["ENERO", "FEBRERO", "MARZO", "ABRIL", "MAYO", "JUNIO", "JULIO", "AGOSTO", "SEPTIEMBRE", "OCTUBRE",
          "NOVIEMBRE", "DICIEMBRE"]


def book_line(starting: str) -> str:
    """The book's (normalised) line that starts with ``starting``."""
    [line] = [normalise(line) for line in book_lines() if normalise(line).startswith(starting)]
    return line


def guest_list() -> list[tuple[int, int, str, bool]]:
    """The book's list of distinguished guests: (year, month, entry, marked with *) per entry,
    read from the lines between its title and its key («* Visitante distinguido.»)."""
    lines = [line.strip() for line in book_lines()]
    first = lines.index("Huéspedes distinguidos de la Ciudad de México")
    last = lines.index("* Visitante distinguido.")
    entries, year, month, pending = [], None, None, []
    for line in lines[first + 1 : last]:
        if not line or line == "2013-2018":
            continue
        if re.fullmatch(r"\d{4}", line):
            year = int(line)
        elif line in MONTHS:
            month = MONTHS.index(line) + 1
        elif line == "los arquitectos y diseñadores":  # an entry set on two lines
            pending.append(line)
        else:
            text = " ".join([*pending, line])
            pending = []
            entries.append((year, month, normalise(text), text.rstrip().endswith("*")))
    return entries


def incoming_with(entry: str) -> dict:
    """The visit whose excerpt holds ``entry`` of the book's list (after the headings, before the key)."""

    def entry_of(row: dict) -> str:
        pieces = row["source_excerpt"].split(EXCERPT_GAP)[4:]
        return normalise(" ".join(piece for piece in pieces if piece != visits_data.VISITOR_KEY))

    [visit] = [row for row in visits_data.INCOMING if entry_of(row) == normalise(entry)]
    return visit


# --- Visits -------------------------------------------------------------------


def test_every_distinguished_guest_of_the_book_is_one_visit_dated_by_its_headings():
    entries = guest_list()
    assert len(entries) == len(visits_data.INCOMING) == 25
    for year, month, entry, starred in entries:
        visit = incoming_with(entry)
        when: When = visit["start_on"]
        assert (when.value.year, when.value.month, str(when.precision)) == (year, month, "month"), entry
        text = folded(visit["source_excerpt"])
        assert str(year) in text and folded(MONTHS[month - 1]) in text, entry
        assert visit["honour"] == ("visitor" if starred else "guest"), entry


def test_the_list_is_under_the_books_headings_words():
    kiska = incoming_with("Andrej Kiska, Presidente de la República Eslovaca.")
    assert kiska["source_excerpt"].split(EXCERPT_GAP)[2:4] == ["2017", "NOVIEMBRE"]
    quinn = incoming_with("Patrick Quinn, Gobernador del Estado de Illinois, Estados Unidos de América.")
    assert quinn["source_excerpt"].split(EXCERPT_GAP)[2:4] == ["2013", "ABRIL"]
    assert all(in_book(piece) for piece in quinn["source_excerpt"].split(EXCERPT_GAP))


@pytest.mark.parametrize(
    ("entry", "slug", "words"),
    [
        ("Phumzile Mlambo, Directora Ejecutiva de ONU-Mujeres", "onu-mujeres", "ONU-Mujeres"),
        ("Sus Majestades los Reyes de España, Don Felipe VI y Doña Letizia.", "reino-de-espana", "los Reyes de España"),
        (
            "Philippe Couillard, Primer Ministro de Quebec, Canadá.",
            "provincia-de-quebec",
            "Primer Ministro de Quebec, Canadá",
        ),
        ("Su Santidad el Papa Francisco.", "santa-sede", "Su Santidad el Papa Francisco"),
    ],
)
def test_counterparts_named_by_other_words_are_named_by_words_of_the_book(entry, slug, words):
    visit = incoming_with(entry)
    assert slug in visit["counterparts"]
    assert visit["counterpart_words"][slug] == words
    assert words in normalise(entry) and normalise(words) in normalise(visit["source_excerpt"])


def test_the_mayor_of_paris_visit_is_the_books_year():
    sentence = "En 2003, la ciudad recibió la visita oficial del alcalde de París"
    assert in_book(sentence)
    visit = visits_data.PARIS_MAYOR_2003
    assert (visit["start_on"].value.year, str(visit["start_on"].precision)) == (2003, "year")
    assert (visit["counterparts"], visit["source_excerpt"]) == (["paris"], sentence)


def test_the_trips_abroad_are_the_books_fifteen_destinations_without_dates():
    listed = [piece for row in visits_data.OUTGOING for piece in row["source_excerpt"].split(EXCERPT_GAP)[2:]]
    book = [normalise(line).lstrip("- ") for line in book_lines()[735:778] if re.match(r"- \d+", line.strip())]
    assert listed == book
    assert all("start_on" not in row for row in visits_data.OUTGOING)


# --- Networks -----------------------------------------------------------------


def memberships() -> dict[str, dict]:
    return {row["network"]: row for row in networks_data.MEMBERSHIPS}


def positions() -> dict[tuple[str, str], dict]:
    return {(row["network"], row["title"]): row for row in networks_data.POSITIONS}


def offices() -> dict[str, dict]:
    return {row["network"]: row for row in networks_data.HOSTED_OFFICES}


def period(row: dict) -> tuple:
    start, end = row.get("start_on"), row.get("end_on")
    return tuple(
        (when.value.year, str(when.precision)) if when is not None and when.value is not None else None
        for when in (start, end)
    )


@pytest.mark.parametrize(
    ("network", "sentence"),
    [
        ("u20", "La Ciudad de México es una de las 20 ciudades miembro que ya han firmado la Declaración Conjunta"),
        (
            "programa-de-accion-global-eds-unesco",
            "como miembro del Programa de Acción Global de Educación para el Desarrollo Sostenible de la UNESCO",
        ),
    ],
)
def test_memberships_the_book_states_in_words_are_there_undated(network, sentence):
    assert in_book(sentence)
    membership = memberships()[network]
    assert (membership["role"], period(membership)) == ("Miembro", (None, None))
    assert normalise(sentence) in normalise(membership["source_excerpt"])
    assert membership["notes"].startswith("El libro no da")


def test_u20_was_developed_in_2017_which_is_not_the_date_of_the_citys_membership():
    assert in_book("U20 es una iniciativa desarrollada en 2017")
    u20 = {row["slug"]: row for row in networks_data.NETWORKS}["u20"]
    assert (u20["name"], u20["acronym"]) == ("Urban 20", "U20")
    assert "desarrollada en 2017" in u20["description"]


def test_al_las_membership_is_the_books_active_membership_and_its_coordination_is_undated():
    assert in_book("en tanto miembros activos de la red C40 y AL-LAs")
    assert in_book("Nació en 2012") and in_book("Coordinada por el Gobierno de la Ciudad de México")
    al_las = memberships()["al-las"]
    assert (al_las["role"], period(al_las), al_las["formerly"]) == ("Miembro", (None, None), ["Coordinadora general"])
    assert period(positions()[("al-las", "Coordinación General")]) == (None, None)


def test_ucci_positions_have_the_books_periods():
    text = book_line("En la Unión de Ciudades Capitales Iberoamericanas (UCCI)")
    years = [(int(a), int(b)) for a, b in re.findall(r"de (\d{4})(?: a |-)(\d{4})", text)]
    assert years == [(2012, 2014), (2014, 2016), (2016, 2018)]
    ucci = sorted(
        (row for (network, _), row in positions().items() if network == "ucci"), key=lambda row: row["start_on"].value
    )
    assert [period(row) for row in ucci] == [((a, "year"), (b, "year")) for a, b in years]


def test_c40_steering_committee_is_the_year_2016_only():
    assert in_book("miembro del Comité Directivo en representación de América Latina en 2016")
    c40 = positions()[("c40", "Miembro del Comité Directivo en representación de América Latina")]
    assert period(c40) == ((2016, "year"), (2016, "year"))


def test_founding_member_of_100_resilient_cities_since_2013():
    assert in_book("miembro fundador de 100 Ciudades Resilientes en 2013")
    membership = memberships()["100-ciudades-resilientes"]
    assert (membership["role"], period(membership)) == ("Miembro fundador", ((2013, "year"), None))


def test_fmdv_office_since_2012_is_a_start_year_without_end():
    assert in_book("alberga, desde 2012, la Oficina Regional para América Latina del FMDV")
    assert period(offices()["fmdv"]) == ((2012, "year"), None)


def test_from_2017_dates_the_wego_office_and_the_ambiguity_is_said():
    text = book_line("Participa en dos redes establecidas en ciudades asiáticas")
    assert text.endswith("como Vicepresidente y Oficina Regional para América Latina partir de 2017.")
    assert period(offices()["wego"]) == ((2017, "year"), None)
    for network in ("wego", "alcaldes-por-la-paz"):
        vice = positions()[(network, "Vicepresidencia")]
        assert period(vice) == (None, None)
        assert "ambigua" in vice["notes"]


def test_network_names_and_acronyms_are_the_books():
    text = folded(book_text())
    for network in networks_data.NETWORKS:
        assert folded(network["name"]) in text, network["slug"]
        if network.get("acronym"):
            assert folded(network["acronym"]) in text, network["slug"]
    resilient = {row["slug"]: row for row in networks_data.NETWORKS}["100-ciudades-resilientes"]
    assert "acronym" not in resilient  # «100RC» is not the book's


def test_a_scope_the_book_does_not_give_is_marked():
    thematic = book_line("La ciudad participa en 12 redes temáticas de ciudades")
    assert thematic  # the book's own grouping: the thematic networks of §4.6
    grouped = {"c40", "iclei", "100-ciudades-resilientes", "fmdv", "wego", "ciudades-creativas-unesco",
               "ciudades-del-aprendizaje-unesco", "alcaldes-por-la-paz", "coalicion-ciudades-contra-el-racismo",
               "al-las"}
    for network in networks_data.NETWORKS:
        if network["slug"] in grouped:
            assert network["scope"] == "thematic" and network.get("themes"), network["slug"]
        else:
            assert "No lo da el libro: el alcance" in network["description"], network["slug"]
