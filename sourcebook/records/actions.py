"""Actions: projects and exchanges under the Nagoya, Montevideo and Paris
relations (cap. I §4.2), the EU-funded projects (§4.5), the technical missions
(§3.4), the Alas de la Ciudad de México (§4.10), the city's declaratorias
(cap. II §2), the "CDMX, tu lugar en el mundo" campaign (§3.6), the Diálogos
para una CDMX Global (cap. II §1), Casas México (§4.12) and the alignment with
the UN frameworks (§3.5).

Where the book gives only a count (the 19 missions), the action is one
aggregate record stating it; nothing is listed that the book does not list.
"""

from agreements.models import Action

from . import UNDATED, cite, day, excerpt, month, year
from .agreements import NAGOYA_1977, cce_code
from .catalogues import AGENDA_2030, SENDAI_FRAMEWORK

Kind = Action.Kind

EU_PROJECTS = (
    "En concreto, la ciudad ha sido beneficiaria de tres proyectos durante la presente administración:"
)
WINGS = (
    "Las Alas de México se exhiben de manera permanente en nuestra capital y, con el apoyo del Gobierno de la "
    "Ciudad de México se encuentran, además, en:"
)
DECLARATORIAS = (
    "En la presente administración, se han emitido tres Declaratorias: CDMX “Ciudad Amigable LGBTTTI” (23 de "
    "noviembre de 2015), CDMX “Ciudad Santuario” (7 de abril de 2017) y la Declaratoria de Emergencia (20 de "
    "septiembre de 2017) ante los perjuicios ocurridos por el sismo del 19 de septiembre de 2017."
)


def wings(slug: str, city: str, installed: int, line: str, *, description: str = "") -> dict:
    return {
        "title": f"Alas de la Ciudad de México en {city}",
        "kind": Kind.CULTURAL_DIPLOMACY,
        "start_on": year(installed),
        "place": city,
        "counterparts": [slug],
        "themes": ["cultura"],
        "description": (
            "Donación de las Alas de la Ciudad de México del artista Jorge Marín, un proyecto de diplomacia "
            "cultural." + (f" {description}" if description else "")
        ),
        "source_citation": cite("cap. I §4.10"),
        "source_excerpt": excerpt(WINGS, line),
    }


def declaratoria(title: str, issued, *, themes: list[str], description: str = "", text: str = DECLARATORIAS) -> dict:
    return {
        "title": title,
        "kind": Kind.DECLARATORIA,
        "start_on": issued,
        "themes": themes,
        "description": description,
        "source_citation": cite("cap. II §2"),
        "source_excerpt": text,
    }


ACTIONS = [
    # Under the Nagoya, Montevideo and Paris relations, cap. I §4.2
    {
        "title": "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "kind": Kind.PROJECT,
        "agreement": NAGOYA_1977,
        "start_on": year(2011),
        "end_on": year(2013),
        "counterparts": ["nagoya"],
        "themes": ["agua"],
        "results": (
            "Contribuyó a la capacitación de funcionarios de ambas ciudades para el mantenimiento eficiente de las "
            "plantas de aguas residuales y la sensibilización de los ciudadanos sobre el uso racional del agua."
        ),
        "description": "Línea «Gestión Urbana y Agua Potable» de la cooperación Ciudad de México-Nagoya.",
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": (
            "El Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México”, 2011-2013, contribuyó a "
            "la capacitación de funcionarios de ambas ciudades para el mantenimiento eficiente de las plantas de "
            "aguas residuales y la sensibilización de los ciudadanos sobre el uso racional del agua."
        ),
    },
    {
        "title": "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
        "kind": Kind.EXCHANGE,
        "agreement": NAGOYA_1977,
        "counterparts": ["nagoya"],
        "themes": ["biodiversidad", "medio-ambiente"],
        "description": (
            "Línea «Protección a la biodiversidad» de la cooperación Ciudad de México-Nagoya; el libro no los fecha."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": (
            "Los numerosos intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec han "
            "contribuido a la protección de la biodiversidad de ambas ciudades mediante los trabajos de "
            "investigación y convenios de colaboración."
        ),
    },
    {
        "title": (
            "Cooperación para la innovación, la inclusión y la internacionalización Ciudad de México-Montevideo "
            "(Fondo conjunto México-Uruguay 2017-2018)"
        ),
        "kind": Kind.PROJECT,
        "agreement": cce_code("montevideo", 2016),
        "start_on": year(2017),
        "end_on": year(2018),
        "counterparts": ["montevideo"],
        "themes": ["gobernanza", "desarrollo-social", "derechos-humanos", "innovacion"],
        "description": (
            "Ejes temáticos: gobernabilidad-fortalecimiento y gestión de políticas públicas (fortalecimiento de "
            "las oficinas de relaciones internacionales); desarrollo social (agenda de derechos humanos y no "
            "discriminación); innovación social (innovación y convivencia)."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": (
            "En el marco del Fondo conjunto México-Uruguay, edición 2017-2018, los gobiernos de ambas ciudades "
            "buscan afianzar sus vínculos y sus capacidades de cooperación en diversas áreas para la mejora de "
            "las condiciones de vida de sus habitantes y fortalecer el desarrollo local."
        ),
    },
    {
        "title": "Proyectos de cooperación urbana del Fondo franco-mexicano de cooperación descentralizada",
        "kind": Kind.PROJECT,
        "agreement": "amistad-1999-paris",
        "start_on": year(2014),
        "end_on": year(2016),
        "counterparts": ["paris"],
        "description": (
            "El Fondo lo convocan cada año el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE) y "
            "la Agencia Mexicana de Cooperación Internacional (AMEXCID)."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": (
            "Durante los años de 2014, 2015 y 2016 las ciudades han implementado proyectos de cooperación urbana "
            "en el marco del “Fondo franco-mexicano de cooperación descentralizada”, que convocan de manera "
            "anual el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE) y la Agencia Mexicana de "
            "Cooperación Internacional (AMEXCID)."
        ),
    },
    # EU-funded projects, cap. I §4.5
    {
        "title": "Alianza Euro Latinoamericana de Cooperación entre Ciudades, proyecto AL-LAs",
        "kind": Kind.PROJECT,
        "start_on": year(2013),
        "end_on": year(2015),
        "counterparts": ["union-europea"],
        "themes": ["internacionalizacion-de-ciudades"],
        "resources": (
            "Financiado por la Unión Europea en el marco de los programas temáticos Actores no Estatales y "
            "Autoridades Locales en el Desarrollo."
        ),
        "source_citation": cite("cap. I §4.5"),
        "source_excerpt": excerpt(
            EU_PROJECTS,
            "“Alianza Euro Latinoamericana de Cooperación entre Ciudades, proyecto AL-LAs”, en el marco de los "
            "programas temáticos Actores no Estatales y Autoridades Locales en el Desarrollo. 2013-2015.",
        ),
    },
    {
        "title": (
            "Un lugar en la mesa global: los gobiernos locales como actores protagónicos del sistema de "
            "gobernanza mundial"
        ),
        "kind": Kind.PROJECT,
        "counterparts": ["union-europea"],
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "resources": "Instrumento de colaboración de la Unión Europea.",
        "description": "El libro no da las fechas del proyecto.",
        "source_citation": cite("cap. I §4.5"),
        "source_excerpt": excerpt(
            EU_PROJECTS,
            "“Un lugar en la mesa global: los gobiernos locales como actores protagónicos del sistema de "
            "gobernanza mundial”. Instrumento de colaboración de la Unión Europea.",
        ),
    },
    {
        "title": "Diálogos y capacidades para una CDMX global",
        "kind": Kind.PROJECT,
        "start_on": year(2017),
        "end_on": year(2019),
        "counterparts": ["union-europea"],
        "themes": ["internacionalizacion-de-ciudades"],
        "resources": "Programas temáticos de la Comisión Europea, «Autoridades Locales» (Lote 2).",
        "source_citation": cite("cap. I §4.5"),
        "source_excerpt": excerpt(
            EU_PROJECTS,
            "“Diálogos y capacidades para una CDMX global”. Programas temáticos de la Comisión Europea, "
            "“Autoridades Locales” (Lote 2). 2017-2019 .",
        ),
    },
    # Technical missions, cap. I §3.4
    {
        "title": "Misiones de intercambio técnico con entidades europeas",
        "kind": Kind.MISSION,
        "start_on": year(2017),
        "end_on": year(2018),
        "counterparts": ["union-europea"],
        "people_reached": 19,
        "description": (
            "19 misiones de intercambio técnico con entidades europeas, en el marco del Proyecto Diálogos y "
            "Capacidades para una CDMX Global, con el apoyo de la Unión Europea. Se beneficiaron 19 actores "
            "(10 mujeres y 9 hombres; 9 de la sociedad civil y 10 funcionarios públicos) y se visitaron 11 "
            "ciudades en 8 países de la Unión Europea. El libro no las lista una por una."
        ),
        "source_citation": cite("cap. I §3.4"),
        "source_excerpt": (
            "Entre 2017 y 2018 Se han realizado 19 misiones de intercambio técnico con entidades europeas, con "
            "las que se vieron beneficiados 19 de actores (10 mujeres y 9 hombres-9 sociedad civil y 10 "
            "funcionarios públicos). A través de estas misiones se visitaron 11 ciudades en 8 países de la Unión "
            "Europea."
        ),
    },
    # Alas de la Ciudad de México, cap. I §4.10
    wings("berlin", "Berlín", 2013, "Berlín, Alemania (2013)"),
    wings("singapur", "Singapur", 2015, "Singapur, Singapur (2015)"),
    wings("los-angeles", "Los Ángeles", 2016, "Los Angeles, Estados Unidos (2016)"),
    wings("quebec", "Quebec", 2017, "Quebec, Canadá (2017)"),
    wings("nagoya", "Nagoya", 2018, "Nagoya, Japón (2018)"),
    wings("san-antonio", "San Antonio", 2018, "San Antonio (2018)", description="El libro no indica el país."),
    wings("san-jose", "San José", 2018, "San José, Costa Rica (2018)"),
    wings("madrid", "Madrid", 2018, "Madrid, España (2018)"),
    # The city's declaratorias, cap. II §2
    declaratoria(
        "Declaratoria CDMX “Ciudad Amigable LGBTTTI”", day(2015, 11, 23),
        themes=["derechos-humanos", "inclusion-social"],
    ),
    declaratoria("Declaratoria CDMX “Ciudad Santuario”", day(2017, 4, 7), themes=["migracion", "derechos-humanos"]),
    declaratoria(
        "Declaratoria de Emergencia", day(2017, 9, 20), themes=["resiliencia"],
        description="Ante los perjuicios ocurridos por el sismo del 19 de septiembre de 2017.",
    ),
    declaratoria(
        "Declaratoria “CDMX Global”", UNDATED, themes=["internacionalizacion-de-ciudades"],
        description=(
            "Posicionamiento al más alto nivel con el que la CDMX asume su compromiso como un actor global "
            "corresponsable en la solución de los retos urbanos a nivel mundial, retomando los principios del "
            "Artículo 20 de la Constitución. El libro no la fecha."
        ),
        text=(
            "La Declaratoria “CDMX Global” constituye un posicionamiento al más alto nivel con el que la CDMX "
            "asume su compromiso como un actor global corresponsable en la solución de los retos urbanos a nivel "
            "mundial, retomando los principios del Artículo 20 de la Constitución."
        ),
    ),
    # Campaign, cap. I §3.6
    {
        "title": "Campaña de comunicación social “CDMX, tu lugar en el mundo”",
        "kind": Kind.CAMPAIGN,
        "start_on": month(2016, 11),
        "end_on": month(2017, 5),
        "themes": ["internacionalizacion-de-ciudades"],
        "description": (
            "Primera campaña de comunicación de la acción internacional de la Ciudad; lema «Abre tus ojos al "
            "mundo». El libro sitúa su presencia en medios en los periodos de octubre a noviembre de 2016 y de "
            "marzo a mayo de 2017."
        ),
        "source_citation": cite("cap. I §3.6"),
        "source_excerpt": (
            "Con el objetivo de informar y sensibilizar a las personas que residen en la Ciudad de México sobre "
            "la importancia de las relaciones internacionales, durante noviembre de 2016 y mayo de 2017 se "
            "realizó la primera campaña de comunicación social “CDMX, tu lugar en el mundo”."
        ),
    },
    # Diálogos para una CDMX Global, cap. II §1
    {
        "title": "Diálogos para una CDMX Global",
        "kind": Kind.CONSULTATION,
        "start_on": year(2014),
        "end_on": year(2016),
        "counterparts": ["union-europea"],
        "people_reached": 70,
        "themes": ["internacionalizacion-de-ciudades"],
        "description": (
            "Consulta a 70 personas de distintos sectores (45 % mujeres, 55 % hombres) sobre las relaciones "
            "internacionales de la Ciudad, con la alianza AL-LAs, el Laboratorio para la Ciudad y el apoyo "
            "financiero de la Unión Europea. El texto del capítulo habla de «más de 100 actores»."
        ),
        "source_citation": cite("cap. II §1"),
        "source_excerpt": excerpt(
            "Consulta a 70 personas de distintos sectores sobre el tema de las relaciones internacionales de la "
            "Ciudad de México.",
            "El ejercicio se realizó entre 2014-2016 con la alianza Eurolatinoamericana de Cooperación entre "
            "Ciudades AL-LAs y el apoyo financiero de la Unión Europea.",
        ),
    },
    # Casas México, cap. I §4.12
    {
        "title": "Casas México, Ciudad de México (proyecto Iniciativa Ciudad de México)",
        "kind": Kind.PROGRAMME,
        "start_on": year(2007),
        "place": "Los Ángeles y Chicago",
        "themes": ["migracion"],
        "description": (
            "Inició en 2007 bajo la coordinación de la SEDEREC, con oficinas en Los Ángeles y Chicago para "
            "atender a la población migrante originaria de la Ciudad de México; su administración pasó a la CGAI "
            "a partir de 2010."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": (
            "El proyecto Iniciativa Ciudad de México inició en 2007 bajo la coordinación de la Secretaría de "
            "Desarrollo Rural y Equidad para las Comunidades (SEDEREC), con la apertura de dos oficinas en las "
            "ciudades de Los Ángeles y Chicago, con el objetivo de dar atención a la población migrante, "
            "originaria de la Ciudad de México, en los Estados Unidos."
        ),
    },
    {
        "title": "Feria de Servicios Gratuitos",
        "kind": Kind.PROGRAMME,
        "place": "Los Ángeles y Chicago",
        "people_reached": 5366,
        "themes": ["migracion"],
        "description": (
            "Iniciativa anual de atención de Casas México: acceso a trámites, servicios y programas de las "
            "dependencias para la comunidad migrante. Cinco eventos realizados; el libro no los fecha."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": "Durante los cinco eventos realizados se ha atendido a 5 366 personas.",
    },
    # Alignment with the UN frameworks, cap. I §3.5
    {
        "title": "Consejo para el Seguimiento de la Agenda 2030 para el Desarrollo Sostenible en la Ciudad de México",
        "kind": Kind.ALIGNMENT,
        "start_on": day(2017, 7, 7),
        "frameworks": [AGENDA_2030],
        "themes": ["desarrollo-sostenible"],
        "description": (
            "Publicado en la Gaceta Oficial de la CDMX el 7 de julio de 2017; participan la mayoría de las "
            "dependencias, agrupadas en comités temáticos."
        ),
        "source_citation": cite("cap. I §3.5"),
        "source_excerpt": (
            "la creación del Consejo para el Seguimiento de la Agenda 2030 para el Desarrollo Sostenible en la "
            "Ciudad de México, publicada en la Gaceta Oficial de la CDMX el 7 de julio de 2017"
        ),
    },
    {
        "title": "Monitoreo CDMX: indicadores asociados a las metas de los ODS",
        "kind": Kind.ALIGNMENT,
        "frameworks": [AGENDA_2030],
        "themes": ["desarrollo-sostenible", "gobernanza"],
        "results": "1 137 indicadores asociados a metas de los ODS.",
        "description": (
            "La plataforma contiene información numérica, tabular y gráfica de los programas especiales e "
            "institucionales vinculados a los ODS, agrupados en cuatro dimensiones: sociedad, economía, medio "
            "ambiente y alianzas. El libro no la fecha."
        ),
        "source_citation": cite("cap. I §3.5"),
        "source_excerpt": (
            "En total, son 1 137 indicadores los que se han asociado a metas de los ODS a través de la "
            "plataforma “Monitoreo CDMX”"
        ),
    },
    {
        "title": "100 Ciudades Resilientes y Agencia de Resiliencia de la Ciudad de México",
        "kind": Kind.ALIGNMENT,
        "start_on": month(2017, 9),
        "counterparts": ["fundacion-rockefeller"],
        "frameworks": [SENDAI_FRAMEWORK],
        "themes": ["resiliencia"],
        "description": (
            "La Fundación Rockefeller seleccionó a la Ciudad para su iniciativa «100 Ciudades Resilientes»; "
            "producto de esa asociación, en septiembre de 2017 se inauguró la Agencia de Resiliencia de la "
            "Ciudad, la primera en su tipo en América Latina."
        ),
        "source_citation": cite("cap. I §3.5"),
        "source_excerpt": excerpt(
            "Asimismo, la Ciudad de México ha generado un compromiso con el cumplimiento de la agenda "
            "internacional de resiliencia, cuyos principios están establecidos en el Marco de Sendai para la "
            "Reducción de Riesgos de Desastres.",
            "Producto de esta asociación estratégica, en septiembre de 2017 fue inaugurada la Agencia de "
            "Resiliencia de la Ciudad, la primera en su tipo en América Latina",
        ),
    },
]
