"""Official visits: the head of government's trips abroad (cap. I §4.4), the
distinguished guests received 2013-2018 (cap. I §4.10, §4.11) and the 2003
visit of the mayor of Paris (cap. I §4.2).

The trips are one visit per destination; the book gives no dates, and the
themes are those of the destination's regional group. The guests are one visit
per entry of the book's list, dated by its year and month headings (the
excerpt holds both, e.g. "2013" and "ABRIL"); an entry that names several
people (the six mayors of November 2014, the Kings of Spain, the architects of
March 2018) is one visit with one guest each. Entries marked with * in the
book are "Visitante distinguido" (the excerpt ends with the book's key, «*
Visitante distinguido.»); the others "Huésped distinguido". Who received them
(the delegation) is §4.10's sentence, quoted in each excerpt.

Where the book names a counterpart by other words than its name (the Kings of
Spain for the Kingdom of Spain), ``counterpart_words`` gives the words of the
excerpt that name it.
"""

from events.models import Visit

from . import When, cite, excerpt, month, year
from .counterparts import english_name
from .events import LATIN_AMERICAN_MAYORS_DIALOGUE, WORLD_DESIGN_FORUM

Honour = Visit.Honour

TRIPS = cite("cap. I §4.4")
GUESTS = cite("cap. I §4.10, §4.11")
#: Who received the distinguished guests (cap. I §4.10) and the list's title (§4.11).
RECEIVED_BY = (
    "El Jefe de Gobierno y el Coordinador General de Asuntos Internacionales, en representación de la Ciudad de "
    "México, han recibido la visita oficial de mandatarios locales y nacionales, así como de destacadas "
    "personalidades que han sido reconocidas como huéspedes distinguidos."
)
GUESTS_TITLE = "Huéspedes distinguidos de la Ciudad de México"
#: The book's key to the entries marked with *.
VISITOR_KEY = "* Visitante distinguido."
#: The month headings of the list, as the book writes them.
MONTH_HEADINGS = {
    1: "ENERO", 2: "FEBRERO", 3: "MARZO", 4: "ABRIL", 5: "MAYO", 6: "JUNIO", 7: "JULIO", 8: "AGOSTO",
    9: "SEPTIEMBRE", 10: "OCTUBRE", 11: "NOVIEMBRE", 12: "DICIEMBRE",
}
DELEGATION = "Jefe de Gobierno y Coordinador General de Asuntos Internacionales"
TRIP_PURPOSE = (
    "Reactivar o establecer convenios de cooperación internacional, intercambiar experiencias en materia de "
    "cambio climático, movilidad, desarrollo urbano, comercio y turismo, y posicionar el liderazgo de la "
    "capital mexicana como un importante actor regional e internacional."
)
TRIP_PURPOSE_EN = (
    "To reactivate or establish international cooperation agreements, exchange experience on climate change, "
    "mobility, urban development, trade and tourism, and position the leadership of the Mexican capital as an "
    "important regional and international actor."
)
#: The regional groups of TRIP_THEMES, in English.
TRIP_GROUPS_EN = {"Estados Unidos": "United States", "América Latina": "Latin America", "Europa": "Europe"}

TRIP_THEMES = {
    "Estados Unidos": ["medio-ambiente", "desarrollo-economico"],
    "América Latina": ["salud", "medio-ambiente", "cambio-climatico", "movilidad", "desarrollo-economico"],
    "Europa": ["desarrollo-economico", "cultura", "desarrollo-urbano", "medio-ambiente", "cambio-climatico"],
}

# (counterpart slug, destination as the book writes it, regional group)
TRIP_DESTINATIONS = [
    ("boston", "1 Boston", "Estados Unidos"),
    ("chicago", "2 Chicago", "Estados Unidos"),
    ("los-angeles", "3 Los Ángeles", "Estados Unidos"),
    ("miami", "4 Miami", "Estados Unidos"),
    ("nueva-york", "5 Nueva York", "Estados Unidos"),
    ("rhode-island", "6 Rhode Island", "Estados Unidos"),
    ("washington-dc", "7 Washington DC", "Estados Unidos"),
    ("bogota", "8 Bogotá, Colombia", "América Latina"),
    ("buenos-aires", "9 Buenos Aires, Argentina", "América Latina"),
    ("la-habana", "10 La Habana, Cuba", "América Latina"),
    ("montevideo", "11 Montevideo, Uruguay", "América Latina"),
    ("panama", "12 Panamá, Panamá", "América Latina"),
    ("sao-paulo", "13 São Paulo, Brasil", "América Latina"),
    ("moscu", "14 Moscú, Rusia", "Europa"),
    ("paris", "15 París, Francia", "Europa"),
]


def _destination(listed: str) -> str:
    """«11 Montevideo, Uruguay» → «Montevideo»."""
    return listed.split(" ", 1)[1].split(",")[0]


OUTGOING = [
    {
        "direction": Visit.Direction.OUTGOING,
        "title": f"Gira oficial del Jefe de Gobierno a {_destination(listed)}",
        "title_en": f"Official trip by the Head of Government to {english_name(slug)}",
        "counterparts": [slug],
        "delegation": DELEGATION,
        "themes": TRIP_THEMES[group],
        "purpose": (
            f"{TRIP_PURPOSE} (Temas del grupo regional según el libro: {group}. El libro no da las fechas de la "
            "gira.)"
        ),
        "purpose_en": (
            f"{TRIP_PURPOSE_EN} (Themes of the regional group according to the book: {TRIP_GROUPS_EN[group]}. The "
            "book does not give the dates of the trip.)"
        ),
        "source_citation": TRIPS,
        "source_excerpt": excerpt(
            "diversas giras internacionales de carácter oficial, encabezadas por el Jefe de Gobierno y el "
            "Coordinador General de Asuntos Internacionales, mediante las cuales se ha logrado reactivar o "
            "establecer convenios de cooperación internacional",
            "Giras y visitas oficiales en el extranjero del Jefe de Gobierno de la Ciudad De México",
            listed,
        ),
    }
    for slug, listed, group in TRIP_DESTINATIONS
]


def guest(name: str, position: str = "", counterpart: str | None = None) -> dict:
    return {"name": name, "position": position, "counterpart": counterpart}


def received(
    when: When,
    title: str,
    guests: list[dict],
    *entry: str,
    honour: str = Honour.DISTINGUISHED_GUEST,
    event: str | None = None,
    counterpart_words: dict[str, str] | None = None,
    title_en: str,
) -> dict:
    """A visit of the list of distinguished guests: ``entry`` is the book's
    entry (one or more verbatim pieces), under its year and month headings."""
    pieces = [RECEIVED_BY, GUESTS_TITLE, str(when.value.year), MONTH_HEADINGS[when.value.month], *entry]
    if honour == Honour.DISTINGUISHED_VISITOR:
        pieces.append(VISITOR_KEY)
    row = {
        "direction": Visit.Direction.INCOMING,
        "title": title,
        "title_en": title_en,
        "start_on": when,
        "honour": honour,
        "event": event,
        "guests": guests,
        "counterparts": list(dict.fromkeys(g["counterpart"] for g in guests if g["counterpart"])),
        "delegation": DELEGATION,
        "source_citation": GUESTS,
        "source_excerpt": excerpt(*pieces),
    }
    if counterpart_words:
        row["counterpart_words"] = counterpart_words
    return row


ARCHITECTS = [
    "Stefan Sagmeister",
    "Marion Weiss",
    "Michael Manfredi",
    "Daan Roosegaarde",
    "Wolf D. Prix",
    "Wade Graham",
    "Daniel Libeskind",
    "Thom Mayne",
    "Gaetano Pesce",
    "Shohei Shigematsu",
    "Joep Van Lieshout",
    "Charles Montgomery",
    "Joshua Ramus",
    "Patrik Schumacher",
]

INCOMING = [
    received(
        month(2013, 4), "Visita de Patrick Quinn, Gobernador del Estado de Illinois",
        [guest("Patrick Quinn", "Gobernador del Estado de Illinois, Estados Unidos de América", "illinois")],
        "Patrick Quinn, Gobernador del Estado de Illinois, Estados Unidos de América.",
        title_en="Visit by Patrick Quinn, Governor of the State of Illinois",
    ),
    received(
        month(2013, 6), "Visita de Xi Jinping, Presidente de la República Popular China",
        [guest("Xi Jinping", "Presidente de la República Popular China", "republica-popular-china")],
        "Xi Jinping, Presidente de la República Popular China.",
        title_en="Visit by Xi Jinping, President of the People’s Republic of China",
    ),
    received(
        month(2013, 10), "Visita de Michael D. Higgins, Presidente de la República de Irlanda",
        [guest("Michael D. Higgins", "Presidente de la República de Irlanda", "republica-de-irlanda")],
        "Michael D. Higgins, Presidente de la República de Irlanda.",
        title_en="Visit by Michael D. Higgins, President of the Republic of Ireland",
    ),
    received(
        month(2013, 11), "Visita de Frederik André Henrik Christian, Príncipe del Reino de Dinamarca",
        [guest("Frederik André Henrik Christian", "Príncipe del Reino de Dinamarca", "reino-de-dinamarca")],
        "Frederik André Henrik Christian, Príncipe del Reino de Dinamarca.",
        title_en="Visit by Frederik André Henrik Christian, Prince of the Kingdom of Denmark",
    ),
    received(
        month(2013, 11), "Visita de Rahm Emanuel, Alcalde de Chicago",
        [guest("Rahm Emanuel", "Alcalde de Chicago, Estados Unidos de América", "chicago")],
        "Rahm Emanuel, Alcalde de Chicago, Estados Unidos de América.",
        title_en="Visit by Rahm Emanuel, Mayor of Chicago",
    ),
    received(
        month(2014, 1), "Visita de Enrico Letta, Primer Ministro de la República Italiana",
        [guest("Enrico Letta", "Primer Ministro de la República Italiana", "republica-italiana")],
        "Enrico Letta, Primer Ministro de la República Italiana.",
        title_en="Visit by Enrico Letta, Prime Minister of the Italian Republic",
    ),
    received(
        month(2014, 3), "Visita de Eric Garcetti, Alcalde de Los Ángeles",
        [guest("Eric Garcetti", "Alcalde de Los Ángeles, Estados Unidos de América", "los-angeles")],
        "Eric Garcetti, Alcalde de Los Ángeles, Estados Unidos de América.",
        title_en="Visit by Eric Garcetti, Mayor of Los Angeles",
    ),
    received(
        month(2014, 3), "Visita de Hasekura Tsunetaka",
        [
            guest(
                "Hasekura Tsunetaka",
                "Descendiente de la decimotercera generación del Excelentísimo Samurai Hasekura Tsunenaga, "
                "primer Embajador de Japón en México",
            )
        ],
        "Hasekura Tsunetaka, descendiente de la decimotercera generación del Excelentísimo Samurai Hasekura "
        "Tsunenaga, primer Embajador de Japón en México.*",
        honour=Honour.DISTINGUISHED_VISITOR,
        title_en="Visit by Hasekura Tsunetaka",
    ),
    received(
        month(2014, 4), "Visita de François Hollande, Presidente de la República Francesa",
        [guest("François Hollande", "Presidente de la República Francesa", "republica-francesa")],
        "François Hollande, Presidente de la República Francesa.",
        title_en="Visit by François Hollande, President of the French Republic",
    ),
    received(
        month(2014, 7), "Visita de Ollanta Humala, Presidente de la República del Perú",
        [guest("Ollanta Humala", "Presidente de la República del Perú", "republica-del-peru")],
        "Ollanta Humala, Presidente de la República del Perú.",
        title_en="Visit by Ollanta Humala, President of the Republic of Peru",
    ),
    received(
        month(2014, 11), "Visita de alcaldes de América Latina en el marco del Diálogo de Alcaldes de América Latina",
        [
            guest("Ana Olivera", "Intendente de Montevideo, Uruguay", "montevideo"),
            guest("Mónica Fein", "Intendente de la ciudad de Rosario, Argentina", "rosario"),
            guest("Gustavo Bordet", "Presidente Municipal de Concordia, Argentina", "concordia"),
            guest("Nasry Asfura", "Alcalde Municipal de Tegucigalpa, Honduras", "tegucigalpa"),
            guest("Sebastião de Melo Araújo", "Vice Alcalde de Porto Alegre, Brasil", "porto-alegre"),
            guest("Gerald Enrique Cumberbatch", "Alcalde de San Miguelito, Panamá", "san-miguelito"),
        ],
        "Ana Olivera, Intendente de Montevideo, Uruguay; Mónica Fein, Intendente de la ciudad de Rosario, "
        "Argentina; Gustavo Bordet, Presidente Municipal de Concordia, Argentina; Nasry Asfura, Alcalde "
        "Municipal de Tegucigalpa, Honduras; Sebastião de Melo Araújo, Vice Alcalde de Porto Alegre, Brasil; y "
        "Gerald Enrique Cumberbatch, Alcalde de San Miguelito, Panamá, en el marco del Diálogo de Alcaldes de "
        "América Latina.",
        event=LATIN_AMERICAN_MAYORS_DIALOGUE,
        title_en="Visit by Latin American mayors for the Latin American Mayors’ Dialogue",
    ),
    received(
        month(2014, 12), "Visita de Phumzile Mlambo, Directora Ejecutiva de ONU-Mujeres",
        [guest("Phumzile Mlambo", "Directora Ejecutiva de ONU-Mujeres", "onu-mujeres")],
        "Phumzile Mlambo, Directora Ejecutiva de ONU-Mujeres*",
        honour=Honour.DISTINGUISHED_VISITOR,
        counterpart_words={"onu-mujeres": "ONU-Mujeres"},
        title_en="Visit by Phumzile Mlambo, Executive Director of UN Women",
    ),
    received(
        month(2015, 5), "Visita de Sauli Niinistö, Presidente de la República de Finlandia",
        [guest("Sauli Niinistö", "Presidente de la República de Finlandia", "republica-de-finlandia")],
        "Sauli Niinistö, Presidente de la República de Finlandia.",
        title_en="Visit by Sauli Niinistö, President of the Republic of Finland",
    ),
    received(
        month(2015, 6), "Visita de Sus Majestades los Reyes de España",
        [
            guest("Don Felipe VI", "Rey de España", "reino-de-espana"),
            guest("Doña Letizia", "Reina de España", "reino-de-espana"),
        ],
        "Sus Majestades los Reyes de España, Don Felipe VI y Doña Letizia.",
        counterpart_words={"reino-de-espana": "los Reyes de España"},
        title_en="Visit by Their Majesties the King and Queen of Spain",
    ),
    received(
        month(2015, 10), "Visita de Philippe Couillard, Primer Ministro de Quebec",
        [guest("Philippe Couillard", "Primer Ministro de Quebec, Canadá", "provincia-de-quebec")],
        "Philippe Couillard, Primer Ministro de Quebec, Canadá.",
        counterpart_words={"provincia-de-quebec": "Primer Ministro de Quebec, Canadá"},
        title_en="Visit by Philippe Couillard, Premier of Quebec",
    ),
    received(
        month(2016, 2), "Visita de Su Santidad el Papa Francisco",
        [guest("Papa Francisco", "Su Santidad", "santa-sede")],
        "Su Santidad el Papa Francisco.",
        counterpart_words={"santa-sede": "Su Santidad el Papa Francisco"},
        title_en="Visit by His Holiness Pope Francis",
    ),
    received(
        month(2016, 6), "Visita de Tony Tan Keng Yam, Presidente de la República de Singapur",
        [guest("Tony Tan Keng Yam", "Presidente de la República de Singapur", "republica-de-singapur")],
        "Tony Tan Keng Yam, Presidente de la República de Singapur.",
        title_en="Visit by Tony Tan Keng Yam, President of the Republic of Singapore",
    ),
    received(
        month(2016, 7), "Visita de Sergio Mattarella, Presidente de la República Italiana",
        [guest("Sergio Mattarella", "Presidente de la República Italiana", "republica-italiana")],
        "Sergio Mattarella, Presidente de la República Italiana.",
        title_en="Visit by Sergio Mattarella, President of the Italian Republic",
    ),
    received(
        month(2016, 8), "Visita de Peter Cosgrove, Gobernador General de la Mancomunidad de Australia",
        [guest("Peter Cosgrove", "Gobernador General de la Mancomunidad de Australia", "mancomunidad-de-australia")],
        "Peter Cosgrove, Gobernador General de la Mancomunidad de Australia.",
        title_en="Visit by Peter Cosgrove, Governor-General of the Commonwealth of Australia",
    ),
    received(
        month(2016, 8), "Visita de Horacio Cartes Jara, Presidente de la República del Paraguay",
        [guest("Horacio Cartes Jara", "Presidente de la República del Paraguay", "republica-del-paraguay")],
        "Horacio Cartes Jara, Presidente de la República del Paraguay.",
        title_en="Visit by Horacio Cartes Jara, President of the Republic of Paraguay",
    ),
    received(
        month(2017, 4), "Visita de Andrzej Duda, Presidente de la República de Polonia",
        [guest("Andrzej Duda", "Presidente de la República de Polonia", "republica-de-polonia")],
        "Andrzej Duda, Presidente de la República de Polonia.",
        title_en="Visit by Andrzej Duda, President of the Republic of Poland",
    ),
    received(
        month(2017, 7), "Visita de Marcelo Rebelo de Sousa, Presidente de la República Portuguesa",
        [guest("Marcelo Rebelo de Sousa", "Presidente de la República Portuguesa", "republica-portuguesa")],
        "Marcelo Rebelo de Sousa, Presidente de la República Portuguesa.",
        title_en="Visit by Marcelo Rebelo de Sousa, President of the Portuguese Republic",
    ),
    received(
        month(2017, 11), "Visita de Andrej Kiska, Presidente de la República Eslovaca",
        [guest("Andrej Kiska", "Presidente de la República Eslovaca", "republica-eslovaca")],
        "Andrej Kiska, Presidente de la República Eslovaca.",
        title_en="Visit by Andrej Kiska, President of the Slovak Republic",
    ),
    received(
        month(2017, 11), "Visita de Manuela Carmena Castrillo, Alcaldesa de Madrid",
        [guest("Manuela Carmena Castrillo", "Alcaldesa de Madrid, España", "madrid")],
        "Manuela Carmena Castrillo, Alcaldesa de Madrid, España.",
        title_en="Visit by Manuela Carmena Castrillo, Mayor of Madrid",
    ),
    received(
        month(2018, 3),
        "Visita de arquitectos y diseñadores al Foro Internacional de Diseño de World Design Capital Mexico City 2018",
        [guest(name) for name in ARCHITECTS],
        *(
            "los arquitectos y diseñadores",
            "Stefan Sagmeister, Marion Weiss, Michael Manfredi, Daan Roosegaarde, Wolf D. Prix, Wade Graham, "
            "Daniel Libeskind, Thom Mayne, Gaetano Pesce, Shohei Shigematsu, Joep Van Lieshout, Charles "
            "Montgomery, Joshua Ramus y Patrik Schumacher, en el marco del Foro Internacional de Diseño de "
            "World Design Capital Mexico City 2018 (Capital Mundial de Diseño CDMX 2018).*",
        ),
        honour=Honour.DISTINGUISHED_VISITOR,
        event=WORLD_DESIGN_FORUM,
        title_en=(
            "Visit by architects and designers to the International Design Forum of World Design Capital "
            "Mexico City 2018"
        ),
    ),
]

PARIS_MAYOR_2003 = {
    "direction": Visit.Direction.INCOMING,
    "title": "Visita oficial del alcalde de París",
    "title_en": "Official visit by the Mayor of Paris",
    "start_on": year(2003),
    "counterparts": ["paris"],
    "source_citation": cite("cap. I §4.2"),
    "source_excerpt": "En 2003, la ciudad recibió la visita oficial del alcalde de París",
}

VISITS = [*OUTGOING, *INCOMING, PARIS_MAYOR_2003]
