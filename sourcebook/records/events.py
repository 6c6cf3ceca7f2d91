"""International events the city hosted or took part in abroad
(cap. I §1, §2, §3.4, §4.4, §4.6, §4.7, §4.8, §4.9, §4.11, §4.12; cap. II §2;
note 18).

Events are keyed on their name; the names below are what other modules use to
point at them (an agreement signed at an event, a visit made during one).
A parent (``parent``) comes before its children, and is set only where the
book says one event took place «en el marco de» the other.

Dates are the book's (``sourcebook/AUDIT.md`` lists where each is given); the
excerpt of every event holds the words of its date, including the headings of
the book's tables and lists («2015», «NOVIEMBRE») where the date comes from
one. Where the book says «más de» a number of participants, the words stay in
``participants`` and no ``participants_count`` is recorded: the book gives no
exact count. Values the book does not give (a venue, the city's role) are said
in the description, starting «No lo da el libro:».
"""

from events.models import Event

from . import UNDATED, cite, day, excerpt, month, year
from .catalogues import AGENDA_2030, NEW_URBAN_AGENDA, PARIS_AGREEMENT

Mode = Event.Mode
Role = Event.Role

C_CLIMA = "Cumbre Mundial de Alcaldes sobre el Clima (C-Clima)"
CGLU_SUMMIT_2010 = "Cumbre Mundial de Ciudades y Gobiernos Locales Unidos"
FICA_2009 = "Feria de las Culturas Amigas, primera edición"
FICA_2017 = "Feria Internacional de las Culturas Amigas (FICA), novena edición"
FICA_2018 = "Feria Internacional de las Culturas Amigas (FICA), décima edición"
FINANCING_URBAN_DEVELOPMENT = (
    "Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del milenio”"
)
LATIN_AMERICAN_MAYORS_DIALOGUE = "Diálogo de Alcaldes de América Latina"
WORLD_DESIGN_FORUM = "Foro Internacional de Diseño de World Design Capital Mexico City 2018"
COP21 = "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)"
LOCAL_CLIMATE_ACTION_SUMMIT = "Cumbre Mundial sobre Acción Climática Local"
HABITAT_III = "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III"
WORLD_ASSEMBLY_HABITAT_III = "Asamblea Mundial de Líderes Locales y Regionales"
GLOBAL_TABLE_WORKSHOP = (
    "Taller “Un lugar en la mesa global: los gobiernos locales como actores protagónicos del sistema de "
    "gobernanza mundial”"
)

HOSTED = {"mode": Mode.HOSTED, "city": "Ciudad de México", "country": "MX"}

#: Names of events removed because the book does not support them: none (the audit removed no event).
RETIRED: list[str] = []

# --- Pieces of the book used by several events ------------------------------

# cap. I §4.12, FICA
FICA_VENUE = (
    "En 2014 se decidió trasladar el evento a la Plaza de la Constitución, ubicada en el Centro Histórico de la "
    "Ciudad de México"
)
FICA_EXCERPT = (
    "En la novena y décima ediciones de la Feria se estableció una alianza estratégica con la Oficina de la "
    "UNESCO en México para organizar dos foros internacionales: “Ciudad de México: Lugar donde las culturas "
    "dialogan”, en 2017; y “Ciudad de México y la condición de las y los creadores”, en 2018."
)
FICA_X_DAYS = (
    "entre el 27 y el 29 de abril de 2018, en el marco de la X Edición de la Feria de las Culturas "
    "Amigas (FICA), se realizó un primer ejercicio exploratorio con los asistentes."
)
# cap. I §4.6, hosted events
NETWORK_EVENTS = "la postulación, con éxito, como sede de grandes eventos internacionales, entre los que destacan"
IBEROAMERICAN_FORUMS = "la IX y X edición del Foro Iberoamericano de Gobiernos Locales en 2014 y 2016"
C40_EVENTS = "la Cumbre Bienal de Alcaldes y la Conferencia “Women for Climate” de C40"
# cap. I §4.9, the table of events organised in the city, by year column
HOSTED_TABLE = "Organización de eventos internacionales en la Ciudad de México"
HOSTED_2014_2016 = cite("cap. I §4.9")
# cap. I §4.4, events abroad under year headings
ABROAD_LIST = "Participación en eventos internacionales en el extranjero"
# cap. I §4.7, Hábitat III
HABITAT_III_HELD = (
    "La Conferencia de las Naciones Unidas sobre Vivienda y Desarrollo Urbano Sostenible (Hábitat III), "
    "celebrada en Quito en 2016"
)
HABITAT_III_PROCESS = (
    "El Gobierno de la Ciudad de México fue parte fundamental de este proceso en varios momentos e instancias."
)
HABITAT_III_PREPARATORY = (
    "Por otro lado, la ciudad estuvo representada en encuentros preparatorios convocados tanto por Naciones "
    "Unidas como por otros gobiernos locales. Destaca la presencia del Secretario de Desarrollo Urbano y "
    "Vivienda en la Conferencia temática sobre áreas metropolitanas, organizada por la ciudad de Montreal, y en "
    "la Conferencia regional para América Latina, realizada en Toluca, México."
)
PREPARATORY_NOTE = (
    "Encuentro preparatorio de Hábitat III, en el que la Ciudad «estuvo representada» (cap. I §4.7); no se "
    "anota «en el marco de» Hábitat III porque el libro no lo sitúa dentro de la Conferencia."
)
# cap. II §2, the dialogues on the Constitution
CONSTITUTION_DIALOGUES = cite("cap. II §2")
CONSTITUTION_CALL = (
    "se invitó a actores gubernamentales, no gubernamentales y a expertos internacionales de diferentes áreas a "
    "participar en una serie de diálogos sobre la acción internacional de la Ciudad de México"
)
SENATE_NOTE = (
    "No lo da el libro: la ciudad; dice «en el Senado de la República Mexicana», y se anota la Ciudad de México "
    "como sede."
)
# cap. I §4.11, distinguished guests under year and month headings
GUESTS_LIST = "Huéspedes distinguidos de la Ciudad de México"

EVENTS = [
    # Hosted in Mexico City
    {
        **HOSTED,
        "name": C_CLIMA,
        "name_en": "World Mayors Summit on Climate (C-Clima)",
        "role": Role.ORGANISER,
        "start_on": day(2010, 11, 21),
        "organisers": ["cglu", "iclei"],
        "outcome": "Al final del evento, 152 alcaldes firmaron el Pacto de la Ciudad de México.",
        "outcome_en": "At the end of the event, 152 mayors signed the Mexico City Pact.",
        "themes": ["cambio-climatico", "medio-ambiente"],
        "description": (
            "No lo da el libro: la sede. Dice que el Gobierno de la Ciudad de México convocó la Cumbre y que al "
            "final del evento se firmó el Pacto de la Ciudad de México; se anota la Ciudad de México como sede."
        ),
        "source_citation": cite("cap. I §2"),
        "source_excerpt": excerpt(
            "El 21 de noviembre de 2010, el Gobierno de la Ciudad de México convocó a la Cumbre Mundial de "
            "Alcaldes sobre el Clima (C-Clima), en colaboración con CGLU y el Consejo Internacional para las "
            "Iniciativas Ambientales Locales (ICLEI, por sus siglas en inglés).",
            "Al final del evento, 152 alcaldes firmaron el Pacto de la Ciudad de México",
        ),
    },
    {
        **HOSTED,
        "name": CGLU_SUMMIT_2010,
        "name_en": "World Summit of United Cities and Local Governments",
        "role": Role.HOST,
        "start_on": day(2010, 11, 17),
        "end_on": day(2010, 11, 20),
        "organisers": ["cglu"],
        "participants": "Más de 2 900 autoridades locales y regionales, redes y organismos internacionales.",
        "outcome": "Concluyó con la declaratoria de la Cumbre: el «Manifiesto para la Ciudad 2030».",
        "outcome_en": "It concluded with the Summit’s declaration: the «Manifesto for the City 2030».",
        "description": (
            "El libro dice «más de 2 900» participantes y no da el número exacto: la cifra queda en "
            "«participantes» y el número de participantes no se anota."
        ),
        "source_citation": cite("cap. I §2"),
        "source_excerpt": excerpt(
            "La Ciudad de México fue sede de la Cumbre Mundial de Ciudades y Gobiernos Locales Unidos, que se "
            "celebró del 17 al 20 de noviembre de 2010, y contó con la participación de más de 2 900 "
            "autoridades locales y regionales, redes y organismos internacionales.",
            "concluyó con la declaratoria de la Cumbre: el “Manifiesto para la Ciudad 2030”",
        ),
    },
    {
        **HOSTED,
        "name": FICA_2009,
        "name_en": "Fair of Friendly Cultures, first edition",
        "role": Role.ORGANISER,
        "start_on": year(2009),
        "themes": ["cultura"],
        "description": (
            "Respuesta de agradecimiento y solidaridad a las representaciones diplomáticas asentadas en la ciudad, "
            "después de la crisis de influenza AH1N1; proyecto de diplomacia cultural de la CGAI. El libro no dice "
            "en qué lugar de la ciudad se celebró esta edición: dice que «en 2014 se decidió trasladar el evento a "
            "la Plaza de la Constitución» y que la Feria se ha celebrado «tanto en la avenida Paseo de la Reforma "
            "como en el Centro Histórico» (cap. I §4.12)."
        ),
        "source_citation": cite("cap. I §2, §4.12"),
        "source_excerpt": excerpt(
            "En 2009 se llevó a cabo la primera edición de la Feria de las Culturas Amigas como una respuesta "
            "de agradecimiento y solidaridad a representaciones diplomáticas asentadas en la ciudad, después "
            "de la crisis de influenza AH1N1.",
            "La FICA es un proyecto de diplomacia cultural de la Coordinación General de Asuntos Internacionales "
            "que surgió en el año 2009.",
            FICA_VENUE,
            "A lo largo de una década, tanto en la avenida Paseo de la Reforma como en el Centro Histórico",
        ),
    },
    {
        **HOSTED,
        "name": FICA_2017,
        "name_en": "International Fair of Friendly Cultures (FICA), ninth edition",
        "role": Role.ORGANISER,
        "start_on": year(2017),
        "themes": ["cultura"],
        "description": (
            "No lo da el libro: el año de la novena edición. Dice que en la novena y décima ediciones se "
            "organizaron los foros con la UNESCO de 2017 y de 2018, y sitúa la décima en abril de 2018 "
            "(cap. I §3.4); la novena es por tanto la de 2017."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": excerpt(FICA_VENUE, FICA_EXCERPT),
    },
    {
        **HOSTED,
        "name": FICA_2018,
        "name_en": "International Fair of Friendly Cultures (FICA), tenth edition",
        "role": Role.ORGANISER,
        "start_on": day(2018, 4, 27),
        "end_on": day(2018, 4, 29),
        "themes": ["cultura"],
        "description": (
            "El libro da estas fechas al contar el primer ejercicio exploratorio con los asistentes, realizado "
            "«entre el 27 y el 29 de abril de 2018, en el marco de la X Edición» de la Feria (cap. I §3.4; "
            "anexo 1); no da otras fechas de la Feria."
        ),
        "source_citation": cite("cap. I §3.4, §4.12"),
        "source_excerpt": excerpt(FICA_X_DAYS, FICA_VENUE, FICA_EXCERPT),
    },
    {
        **HOSTED,
        "name": "Foro internacional “Ciudad de México: Lugar donde las culturas dialogan”",
        "name_en": "International forum “Mexico City: A place where cultures dialogue”",
        "role": Role.CO_ORGANISER,
        "start_on": year(2017),
        "parent": FICA_2017,
        "organisers": ["unesco"],
        "themes": ["cultura"],
        "description": (
            "Organizado con la Oficina de la UNESCO en México en la novena edición de la Feria (la de 2017, véase "
            "esa edición). Los dos foros con la UNESCO reunieron un total de 80 ponentes nacionales e "
            "internacionales."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": FICA_EXCERPT,
    },
    {
        **HOSTED,
        "name": "Foro internacional “Ciudad de México y la condición de las y los creadores”",
        "name_en": "International forum “Mexico City and the condition of creators”",
        "role": Role.CO_ORGANISER,
        "start_on": year(2018),
        "parent": FICA_2018,
        "organisers": ["unesco"],
        "themes": ["cultura"],
        "description": (
            "Organizado con la Oficina de la UNESCO en México en la décima edición de la Feria (2018). Los dos "
            "foros con la UNESCO reunieron un total de 80 ponentes nacionales e internacionales."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": FICA_EXCERPT,
    },
    {
        **HOSTED,
        "name": "IX Foro Iberoamericano de Gobiernos Locales",
        "name_en": "9th Ibero-American Forum of Local Governments",
        "role": Role.HOST,
        "start_on": year(2014),
        "source_citation": cite("cap. I §4.6, §4.9"),
        "source_excerpt": excerpt(
            NETWORK_EVENTS,
            IBEROAMERICAN_FORUMS,
            HOSTED_TABLE,
            "IX Foro Iberoamericano de Gobiernos Locales",
        ),
    },
    {
        **HOSTED,
        "name": "X Foro Iberoamericano de Gobiernos Locales",
        "name_en": "10th Ibero-American Forum of Local Governments",
        "role": Role.HOST,
        "start_on": year(2016),
        "source_citation": cite("cap. I §4.6"),
        "source_excerpt": excerpt(NETWORK_EVENTS, IBEROAMERICAN_FORUMS),
    },
    {
        **HOSTED,
        "name": (
            "Reunión de alcaldes y vicealcaldes en el marco de la 2ª Conferencia Internacional de Ciudades "
            "del Aprendizaje"
        ),
        "name_en": (
            "Meeting of mayors and deputy mayors at the 2nd International Conference on Learning Cities"
        ),
        "role": Role.HOST,
        "start_on": year(2015),
        "themes": ["educacion"],
        "description": (
            "En la columna 2015 de la tabla «Organización de eventos internacionales en la Ciudad de México» "
            "(cap. I §4.9)."
        ),
        "source_citation": HOSTED_2014_2016,
        "source_excerpt": excerpt(
            HOSTED_TABLE,
            "2015",
            "Reunión de alcaldes y vicealcaldes en el marco de la 2ª Conferencia Internacional de Ciudades "
            "del Aprendizaje",
        ),
    },
    {
        **HOSTED,
        "name": "Sexta mesa redonda de alcaldes y ministros de la OCDE",
        "name_en": "Sixth OECD Roundtable of Mayors and Ministers",
        "role": Role.HOST,
        "start_on": year(2016),
        "organisers": ["ocde"],
        "description": (
            "En la columna 2016 de la tabla «Organización de eventos internacionales en la Ciudad de México» "
            "(cap. I §4.9)."
        ),
        "source_citation": HOSTED_2014_2016,
        "source_excerpt": excerpt(HOSTED_TABLE, "2016", "Sexta mesa redonda de alcaldes y ministros de la OCDE"),
    },
    {
        **HOSTED,
        "name": FINANCING_URBAN_DEVELOPMENT,
        "name_en": (
            "Thematic meeting towards Habitat III “Financing urban development: the millennium challenge”"
        ),
        "role": Role.ORGANISER,
        "start_on": month(2016, 3),
        "organisers": ["fmdv"],
        "participants": "Más de 700 expertos en materia de financiamiento.",
        "outcome": "La Declaración de la Ciudad de México, documento clave como insumo de la Nueva Agenda Urbana.",
        "outcome_en": "The Mexico City Declaration, a key document as an input to the New Urban Agenda.",
        "description": (
            "El libro la nombra de tres maneras: «Conferencia Preparatoria rumbo a Hábitat III “Financiar el "
            "desarrollo urbano: el reto del milenio”», organizada por la Oficina Regional del FMDV (cap. I §4.6); "
            "«Conferencia temática “Financiar el desarrollo urbano: el reto del milenio”», de marzo de 2016 (cap. I "
            "§4.7); y «Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del "
            "milenio”», en la columna 2016 de la tabla de eventos organizados en la Ciudad (cap. I §4.9); §4.6 y "
            "§4.7 le dan el mismo título. Dice «más de 700» expertos y no da el número exacto: la cifra queda en "
            "«participantes» y el número de participantes no se anota. Encuentro preparatorio de Hábitat III: no se "
            "anota «en el marco de» la Conferencia de Quito."
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.6, §4.7, §4.9"),
        "source_excerpt": excerpt(
            "la Oficina Regional del FMDV ha impulsado la incidencia de la Ciudad de México a través de la "
            "organización de espacios de diálogo y reflexión como la Conferencia Preparatoria rumbo a Hábitat III "
            "“Financiar el desarrollo urbano: el reto del milenio”.",
            "En marzo de 2016, se organizó la Conferencia temática “Financiar el desarrollo urbano: el reto "
            "del milenio”, que reunió a más de 700 expertos en materia de financiamiento y generó un documento "
            "clave como insumo de la Nueva Agenda Urbana: la Declaración de la Ciudad de México.",
            HOSTED_TABLE,
            "2016",
            "Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del milenio”",
        ),
    },
    {
        **HOSTED,
        "name": "Sexta Cumbre Bienal de Alcaldes de C40",
        "name_en": "Sixth Biennial C40 Mayors Summit",
        "role": Role.HOST,
        "start_on": year(2016),
        "organisers": ["c40"],
        "themes": ["cambio-climatico"],
        "description": (
            "En la columna 2016 de la tabla «Organización de eventos internacionales en la Ciudad de México» "
            "(cap. I §4.9); en cap. I §4.6, «la Cumbre Bienal de Alcaldes» de C40, sin fecha."
        ),
        "source_citation": cite("cap. I §4.6, §4.9"),
        "source_excerpt": excerpt(
            NETWORK_EVENTS, C40_EVENTS, HOSTED_TABLE, "2016", "Sexta Cumbre Bienal de Alcaldes de C40"
        ),
    },
    {
        **HOSTED,
        "name": "Conferencia “Women for Climate” de C40",
        "name_en": "C40 “Women for Climate” conference",
        "role": Role.HOST,
        "organisers": ["c40"],
        "themes": ["cambio-climatico", "igualdad-de-genero"],
        "description": "El libro no da la fecha.",
        "source_citation": cite("cap. I §4.6"),
        "source_excerpt": excerpt(NETWORK_EVENTS, C40_EVENTS),
    },
    {
        **HOSTED,
        "name": LATIN_AMERICAN_MAYORS_DIALOGUE,
        "name_en": "Latin American Mayors’ Dialogue",
        "role": Role.HOST,
        "start_on": month(2014, 11),
        "participants": (
            "Alcaldes e intendentes de Montevideo, Rosario, Concordia, Tegucigalpa, Porto Alegre (vicealcalde) "
            "y San Miguelito."
        ),
        "description": (
            "No lo da el libro: la sede ni el papel de la Ciudad. Los participantes figuran entre los «Huéspedes "
            "distinguidos de la Ciudad de México», bajo los encabezados 2014 y NOVIEMBRE, recibidos «en el marco "
            "del Diálogo de Alcaldes de América Latina» (cap. I §4.11); se anota la Ciudad de México como sede."
        ),
        "source_citation": cite("cap. I §4.11"),
        "source_excerpt": excerpt(
            GUESTS_LIST,
            "2014",
            "NOVIEMBRE",
            "Ana Olivera, Intendente de Montevideo, Uruguay; Mónica Fein, Intendente de la ciudad de Rosario, "
            "Argentina; Gustavo Bordet, Presidente Municipal de Concordia, Argentina; Nasry Asfura, Alcalde "
            "Municipal de Tegucigalpa, Honduras; Sebastião de Melo Araújo, Vice Alcalde de Porto Alegre, Brasil; y "
            "Gerald Enrique Cumberbatch, Alcalde de San Miguelito, Panamá, en el marco del Diálogo de Alcaldes de "
            "América Latina.",
        ),
    },
    {
        **HOSTED,
        "name": WORLD_DESIGN_FORUM,
        "name_en": "International Design Forum of World Design Capital Mexico City 2018",
        "role": Role.HOST,
        "start_on": month(2018, 3),
        "participants": "Arquitectos y diseñadores recibidos como visitantes distinguidos.",
        "description": (
            "Capital Mundial de Diseño CDMX 2018. Los arquitectos y diseñadores figuran entre los visitantes "
            "distinguidos de la Ciudad bajo los encabezados 2018 y MARZO (cap. I §4.11)."
        ),
        "source_citation": cite("cap. I §4.11"),
        "source_excerpt": excerpt(
            GUESTS_LIST,
            "2018",
            "MARZO",
            "los arquitectos y diseñadores",
            "en el marco del Foro Internacional de Diseño de World Design Capital Mexico City 2018 (Capital "
            "Mundial de Diseño CDMX 2018).",
        ),
    },
    {
        **HOSTED,
        "name": (
            "Seminario “La Ciudad de México en el mundo: las relaciones internacionales en la nueva Constitución”"
        ),
        "name_en": (
            "Seminar “Mexico City in the world: international relations in the new Constitution”"
        ),
        "role": Role.ORGANISER,
        "start_on": day(2016, 5, 23),
        "participants": (
            "Más de 30 representantes de la sociedad civil, académicos e integrantes del consejo redactor de "
            "la Constitución de la Ciudad de México."
        ),
        "outcome": (
            "La CGAI presentó ante el equipo redactor una propuesta de puntos a incluir sobre el tema internacional."
        ),
        "outcome_en": (
            "The CGAI presented to the drafting team a proposal of points to include on international "
            "affairs."
        ),
        "description": f"{SENATE_NOTE} Realizado en el Senado de la República Mexicana.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": excerpt(
            CONSTITUTION_CALL,
            "Seminario “La Ciudad de México en el mundo: las relaciones internacionales en la nueva "
            "Constitución”, realizado el 23 de mayo de 2016 en el Senado de la República Mexicana, con la "
            "participación de más de 30 representantes de la sociedad civil, académicos e integrantes del "
            "consejo redactor de la Constitución de la Ciudad de México.",
            "En el seminario la CGAI presentó, ante el equipo redactor, una propuesta de puntos a incluir sobre "
            "el tema internacional.",
        ),
    },
    {
        **HOSTED,
        "name": "Diálogo parlamentario sobre el papel de los gobiernos subnacionales como actores internacionales",
        "name_en": (
            "Parliamentary dialogue on the role of subnational governments as international actors"
        ),
        "role": Role.ORGANISER,
        "start_on": day(2016, 7, 12),
        "participants": (
            "Casi 200 asistentes: la Secretaría de Relaciones Exteriores, gobernadores, senadores y diputados "
            "de la República, representantes de diversas ciudades de América Latina y expertos en desarrollo local."
        ),
        "description": f"{SENATE_NOTE} Realizado en el Senado de la República Mexicana.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": excerpt(
            CONSTITUTION_CALL,
            "“Diálogo parlamentario sobre el papel de los gobiernos subnacionales como actores "
            "internacionales”: realizado el 12 de julio de 2016 en el Senado de la República Mexicana.",
            "Con casi 200 asistentes",
        ),
    },
    {
        **HOSTED,
        "name": "Encuentro Internacional sobre la Constitución de la Ciudad de México",
        "name_en": "International Meeting on the Constitution of Mexico City",
        "role": Role.ORGANISER,
        "start_on": day(2017, 1, 11),
        "end_on": day(2017, 1, 12),
        "participants": "Más de 20 expertos internacionales.",
        "description": "No lo da el libro: la sede; se anota la Ciudad de México.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": excerpt(
            CONSTITUTION_CALL,
            "“Encuentro Internacional sobre la Constitución de la Ciudad de México”: realizado el 11 y 12 de "
            "enero de 2017. Reunió a más de 20 expertos internacionales",
        ),
    },
    # Taken part in abroad
    {
        "mode": Mode.ATTENDED,
        "name": "Cumbre del C40",
        "name_en": "C40 Summit",
        "role": Role.PARTICIPANT,
        "start_on": year(2014),
        "city": "Johannesburgo",
        "country": "ZA",
        "organisers": ["c40"],
        "themes": ["cambio-climatico"],
        "description": "Bajo el encabezado 2014 de la lista de eventos en el extranjero (cap. I §4.4).",
        "source_citation": cite("cap. I §4.4"),
        "source_excerpt": excerpt(ABROAD_LIST, "2014", "Cumbre del C40, Johannesburgo, Sudáfrica"),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Cumbre de Ciudades Líderes de Movilidad Sustentable",
        "name_en": "Summit of Leading Cities in Sustainable Mobility",
        "role": Role.PARTICIPANT,
        "start_on": year(2014),
        "city": "Lima",
        "country": "PE",
        "themes": ["movilidad"],
        "description": "Bajo el encabezado 2014 de la lista de eventos en el extranjero (cap. I §4.4).",
        "source_citation": cite("cap. I §4.4"),
        "source_excerpt": excerpt(
            ABROAD_LIST, "2014", "Cumbre de Ciudades Líderes de Movilidad Sustentable, Lima, Perú"
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": COP21,
        "name_en": "United Nations Climate Change Conference (COP 21)",
        "role": Role.PARTICIPANT,
        "start_on": month(2015, 12),
        "city": "París",
        "country": "FR",
        "organisers": ["onu"],
        "counterpart_words": {"onu": "Naciones Unidas"},
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.4, §4.7"),
        "source_excerpt": excerpt(
            ABROAD_LIST,
            "2015",
            "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21), París, Francia (2015)",
            "En el marco de la Conferencia de las Naciones Unidas sobre Cambio Climático (COP21), realizada en "
            "París en diciembre del 2015",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": LOCAL_CLIMATE_ACTION_SUMMIT,
        "name_en": "World Summit on Local Climate Action",
        "role": Role.PARTICIPANT,
        "start_on": month(2015, 12),
        "city": "París",
        "country": "FR",
        "parent": COP21,
        "participants": "El Jefe de Gobierno.",
        "outcome": "La «Declaración de París de Gobiernos Locales», firmada con 400 ciudades.",
        "outcome_en": "The «Paris Declaration of Local Governments», signed with 400 cities.",
        "description": (
            "No lo da el libro: la ciudad de la Cumbre; se anota París, la de la COP21 («realizada en París en "
            "diciembre del 2015»), en cuyo marco se celebró."
        ),
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "En el marco de la Conferencia de las Naciones Unidas sobre Cambio Climático (COP21), realizada en "
            "París en diciembre del 2015, el Jefe de Gobierno participó en la Cumbre Mundial sobre Acción "
            "Climática Local, en la cual se sumó a los esfuerzos y compromisos de 400 ciudades internacionales "
            "firmando la “Declaración de París de Gobiernos Locales”."
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": HABITAT_III,
        "name_en": "Conference on Housing and Sustainable Urban Development Habitat III",
        "role": Role.PARTICIPANT,
        "start_on": year(2016),
        "city": "Quito",
        "country": "EC",
        "organisers": ["onu"],
        "counterpart_words": {"onu": "Naciones Unidas"},
        "participants": "Una delegación de la Ciudad de México, encabezada por el Jefe de Gobierno.",
        "outcome": (
            "La Nueva Agenda Urbana, su declaración final; 18 alcaldes, entre ellos el Jefe de Gobierno, "
            "presentaron el Documento Político «Un lugar en la mesa global»."
        ),
        "outcome_en": (
            "The New Urban Agenda, its final declaration; 18 mayors, among them the Head of Government, "
            "presented the Political Document «A Seat at the Global Table»."
        ),
        "description": (
            "La delegación «estuvo presente en diversas sesiones de debate y organizó actividades específicas» "
            "(cap. I §4.7)."
        ),
        "themes": ["desarrollo-urbano", "vivienda"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §1, §4.4, §4.7, §4.8"),
        "source_excerpt": excerpt(
            "la Nueva Agenda Urbana fue aprobada en 2016 como producto de la 3ra Conferencia de las Naciones "
            "Unidas sobre la Vivienda y el Desarrollo Urbano Sostenible (Hábitat III)",
            ABROAD_LIST,
            "2016",
            "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III, Quito, Ecuador",
            HABITAT_III_HELD,
            "Otro momento clave fue su contribución a la declaración final de la Conferencia: la Nueva Agenda "
            "Urbana.",
            "durante la Conferencia Hábitat III participó una delegación de la Ciudad de México, encabezada por el "
            "Jefe de Gobierno, que estuvo presente en diversas sesiones de debate y organizó actividades "
            "específicas",
            "El documento fue presentado en el marco de la Conferencia Internacional de Hábitat III (Quito, 2016) "
            "por 18 alcaldes del mundo, incluyendo al Jefe de Gobierno de la Ciudad de México",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": WORLD_ASSEMBLY_HABITAT_III,
        "name_en": "World Assembly of Local and Regional Leaders",
        "role": Role.PARTICIPANT,
        "start_on": year(2016),
        "city": "Quito",
        "country": "EC",
        "parent": HABITAT_III,
        "description": (
            "Vínculo inferido: el libro no dice expresamente que la Ciudad participara en la Asamblea. Dice que "
            "en ella la participación de los gobiernos locales en el proceso de Hábitat III «alcanzó su punto más "
            "alto», que el Gobierno de la Ciudad «fue parte fundamental de este proceso» y que una delegación "
            "encabezada por el Jefe de Gobierno estuvo en la Conferencia (cap. I §4.7). La fecha y la ciudad son "
            "las de Hábitat III («celebrada en Quito en 2016»), en cuyo marco se celebró. Nota 32 del libro: "
            "https://www.global-taskforce.org/world-assembly-local-and-regional-governments"
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.7, nota 32"),
        "source_excerpt": excerpt(
            f"{HABITAT_III_HELD}, representó una oportunidad única para los gobiernos locales de posicionarse "
            "como actores clave en el desarrollo. Su activa participación en este proceso alcanzó su punto más "
            "alto durante la celebración de la Asamblea Mundial de Líderes Locales y Regionales en el marco de "
            "Hábitat III.",
            HABITAT_III_PROCESS,
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Conferencia temática sobre áreas metropolitanas",
        "name_en": "Thematic conference on metropolitan areas",
        "role": Role.PARTICIPANT,
        "start_on": UNDATED,
        "city": "Montreal",
        "country": "CA",
        "organisers": ["montreal"],
        "participants": "El Secretario de Desarrollo Urbano y Vivienda.",
        "description": (
            "No lo da el libro: la sede; dice «organizada por la ciudad de Montreal», y se anota Montreal "
            f"(Canadá, donde el libro la sitúa en cap. I §4.1). El libro no da la fecha. {PREPARATORY_NOTE}"
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": excerpt(HABITAT_III_PROCESS, HABITAT_III_PREPARATORY),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Conferencia regional para América Latina",
        "name_en": "Regional conference for Latin America",
        "role": Role.PARTICIPANT,
        "start_on": UNDATED,
        "city": "Toluca",
        "country": "MX",
        "participants": "El Secretario de Desarrollo Urbano y Vivienda.",
        "description": (
            "Realizada en Toluca, México: fuera de la Ciudad de México, aunque no en el extranjero. El libro no "
            f"da la fecha. {PREPARATORY_NOTE}"
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": excerpt(HABITAT_III_PROCESS, HABITAT_III_PREPARATORY),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Reuniones de consulta convocadas en la sede de la ONU en Nueva York",
        "name_en": "Consultation meetings convened at UN headquarters in New York",
        "role": Role.PARTICIPANT,
        "start_on": UNDATED,
        "city": "Nueva York",
        "country": "US",
        "participants": "El Gobierno de la Ciudad.",
        "description": (
            "Reuniones del proceso de Hábitat III; el libro no dice cuántas fueron, ni sus fechas, ni quién las "
            f"convocó. {PREPARATORY_NOTE}"
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": excerpt(
            HABITAT_III_PROCESS,
            "Asimismo, el Gobierno de la Ciudad participó en las reuniones de consulta convocadas en la sede de la "
            "ONU en Nueva York.",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": GLOBAL_TABLE_WORKSHOP,
        "name_en": (
            "Workshop “A Seat at the Global Table: local governments as leading actors in the global "
            "governance system”"
        ),
        "role": Role.PARTICIPANT,
        "start_on": day(2017, 7, 24),
        "end_on": day(2017, 7, 25),
        "city": "Montevideo",
        "country": "UY",
        "organisers": ["montevideo"],
        "participants": "Discurso de Daniel Martínez, intendente de Montevideo, para el taller (nota 18).",
        "description": (
            "No lo da el libro: el papel de la Ciudad en el taller; se anota «participante». El libro cita (nota "
            "18, en cap. I §1) el discurso del intendente de Montevideo para el taller, que lleva el nombre del "
            "proceso «Un lugar en la mesa global», impulsado desde 2016 por la Ciudad de México con la Intendencia "
            "de Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal (cap. I §4.8)."
        ),
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "source_citation": cite("cap. I §1, §4.8, nota 18"),
        "source_excerpt": excerpt(
            "Desde 2016, “Un lugar en la mesa global” ha sido impulsado por la Ciudad de México, la Intendencia de "
            "Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal, en el marco de AL-LAs",
            "Discurso de Daniel Martínez, intendente de Montevideo, para el taller \"Un lugar en la mesa global: "
            "los gobiernos locales como actores protagónicos del sistema de gobernanza mundial\", Montevideo, "
            "Uruguay, 24 y 25 de julio de 2017.",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Reunión de Alto Nivel sobre Cambio Climático de la ONU, 72 Asamblea General",
        "name_en": "UN High-Level Meeting on Climate Change, 72nd General Assembly",
        "role": Role.PARTICIPANT,
        "start_on": month(2017, 9),
        "city": "Nueva York",
        "country": "US",
        "organisers": ["onu"],
        "participants": "El Jefe de Gobierno, invitado por el Secretario General de las Naciones Unidas.",
        "description": (
            "El libro la llama «Reunión de Alto Nivel sobre Cambio Climático de la Organización de las Naciones "
            "Unidas (ONU)», celebrada «en el marco de la 72 Asamblea General de la ONU»."
        ),
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "En septiembre del 2017, como reconocimiento al trabajo de la Ciudad de México en la implementación "
            "de acciones para mitigar los efectos del cambio climático y sumar esfuerzos para el cumplimiento "
            "del Acuerdo de París, el Jefe de Gobierno fue invitado por el Secretario General de las Naciones "
            "Unidas, el Sr. Antonio Guterres, a participar en la Reunión de Alto Nivel sobre Cambio Climático "
            "de la Organización de las Naciones Unidas (ONU) en Nueva York, en el marco de la 72 Asamblea "
            "General de la ONU."
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Diálogo de Talanoa",
        "name_en": "Talanoa Dialogue",
        "role": Role.PARTICIPANT,
        "start_on": UNDATED,
        "city": "Bonn",
        "country": "DE",
        "organisers": ["paris", "c40"],
        "participants": (
            "Los gobiernos de la Ciudad de México y París, como representantes de las ciudades de la red C40."
        ),
        "description": (
            "En el marco de la Conferencia Anual de Bonn. El libro dice «el 6 de mayo» sin dar el año, por lo "
            "que la fecha queda sin anotar. París y la red C40 figuran como aliados: la Ciudad participó con el "
            "gobierno de París, ambos como representantes de las ciudades de C40."
        ),
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "Los gobiernos de la Ciudad de México y París participaron el 6 de mayo como representantes de las "
            "ciudades de la red C40 en el Diálogo de Talanoa, mismo que se llevó a cabo en el marco de la "
            "Conferencia Anual de Bonn, Alemania"
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": (
            "Reunión consultiva del Programa de Acción Global de Educación para el Desarrollo Sostenible de la UNESCO"
        ),
        "name_en": (
            "Consultative meeting of UNESCO’s Global Action Programme on Education for Sustainable "
            "Development"
        ),
        "role": Role.PARTICIPANT,
        "start_on": month(2018, 7),
        "city": "Bangkok",
        "country": "TH",
        "organisers": ["unesco"],
        "themes": ["educacion", "desarrollo-sostenible"],
        "frameworks": [AGENDA_2030],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "como miembro del Programa de Acción Global de Educación para el Desarrollo Sostenible de la "
            "UNESCO, la ciudad participó en la reunión consultiva de julio del 2018, con el fin de desarrollar una "
            "ampliación del Programa que finalizará en 2019 e iniciar una nueva etapa en la cual pueda acoplarse a "
            "la Agenda 2030 y sus Objetivos de Desarrollo Sostenible realizada en la ciudad de Bangkok, Tailandia."
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "2017 MX LA: mes de la Ciudad de México en Los Ángeles",
        "name_en": "2017 MX LA: Mexico City month in Los Angeles",
        "role": Role.ORGANISER,
        "start_on": month(2017, 9),
        "city": "Los Ángeles",
        "country": "US",
        "organisers": ["consulado-general-mexico-los-angeles"],
        "description": (
            "El Consulado General de México en Los Ángeles designó septiembre de 2017 «mes de la Ciudad de "
            "México en Los Ángeles» y otorgó a la Ciudad el espacio para coordinar una serie de eventos durante "
            "todo el mes."
        ),
        "themes": ["cultura"],
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": excerpt(
            "La Ciudad de México en el “2017 MX LA”",
            "El Consulado General de México en Los Ángeles designó a septiembre 2017 como “mes de la Ciudad de "
            "México en Los Ángeles”. Un espacio otorgado a la Ciudad de México para la coordinación de una serie "
            "de eventos que se realizaron en el marco del festejo de ese año. El programa de actividades y "
            "proyectos se llevó a cabo durante todo el mes de septiembre de 2017",
        ),
    },
]
