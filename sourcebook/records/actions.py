"""Actions: projects and exchanges under the Nagoya, Montevideo and Paris
relations (cap. I §4.2), the EU-funded projects (§4.5, §4.8), the technical
missions and the FICA visitor survey (§3.4, annex 1), the alignment with the
UN frameworks and the reports presented to the UN (§3.5, §4.7), the
"CDMX, tu lugar en el mundo" campaign (§3.6), the Alas de la Ciudad de México
(§4.10), the CDMX brand (§4.11), Casas México and its two annual initiatives
(§4.12), the Diálogos para una CDMX Global (cap. II §1), the city's
declaratorias (cap. II §2), the technical assistance of the CGCID (cap. II §3,
§5), the workshop of April 2018 (cap. II §4, note 45) and the UNESCO office's
technical contributions (cap. III).

Where the book gives only a count (the 19 missions), the action is one
aggregate record stating it; nothing is listed that the book does not list.
Where the book dates one action in two ways (the campaign, the Diálogos), the
record keeps one date, says which and why, and gives the other in its
description; the audit (``sourcebook/audit/actions.csv``) has a row for each.
An action is tied to an agreement only where the book names the agreement
beside it (the two Nagoya lines, which the book says advanced «a partir de la
firma en 1977 del convenio de hermanamiento»).
"""

from agreements.models import Action

from . import UNDATED, cite, day, excerpt, month, year
from .agreements import NAGOYA_1977
from .catalogues import AGENDA_2030, NEW_URBAN_AGENDA, PARIS_AGREEMENT, SENDAI_FRAMEWORK
from .counterparts import english_name

Kind = Action.Kind

NAGOYA_LINES = (
    "A partir de la firma en 1977 del convenio de hermanamiento entre la Ciudad de México y la Alcaldía de "
    "Nagoya, en los últimos años se ha avanzado en dos líneas:"
)
EU_ALLY = (
    "La Unión Europea se ha convertido en un aliado estratégico de la Ciudad de México para potenciar su acción "
    "internacional."
)
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
CASAS_MEXICO_INITIATIVES = (
    "la CGAI impulsó la organización de dos iniciativas anuales por medio de las cuales se fortalecen los "
    "vínculos del Gobierno de la Ciudad de México con la comunidad mexicana y capitalina, así como con actores "
    "estratégicos de Chicago y Los Ángeles."
)
SANZ = cite("cap. III, «La Ciudad de México y el multilateralismo urbano»")
UNESCO_OFFICE = (
    "La tercera propuesta de la UNESCO para entender a esta megalópolis en el contexto global proviene de la "
    "experiencia práctica de la cooperación entre la Oficina de la UNESCO en México y el Gobierno de la Ciudad "
    "de México a lo largo de los últimos cinco años."
)


def wings(slug: str, city: str, installed: int, line: str, *, description: str = "") -> dict:
    return {
        "title": f"Alas de la Ciudad de México en {city}",
        "title_en": f"Wings of Mexico City in {english_name(slug)}",
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


def declaratoria(
    title: str, issued, *, title_en: str, themes: list[str], description: str = "", text: str = DECLARATORIAS
) -> dict:
    return {
        "title": title,
        "title_en": title_en,
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
        "title_en": "Mexico City Drainage System Improvement Project",
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
        "description": (
            "Línea «Gestión Urbana y Agua Potable» de la cooperación Ciudad de México-Nagoya, que el libro dice "
            "avanzada a partir de la firma en 1977 del convenio de hermanamiento. El libro no dice si el proyecto "
            "se hizo en el marco del Acuerdo de Colaboración de 2005 con JICA y el Departamento de Agua y "
            "Alcantarillado de la Ciudad de Nagoya."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": excerpt(
            NAGOYA_LINES,
            "Gestión Urbana y Agua Potable",
            "El Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México”, 2011-2013, contribuyó a "
            "la capacitación de funcionarios de ambas ciudades para el mantenimiento eficiente de las plantas de "
            "aguas residuales y la sensibilización de los ciudadanos sobre el uso racional del agua.",
        ),
    },
    {
        "title": "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
        "title_en": "Species exchanges between the Higashiyama and Chapultepec Zoos",
        "kind": Kind.EXCHANGE,
        "agreement": NAGOYA_1977,
        "counterparts": ["nagoya"],
        "themes": ["biodiversidad", "medio-ambiente"],
        "description": (
            "Línea «Protección a la biodiversidad» de la cooperación Ciudad de México-Nagoya, que el libro dice "
            "avanzada a partir de la firma en 1977 del convenio de hermanamiento; el libro no fecha los "
            "intercambios."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": excerpt(
            NAGOYA_LINES,
            "Protección a la biodiversidad",
            "Los numerosos intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec han "
            "contribuido a la protección de la biodiversidad de ambas ciudades mediante los trabajos de "
            "investigación y convenios de colaboración.",
        ),
    },
    {
        "title": (
            "Cooperación para la innovación, la inclusión y la internacionalización Ciudad de México-Montevideo "
            "(Fondo conjunto México-Uruguay 2017-2018)"
        ),
        "title_en": (
            "Cooperation for innovation, inclusion and internationalisation Mexico City-Montevideo "
            "(Mexico-Uruguay Joint Fund 2017-2018)"
        ),
        "kind": Kind.PROJECT,
        "start_on": year(2017),
        "end_on": year(2018),
        "counterparts": ["montevideo"],
        "themes": ["gobernanza", "desarrollo-social", "derechos-humanos", "innovacion"],
        "description": (
            "Proyecto del Gobierno de la Ciudad de México y la Intendencia de Montevideo en el marco del Fondo "
            "conjunto México-Uruguay, edición 2017-2018. Ejes temáticos: gobernabilidad-fortalecimiento y gestión "
            "de políticas públicas (fortalecimiento de las oficinas de relaciones internacionales); desarrollo "
            "social (agenda de derechos humanos y no discriminación); innovación social (innovación y "
            "convivencia). El encabezado del libro sitúa esta cooperación en «2016-2018»; el proyecto se fecha "
            "por la edición del Fondo. El libro no lo vincula con el convenio de cooperación específica con "
            "Montevideo (2016, cap. I §4.1)."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": excerpt(
            "2016-2018:",
            "Cooperación para la innovación, la inclusión y la internacionalización Ciudad de México-Montevideo",
            "El Gobierno de la Ciudad de México y la Intendencia de Montevideo han sostenido una colaboración a lo "
            "largo de los años",
            "En el marco del Fondo conjunto México-Uruguay, edición 2017-2018, los gobiernos de ambas ciudades "
            "buscan afianzar sus vínculos y sus capacidades de cooperación en diversas áreas para la mejora de "
            "las condiciones de vida de sus habitantes y fortalecer el desarrollo local.",
        ),
    },
    {
        "title": "Proyectos de cooperación urbana del Fondo franco-mexicano de cooperación descentralizada",
        "title_en": (
            "Urban cooperation projects of the French-Mexican Fund for Decentralised Cooperation"
        ),
        "kind": Kind.PROJECT,
        "start_on": year(2014),
        "end_on": year(2016),
        "counterparts": ["paris", "maee", "amexcid"],
        "description": (
            "Proyectos de cooperación urbana de París y la Ciudad de México en 2014, 2015 y 2016, en el marco del "
            "Fondo que convocan cada año el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE) y la "
            "Agencia Mexicana de Cooperación Internacional (AMEXCID). El libro no los vincula con el acuerdo de "
            "amistad y cooperación de 1999 con París."
        ),
        "source_citation": cite("cap. I §4.2"),
        "source_excerpt": excerpt(
            "1999-2018: Desafíos urbanos y retos de futuro Ciudad de México-París",
            "Durante los años de 2014, 2015 y 2016 las ciudades han implementado proyectos de cooperación urbana "
            "en el marco del “Fondo franco-mexicano de cooperación descentralizada”, que convocan de manera "
            "anual el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE) y la Agencia Mexicana de "
            "Cooperación Internacional (AMEXCID).",
        ),
    },
    # EU-funded projects, cap. I §4.5 (and §4.8)
    {
        "title": "Alianza Euro Latinoamericana de Cooperación entre Ciudades, proyecto AL-LAs",
        "title_en": "Euro-Latin American Alliance for Cooperation between Cities, AL-LAs project",
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
            EU_ALLY,
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
        "title_en": (
            "A Seat at the Global Table: local governments as leading actors in the global governance system"
        ),
        "kind": Kind.PROJECT,
        "start_on": year(2016),
        "counterparts": ["union-europea", "montevideo", "quito", "montreal"],
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "resources": "Instrumento de colaboración de la Unión Europea.",
        "description": (
            "Proceso impulsado desde 2016 por la Ciudad de México, la Intendencia de Montevideo, el Distrito "
            "Metropolitano de Quito y la Alcaldía de Montreal, en el marco de AL-LAs, con la colaboración de "
            "redes de ciudades que forman parte del Grupo de Trabajo Global de los Gobiernos Locales y Regionales "
            "(GTF) de CGLU; el libro no nombra esas redes. Reunió a más de un centenar de representantes de "
            "gobiernos locales en una serie de diálogos, cuyos resultados se recopilaron en un Documento Político "
            "presentado en Hábitat III (Quito, 2016). La nota 18 cita un taller del proceso en Montevideo, el 24 "
            "y 25 de julio de 2017."
        ),
        "source_citation": cite("cap. I §4.5, §4.8"),
        "source_excerpt": excerpt(
            EU_PROJECTS,
            "“Un lugar en la mesa global: los gobiernos locales como actores protagónicos del sistema de "
            "gobernanza mundial”. Instrumento de colaboración de la Unión Europea.",
            "Desde 2016, “Un lugar en la mesa global” ha sido impulsado por la Ciudad de México, la Intendencia "
            "de Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal, en el marco de AL-LAs, "
            "con la colaboración de redes de ciudades que forman parte del Grupo de Trabajo Global de los "
            "Gobiernos Locales y Regionales (GTF) de CGLU.",
        ),
    },
    {
        "title": "Diálogos y capacidades para una CDMX global",
        "title_en": "Dialogues and capacities for a global CDMX",
        "kind": Kind.PROJECT,
        "start_on": year(2017),
        "end_on": year(2019),
        "counterparts": ["union-europea"],
        "themes": ["internacionalizacion-de-ciudades"],
        "resources": "Programas temáticos de la Comisión Europea, «Autoridades Locales» (Lote 2).",
        "source_citation": cite("cap. I §4.5"),
        "source_excerpt": excerpt(
            EU_ALLY,
            EU_PROJECTS,
            "“Diálogos y capacidades para una CDMX global”. Programas temáticos de la Comisión Europea, "
            "“Autoridades Locales” (Lote 2). 2017-2019 .",
        ),
    },
    # Technical missions and the FICA visitor survey, cap. I §3.4 and annex 1
    {
        "title": "Misiones de intercambio técnico con entidades europeas",
        "title_en": "Technical exchange missions with European entities",
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
        "source_excerpt": excerpt(
            "Con el apoyo de la Unión Europea, la CGAI, a través del Proyecto Diálogos y Capacidades para una "
            "CDMX Global,",
            "Entre 2017 y 2018 Se han realizado 19 misiones de intercambio técnico con entidades europeas, con "
            "las que se vieron beneficiados 19 de actores (10 mujeres y 9 hombres-9 sociedad civil y 10 "
            "funcionarios públicos). A través de estas misiones se visitaron 11 ciudades en 8 países de la Unión "
            "Europea.",
        ),
    },
    {
        "title": "Ejercicio exploratorio con los asistentes a la FICA: ¿Es la CDMX una ciudad global?",
        "title_en": "Exploratory exercise with visitors to the FICA: Is CDMX a global city?",
        "kind": Kind.CONSULTATION,
        "start_on": day(2018, 4, 27),
        "end_on": day(2018, 4, 29),
        "themes": ["internacionalizacion-de-ciudades"],
        "results": (
            "El 94% de los encuestados afirma que la CDMX es una ciudad global; el 98% cree que es importante que "
            "la CDMX tenga relaciones con otras ciudades."
        ),
        "description": (
            "Primer ejercicio exploratorio para conocer la opinión de la ciudadanía acerca de la Ciudad de México "
            "como una ciudad global y su percepción de la acción internacional, realizado con los asistentes a la "
            "X Edición de la Feria de las Culturas Amigas (FICA): 5 entrevistas a profundidad y 110 encuestas con "
            "cuestionario estructurado. Sus resultados están en el anexo 1 del libro."
        ),
        "source_citation": cite("cap. I §3.4; anexo 1"),
        "source_excerpt": excerpt(
            "Asimismo, para conocer la opinión de la ciudadanía acerca de la Ciudad de México como una ciudad "
            "global, y su percepción de la acción internacional, entre el 27 y el 29 de abril de 2018, en el marco "
            "de la X Edición de la Feria de las Culturas Amigas (FICA), se realizó un primer ejercicio "
            "exploratorio con los asistentes.",
            "ANEXO 1. Los ciudadanos responden: ¿Es la CDMX una ciudad global?",
            "Al indagar si la CDMX es una ciudad global, el 94% de los encuestados afirma que sí lo es.",
            "Prácticamente la totalidad de los encuestados (98%) cree que es importante que la CDMX tenga "
            "relaciones con otras ciudades.",
            "La información se obtuvo mediante dos técnicas complementarias: 5 entrevistas a profundidad y 110 "
            "encuestas con cuestionario estructurado.",
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
        title_en="CDMX Declaration “LGBTTTI-Friendly City”",
    ),
    declaratoria(
        "Declaratoria CDMX “Ciudad Santuario”", day(2017, 4, 7), themes=["migracion", "derechos-humanos"],
        title_en="CDMX Declaration “Sanctuary City”",
    ),
    declaratoria(
        "Declaratoria de Emergencia", day(2017, 9, 20), themes=["resiliencia"],
        description="Ante los perjuicios ocurridos por el sismo del 19 de septiembre de 2017.",
        title_en="Emergency Declaration",
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
        title_en="“CDMX Global” Declaration",
    ),
    # Campaign, cap. I §3.6
    {
        "title": "Campaña de comunicación social “CDMX, tu lugar en el mundo”",
        "title_en": "Public communication campaign “CDMX, your place in the world”",
        "kind": Kind.CAMPAIGN,
        "start_on": month(2016, 11),
        "end_on": month(2017, 5),
        "themes": ["internacionalizacion-de-ciudades"],
        "description": (
            "Primera campaña de comunicación de la acción internacional de la Ciudad; lema «Abre tus ojos al "
            "mundo». El libro la fecha de dos maneras: «durante noviembre de 2016 y mayo de 2017 se realizó» la "
            "campaña, y tuvo presencia en medios impresos y digitales «durante los periodos de octubre a "
            "noviembre de 2016 y de marzo a mayo de 2017». El registro guarda la primera, la que fecha la campaña "
            "misma; la segunda fecha su presencia en medios."
        ),
        "source_citation": cite("cap. I §3.6"),
        "source_excerpt": excerpt(
            "Con el objetivo de informar y sensibilizar a las personas que residen en la Ciudad de México sobre "
            "la importancia de las relaciones internacionales, durante noviembre de 2016 y mayo de 2017 se "
            "realizó la primera campaña de comunicación social “CDMX, tu lugar en el mundo”.",
            "durante los periodos de octubre a noviembre de 2016 y de marzo a mayo de 2017.",
        ),
    },
    # Diálogos para una CDMX Global, cap. II §1 (and cap. I §3.4, cap. II §3, cap. III)
    {
        "title": "Diálogos para una CDMX Global",
        "title_en": "Dialogues for a Global CDMX",
        "kind": Kind.CONSULTATION,
        "start_on": year(2014),
        "end_on": year(2016),
        "counterparts": ["union-europea", "al-las", "iniciativa-ciudadana"],
        "people_reached": 70,
        "themes": ["internacionalizacion-de-ciudades"],
        "results": (
            "Sus resultados se sistematizaron en una serie de recomendaciones para desarrollar una directriz "
            "general de política internacional local."
        ),
        "description": (
            "Consulta a 70 personas de distintos sectores (45 % mujeres, 55 % hombres) sobre las relaciones "
            "internacionales de la Ciudad, de la CGAI con el Laboratorio para la Ciudad, con la alianza AL-LAs y "
            "el apoyo financiero de la Unión Europea. El texto del capítulo habla de «más de 100 actores» y el "
            "cap. III de «más de 70 líderes de opinión». El libro la fecha de tres maneras: «entre 2014 y 2016» y "
            "«entre 2014-2016» (cap. II §1), «entre 2014 y 2015» para la Fase I (cuadro del cap. II §3) y «Entre "
            "2014 y 2018» para el proceso «Diálogos para una ciudad global», que el cap. I §3.4 cuenta con el "
            "apoyo de la Unión Europea, el Laboratorio para la Ciudad e Iniciativa Ciudadana para la Promoción "
            "de la Cultura del Diálogo A.C. El registro guarda la fecha del cap. II §1, donde se describe la "
            "consulta."
        ),
        "source_citation": cite("cap. I §3.4; cap. II §1, §3"),
        "source_excerpt": excerpt(
            "Entre 2014 y 2018, con el apoyo financiero de la Unión Europea, y en colaboración con el Laboratorio "
            "para la Ciudad e Iniciativa Ciudadana para la Promoción de la Cultura del Diálogo A.C., la CGAI "
            "emprendió el proceso “Diálogos para una ciudad global”",
            "Partiendo de estas premisas, entre 2014 y 2016, la CGAI, en conjunto con el Laboratorio para la "
            "Ciudad y algunos aliados estratégicos, realizó un ejercicio de acercamiento, encuentro y discusión "
            "sobre el presente y futuro de la Ciudad en temas internacionales con distintos actores "
            "representativos.",
            "Consulta a 70 personas de distintos sectores sobre el tema de las relaciones internacionales de la "
            "Ciudad de México.",
            "El ejercicio se realizó entre 2014-2016 con la alianza Eurolatinoamericana de Cooperación entre "
            "Ciudades AL-LAs y el apoyo financiero de la Unión Europea.",
            "Diálogos multiactor realizados entre 2014 y 2015 para la identificación de prioridades para la "
            "internacionalización de la ciudad.",
        ),
    },
    # Casas México and its two annual initiatives, cap. I §4.12
    {
        "title": "Casas México, Ciudad de México (proyecto Iniciativa Ciudad de México)",
        "title_en": "Casas México, Mexico City (Mexico City Initiative project)",
        "kind": Kind.PROGRAMME,
        "start_on": year(2007),
        "place": "Los Ángeles y Chicago",
        "themes": ["migracion"],
        "description": (
            "Inició en 2007 bajo la coordinación de la SEDEREC, con oficinas en Los Ángeles y Chicago para "
            "atender a la población migrante originaria de la Ciudad de México; su administración pasó a la CGAI "
            "a partir de 2010, y en el ejercicio 2013 se amplió su alcance con dos líneas estratégicas: atención "
            "a población migrante y promoción de la Ciudad de México."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": excerpt(
            "El proyecto Iniciativa Ciudad de México inició en 2007 bajo la coordinación de la Secretaría de "
            "Desarrollo Rural y Equidad para las Comunidades (SEDEREC), con la apertura de dos oficinas en las "
            "ciudades de Los Ángeles y Chicago, con el objetivo de dar atención a la población migrante, "
            "originaria de la Ciudad de México, en los Estados Unidos.",
            "A partir de 2010 se delegó la administración del proyecto a la CGAI con la finalidad de impulsar "
            "diversos temas y oportunidades de colaboración. En el ejercicio 2013 se amplió su alcance",
        ),
    },
    {
        "title": "Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles",
        "title_en": "Strategic dialogue: Chicago-Mexico City-Los Angeles",
        "kind": Kind.PROGRAMME,
        "counterparts": ["chicago", "los-angeles"],
        "themes": ["desarrollo-economico", "migracion"],
        "results": (
            "La firma de instrumentos de colaboración en materia de salud y educación; vinculación comercial; "
            "acercamiento con las alcaldías, consulados generales de México, autoridades locales y la comunidad "
            "mexicana que radica en dichas ciudades; fortalecimiento de las relaciones con organizadores de "
            "grandes eventos para la realización de las ferias de servicios."
        ),
        "description": (
            "Iniciativa anual de promoción de Casas México: busca fortalecer los vínculos entre los sectores "
            "económicos, sociales, culturales y gubernamentales entre la Ciudad de México y Chicago y Los "
            "Ángeles. El libro no la fecha."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": excerpt(
            CASAS_MEXICO_INITIATIVES,
            "Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles (promoción). Busca fortalecer los "
            "vínculos entre los sectores económicos, sociales, culturales y gubernamentales entre Ciudad de "
            "México y estas dos ciudades estadounidenses. Entre los principales logros alcanzados se encuentran: "
            "la firma de instrumentos",
            "de colaboración en materia de salud y educación; vinculación comercial; acercamiento con las "
            "alcaldías, consulados generales de México, autoridades locales y la comunidad mexicana que radica "
            "en dichas ciudades; fortalecimiento de las relaciones con organizadores de grandes eventos para la "
            "realización de las ferias de servicios, entre otros.",
        ),
    },
    {
        "title": "Feria de Servicios Gratuitos",
        "title_en": "Free Services Fair",
        "kind": Kind.PROGRAMME,
        "place": "Los Ángeles y Chicago",
        "people_reached": 5366,
        "themes": ["migracion"],
        "description": (
            "Iniciativa anual de atención de Casas México: acceso a trámites, servicios y programas de las "
            "dependencias para la comunidad migrante. Cinco eventos realizados; el libro no los fecha."
        ),
        "source_citation": cite("cap. I §4.12"),
        "source_excerpt": excerpt(
            CASAS_MEXICO_INITIATIVES,
            "Durante los cinco eventos realizados se ha atendido a 5 366 personas.",
        ),
    },
    # The CDMX brand, cap. I §4.11
    {
        "title": "Marca CDMX Ciudad de México y CDMX Mexico City",
        "title_en": "CDMX Ciudad de México and CDMX Mexico City brand",
        "kind": Kind.CAMPAIGN,
        "start_on": year(2014),
        "themes": ["turismo", "desarrollo-economico"],
        "results": (
            "El Barómetro de Marcas Ciudades 2018 de la Agencia Saffron ubica a la ciudad en el lugar 19 del "
            "mundo y primera en América Latina, dentro de un universo de 67 metrópolis."
        ),
        "description": (
            "Primera estrategia para la creación y gestión de la marca-destino Ciudad de México, de la mano con "
            "un proceso de comunicación local, nacional e internacional; en 2014 se generó la marca. La nota 36 "
            "cita información del Fondo Mixto de Promoción Turística sobre la Marca CDMX."
        ),
        "source_citation": cite("cap. I §4.11"),
        "source_excerpt": excerpt(
            "En la presente administración, se establece la primera estrategia para la creación y gestión de la "
            "marca-destino Ciudad de México, de la mano con un proceso de comunicación local, nacional e "
            "internacional. Así, en 2014 se generó la marca CDMX Ciudad de México y CDMX Mexico City.",
            "El Barómetro de Marcas Ciudades 2018 de la Agencia Saffron, ya ubica a la ciudad en el lugar 19 del "
            "mundo y primera en América Latina, dentro de un universo de 67 metrópolis.",
        ),
    },
    # Alignment with the UN frameworks, cap. I §3.5, and reports to the UN, §3.5 and §4.7
    {
        "title": "Consejo para el Seguimiento de la Agenda 2030 para el Desarrollo Sostenible en la Ciudad de México",
        "title_en": (
            "Council for the Follow-up of the 2030 Agenda for Sustainable Development in Mexico City"
        ),
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
        "title_en": "Monitoreo CDMX: indicators linked to the SDG targets",
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
        "title": "Talleres “CDMX 2030”",
        "title_en": "“CDMX 2030” workshops",
        "kind": Kind.ALIGNMENT,
        "frameworks": [AGENDA_2030],
        "themes": ["desarrollo-sostenible"],
        "results": (
            "Se analizaron las estrategias, articulación, comunicación, medición y evaluación de los ODS, y se "
            "emitió una serie de recomendaciones para mejorar la coordinación con las diferentes áreas y para "
            "socializar las acciones emprendidas por esta administración."
        ),
        "description": (
            "Actividades de sensibilización de la CGAI y el Consejo para el Seguimiento de la Agenda 2030, con "
            "más de 100 funcionarios públicos de distintas entidades del Gobierno de la Ciudad y de algunas de "
            "las 16 administraciones delegacionales. El libro no los fecha."
        ),
        "source_citation": cite("cap. I §3.5"),
        "source_excerpt": excerpt(
            "Asimismo, la CGAI, en conjunto con el Consejo para el Seguimiento de la Agenda 2030, han llevado a "
            "cabo una serie de actividades de sensibilización e intercambio de acciones con ciudades y redes del "
            "mundo",
            "Los talleres “CDMX 2030” contaron con la participación de más de 100 funcionarios públicos de "
            "distintas entidades del Gobierno de la Ciudad, además de funcionarios de algunas de las 16 "
            "administraciones delegacionales.",
        ),
    },
    {
        "title": "Segundo informe global sobre la localización de los ODS",
        "title_en": "Second global report on the localisation of the SDGs",
        "kind": Kind.ALIGNMENT,
        "start_on": month(2018, 7),
        "counterparts": ["cglu"],
        "frameworks": [AGENDA_2030],
        "themes": ["desarrollo-sostenible"],
        "description": (
            "La Ciudad colaboró de manera activa con CGLU en su construcción; el informe se presentó en el marco "
            "del análisis de los informes nacionales voluntarios durante el II Foro Político de Alto Nivel de "
            "Naciones Unidas, en julio de 2018. La fecha es la de su presentación; el libro no dice cuándo "
            "empezó la colaboración."
        ),
        "source_citation": cite("cap. I §3.5"),
        "source_excerpt": (
            "A nivel internacional, la Ciudad de México ha colaborado con CGLU de manera activa en la construcción "
            "del “Segundo informe global sobre la localización de los ODS”, presentado en el marco del análisis "
            "de los informes nacionales voluntarios durante el II Foro Político de Alto Nivel de Naciones Unidas, "
            "en julio de 2018."
        ),
    },
    {
        "title": "100 Ciudades Resilientes y Agencia de Resiliencia de la Ciudad de México",
        "title_en": "100 Resilient Cities and the Mexico City Resilience Agency",
        "kind": Kind.ALIGNMENT,
        "start_on": month(2017, 9),
        "counterparts": ["fundacion-rockefeller"],
        "frameworks": [SENDAI_FRAMEWORK],
        "themes": ["resiliencia"],
        "description": (
            "La Fundación Rockefeller seleccionó a la Ciudad para su iniciativa «100 Ciudades Resilientes»; "
            "producto de esa asociación, en septiembre de 2017 se inauguró la Agencia de Resiliencia de la "
            "Ciudad, la primera en su tipo en América Latina. La fecha es la de la inauguración de la Agencia: "
            "el libro no fecha aquí la selección (el cap. I §4.6 da a la Ciudad como miembro fundador de 100 "
            "Ciudades Resilientes en 2013), y la nota 26 cita el anuncio de la creación de la Agencia el 18 de "
            "septiembre de 2017."
        ),
        "source_citation": cite("cap. I §3.5; nota 26"),
        "source_excerpt": excerpt(
            "Asimismo, la Ciudad de México ha generado un compromiso con el cumplimiento de la agenda "
            "internacional de resiliencia, cuyos principios están establecidos en el Marco de Sendai para la "
            "Reducción de Riesgos de Desastres.",
            "la Fundación Rockefeller seleccionó a la Ciudad de entre 400 ciudades a nivel mundial para formar "
            "parte de su iniciativa “100 Ciudades Resilientes”. Producto de esta asociación estratégica, en "
            "septiembre de 2017 fue inaugurada la Agencia de Resiliencia de la Ciudad, la primera en su tipo en "
            "América Latina",
            "durante el anuncio de la creación de la Agencia de Resiliencia de la CDMX, el 18 de septiembre de "
            "2017",
        ),
    },
    {
        "title": "Visión de la Ciudad de México en materia de cambio climático hacia 2025",
        "title_en": "Mexico City’s vision on climate change towards 2025",
        "kind": Kind.ALIGNMENT,
        "frameworks": [PARIS_AGREEMENT],
        "themes": ["cambio-climatico"],
        "description": (
            "Instrumento a mediano y largo plazo para identificar retos y oportunidades de acción de mitigación y "
            "adaptación a los efectos del cambio climático. El libro cuenta su presentación a continuación de la "
            "participación del Jefe de Gobierno en la COP21 (París, diciembre de 2015), con «De igual manera», "
            "sin decir dónde ni cuándo se presentó: el registro queda sin fecha."
        ),
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "De igual manera, se presentó la visión de la Ciudad de México en materia de cambio climático hacia "
            "2025, el cual es un instrumento a mediano y largo plazo para identificar retos y oportunidades de "
            "acción de mitigación y adaptación a los efectos del cambio climático."
        ),
    },
    {
        "title": "Comité Nacional Preparatorio para Hábitat III y Reporte Nacional",
        "title_en": "National Preparatory Committee for Habitat III and National Report",
        "kind": Kind.CONSULTATION,
        "frameworks": [NEW_URBAN_AGENDA],
        "themes": ["desarrollo-urbano"],
        "results": (
            "La participación de la ciudad en el Comité facilitó la integración de la visión de los gobiernos "
            "locales mexicanos tanto en el reporte como en los debates durante la conferencia."
        ),
        "description": (
            "La Ciudad formó parte del Comité Nacional Preparatorio para Hábitat III, un espacio de coordinación "
            "institucional multiactor creado a fin de elaborar el Reporte Nacional presentado a las Naciones "
            "Unidas. El libro no fecha el Comité ni el Reporte; la Conferencia Hábitat III se celebró en Quito en "
            "2016."
        ),
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "Primero, formó parte del Comité Nacional Preparatorio para Hábitat III, un espacio de coordinación "
            "institucional multiactor creado a fin de elaborar el Reporte Nacional presentado a las Naciones "
            "Unidas. La participación de la ciudad en el Comité facilitó la integración de la visión de los "
            "gobiernos locales mexicanos tanto en el reporte como en los debates durante la conferencia."
        ),
    },
    # Towards an institutional model, cap. II §3–§5
    {
        "title": "Análisis de cuatro escenarios institucionales para la acción internacional de la Ciudad",
        "title_en": "Analysis of four institutional scenarios for the City’s international action",
        "kind": Kind.TECHNICAL_ASSISTANCE,
        "counterparts": ["cgcid", "union-europea"],
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "results": (
            "El estudio determinó que la acción internacional de la ciudad puede ejercerse por una instancia u "
            "órgano coordinador, instancia u órgano rector, instancia u órgano rector y coordinador, o agencia "
            "descentralizada."
        ),
        "description": (
            "Con la asistencia técnica del Centro de Gestión y Cooperación Internacional para el Desarrollo "
            "(CGCID). La nota 44 dice que se realizó como parte de las acciones del proyecto «Diálogos y "
            "capacidades para una CDMX Global», con el apoyo financiero de la Delegación de la Unión Europea en "
            "México. El libro no lo fecha."
        ),
        "source_citation": cite("cap. II §3; nota 44"),
        "source_excerpt": excerpt(
            "Con la asistencia técnica del Centro de Gestión y Cooperación Internacional para el Desarrollo "
            "(CGCID),",
            "se realizó un análisis de cuatro posibles escenarios institucionales bajo los cuales se "
            "puede ejercer la acción internacional de la ciudad: El estudio determinó que puede ser una instancia "
            "u órgano coordinador, instancia u órgano rector, instancia u órgano rector y coordinador, o agencia "
            "descentralizada.",
            "Esta actividad se realizó como parte de las acciones del proyecto “Diálogos y capacidades para una "
            "CDMX Global”, con el apoyo financiero de la Delegación de la Unión Europea en México.",
        ),
    },
    {
        "title": (
            "Primera propuesta de Ley para la conducción y coordinación de política pública de la Ciudad de "
            "México en materia internacional"
        ),
        "title_en": (
            "First proposal for a Law on the conduct and coordination of Mexico City’s public policy on "
            "international affairs"
        ),
        "kind": Kind.TECHNICAL_ASSISTANCE,
        "counterparts": ["cgcid"],
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "description": (
            "Realizada por Esther Ponce, directora general del Centro de Gestión y Cooperación Internacional para "
            "el Desarrollo, con base en una investigación documental, entrevistas focalizadas y dinámicas de "
            "participación. El libro no la fecha."
        ),
        "source_citation": cite("cap. II §5"),
        "source_excerpt": (
            "Esther Ponce, directora general del Centro de Gestión y Cooperación Internacional para el Desarrollo, "
            "realizó una primera propuesta de Ley para la conducción y coordinación de política pública de la "
            "Ciudad de México en materia internacional, con base en una investigación documental, entrevistas "
            "focalizadas y dinámicas de participación."
        ),
    },
    {
        "title": "Taller “Retos y oportunidades de la acción internacional de la CDMX”",
        "title_en": "Workshop “Challenges and opportunities of CDMX’s international action”",
        "kind": Kind.CONSULTATION,
        "start_on": day(2018, 4, 13),
        "themes": ["internacionalizacion-de-ciudades", "gobernanza"],
        "results": (
            "Se coincidió en la necesidad de contar con un órgano como la CGAI, que coordine y dialogue con todas "
            "las áreas de gobierno, y de fortalecerla institucional y jurídicamente."
        ),
        "description": (
            "Ejercicio de reflexión crítica de la CGAI sobre el modelo de internacionalización de la ciudad, con "
            "más de 37 funcionarios públicos que fungen como enlaces internacionales en las dependencias. El "
            "texto dice «Durante 2018»; la nota 45 da el día."
        ),
        "source_citation": cite("cap. II §4; nota 45"),
        "source_excerpt": excerpt(
            "Durante 2018, la CGAI realizó un ejercicio de reflexión crítica sobre el actual modelo de "
            "internacionalización de la ciudad en el que participaron más de 37 funcionarios públicos que fungen "
            "como enlaces internacionales en las distintas dependencias de la administración pública.",
            "El taller “Retos y oportunidades de la acción internacional de la CDMX” se realizó el 13 de abril de "
            "2018.",
        ),
    },
    # The UNESCO office's contributions, cap. III (Nuria Sanz)
    {
        "title": "Aportación de la Oficina de la UNESCO en México a la redacción del proyecto de Constitución",
        "title_en": (
            "Contribution of the UNESCO Office in Mexico to the drafting of the draft Constitution"
        ),
        "kind": Kind.TECHNICAL_ASSISTANCE,
        "counterparts": ["unesco"],
        "themes": ["cultura", "derechos-humanos"],
        "results": "La inclusión de los derechos culturales como un cimiento del nuevo proyecto de ciudad.",
        "description": (
            "La Oficina de la UNESCO en México recibió la invitación del gobierno capitalino para aportar ideas en "
            "la redacción del proyecto constitucional, según su directora y representante, Nuria Sanz. El libro "
            "no la fecha."
        ),
        "source_citation": SANZ,
        "source_excerpt": excerpt(
            "La Oficina de la UNESCO en México recibió la invitación del gobierno capitalino para aportar ideas "
            "en la redacción del proyecto",
            "constitucional. El resultado no ha podido ser más satisfactorio y valioso. De lo logrado, hay que "
            "destacar la inclusión de los derechos culturales como un cimiento del nuevo proyecto de ciudad.",
        ),
    },
    {
        "title": "Acompañamiento de la Oficina de la UNESCO en México sobre el paisaje chinampero de Xochimilco",
        "title_en": "Support from the UNESCO Office in Mexico on the chinampa landscape of Xochimilco",
        "kind": Kind.TECHNICAL_ASSISTANCE,
        "counterparts": ["unesco"],
        "themes": ["patrimonio-cultural", "medio-ambiente", "agua"],
        "results": (
            "Se definieron las medidas necesarias para proteger su suelo de conservación ambiental ante el reto "
            "de lograr un equilibrio hídrico sostenible."
        ),
        "description": (
            "Parte de la cooperación entre la Oficina de la UNESCO en México y el Gobierno de la Ciudad «a lo "
            "largo de los últimos cinco años», según su directora y representante, Nuria Sanz. El libro no la "
            "fecha."
        ),
        "source_citation": SANZ,
        "source_excerpt": excerpt(
            UNESCO_OFFICE,
            "Hemos acompañado también el desciframiento de soluciones a problemas difíciles de enfrentar, como el "
            "del futuro del paisaje chinampero de Xochimilco. Al respecto, hemos definido las medidas necesarias "
            "para proteger su suelo de conservación ambiental ante el complejo reto que la ciudad enfrenta para "
            "lograr un equilibrio hídrico sostenible.",
        ),
    },
]
