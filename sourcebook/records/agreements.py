"""Agreements the book gives, one record per instrument.

- the 17 specific-cooperation agreements of the head of government, 2013-2017
  (cap. I §4.1): the book gives themes per regional group, not per agreement,
  so each carries its group's themes;
- the earlier twinning and friendship agreements (cap. I §2, §4.2) and the 2005
  collaboration agreement with JICA and Nagoya's water department (§4.2);
- the 21 rows of annex 2, one framework agreement per organisation, body and
  theme. §4.3 says the current administration signed six framework agreements,
  one with each of six organisations: where annex 2 has a single row for one
  of them (CEPAL, ONU Mujeres) that row carries the administration's period;
  where it has several (UNESCO 3, UNICEF 3, FAO 2, ACNUR 2) the book does not
  say which row it is, so none of them carries a period and each says so;
- the agreement with the Organización Mundial del Diseño annex 3 names (2018);
- the Madrid memorandum of understanding (cap. III);
- the declarations, pacts, charters and the political document the city signed
  or promoted (cap. I §2, §4.7, §4.8).

The book gives no validity for any of them, so all stay "unknown". Where the
book gives a count and no list (e.g. the 81 agreements the government bodies
signed, §4.1), nothing is recorded. ``sourcebook/audit/agreements.csv`` lists
every statement of the book about an agreement and the record that holds it.
"""

from agreements.models import AgreementKind

from . import UNDATED, cite, day, excerpt, month, year
from .catalogues import NEW_URBAN_AGENDA, PARIS_AGREEMENT
from .counterparts import english_name
from .events import (
    C_CLIMA,
    CGLU_SUMMIT_2010,
    FINANCING_URBAN_DEVELOPMENT,
    HABITAT_III,
    LOCAL_CLIMATE_ACTION_SUMMIT,
)

HEAD_OF_GOVERNMENT = "Jefe de Gobierno de la Ciudad de México"

# --- Specific-cooperation agreements, cap. I §4.1 ---------------------------

CCE_HEADING = "Convenios de cooperación específica Jefe de Gobierno de la Ciudad de México (2013-2017)"
CCE_SIGNED = (
    "el Jefe de Gobierno y el Coordinador General de Asuntos Internacionales han suscrito 17 convenios de "
    "cooperación específica con 15 ciudades de América, Europa y Asia"
)

# The two "Temas" lists after the América Latina list belong, in order, to
# América del Norte and to América Latina: an inference from the layout, which
# the two groups' descriptions state.
CCE_GROUP_THEMES = {
    "América del Norte": ["desarrollo-economico", "medio-ambiente", "turismo", "cultura", "educacion"],
    "América Latina": [
        "desarrollo-urbano",
        "movilidad",
        "desarrollo-economico",
        "desarrollo-social",
        "salud",
        "medio-ambiente",
        "cultura",
        "educacion",
        "turismo",
    ],
    "Europa": ["desarrollo-urbano", "desarrollo-economico", "medio-ambiente", "cultura", "turismo"],
    "Asia": ["cultura", "educacion", "turismo", "desarrollo-economico", "medio-ambiente", "salud"],
}

# (counterpart slug, counterpart name, year, regional group, the book's line)
CCE_LIST = [
    ("chicago", "Chicago", 2013, "América del Norte", "1 Chicago (2013)"),
    ("los-angeles", "Los Ángeles", 2014, "América del Norte", "2 Los Ángeles (2014)"),
    ("seattle", "Seattle", 2016, "América del Norte", "3 Seattle (2016)"),
    ("virginia", "Virginia", 2017, "América del Norte", "4 Virginia (2017)"),
    ("quebec", "Quebec", 2015, "América del Norte", "5 Quebec (2015)"),
    ("montreal", "Montreal", 2016, "América del Norte", "6 Montreal (2016)"),
    ("sao-paulo", "São Paulo", 2014, "América Latina", "7 São Paulo, Brasil (2014)"),
    ("buenos-aires", "Buenos Aires", 2014, "América Latina", "8 Buenos Aires, Argentina (2014)"),
    ("quito", "Quito", 2014, "América Latina", "9 Quito, Ecuador (2014)"),
    ("bogota", "Bogotá", 2014, "América Latina", "10 Bogotá, Colombia (2014)"),
    ("montevideo", "Montevideo", 2016, "América Latina", "11 Montevideo, Uruguay (2016)"),
    ("paris", "París", 2014, "Europa", "12 París, Francia (2014)"),
    ("moscu", "Moscú", 2014, "Europa", "13 Moscú, Rusia (2014 y 2016)"),
    ("moscu", "Moscú", 2016, "Europa", "13 Moscú, Rusia (2014 y 2016)"),
    ("dublin", "Dublín", 2015, "Europa", "14 Dublín, Irlanda (2015)"),
    ("madrid", "Madrid", 2017, "Europa", "15 Madrid, España (2017)"),
    ("shenzhen", "Shenzhen", 2015, "Asia", "16 Shenzhen, China (2015)"),
]

CCE_THEMES_NOTE = {
    "América del Norte": (
        "El libro da los temas por grupo regional, no por convenio: estos son los de América del Norte. "
        "Vínculo inferido: en el texto del libro las dos listas de «Temas» siguen a la lista de América Latina; "
        "la primera se asigna a América del Norte y la segunda a América Latina."
    ),
    "América Latina": (
        "El libro da los temas por grupo regional, no por convenio: estos son los de América Latina. "
        "Vínculo inferido: en el texto del libro las dos listas de «Temas» siguen a la lista de América Latina; "
        "la primera se asigna a América del Norte y la segunda a América Latina."
    ),
    "Europa": "El libro da los temas por grupo regional, no por convenio: estos son los de Europa.",
    "Asia": "El libro da los temas por grupo regional, no por convenio: estos son los de Asia.",
}

CCE_NOTES = {
    ("madrid", 2017): (
        " En 2017 la Ciudad de México y Madrid suscribieron también un Memorando de Entendimiento (cap. III); "
        "el libro no dice si se trata del mismo instrumento."
    ),
}


def cce_code(slug: str, signed: int) -> str:
    return f"cce-{signed}-{slug}"


SPECIFIC_COOPERATION = [
    {
        "code": cce_code(slug, signed),
        "title": f"Convenio de cooperación específica con {name} ({signed})",
        "title_en": f"Specific cooperation agreement with {english_name(slug)} ({signed})",
        "kind": AgreementKind.SPECIFIC_COOPERATION,
        "counterparts": [slug],
        "signatories": f"{HEAD_OF_GOVERNMENT} y Coordinador General de Asuntos Internacionales",
        "signed_on": year(signed),
        "themes": CCE_GROUP_THEMES[group],
        "description": CCE_THEMES_NOTE[group] + CCE_NOTES.get((slug, signed), ""),
        "source_citation": cite("cap. I §4.1"),
        "source_excerpt": excerpt(CCE_HEADING, line, CCE_SIGNED),
    }
    for slug, name, signed, group, line in CCE_LIST
]

# --- Twinning and friendship, cap. I §2 and §4.2 ----------------------------

FIRST_ELECTED = "En 1997, los habitantes de la ciudad eligieron por vez primera a su Jefe de Gobierno"
FIRST_ADMINISTRATION = (
    "Se concertaron giras de vinculación del Jefe de Gobierno con ciudades de Argentina, Brasil, Estados Unidos "
    "y Europa, así como la firma de numerosos acuerdos de hermanamiento y cooperación con Quito, Ecuador; San "
    "Antonio de los Baños, Cuba; San Pedro Sula, Honduras; San Salvador, El Salvador; Barcelona, España; y "
    "París, Francia."
)
INTERIM_ADMINISTRATION = (
    "Asimismo, se realizó la gestión de los hermanamientos con Cerro, Cuba, y San José, Costa Rica, los cuales "
    "fueron formalizados un par de meses después, durante la administración interina de 1999-2000."
)
RENEWALS = (
    "Se refrendaron hermanamientos con las ciudades de Los Ángeles (2007), Nagoya (2008) y Seúl (2010), y se "
    "firmaron nuevos acuerdos de hermanamiento con Beijing (2009), Estambul (2010), Guangzhou (2010) y Kuwait "
    "(2011)."
)
NAGOYA_1977_TEXT = (
    "A partir de la firma en 1977 del convenio de hermanamiento entre la Ciudad de México y la Alcaldía de Nagoya"
)


def twinning(
    code: str, slug: str, name: str, *, name_en: str, text: str, where: str = "cap. I §2", **values
) -> dict:
    """A twinning («hermanamiento»): ``name`` and ``name_en`` say with whom, in Spanish and in English."""
    return {
        "code": code,
        "title": f"Hermanamiento con {name}",
        "title_en": f"Twinning with {name_en}",
        "kind": AgreementKind.TWINNING,
        "counterparts": [slug],
        "signed_on": UNDATED,
        "source_citation": cite(where),
        "source_excerpt": text,
        **values,
    }


NAGOYA_1977 = "hermanamiento-1977-nagoya"

TWINNING_AND_FRIENDSHIP = [
    twinning(
        NAGOYA_1977, "nagoya", "Nagoya (1977)", name_en="Nagoya (1977)", where="cap. I §4.2", signed_on=year(1977),
        text=NAGOYA_1977_TEXT,
    ),
    *[
        twinning(
            f"hermanamiento-{slug}", slug, name, name_en=english_name(slug),
            text=excerpt(FIRST_ELECTED, FIRST_ADMINISTRATION),
            signed_period_note="Administración 1997-1999",
            description=(
                "El libro sitúa la firma en la primera administración electa de la Ciudad (elegida en 1997; le "
                "siguió la administración interina de 1999-2000), sin fecha. Lo cuenta entre «numerosos acuerdos "
                "de hermanamiento y cooperación» sin decir de qué tipo es cada uno."
            ),
        )
        for slug, name in [
            ("quito", "Quito"),
            ("san-antonio-de-los-banos", "San Antonio de los Baños"),
            ("san-pedro-sula", "San Pedro Sula"),
            ("san-salvador", "San Salvador"),
            ("barcelona", "Barcelona"),
        ]
    ],
    {
        "code": "amistad-1999-paris",
        "title": "Acuerdo de amistad y cooperación con París",
        "title_en": "Friendship and cooperation agreement with Paris",
        "kind": AgreementKind.FRIENDSHIP,
        "counterparts": ["paris"],
        "signed_on": year(1999),
        "description": (
            "El cap. I §4.2 lo fecha en 1999. Vínculo inferido: el cap. I §2 cuenta a París entre los «acuerdos de "
            "hermanamiento y cooperación» de la primera administración electa (desde 1997) sin fecha ni tipo; "
            "se tiene por el mismo acuerdo porque coinciden la ciudad, el periodo y la cooperación, aunque el "
            "libro no lo dice."
        ),
        "source_citation": cite("cap. I §2, §4.2"),
        "source_excerpt": excerpt(
            FIRST_ELECTED,
            FIRST_ADMINISTRATION,
            "La sólida relación entre la ciudad de París y la Ciudad de México data de 1999 con la firma de un "
            "acuerdo de amistad y cooperación.",
        ),
    },
    *[
        twinning(
            f"hermanamiento-{slug}", slug, name, name_en=english_name(slug), text=INTERIM_ADMINISTRATION,
            signed_period_note="Administración interina 1999-2000",
            description=(
                "Gestionado durante la primera administración electa y formalizado «un par de meses después, "
                "durante la administración interina de 1999-2000», sin fecha."
            ),
        )
        for slug, name in [("cerro", "Cerro"), ("san-jose", "San José")]
    ],
    twinning(
        "hermanamiento-valonia", "valonia", "Valonia", name_en="Wallonia",
        signed_period_note="Administración 2000-2006",
        description="El libro sitúa la firma «entre 2000-2006», sin fecha.",
        text=excerpt(
            "Entre 2000-2006, la actividad internacional se llevó a cabo desde la Subdirección de Protocolo",
            "Asimismo, se concretó la firma de un hermanamiento con la ciudad de Valonia, Bélgica.",
        ),
    ),
    twinning(
        "refrendo-2007-los-angeles", "los-angeles", "Los Ángeles (refrendo de 2007)",
        name_en="Los Angeles (renewed in 2007)", signed_on=year(2007),
        description="Refrendo de un hermanamiento anterior que el libro no nombra ni fecha.", text=RENEWALS,
    ),
    twinning(
        "refrendo-2008-nagoya", "nagoya", "Nagoya (refrendo de 2008)", name_en="Nagoya (renewed in 2008)",
        signed_on=year(2008),
        renews=NAGOYA_1977, where="cap. I §2, §4.2",
        description=(
            "Refrendo de un hermanamiento con Nagoya. Vínculo inferido: el libro no dice qué hermanamiento "
            "refrendó; el único con Nagoya que da es el de 1977 (cap. I §4.2)."
        ),
        text=excerpt(RENEWALS, NAGOYA_1977_TEXT),
    ),
    twinning(
        "refrendo-2010-seul", "seul", "Seúl (refrendo de 2010)", name_en="Seoul (renewed in 2010)",
        signed_on=year(2010),
        description="Refrendo de un hermanamiento anterior que el libro no nombra ni fecha.", text=RENEWALS,
    ),
    *[
        twinning(
            f"hermanamiento-{signed}-{slug}", slug, f"{name} ({signed})", name_en=f"{english_name(slug)} ({signed})",
            signed_on=year(signed), text=RENEWALS,
        )
        for slug, name, signed in [
            ("beijing", "Beijing", 2009),
            ("estambul", "Estambul", 2010),
            ("guangzhou", "Guangzhou", 2010),
            ("kuwait", "Kuwait", 2011),
        ]
    ],
]

JICA_2005 = {
    "code": "colaboracion-2005-jica-nagoya",
    "title": "Acuerdo de Colaboración con JICA y el Departamento de Agua y Alcantarillado de la Ciudad de Nagoya",
    "title_en": "Collaboration Agreement with JICA and the Nagoya City Waterworks and Sewerage Bureau",
    "kind": AgreementKind.COLLABORATION,
    "body": "sacmex",
    "counterparts": ["jica", "nagoya-agua"],
    "signed_on": year(2005),
    "purpose": (
        "Promover un programa de asistencia técnica para el mejoramiento de la gestión urbana (captación y "
        "tratamiento del agua)."
    ),
    "purpose_en": (
        "To promote a technical assistance programme for the improvement of urban management (water collection "
        "and treatment)."
    ),
    "themes": ["agua", "desarrollo-urbano"],
    "source_citation": cite("cap. I §4.2"),
    "source_excerpt": (
        "En 2005 se realizó la firma de un Acuerdo de Colaboración con la Agencia de Cooperación Internacional "
        "del Japón (JICA), el Departamento de Agua y Alcantarillado de la Ciudad de Nagoya y el Sistema de Aguas "
        "de la Ciudad de México (SAC MEX), con el objetivo de promover un programa de asistencia técnica para el "
        "mejoramiento de la gestión urbana (captación y tratamiento del agua)."
    ),
}

# --- Annex 2: framework agreements with international organisations ---------

SIGNED_BY_THIS_ADMINISTRATION = (
    "la actual administración suscribió seis convenios marco de cooperación y/o colaboración con agencias "
    "especializadas de la ONU"
)
#: "la actual administración" is the one of «el sexenio 2012-2018» (cap. I §4.9).
THIS_ADMINISTRATION = "durante el sexenio 2012-2018"
ADMINISTRATION_2012_2018 = "Administración 2012-2018"

#: The six organisations §4.3 names, as it names them.
SECTION_4_3_NAMES = {
    "unesco": "la Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO)",
    "cepal": "la Comisión Económica para América Latina y el Caribe (CEPAL)",
    "onu-mujeres": "ONU Mujeres",
    "unicef": "el Fondo de las Naciones Unidas para la Infancia (UNICEF)",
    "fao": "la Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)",
    "acnur": "el Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
}

#: The "Organización" cell of annex 2 for organisations with several rows: the
#: continuation rows leave it blank, so their excerpt quotes it from the first row.
ANNEX_2_ORGANISATION_CELLS = {
    "unesco": "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO)",
    "unicef": "Fondo de las Naciones Unidas para la Infancia (UNICEF)",
    "fao": "Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO)",
    "acnur": "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
}

#: Where the name the counterpart's record carries is not the words of the row.
ANNEX_2_COUNTERPART_WORDS = {
    "unodc": "Oficina de las Naciones Unidas, contra la Droga y el Delito",
}

NUMBER_WORDS = {2: "dos", 3: "tres"}

# (organisation slug, the organisation as the title names it, the row's
#  "Dependencia" as printed, body slug, other bodies, the row's "Tema", themes,
#  the row as the book prints it)
ANNEX_2_ROWS = [
    (
        "onusida", "la Oficina Regional de las Naciones Unidas, SIDA en América Latina", "Secretaría de Salud",
            "sedesa", [], "Poner fin a la epidemia del SIDA", ["salud"],
        "Oficina Regional de las Naciones Unidas, SIDA en América Latina Secretaría de Salud Poner fin a la "
        "epidemia del SIDA",
    ),
    (
        "ocde", "la OCDE", "Contraloría General de la CDMX", "cgcdmx", [],
            "Eficacia del sector público y Estudios sobre gobernanza", ["gobernanza"],
        "Organización para la Cooperación y el Desarrollo Económico (OCDE) Contraloría General de la CDMX "
        "Eficacia del sector público y Estudios sobre gobernanza",
    ),
    (
        "unodc", "la Oficina de las Naciones Unidas, contra la Droga y el Delito", "Contraloría General de la CDMX",
            "cgcdmx", [], "Prevención de la corrupción", ["gobernanza"],
        "Oficina de las Naciones Unidas, contra la Droga y el Delito Contraloría General de la CDMX Prevención "
        "de la corrupción",
    ),
    (
        "unesco", "la UNESCO", "Secretaría de Educación", "sedu", [],
            "Desarrollo de la educación, la ciencia y la cultura",
        ["educacion", "ciencia-y-tecnologia", "cultura"],
        "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura (UNESCO) Secretaría de "
        "Educación Desarrollo de la educación, la ciencia y la cultura",
    ),
    (
        "unesco", "la UNESCO", "Autoridad del Centro Histórico", "autoridad-del-centro-historico", [],
        "Actualización del plan de Manejo y Restauración Centro Histórico", ["patrimonio-cultural"],
        "Autoridad del Centro Histórico Actualización del plan de Manejo y Restauración Centro Histórico",
    ),
    (
        "unesco", "la UNESCO", "Coordinación General de la Autoridad de la Zona de Patrimonio",
            "autoridad-zona-patrimonio", [],
        "Plan Integral de Manejo para la Zona Patrimonio Mundial Natural y Cultural de la Humanidad en "
        "Xochimilco, Tláhuac y Milpa Alta",
        ["patrimonio-cultural"],
        "Coordinación General de la Autoridad de la Zona de Patrimonio Plan Integral de Manejo para la Zona "
        "Patrimonio Mundial Natural y Cultural de la Humanidad en Xochimilco, Tláhuac y Milpa Alta",
    ),
    (
        "onu-mujeres", "ONU Mujeres", "Jefatura de Gobierno", "jefatura-de-gobierno", [],
        "Igualdad de género y el empoderamiento de las mujeres", ["igualdad-de-genero"],
        "ONU MUJERES Jefatura de Gobierno Igualdad de género y el empoderamiento de las mujeres",
    ),
    (
        "unicef", "UNICEF", "Instituto de la Juventud", "injuve", [],
        "Acceso a una educación de calidad, servicios de salud, a la información, la participación, la "
        "recreación y la justicia en entornos seguros y estimulantes",
        ["educacion", "salud", "derechos-humanos"],
        "Fondo de las Naciones Unidas para la Infancia (UNICEF) Instituto de la Juventud Acceso a una educación "
        "de calidad, servicios de salud, a la información, la participación, la recreación y la justicia en "
        "entornos seguros y estimulantes",
    ),
    (
        "unicef", "UNICEF", "Inmujeres", "inmujeres", [], "Derechos de las niñas y adolescentes",
        ["derechos-humanos", "igualdad-de-genero"],
        "Inmujeres Derechos de las niñas y adolescentes",
    ),
    (
        "unicef", "UNICEF", "DIF", "dif", [], "Derechos de la infancia y adolescencia", ["derechos-humanos"],
        "DIF Derechos de la infancia y adolescencia",
    ),
    (
        "fao", "la FAO", "Secretaría de Desarrollo Rural y Equidad de las Comunidades", "sederec", [],
        "Asistencia técnica para la implementación de una estrategia de comercialización para pequeños "
        "productores agropecuarios",
        ["desarrollo-rural"],
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO) Secretaría de "
        "Desarrollo Rural y Equidad de las Comunidades Asistencia técnica para la implementación de una "
        "estrategia de comercialización para pequeños productores agropecuarios",
    ),
    (
        "fao", "la FAO", "Coordinación General de la Autoridad de la Zona de Patrimonio",
            "autoridad-zona-patrimonio", [],
        "Asistencia técnica para la estimación de la producción agrícola del sistema chinampero de la Ciudad de "
        "México",
        ["desarrollo-rural"],
        "Coordinación General de la Autoridad de la Zona de Patrimonio Asistencia técnica para la estimación de "
        "la producción agrícola del sistema chinampero de la Ciudad de México",
    ),
    (
        "acnur", "ACNUR", "Jefatura de Gobierno", "jefatura-de-gobierno", [],
            "Reconocimiento de la condición de refugiados",
        ["migracion", "derechos-humanos"],
        "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR) Jefatura de Gobierno Reconocimiento "
        "de la condición de refugiados",
    ),
    (
        "acnur", "ACNUR", "Secretaría del Trabajo y Fomento al Empleo", "styfe", [],
        "Mejoramiento en la calidad de vida, mediante la promoción de los derechos humanos laborales, "
        "incorporación a programas sociales, promoción y difusión de eventos de ferias del empleo y capacitación",
        ["trabajo-y-empleo", "derechos-humanos"],
        "Secretaría del Trabajo y Fomento al Empleo Mejoramiento en la calidad de vida, mediante la promoción de "
        "los derechos humanos laborales, incorporación a programas sociales, promoción y difusión de eventos de "
        "ferias del empleo y capacitación",
    ),
    (
        "unfpa", "UNFPA", "Instituto de la Juventud", "injuve", [],
        "Fortalecer el Programa de Acción de la Conferencia Internacional sobre la Población y el Desarrollo",
        ["desarrollo-social"],
        "Fondo de Población de las Naciones Unidas en México (UNFPA) Instituto de la Juventud Fortalecer el "
        "Programa de Acción de la Conferencia Internacional sobre la Población y el Desarrollo",
    ),
    (
        "onu-habitat", "ONU-Hábitat", "Secretaría de Desarrollo Agrario, Territorial y Urbano", "sedatu", [],
            "Vivienda y desarrollo urbano", ["vivienda", "desarrollo-urbano"],
        "Programa de Naciones Unidas para los Asentamientos Humanos (ONU-HABITAT) Secretaría de Desarrollo "
        "Agrario, Territorial y Urbano Vivienda y desarrollo urbano",
    ),
    (
        "cepal", "la CEPAL", "Jefatura de Gobierno", "jefatura-de-gobierno", [],
        "Cooperación, intercambio y proyección en el campo de la ciencia y tecnología, sociodemográfico y "
        "económico",
        ["ciencia-y-tecnologia", "desarrollo-economico"],
        "Comisión Económica para América Latina y el Caribe de las Naciones Unidas (CEPAL) Jefatura de Gobierno "
        "Cooperación, intercambio y proyección en el campo de la ciencia y tecnología, sociodemográfico y "
        "económico",
    ),
    (
        "bird", "el BIRD", "SEDECO/ SEFIN", "sedeco", ["sefin"],
        "Cooperación técnica en red de conectividad gubernamental/ Administración Gasto Publico", ["gobernanza"],
        "Banco Internacional de Reconstrucción y Desarrollo (BIRD) SEDECO/ SEFIN Cooperación técnica en red de "
        "conectividad gubernamental/ Administración Gasto Publico",
    ),
    (
        "omm", "la OMM", "SEDEMA", "sedema", [], "Salud Urbana, Calidad del Aire y Clima",
        ["salud", "medio-ambiente", "cambio-climatico"],
        "Organización Meteorológica Mundial (OMM) SEDEMA Salud Urbana, Calidad del Aire y Clima",
    ),
    (
        "cicr", "el CICR", "SSP", "ssp", [], "Seguridad Pública y Derechos Humanos", ["seguridad", "derechos-humanos"],
        "Comité Internacional de la Cruz Roja (CICR) SSP Seguridad Pública y Derechos Humanos",
    ),
    (
        "oim", "la OIM", "COPRED", "copred", [], "Prevención de la discriminación de personas migrantes",
        ["migracion", "inclusion-social"],
        "Organización Internacional para las Migraciones (OIM) COPRED Prevención de la discriminación de "
        "personas migrantes",
    ),
]


# The same rows in English: the organisation as the title names it, the "Dependencia" and the "Tema"
# (each keyed by its Spanish words; the project's unofficial translation).
ANNEX_2_LABELS_EN = {
    "onusida": "the UNAIDS Regional Office for Latin America",
    "ocde": "the OECD",
    "unodc": "the United Nations Office on Drugs and Crime",
    "unesco": "UNESCO",
    "onu-mujeres": "UN Women",
    "unicef": "UNICEF",
    "fao": "FAO",
    "acnur": "UNHCR",
    "unfpa": "UNFPA",
    "onu-habitat": "UN-Habitat",
    "cepal": "ECLAC",
    "bird": "the IBRD",
    "omm": "the WMO",
    "cicr": "the ICRC",
    "oim": "the IOM",
}
ANNEX_2_BODIES_EN = {
    "Secretaría de Salud": "Ministry of Health",
    "Contraloría General de la CDMX": "Office of the Comptroller General of CDMX",
    "Secretaría de Educación": "Ministry of Education",
    "Autoridad del Centro Histórico": "Historic Centre Authority",
    "Coordinación General de la Autoridad de la Zona de Patrimonio": (
        "General Coordination of the Heritage Zone Authority"
    ),
    "Jefatura de Gobierno": "Office of the Head of Government",
    "Instituto de la Juventud": "Youth Institute",
    "Inmujeres": "Inmujeres",
    "DIF": "DIF",
    "Secretaría de Desarrollo Rural y Equidad de las Comunidades": (
        "Ministry of Rural Development and Equity for Communities"
    ),
    "Secretaría del Trabajo y Fomento al Empleo": "Ministry of Labour and Employment Promotion",
    "Secretaría de Desarrollo Agrario, Territorial y Urbano": "Ministry of Agrarian, Territorial and Urban Development",
    "SEDECO/ SEFIN": "SEDECO/ SEFIN",
    "SEDEMA": "SEDEMA",
    "SSP": "SSP",
    "COPRED": "COPRED",
}
ANNEX_2_THEMES_EN = {
    "Poner fin a la epidemia del SIDA": "Ending the AIDS epidemic",
    "Eficacia del sector público y Estudios sobre gobernanza": "Public sector effectiveness and governance studies",
    "Prevención de la corrupción": "Preventing corruption",
    "Desarrollo de la educación, la ciencia y la cultura": "Development of education, science and culture",
    "Actualización del plan de Manejo y Restauración Centro Histórico":
        "Update of the Historic Centre Management and Restoration plan",
    "Plan Integral de Manejo para la Zona Patrimonio Mundial Natural y Cultural de la Humanidad en Xochimilco, "
    "Tláhuac y Milpa Alta": (
        "Comprehensive Management Plan for the Natural and Cultural World Heritage Zone in Xochimilco, Tláhuac "
        "and Milpa Alta"
    ),
    "Igualdad de género y el empoderamiento de las mujeres": "Gender equality and the empowerment of women",
    "Acceso a una educación de calidad, servicios de salud, a la información, la participación, la recreación y "
    "la justicia en entornos seguros y estimulantes": (
        "Access to quality education, health services, information, participation, recreation and justice in "
        "safe and stimulating environments"
    ),
    "Derechos de las niñas y adolescentes": "Rights of girls and adolescent girls",
    "Derechos de la infancia y adolescencia": "Rights of children and adolescents",
    "Asistencia técnica para la implementación de una estrategia de comercialización para pequeños productores "
    "agropecuarios": "Technical assistance to implement a marketing strategy for small farmers and livestock producers",
    "Asistencia técnica para la estimación de la producción agrícola del sistema chinampero de la Ciudad de "
    "México": "Technical assistance to estimate the agricultural production of Mexico City’s chinampa system",
    "Reconocimiento de la condición de refugiados": "Recognition of refugee status",
    "Mejoramiento en la calidad de vida, mediante la promoción de los derechos humanos laborales, incorporación "
    "a programas sociales, promoción y difusión de eventos de ferias del empleo y capacitación": (
        "Improving quality of life by promoting labour human rights, enrolment in social programmes, and the "
        "promotion and publicising of job fairs and training"
    ),
    "Fortalecer el Programa de Acción de la Conferencia Internacional sobre la Población y el Desarrollo": (
        "Strengthening the Programme of Action of the International Conference on Population and Development"
    ),
    "Vivienda y desarrollo urbano": "Housing and urban development",
    "Cooperación, intercambio y proyección en el campo de la ciencia y tecnología, sociodemográfico y "
    "económico": (
        "Cooperation, exchange and outreach in the fields of science and technology, socio-demography and economics"
    ),
    "Cooperación técnica en red de conectividad gubernamental/ Administración Gasto Publico": (
        "Technical cooperation on a government connectivity network/ Public expenditure management"
    ),
    "Salud Urbana, Calidad del Aire y Clima": "Urban Health, Air Quality and Climate",
    "Seguridad Pública y Derechos Humanos": "Public Security and Human Rights",
    "Prevención de la discriminación de personas migrantes": "Preventing discrimination against migrants",
}


def annex_2_code(organisation: str, body: str) -> str:
    return f"marco-{organisation}-{body}"


def _rows_of(organisation: str) -> int:
    return sum(1 for row in ANNEX_2_ROWS if row[0] == organisation)


def _annex_2_agreement(organisation, label, dependencia, body, other_bodies, theme, themes, row) -> dict:
    values = {
        "code": annex_2_code(organisation, body),
        "title": f"Convenio marco de cooperación con {label} ({dependencia})",
        "title_en": (
            f"Framework cooperation agreement with {ANNEX_2_LABELS_EN[organisation]} "
            f"({ANNEX_2_BODIES_EN[dependencia]})"
        ),
        "kind": AgreementKind.FRAMEWORK,
        "body": body,
        "other_bodies": other_bodies,
        "counterparts": [organisation],
        "purpose": theme,
        "purpose_en": ANNEX_2_THEMES_EN[theme],
        "signed_on": UNDATED,
        "signed_period_note": "",
        "themes": themes,
        "description": "Temas asignados a partir del «Tema» del anexo 2.",
        "source_citation": cite("anexo 2"),
        "source_excerpt": row,
    }
    cell = ANNEX_2_ORGANISATION_CELLS.get(organisation)
    row_pieces = [cell, row] if cell and not row.startswith(cell) else [row]
    if organisation in ANNEX_2_COUNTERPART_WORDS:
        values["counterpart_words"] = {organisation: ANNEX_2_COUNTERPART_WORDS[organisation]}
    if organisation not in SECTION_4_3_NAMES:
        values["source_excerpt"] = excerpt(*row_pieces)
        return values
    values["source_citation"] = cite("cap. I §4.3; anexo 2")
    rows = _rows_of(organisation)
    if rows == 1:
        values["signed_period_note"] = ADMINISTRATION_2012_2018
        values["description"] = (
            "El cap. I §4.3 cuenta el convenio con " + label + " entre los seis convenios marco que suscribió "
            "«la actual administración» (la del «sexenio 2012-2018», cap. I §4.9), uno con cada organización; "
            "el anexo 2 da una sola fila de " + label + ", que es ésta. Temas asignados a partir del «Tema» del "
            "anexo 2."
        )
        values["source_citation"] = cite("cap. I §4.3, §4.9; anexo 2")
        values["source_excerpt"] = excerpt(
            SIGNED_BY_THIS_ADMINISTRATION, SECTION_4_3_NAMES[organisation], THIS_ADMINISTRATION, *row_pieces
        )
        return values
    values["description"] = (
        "El cap. I §4.3 dice que la actual administración suscribió seis convenios marco con agencias "
        "especializadas de la ONU, uno de ellos con " + label + "; el anexo 2 da " + NUMBER_WORDS[rows] + " filas "
        "de " + label + " y el libro no dice cuál de ellas es ese convenio, por lo que esta fila no lleva el "
        "periodo de firma. Temas asignados a partir del «Tema» del anexo 2."
    )
    values["source_excerpt"] = excerpt(SIGNED_BY_THIS_ADMINISTRATION, SECTION_4_3_NAMES[organisation], *row_pieces)
    return values


FRAMEWORK_AGREEMENTS = [_annex_2_agreement(*row) for row in ANNEX_2_ROWS]

# --- Annex 3: the World Design Organization, 2018 ---------------------------

WORLD_DESIGN_ORGANIZATION = {
    "code": "convenio-organizacion-mundial-del-diseno",
    "title": "Convenio con la Organización Mundial del Diseño (Capital Mundial del Diseño 2018)",
    "title_en": "Agreement with the World Design Organization (World Design Capital 2018)",
    "kind": AgreementKind.INTERINSTITUTIONAL,
    "counterparts": ["organizacion-mundial-del-diseno"],
    "signed_on": UNDATED,
    "purpose": "El reconocimiento a la CDMX como Capital Mundial del Diseño 2018, la primera del continente.",
    "purpose_en": "The recognition of CDMX as World Design Capital 2018, the first on the continent.",
    "description": (
        "El anexo 3 lo nombra, bajo el año 2018 de «Turismo», como la vía del reconocimiento a la CDMX como "
        "Capital Mundial del Diseño 2018; no da la fecha de la firma ni otros datos del convenio. No lo da el "
        "libro: el tipo de instrumento (el libro sólo dice «un convenio»)."
    ),
    "source_citation": cite("anexo 3"),
    "source_excerpt": (
        "Reconocimiento a la CDMX como Capital Mundial del Diseño 2018, la primera del continente, a través de la "
        "firma de un convenio con la Organización Mundial del Diseño"
    ),
}

# --- Madrid, cap. III -------------------------------------------------------

MADRID_2017 = {
    "code": "memorando-2017-madrid",
    "title": "Memorando de Entendimiento Ciudad de México–Madrid",
    "title_en": "Memorandum of Understanding Mexico City–Madrid",
    "kind": AgreementKind.MEMORANDUM,
    "counterparts": ["madrid"],
    "signed_on": year(2017),
    "purpose": (
        "Recoge la cooperación en materias como cultura, innovación ciudadana, sostenibilidad, mujeres y sus "
        "derechos, violencias urbanas y tantas otras."
    ),
    "purpose_en": (
        "Covers cooperation in areas such as culture, citizen innovation, sustainability, women and their "
        "rights, urban violence and many others."
    ),
    "themes": ["cultura", "innovacion", "desarrollo-sostenible", "igualdad-de-genero", "seguridad"],
    "description": (
        "La alcaldesa de Madrid, Manuela Carmena, escribe que «ambas capitales» lo suscribieron en 2017. El libro "
        "también lista Madrid (2017) entre los convenios de cooperación específica del cap. I §4.1 y no dice si "
        "se trata del mismo instrumento."
    ),
    "source_citation": cite("cap. III, «Cooperación integral Ciudad de México–Madrid»"),
    "source_excerpt": excerpt(
        "Cooperación integral Ciudad de México–Madrid",
        "En 2017, ambas capitales suscribieron un Memorando de Entendimiento que recoge la cooperación en "
        "materias como cultura, innovación ciudadana, sostenibilidad, mujeres y sus derechos, violencias urbanas "
        "y tantas otras que nos ocupan en la búsqueda común del bienestar de nuestras ciudadanías.",
    ),
}

# --- Declarations, pacts, charters, cap. I §2, §4.7, §4.8 -------------------

#: The other 19 cities that signed the U20 joint declaration, as cap. I §4.7 names them.
U20_CITIES = (
    "Chicago, Berlín, Buenos Aires, Durban, Hamburgo, Yakarta, Londres, Madrid, Milán, Montreal, Nueva York, "
    "París, Río de Janeiro, Roma, San Pablo, Seúl, Sídney, Tokio y Tshwane"
)
U20_COUNTERPARTS = [
    "chicago", "berlin", "buenos-aires", "durban", "hamburgo", "yakarta", "londres", "madrid", "milan", "montreal",
    "nueva-york", "paris", "rio-de-janeiro", "roma", "sao-paulo", "seul", "sidney", "tokio", "tshwane",
]

COLLECTIVE = [
    {
        "code": "carta-2010-derecho-a-la-ciudad",
        "title": "Carta de la Ciudad de México por el Derecho a la Ciudad",
        "title_en": "Mexico City Charter for the Right to the City",
        "kind": AgreementKind.CHARTER,
        "signed_on": day(2010, 7, 13),
        "signatories": (
            "Autoridades locales, los poderes Ejecutivo, Legislativo y Judicial, así como representantes de la "
            "sociedad civil y de organismos públicos autónomos."
        ),
        "purpose": (
            "Recoge los compromisos y medidas que deben ser asumidos por la sociedad civil, los gobiernos locales "
            "y nacionales, los parlamentos y los organismos internacionales, para que todas las personas puedan "
            "vivir con dignidad en las ciudades."
        ),
        "purpose_en": (
            "Sets out the commitments and measures that civil society, local and national governments, "
            "parliaments and international organisations must take on so that all people can live with "
            "dignity in cities."
        ),
        "themes": ["derechos-humanos", "desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "description": (
            "Según el libro, «ha servido como referente para la Nueva Agenda Urbana». Porfirio Muñoz Ledo "
            "(cap. III) escribe que la sociedad civil capitalina la había formulado y que el gobierno local la "
            "suscribió en julio de 2010, y que su espíritu fue retomado en la Constitución local."
        ),
        "source_citation": cite("cap. I §2; cap. III, «Ciudad de México, vocación global»"),
        "source_excerpt": excerpt(
            "el 13 de julio de 2010 autoridades locales, los poderes Ejecutivo, Legislativo y Judicial, así como "
            "representantes de la sociedad civil y de organismos públicos autónomos firmaron la Carta de la "
            "Ciudad de México por el Derecho a la Ciudad.",
            "y ha servido como referente para la Nueva Agenda Urbana.",
            "la sociedad civil capitalina había formulado una Carta de la Ciudad de México por el Derecho a la "
            "Ciudad, la cual fue suscrita por el gobierno local en julio de 2010.",
        ),
    },
    {
        "code": "pacto-2010-ciudad-de-mexico",
        "title": "Pacto de la Ciudad de México",
        "title_en": "Mexico City Pact",
        "kind": AgreementKind.PACT,
        "signed_on": day(2010, 11, 21),
        "signed_at_event": C_CLIMA,
        "signatories": "152 alcaldes.",
        "purpose": (
            "Compromisos voluntarios para la mitigación de emisiones de gases de efecto invernadero (GEI) y de "
            "adaptación de las ciudades a los impactos del cambio climático."
        ),
        "purpose_en": (
            "Voluntary commitments to mitigate greenhouse gas (GHG) emissions and to adapt cities to the "
            "impacts of climate change."
        ),
        "themes": ["cambio-climatico", "medio-ambiente"],
        "description": (
            "El libro fecha la Cumbre Mundial de Alcaldes sobre el Clima (C-Clima) el 21 de noviembre de 2010 y "
            "dice que el Pacto se firmó «al final del evento». No dice dónde se firmó ni lo vincula a un marco de "
            "Naciones Unidas."
        ),
        "source_citation": cite("cap. I §2"),
        "source_excerpt": excerpt(
            "El 21 de noviembre de 2010, el Gobierno de la Ciudad de México convocó a la Cumbre Mundial de Alcaldes "
            "sobre el Clima (C-Clima)",
            "Al final del evento, 152 alcaldes firmaron el Pacto de la Ciudad de México, en el que se establecen "
            "compromisos voluntarios para la mitigación de emisiones de gases de efecto invernadero (GEI) y de "
            "adaptación de las ciudades a los impactos del cambio climático.",
        ),
    },
    {
        "code": "manifiesto-2010-ciudad-2030",
        "title": "Manifiesto para la Ciudad 2030",
        "title_en": "Manifesto for the City 2030",
        "kind": AgreementKind.DECLARATION,
        "signed_on": month(2010, 11),
        "signed_place": "Ciudad de México",
        "signed_at_event": CGLU_SUMMIT_2010,
        "counterparts": ["cglu"],
        "purpose": (
            "Una visión compartida para el futuro urbano, insistiendo en la necesidad de construir «ciudades "
            "inclusivas», junto con la población, sin importar su origen, edad y género."
        ),
        "purpose_en": (
            "A shared vision for the urban future, insisting on the need to build «inclusive cities», "
            "together with the population, regardless of origin, age and gender."
        ),
        "description": (
            "Declaratoria con la que concluyó la Cumbre Mundial de Ciudades y Gobiernos Locales Unidos, celebrada "
            "en la Ciudad de México del 17 al 20 de noviembre de 2010; el libro no da el día de su adopción. La "
            "nota 20 lo cita como «La Ciudad de 2030-Nuestro Manifiesto» de CGLU (2010)."
        ),
        "source_citation": cite("cap. I §2 y nota 20"),
        "source_excerpt": excerpt(
            "La Ciudad de México fue sede de la Cumbre Mundial de Ciudades y Gobiernos Locales Unidos, que se "
            "celebró del 17 al 20 de noviembre de 2010",
            "concluyó con la declaratoria de la Cumbre: el “Manifiesto para la Ciudad 2030”",
            "Ciudades y Gobiernos Locales Unidos. (2010). La Ciudad de 2030-Nuestro Manifiesto. CGLU.",
        ),
    },
    {
        "code": "declaracion-2015-paris-gobiernos-locales",
        "title": "Declaración de París de Gobiernos Locales",
        "title_en": "Paris Declaration of Local Governments",
        "kind": AgreementKind.DECLARATION,
        "signed_on": month(2015, 12),
        "signed_at_event": LOCAL_CLIMATE_ACTION_SUMMIT,
        "signatories": "El Jefe de Gobierno, junto con 400 ciudades.",
        "purpose": (
            "Lograr la reducción conjunta anual de 3.7 gigatoneladas de gases de efecto invernadero para el año 2030."
        ),
        "purpose_en": "To achieve a joint annual reduction of 3.7 gigatonnes of greenhouse gases by 2030.",
        "themes": ["cambio-climatico"],
        "frameworks": [PARIS_AGREEMENT],
        "description": (
            "Firmada en la Cumbre Mundial sobre Acción Climática Local, celebrada en el marco de la COP21 (París, "
            "diciembre de 2015); el libro no da el día ni el lugar de la Cumbre. Vínculo inferido con el Acuerdo "
            "de París: el libro cuenta la firma en el párrafo sobre el papel de la Ciudad «con el fin de incidir "
            "en el Acuerdo de París», sin decir que la Declaración se adopte en su marco."
        ),
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": excerpt(
            "La Ciudad de México ha mantenido un papel destacado a nivel internacional con el fin de incidir en el "
            "Acuerdo de París y participar activamente en su cumplimiento. En el marco de la Conferencia de las "
            "Naciones Unidas sobre Cambio Climático (COP21), realizada en París en diciembre del 2015, el Jefe de "
            "Gobierno participó en la Cumbre Mundial sobre Acción Climática Local, en la cual se sumó a los "
            "esfuerzos y compromisos de 400 ciudades internacionales firmando la “Declaración de París de "
            "Gobiernos Locales”.",
            "Esta declaración busca lograr la reducción conjunta anual de 3.7 gigatoneladas de gases de efecto "
            "invernadero para el año 2030.",
        ),
    },
    {
        "code": "declaracion-2016-ciudad-de-mexico",
        "title": "Declaración de la Ciudad de México",
        "title_en": "Mexico City Declaration",
        "kind": AgreementKind.DECLARATION,
        "signed_on": month(2016, 3),
        "signed_place": "Ciudad de México",
        "signed_at_event": FINANCING_URBAN_DEVELOPMENT,
        "purpose": (
            "Documento clave sobre el financiamiento del desarrollo urbano, como insumo de la Nueva Agenda Urbana."
        ),
        "purpose_en": (
            "Key document on the financing of urban development, as an input to the New Urban Agenda."
        ),
        "themes": ["desarrollo-urbano"],
        "frameworks": [NEW_URBAN_AGENDA],
        "description": (
            "La generó la Conferencia temática «Financiar el desarrollo urbano: el reto del milenio» (marzo de "
            "2016), que el cap. I §4.9 cuenta entre los eventos internacionales organizados en la Ciudad de México "
            "en 2016 con el nombre «Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el "
            "desafío del milenio”»; de ahí el lugar."
        ),
        "source_citation": cite("cap. I §4.7, §4.9"),
        "source_excerpt": excerpt(
            "En marzo de 2016, se organizó la Conferencia temática “Financiar el desarrollo urbano: el reto del "
            "milenio”, que reunió a más de 700 expertos en materia de financiamiento y generó un documento clave "
            "como insumo de la Nueva Agenda Urbana: la Declaración de la Ciudad de México.",
            "Organización de eventos internacionales en la Ciudad de México",
            "Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del milenio”",
        ),
    },
    {
        "code": "declaracion-u20",
        "title": "Declaración Conjunta de Urban 20 (U20)",
        "title_en": "Urban 20 (U20) Joint Declaration",
        "kind": AgreementKind.DECLARATION,
        "signed_on": UNDATED,
        "counterparts": U20_COUNTERPARTS,
        "counterpart_words": {"sao-paulo": "San Pablo"},
        "purpose": (
            "Los firmantes solicitan a los gobiernos nacionales trabajar con las ciudades para alcanzar objetivos "
            "comunes, que se otorgue mayor importancia a las cuestiones urbanas y que las ciudades desempeñen un "
            "papel cada vez más relevante dentro de su agenda."
        ),
        "purpose_en": (
            "The signatories ask national governments to work with cities to achieve common goals, to give "
            "greater importance to urban issues and for cities to play an increasingly relevant role in their "
            "agenda."
        ),
        "description": (
            "U20 es una iniciativa desarrollada en 2017 bajo el liderazgo del alcalde de Buenos Aires y la "
            "alcaldesa de París, para incidir en el G20. La Ciudad de México es una de las 20 ciudades miembro que "
            f"han firmado la Declaración Conjunta; las otras, según el libro: {U20_CITIES}. El libro no da la "
            "fecha de firma."
        ),
        "source_citation": cite("cap. I §4.7"),
        "source_excerpt": (
            "La Ciudad de México es una de las 20 ciudades miembro que ya han firmado la Declaración Conjunta, "
            f"además de {U20_CITIES}."
        ),
    },
    {
        "code": "documento-politico-2016-un-lugar-en-la-mesa-global",
        "title": "«Un lugar en la mesa global»: Documento Político",
        "title_en": "«A Seat at the Global Table»: Political Document",
        "kind": AgreementKind.POLITICAL_DOCUMENT,
        "signed_on": year(2016),
        "signed_place": "Quito",
        "signed_at_event": HABITAT_III,
        "counterparts": ["montevideo", "quito", "montreal"],
        "signatories": "Presentado por 18 alcaldes del mundo, incluido el Jefe de Gobierno de la Ciudad de México.",
        "purpose": (
            "Recomendaciones, sobre tres ejes, para fortalecer el papel de los gobiernos locales en los espacios "
            "de toma de decisiones a nivel internacional."
        ),
        "purpose_en": (
            "Recommendations, on three axes, to strengthen the role of local governments in international "
            "decision-making spaces."
        ),
        "themes": ["gobernanza", "internacionalizacion-de-ciudades"],
        "description": (
            "Resultado del proceso «Un lugar en la mesa global», impulsado desde 2016 por la Ciudad de México, la "
            "Intendencia de Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal en el marco "
            "de AL-LAs. Presentado en la Conferencia Hábitat III (Quito, 2016) y entregado por Mauricio Rodas, "
            "alcalde de Quito, al Secretario General de Naciones Unidas; la fecha es la de su presentación (el "
            "libro no da otra). El libro no lo vincula a la Nueva Agenda Urbana."
        ),
        "source_citation": cite("cap. I §4.8"),
        "source_excerpt": excerpt(
            "Desde 2016, “Un lugar en la mesa global” ha sido impulsado por la Ciudad de México, la Intendencia "
            "de Montevideo, el Distrito Metropolitano de Quito y la Alcaldía de Montreal, en el marco de AL-LAs",
            "cuyos resultados fueron recopilados en un Documento Político que incluye las recomendaciones, sobre "
            "tres ejes, para fortalecer el papel de los gobiernos locales en los espacios de toma de decisiones a "
            "nivel internacional",
            "El documento fue presentado en el marco de la Conferencia Internacional de Hábitat III (Quito, 2016) "
            "por 18 alcaldes del mundo, incluyendo al Jefe de Gobierno de la Ciudad de México",
        ),
    },
]

AGREEMENTS = [
    *SPECIFIC_COOPERATION,
    *TWINNING_AND_FRIENDSHIP,
    JICA_2005,
    *FRAMEWORK_AGREEMENTS,
    WORLD_DESIGN_ORGANIZATION,
    MADRID_2017,
    *COLLECTIVE,
]
