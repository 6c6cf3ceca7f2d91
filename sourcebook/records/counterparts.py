"""Counterparts the book names: cities, states, national governments,
international organisations, networks, civil-society and private bodies.

Each row says what the book says: the name as the book writes it (with the
descriptor the book puts before it, "la empresa", "la revista", "la
Organización no Gubernamental", left out), acronyms only where the book gives
them, and the country only where the book gives it or clearly implies it (a
heading «Estados Unidos:» over a list of cities, «Nagoya, Japón»). Whatever
else a row holds because the portal needs it is marked in its description,
starting with «No lo da el libro:»:

- coordinates: public geographic reference points (the city centre; for a
  state, province or region, the centre of its capital), rounded to 2–4
  decimals, so the portal can place the record on its map; organisations,
  national governments and bodies get none;
- a country the book does not give, kept where the country pages and the
  regions need it (a place whose country is not even clear, «San Antonio»,
  keeps none and is not on the map);
- a name or a kind the book does not give (a state the book lists among
  cities, the name of a state whose head the book names);
- membership of the United Nations system, where the book does not say it.
"""

from decimal import Decimal

from cdmx_global.models import Counterpart

from . import cite, excerpt

Kind = Counterpart.Kind

CCE = cite("cap. I §4.1")
HISTORY = cite("cap. I §2")
EXCHANGES = cite("cap. I §4.2")
TRIPS = cite("cap. I §4.4")
WINGS = cite("cap. I §4.10")
GUESTS = cite("cap. I §4.11")
ANNEX_2 = cite("anexo 2")
ANNEX_3 = cite("anexo 3")

#: What a place's description says of its coordinates (they are not the book's).
CITY_COORDINATES = (
    "No lo da el libro: las coordenadas, un punto de referencia público del centro de la ciudad, para situarla "
    "en el mapa."
)
STATE_COORDINATES = (
    "No lo da el libro: las coordenadas, un punto de referencia público (el centro de su capital), para "
    "situarlo en el mapa."
)
#: What an organisation's description says where the book does not place it in the United Nations system.
UN_SYSTEM_NOT_IN_BOOK = "No lo da el libro: que pertenezca al sistema de las Naciones Unidas."
# The same three notes in English (the project's unofficial translation, like every ``*_en`` value here).
CITY_COORDINATES_EN = (
    "Not given by the book: the coordinates, a public reference point of the city centre, to place it on the map."
)
STATE_COORDINATES_EN = (
    "Not given by the book: the coordinates, a public reference point (the centre of its capital), to place it on "
    "the map."
)
UN_SYSTEM_NOT_IN_BOOK_EN = "Not given by the book: that it belongs to the United Nations system."


def place(
    slug: str,
    name: str,
    country: str,
    latitude: str | None,
    longitude: str | None,
    *,
    where: str,
    text: str,
    kind: str = Kind.CITY,
    description: str = "",
    name_en: str = "",
    description_en: str = "",
) -> dict:
    """A city, state or region; ``name_en`` only where its English name differs from ``name``."""
    return {
        "slug": slug,
        "name": name,
        "name_en": name_en,
        "kind": kind,
        "country": country,
        "latitude": Decimal(latitude) if latitude else None,
        "longitude": Decimal(longitude) if longitude else None,
        "description": description,
        "description_en": description_en,
        "source_citation": where,
        "source_excerpt": text,
    }


def party(
    slug: str,
    name: str,
    kind: str,
    *,
    where: str,
    text: str,
    acronym: str = "",
    country: str = "",
    un_system: bool = False,
    description: str = "",
    name_en: str = "",
    description_en: str = "",
) -> dict:
    """A counterpart that is not a place: no coordinates."""
    return {
        "slug": slug,
        "name": name,
        "name_en": name_en,
        "acronym": acronym,
        "kind": kind,
        "country": country,
        "is_un_system": un_system,
        "description": description,
        "description_en": description_en,
        "source_citation": where,
        "source_excerpt": text,
    }


def national(slug: str, name: str, country: str, *, text: str, **extra) -> dict:
    return party(slug, name, Kind.NATIONAL, country=country, where=GUESTS, text=text, **extra)


def organisation(slug: str, name: str, acronym: str, *, un_system: bool, where: str, text: str, **extra) -> dict:
    return party(
        slug, name, Kind.INTERNATIONAL_ORG, acronym=acronym, un_system=un_system, where=where, text=text, **extra
    )


CITIES = [
    # Specific-cooperation agreements, cap. I §4.1: the country is the heading («Estados Unidos:», «Canadá:»)
    # or follows the city.
    place(
        "chicago", "Chicago", "US", "41.8781", "-87.6298", where=CCE,
        text=excerpt("Estados Unidos:", "1 Chicago (2013)"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "los-angeles", "Los Ángeles", "US", "34.0522", "-118.2437", where=CCE,
        text=excerpt("Estados Unidos:", "2 Los Ángeles (2014)"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Los Angeles",
    ),
    place(
        "seattle", "Seattle", "US", "47.6062", "-122.3321", where=CCE,
        text=excerpt("Estados Unidos:", "3 Seattle (2016)"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "virginia", "Virginia", "US", "37.5407", "-77.4360", kind=Kind.STATE, where=CCE,
        text=excerpt("Estados Unidos:", "4 Virginia (2017)"),
        description=(
            "No lo da el libro: que sea un estado; el libro la lista, bajo «Estados Unidos:», entre los convenios "
            "de cooperación específica con ciudades. " + STATE_COORDINATES
        ),
        description_en=(
            "Not given by the book: that it is a state; the book lists it, under «Estados Unidos:», among the "
            "specific cooperation agreements with cities. " + STATE_COORDINATES_EN
        ),
    ),
    place(
        "quebec", "Quebec", "CA", "46.8139", "-71.2080", where=CCE,
        text=excerpt("Canadá:", "5 Quebec (2015)"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Quebec City",
    ),
    place(
        "montreal", "Montreal", "CA", "45.5017", "-73.5673", where=CCE,
        text=excerpt("Canadá:", "6 Montreal (2016)"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "sao-paulo", "São Paulo", "BR", "-23.5505", "-46.6333", where=CCE, text="7 São Paulo, Brasil (2014)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "buenos-aires", "Buenos Aires", "AR", "-34.6037", "-58.3816", where=CCE,
        text="8 Buenos Aires, Argentina (2014)", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "quito", "Quito", "EC", "-0.1807", "-78.4678", where=CCE, text="9 Quito, Ecuador (2014)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "bogota", "Bogotá", "CO", "4.7110", "-74.0721", where=CCE, text="10 Bogotá, Colombia (2014)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "montevideo", "Montevideo", "UY", "-34.9011", "-56.1645", where=CCE, text="11 Montevideo, Uruguay (2016)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "paris", "París", "FR", "48.8566", "2.3522", where=CCE, text="12 París, Francia (2014)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Paris",
    ),
    place(
        "moscu", "Moscú", "RU", "55.7558", "37.6173", where=CCE, text="13 Moscú, Rusia (2014 y 2016)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Moscow",
    ),
    place(
        "dublin", "Dublín", "IE", "53.3498", "-6.2603", where=CCE, text="14 Dublín, Irlanda (2015)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Dublin",
    ),
    place(
        "madrid", "Madrid", "ES", "40.4168", "-3.7038", where=CCE, text="15 Madrid, España (2017)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "shenzhen", "Shenzhen", "CN", "22.5431", "114.0579", where=CCE, text="16 Shenzhen, China (2015)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    # Twinning and friendship agreements, cap. I §2 and §4.2
    place(
        "nagoya", "Nagoya", "JP", "35.1815", "136.9066", where=cite("cap. I §4.2 y §4.10"),
        text=excerpt(
            "la firma en 1977 del convenio de hermanamiento entre la Ciudad de México y la Alcaldía de Nagoya",
            "Nagoya, Japón (2018)",
        ),
        description="El país lo da el cap. I §4.10 («Nagoya, Japón»). " + CITY_COORDINATES,
        description_en="The country is given by cap. I §4.10 («Nagoya, Japón»). " + CITY_COORDINATES_EN,
    ),
    place(
        "san-antonio-de-los-banos", "San Antonio de los Baños", "CU", "22.89", "-82.50",
        where=HISTORY, text="San Antonio de los Baños, Cuba", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "san-pedro-sula", "San Pedro Sula", "HN", "15.5042", "-88.0250", where=HISTORY,
        text="San Pedro Sula, Honduras", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "san-salvador", "San Salvador", "SV", "13.6929", "-89.2182", where=HISTORY, text="San Salvador, El Salvador",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "barcelona", "Barcelona", "ES", "41.3851", "2.1734", where=HISTORY, text="Barcelona, España",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "cerro", "Cerro", "CU", "23.11", "-82.38", where=HISTORY, text="los hermanamientos con Cerro, Cuba",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "san-jose", "San José", "CR", "9.9281", "-84.0907", where=HISTORY, text="San José, Costa Rica",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "valonia", "Valonia", "BE", "50.4674", "4.8720", kind=Kind.STATE, where=HISTORY,
        text="un hermanamiento con la ciudad de Valonia, Bélgica",
        description=(
            "El libro la llama «la ciudad de Valonia». No lo da el libro: que sea una región (se registra como "
            "«Estado, provincia o región»). " + STATE_COORDINATES
        ),
        description_en=(
            "The book calls it «la ciudad de Valonia» (the city of Wallonia). Not given by the book: that it is a "
            "region (it is recorded as a «state, province or region»). " + STATE_COORDINATES_EN
        ),
        name_en="Wallonia",
    ),
    place(
        "seul", "Seúl", "KR", "37.5665", "126.9780", where=HISTORY, text="Seúl (2010)",
        description="No lo da el libro: el país (Corea del Sur); el libro dice sólo «Seúl (2010)». " + CITY_COORDINATES,
        description_en=(
            "Not given by the book: the country (South Korea); the book only says «Seúl (2010)». " + CITY_COORDINATES_EN
        ),
        name_en="Seoul",
    ),
    place(
        "beijing", "Beijing", "CN", "39.9042", "116.4074", where=HISTORY, text="Beijing (2009)",
        description="No lo da el libro: el país (China); el libro dice sólo «Beijing (2009)». " + CITY_COORDINATES,
        description_en=(
            "Not given by the book: the country (China); the book only says «Beijing (2009)». " + CITY_COORDINATES_EN
        ),
    ),
    place(
        "estambul", "Estambul", "TR", "41.0082", "28.9784", where=HISTORY, text="Estambul (2010)",
        description=(
            "No lo da el libro: el país (Turquía); el libro dice sólo «Estambul (2010)». " + CITY_COORDINATES
        ),
        description_en=(
            "Not given by the book: the country (Turkey); the book only says «Estambul (2010)». " + CITY_COORDINATES_EN
        ),
        name_en="Istanbul",
    ),
    place(
        "guangzhou", "Guangzhou", "CN", "23.1291", "113.2644", where=cite("cap. I §2 y anexo 3"),
        text=excerpt("Guangzhou (2010)", "Premio Internacional de Guangzhou en China"),
        description="El país lo da el anexo 3 («Premio Internacional de Guangzhou en China»). " + CITY_COORDINATES,
        description_en=(
            "The country is given by annex 3 («Premio Internacional de Guangzhou en China»). " + CITY_COORDINATES_EN
        ),
    ),
    place(
        "kuwait", "Kuwait", "KW", "29.3759", "47.9774", where=HISTORY, text="Kuwait (2011)",
        description=(
            "El libro dice «Kuwait» en la lista de hermanamientos entre ciudades. No lo da el libro: el país "
            "(Kuwait). " + CITY_COORDINATES
        ),
        description_en=(
            "The book says «Kuwait» in the list of twinnings between cities. Not given by the book: the country "
            "(Kuwait). " + CITY_COORDINATES_EN
        ),
    ),
    # Official trips of the head of government, cap. I §4.4: the country is the heading «ESTADOS UNIDOS» or
    # follows the city.
    place(
        "boston", "Boston", "US", "42.3601", "-71.0589", where=TRIPS, text=excerpt("ESTADOS UNIDOS", "1 Boston"),
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "miami", "Miami", "US", "25.7617", "-80.1918", where=TRIPS, text=excerpt("ESTADOS UNIDOS", "4 Miami"),
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "nueva-york", "Nueva York", "US", "40.7128", "-74.0060", where=TRIPS,
        text=excerpt("ESTADOS UNIDOS", "5 Nueva York"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="New York",
    ),
    place(
        "rhode-island", "Rhode Island", "US", "41.8240", "-71.4128", kind=Kind.STATE, where=TRIPS,
        text=excerpt("ESTADOS UNIDOS", "6 Rhode Island"),
        description=(
            "No lo da el libro: que sea un estado; el libro lo lista, bajo «ESTADOS UNIDOS», entre las giras del "
            "Jefe de Gobierno. " + STATE_COORDINATES
        ),
        description_en=(
            "Not given by the book: that it is a state; the book lists it, under «ESTADOS UNIDOS», among the Head "
            "of Government's trips. " + STATE_COORDINATES_EN
        ),
    ),
    place(
        "washington-dc", "Washington DC", "US", "38.9072", "-77.0369", where=TRIPS,
        text=excerpt("ESTADOS UNIDOS", "7 Washington DC"), description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "la-habana", "La Habana", "CU", "23.1136", "-82.3666", where=TRIPS, text="10 La Habana, Cuba",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Havana",
    ),
    place(
        "panama", "Panamá", "PA", "8.9824", "-79.5199", where=TRIPS, text="12 Panamá, Panamá",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Panama City",
    ),
    # Alas de la Ciudad de México, cap. I §4.10
    place(
        "berlin", "Berlín", "DE", "52.5200", "13.4050", where=WINGS, text="Berlín, Alemania (2013)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Berlin",
    ),
    place(
        "singapur", "Singapur", "SG", "1.3521", "103.8198", where=WINGS, text="Singapur, Singapur (2015)",
        description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
        name_en="Singapore",
    ),
    place(
        "san-antonio", "San Antonio", "", None, None, where=WINGS, text="San Antonio (2018)",
        description=(
            "El libro no indica el país de esta ciudad («San Antonio (2018)»), por lo que no se sitúa en el mapa."
        ),
        description_en=(
            "The book does not give this city’s country («San Antonio (2018)»), so it is not placed on the "
            "map."
        ),
    ),
    # Distinguished guests, cap. I §4.11
    place(
        "illinois", "Illinois", "US", "39.7817", "-89.6501", kind=Kind.STATE, where=GUESTS,
        text="Patrick Quinn, Gobernador del Estado de Illinois, Estados Unidos de América.",
        description=STATE_COORDINATES,
        description_en=STATE_COORDINATES_EN,
    ),
    place(
        "provincia-de-quebec", "Provincia de Quebec", "CA", "46.8139", "-71.2080", kind=Kind.STATE, where=GUESTS,
        text="Philippe Couillard, Primer Ministro de Quebec, Canadá.",
        description=(
            "El gobierno cuyo «Primer Ministro de Quebec, Canadá» nombra el libro. No lo da el libro: el nombre "
            "«Provincia de Quebec» ni que sea una provincia; se nombra así para distinguirlo de la ciudad de "
            "Quebec, otra contraparte. " + STATE_COORDINATES
        ),
        description_en=(
            "The government whose «Primer Ministro de Quebec, Canadá» (Premier of Quebec, Canada) the book names. "
            "Not given by the book: the name «Provincia de Quebec» nor that it is a province; it is so named to "
            "tell it from Quebec City, another counterpart. " + STATE_COORDINATES_EN
        ),
        name_en="Province of Quebec",
    ),
    place(
        "rosario", "Rosario", "AR", "-32.9442", "-60.6505", where=GUESTS,
        text="Intendente de la ciudad de Rosario, Argentina", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "concordia", "Concordia", "AR", "-31.3929", "-58.0209", where=GUESTS,
        text="Presidente Municipal de Concordia, Argentina", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "tegucigalpa", "Tegucigalpa", "HN", "14.0723", "-87.1921", where=GUESTS,
        text="Alcalde Municipal de Tegucigalpa, Honduras", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "porto-alegre", "Porto Alegre", "BR", "-30.0346", "-51.2177", where=GUESTS,
        text="Vice Alcalde de Porto Alegre, Brasil", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
    place(
        "san-miguelito", "San Miguelito", "PA", "9.03", "-79.50", where=GUESTS,
        text="Alcalde de San Miguelito, Panamá", description=CITY_COORDINATES,
        description_en=CITY_COORDINATES_EN,
    ),
]

NATIONAL_GOVERNMENTS = [
    national(
        "republica-popular-china", "República Popular China", "CN",
        text="Xi Jinping, Presidente de la República Popular China.",
        name_en="People’s Republic of China",
    ),
    national(
        "republica-de-irlanda", "República de Irlanda", "IE",
        text="Michael D. Higgins, Presidente de la República de Irlanda.",
        name_en="Republic of Ireland",
    ),
    national(
        "reino-de-dinamarca", "Reino de Dinamarca", "DK",
        text="Frederik André Henrik Christian, Príncipe del Reino de Dinamarca.",
        name_en="Kingdom of Denmark",
    ),
    national(
        "republica-italiana", "República Italiana", "IT",
        text="Enrico Letta, Primer Ministro de la República Italiana.",
        name_en="Italian Republic",
    ),
    national(
        "republica-francesa", "República Francesa", "FR",
        text="François Hollande, Presidente de la República Francesa.",
        name_en="French Republic",
    ),
    national(
        "republica-del-peru", "República del Perú", "PE",
        text="Ollanta Humala, Presidente de la República del Perú.",
        name_en="Republic of Peru",
    ),
    national(
        "republica-de-finlandia", "República de Finlandia", "FI",
        text="Sauli Niinistö, Presidente de la República de Finlandia.",
        name_en="Republic of Finland",
    ),
    # The slug is the one other modules point at; the book names the country «España» («los Reyes de España»).
    national(
        "reino-de-espana", "España", "ES", text="Sus Majestades los Reyes de España",
        description="El libro nombra a sus huéspedes, «Sus Majestades los Reyes de España».",
        description_en=(
            "The book names its guests, «Sus Majestades los Reyes de España» (Their Majesties the King and "
            "Queen of Spain)."
        ),
        name_en="Spain",
    ),
    national(
        "santa-sede", "Santa Sede", "VA", text="Su Santidad el Papa Francisco.",
        description=(
            "El libro nombra al huésped («Su Santidad el Papa Francisco»), no al Estado. No lo da el libro: el "
            "nombre «Santa Sede» ni el país."
        ),
        description_en=(
            "The book names the guest («Su Santidad el Papa Francisco», His Holiness Pope Francis), not the "
            "State. Not given by the book: the name «Santa Sede» (Holy See) nor the country."
        ),
        name_en="Holy See",
    ),
    national(
        "republica-de-singapur", "República de Singapur", "SG",
        text="Tony Tan Keng Yam, Presidente de la República de Singapur.",
        name_en="Republic of Singapore",
    ),
    national(
        "mancomunidad-de-australia", "Mancomunidad de Australia", "AU",
        text="Peter Cosgrove, Gobernador General de la Mancomunidad de Australia.",
        name_en="Commonwealth of Australia",
    ),
    national(
        "republica-del-paraguay", "República del Paraguay", "PY",
        text="Horacio Cartes Jara, Presidente de la República del Paraguay.",
        name_en="Republic of Paraguay",
    ),
    national(
        "republica-de-polonia", "República de Polonia", "PL",
        text="Andrzej Duda, Presidente de la República de Polonia.",
        name_en="Republic of Poland",
    ),
    national(
        "republica-portuguesa", "República Portuguesa", "PT",
        text="Marcelo Rebelo de Sousa, Presidente de la República Portuguesa.",
        name_en="Portuguese Republic",
    ),
    national(
        "republica-eslovaca", "República Eslovaca", "SK",
        text="Andrej Kiska, Presidente de la República Eslovaca.",
        name_en="Slovak Republic",
    ),
    party(
        "jica", "Agencia de Cooperación Internacional del Japón", Kind.NATIONAL, acronym="JICA", country="JP",
        where=EXCHANGES, text="la Agencia de Cooperación Internacional del Japón (JICA)",
        name_en="Japan International Cooperation Agency",
    ),
    party(
        "nagoya-agua", "Departamento de Agua y Alcantarillado de la Ciudad de Nagoya", Kind.CITY, country="JP",
        where=cite("cap. I §4.2 y §4.10"),
        text=excerpt("el Departamento de Agua y Alcantarillado de la Ciudad de Nagoya", "Nagoya, Japón (2018)"),
        description="El país lo da el cap. I §4.10 («Nagoya, Japón»).",
        description_en="The country is given by cap. I §4.10 («Nagoya, Japón»).",
        name_en="Nagoya City Waterworks and Sewerage Bureau",
    ),
]

ORGANISATIONS = [
    # The UN system. Annex 2 names most; §4.3 the six the administration signed with («agencias especializadas
    # de la ONU»); the others' names say «Naciones Unidas», except where the description says otherwise.
    organisation(
        "onusida", "Oficina Regional de las Naciones Unidas, SIDA en América Latina", "", un_system=True,
        where=ANNEX_2, text="Oficina Regional de las Naciones Unidas, SIDA en América Latina",
        name_en="UNAIDS Regional Office for Latin America",
    ),
    organisation(
        "unodc", "Oficina de las Naciones Unidas, contra la Droga y el Delito", "", un_system=True,
        where=ANNEX_2, text="Oficina de las Naciones Unidas, contra la Droga y el Delito",
        name_en="United Nations Office on Drugs and Crime",
    ),
    organisation(
        "unesco", "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura", "UNESCO",
        un_system=True, where=ANNEX_2,
        text="Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO)",
        name_en="United Nations Educational, Scientific and Cultural Organization",
    ),
    organisation(
        "onu-mujeres", "ONU Mujeres", "", un_system=True, where=ANNEX_2, text="ONU MUJERES", name_en="UN Women"
    ),
    organisation(
        "unicef", "Fondo de las Naciones Unidas para la Infancia", "UNICEF", un_system=True,
        where=ANNEX_2, text="Fondo de las Naciones Unidas para la Infancia (UNICEF)",
        name_en="United Nations Children’s Fund",
    ),
    organisation(
        "fao", "Organización de las Naciones Unidas para la Alimentación y la Agricultura", "FAO", un_system=True,
        where=ANNEX_2, text="Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)",
        name_en="Food and Agriculture Organization of the United Nations",
    ),
    organisation(
        "acnur", "Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR", un_system=True,
        where=ANNEX_2, text="Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
        name_en="United Nations High Commissioner for Refugees",
    ),
    organisation(
        "unfpa", "Fondo de Población de las Naciones Unidas en México", "UNFPA", un_system=True,
        where=ANNEX_2, text="Fondo de Población de las Naciones Unidas en México (UNFPA)",
        name_en="United Nations Population Fund in Mexico",
    ),
    organisation(
        "onu-habitat", "Programa de las Naciones Unidas para los Asentamientos Humanos", "ONU-Hábitat",
        un_system=True, where=cite("anexo 2 y siglas"),
        text=excerpt(
            "Programa de Naciones Unidas para los Asentamientos Humanos (ONU-HABITAT)",
            "ONU-Hábitat Programa de las Naciones Unidas para los Asentamientos Humanos",
        ),
        description=(
            "El nombre y las siglas son los de la lista de siglas; el anexo 2 escribe «Programa de Naciones "
            "Unidas para los Asentamientos Humanos (ONU-HABITAT)»."
        ),
        description_en=(
            "The name and acronym are those of the list of acronyms; annex 2 writes «Programa de Naciones "
            "Unidas para los Asentamientos Humanos (ONU-HABITAT)»."
        ),
        name_en="United Nations Human Settlements Programme",
    ),
    organisation(
        "cepal", "Comisión Económica para América Latina y el Caribe", "CEPAL", un_system=True,
        where=ANNEX_2, text="Comisión Económica para América Latina y el Caribe de las Naciones Unidas (CEPAL)",
        name_en="Economic Commission for Latin America and the Caribbean",
    ),
    organisation(
        "bird", "Banco Internacional de Reconstrucción y Desarrollo", "BIRD", un_system=True,
        where=ANNEX_2, text="Banco Internacional de Reconstrucción y Desarrollo (BIRD)",
        description=UN_SYSTEM_NOT_IN_BOOK,
        description_en=UN_SYSTEM_NOT_IN_BOOK_EN,
        name_en="International Bank for Reconstruction and Development",
    ),
    organisation(
        "omm", "Organización Meteorológica Mundial", "OMM", un_system=True,
        where=ANNEX_2, text="Organización Meteorológica Mundial (OMM)", description=UN_SYSTEM_NOT_IN_BOOK,
        description_en=UN_SYSTEM_NOT_IN_BOOK_EN,
        name_en="World Meteorological Organization",
    ),
    organisation(
        "oim", "Organización Internacional para las Migraciones", "OIM", un_system=True,
        where=ANNEX_2, text="Organización Internacional para las Migraciones (OIM)", description=UN_SYSTEM_NOT_IN_BOOK,
        description_en=UN_SYSTEM_NOT_IN_BOOK_EN,
        name_en="International Organization for Migration",
    ),
    organisation(
        "onu", "Organización de las Naciones Unidas", "ONU", un_system=True,
        where=ANNEX_3, text="La Organización de las Naciones Unidas, a través de Action Campaign",
        name_en="United Nations",
    ),
    organisation(
        "ifc", "International Finance Corporation", "", un_system=True, where=ANNEX_3,
        text="International Finance Corporation, la rama del sector privado del Banco Mundial",
        description=(
            "El libro la presenta como «la rama del sector privado del Banco Mundial». " + UN_SYSTEM_NOT_IN_BOOK
        ),
        description_en=(
            "The book presents it as «la rama del sector privado del Banco Mundial» (the private-sector arm of "
            "the World Bank). " + UN_SYSTEM_NOT_IN_BOOK_EN
        ),
    ),
    # Outside the UN system.
    organisation(
        "ocde", "Organización para la Cooperación y el Desarrollo Económicos", "OCDE", un_system=False,
        where=cite("anexo 2 y siglas"),
        text=excerpt(
            "Organización para la Cooperación y el Desarrollo Económico (OCDE)",
            "OCDE Organización para la Cooperación y el Desarrollo Económicos",
        ),
        description="El nombre es el de la lista de siglas; el anexo 2 escribe «Desarrollo Económico».",
        description_en=(
            "The name is the one in the list of acronyms; annex 2 writes «Desarrollo Económico»."
        ),
        name_en="Organisation for Economic Co-operation and Development",
    ),
    organisation(
        "cicr", "Comité Internacional de la Cruz Roja", "CICR", un_system=False,
        where=ANNEX_2, text="Comité Internacional de la Cruz Roja (CICR)",
        name_en="International Committee of the Red Cross",
    ),
    organisation(
        "union-europea", "Unión Europea", "", un_system=False, where=cite("cap. I §4.5"),
        text=(
            "La Unión Europea se ha convertido en un aliado estratégico de la Ciudad de México para potenciar su "
            "acción internacional."
        ),
        name_en="European Union",
    ),
    organisation(
        "bid", "Banco Interamericano de Desarrollo", "BID", un_system=False,
        where=ANNEX_3, text="por el Banco Interamericano de Desarrollo",
        name_en="Inter-American Development Bank",
    ),
    organisation(
        "cities-alliance", "Cities Alliance", "", un_system=False,
        where=ANNEX_3, text="Premio Mejores Prácticas de Cities Alliance",
    ),
]

NETWORKS = [
    party(
        "c40", "Grupo de Liderazgo Climático C40", Kind.NETWORK, acronym="C40", where=cite("cap. I §4.6"),
        text="Grupo de Liderazgo Climático (C40 Cities)",
        name_en="C40 Cities Climate Leadership Group",
    ),
    party(
        "cglu", "Ciudades y Gobiernos Locales Unidos", Kind.NETWORK, acronym="CGLU", where=HISTORY,
        text="Ciudades y Gobiernos Locales Unidos (CGLU)",
        name_en="United Cities and Local Governments",
    ),
    party(
        "iclei", "Gobiernos Locales por la Sustentabilidad", Kind.NETWORK, acronym="ICLEI", where=HISTORY,
        text="Consejo Internacional para las Iniciativas Ambientales Locales (ICLEI, por sus siglas en inglés)",
        description="El libro también la llama «Consejo Internacional para las Iniciativas Ambientales Locales».",
        description_en=(
            "The book also calls it «Consejo Internacional para las Iniciativas Ambientales Locales» "
            "(International Council for Local Environmental Initiatives)."
        ),
        name_en="ICLEI – Local Governments for Sustainability",
    ),
    party(
        "metropolis", "Asociación Mundial de las Grandes Metrópolis", Kind.NETWORK, acronym="METROPOLIS",
        where=HISTORY, text="la Asociación Mundial de las Grandes Metrópolis (METROPOLIS)",
        name_en="World Association of the Major Metropolises",
    ),
    party(
        "fmdv", "Fondo Mundial para el Desarrollo de las Ciudades", Kind.NETWORK, acronym="FMDV",
        where=cite("cap. I §4.6"), text="Fondo Mundial para el Desarrollo de las Ciudades (FMDV)",
        name_en="Global Fund for Cities Development",
    ),
    party(
        "oidp", "Observatorio Internacional de Democracia Participativa", Kind.NETWORK,
        where=ANNEX_3, text="por el Observatorio Internacional de Democracia Participativa",
        name_en="International Observatory on Participatory Democracy",
    ),
]

OTHERS = [
    party(
        "fundacion-rockefeller", "Fundación Rockefeller", Kind.CIVIL_SOCIETY, where=cite("cap. I §3.5"),
        text="la Fundación Rockefeller seleccionó a la Ciudad de entre 400 ciudades a nivel mundial",
        name_en="Rockefeller Foundation",
    ),
    party(
        "itdp", "Instituto de Políticas para el Transporte y el Desarrollo", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="Premio Ciclociudades por el Instituto de Políticas para el Transporte y el Desarrollo",
        name_en="Institute for Transportation and Development Policy",
    ),
    party(
        "embarq-mexico", "Centro de Transporte Sustentable Embarq México", Kind.CIVIL_SOCIETY, country="MX",
        where=ANNEX_3, text="el Centro de Transporte Sustentable Embarq México",
        name_en="Embarq Mexico Sustainable Transport Centre",
    ),
    party(
        "financial-times", "Financial Times", Kind.PRIVATE, where=ANNEX_3,
        text="co-organizado por el Financial Times",
    ),
    party(
        "gfhs", "Foro Global de Asentamientos Humanos", Kind.CIVIL_SOCIETY, acronym="GFHS",
        where=ANNEX_3, text="el Foro Global de Asentamientos Humanos (GFHS)",
        name_en="Global Forum on Human Settlements",
    ),
    party(
        "cdp-latinoamerica", "Carbon Disclosure Project Latinoamérica", Kind.CIVIL_SOCIETY, acronym="CDP",
        where=ANNEX_3, text="la Asociación Carbon Disclosure Project (CDP) Latinoamérica",
        description="El libro escribe «la Asociación Carbon Disclosure Project (CDP) Latinoamérica».",
        description_en="The book writes «la Asociación Carbon Disclosure Project (CDP) Latinoamérica».",
        name_en="Carbon Disclosure Project Latin America",
    ),
    party(
        "iniciativa-bonos-climaticos", "Iniciativa Bonos Climáticos", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="Premio de la Iniciativa Bonos Climáticos",
        name_en="Climate Bonds Initiative",
    ),
    party(
        "fia", "Federación Internacional de Automovilismo", Kind.CIVIL_SOCIETY, acronym="FIA",
        where=ANNEX_3,
        text=(
            "Premio FIA Americas Awards por el Programa de Seguridad Vial: Visión Cero (SEMOVI) por la Federación "
            "Internacional de Automovilismo"
        ),
        description="Las siglas son las del premio que otorga («Premio FIA Americas Awards»).",
        description_en="The acronym is the one of the award it grants («Premio FIA Americas Awards»).",
        name_en="Fédération Internationale de l’Automobile",
    ),
    party(
        "asociacion-amistad-pueblo-chino", "Asociación de Amistad del Pueblo Chino con el Extranjero",
        Kind.CIVIL_SOCIETY, country="CN", where=ANNEX_3,
        text="por la Asociación de Amistad del Pueblo Chino con el Extranjero",
        name_en="Chinese People’s Association for Friendship with Foreign Countries",
    ),
    party(
        "uim", "Unión Iberoamericana de Municipalistas", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="de la Unión Iberoamericana de Municipalistas",
        name_en="Ibero-American Union of Municipalists",
    ),
    party(
        "non-violence-project", "Non Violence Project", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="por la Organización Non Violence Project",
    ),
    party("sanofi", "Sanofi", Kind.PRIVATE, where=ANNEX_3, text="Reconocimiento de la empresa farmacéutica Sanofi"),
    party(
        "federacion-dental-internacional", "Federación Dental Internacional", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="por la Federación Dental Internacional",
        name_en="FDI World Dental Federation",
    ),
    party(
        "marie-stopes", "Marie Stopes International", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="por la Organización no Gubernamental Marie Stopes International",
    ),
    party(
        "dkt", "DKT Internacional", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="por la Organización no Gubernamental DKT Internacional",
        name_en="DKT International",
    ),
    party(
        "femhealth", "FemHealth USA Internacional", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="FemHealth USA Internacional",
        name_en="FemHealth USA International",
    ),
    party(
        "population-council", "Population Council", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="Population Council de la Fundación Rockefeller",
    ),
    party(
        "abcb", "Asociación Brasileña de Cirugía Bariátrica", Kind.CIVIL_SOCIETY, country="BR",
        where=ANNEX_3, text="por parte de la Asociación Brasileña de Cirugía Bariátrica",
        name_en="Brazilian Association of Bariatric Surgery",
    ),
    party(
        "travel-leisure", "Travel & Leisure", Kind.PRIVATE, where=ANNEX_3,
        text="Premio de la revista Travel & Leisure",
    ),
    party("food-and-travel", "Food and Travel", Kind.PRIVATE, where=ANNEX_3, text="de la revista Food and Travel"),
    party("new-york-times", "The New York Times", Kind.PRIVATE, where=ANNEX_3, text="por el diario The New York Times"),
    party(
        "grupo-excelencias", "Grupo Excelencias", Kind.PRIVATE,
        where=ANNEX_3, text="por la empresa Grupo Excelencias, líder en el ramo de turismo y cultura",
    ),
    party(
        "organizacion-mundial-del-diseno", "Organización Mundial del Diseño", Kind.CIVIL_SOCIETY,
        where=ANNEX_3, text="a través de la firma de un convenio con la Organización Mundial del Diseño",
        name_en="World Design Organization",
    ),
    party(
        "coplac-gprd",
        (
            "Comunidad de Profesionales y Expertos en Latinoamérica y el Caribe en Gestión para Resultados en el "
            "Desarrollo"
        ),
        Kind.CIVIL_SOCIETY, acronym="CoPLAC-GpRD", where=ANNEX_3,
        text=(
            "por la Comunidad de Profesionales y Expertos en Latinoamérica y el Caribe en Gestión para "
            "Resultados en el Desarrollo (CoPLAC-GpRD) del BID"
        ),
        description="Del Banco Interamericano de Desarrollo («del BID»).",
        description_en="Of the Inter-American Development Bank («del BID»).",
        name_en=(
            "Community of Professionals and Experts in Latin America and the Caribbean in Managing for "
            "Development Results"
        ),
    ),
]

# Counterparts the audit of the agreements found the book names (sourcebook/AUDIT.md).
U20 = cite("cap. I §4.7")
U20_SIGNATORIES = (
    "La Ciudad de México es una de las 20 ciudades miembro que ya han firmado la Declaración Conjunta, además de "
    "Chicago, Berlín, Buenos Aires, Durban, Hamburgo, Yakarta, Londres, Madrid, Milán, Montreal, Nueva York, "
    "París, Río de Janeiro, Roma, San Pablo, Seúl, Sídney, Tokio y Tshwane."
)


def u20_city(slug: str, name: str, latitude: str, longitude: str, name_en: str = "") -> dict:
    """A city the book names only among the signatories of the U20 joint declaration, without its country."""
    return place(
        slug, name, "", latitude, longitude, where=U20, text=U20_SIGNATORIES,
        description=(
            f"El libro la nombra («{name}») entre las ciudades firmantes de la Declaración Conjunta de U20 y no "
            "indica su país."
        ),
        name_en=name_en,
        description_en=(
            f"The book names it («{name}») among the cities that signed the U20 Joint Declaration and does not "
            "give its country."
        ),
    )


ADDED_FOR_AGREEMENTS: list[dict] = [
    u20_city("durban", "Durban", "-29.8587", "31.0218"),
    u20_city("hamburgo", "Hamburgo", "53.5511", "9.9937", "Hamburg"),
    u20_city("yakarta", "Yakarta", "-6.2088", "106.8456", "Jakarta"),
    u20_city("londres", "Londres", "51.5074", "-0.1278", "London"),
    u20_city("milan", "Milán", "45.4642", "9.1900", "Milan"),
    place(
        "rio-de-janeiro", "Río de Janeiro", "BR", "-22.9068", "-43.1729", where=cite("cap. I §4.7, §5.3"),
        text=(
            "Los socios de la red son las ciudades de Belo Horizonte, Río de Janeiro y el Gobierno del Estado de "
            "Minas Gerais, Brasil"
        ),
        description=(
            "Firmante de la Declaración Conjunta de U20 (cap. I §4.7); el país lo da el cap. I §5.3, entre los "
            "socios de AL-LAs."
        ),
        description_en=(
            "Signatory of the U20 Joint Declaration (cap. I §4.7); the country is given by cap. I §5.3, among "
            "the partners of AL-LAs."
        ),
        name_en="Rio de Janeiro",
    ),
    u20_city("roma", "Roma", "41.9028", "12.4964", "Rome"),
    u20_city("sidney", "Sídney", "-33.8688", "151.2093", "Sydney"),
    u20_city("tokio", "Tokio", "35.6762", "139.6503", "Tokyo"),
    u20_city("tshwane", "Tshwane", "-25.7479", "28.2293"),
]


# Counterparts the audit of the events found the book names (sourcebook/AUDIT.md).
ADDED_FOR_EVENTS: list[dict] = [
    party(
        "consulado-general-mexico-los-angeles", "Consulado General de México en Los Ángeles", Kind.NATIONAL,
        country="MX", where=cite("cap. I §4.12"),
        text=(
            "El Consulado General de México en Los Ángeles designó a septiembre 2017 como “mes de la Ciudad de "
            "México en Los Ángeles”."
        ),
        description=(
            "Oficina consular de México en Los Ángeles; el libro lo nombra como quien designó septiembre de 2017 "
            "«mes de la Ciudad de México en Los Ángeles» (2017 MX LA)."
        ),
        description_en=(
            "Mexico’s consular office in Los Angeles; the book names it as the one that designated September "
            "2017 «mes de la Ciudad de México en Los Ángeles» (Mexico City month in Los Angeles, 2017 MX LA)."
        ),
        name_en="Consulate General of Mexico in Los Angeles",
    ),
]


# Counterparts the audit of the actions found the book names (sourcebook/AUDIT.md).
ADDED_FOR_ACTIONS: list[dict] = [
    # The Diálogos para una CDMX Global (cap. I §3.4, cap. II §1).
    party(
        "iniciativa-ciudadana", "Iniciativa Ciudadana para la Promoción de la Cultura del Diálogo", Kind.CIVIL_SOCIETY,
        where=cite("cap. I §3.4"), text="Iniciativa Ciudadana para la Promoción de la Cultura del Diálogo A.C.",
        description="Asociación civil («A.C.»), según el libro.",
        description_en="A civil association («A.C.»), according to the book.",
        name_en="Citizens’ Initiative for the Promotion of a Culture of Dialogue",
    ),
    party(
        "al-las", "Alianza Euro Latinoamericana de Cooperación entre Ciudades", Kind.NETWORK, acronym="AL-LAs",
        where=cite("cap. I §1"), text="Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)",
        description="Coordinada por el Gobierno de la Ciudad de México (cap. I §5.3).",
        description_en="Coordinated by the Government of Mexico City (cap. I §5.3).",
        name_en="Euro-Latin American Alliance for Cooperation between Cities",
    ),
    # Who convenes the Fondo franco-mexicano de cooperación descentralizada (cap. I §4.2).
    party(
        "maee", "Ministerio de Asuntos Extranjeros y Europeos de Francia", Kind.NATIONAL, acronym="MAEE",
        country="FR", where=EXCHANGES,
        text="el Ministerio de Asuntos Extranjeros y Europeos de Francia (MAEE)",
        name_en="French Ministry of Foreign and European Affairs",
    ),
    party(
        "amexcid", "Agencia Mexicana de Cooperación Internacional", Kind.NATIONAL, acronym="AMEXCID", country="MX",
        where=EXCHANGES, text="la Agencia Mexicana de Cooperación Internacional (AMEXCID)",
        description="El libro la nombra así, sin «para el Desarrollo».",
        description_en="The book names it so, without «para el Desarrollo» (for Development).",
        name_en="Mexican Agency for International Cooperation",
    ),
    # Technical assistance towards an institutional model (cap. II §3, §5).
    party(
        "cgcid", "Centro de Gestión y Cooperación Internacional para el Desarrollo", Kind.CIVIL_SOCIETY,
        acronym="CGCID", where=cite("cap. II §3"),
        text="Centro de Gestión y Cooperación Internacional para el Desarrollo (CGCID)",
        description="No lo da el libro: qué tipo de organización es; se registra como sociedad civil.",
        description_en=(
            "Not given by the book: what kind of organisation it is; it is recorded as civil society."
        ),
        name_en="Centre for International Management and Cooperation for Development",
    ),
]


# Counterparts the audit of the networks and visits found the book names (sourcebook/AUDIT.md).
ADDED_FOR_NETWORKS_AND_VISITS: list[dict] = [
]


# Counterparts the audit of the awards found the book names (sourcebook/AUDIT.md).
ADDED_FOR_AWARDS: list[dict] = [
]


COUNTERPARTS = [
    *CITIES,
    *NATIONAL_GOVERNMENTS,
    *ORGANISATIONS,
    *NETWORKS,
    *OTHERS,
    *ADDED_FOR_AGREEMENTS,
    *ADDED_FOR_EVENTS,
    *ADDED_FOR_ACTIONS,
    *ADDED_FOR_NETWORKS_AND_VISITS,
    *ADDED_FOR_AWARDS,
]


def english_name(slug: str) -> str:
    """The English name of the counterpart ``slug``: its ``name_en``, or its name where English uses the same."""
    row = next(row for row in COUNTERPARTS if row["slug"] == slug)
    return row["name_en"] or row["name"]
