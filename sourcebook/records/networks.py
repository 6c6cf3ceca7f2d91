"""City networks, the city's membership of each, its leadership positions
and the network offices it hosts (cap. I §1, §2, §3.3, §3.5, §4.2, §4.6, §4.7,
§5.3; cap. III).

Networks are those the book says the city takes part in: the eight whose
participation it «reactivó» in 2006-2012 (§2), the thematic, generalist and
regional networks of §4.6, Urban 20 (U20) and the UNESCO's Programa de Acción
Global de Educación para el Desarrollo Sostenible, of which the city is
«miembro» (§4.7). Names are the book's; themes are the book's grouping of the
thematic networks in §4.6 (and resilience for 100 Ciudades Resilientes, §3.5);
a network the book does not group gets none. The scope is the book's where it
says «redes temáticas»; otherwise the description says it is not the book's.

One membership per network, with the role the book gives («miembro fundador»
of 100 Ciudades Resilientes; «miembro» elsewhere). The book dates only the
founding membership of 100 Ciudades Resilientes (2013); positions and offices
carry the periods the book gives, at its precision («desde 2012» is a start
year and no end; «de 2012 a 2014» a start and an end year).
"""

from networks.models import Network

from . import UNDATED, cite, excerpt, year

Scope = Network.Scope

HISTORY = cite("cap. I §2")
NETWORKS_SECTION = cite("cap. I §4.6")
GOVERNANCE = cite("cap. I §4.7")

NOT_THE_BOOKS_SCOPE = (
    "No lo da el libro: el alcance de la red (el libro la nombra entre las «redes generalistas y regionales» "
    "sin decir cuál es qué)."
)
NOT_GROUPED = "No lo da el libro: el alcance de la red (el libro no la agrupa)."

# Verbatim passages used by several records.
REACTIVATED = (
    "En este periodo, la ciudad reactivó su participación en las principales redes internacionales de gobiernos "
    "locales"
)
PERIOD_2006_2012 = "Durante el periodo 2006-2012"
THEMATIC = "La ciudad participa en 12 redes temáticas de ciudades"
GENERALIST = "En términos de su participación en redes generalistas y regionales: CGLU, UCCI, METROPOLIS"
ACTIVE_MEMBERS = "en tanto miembros activos de la red C40 y AL-LAs"
UNESCO_THREE = (
    "Asimismo, pertenece a tres redes de ciudades creadas por la Organización de las Naciones Unidas para la "
    "Educación, la Ciencia y la Cultura (UNESCO)"
)
REACTIVATED_NOTE = (
    "El libro dice que en el periodo 2006-2012 la ciudad «reactivó su participación» en esta red; no da el "
    "inicio de la membresía."
)
REACTIVATED_NOTE_EN = (
    "The book says that in the 2006-2012 period the city «reactivó su participación» (reactivated its "
    "participation) in this network; it does not give the start of the membership."
)

NETWORKS = [
    {
        "slug": "c40",
        "name": "Grupo de Liderazgo Climático C40",
        "name_en": "C40 Cities Climate Leadership Group",
        "acronym": "C40",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-sostenible", "cambio-climatico"],
        "description": "El libro la llama también «Grupo de Liderazgo Climático (C40 Cities)» y «la red C40».",
        "source_citation": cite("cap. I §4.6; siglas"),
        "source_excerpt": excerpt(
            "Desarrollo sustentable y cambio climático: Grupo de Liderazgo Climático (C40 Cities) y "
            "Gobiernos Locales por la Sustentabilidad (ICLEI)",
            "del Grupo de Liderazgo Climático C40",
            "C40 Grupo de Liderazgo Climático",
        ),
    },
    {
        "slug": "iclei",
        "name": "Gobiernos Locales por la Sustentabilidad",
        "name_en": "ICLEI – Local Governments for Sustainability",
        "acronym": "ICLEI",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-sostenible", "cambio-climatico"],
        "description": (
            "El libro la llama también «Consejo Internacional para las Iniciativas Ambientales Locales (ICLEI, "
            "por sus siglas en inglés)» (cap. I §2) y «Gobiernos Locales por la Sostenibilidad» (siglas)."
        ),
        "source_citation": cite("cap. I §2, §4.6; siglas"),
        "source_excerpt": excerpt(
            "Gobiernos Locales por la Sustentabilidad (ICLEI)",
            "el Consejo Internacional para las Iniciativas Ambientales Locales (ICLEI, por sus siglas en inglés)",
            "Desarrollo sustentable y cambio climático: Grupo de Liderazgo Climático (C40 Cities) y "
            "Gobiernos Locales por la Sustentabilidad (ICLEI)",
            "ICLEI Gobiernos Locales por la Sostenibilidad",
        ),
    },
    {
        "slug": "100-ciudades-resilientes",
        "name": "100 Ciudades Resilientes",
        "name_en": "100 Resilient Cities",
        "scope": Scope.THEMATIC,
        "convened_by": "fundacion-rockefeller",
        "themes": ["desarrollo-urbano", "movilidad", "resiliencia"],
        "description": "Iniciativa de la Fundación Rockefeller.",
        "source_citation": cite("cap. I §3.5, §4.6"),
        "source_excerpt": excerpt(
            "compromiso con el cumplimiento de la agenda internacional de resiliencia",
            "la Fundación Rockefeller seleccionó a la Ciudad de entre 400 ciudades a nivel mundial para formar "
            "parte de su iniciativa “100 Ciudades Resilientes”",
            "Desarrollo urbano y movilidad: vía 100 Ciudades Resilientes de la Fundación Rockefeller",
        ),
    },
    {
        "slug": "fmdv",
        "name": "Fondo Mundial para el Desarrollo de las Ciudades",
        "name_en": "Global Fund for Cities Development",
        "acronym": "FMDV",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-urbano", "movilidad"],
        "description": (
            "Creado por iniciativa de Metropolis y CGLU; alianza internacional de gobiernos locales y "
            "regionales. Sus siglas son las del francés «Fonds Mondial pour le Développement des Villes»."
        ),
        "source_citation": cite("cap. I §4.6; siglas"),
        "source_excerpt": excerpt(
            "Fondo Mundial para el Desarrollo de las Ciudades (FMDV)",
            "(FMDV por sus siglas en francés)",
            "Creado por iniciativa de Metropolis y CGLU, el Fondo Mundial para el Desarrollo de las Ciudades "
            "(FMDV) es una alianza internacional de gobiernos locales y regionales",
            "FMDV Fonds Mondial pour le Développement des Villes/Fondo Mundial para el Desarrollo de las Ciudades",
        ),
    },
    {
        "slug": "wego",
        "name": "World e-Governments Organization of Cities and Local Governments",
        "name_en": "World e-Governments Organization of Cities and Local Governments",
        "acronym": "WeGO",
        "scope": Scope.THEMATIC,
        "themes": ["innovacion"],
        "description": (
            "El libro también la llama «Organización Mundial de Ciudades Inteligentes y Sostenibles» y la cuenta "
            "entre las «dos redes establecidas en ciudades asiáticas»."
        ),
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Innovación: World e-Governments Organization of Cities and Local Governments (WeGo)",
            "Participa en dos redes establecidas en ciudades asiáticas",
            "la Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO)",
        ),
    },
    {
        "slug": "ciudades-creativas-unesco",
        "name": "Red de Ciudades Creativas de la UNESCO",
        "name_en": "UNESCO Creative Cities Network",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["innovacion"],
        "description": "El libro la llama también «Ciudades Creativas, UNESCO».",
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Ciudades Creativas, UNESCO",
            UNESCO_THREE,
            "la Red de Ciudades Creativas de la UNESCO",
        ),
    },
    {
        "slug": "ciudades-del-aprendizaje-unesco",
        "name": "Ciudades del aprendizaje, UNESCO",
        "name_en": "Learning Cities, UNESCO",
        "acronym": "UIL",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["educacion"],
        "description": (
            "El libro la nombra «ciudades del aprendizaje, UNESCO» y, entre las tres redes de ciudades creadas "
            "por la UNESCO, «el Instituto de la UNESCO para el Aprendizaje a lo Largo de toda la Vida (UIL)»."
        ),
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Educación: ciudades del aprendizaje, UNESCO",
            UNESCO_THREE,
            "el Instituto de la UNESCO para el Aprendizaje a lo Largo de toda la Vida (UIL)",
        ),
    },
    {
        "slug": "alcaldes-por-la-paz",
        "name": "Alcaldes por la Paz",
        "name_en": "Mayors for Peace",
        "scope": Scope.THEMATIC,
        "themes": ["paz", "democracia"],
        "description": "El libro la cuenta entre las «dos redes establecidas en ciudades asiáticas».",
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt(
            "Alcaldes por la Paz",
            "Paz y democracia: Alcaldes por la Paz",
            "Participa en dos redes establecidas en ciudades asiáticas: en Alcaldes por la Paz",
        ),
    },
    {
        "slug": "coalicion-ciudades-contra-el-racismo",
        "name": "Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la Discriminación y la Xenofobia",
        "name_en": (
            "Latin American and Caribbean Coalition of Cities against Racism, Discrimination and Xenophobia"
        ),
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["inclusion-social"],
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Inclusión social: Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la "
            "Discriminación y la Xenofobia",
            UNESCO_THREE,
            "la Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la Discriminación y la "
            "Xenofobia de la UNESCO",
        ),
    },
    {
        "slug": "al-las",
        "name": "Alianza Euro Latinoamericana de Cooperación entre Ciudades",
        "name_en": "Euro-Latin American Alliance for Cooperation between Cities",
        "acronym": "AL-LAs",
        "scope": Scope.THEMATIC,
        "themes": ["internacionalizacion-de-ciudades"],
        "description": (
            "Alianza de ciudades y gobiernos locales de Europa y América Latina; nació en 2012 con el apoyo de la "
            "Unión Europea y la coordina el Gobierno de la Ciudad de México. Según el libro, sus socios son las "
            "ciudades de Belo Horizonte, Río de Janeiro y el Gobierno del Estado de Minas Gerais, Brasil; Lima, "
            "Perú; Madrid, España; Medellín, Colombia; Montevideo, Uruguay; París, Francia; y Quito, Ecuador, así "
            "como las redes europeas de Ciudades Unidas de Francia (CUF) y el Fondo Andaluz de Municipios para la "
            "Solidaridad Internacional (FAMSI) de España."
        ),
        "source_citation": cite("cap. I §3.3, §4.6, §5.3"),
        "source_excerpt": excerpt(
            "la Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)",
            "Internacionalización de ciudades: Alianza Euro-latinoamericana de Cooperación entre Ciudades (AL-LAs)",
            "AL-LAs es una alianza de ciudades y gobiernos locales de Europa y América Latina. Nació en 2012, "
            "con el apoyo de la Unión Europea",
            "Coordinada por el Gobierno de la Ciudad de México",
            "Los socios de la red son las ciudades de Belo Horizonte, Río de Janeiro y el Gobierno del Estado de "
            "Minas Gerais, Brasil; Lima, Perú; Madrid, España; Medellín, Colombia; Montevideo, Uruguay; París, "
            "Francia; y Quito, Ecuador, así como las redes europeas de Ciudades Unidas de Francia (CUF) y el Fondo "
            "Andaluz de Municipios para la Solidaridad Internacional (FAMSI) de España.",
        ),
    },
    {
        "slug": "cglu",
        "name": "Ciudades y Gobiernos Locales Unidos",
        "name_en": "United Cities and Local Governments",
        "acronym": "CGLU",
        "scope": Scope.GLOBAL,
        "description": NOT_THE_BOOKS_SCOPE,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt("Ciudades y Gobiernos Locales Unidos (CGLU)", GENERALIST),
    },
    {
        "slug": "ucci",
        "name": "Unión de Ciudades Capitales Iberoamericanas",
        "name_en": "Union of Ibero-American Capital Cities",
        "acronym": "UCCI",
        "scope": Scope.REGIONAL,
        "description": NOT_THE_BOOKS_SCOPE,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt("la Unión de Ciudades Capitales Iberoamericanas (UCCI)", GENERALIST),
    },
    {
        "slug": "metropolis",
        "name": "Asociación Mundial de las Grandes Metrópolis",
        "name_en": "World Association of the Major Metropolises",
        "acronym": "METROPOLIS",
        "scope": Scope.GLOBAL,
        "description": NOT_THE_BOOKS_SCOPE,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt("la Asociación Mundial de las Grandes Metrópolis (METROPOLIS)", GENERALIST),
    },
    {
        "slug": "red-global-de-ciudades-seguras",
        "name": "Red Global de Ciudades Seguras",
        "name_en": "Global Network on Safer Cities",
        "acronym": "Safer Cities",
        "scope": Scope.THEMATIC,
        "convened_by": "onu-habitat",
        "description": (
            f"De ONU-Hábitat; el libro da entre paréntesis su nombre en inglés, «Safer Cities». {NOT_GROUPED}"
        ),
        "source_citation": HISTORY,
        "source_excerpt": "la Red Global de Ciudades Seguras de ONU-Hábitat (Safer Cities)",
    },
    {
        "slug": "ciudades-patrimonio-de-la-humanidad",
        "name": "Ciudades Patrimonio de la Humanidad",
        "name_en": "World Heritage Cities",
        "scope": Scope.THEMATIC,
        "description": NOT_GROUPED,
        "source_citation": HISTORY,
        "source_excerpt": "Ciudades Patrimonio de la Humanidad",
    },
    {
        "slug": "flacma",
        "name": "Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas",
        "name_en": "Latin American Federation of Cities, Municipalities and Municipal Associations",
        "acronym": "FLACMA",
        "scope": Scope.REGIONAL,
        "description": (
            "En la lista de siglas el libro la llama «Federación Latinoamericana de Ciudades Municipios y "
            f"Asociaciones de Gobiernos Locales». {NOT_GROUPED}"
        ),
        "source_citation": cite("cap. I §2; siglas"),
        "source_excerpt": excerpt(
            "la Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas (FLACMA)",
            "FLACMA Federación Latinoamericana de Ciudades Municipios y Asociaciones de Gobiernos Locales",
        ),
    },
    {
        "slug": "u20",
        "name": "Urban 20",
        "name_en": "Urban 20",
        "acronym": "U20",
        "scope": Scope.GLOBAL,
        "description": (
            "Iniciativa desarrollada en 2017 bajo el liderazgo del alcalde de Buenos Aires y la alcaldesa de "
            "París, también presidenta de C40, para incidir en el Grupo de Jefes de Estado G20. No lo da el "
            "libro: el alcance de la red (el libro la llama iniciativa)."
        ),
        "source_citation": GOVERNANCE,
        "source_excerpt": excerpt(
            "Urban 20",
            "U20 es una iniciativa desarrollada en 2017 bajo el liderazgo del alcalde de Buenos Aires y la "
            "alcaldesa de París, también presidenta de C40",
            "para incidir en el denominado Grupo de Jefes de Estado G20",
        ),
    },
    {
        "slug": "programa-de-accion-global-eds-unesco",
        "name": "Programa de Acción Global de Educación para el Desarrollo Sostenible",
        "name_en": "Global Action Programme on Education for Sustainable Development",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "description": (
            "Programa de la UNESCO del que la ciudad es miembro; el libro dice que «finalizará en 2019». No lo da "
            "el libro: el alcance de la red (el libro lo llama programa, no red)."
        ),
        "source_citation": GOVERNANCE,
        "source_excerpt": excerpt(
            "como miembro del Programa de Acción Global de Educación para el Desarrollo Sostenible de la UNESCO",
            "con el fin de desarrollar una ampliación del Programa que finalizará en 2019",
        ),
    },
]


def member(network: str, where: str, *pieces: str, notes: str = "", notes_en: str = "") -> dict:
    """The city's plain membership of ``network``: undated, as the book gives it."""
    return {
        "network": network,
        "role": "Miembro",
        "start_on": UNDATED,
        "notes": notes,
        "notes_en": notes_en,
        "source_citation": cite(where),
        "source_excerpt": excerpt(*pieces),
    }


MEMBERSHIPS = [
    member(
        "c40", "cap. I §4.2, §4.6, §4.7",
        ACTIVE_MEMBERS,
        THEMATIC,
        "Desarrollo sustentable y cambio climático: Grupo de Liderazgo Climático (C40 Cities)",
        "como representantes de las ciudades de la red C40",
    ),
    member(
        "iclei", "cap. I §2, §4.6",
        PERIOD_2006_2012, REACTIVATED, "Gobiernos Locales por la Sustentabilidad (ICLEI)", THEMATIC,
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    {
        "network": "100-ciudades-resilientes",
        "role": "Miembro fundador",
        "start_on": year(2013),
        "source_citation": cite("cap. I §3.5, §4.6"),
        "source_excerpt": excerpt(
            "la Fundación Rockefeller seleccionó a la Ciudad de entre 400 ciudades a nivel mundial para formar "
            "parte de su iniciativa “100 Ciudades Resilientes”",
            THEMATIC,
            "miembro fundador de 100 Ciudades Resilientes en 2013",
        ),
    },
    member(
        "fmdv", "cap. I §4.6",
        THEMATIC, "Fondo Mundial para el Desarrollo de las Ciudades (FMDV)",
    ),
    member(
        "wego", "cap. I §4.6",
        THEMATIC,
        "Innovación: World e-Governments Organization of Cities and Local Governments (WeGo)",
        "Participa en dos redes establecidas en ciudades asiáticas",
    ),
    member(
        "ciudades-creativas-unesco", "cap. I §4.6; cap. III, Sanz",
        THEMATIC, "Ciudades Creativas, UNESCO", UNESCO_THREE, "la Red de Ciudades Creativas de la UNESCO",
        "las designaciones de la UNESCO como patrimonio mundial, ciudad del aprendizaje, ciudad de los derechos y "
        "la tolerancia y ciudad creativa",
    ),
    member(
        "ciudades-del-aprendizaje-unesco", "cap. I §4.6; cap. III, Sanz",
        THEMATIC, "Educación: ciudades del aprendizaje, UNESCO", UNESCO_THREE,
        "el Instituto de la UNESCO para el Aprendizaje a lo Largo de toda la Vida (UIL)",
        "las designaciones de la UNESCO como patrimonio mundial, ciudad del aprendizaje, ciudad de los derechos y "
        "la tolerancia y ciudad creativa",
    ),
    member(
        "alcaldes-por-la-paz", "cap. I §2, §4.6",
        PERIOD_2006_2012, REACTIVATED, "Alcaldes por la Paz", THEMATIC, "Paz y democracia: Alcaldes por la Paz",
        "Participa en dos redes establecidas en ciudades asiáticas: en Alcaldes por la Paz",
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "coalicion-ciudades-contra-el-racismo", "cap. I §4.6",
        THEMATIC,
        "Inclusión social: Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la Discriminación "
        "y la Xenofobia",
        UNESCO_THREE,
    ),
    {
        **member(
            "al-las", "cap. I §4.2, §4.6",
            ACTIVE_MEMBERS,
            THEMATIC,
            "Internacionalización de ciudades: Alianza Euro-latinoamericana de Cooperación entre Ciudades (AL-LAs)",
            notes=(
                "El libro no da el inicio de la membresía: dice que AL-LAs «Nació en 2012» y que la ciudad la "
                "coordina (ver el cargo «Coordinación General»)."
            ),
            notes_en=(
                "The book does not give the start of the membership: it says that AL-LAs «Nació en 2012» (was "
                "born in 2012) and that the city coordinates it (see the position «General Coordination»)."
            ),
        ),
        # The book gives no start for the city's coordination of AL-LAs: the
        # role is now the plain membership the book states («miembros activos
        # de la red C40 y AL-LAs»); the coordination is the position.
        "formerly": ["Coordinadora general"],
    },
    member(
        "cglu", "cap. I §2, §4.6; cap. III, Muñoz Ledo",
        PERIOD_2006_2012, REACTIVATED, "Ciudades y Gobiernos Locales Unidos (CGLU)", GENERALIST,
        "Como parte de Ciudades y Gobiernos Locales Unidos (CGLU)",
        "es miembro destacado de Ciudades y Gobiernos Locales Unidos",
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "ucci", "cap. I §2, §4.6",
        PERIOD_2006_2012, REACTIVATED, "la Unión de Ciudades Capitales Iberoamericanas (UCCI)", GENERALIST,
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "metropolis", "cap. I §2, §4.6",
        PERIOD_2006_2012, REACTIVATED, "la Asociación Mundial de las Grandes Metrópolis (METROPOLIS)", GENERALIST,
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "red-global-de-ciudades-seguras", "cap. I §2",
        PERIOD_2006_2012, REACTIVATED, "la Red Global de Ciudades Seguras de ONU-Hábitat (Safer Cities)",
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "ciudades-patrimonio-de-la-humanidad", "cap. I §2",
        PERIOD_2006_2012, REACTIVATED, "Ciudades Patrimonio de la Humanidad",
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "flacma", "cap. I §2",
        PERIOD_2006_2012, REACTIVATED,
        "la Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas (FLACMA)",
        notes=REACTIVATED_NOTE,
        notes_en=REACTIVATED_NOTE_EN,
    ),
    member(
        "u20", "cap. I §4.7",
        "U20 es una iniciativa desarrollada en 2017",
        "La Ciudad de México es una de las 20 ciudades miembro que ya han firmado la Declaración Conjunta",
        notes=(
            "El libro no da la fecha en que la ciudad firmó la Declaración Conjunta; dice que U20 «es una "
            "iniciativa desarrollada en 2017»."
        ),
        notes_en=(
            "The book does not give the date on which the city signed the Joint Declaration; it says that U20 "
            "«es una iniciativa desarrollada en 2017» (is an initiative developed in 2017)."
        ),
    ),
    member(
        "programa-de-accion-global-eds-unesco", "cap. I §4.7",
        "como miembro del Programa de Acción Global de Educación para el Desarrollo Sostenible de la UNESCO, la "
        "ciudad participó en la reunión consultiva de julio del 2018",
        notes=(
            "El libro no da el inicio de la membresía; la nombra a propósito de la reunión consultiva de julio del "
            "2018."
        ),
        notes_en=(
            "The book does not give the start of the membership; it names it in connection with the "
            "consultative meeting of July 2018."
        ),
    ),
]

UCCI_EXCERPT = (
    "En la Unión de Ciudades Capitales Iberoamericanas (UCCI), ostentó la Presidencia de los Comités Sectoriales "
    "de 2012 a 2014, la Presidencia del Comité Sectorial de Políticas Sociales y de Turismo de 2014 a 2016 y la "
    "Vicepresidencia Temática de Desarrollo Económico de 2016-2018."
)
CGLU_EXCERPT = (
    "Como parte de Ciudades y Gobiernos Locales Unidos (CGLU); miembros del Buró Ejecutivo y copresidencia de "
    "las Comisiones de Cultura e Inclusión Social y Democracia Participativa."
)
CGLU_COMMISSIONS = (
    "El libro dice «copresidencia de las Comisiones de Cultura e Inclusión Social y Democracia Participativa»: "
    "se lee como dos comisiones."
)
CGLU_COMMISSIONS_EN = (
    "The book says «copresidencia de las Comisiones de Cultura e Inclusión Social y Democracia Participativa» "
    "(co-chair of the Committees on Culture and Social Inclusion and Participatory Democracy): it is read as two "
    "committees."
)
ASIAN_NETWORKS_EXCERPT = (
    "Participa en dos redes establecidas en ciudades asiáticas: en Alcaldes por la Paz como Vicepresidente y en "
    "la Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO) como Vicepresidente y Oficina "
    "Regional para América Latina partir de 2017."
)
#: What «partir de 2017» applies to in ASIAN_NETWORKS_EXCERPT.
FROM_2017 = (
    "La frase del libro es ambigua: «(WeGO) como Vicepresidente y Oficina Regional para América Latina partir "
    "de 2017». «partir de 2017» sigue a la oficina regional, que lo lleva en cualquier lectura; puede valer "
    "también para la vicepresidencia de WeGO, pero el libro no lo dice claramente"
)
FROM_2017_EN = (
    "The book's sentence is ambiguous: «(WeGO) como Vicepresidente y Oficina Regional para América Latina partir "
    "de 2017» (WeGO, as Vice-President and Regional Office for Latin America from 2017). «partir de 2017» (from "
    "2017) follows the regional office, which carries it on any reading; it may also apply to the WeGO "
    "vice-presidency, but the book does not say so clearly"
)
AL_LAS_COORDINATION = (
    "El libro no dice desde cuándo coordina la ciudad AL-LAs: la alianza «Nació en 2012» y la coordinación se "
    "asumió en la administración 2012-2018 (cap. I §3.3), sin año."
)
AL_LAS_COORDINATION_EN = (
    "The book does not say since when the city has coordinated AL-LAs: the alliance «Nació en 2012» (was born in "
    "2012) and the coordination was taken on under the 2012-2018 administration (cap. I §3.3), with no year."
)

_POSITIONS = [
    {
        "network": "c40",
        "title": "Miembro del Comité Directivo en representación de América Latina",
        "title_en": "Member of the Steering Committee representing Latin America",
        "organ": "Comité Directivo",
        "organ_en": "Steering Committee",
        "start_on": year(2016),
        "end_on": year(2016),
        "notes": "El libro dice «en 2016»: el cargo se registra en ese año, de principio a fin.",
        "notes_en": (
            "The book says «en 2016» (in 2016): the position is recorded in that year, from start to end."
        ),
        "source_excerpt": (
            "La Ciudad de México ha sido miembro del Comité Directivo en representación de América Latina en "
            "2016 del Grupo de Liderazgo Climático C40"
        ),
    },
    {
        "network": "ucci",
        "title": "Presidencia de los Comités Sectoriales",
        "title_en": "Chair of the Sectoral Committees",
        "organ": "Comités Sectoriales",
        "organ_en": "Sectoral Committees",
        "start_on": year(2012),
        "end_on": year(2014),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "ucci",
        "title": "Presidencia del Comité Sectorial de Políticas Sociales y de Turismo",
        "title_en": "Chair of the Sectoral Committee on Social Policies and Tourism",
        "organ": "Comité Sectorial de Políticas Sociales y de Turismo",
        "organ_en": "Sectoral Committee on Social Policies and Tourism",
        "start_on": year(2014),
        "end_on": year(2016),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "ucci",
        "title": "Vicepresidencia Temática de Desarrollo Económico",
        "title_en": "Thematic Vice-Presidency for Economic Development",
        "start_on": year(2016),
        "end_on": year(2018),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Miembro del Buró Ejecutivo",
        "title_en": "Member of the Executive Bureau",
        "organ": "Buró Ejecutivo",
        "organ_en": "Executive Bureau",
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Copresidencia de la Comisión de Cultura",
        "title_en": "Co-chair of the Committee on Culture",
        "organ": "Comisión de Cultura",
        "organ_en": "Committee on Culture",
        "notes": CGLU_COMMISSIONS,
        "notes_en": CGLU_COMMISSIONS_EN,
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Copresidencia de la Comisión de Inclusión Social y Democracia Participativa",
        "title_en": "Co-chair of the Committee on Social Inclusion and Participatory Democracy",
        "organ": "Comisión de Inclusión Social y Democracia Participativa",
        "organ_en": "Committee on Social Inclusion and Participatory Democracy",
        "notes": CGLU_COMMISSIONS,
        "notes_en": CGLU_COMMISSIONS_EN,
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "metropolis",
        "title": "Miembro del Consejo de Administración",
        "title_en": "Member of the Board of Directors",
        "organ": "Consejo de Administración",
        "organ_en": "Board of Directors",
        "source_excerpt": "Ha fungido como miembro del Consejo de Administración de Metropolis",
    },
    {
        "network": "alcaldes-por-la-paz",
        "title": "Vicepresidencia",
        "title_en": "Vice-Presidency",
        "notes": f"{FROM_2017}; no se refiere a Alcaldes por la Paz, que queda sin fecha.",
        "notes_en": f"{FROM_2017_EN}; it does not refer to Mayors for Peace, which is left undated.",
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
    {
        "network": "wego",
        "title": "Vicepresidencia",
        "title_en": "Vice-Presidency",
        "notes": f"{FROM_2017}: la vicepresidencia queda sin fecha.",
        "notes_en": f"{FROM_2017_EN}: the vice-presidency is left undated.",
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
    {
        "network": "al-las",
        "title": "Coordinación General",
        "title_en": "General Coordination",
        "notes": AL_LAS_COORDINATION,
        "notes_en": AL_LAS_COORDINATION_EN,
        "source_citation": cite("cap. I §1, §3.3, §5.3; cap. III, Carmena"),
        "source_excerpt": excerpt(
            "Como líder de la Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)",
            "se asumió la Coordinación General de la Alianza Euro Latinoamericana de Cooperación entre Ciudades "
            "(AL-LAs)",
            "Coordinada por el Gobierno de la Ciudad de México",
            "el liderazgo de la Ciudad de México encabezando los trabajos de la Alianza Euro Latinoamericana de "
            "Cooperación entre Ciudades (AL-LAs)",
        ),
    },
]

_HOSTED_OFFICES = [
    {
        "network": "fmdv",
        "name": "Oficina Regional para América Latina del Fondo Mundial para el Desarrollo de las Ciudades",
        "name_en": "Latin American Regional Office of the Global Fund for Cities Development",
        "host_body": "cgai",
        "start_on": year(2012),
        "source_citation": cite("cap. I §3.3, §4.6"),
        "source_excerpt": excerpt(
            "se integró la Oficina Regional para América Latina del Fondo Mundial para el Desarrollo de las "
            "Ciudades (FMDV)",
            "es sede de la Oficina Regional para América Latina del Fondo Mundial para el Desarrollo de las "
            "Ciudades (FMDV por sus siglas en francés) desde 2012",
            "La Coordinación General de Asuntos Internacionales de la Ciudad de México alberga, desde 2012, la "
            "Oficina Regional para América Latina del FMDV",
        ),
    },
    {
        "network": "metropolis",
        "name": "Centro Regional de Formación para América de Metropolis",
        "name_en": "Metropolis Regional Training Centre for the Americas",
        "source_excerpt": "ser sede del Centro Regional de Formación para América de Metropolis.",
    },
    {
        "network": "wego",
        "name": "Oficina Regional para América Latina de WeGO",
        "name_en": "WeGO Regional Office for Latin America",
        "start_on": year(2017),
        "notes": f"{FROM_2017}; la oficina empieza en 2017.",
        "notes_en": f"{FROM_2017_EN}; the office starts in 2017.",
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
]

POSITIONS = [{"source_citation": NETWORKS_SECTION, **position} for position in _POSITIONS]
HOSTED_OFFICES = [{"source_citation": NETWORKS_SECTION, **office} for office in _HOSTED_OFFICES]
