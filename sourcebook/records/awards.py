"""Awards: the 33 the city received, in annex 3's six categories, and the
Premio Internacional CGLU-Ciudad de México-Cultura 21 the city grants (cap. I §4.8).

Each received award is one line of annex 3, under a category heading and a
year heading; its excerpt holds the three pieces (category, year, line), so
the words its category and year come from are in it. ``granted_by_text`` is
the grantor as the line gives it (empty where the line names none) and
``granted_by`` the counterparts it names; ``body`` is the body the line
names, in parentheses or in the text, else the CGAI, which promotes the
city's candidacies (§4.8) and is the project's body for a record whose body
the book does not name.

What the audit found is not an award (the Barómetro de Marcas Ciudades of
§4.11, a place in a ranking; the UNESCO designations of cap. III; the
distinguished guests of §4.10–§4.11, which are visits) is in
``audit/awards.csv`` with the reason.
"""

from events.models import Award

from . import cite, excerpt, year

Category = Award.Category

ANNEX_3 = cite("anexo 3")

#: Annex 3's category headings, as the book writes them.
HEADINGS = {
    Category.SUSTAINABLE_DEVELOPMENT: "Desarrollo sostenible",
    Category.URBAN_INNOVATION: "Innovación urbana",
    Category.QUALITY_OF_LIFE: "Calidad de vida",
    Category.HEALTH: "Salud",
    Category.TOURISM: "Turismo",
    Category.GOVERNANCE_INNOVATION: "Innovación en la gobernanza",
}


def award(
    category: str,
    awarded: int,
    title: str,
    line: str,
    *,
    granted_by_text: str = "",
    granted_by: tuple[str, ...] = (),
    recognised_for: str = "",
    title_en: str,
    recognised_for_en: str = "",
    body: str = "cgai",
    description: str = "",
    before: tuple[str, ...] = (),
    where: str = ANNEX_3,
) -> dict:
    """A line of annex 3 under its category and year headings; ``before``, pieces
    of the book that come earlier and speak of the same award (cited in ``where``)."""
    return {
        "title": title,
        "title_en": title_en,
        "direction": Award.Direction.RECEIVED,
        "category": category,
        "awarded_on": year(awarded),
        "granted_by_text": granted_by_text,
        "granted_by": list(granted_by),
        "recognised_for": recognised_for,
        "recognised_for_en": recognised_for_en,
        "body": body,
        "description": description,
        "source_citation": where,
        "source_excerpt": excerpt(*before, HEADINGS[category], str(awarded), line),
    }


SUSTAINABLE = Category.SUSTAINABLE_DEVELOPMENT
URBAN = Category.URBAN_INNOVATION
LIFE = Category.QUALITY_OF_LIFE
HEALTH = Category.HEALTH
TOURISM = Category.TOURISM
GOVERNANCE = Category.GOVERNANCE_INNOVATION

RECEIVED = [
    # Desarrollo sostenible
    award(
        SUSTAINABLE, 2013, "Premio Ciclociudades",
        "Premio Ciclociudades por el Instituto de Políticas para el Transporte y el Desarrollo",
        granted_by_text="Instituto de Políticas para el Transporte y el Desarrollo", granted_by=("itdp",),
        title_en="Ciclociudades Award",
    ),
    award(
        SUSTAINABLE, 2013, "Premio al Transporte Sustentable",
        "Premio al Transporte Sustentable por el Instituto de Políticas para el Transporte y el Desarrollo y el "
        "Centro de Transporte Sustentable Embarq México",
        granted_by_text=(
            "Instituto de Políticas para el Transporte y el Desarrollo y el Centro de Transporte Sustentable "
            "Embarq México"
        ),
        granted_by=("itdp", "embarq-mexico"),
        title_en="Sustainable Transport Award",
    ),
    award(
        SUSTAINABLE, 2013, "Premio Internacional Ambiental del Grupo de Liderazgo Climático C40",
        "Premio Internacional Ambiental del Grupo de Liderazgo Climático C40 por la aplicación de los programas "
        "para mejorar la calidad del aire PROAIRE en la Zona Metropolitana del Valle de México",
        granted_by_text="Grupo de Liderazgo Climático C40", granted_by=("c40",),
        recognised_for=(
            "La aplicación de los programas para mejorar la calidad del aire PROAIRE en la Zona Metropolitana "
            "del Valle de México"
        ),
        recognised_for_en=(
            "The implementation of the PROAIRE air quality improvement programmes in the Metropolitan Area of "
            "the Valley of Mexico"
        ),
        title_en="C40 Cities Climate Leadership Group International Environmental Award",
    ),
    award(
        SUSTAINABLE, 2017,
        "Premio Transformational Business Awards en la categoría de “Logro en la transformación dirigida a ciudades”",
        "Premio Transformational Business Awards en la categoría de “Logro en la transformación dirigida a "
        "ciudades” por el Programa de Acción Climática (PACC) 2014-2020, co-organizado por el Financial Times y "
        "el International Finance Corporation, la rama del sector privado del Banco Mundial",
        granted_by_text=(
            "co-organizado por el Financial Times y el International Finance Corporation, la rama del sector "
            "privado del Banco Mundial"
        ),
        granted_by=("financial-times", "ifc"),
        recognised_for="Programa de Acción Climática (PACC) 2014-2020",
        recognised_for_en="Climate Action Programme (PACC) 2014-2020",
        title_en=(
            "Transformational Business Awards, in the category “Achievement in city-led transformation”"
        ),
    ),
    award(
        SUSTAINABLE, 2017,
        "Premio de Ciudades y Asentamientos Humanos Sustentables en la categoría de “Movilidad sustentable”",
        "Premio de Ciudades y Asentamientos Humanos Sustentables en la categoría de “Movilidad sustentable” por "
        "el proyecto de Biciestacionamientos masivos en la CDMX e impulsar la intermodalidad con los servicios "
        "del Metro y Metrobús, que otorga el Foro Global de Asentamientos Humanos (GFHS)",
        granted_by_text="Foro Global de Asentamientos Humanos (GFHS)", granted_by=("gfhs",),
        recognised_for=(
            "El proyecto de Biciestacionamientos masivos en la CDMX e impulsar la intermodalidad con los "
            "servicios del Metro y Metrobús"
        ),
        recognised_for_en=(
            "The project of mass bicycle parking in CDMX and promoting intermodality with the Metro and "
            "Metrobús services"
        ),
        title_en=(
            "Sustainable Cities and Human Settlements Award, in the category “Sustainable mobility”"
        ),
    ),
    award(
        SUSTAINABLE, 2017, "Premio Mejor Ciudad en el Reporte CDP",
        "Premio Mejor Ciudad en el Reporte CDP por sus acciones de mitigación y adaptación a los efectos del "
        "calentamiento global, además de sus reportes de emisiones de Gases de Efecto Invernadero (GEI) que "
        "otorga la Asociación Carbon Disclosure Project (CDP) Latinoamérica",
        granted_by_text="Asociación Carbon Disclosure Project (CDP) Latinoamérica", granted_by=("cdp-latinoamerica",),
        recognised_for=(
            "Sus acciones de mitigación y adaptación a los efectos del calentamiento global, además de sus "
            "reportes de emisiones de Gases de Efecto Invernadero (GEI)"
        ),
        recognised_for_en=(
            "Its actions to mitigate and adapt to the effects of global warming, as well as its greenhouse "
            "gas (GHG) emissions reports"
        ),
        title_en="Best City Award in the CDP Report",
    ),
    award(
        SUSTAINABLE, 2017, "Premio de la Red de Ciudades C40 en la categoría “Cities4Action”",
        "Premio de la Red de Ciudades C40 por la implementación del Programa de Acción Climática de la CDMX "
        "(PACCM) 2014-2020 en la categoría “Cities4Action” por la innovación en tres áreas: sistema de monitoreo "
        "en línea, financiamiento del PACCM y perspectiva de género.",
        granted_by_text="Red de Ciudades C40", granted_by=("c40",),
        recognised_for=(
            "La implementación del Programa de Acción Climática de la CDMX (PACCM) 2014-2020, por la innovación "
            "en tres áreas: sistema de monitoreo en línea, financiamiento del PACCM y perspectiva de género"
        ),
        recognised_for_en=(
            "The implementation of the CDMX Climate Action Programme (PACCM) 2014-2020, for innovation in "
            "three areas: an online monitoring system, the financing of the PACCM and a gender perspective"
        ),
        title_en="C40 Cities Award in the category “Cities4Action”",
    ),
    award(
        SUSTAINABLE, 2018,
        "Premio eAwards en la categoría de Tecnología y mejor proyecto de Internet de las cosas",
        "Premio eAwards por el Sistema de Transporte Individual Ecobici, en la categoría de Tecnología y mejor "
        "proyecto de Internet de las cosas, en la Feria de Negocios eShow México.",
        recognised_for="Sistema de Transporte Individual Ecobici",
        description="Entregado en la Feria de Negocios eShow México; el libro no nombra a quien lo otorga.",
        recognised_for_en="Ecobici individual transport system",
        title_en="eAwards, in the category Technology and best Internet of Things project",
    ),
    award(
        SUSTAINABLE, 2018, "Premio de la Iniciativa Bonos Climáticos",
        "Premio de la Iniciativa Bonos Climáticos por ser el primer gobierno local de América Latina en emitir "
        "un “Bono verde” para financiar proyectos con enfoque de sustentabilidad y combate al cambio climático",
        granted_by_text="Iniciativa Bonos Climáticos", granted_by=("iniciativa-bonos-climaticos",),
        recognised_for=(
            "Ser el primer gobierno local de América Latina en emitir un “Bono verde” para financiar proyectos "
            "con enfoque de sustentabilidad y combate al cambio climático"
        ),
        recognised_for_en=(
            "Being the first local government in Latin America to issue a “green bond” to finance projects "
            "focused on sustainability and fighting climate change"
        ),
        title_en="Climate Bonds Initiative Award",
    ),
    # Innovación urbana
    award(
        URBAN, 2014, "Premio Audi Urban Future Award",
        "Premio Audi Urban Future Award con el proyecto Living Mobilities por el Laboratorio de la Ciudad",
        recognised_for="El proyecto Living Mobilities", body="laboratorio-para-la-ciudad",
        description=(
            "El libro no nombra a quien lo otorga. Escribe «por el Laboratorio de la Ciudad»: se registra como "
            "responsable el Laboratorio para la Ciudad, como lo nombra en el resto del anexo («del Laboratorio "
            "para la Ciudad», Premio Internacional de Guangzhou)."
        ),
        recognised_for_en="The Living Mobilities project",
        title_en="Audi Urban Future Award",
    ),
    award(
        URBAN, 2016, "Premio FIA Americas Awards",
        "Premio FIA Americas Awards por el Programa de Seguridad Vial: Visión Cero (SEMOVI) por la Federación "
        "Internacional de Automovilismo",
        granted_by_text="Federación Internacional de Automovilismo", granted_by=("fia",),
        recognised_for="Programa de Seguridad Vial: Visión Cero", body="semovi",
        recognised_for_en="Road Safety Programme: Vision Zero",
        title_en="FIA Americas Awards",
    ),
    award(
        URBAN, 2016, "Premio Internacional de Guangzhou",
        "Premio Internacional de Guangzhou en China, por la Asociación de Amistad del Pueblo Chino con el "
        "Extranjero, el Gobierno de Guangzhou, CGLU y la Asociación Mundial de las Grandes Metrópolis, por el "
        "proyecto “Mapatón CDMX” del Laboratorio para la Ciudad",
        granted_by_text=(
            "la Asociación de Amistad del Pueblo Chino con el Extranjero, el Gobierno de Guangzhou, CGLU y la "
            "Asociación Mundial de las Grandes Metrópolis"
        ),
        granted_by=("asociacion-amistad-pueblo-chino", "guangzhou", "cglu", "metropolis"),
        recognised_for="El proyecto “Mapatón CDMX”", body="laboratorio-para-la-ciudad",
        recognised_for_en="The “Mapatón CDMX” project",
        title_en="Guangzhou International Award",
    ),
    award(
        URBAN, 2016, "Premio Roy L. Shafer Leading Edge Awards",
        "Premio Roy L. Shafer Leading Edge Awards para el Museo Móvil Interactivo, ¡Vive la Ciencia! (SECITI)",
        recognised_for="Museo Móvil Interactivo, ¡Vive la Ciencia!", body="seciti",
        description="El libro no nombra a quien lo otorga.",
        recognised_for_en="Interactive Mobile Museum, ¡Vive la Ciencia! (Live Science!)",
        title_en="Roy L. Shafer Leading Edge Awards",
    ),
    # Calidad de vida
    award(
        LIFE, 2013, "Premio a la Mejor Práctica Local con Enfoque de Género",
        "Premio a la Mejor Práctica Local con Enfoque de Género de la Unión Iberoamericana de Municipalistas",
        granted_by_text="Unión Iberoamericana de Municipalistas", granted_by=("uim",),
        title_en="Award for the Best Local Practice with a Gender Approach",
    ),
    award(
        LIFE, 2013, "Premio a la Capital Internacional de la No Violencia",
        "Premio a la Capital Internacional de la No Violencia por la Organización Non Violence Project",
        granted_by_text="Organización Non Violence Project", granted_by=("non-violence-project",),
        title_en="International Capital of Non-Violence Award",
    ),
    award(
        LIFE, 2015, "Premio Ciudades del Aprendizaje",
        "Premio Ciudades del Aprendizaje, de la Organización de las Naciones Unidas para la Educación, la "
        "Ciencia y la Cultura (UNESCO) por poner un binomio fundamental para el desarrollo hacia el futuro: el "
        "carácter de lo urbano y la capacidad de aprender",
        granted_by_text="Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO)",
        granted_by=("unesco",),
        recognised_for=(
            "Poner un binomio fundamental para el desarrollo hacia el futuro: el carácter de lo urbano y la "
            "capacidad de aprender"
        ),
        recognised_for_en=(
            "Bringing together a pairing fundamental to development towards the future: the nature of the "
            "urban and the capacity to learn"
        ),
        title_en="Learning Cities Award",
    ),
    award(
        LIFE, 2016, "Premio de Entorno Desafiante de los Milan Food Policy Awards",
        "Premio de Entorno Desafiante de los Milan Food Policy Awards por el Programa de Comedores Comunitarios "
        "(SEDESO)",
        recognised_for="Programa de Comedores Comunitarios", body="sedeso",
        description="El libro no nombra a quien lo otorga.",
        recognised_for_en="Community Kitchens Programme",
        title_en="Challenging Environment Award of the Milan Food Policy Awards",
    ),
    award(
        LIFE, 2017,
        "Premio Eduardo Campos en la categoría Liderazgo y Participación Ciudadana de la Mujer",
        "Premio Eduardo Campos en la categoría Liderazgo y Participación Ciudadana de la Mujer (SEDESO) por el "
        "Banco Interamericano de Desarrollo",
        granted_by_text="Banco Interamericano de Desarrollo", granted_by=("bid",), body="sedeso",
        title_en="Eduardo Campos Award in the category Women’s Leadership and Citizen Participation",
    ),
    # Salud
    award(
        HEALTH, 2014, "Reconocimiento de la empresa farmacéutica Sanofi",
        "Reconocimiento de la empresa farmacéutica Sanofi sobre las políticas implementadas en la Secretaría de "
        "Salud para combatir el sobrepeso y la obesidad en la población",
        granted_by_text="empresa farmacéutica Sanofi", granted_by=("sanofi",),
        recognised_for=(
            "Las políticas implementadas en la Secretaría de Salud para combatir el sobrepeso y la obesidad en "
            "la población"
        ),
        body="sedesa",
        recognised_for_en=(
            "The policies implemented by the Ministry of Health to combat overweight and obesity in the "
            "population"
        ),
        title_en="Recognition from the pharmaceutical company Sanofi",
    ),
    award(
        HEALTH, 2014, "Premio Internacional de Salud Bucal",
        "Premio Internacional de Salud Bucal por la Federación Dental Internacional al Programa SaludArte (SEDU)",
        granted_by_text="Federación Dental Internacional", granted_by=("federacion-dental-internacional",),
        recognised_for="Programa SaludArte", body="sedu",
        recognised_for_en="SaludArte Programme",
        title_en="International Oral Health Award",
    ),
    award(
        HEALTH, 2014, "Premio Internacional al Programa de Salud Sexual y Reproductiva",
        "Premio Internacional al Programa de Salud Sexual y Reproductiva (SEDESA) por la Organización no "
        "Gubernamental Marie Stopes International",
        granted_by_text="Organización no Gubernamental Marie Stopes International", granted_by=("marie-stopes",),
        recognised_for="Programa de Salud Sexual y Reproductiva", body="sedesa",
        recognised_for_en="Sexual and Reproductive Health Programme",
        title_en="International Award to the Sexual and Reproductive Health Programme",
    ),
    award(
        HEALTH, 2015, "Reconocimiento al programa El Médico en Tu Casa",
        "Reconocimiento al programa El Médico en Tu Casa (SEDU) por sus aportes en materia de salud sexual y "
        "reproductiva por la Organización no Gubernamental DKT Internacional, FemHealth USA Internacional y "
        "Population Council de la Fundación Rockefeller",
        granted_by_text=(
            "Organización no Gubernamental DKT Internacional, FemHealth USA Internacional y Population Council "
            "de la Fundación Rockefeller"
        ),
        granted_by=("dkt", "femhealth", "population-council"),
        recognised_for="El Médico en Tu Casa, por sus aportes en materia de salud sexual y reproductiva",
        body="sedu",
        recognised_for_en=(
            "El Médico en Tu Casa (The Doctor at Your Home), for its contributions to sexual and reproductive "
            "health"
        ),
        title_en="Recognition of the programme El Médico en Tu Casa (The Doctor at Your Home)",
    ),
    award(
        HEALTH, 2015, "Reconocimiento a las políticas orientadas al tratamiento de la obesidad",
        "Reconocimiento a las políticas orientadas al tratamiento de la obesidad (SEDU), por parte de la "
        "Asociación Brasileña de Cirugía Bariátrica",
        granted_by_text="Asociación Brasileña de Cirugía Bariátrica", granted_by=("abcb",),
        recognised_for="Las políticas orientadas al tratamiento de la obesidad", body="sedu",
        recognised_for_en="The policies aimed at treating obesity",
        title_en="Recognition of the policies aimed at treating obesity",
    ),
    award(
        HEALTH, 2018, "Premio de la Organización de las Naciones Unidas, a través de Action Campaign",
        "La Organización de las Naciones Unidas, a través de Action Campaign, premió al Injuve por el Hospital "
        "de las Emociones",
        granted_by_text="La Organización de las Naciones Unidas, a través de Action Campaign", granted_by=("onu",),
        recognised_for="Hospital de las Emociones", body="injuve",
        recognised_for_en="Hospital de las Emociones (Hospital of Emotions)",
        title_en="United Nations Award, through the Action Campaign",
    ),
    # Turismo
    award(
        TOURISM, 2014, "Premio de la revista Travel & Leisure al mejor destino turístico de América Latina",
        "Premio de la revista Travel & Leisure, al mejor destino turístico de América Latina",
        granted_by_text="revista Travel & Leisure", granted_by=("travel-leisure",),
        title_en="Travel & Leisure magazine award for the best tourist destination in Latin America",
    ),
    award(
        TOURISM, 2014, "Premio Readers Awards de la revista Food and Travel como Mejor Destino Gourmet de México",
        "Premio Readers Awards de la revista Food and Travel como Mejor Destino Gourmet de México",
        granted_by_text="revista Food and Travel", granted_by=("food-and-travel",),
        title_en="Food and Travel magazine Readers Awards, as Best Gourmet Destination in Mexico",
    ),
    award(
        TOURISM, 2016, "Reconocimiento como Mejor Destino Turístico por el diario The New York Times",
        "Reconocimiento como Mejor Destino Turístico por el diario The New York Times",
        granted_by_text="diario The New York Times", granted_by=("new-york-times",),
        title_en="Recognition as Best Tourist Destination by The New York Times",
    ),
    award(
        TOURISM, 2016, "Premio Excelencias Turísticas como marca número 1 entre destinos de ciudades",
        "Premio Excelencias Turísticas como marca número 1 entre destinos de ciudades (FMPT) por la empresa Grupo "
        "Excelencias, líder en el ramo de turismo y cultura",
        granted_by_text="la empresa Grupo Excelencias, líder en el ramo de turismo y cultura",
        granted_by=("grupo-excelencias",), body="fmpt",
        title_en="Excelencias Turísticas Award as the number 1 brand among city destinations",
    ),
    award(
        TOURISM, 2018, "Reconocimiento a la CDMX como Capital Mundial del Diseño 2018",
        "Reconocimiento a la CDMX como Capital Mundial del Diseño 2018, la primera del continente, a través de "
        "la firma de un convenio con la Organización Mundial del Diseño",
        granted_by_text="Organización Mundial del Diseño", granted_by=("organizacion-mundial-del-diseno",),
        description=(
            "La primera del continente, a través de la firma de un convenio con la Organización Mundial del "
            "Diseño; el libro no da los datos de ese convenio. El cap. I §4.11 nombra el «Foro Internacional de "
            "Diseño de World Design Capital Mexico City 2018 (Capital Mundial de Diseño CDMX 2018)»."
        ),
        before=("World Design Capital Mexico City 2018 (Capital Mundial de Diseño CDMX 2018)",),
        where=cite("cap. I §4.11 y anexo 3"),
        title_en="Recognition of CDMX as World Design Capital 2018",
    ),
    award(
        TOURISM, 2018,
        "Premio Excelencias Turísticas entregado al Fideicomiso Central de Abasto de la Ciudad de México",
        "Premio Excelencias Turísticas entregado al Fideicomiso Central de Abasto de la Ciudad de México por su "
        "el rescate de su espacio público y su transformación en un nuevo polo turístico del país y de "
        "Latinoamérica",
        recognised_for=(
            "El rescate de su espacio público y su transformación en un nuevo polo turístico del país y de "
            "Latinoamérica"
        ),
        body="fideicomiso-central-de-abasto",
        description="El libro no nombra a quien lo otorga.",
        recognised_for_en=(
            "The rescue of its public space and its transformation into a new tourist hub for the country and "
            "Latin America"
        ),
        title_en=(
            "Excelencias Turísticas Award given to the Mexico City Central Wholesale Market Trust"
        ),
    ),
    # Innovación en la gobernanza
    award(
        GOVERNANCE, 2014, "Mención Especial por el proyecto Contralores Ciudadanos en la Ciudad de México",
        "Mención Especial por el proyecto Contralores Ciudadanos en la Ciudad de México (CGCDMX) por el "
        "Observatorio Internacional de Democracia Participativa",
        granted_by_text="Observatorio Internacional de Democracia Participativa", granted_by=("oidp",),
        recognised_for="El proyecto Contralores Ciudadanos en la Ciudad de México", body="cgcdmx",
        recognised_for_en="The Citizen Comptrollers project in Mexico City",
        title_en="Special Mention for the Citizen Comptrollers project in Mexico City",
    ),
    award(
        GOVERNANCE, 2017,
        "Premio Gestión para Resultados en el Desarrollo 2017, en la categoría de Monitoreo y evaluación para "
        "gobiernos subnacionales",
        "Premio Gestión para Resultados en el Desarrollo 2017, en la categoría de Monitoreo y evaluación para "
        "gobiernos subnacionales por la Comunidad de Profesionales y Expertos en Latinoamérica y el Caribe en "
        "Gestión para Resultados en el Desarrollo (CoPLAC-GpRD) del BID",
        granted_by_text=(
            "la Comunidad de Profesionales y Expertos en Latinoamérica y el Caribe en Gestión para Resultados en "
            "el Desarrollo (CoPLAC-GpRD) del BID"
        ),
        granted_by=("coplac-gprd",),
        title_en=(
            "Managing for Development Results Award 2017, in the category Monitoring and evaluation for "
            "subnational governments"
        ),
    ),
    award(
        GOVERNANCE, 2018, "Premio Mejores Prácticas de Cities Alliance",
        "Premio Mejores Prácticas de Cities Alliance, por el proyecto Monitoreo CDMX, como una de las tres "
        "mejores prácticas con un enfoque integral para la implementación y el seguimiento del proceso de las "
        "agendas de sostenibilidad globales (Agenda 2030, el Acuerdo de París, Marco de Sendai o Nueva Agenda "
        "Urbana) a nivel local",
        granted_by_text="Cities Alliance", granted_by=("cities-alliance",),
        recognised_for=(
            "El proyecto Monitoreo CDMX, como una de las tres mejores prácticas con un enfoque integral para la "
            "implementación y el seguimiento del proceso de las agendas de sostenibilidad globales"
        ),
        recognised_for_en=(
            "The Monitoreo CDMX project, as one of the three best practices with an integrated approach to "
            "the implementation and follow-up of the global sustainability agendas"
        ),
        title_en="Cities Alliance Best Practices Award",
    ),
]

CULTURE_21 = {
    "title": "Premio Internacional CGLU-Ciudad de México-Cultura 21",
    "title_en": "UCLG-Mexico City-Culture 21 International Award",
    "direction": Award.Direction.GRANTED,
    "category": Category.CULTURE,
    "awarded_on": year(2013),
    "granted_by_text": "La ciudad, a través de su Secretaría de Cultura y de la mano de CGLU",
    "granted_by": ["cglu"],
    "recognised_for": (
        "Ciudades y personalidades líderes que se hayan destacado en su aporte a la cultura como una dimensión "
        "clave de las ciudades sostenibles"
    ),
    "recognised_for_en": (
        "Leading cities and personalities that have stood out for their contribution to culture as a key "
        "dimension of sustainable cities"
    ),
    "body": "secretaria-de-cultura",
    "description": (
        "Lo otorga la ciudad «desde 2013»: la fecha es ese año de inicio, sin fin. En las tres ediciones "
        "organizadas se han recibido 238 postulaciones de ciudades de todo el mundo. No lo da el libro: la "
        "categoría «Cultura» (el premio no está en el anexo 3, que ordena por categorías los premios recibidos)."
    ),
    "source_citation": cite("cap. I §4.8"),
    "source_excerpt": excerpt(
        "Tal es el caso del Premio Internacional CGLU-Ciudad de México-Cultura 21, que desde 2013 otorga la "
        "ciudad, a través de su Secretaría de Cultura y de la mano de CGLU",
        "En las tres ediciones que se han organizado se han recibido 238 postulaciones de ciudades de todo el mundo",
    ),
}

AWARDS = [*RECEIVED, CULTURE_21]
