"""International events the city hosted or took part in abroad
(cap. I §2, §4.4, §4.6, §4.7, §4.9, §4.11, §4.12; cap. II §2).

Events are keyed on their name; the names below are what other modules use to
point at them (an agreement signed at an event, a visit made during one).
A parent (``parent``) comes before its children.
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

HOSTED = {"mode": Mode.HOSTED, "city": "Ciudad de México", "country": "MX"}

FICA_EXCERPT = (
    "En la novena y décima ediciones de la Feria se estableció una alianza estratégica con la Oficina de la "
    "UNESCO en México para organizar dos foros internacionales: “Ciudad de México: Lugar donde las culturas "
    "dialogan”, en 2017; y “Ciudad de México y la condición de las y los creadores”, en 2018."
)
HOSTED_2014_2016 = cite("cap. I §4.9")
CONSTITUTION_DIALOGUES = cite("cap. II §2")

EVENTS = [
    # Hosted in Mexico City
    {
        **HOSTED,
        "name": C_CLIMA,
        "role": Role.ORGANISER,
        "start_on": day(2010, 11, 21),
        "organisers": ["cglu", "iclei"],
        "outcome": "Al final del evento, 152 alcaldes firmaron el Pacto de la Ciudad de México.",
        "themes": ["cambio-climatico", "medio-ambiente"],
        "source_citation": cite("cap. I §2"),
        "source_excerpt": (
            "El 21 de noviembre de 2010, el Gobierno de la Ciudad de México convocó a la Cumbre Mundial de "
            "Alcaldes sobre el Clima (C-Clima), en colaboración con CGLU y el Consejo Internacional para las "
            "Iniciativas Ambientales Locales (ICLEI, por sus siglas en inglés)."
        ),
    },
    {
        **HOSTED,
        "name": CGLU_SUMMIT_2010,
        "role": Role.HOST,
        "start_on": day(2010, 11, 17),
        "end_on": day(2010, 11, 20),
        "organisers": ["cglu"],
        "participants": "Más de 2 900 autoridades locales y regionales, redes y organismos internacionales.",
        "participants_count": 2900,
        "outcome": "Concluyó con la declaratoria de la Cumbre: el «Manifiesto para la Ciudad 2030».",
        "description": "El libro dice «más de 2 900» participantes; se anota 2 900.",
        "source_citation": cite("cap. I §2"),
        "source_excerpt": (
            "La Ciudad de México fue sede de la Cumbre Mundial de Ciudades y Gobiernos Locales Unidos, que se "
            "celebró del 17 al 20 de noviembre de 2010, y contó con la participación de más de 2 900 "
            "autoridades locales y regionales, redes y organismos internacionales."
        ),
    },
    {
        **HOSTED,
        "name": FICA_2009,
        "role": Role.ORGANISER,
        "start_on": year(2009),
        "themes": ["cultura"],
        "description": (
            "Respuesta de agradecimiento y solidaridad a las representaciones diplomáticas asentadas en la "
            "ciudad, después de la crisis de influenza AH1N1; proyecto de diplomacia cultural de la CGAI."
        ),
        "source_citation": cite("cap. I §2, §4.12"),
        "source_excerpt": (
            "En 2009 se llevó a cabo la primera edición de la Feria de las Culturas Amigas como una respuesta "
            "de agradecimiento y solidaridad a representaciones diplomáticas asentadas en la ciudad, después "
            "de la crisis de influenza AH1N1."
        ),
    },
    {
        **HOSTED,
        "name": FICA_2017,
        "role": Role.ORGANISER,
        "start_on": year(2017),
        "themes": ["cultura"],
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": FICA_EXCERPT,
    },
    {
        **HOSTED,
        "name": FICA_2018,
        "role": Role.ORGANISER,
        "start_on": year(2018),
        "themes": ["cultura"],
        "description": (
            "En su marco, entre el 27 y el 29 de abril de 2018, se realizó un primer ejercicio exploratorio "
            "con los asistentes sobre la Ciudad de México como ciudad global (anexo 1); el libro no da las "
            "fechas de la Feria."
        ),
        "source_citation": cite("cap. I §3.4, §4.12"),
        "source_excerpt": excerpt(
            "entre el 27 y el 29 de abril de 2018, en el marco de la X Edición de la Feria de las Culturas "
            "Amigas (FICA), se realizó un primer ejercicio exploratorio con los asistentes.",
            FICA_EXCERPT,
        ),
    },
    {
        **HOSTED,
        "name": "Foro internacional “Ciudad de México: Lugar donde las culturas dialogan”",
        "role": Role.CO_ORGANISER,
        "start_on": year(2017),
        "parent": FICA_2017,
        "organisers": ["unesco"],
        "themes": ["cultura"],
        "description": "Los dos foros con la UNESCO reunieron un total de 80 ponentes nacionales e internacionales.",
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": FICA_EXCERPT,
    },
    {
        **HOSTED,
        "name": "Foro internacional “Ciudad de México y la condición de las y los creadores”",
        "role": Role.CO_ORGANISER,
        "start_on": year(2018),
        "parent": FICA_2018,
        "organisers": ["unesco"],
        "themes": ["cultura"],
        "description": "Los dos foros con la UNESCO reunieron un total de 80 ponentes nacionales e internacionales.",
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": FICA_EXCERPT,
    },
    {
        **HOSTED,
        "name": "IX Foro Iberoamericano de Gobiernos Locales",
        "role": Role.HOST,
        "start_on": year(2014),
        "source_citation": cite("cap. I §4.6, §4.9"),
        "source_excerpt": (
            "la IX y X edición del Foro Iberoamericano de Gobiernos Locales en 2014 y 2016"
        ),
    },
    {
        **HOSTED,
        "name": "X Foro Iberoamericano de Gobiernos Locales",
        "role": Role.HOST,
        "start_on": year(2016),
        "source_citation": cite("cap. I §4.6"),
        "source_excerpt": (
            "la IX y X edición del Foro Iberoamericano de Gobiernos Locales en 2014 y 2016"
        ),
    },
    {
        **HOSTED,
        "name": (
            "Reunión de alcaldes y vicealcaldes en el marco de la 2ª Conferencia Internacional de Ciudades "
            "del Aprendizaje"
        ),
        "role": Role.HOST,
        "start_on": year(2015),
        "themes": ["educacion"],
        "source_citation": HOSTED_2014_2016,
        "source_excerpt": (
            "Reunión de alcaldes y vicealcaldes en el marco de la 2ª Conferencia Internacional de Ciudades "
            "del Aprendizaje"
        ),
    },
    {
        **HOSTED,
        "name": "Sexta mesa redonda de alcaldes y ministros de la OCDE",
        "role": Role.HOST,
        "start_on": year(2016),
        "organisers": ["ocde"],
        "source_citation": HOSTED_2014_2016,
        "source_excerpt": "Sexta mesa redonda de alcaldes y ministros de la OCDE",
    },
    {
        **HOSTED,
        "name": FINANCING_URBAN_DEVELOPMENT,
        "role": Role.ORGANISER,
        "start_on": month(2016, 3),
        "organisers": ["fmdv"],
        "participants": "Más de 700 expertos en materia de financiamiento.",
        "participants_count": 700,
        "outcome": "La Declaración de la Ciudad de México, documento clave como insumo de la Nueva Agenda Urbana.",
        "description": (
            "El libro también la llama «Conferencia temática» y «Conferencia Preparatoria rumbo a Hábitat III "
            "“Financiar el desarrollo urbano: el reto del milenio”», organizada con la Oficina Regional del "
            "FMDV (cap. I §4.6). Dice «más de 700» expertos; se anota 700."
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.7, §4.9"),
        "source_excerpt": (
            "En marzo de 2016, se organizó la Conferencia temática “Financiar el desarrollo urbano: el reto "
            "del milenio”, que reunió a más de 700 expertos en materia de financiamiento y generó un documento "
            "clave como insumo de la Nueva Agenda Urbana: la Declaración de la Ciudad de México."
        ),
    },
    {
        **HOSTED,
        "name": "Sexta Cumbre Bienal de Alcaldes de C40",
        "role": Role.HOST,
        "start_on": year(2016),
        "organisers": ["c40"],
        "themes": ["cambio-climatico"],
        "source_citation": cite("cap. I §4.6, §4.9"),
        "source_excerpt": "Sexta Cumbre Bienal de Alcaldes de C40",
    },
    {
        **HOSTED,
        "name": "Conferencia “Women for Climate” de C40",
        "role": Role.HOST,
        "organisers": ["c40"],
        "themes": ["cambio-climatico", "igualdad-de-genero"],
        "description": "El libro no da la fecha.",
        "source_citation": cite("cap. I §4.6"),
        "source_excerpt": "la Cumbre Bienal de Alcaldes y la Conferencia “Women for Climate” de C40",
    },
    {
        **HOSTED,
        "name": LATIN_AMERICAN_MAYORS_DIALOGUE,
        "role": Role.HOST,
        "start_on": month(2014, 11),
        "participants": (
            "Alcaldes e intendentes de Montevideo, Rosario, Concordia, Tegucigalpa, Porto Alegre (vicealcalde) "
            "y San Miguelito."
        ),
        "source_citation": cite("cap. I §4.11"),
        "source_excerpt": "Alcalde de San Miguelito, Panamá, en el marco del Diálogo de Alcaldes de América Latina.",
    },
    {
        **HOSTED,
        "name": WORLD_DESIGN_FORUM,
        "role": Role.HOST,
        "start_on": month(2018, 3),
        "participants": "Arquitectos y diseñadores recibidos como visitantes distinguidos.",
        "description": "Capital Mundial de Diseño CDMX 2018.",
        "source_citation": cite("cap. I §4.11"),
        "source_excerpt": (
            "en el marco del Foro Internacional de Diseño de World Design Capital Mexico City 2018 (Capital "
            "Mundial de Diseño CDMX 2018)."
        ),
    },
    {
        "mode": Mode.HOSTED,
        "name": (
            "Seminario “La Ciudad de México en el mundo: las relaciones internacionales en la nueva Constitución”"
        ),
        "role": Role.ORGANISER,
        "start_on": day(2016, 5, 23),
        "city": "Ciudad de México",
        "country": "MX",
        "participants": (
            "Más de 30 representantes de la sociedad civil, académicos e integrantes del consejo redactor de "
            "la Constitución de la Ciudad de México."
        ),
        "outcome": (
            "La CGAI presentó ante el equipo redactor una propuesta de puntos a incluir sobre el tema internacional."
        ),
        "description": "Realizado en el Senado de la República Mexicana.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": (
            "Seminario “La Ciudad de México en el mundo: las relaciones internacionales en la nueva "
            "Constitución”, realizado el 23 de mayo de 2016 en el Senado de la República Mexicana"
        ),
    },
    {
        "mode": Mode.HOSTED,
        "name": "Diálogo parlamentario sobre el papel de los gobiernos subnacionales como actores internacionales",
        "role": Role.ORGANISER,
        "start_on": day(2016, 7, 12),
        "city": "Ciudad de México",
        "country": "MX",
        "participants": (
            "Casi 200 asistentes: la Secretaría de Relaciones Exteriores, gobernadores, senadores y diputados "
            "de la República, representantes de diversas ciudades de América Latina y expertos en desarrollo local."
        ),
        "description": "Realizado en el Senado de la República Mexicana.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": (
            "“Diálogo parlamentario sobre el papel de los gobiernos subnacionales como actores "
            "internacionales”: realizado el 12 de julio de 2016 en el Senado de la República Mexicana."
        ),
    },
    {
        **HOSTED,
        "name": "Encuentro Internacional sobre la Constitución de la Ciudad de México",
        "role": Role.ORGANISER,
        "start_on": day(2017, 1, 11),
        "end_on": day(2017, 1, 12),
        "participants": "Más de 20 expertos internacionales.",
        "source_citation": CONSTITUTION_DIALOGUES,
        "source_excerpt": (
            "“Encuentro Internacional sobre la Constitución de la Ciudad de México”: realizado el 11 y 12 de "
            "enero de 2017. Reunió a más de 20 expertos internacionales"
        ),
    },
    # Taken part in abroad
    {
        "mode": Mode.ATTENDED,
        "name": "Cumbre del C40",
        "role": Role.PARTICIPANT,
        "start_on": year(2014),
        "city": "Johannesburgo",
        "country": "ZA",
        "organisers": ["c40"],
        "themes": ["cambio-climatico"],
        "source_citation": cite("cap. I §4.4"),
        "source_excerpt": "Cumbre del C40, Johannesburgo, Sudáfrica",
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Cumbre de Ciudades Líderes de Movilidad Sustentable",
        "role": Role.PARTICIPANT,
        "start_on": year(2014),
        "city": "Lima",
        "country": "PE",
        "themes": ["movilidad"],
        "source_citation": cite("cap. I §4.4"),
        "source_excerpt": "Cumbre de Ciudades Líderes de Movilidad Sustentable, Lima, Perú",
    },
    {
        "mode": Mode.ATTENDED,
        "name": COP21,
        "role": Role.PARTICIPANT,
        "start_on": month(2015, 12),
        "city": "París",
        "country": "FR",
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.4, §4.7"),
        "source_excerpt": excerpt(
            "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21), París, Francia (2015)",
            "En el marco de la Conferencia de las Naciones Unidas sobre Cambio Climático (COP21), realizada en "
            "París en diciembre del 2015",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": LOCAL_CLIMATE_ACTION_SUMMIT,
        "role": Role.PARTICIPANT,
        "start_on": month(2015, 12),
        "city": "París",
        "country": "FR",
        "parent": COP21,
        "participants": "El Jefe de Gobierno.",
        "outcome": "La «Declaración de París de Gobiernos Locales», firmada con 400 ciudades.",
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "el Jefe de Gobierno participó en la Cumbre Mundial sobre Acción Climática Local, en la cual se "
            "sumó a los esfuerzos y compromisos de 400 ciudades internacionales firmando la “Declaración de "
            "París de Gobiernos Locales”."
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": HABITAT_III,
        "role": Role.PARTICIPANT,
        "start_on": year(2016),
        "city": "Quito",
        "country": "EC",
        "participants": "Una delegación de la Ciudad de México, encabezada por el Jefe de Gobierno.",
        "outcome": "La Nueva Agenda Urbana; se presentó el Documento Político «Un lugar en la mesa global».",
        "themes": ["desarrollo-urbano", "vivienda"],
        "frameworks": [NEW_URBAN_AGENDA],
        "source_citation": cite("cap. I §4.4, §4.7"),
        "source_excerpt": excerpt(
            "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III, Quito, Ecuador",
            "durante la Conferencia Hábitat III participó una delegación de la Ciudad de México, encabezada "
            "por el Jefe de Gobierno",
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "Reunión de Alto Nivel sobre Cambio Climático de la ONU, 72 Asamblea General",
        "role": Role.PARTICIPANT,
        "start_on": month(2017, 9),
        "city": "Nueva York",
        "country": "US",
        "participants": "El Jefe de Gobierno, invitado por el Secretario General de las Naciones Unidas.",
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
        "role": Role.PARTICIPANT,
        "start_on": UNDATED,
        "city": "Bonn",
        "country": "DE",
        "participants": (
            "Los gobiernos de la Ciudad de México y París, como representantes de las ciudades de la red C40."
        ),
        "description": (
            "En el marco de la Conferencia Anual de Bonn. El libro dice «el 6 de mayo» sin dar el año, por lo "
            "que la fecha queda sin anotar."
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
            "UNESCO, la ciudad participó en la reunión consultiva de julio del 2018"
        ),
    },
    {
        "mode": Mode.ATTENDED,
        "name": "2017 MX LA: mes de la Ciudad de México en Los Ángeles",
        "role": Role.ORGANISER,
        "start_on": month(2017, 9),
        "end_on": month(2017, 9),
        "city": "Los Ángeles",
        "country": "US",
        "description": (
            "El Consulado General de México en Los Ángeles designó septiembre de 2017 «mes de la Ciudad de "
            "México en Los Ángeles»; la Ciudad coordinó una serie de eventos durante todo el mes."
        ),
        "themes": ["cultura"],
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": (
            "El Consulado General de México en Los Ángeles designó a septiembre 2017 como “mes de la Ciudad de "
            "México en Los Ángeles”."
        ),
    },
]
