"""City networks, the city's membership of each, its leadership positions
and the network offices it hosts (cap. I §2, §3.3, §4.6, §5.3).

One membership per network: the book gives a role or a start only for 100
Ciudades Resilientes (founding member, 2013) and AL-LAs (coordinator; the
alliance was born in 2012). Themes are the book's grouping of the networks in
§4.6; the generalist and regional networks get none.
"""

from networks.models import Network

from . import UNDATED, cite, excerpt, year

Scope = Network.Scope

HISTORY = cite("cap. I §2")
NETWORKS_SECTION = cite("cap. I §4.6")

NETWORKS = [
    {
        "slug": "c40",
        "name": "Grupo de Liderazgo Climático C40",
        "acronym": "C40",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-sostenible", "cambio-climatico"],
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": (
            "Desarrollo sustentable y cambio climático: Grupo de Liderazgo Climático (C40 Cities) y "
            "Gobiernos Locales por la Sustentabilidad (ICLEI)"
        ),
    },
    {
        "slug": "iclei",
        "name": "Gobiernos Locales por la Sustentabilidad",
        "acronym": "ICLEI",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-sostenible", "cambio-climatico"],
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt(
            "Gobiernos Locales por la Sustentabilidad (ICLEI)",
            "Desarrollo sustentable y cambio climático: Grupo de Liderazgo Climático (C40 Cities) y "
            "Gobiernos Locales por la Sustentabilidad (ICLEI)",
        ),
    },
    {
        "slug": "100-ciudades-resilientes",
        "name": "100 Ciudades Resilientes",
        "acronym": "100RC",
        "scope": Scope.THEMATIC,
        "convened_by": "fundacion-rockefeller",
        "themes": ["desarrollo-urbano", "movilidad", "resiliencia"],
        "description": "Iniciativa de la Fundación Rockefeller.",
        "source_citation": cite("cap. I §3.5, §4.6"),
        "source_excerpt": excerpt(
            "la Fundación Rockefeller seleccionó a la Ciudad de entre 400 ciudades a nivel mundial para formar "
            "parte de su iniciativa “100 Ciudades Resilientes”",
            "Desarrollo urbano y movilidad: vía 100 Ciudades Resilientes de la Fundación Rockefeller",
        ),
    },
    {
        "slug": "fmdv",
        "name": "Fondo Mundial para el Desarrollo de las Ciudades",
        "acronym": "FMDV",
        "scope": Scope.THEMATIC,
        "themes": ["desarrollo-urbano", "movilidad"],
        "description": (
            "Creado por iniciativa de Metropolis y CGLU; alianza internacional de gobiernos locales y "
            "regionales para el financiamiento del desarrollo urbano."
        ),
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Fondo Mundial para el Desarrollo de las Ciudades (FMDV)",
            "Creado por iniciativa de Metropolis y CGLU, el Fondo Mundial para el Desarrollo de las Ciudades "
            "(FMDV) es una alianza internacional de gobiernos locales y regionales",
        ),
    },
    {
        "slug": "wego",
        "name": "World e-Governments Organization of Cities and Local Governments",
        "acronym": "WeGO",
        "scope": Scope.THEMATIC,
        "themes": ["innovacion"],
        "description": "El libro también la llama «Organización Mundial de Ciudades Inteligentes y Sostenibles».",
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Innovación: World e-Governments Organization of Cities and Local Governments (WeGo)",
            "la Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO)",
        ),
    },
    {
        "slug": "ciudades-creativas-unesco",
        "name": "Red de Ciudades Creativas de la UNESCO",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["innovacion"],
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": "la Red de Ciudades Creativas de la UNESCO",
    },
    {
        "slug": "ciudades-del-aprendizaje-unesco",
        "name": "Red de Ciudades del Aprendizaje de la UNESCO",
        "acronym": "UIL",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["educacion"],
        "description": "Del Instituto de la UNESCO para el Aprendizaje a lo Largo de toda la Vida (UIL).",
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": excerpt(
            "Educación: ciudades del aprendizaje, UNESCO",
            "el Instituto de la UNESCO para el Aprendizaje a lo Largo de toda la Vida (UIL)",
        ),
    },
    {
        "slug": "alcaldes-por-la-paz",
        "name": "Alcaldes por la Paz",
        "scope": Scope.THEMATIC,
        "themes": ["paz", "democracia"],
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": "Paz y democracia: Alcaldes por la Paz",
    },
    {
        "slug": "coalicion-ciudades-contra-el-racismo",
        "name": "Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la Discriminación y la Xenofobia",
        "scope": Scope.THEMATIC,
        "convened_by": "unesco",
        "themes": ["inclusion-social"],
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": (
            "Inclusión social: Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la "
            "Discriminación y la Xenofobia"
        ),
    },
    {
        "slug": "al-las",
        "name": "Alianza Euro Latinoamericana de Cooperación entre Ciudades",
        "acronym": "AL-LAs",
        "scope": Scope.THEMATIC,
        "themes": ["internacionalizacion-de-ciudades"],
        "description": (
            "Alianza de ciudades y gobiernos locales de Europa y América Latina, nacida en 2012 con el apoyo "
            "de la Unión Europea y coordinada por el Gobierno de la Ciudad de México."
        ),
        "source_citation": cite("cap. I §4.6, §5.3"),
        "source_excerpt": excerpt(
            "Internacionalización de ciudades: Alianza Euro-latinoamericana de Cooperación entre Ciudades (AL-LAs)",
            "AL-LAs es una alianza de ciudades y gobiernos locales de Europa y América Latina. Nació en 2012, "
            "con el apoyo de la Unión Europea",
        ),
    },
    {
        "slug": "cglu",
        "name": "Ciudades y Gobiernos Locales Unidos",
        "acronym": "CGLU",
        "scope": Scope.GLOBAL,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt(
            "Ciudades y Gobiernos Locales Unidos (CGLU)",
            "En términos de su participación en redes generalistas y regionales: CGLU, UCCI, METROPOLIS",
        ),
    },
    {
        "slug": "ucci",
        "name": "Unión de Ciudades Capitales Iberoamericanas",
        "acronym": "UCCI",
        "scope": Scope.REGIONAL,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt(
            "la Unión de Ciudades Capitales Iberoamericanas (UCCI)",
            "En términos de su participación en redes generalistas y regionales: CGLU, UCCI, METROPOLIS",
        ),
    },
    {
        "slug": "metropolis",
        "name": "Asociación Mundial de las Grandes Metrópolis",
        "acronym": "METROPOLIS",
        "scope": Scope.GLOBAL,
        "source_citation": cite("cap. I §2, §4.6"),
        "source_excerpt": excerpt(
            "la Asociación Mundial de las Grandes Metrópolis (METROPOLIS)",
            "En términos de su participación en redes generalistas y regionales: CGLU, UCCI, METROPOLIS",
        ),
    },
    {
        "slug": "red-global-de-ciudades-seguras",
        "name": "Red Global de Ciudades Seguras",
        "acronym": "Safer Cities",
        "scope": Scope.THEMATIC,
        "convened_by": "onu-habitat",
        "themes": ["seguridad"],
        "source_citation": HISTORY,
        "source_excerpt": "la Red Global de Ciudades Seguras de ONU-Hábitat (Safer Cities)",
    },
    {
        "slug": "ciudades-patrimonio-de-la-humanidad",
        "name": "Ciudades Patrimonio de la Humanidad",
        "scope": Scope.THEMATIC,
        "themes": ["patrimonio-cultural"],
        "source_citation": HISTORY,
        "source_excerpt": "Ciudades Patrimonio de la Humanidad",
    },
    {
        "slug": "flacma",
        "name": "Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas",
        "acronym": "FLACMA",
        "scope": Scope.REGIONAL,
        "source_citation": HISTORY,
        "source_excerpt": (
            "la Federación Latinoamericana de Ciudades, Municipios y Asociaciones Municipalistas (FLACMA)"
        ),
    },
]

#: Memberships whose role or start the book gives; every other network gets a
#: plain, undated membership citing the network's own passage.
MEMBERSHIP_DETAILS = {
    "100-ciudades-resilientes": {
        "role": "Miembro fundador",
        "start_on": year(2013),
        "source_citation": NETWORKS_SECTION,
        "source_excerpt": "miembro fundador de 100 Ciudades Resilientes en 2013",
    },
    "al-las": {
        "role": "Coordinadora general",
        "start_on": year(2012),
        "source_citation": cite("cap. I §3.3, §5.3"),
        "source_excerpt": excerpt(
            "se asumió la Coordinación General de la Alianza Euro Latinoamericana de Cooperación entre Ciudades "
            "(AL-LAs)",
            "Nació en 2012",
            "Coordinada por el Gobierno de la Ciudad de México",
        ),
    },
}

MEMBERSHIPS = [
    {
        "network": network["slug"],
        "role": "Miembro",
        "start_on": UNDATED,
        "source_citation": network["source_citation"],
        "source_excerpt": network["source_excerpt"],
        **MEMBERSHIP_DETAILS.get(network["slug"], {}),
    }
    for network in NETWORKS
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
ASIAN_NETWORKS_EXCERPT = (
    "Participa en dos redes establecidas en ciudades asiáticas: en Alcaldes por la Paz como Vicepresidente y en "
    "la Organización Mundial de Ciudades Inteligentes y Sostenibles (WeGO) como Vicepresidente y Oficina "
    "Regional para América Latina partir de 2017."
)

_POSITIONS = [
    {
        "network": "c40",
        "title": "Miembro del Comité Directivo en representación de América Latina",
        "organ": "Comité Directivo",
        "start_on": year(2016),
        "end_on": year(2016),
        "source_excerpt": (
            "La Ciudad de México ha sido miembro del Comité Directivo en representación de América Latina en "
            "2016 del Grupo de Liderazgo Climático C40"
        ),
    },
    {
        "network": "ucci",
        "title": "Presidencia de los Comités Sectoriales",
        "organ": "Comités Sectoriales",
        "start_on": year(2012),
        "end_on": year(2014),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "ucci",
        "title": "Presidencia del Comité Sectorial de Políticas Sociales y de Turismo",
        "organ": "Comité Sectorial de Políticas Sociales y de Turismo",
        "start_on": year(2014),
        "end_on": year(2016),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "ucci",
        "title": "Vicepresidencia Temática de Desarrollo Económico",
        "start_on": year(2016),
        "end_on": year(2018),
        "source_excerpt": UCCI_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Miembro del Buró Ejecutivo",
        "organ": "Buró Ejecutivo",
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Copresidencia de la Comisión de Cultura",
        "organ": "Comisión de Cultura",
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "cglu",
        "title": "Copresidencia de la Comisión de Inclusión Social y Democracia Participativa",
        "organ": "Comisión de Inclusión Social y Democracia Participativa",
        "source_excerpt": CGLU_EXCERPT,
    },
    {
        "network": "metropolis",
        "title": "Miembro del Consejo de Administración",
        "organ": "Consejo de Administración",
        "source_excerpt": "Ha fungido como miembro del Consejo de Administración de Metropolis",
    },
    {
        "network": "alcaldes-por-la-paz",
        "title": "Vicepresidencia",
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
    {
        "network": "wego",
        "title": "Vicepresidencia",
        "notes": "El libro fecha «a partir de 2017» la oficina regional; no dice desde cuándo la vicepresidencia.",
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
    {
        "network": "al-las",
        "title": "Coordinación General",
        "source_citation": cite("cap. I §3.3, §5.3"),
        "source_excerpt": excerpt(
            "se asumió la Coordinación General de la Alianza Euro Latinoamericana de Cooperación entre Ciudades "
            "(AL-LAs)",
            "Coordinada por el Gobierno de la Ciudad de México",
        ),
    },
]

_HOSTED_OFFICES = [
    {
        "network": "fmdv",
        "name": "Oficina Regional para América Latina del Fondo Mundial para el Desarrollo de las Ciudades",
        "host_body": "cgai",
        "start_on": year(2012),
        "source_excerpt": (
            "La Coordinación General de Asuntos Internacionales de la Ciudad de México alberga, desde 2012, la "
            "Oficina Regional para América Latina del FMDV"
        ),
    },
    {
        "network": "metropolis",
        "name": "Centro Regional de Formación para América de Metropolis",
        "source_excerpt": "ser sede del Centro Regional de Formación para América de Metropolis.",
    },
    {
        "network": "wego",
        "name": "Oficina Regional para América Latina de WeGO",
        "start_on": year(2017),
        "source_excerpt": ASIAN_NETWORKS_EXCERPT,
    },
]

POSITIONS = [{"source_citation": NETWORKS_SECTION, **position} for position in _POSITIONS]
HOSTED_OFFICES = [{"source_citation": NETWORKS_SECTION, **office} for office in _HOSTED_OFFICES]
