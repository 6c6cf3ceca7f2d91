"""Words the synthetic records are composed from (see ``bench.synthetic.generator``).

Only vocabulary lives here: real places with approximate coordinates, Spanish
country names, organisations, the topics each of the book's themes is about,
and the pieces titles and texts are built from. Nothing here is a record; the
records are composed from these lists, so their text reads like the book's.
The people's names are common given names and surnames combined at random:
they name no one.
"""

from typing import NamedTuple


class Place(NamedTuple):
    """A real city (or, for a state, the seat of its government) and its approximate centre."""

    name: str
    country: str
    latitude: float
    longitude: float


#: Spanish names of the countries the places below are in.
COUNTRY_NAMES = {
    "US": "Estados Unidos", "CA": "Canadá",
    "GT": "Guatemala", "BZ": "Belice", "SV": "El Salvador", "HN": "Honduras", "NI": "Nicaragua",
    "CR": "Costa Rica", "PA": "Panamá", "CU": "Cuba", "DO": "República Dominicana", "PR": "Puerto Rico",
    "JM": "Jamaica", "TT": "Trinidad y Tobago", "BB": "Barbados", "CO": "Colombia", "VE": "Venezuela",
    "EC": "Ecuador", "PE": "Perú", "BO": "Bolivia", "CL": "Chile", "AR": "Argentina", "UY": "Uruguay",
    "PY": "Paraguay", "BR": "Brasil",
    "ES": "España", "PT": "Portugal", "FR": "Francia", "IT": "Italia", "DE": "Alemania", "AT": "Austria",
    "CH": "Suiza", "BE": "Bélgica", "NL": "Países Bajos", "GB": "Reino Unido", "IE": "Irlanda",
    "DK": "Dinamarca", "SE": "Suecia", "NO": "Noruega", "FI": "Finlandia", "IS": "Islandia",
    "PL": "Polonia", "CZ": "Chequia", "HU": "Hungría", "GR": "Grecia", "RO": "Rumania", "RU": "Rusia",
    "UA": "Ucrania", "SI": "Eslovenia", "HR": "Croacia", "EE": "Estonia", "LV": "Letonia", "LT": "Lituania",
    "TR": "Turquía", "IL": "Israel", "LB": "Líbano", "JO": "Jordania", "AE": "Emiratos Árabes Unidos",
    "QA": "Catar", "SA": "Arabia Saudita", "KW": "Kuwait", "OM": "Omán", "IR": "Irán",
    "JP": "Japón", "KR": "Corea del Sur", "CN": "China", "HK": "Hong Kong", "TW": "Taiwán",
    "MN": "Mongolia", "IN": "India", "BD": "Bangladés", "PK": "Pakistán", "NP": "Nepal", "LK": "Sri Lanka",
    "TH": "Tailandia", "VN": "Vietnam", "MY": "Malasia", "SG": "Singapur", "ID": "Indonesia",
    "PH": "Filipinas", "KZ": "Kazajistán", "GE": "Georgia", "AM": "Armenia", "AZ": "Azerbaiyán",
    "UZ": "Uzbekistán",
    "EG": "Egipto", "MA": "Marruecos", "TN": "Túnez", "DZ": "Argelia", "SN": "Senegal",
    "CI": "Costa de Marfil", "GH": "Ghana", "NG": "Nigeria", "ET": "Etiopía", "KE": "Kenia", "RW": "Ruanda",
    "UG": "Uganda", "TZ": "Tanzania", "AO": "Angola", "MZ": "Mozambique", "ZA": "Sudáfrica", "NA": "Namibia",
    "CD": "República Democrática del Congo", "CM": "Camerún", "ML": "Malí",
    "AU": "Australia", "NZ": "Nueva Zelanda", "FJ": "Fiyi", "PG": "Papúa Nueva Guinea",
}

#: Cities of every region, with the approximate coordinates of their centre.
CITIES = [
    # América del Norte
    Place("Nueva York", "US", 40.7128, -74.0060),
    Place("Los Ángeles", "US", 34.0522, -118.2437),
    Place("Chicago", "US", 41.8781, -87.6298),
    Place("Houston", "US", 29.7604, -95.3698),
    Place("San Antonio", "US", 29.4241, -98.4936),
    Place("San Francisco", "US", 37.7749, -122.4194),
    Place("Seattle", "US", 47.6062, -122.3321),
    Place("Boston", "US", 42.3601, -71.0589),
    Place("Miami", "US", 25.7617, -80.1918),
    Place("Washington", "US", 38.9072, -77.0369),
    Place("Denver", "US", 39.7392, -104.9903),
    Place("Phoenix", "US", 33.4484, -112.0740),
    Place("Austin", "US", 30.2672, -97.7431),
    Place("Atlanta", "US", 33.7490, -84.3880),
    Place("Filadelfia", "US", 39.9526, -75.1652),
    Place("Toronto", "CA", 43.6532, -79.3832),
    Place("Montreal", "CA", 45.5017, -73.5673),
    Place("Vancouver", "CA", 49.2827, -123.1207),
    Place("Quebec", "CA", 46.8139, -71.2080),
    Place("Ottawa", "CA", 45.4215, -75.6972),
    Place("Calgary", "CA", 51.0447, -114.0719),
    # América Latina y el Caribe
    Place("Bogotá", "CO", 4.7110, -74.0721),
    Place("Medellín", "CO", 6.2442, -75.5812),
    Place("Cali", "CO", 3.4516, -76.5320),
    Place("Lima", "PE", -12.0464, -77.0428),
    Place("Arequipa", "PE", -16.4090, -71.5375),
    Place("Quito", "EC", -0.1807, -78.4678),
    Place("Guayaquil", "EC", -2.1710, -79.9224),
    Place("La Paz", "BO", -16.4897, -68.1193),
    Place("Santa Cruz de la Sierra", "BO", -17.8146, -63.1561),
    Place("Santiago de Chile", "CL", -33.4489, -70.6693),
    Place("Valparaíso", "CL", -33.0472, -71.6127),
    Place("Buenos Aires", "AR", -34.6037, -58.3816),
    Place("Rosario", "AR", -32.9442, -60.6505),
    Place("Córdoba", "AR", -31.4201, -64.1888),
    Place("Montevideo", "UY", -34.9011, -56.1645),
    Place("Asunción", "PY", -25.2637, -57.5759),
    Place("São Paulo", "BR", -23.5505, -46.6333),
    Place("Río de Janeiro", "BR", -22.9068, -43.1729),
    Place("Belo Horizonte", "BR", -19.9167, -43.9345),
    Place("Curitiba", "BR", -25.4284, -49.2733),
    Place("Porto Alegre", "BR", -30.0346, -51.2177),
    Place("Salvador de Bahía", "BR", -12.9777, -38.5016),
    Place("Recife", "BR", -8.0476, -34.8770),
    Place("Brasilia", "BR", -15.7975, -47.8919),
    Place("Caracas", "VE", 10.4806, -66.9036),
    Place("Ciudad de Panamá", "PA", 8.9824, -79.5199),
    Place("San José", "CR", 9.9281, -84.0907),
    Place("Managua", "NI", 12.1150, -86.2362),
    Place("Tegucigalpa", "HN", 14.0723, -87.1921),
    Place("San Salvador", "SV", 13.6929, -89.2182),
    Place("Ciudad de Guatemala", "GT", 14.6349, -90.5069),
    Place("Belmopán", "BZ", 17.2510, -88.7590),
    Place("La Habana", "CU", 23.1136, -82.3666),
    Place("Santo Domingo", "DO", 18.4861, -69.9312),
    Place("San Juan", "PR", 18.4655, -66.1057),
    Place("Kingston", "JM", 17.9712, -76.7936),
    Place("Puerto España", "TT", 10.6549, -61.5019),
    Place("Bridgetown", "BB", 13.0975, -59.6167),
    # Europa
    Place("Madrid", "ES", 40.4168, -3.7038),
    Place("Barcelona", "ES", 41.3851, 2.1734),
    Place("Sevilla", "ES", 37.3891, -5.9845),
    Place("Valencia", "ES", 39.4699, -0.3763),
    Place("Bilbao", "ES", 43.2630, -2.9350),
    Place("Lisboa", "PT", 38.7223, -9.1393),
    Place("Oporto", "PT", 41.1579, -8.6291),
    Place("París", "FR", 48.8566, 2.3522),
    Place("Lyon", "FR", 45.7640, 4.8357),
    Place("Marsella", "FR", 43.2965, 5.3698),
    Place("Burdeos", "FR", 44.8378, -0.5792),
    Place("Estrasburgo", "FR", 48.5734, 7.7521),
    Place("Roma", "IT", 41.9028, 12.4964),
    Place("Milán", "IT", 45.4642, 9.1900),
    Place("Turín", "IT", 45.0703, 7.6869),
    Place("Florencia", "IT", 43.7696, 11.2558),
    Place("Berlín", "DE", 52.5200, 13.4050),
    Place("Hamburgo", "DE", 53.5511, 9.9937),
    Place("Múnich", "DE", 48.1351, 11.5820),
    Place("Fráncfort", "DE", 50.1109, 8.6821),
    Place("Colonia", "DE", 50.9375, 6.9603),
    Place("Viena", "AT", 48.2082, 16.3738),
    Place("Zúrich", "CH", 47.3769, 8.5417),
    Place("Ginebra", "CH", 46.2044, 6.1432),
    Place("Bruselas", "BE", 50.8503, 4.3517),
    Place("Ámsterdam", "NL", 52.3676, 4.9041),
    Place("Róterdam", "NL", 51.9244, 4.4777),
    Place("Londres", "GB", 51.5074, -0.1278),
    Place("Mánchester", "GB", 53.4808, -2.2426),
    Place("Edimburgo", "GB", 55.9533, -3.1883),
    Place("Dublín", "IE", 53.3498, -6.2603),
    Place("Copenhague", "DK", 55.6761, 12.5683),
    Place("Estocolmo", "SE", 59.3293, 18.0686),
    Place("Oslo", "NO", 59.9139, 10.7522),
    Place("Helsinki", "FI", 60.1699, 24.9384),
    Place("Reikiavik", "IS", 64.1466, -21.9426),
    Place("Varsovia", "PL", 52.2297, 21.0122),
    Place("Cracovia", "PL", 50.0647, 19.9450),
    Place("Praga", "CZ", 50.0755, 14.4378),
    Place("Budapest", "HU", 47.4979, 19.0402),
    Place("Atenas", "GR", 37.9838, 23.7275),
    Place("Bucarest", "RO", 44.4268, 26.1025),
    Place("Moscú", "RU", 55.7558, 37.6173),
    Place("Kiev", "UA", 50.4501, 30.5234),
    Place("Liubliana", "SI", 46.0569, 14.5058),
    Place("Zagreb", "HR", 45.8150, 15.9819),
    Place("Tallin", "EE", 59.4370, 24.7536),
    Place("Riga", "LV", 56.9496, 24.1052),
    Place("Vilna", "LT", 54.6872, 25.2797),
    # Medio Oriente
    Place("Estambul", "TR", 41.0082, 28.9784),
    Place("Ankara", "TR", 39.9334, 32.8597),
    Place("Tel Aviv", "IL", 32.0853, 34.7818),
    Place("Beirut", "LB", 33.8938, 35.5018),
    Place("Amán", "JO", 31.9454, 35.9284),
    Place("Dubái", "AE", 25.2048, 55.2708),
    Place("Abu Dabi", "AE", 24.4539, 54.3773),
    Place("Doha", "QA", 25.2854, 51.5310),
    Place("Riad", "SA", 24.7136, 46.6753),
    Place("Kuwait", "KW", 29.3759, 47.9774),
    Place("Mascate", "OM", 23.5880, 58.3829),
    Place("Teherán", "IR", 35.6892, 51.3890),
    # Asia
    Place("Tokio", "JP", 35.6762, 139.6503),
    Place("Osaka", "JP", 34.6937, 135.5023),
    Place("Nagoya", "JP", 35.1815, 136.9066),
    Place("Kioto", "JP", 35.0116, 135.7681),
    Place("Yokohama", "JP", 35.4437, 139.6380),
    Place("Seúl", "KR", 37.5665, 126.9780),
    Place("Busan", "KR", 35.1796, 129.0756),
    Place("Beijing", "CN", 39.9042, 116.4074),
    Place("Shanghái", "CN", 31.2304, 121.4737),
    Place("Guangzhou", "CN", 23.1291, 113.2644),
    Place("Shenzhen", "CN", 22.5431, 114.0579),
    Place("Chengdú", "CN", 30.5728, 104.0668),
    Place("Hangzhou", "CN", 30.2741, 120.1551),
    Place("Hong Kong", "HK", 22.3193, 114.1694),
    Place("Taipéi", "TW", 25.0330, 121.5654),
    Place("Ulán Bator", "MN", 47.8864, 106.9057),
    Place("Nueva Delhi", "IN", 28.6139, 77.2090),
    Place("Bombay", "IN", 19.0760, 72.8777),
    Place("Bangalore", "IN", 12.9716, 77.5946),
    Place("Calcuta", "IN", 22.5726, 88.3639),
    Place("Daca", "BD", 23.8103, 90.4125),
    Place("Karachi", "PK", 24.8607, 67.0011),
    Place("Katmandú", "NP", 27.7172, 85.3240),
    Place("Colombo", "LK", 6.9271, 79.8612),
    Place("Bangkok", "TH", 13.7563, 100.5018),
    Place("Hanói", "VN", 21.0278, 105.8342),
    Place("Ciudad Ho Chi Minh", "VN", 10.8231, 106.6297),
    Place("Kuala Lumpur", "MY", 3.1390, 101.6869),
    Place("Singapur", "SG", 1.3521, 103.8198),
    Place("Yakarta", "ID", -6.2088, 106.8456),
    Place("Manila", "PH", 14.5995, 120.9842),
    Place("Almatý", "KZ", 43.2220, 76.8512),
    Place("Tiflis", "GE", 41.7151, 44.8271),
    Place("Ereván", "AM", 40.1792, 44.4991),
    Place("Bakú", "AZ", 40.4093, 49.8671),
    Place("Taskent", "UZ", 41.2995, 69.2401),
    # África
    Place("El Cairo", "EG", 30.0444, 31.2357),
    Place("Alejandría", "EG", 31.2001, 29.9187),
    Place("Casablanca", "MA", 33.5731, -7.5898),
    Place("Rabat", "MA", 34.0209, -6.8416),
    Place("Marrakech", "MA", 31.6295, -7.9811),
    Place("Túnez", "TN", 36.8065, 10.1815),
    Place("Argel", "DZ", 36.7538, 3.0588),
    Place("Dakar", "SN", 14.7167, -17.4677),
    Place("Abiyán", "CI", 5.3600, -4.0083),
    Place("Acra", "GH", 5.6037, -0.1870),
    Place("Lagos", "NG", 6.5244, 3.3792),
    Place("Abuya", "NG", 9.0765, 7.3986),
    Place("Adís Abeba", "ET", 9.0300, 38.7400),
    Place("Nairobi", "KE", -1.2921, 36.8219),
    Place("Kigali", "RW", -1.9441, 30.0619),
    Place("Kampala", "UG", 0.3476, 32.5825),
    Place("Dar es Salaam", "TZ", -6.7924, 39.2083),
    Place("Luanda", "AO", -8.8390, 13.2894),
    Place("Maputo", "MZ", -25.9692, 32.5732),
    Place("Johannesburgo", "ZA", -26.2041, 28.0473),
    Place("Ciudad del Cabo", "ZA", -33.9249, 18.4241),
    Place("Durban", "ZA", -29.8587, 31.0218),
    Place("Windhoek", "NA", -22.5609, 17.0658),
    Place("Kinsasa", "CD", -4.4419, 15.2663),
    Place("Duala", "CM", 4.0511, 9.7679),
    Place("Bamako", "ML", 12.6392, -8.0029),
    # Oceanía
    Place("Sídney", "AU", -33.8688, 151.2093),
    Place("Melbourne", "AU", -37.8136, 144.9631),
    Place("Brisbane", "AU", -27.4698, 153.0251),
    Place("Perth", "AU", -31.9505, 115.8605),
    Place("Adelaida", "AU", -34.9285, 138.6007),
    Place("Auckland", "NZ", -36.8485, 174.7633),
    Place("Wellington", "NZ", -41.2865, 174.7762),
    Place("Christchurch", "NZ", -43.5321, 172.6362),
    Place("Suva", "FJ", -18.1416, 178.4419),
    Place("Port Moresby", "PG", -9.4438, 147.1803),
]

#: States, provinces and regions, placed at the seat of their government.
STATES = [
    Place("California", "US", 38.5816, -121.4944),
    Place("Texas", "US", 30.2672, -97.7431),
    Place("Illinois", "US", 39.7817, -89.6501),
    Place("Arizona", "US", 33.4484, -112.0740),
    Place("Nuevo México", "US", 35.6870, -105.9378),
    Place("Colorado", "US", 39.7392, -104.9903),
    Place("Ontario", "CA", 43.6532, -79.3832),
    Place("Columbia Británica", "CA", 48.4284, -123.3656),
    Place("Alberta", "CA", 53.5461, -113.4938),
    Place("Cataluña", "ES", 41.3851, 2.1734),
    Place("Andalucía", "ES", 37.3891, -5.9845),
    Place("País Vasco", "ES", 42.8467, -2.6716),
    Place("Baviera", "DE", 48.1351, 11.5820),
    Place("Renania del Norte-Westfalia", "DE", 51.2277, 6.7735),
    Place("Isla de Francia", "FR", 48.8566, 2.3522),
    Place("Occitania", "FR", 43.6047, 1.4442),
    Place("Lombardía", "IT", 45.4642, 9.1900),
    Place("Toscana", "IT", 43.7696, 11.2558),
    Place("Flandes", "BE", 50.8503, 4.3517),
    Place("Valonia", "BE", 50.4674, 4.8720),
    Place("Escocia", "GB", 55.9533, -3.1883),
    Place("Gales", "GB", 51.4816, -3.1791),
    Place("Provincia de Buenos Aires", "AR", -34.9205, -57.9536),
    Place("Provincia de Santa Fe", "AR", -31.6107, -60.6973),
    Place("Estado de São Paulo", "BR", -23.5505, -46.6333),
    Place("Minas Gerais", "BR", -19.9167, -43.9345),
    Place("Antioquia", "CO", 6.2442, -75.5812),
    Place("Cundinamarca", "CO", 4.7110, -74.0721),
    Place("Región Metropolitana de Santiago", "CL", -33.4489, -70.6693),
    Place("Provincia de Pichincha", "EC", -0.1807, -78.4678),
    Place("Gyeonggi", "KR", 37.2636, 127.0286),
    Place("Prefectura de Kanagawa", "JP", 35.4437, 139.6380),
    Place("Prefectura de Aichi", "JP", 35.1815, 136.9066),
    Place("Provincia de Guangdong", "CN", 23.1291, 113.2644),
    Place("Provincia de Sichuan", "CN", 30.5728, 104.0668),
    Place("Kerala", "IN", 8.5241, 76.9366),
    Place("Gauteng", "ZA", -26.2041, 28.0473),
    Place("Estado de Lagos", "NG", 6.5244, 3.3792),
    Place("Nueva Gales del Sur", "AU", -33.8688, 151.2093),
    Place("Victoria", "AU", -37.8136, 144.9631),
]


class Organisation(NamedTuple):
    name: str
    acronym: str
    un_system: bool


#: International organisations, inside and outside the UN system.
ORGANISATIONS = [
    Organisation("Programa de las Naciones Unidas para el Desarrollo", "PNUD", True),
    Organisation("Organización Mundial de la Salud", "OMS", True),
    Organisation("Organización Panamericana de la Salud", "OPS", True),
    Organisation("Organización Internacional del Trabajo", "OIT", True),
    Organisation("Programa de las Naciones Unidas para el Medio Ambiente", "PNUMA", True),
    Organisation("Fondo de las Naciones Unidas para la Infancia", "UNICEF", True),
    Organisation("Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura", "UNESCO", True),
    Organisation("Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de las Mujeres",
                 "ONU Mujeres", True),
    Organisation("Programa de las Naciones Unidas para los Asentamientos Humanos", "ONU-Hábitat", True),
    Organisation("Oficina de las Naciones Unidas para la Reducción del Riesgo de Desastres", "UNDRR", True),
    Organisation("Organización Mundial del Turismo", "OMT", True),
    Organisation("Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR", True),
    Organisation("Organización Internacional para las Migraciones", "OIM", True),
    Organisation("Comisión Económica para América Latina y el Caribe", "CEPAL", True),
    Organisation("Banco Mundial", "BM", True),
    Organisation("Banco Interamericano de Desarrollo", "BID", False),
    Organisation("Banco de Desarrollo de América Latina y el Caribe", "CAF", False),
    Organisation("Organización para la Cooperación y el Desarrollo Económicos", "OCDE", False),
    Organisation("Organización de los Estados Americanos", "OEA", False),
    Organisation("Secretaría General Iberoamericana", "SEGIB", False),
    Organisation("Organización de Estados Iberoamericanos", "OEI", False),
    Organisation("Comisión Europea", "CE", False),
    Organisation("Banco Europeo de Inversiones", "BEI", False),
    Organisation("Comité Internacional de la Cruz Roja", "CICR", False),
]

#: What each of the book's themes (by slug) is about, as noun phrases with
#: their article («la movilidad sostenible»); ``bare`` drops the article where
#: Spanish does («en materia de movilidad sostenible»).
TOPICS = {
    "desarrollo-economico": [
        "el desarrollo económico local", "la atracción de inversiones", "la economía social y solidaria",
    ],
    "medio-ambiente": ["la calidad del aire", "la gestión de residuos sólidos", "la protección de las áreas verdes"],
    "cambio-climatico": ["la acción climática", "la reducción de emisiones", "la adaptación al cambio climático"],
    "turismo": ["el turismo sostenible", "la promoción turística", "el turismo cultural"],
    "cultura": ["el intercambio cultural", "las industrias culturales y creativas", "el fomento a la lectura"],
    "educacion": ["la educación básica", "la formación docente", "la educación para la ciudadanía"],
    "desarrollo-urbano": ["la planeación urbana", "la regeneración de barrios", "el espacio público"],
    "movilidad": ["la movilidad sostenible", "el transporte público", "la movilidad ciclista", "la seguridad vial"],
    "desarrollo-social": [
        "los programas sociales", "la atención a personas mayores", "el combate a la pobreza urbana",
    ],
    "salud": ["la salud pública", "la prevención de enfermedades crónicas", "la atención primaria de salud"],
    "derechos-humanos": ["los derechos humanos", "la no discriminación", "la atención a víctimas"],
    "igualdad-de-genero": [
        "la igualdad de género", "la prevención de la violencia contra las mujeres",
        "la autonomía económica de las mujeres",
    ],
    "gobernanza": ["el gobierno abierto", "la transparencia y rendición de cuentas", "la participación ciudadana"],
    "seguridad": ["la seguridad ciudadana", "la prevención del delito", "la justicia cívica"],
    "innovacion": ["la innovación pública", "las ciudades inteligentes", "el gobierno digital"],
    "desarrollo-sostenible": [
        "el desarrollo sostenible", "la localización de la Agenda 2030", "el consumo responsable",
    ],
    "inclusion-social": [
        "la inclusión social", "la accesibilidad universal", "la integración de personas migrantes",
    ],
    "paz": ["la cultura de paz", "la resolución pacífica de conflictos", "la convivencia comunitaria"],
    "democracia": ["la democracia participativa", "el presupuesto participativo", "la cultura cívica"],
    "internacionalizacion-de-ciudades": [
        "la internacionalización de ciudades", "la diplomacia de ciudades", "la cooperación descentralizada",
    ],
    "resiliencia": ["la resiliencia urbana", "la gestión integral del riesgo de desastres", "la protección civil"],
    "migracion": [
        "la movilidad humana", "la atención a personas migrantes", "la protección de personas refugiadas",
    ],
    "patrimonio-cultural": [
        "el patrimonio cultural", "la conservación de centros históricos", "el patrimonio cultural inmaterial",
    ],
    "ciencia-y-tecnologia": ["la ciencia y tecnología", "los datos abiertos", "la investigación aplicada"],
    "desarrollo-rural": ["el desarrollo rural", "la agricultura urbana", "el suelo de conservación"],
    "trabajo-y-empleo": ["el empleo digno", "la formación para el trabajo", "el seguro de desempleo"],
    "vivienda": ["la vivienda asequible", "el mejoramiento de vivienda", "la vivienda social"],
    "agua": ["la gestión integral del agua", "el agua potable y saneamiento", "la captación de agua de lluvia"],
    "biodiversidad": [
        "la biodiversidad urbana", "la restauración de ecosistemas", "la protección de polinizadores",
    ],
}

#: Infinitives that open an agreement's or an action's purpose.
VERBS = [
    "fortalecer", "impulsar", "promover", "consolidar", "ampliar", "desarrollar", "coordinar", "mejorar",
]

#: How the parties cooperate.
INSTRUMENTS = [
    "intercambios de especialistas", "misiones técnicas", "talleres de capacitación", "proyectos piloto",
    "asistencia técnica", "estancias profesionales", "foros y seminarios", "publicaciones conjuntas",
    "estudios y diagnósticos", "plataformas de datos abiertos", "programas de becas", "grupos de trabajo",
]

#: Who benefits, for results and purposes.
AUDIENCES = [
    "las personas jóvenes", "las mujeres", "las personas mayores", "las comunidades indígenas",
    "las y los servidores públicos", "las escuelas públicas", "las pequeñas y medianas empresas",
    "las organizaciones de la sociedad civil", "las alcaldías", "las personas con discapacidad",
]

#: Spanish given names and surnames; combined at random they name no one.
WOMEN_NAMES = [
    "Ana", "María", "Lucía", "Carmen", "Isabel", "Sofía", "Elena", "Laura", "Patricia", "Claudia", "Marta",
    "Julia", "Teresa", "Rosa", "Andrea", "Beatriz",
]
MEN_NAMES = [
    "Jorge", "Luis", "Carlos", "José", "Manuel", "Javier", "Miguel", "Pedro", "Antonio", "Fernando", "Ricardo",
    "Andrés", "Pablo", "Tomás", "Sergio", "Daniel",
]
SURNAMES = [
    "García", "Martínez", "López", "Hernández", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
    "Rivera", "Gómez", "Díaz", "Reyes", "Morales", "Ortiz", "Castillo", "Romero", "Vargas", "Mendoza",
    "Ruiz", "Álvarez", "Navarro", "Domínguez", "Herrera", "Medina", "Aguilar", "Castro", "Vega", "Rojas",
]

#: Offices a guest or a person holds, by where they come from, as (held by a
#: woman, held by a man). ``{place}`` is the city or state, ``{country}`` the
#: country, ``{org}`` the organisation with its article.
OFFICES_HELD = {
    "city": [
        ("Alcaldesa de {place}", "Alcalde de {place}"),
        ("Teniente de alcalde de {place}", "Teniente de alcalde de {place}"),
        ("Directora de Relaciones Internacionales de {place}", "Director de Relaciones Internacionales de {place}"),
        ("Presidenta del Concejo Municipal de {place}", "Presidente del Concejo Municipal de {place}"),
        ("Secretaria de Desarrollo Urbano de {place}", "Secretario de Desarrollo Urbano de {place}"),
    ],
    "state": [
        ("Gobernadora de {place}", "Gobernador de {place}"),
        ("Ministra de Economía de {place}", "Ministro de Economía de {place}"),
        ("Directora de Asuntos Internacionales de {place}", "Director de Asuntos Internacionales de {place}"),
    ],
    "national": [
        ("Ministra de Asuntos Exteriores de {country}", "Ministro de Asuntos Exteriores de {country}"),
        ("Embajadora de {country} en México", "Embajador de {country} en México"),
        ("Cónsul general de {country} en México", "Cónsul general de {country} en México"),
        ("Viceministra de Cooperación de {country}", "Viceministro de Cooperación de {country}"),
    ],
    "organisation": [
        ("Directora regional de {org}", "Director regional de {org}"),
        ("Representante en México de {org}", "Representante en México de {org}"),
        ("Coordinadora de programas de {org}", "Coordinador de programas de {org}"),
    ],
}

#: Offices on the city's side.
CITY_OFFICES = [
    "Jefa de Gobierno de la Ciudad de México", "Jefe de Gobierno de la Ciudad de México",
    "Coordinador General de Asuntos Internacionales", "Coordinadora General de Asuntos Internacionales",
    "Secretaria de Gobierno", "Secretario de Desarrollo Económico", "Secretaria del Medio Ambiente",
    "Secretario de Movilidad", "Secretaria de Cultura",
]

CIVIL_SOCIETY_FORMS = ["Fundación", "Observatorio", "Centro", "Asociación Civil", "Colectivo", "Consejo Ciudadano"]
ACADEMIC_FORMS = [
    "Universidad de {city}", "Universidad Politécnica de {city}", "Instituto de Estudios Urbanos de {city}",
    "Escuela de Arquitectura de {city}", "Centro de Investigación en Políticas Públicas de {city}",
]
PRIVATE_FORMS = [
    "Cámara de Comercio de {city}", "Consorcio de Transporte de {city}", "Grupo Financiero {surname}",
    "Agencia de Desarrollo Económico de {city}", "Compañía de Aguas de {city}", "Fondo de Inversión {surname}",
]
NATIONAL_FORMS = [
    "Gobierno de {country}", "Ministerio de Asuntos Exteriores de {country}", "Embajada de {country} en México",
    "Agencia de Cooperación Internacional de {country}", "Ministerio de Medio Ambiente de {country}",
    "Ministerio de Cultura de {country}",
]

#: City networks: kinds of body and whom they gather.
NETWORK_FORMS = ["Red", "Alianza", "Foro", "Coalición", "Plataforma", "Asociación"]
NETWORK_MEMBERS = [
    "de Ciudades", "de Gobiernos Locales", "de Alcaldes", "de Áreas Metropolitanas", "de Ciudades Capitales",
    "de Ciudades Intermedias",
]
#: A global network's adjective (the same in both genders) and a regional network's region.
GLOBAL_REACH = ["Mundial", "Global", "Internacional"]
REGIONAL_REACH = [
    "de América Latina", "de las Américas", "de Iberoamérica", "de Europa y América Latina", "del Caribe",
    "de América del Norte",
]

MEMBERSHIP_ROLES = ["Miembro", "Miembro fundador", "Miembro pleno", "Socio", "Ciudad asociada", "Observador"]
#: Positions within one of the network's organs («Vicepresidencia de la Comisión de Cultura»)…
POSITIONS_IN_ORGAN = ["Presidencia", "Copresidencia", "Vicepresidencia", "Secretaría técnica", "Miembro"]
#: …and positions of the whole network.
POSITIONS_OF_NETWORK = [
    "Tesorería", "Secretaría ejecutiva", "Vicepresidencia para América Latina", "Coordinación regional",
    "Vicepresidencia temática",
]
POSITION_ORGANS = [
    "Consejo Directivo", "Buró Ejecutivo", "Asamblea General", "Comité de {topic}", "Comisión de {topic}",
]

EVENT_FORMS = [
    "Foro Internacional de {topic}", "Cumbre de Alcaldes sobre {topic}", "Congreso Mundial de {topic}",
    "Encuentro Iberoamericano de {topic}", "Seminario Internacional sobre {topic} en las Ciudades",
    "Reunión anual de ciudades sobre {topic}", "Semana Internacional de {topic}",
    "Diálogo de alto nivel sobre {topic}", "Conferencia Internacional de Ciudades sobre {topic}",
]

AWARD_FORMS = [
    "Premio Internacional de Ciudades en {topic}", "Reconocimiento a las Buenas Prácticas en {topic}",
    "Premio Ciudades Sostenibles en la categoría de {topic}", "Distinción Ciudad Líder en {topic}",
    "Premio Iberoamericano de Innovación Urbana en {topic}", "Medalla al Mérito Internacional en {topic}",
]

PROGRAMME_FORMS = [
    "el programa {name} de {topic}", "la estrategia {name} de {topic}", "el proyecto {name} de {topic}",
    "la iniciativa {name} en materia de {topic}",
]
PROGRAMME_NAMES = [
    "Ciudad Abierta", "Barrio Seguro", "Muévete en Bici", "Ciudad Solar", "Agua para Todos", "Calles Vivas",
    "Sembrando Parques", "Mujeres en Movimiento", "Escuelas Verdes", "Ciudad Resiliente", "Mercados Vivos",
    "Cultura Comunitaria",
]

CURRENCIES = ["MXN", "USD", "EUR"]

EVENT_SUBTITLES = [
    "ciudades para las personas", "hacia la Agenda 2030", "retos y oportunidades para los gobiernos locales",
    "de la agenda global a la acción local", "experiencias de América Latina y Europa", "la ciudad que queremos",
    "innovación y cooperación entre ciudades", "compromisos para la próxima década",
]

# Title templates by kind. ``{cp}`` is the main counterpart as prose («la
# Universidad de Lyon», «Lyon»), ``{place}`` and ``{country}`` where it is,
# ``{topic}`` a topic without its article, ``{goal}`` a verb and a topic
# («fortalecer la movilidad sostenible»), ``{body}`` the city's body with its
# article, ``{year}`` the year of the record.

#: Agreements, by ``AgreementKind`` value.
AGREEMENT_TITLES = {
    "twinning": [
        "Acuerdo de hermanamiento entre la Ciudad de México y {place}, {country}",
        "Convenio de hermanamiento y cooperación entre la Ciudad de México y {place}, {country}",
    ],
    "friendship": [
        "Acuerdo de amistad y cooperación entre la Ciudad de México y {cp}",
        "Convenio de amistad entre la Ciudad de México y {cp} para {goal}",
    ],
    "specific_cooperation": [
        "Convenio de cooperación específica con {cp} en materia de {topic} ({year})",
        "Convenio de cooperación específica entre la Ciudad de México y {cp} sobre {topic}",
    ],
    "memorandum": [
        "Memorando de entendimiento entre el Gobierno de la Ciudad de México y {cp} para {goal}",
        "Memorando de entendimiento con {cp} en materia de {topic} y {topic2}",
    ],
    "framework": [
        "Convenio marco de colaboración con {cp} para {goal}",
        "Convenio marco de cooperación entre la Ciudad de México y {cp} en materia de {topic}",
    ],
    "collaboration": [
        "Acuerdo de colaboración con {cp} en materia de {topic} y {topic2}",
        "Acuerdo de colaboración entre {body} y {cp} para {goal}",
    ],
    "letter_of_intent": [
        "Carta de intención entre la Ciudad de México y {cp} para {goal}",
        "Carta de intención con {cp} sobre cooperación en {topic}",
    ],
    "interinstitutional": [
        "Acuerdo interinstitucional entre {body} y {cp} para {goal}",
        "Acuerdo interinstitucional con {cp} en materia de {topic} ({year})",
    ],
    "declaration": [
        "Declaración de {place} sobre {topic} y {topic2} en las ciudades",
        "Declaración conjunta de gobiernos locales sobre {topic}, adoptada en {place}",
    ],
    "pact": [
        "Pacto de {place} de alcaldes y gobiernos locales por {goal_noun}",
        "Pacto internacional de ciudades para {goal}",
    ],
    "charter": [
        "Carta de {place} por el derecho a la ciudad y {goal_noun}",
        "Carta internacional de ciudades sobre {topic} y {topic2}",
    ],
    "political_document": [
        "Documento político de {place} sobre {topic}: compromisos de los gobiernos locales",
        "Documento político de las ciudades sobre {topic} rumbo a la agenda global ({year})",
    ],
}

#: Actions, by ``Action.Kind`` value.
ACTION_TITLES = {
    "project": [
        "Proyecto «{programme}» de {topic} con {cp}",
        "Proyecto de cooperación con {cp} para {goal} en la Ciudad de México",
    ],
    "exchange": [
        "Intercambio de experiencias en {topic} entre la Ciudad de México y {cp}",
        "Intercambio de buenas prácticas con {cp} sobre {topic} y {topic2}",
    ],
    "mission": [
        "Misión técnica a {place}, {country}, para conocer su experiencia en {topic}",
        "Misión técnica de especialistas de {cp} a la Ciudad de México sobre {topic}",
    ],
    "technical_assistance": [
        "Asistencia técnica de {cp} a la Ciudad de México en materia de {topic}",
        "Asistencia técnica para {goal} con apoyo de {cp}",
    ],
    "cultural_diplomacy": [
        "Muestra cultural de {country} en la Ciudad de México: {subtitle}",
        "Programa de diplomacia cultural con {cp}: {subtitle}",
    ],
    "declaratoria": [
        "Declaratoria de la Ciudad de México como ciudad comprometida con {goal_noun}",
        "Declaratoria de la Ciudad de México sobre {topic} y {topic2} ({year})",
    ],
    "campaign": [
        "Campaña internacional «{programme}» por {goal_noun}",
        "Campaña de comunicación sobre {topic} con {cp}",
    ],
    "programme": [
        "Programa de cooperación en {topic} con {cp} ({year})",
        "Programa «{programme}» para {goal} en las alcaldías",
    ],
    "consultation": [
        "Consulta internacional sobre {topic} con gobiernos locales y sociedad civil",
        "Diálogo con {cp} sobre {topic} y {topic2} en la Ciudad de México",
    ],
    "alignment": [
        "Alineación de los programas de la Ciudad de México con la Agenda 2030 en materia de {topic}",
        "Alineación de la política de {topic} de la Ciudad con las agendas globales de desarrollo",
    ],
}

OUTGOING_VISIT_TITLES = [
    "Gira de trabajo a {place}, {country}, para {goal}",
    "Visita oficial a {place}, {country}, para fortalecer la cooperación en {topic}",
    "Gira de trabajo a {place} para intercambiar experiencias en {topic} y {topic2}",
]
INCOMING_VISIT_TITLES = [
    "Visita oficial a la Ciudad de México de una delegación de {who} sobre {topic}",
    "Visita de trabajo de {who} a la Ciudad de México para {goal}",
    "Visita a la Ciudad de México de autoridades de {who} en materia de {topic}",
]
