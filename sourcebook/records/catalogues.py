"""Catalogues: government bodies, themes, the 17 ODS and the UN frameworks.

Bodies come from the book's lists and tables: the bodies that take part in the
international action (cap. I §3.3), the "Dependencia" column of annex 2, the
bodies annex 3 and §4.12 name, and the acknowledgements ("Agradecimientos").
Names are the book's; where it spells one body several ways (SEDESOS, SEDESOC,
SEDESO), one name is kept. ``kind`` is the body's legal form in 2018, which the
book does not state; "other" where none of the listed forms fits.
"""

from cdmx_global.models import GovernmentBody

from . import cite

Kind = GovernmentBody.Kind

# (slug, name, name in English, acronym, kind). The English names are plain translations (the
# project's, unofficial); the acronyms stay the Spanish ones the bodies use.
BODIES = [
    # cap. I §3.3
    (
        "jefatura-de-gobierno",
        "Jefatura de Gobierno de la Ciudad de México",
        "Office of the Head of Government of Mexico City",
        "",
        Kind.HEAD_OF_GOVERNMENT,
    ),
    (
        "cgai",
        "Coordinación General de Asuntos Internacionales",
        "General Coordination of International Affairs",
        "CGAI",
        Kind.COORDINATION,
    ),
    (
        "cgma",
        "Coordinación General de Modernización Administrativa",
        "General Coordination of Administrative Modernisation",
        "CGMA",
        Kind.COORDINATION,
    ),
    ("eap", "Escuela de Administración Pública", "School of Public Administration", "EAP", Kind.ENTITY),
    ("secretaria-de-cultura", "Secretaría de Cultura", "Ministry of Culture", "", Kind.SECRETARIAT),
    ("sedu", "Secretaría de Educación", "Ministry of Education", "SEDU", Kind.SECRETARIAT),
    ("sedeco", "Secretaría de Desarrollo Económico", "Ministry of Economic Development", "SEDECO", Kind.SECRETARIAT),
    # §3.3 writes SEDESOS, §4.12 SEDESOC and annex 3 SEDESO.
    ("sedeso", "Secretaría de Desarrollo Social", "Ministry of Social Development", "SEDESO", Kind.SECRETARIAT),
    (
        "sederec",
        "Secretaría de Desarrollo Rural y Equidad para las Comunidades",
        "Ministry of Rural Development and Equity for Communities",
        "SEDEREC",
        Kind.SECRETARIAT,
    ),
    (
        "seduvi",
        "Secretaría de Desarrollo Urbano y Vivienda",
        "Ministry of Urban Development and Housing",
        "SEDUVI",
        Kind.SECRETARIAT,
    ),
    ("sedema", "Secretaría del Medio Ambiente", "Ministry of the Environment", "SEDEMA", Kind.SECRETARIAT),
    ("semovi", "Secretaría de Movilidad", "Ministry of Mobility", "SEMOVI", Kind.SECRETARIAT),
    ("sedesa", "Secretaría de Salud", "Ministry of Health", "SEDESA", Kind.SECRETARIAT),
    ("sectur", "Secretaría de Turismo", "Ministry of Tourism", "SECTUR", Kind.SECRETARIAT),
    ("aep", "Autoridad del Espacio Público", "Public Space Authority", "AEP", Kind.DECENTRALISED),
    ("autoridad-del-centro-historico", "Autoridad del Centro Histórico", "Historic Centre Authority", "", Kind.OTHER),
    (
        "fideicomiso-del-centro-historico",
        "Fideicomiso del Centro Histórico",
        "Historic Centre Trust",
        "",
        Kind.ENTITY,
    ),
    ("inmujeres", "Instituto de las Mujeres", "Women’s Institute", "Inmujeres", Kind.ENTITY),
    (
        "cejur",
        "Consejería Jurídica y de Servicios Legales",
        "Office of Legal Counsel and Legal Services",
        "CEJUR",
        Kind.OTHER,
    ),
    (
        "copred",
        "Consejo para Prevenir y Eliminar la Discriminación",
        "Council to Prevent and Eliminate Discrimination",
        "COPRED",
        Kind.ENTITY,
    ),
    # annex 2 ("Dependencia")
    (
        "cgcdmx",
        "Contraloría General de la Ciudad de México",
        "Office of the Comptroller General of Mexico City",
        "CGCDMX",
        Kind.OTHER,
    ),
    (
        "autoridad-zona-patrimonio",
        "Coordinación General de la Autoridad de la Zona de Patrimonio",
        "General Coordination of the Heritage Zone Authority",
        "",
        Kind.COORDINATION,
    ),
    ("injuve", "Instituto de la Juventud", "Youth Institute", "Injuve", Kind.ENTITY),
    (
        "dif",
        "Sistema para el Desarrollo Integral de la Familia del Distrito Federal",
        "System for the Integral Development of the Family of the Federal District",
        "DIF",
        Kind.ENTITY,
    ),
    (
        "styfe",
        "Secretaría del Trabajo y Fomento al Empleo",
        "Ministry of Labour and Employment Promotion",
        "STyFE",
        Kind.SECRETARIAT,
    ),
    # A federal body, named so in annex 2's row with ONU-Hábitat.
    (
        "sedatu",
        "Secretaría de Desarrollo Agrario, Territorial y Urbano",
        "Ministry of Agrarian, Territorial and Urban Development",
        "",
        Kind.FEDERAL,
    ),
    ("sefin", "Secretaría de Finanzas", "Ministry of Finance", "SEFIN", Kind.SECRETARIAT),
    ("ssp", "Secretaría de Seguridad Pública", "Ministry of Public Security", "SSP", Kind.SECRETARIAT),
    # annex 3 and cap. I §4.2, §4.12
    (
        "seciti",
        "Secretaría de Ciencia, Tecnología e Innovación",
        "Ministry of Science, Technology and Innovation",
        "SECITI",
        Kind.SECRETARIAT,
    ),
    ("fmpt", "Fondo Mixto de Promoción Turística", "Joint Fund for Tourism Promotion", "FMPT", Kind.ENTITY),
    ("laboratorio-para-la-ciudad", "Laboratorio para la Ciudad", "Laboratory for the City", "LABCDMX", Kind.OTHER),
    (
        "fideicomiso-central-de-abasto",
        "Fideicomiso Central de Abasto de la Ciudad de México",
        "Mexico City Central Wholesale Market Trust",
        "",
        Kind.ENTITY,
    ),
    ("sacmex", "Sistema de Aguas de la Ciudad de México", "Mexico City Water System", "SACMEX", Kind.DECENTRALISED),
    (
        "procdmx",
        "Agencia de Promoción, Inversión y Desarrollo para la Ciudad de México",
        "Agency for the Promotion, Investment and Development of Mexico City",
        "PROCDMX",
        Kind.ENTITY,
    ),
    # acknowledgements ("Agradecimientos")
    ("secretaria-de-gobierno", "Secretaría de Gobierno", "Ministry of Government", "", Kind.SECRETARIAT),
    (
        "secretaria-de-obras-y-servicios",
        "Secretaría de Obras y Servicios",
        "Ministry of Works and Services",
        "",
        Kind.SECRETARIAT,
    ),
    (
        "secretaria-de-proteccion-civil",
        "Secretaría de Protección Civil",
        "Ministry of Civil Protection",
        "",
        Kind.SECRETARIAT,
    ),
    ("agencia-de-gestion-urbana", "Agencia de Gestión Urbana", "Urban Management Agency", "", Kind.DECENTRALISED),
    (
        "c5",
        "Centro de Comando, Control, Cómputo, Comunicaciones y Contacto Ciudadano de la Ciudad de México",
        "Mexico City Command, Control, Computing, Communications and Citizen Contact Centre",
        "C5",
        Kind.DECENTRALISED,
    ),
    (
        "comision-para-la-reforma-politica",
        "Comisión para la Reforma Política",
        "Commission for Political Reform",
        "",
        Kind.OTHER,
    ),
    (
        "comunicacion-social",
        "Coordinación General de Comunicación Social",
        "General Coordination of Public Communication",
        "",
        Kind.COORDINATION,
    ),
    ("instituto-del-deporte", "Instituto del Deporte", "Sports Institute", "", Kind.ENTITY),
    ("metrobus", "Metrobús", "Metrobús", "", Kind.ENTITY),
    ("oficialia-mayor", "Oficialía Mayor", "Chief Administrative Office", "", Kind.OTHER),
    (
        "procuraduria-general-de-justicia",
        "Procuraduría General de Justicia",
        "Office of the Attorney General",
        "",
        Kind.OTHER,
    ),
    (
        "sistema-de-transporte-colectivo",
        "Sistema de Transporte Colectivo",
        "Collective Transport System",
        "",
        Kind.ENTITY,
    ),
]

# (slug, name, name in English). Each is named by the book; compound labels ("Desarrollo urbano y
# movilidad", "Medio ambiente y cambio climático", "Paz y democracia") are split.
THEMES = [
    ("desarrollo-economico", "Desarrollo económico", "Economic development"),  # cap. I §4.1, §4.4
    ("medio-ambiente", "Medio ambiente", "Environment"),  # cap. I §4.1, §4.4
    ("cambio-climatico", "Cambio climático", "Climate change"),  # cap. I §4.4, §4.6
    ("turismo", "Turismo", "Tourism"),  # cap. I §4.1
    ("cultura", "Cultura", "Culture"),  # cap. I §4.1; cap. III (Madrid)
    ("educacion", "Educación", "Education"),  # cap. I §4.1, §4.6
    ("desarrollo-urbano", "Desarrollo urbano", "Urban development"),  # cap. I §4.1, §4.4
    ("movilidad", "Movilidad", "Mobility"),  # cap. I §4.1, §4.4
    ("desarrollo-social", "Desarrollo social", "Social development"),  # cap. I §4.1, §4.2 (Montevideo)
    ("salud", "Salud", "Health"),  # cap. I §4.1, §4.4
    ("derechos-humanos", "Derechos humanos", "Human rights"),  # cap. I §4.1 ("derechos humanos e inclusión")
    ("igualdad-de-genero", "Igualdad de género", "Gender equality"),  # annex 2 (ONU Mujeres)
    ("gobernanza", "Gobernanza", "Governance"),  # annex 2 (OCDE); cap. I §4.2 (Montevideo)
    ("seguridad", "Seguridad", "Security"),  # cap. I §2; annex 2 (CICR)
    ("innovacion", "Innovación", "Innovation"),  # cap. I §4.6; cap. III (Madrid)
    ("desarrollo-sostenible", "Desarrollo sostenible", "Sustainable development"),  # cap. I §4.6; cap. III (Madrid)
    ("inclusion-social", "Inclusión social", "Social inclusion"),  # cap. I §4.6
    ("paz", "Paz", "Peace"),  # cap. I §4.6 ("Paz y democracia")
    ("democracia", "Democracia", "Democracy"),  # cap. I §4.6 ("Paz y democracia")
    # cap. I §4.6
    ("internacionalizacion-de-ciudades", "Internacionalización de ciudades", "Internationalisation of cities"),
    ("resiliencia", "Resiliencia", "Resilience"),  # cap. I §3.5
    ("migracion", "Migración", "Migration"),  # cap. I §1; annex 2 (ACNUR, OIM)
    ("patrimonio-cultural", "Patrimonio cultural", "Cultural heritage"),  # cap. I §3.6; annex 2 (UNESCO)
    ("ciencia-y-tecnologia", "Ciencia y tecnología", "Science and technology"),  # cap. I §3.2; annex 2 (CEPAL)
    ("desarrollo-rural", "Desarrollo rural", "Rural development"),  # annex 2 (FAO)
    ("trabajo-y-empleo", "Trabajo y empleo", "Work and employment"),  # cap. I §4.12; annex 2 (ACNUR-STyFE)
    ("vivienda", "Vivienda", "Housing"),  # annex 2 (ONU-Hábitat)
    ("agua", "Agua", "Water"),  # cap. I §4.2 (Nagoya: "Gestión Urbana y Agua Potable")
    ("biodiversidad", "Biodiversidad", "Biodiversity"),  # cap. I §4.2 (Nagoya: "Protección a la biodiversidad")
]

# The official Spanish names of the 17 Objetivos de Desarrollo Sostenible and the United Nations'
# official English names of the Sustainable Development Goals, in its capitalisation.
SDGS = [
    (1, "Fin de la pobreza", "No Poverty"),
    (2, "Hambre cero", "Zero Hunger"),
    (3, "Salud y bienestar", "Good Health and Well-being"),
    (4, "Educación de calidad", "Quality Education"),
    (5, "Igualdad de género", "Gender Equality"),
    (6, "Agua limpia y saneamiento", "Clean Water and Sanitation"),
    (7, "Energía asequible y no contaminante", "Affordable and Clean Energy"),
    (8, "Trabajo decente y crecimiento económico", "Decent Work and Economic Growth"),
    (9, "Industria, innovación e infraestructura", "Industry, Innovation and Infrastructure"),
    (10, "Reducción de las desigualdades", "Reduced Inequalities"),
    (11, "Ciudades y comunidades sostenibles", "Sustainable Cities and Communities"),
    (12, "Producción y consumo responsables", "Responsible Consumption and Production"),
    (13, "Acción por el clima", "Climate Action"),
    (14, "Vida submarina", "Life Below Water"),
    (15, "Vida de ecosistemas terrestres", "Life on Land"),
    (16, "Paz, justicia e instituciones sólidas", "Peace, Justice and Strong Institutions"),
    (17, "Alianzas para lograr los objetivos", "Partnerships for the Goals"),
]

AGENDA_2030 = "agenda-2030"
PARIS_AGREEMENT = "acuerdo-de-paris"
SENDAI_FRAMEWORK = "marco-de-sendai"
NEW_URBAN_AGENDA = "nueva-agenda-urbana"

# Names as the book writes them. ``adopted_year`` only where the book gives it
# (Agenda 2030: «adoptada en 2015», cap. III, Carrera; Nueva Agenda Urbana:
# «aprobada en 2016», cap. I §1); the book gives none for the Paris Agreement
# or the Sendai Framework, and the project does not need one.
FRAMEWORKS = [
    {
        "code": AGENDA_2030,
        "name": "Agenda 2030 para el Desarrollo Sostenible",
        "name_en": "2030 Agenda for Sustainable Development",
        "adopted_year": 2015,
        "description": (
            "El gran compromiso colectivo a nivel mundial; incluye 17 Objetivos de Desarrollo Sostenible, "
            "entre ellos conseguir que las ciudades y los asentamientos humanos sean inclusivos, seguros, "
            "resilientes y sostenibles (ODS 11). Adoptada en 2015 por la mayor parte de los países del mundo "
            "(cap. III, Carrera)."
        ),
        "description_en": (
            "The great collective commitment at world level; it includes 17 Sustainable Development Goals, among "
            "them making cities and human settlements inclusive, safe, resilient and sustainable (SDG 11). Adopted "
            "in 2015 by most of the world's countries (cap. III, Carrera)."
        ),
        "source_citation": cite("cap. I §1, §3.5; cap. III, Carrera"),
    },
    {
        "code": PARIS_AGREEMENT,
        "name": "Acuerdo de París",
        "name_en": "Paris Agreement",
        "adopted_year": None,
        "description": (
            "El acuerdo en el que la Ciudad busca incidir y en cuyo cumplimiento participa activamente "
            "(cap. I §4.7). El libro no da su año ni su lugar de adopción."
        ),
        "description_en": (
            "The agreement the City seeks to influence and in whose fulfilment it takes an active part "
            "(cap. I §4.7). The book gives neither the year nor the place of its adoption."
        ),
        "source_citation": cite("cap. I §4.7"),
    },
    {
        "code": SENDAI_FRAMEWORK,
        "name": "Marco de Sendai para la Reducción de Riesgos de Desastres",
        # The United Nations' English name, without the years (2015–2030) the book's Spanish name leaves out.
        "name_en": "Sendai Framework for Disaster Risk Reduction",
        "adopted_year": None,
        "description": (
            "Establece los principios de la agenda internacional de resiliencia. El libro no da su año de adopción."
        ),
        "description_en": (
            "It sets out the principles of the international resilience agenda. The book does not give the year of "
            "its adoption."
        ),
        "source_citation": cite("cap. I §3.5"),
    },
    {
        "code": NEW_URBAN_AGENDA,
        "name": "Nueva Agenda Urbana",
        "name_en": "New Urban Agenda",
        "adopted_year": 2016,
        "description": (
            "Aprobada en 2016 como producto de la 3ra Conferencia de las Naciones Unidas sobre la "
            "Vivienda y el Desarrollo Urbano Sostenible (Hábitat III)."
        ),
        "description_en": (
            "Approved in 2016 as the outcome of the 3rd United Nations Conference on Housing and Sustainable Urban "
            "Development (Habitat III)."
        ),
        "source_citation": cite("cap. I §1, §4.7"),
    },
]
