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

# (slug, name, acronym, kind)
BODIES = [
    # cap. I §3.3
    ("jefatura-de-gobierno", "Jefatura de Gobierno de la Ciudad de México", "", Kind.HEAD_OF_GOVERNMENT),
    ("cgai", "Coordinación General de Asuntos Internacionales", "CGAI", Kind.COORDINATION),
    ("cgma", "Coordinación General de Modernización Administrativa", "CGMA", Kind.COORDINATION),
    ("eap", "Escuela de Administración Pública", "EAP", Kind.ENTITY),
    ("secretaria-de-cultura", "Secretaría de Cultura", "", Kind.SECRETARIAT),
    ("sedu", "Secretaría de Educación", "SEDU", Kind.SECRETARIAT),
    ("sedeco", "Secretaría de Desarrollo Económico", "SEDECO", Kind.SECRETARIAT),
    # §3.3 writes SEDESOS, §4.12 SEDESOC and annex 3 SEDESO.
    ("sedeso", "Secretaría de Desarrollo Social", "SEDESO", Kind.SECRETARIAT),
    ("sederec", "Secretaría de Desarrollo Rural y Equidad para las Comunidades", "SEDEREC", Kind.SECRETARIAT),
    ("seduvi", "Secretaría de Desarrollo Urbano y Vivienda", "SEDUVI", Kind.SECRETARIAT),
    ("sedema", "Secretaría del Medio Ambiente", "SEDEMA", Kind.SECRETARIAT),
    ("semovi", "Secretaría de Movilidad", "SEMOVI", Kind.SECRETARIAT),
    ("sedesa", "Secretaría de Salud", "SEDESA", Kind.SECRETARIAT),
    ("sectur", "Secretaría de Turismo", "SECTUR", Kind.SECRETARIAT),
    ("aep", "Autoridad del Espacio Público", "AEP", Kind.DECENTRALISED),
    ("autoridad-del-centro-historico", "Autoridad del Centro Histórico", "", Kind.OTHER),
    ("fideicomiso-del-centro-historico", "Fideicomiso del Centro Histórico", "", Kind.ENTITY),
    ("inmujeres", "Instituto de las Mujeres", "Inmujeres", Kind.ENTITY),
    ("cejur", "Consejería Jurídica y de Servicios Legales", "CEJUR", Kind.OTHER),
    ("copred", "Consejo para Prevenir y Eliminar la Discriminación", "COPRED", Kind.ENTITY),
    # annex 2 ("Dependencia")
    ("cgcdmx", "Contraloría General de la Ciudad de México", "CGCDMX", Kind.OTHER),
    (
        "autoridad-zona-patrimonio",
        "Coordinación General de la Autoridad de la Zona de Patrimonio",
        "",
        Kind.COORDINATION,
    ),
    ("injuve", "Instituto de la Juventud", "Injuve", Kind.ENTITY),
    ("dif", "Sistema para el Desarrollo Integral de la Familia del Distrito Federal", "DIF", Kind.ENTITY),
    ("styfe", "Secretaría del Trabajo y Fomento al Empleo", "STyFE", Kind.SECRETARIAT),
    # A federal body, named so in annex 2's row with ONU-Hábitat.
    ("sedatu", "Secretaría de Desarrollo Agrario, Territorial y Urbano", "", Kind.FEDERAL),
    ("sefin", "Secretaría de Finanzas", "SEFIN", Kind.SECRETARIAT),
    ("ssp", "Secretaría de Seguridad Pública", "SSP", Kind.SECRETARIAT),
    # annex 3 and cap. I §4.2, §4.12
    ("seciti", "Secretaría de Ciencia, Tecnología e Innovación", "SECITI", Kind.SECRETARIAT),
    ("fmpt", "Fondo Mixto de Promoción Turística", "FMPT", Kind.ENTITY),
    ("laboratorio-para-la-ciudad", "Laboratorio para la Ciudad", "LABCDMX", Kind.OTHER),
    (
        "fideicomiso-central-de-abasto",
        "Fideicomiso Central de Abasto de la Ciudad de México",
        "",
        Kind.ENTITY,
    ),
    ("sacmex", "Sistema de Aguas de la Ciudad de México", "SACMEX", Kind.DECENTRALISED),
    ("procdmx", "Agencia de Promoción, Inversión y Desarrollo para la Ciudad de México", "PROCDMX", Kind.ENTITY),
    # acknowledgements ("Agradecimientos")
    ("secretaria-de-gobierno", "Secretaría de Gobierno", "", Kind.SECRETARIAT),
    ("secretaria-de-obras-y-servicios", "Secretaría de Obras y Servicios", "", Kind.SECRETARIAT),
    ("secretaria-de-proteccion-civil", "Secretaría de Protección Civil", "", Kind.SECRETARIAT),
    ("agencia-de-gestion-urbana", "Agencia de Gestión Urbana", "", Kind.DECENTRALISED),
    (
        "c5",
        "Centro de Comando, Control, Cómputo, Comunicaciones y Contacto Ciudadano de la Ciudad de México",
        "C5",
        Kind.DECENTRALISED,
    ),
    ("comision-para-la-reforma-politica", "Comisión para la Reforma Política", "", Kind.OTHER),
    ("comunicacion-social", "Coordinación General de Comunicación Social", "", Kind.COORDINATION),
    ("instituto-del-deporte", "Instituto del Deporte", "", Kind.ENTITY),
    ("metrobus", "Metrobús", "", Kind.ENTITY),
    ("oficialia-mayor", "Oficialía Mayor", "", Kind.OTHER),
    ("procuraduria-general-de-justicia", "Procuraduría General de Justicia", "", Kind.OTHER),
    ("sistema-de-transporte-colectivo", "Sistema de Transporte Colectivo", "", Kind.ENTITY),
]

# (slug, name). Each is named by the book; compound labels ("Desarrollo urbano y
# movilidad", "Medio ambiente y cambio climático", "Paz y democracia") are split.
THEMES = [
    ("desarrollo-economico", "Desarrollo económico"),  # cap. I §4.1, §4.4
    ("medio-ambiente", "Medio ambiente"),  # cap. I §4.1, §4.4
    ("cambio-climatico", "Cambio climático"),  # cap. I §4.4, §4.6
    ("turismo", "Turismo"),  # cap. I §4.1
    ("cultura", "Cultura"),  # cap. I §4.1; cap. III (Madrid)
    ("educacion", "Educación"),  # cap. I §4.1, §4.6
    ("desarrollo-urbano", "Desarrollo urbano"),  # cap. I §4.1, §4.4
    ("movilidad", "Movilidad"),  # cap. I §4.1, §4.4
    ("desarrollo-social", "Desarrollo social"),  # cap. I §4.1, §4.2 (Montevideo)
    ("salud", "Salud"),  # cap. I §4.1, §4.4
    ("derechos-humanos", "Derechos humanos"),  # cap. I §4.1 ("derechos humanos e inclusión")
    ("igualdad-de-genero", "Igualdad de género"),  # annex 2 (ONU Mujeres)
    ("gobernanza", "Gobernanza"),  # annex 2 (OCDE); cap. I §4.2 (Montevideo)
    ("seguridad", "Seguridad"),  # cap. I §2; annex 2 (CICR)
    ("innovacion", "Innovación"),  # cap. I §4.6; cap. III (Madrid)
    ("desarrollo-sostenible", "Desarrollo sostenible"),  # cap. I §4.6; cap. III (Madrid)
    ("inclusion-social", "Inclusión social"),  # cap. I §4.6
    ("paz", "Paz"),  # cap. I §4.6 ("Paz y democracia")
    ("democracia", "Democracia"),  # cap. I §4.6 ("Paz y democracia")
    ("internacionalizacion-de-ciudades", "Internacionalización de ciudades"),  # cap. I §4.6
    ("resiliencia", "Resiliencia"),  # cap. I §3.5
    ("migracion", "Migración"),  # cap. I §1; annex 2 (ACNUR, OIM)
    ("patrimonio-cultural", "Patrimonio cultural"),  # cap. I §3.6; annex 2 (UNESCO)
    ("ciencia-y-tecnologia", "Ciencia y tecnología"),  # cap. I §3.2; annex 2 (CEPAL)
    ("desarrollo-rural", "Desarrollo rural"),  # annex 2 (FAO)
    ("trabajo-y-empleo", "Trabajo y empleo"),  # cap. I §4.12; annex 2 (ACNUR-STyFE)
    ("vivienda", "Vivienda"),  # annex 2 (ONU-Hábitat)
    ("agua", "Agua"),  # cap. I §4.2 (Nagoya: "Gestión Urbana y Agua Potable")
    ("biodiversidad", "Biodiversidad"),  # cap. I §4.2 (Nagoya: "Protección a la biodiversidad")
]

# The official Spanish names of the 17 Objetivos de Desarrollo Sostenible.
SDGS = [
    (1, "Fin de la pobreza"),
    (2, "Hambre cero"),
    (3, "Salud y bienestar"),
    (4, "Educación de calidad"),
    (5, "Igualdad de género"),
    (6, "Agua limpia y saneamiento"),
    (7, "Energía asequible y no contaminante"),
    (8, "Trabajo decente y crecimiento económico"),
    (9, "Industria, innovación e infraestructura"),
    (10, "Reducción de las desigualdades"),
    (11, "Ciudades y comunidades sostenibles"),
    (12, "Producción y consumo responsables"),
    (13, "Acción por el clima"),
    (14, "Vida submarina"),
    (15, "Vida de ecosistemas terrestres"),
    (16, "Paz, justicia e instituciones sólidas"),
    (17, "Alianzas para lograr los objetivos"),
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
        "adopted_year": 2015,
        "description": (
            "El gran compromiso colectivo a nivel mundial; incluye 17 Objetivos de Desarrollo Sostenible, "
            "entre ellos conseguir que las ciudades y los asentamientos humanos sean inclusivos, seguros, "
            "resilientes y sostenibles (ODS 11). Adoptada en 2015 por la mayor parte de los países del mundo "
            "(cap. III, Carrera)."
        ),
        "source_citation": cite("cap. I §1, §3.5; cap. III, Carrera"),
    },
    {
        "code": PARIS_AGREEMENT,
        "name": "Acuerdo de París",
        "adopted_year": None,
        "description": (
            "El acuerdo en el que la Ciudad busca incidir y en cuyo cumplimiento participa activamente "
            "(cap. I §4.7). El libro no da su año ni su lugar de adopción."
        ),
        "source_citation": cite("cap. I §4.7"),
    },
    {
        "code": SENDAI_FRAMEWORK,
        "name": "Marco de Sendai para la Reducción de Riesgos de Desastres",
        "adopted_year": None,
        "description": (
            "Establece los principios de la agenda internacional de resiliencia. El libro no da su año de adopción."
        ),
        "source_citation": cite("cap. I §3.5"),
    },
    {
        "code": NEW_URBAN_AGENDA,
        "name": "Nueva Agenda Urbana",
        "adopted_year": 2016,
        "description": (
            "Aprobada en 2016 como producto de la 3ra Conferencia de las Naciones Unidas sobre la "
            "Vivienda y el Desarrollo Urbano Sostenible (Hábitat III)."
        ),
        "source_citation": cite("cap. I §1, §4.7"),
    },
]
