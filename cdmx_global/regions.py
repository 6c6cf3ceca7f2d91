"""World regions as the city's international action groups them.

The book groups counterparts as América del Norte, América Latina (y el
Caribe), Europa, Asia and África/Medio Oriente/Oceanía; a counterpart's region
is derived from its country, never typed by hand.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH_AMERICA = "north_america", _("América del Norte")
    LATIN_AMERICA = "latin_america", _("América Latina y el Caribe")
    EUROPE = "europe", _("Europa")
    ASIA = "asia", _("Asia")
    MIDDLE_EAST = "middle_east", _("Medio Oriente")
    AFRICA = "africa", _("África")
    OCEANIA = "oceania", _("Oceanía")


_COUNTRIES_BY_REGION = {
    Region.NORTH_AMERICA: "US CA BM GL PM",
    Region.LATIN_AMERICA: (
        "MX GT BZ SV HN NI CR PA CU DO HT JM PR TT BS BB AG DM GD KN LC VC AI AW BQ CW SX "
        "MF BL GP MQ KY TC VG VI MS CO VE EC PE BO CL AR UY PY BR GY SR GF FK"
    ),
    Region.EUROPE: (
        "ES FR PT IT DE AT CH LI BE NL LU IE GB IS NO SE FI DK EE LV LT PL CZ SK HU SI HR BA RS "
        "ME MK AL GR BG RO MD UA BY RU MT CY AD MC SM VA XK GI FO AX GG JE IM SJ"
    ),
    Region.MIDDLE_EAST: "TR IL PS LB SY JO IQ IR SA KW BH QA AE OM YE",
    Region.ASIA: (
        "CN JP KR KP MN TW HK MO IN PK BD LK NP BT MV AF KZ KG TJ TM UZ GE AM AZ TH VN LA KH MM "
        "MY SG ID PH BN TL IO"
    ),
    Region.AFRICA: (
        "EG LY TN DZ MA EH SD SS ET ER DJ SO KE UG TZ RW BI CD CG GA GQ CM CF TD NE NG BJ TG GH "
        "CI LR SL GN GW SN GM ML MR BF CV ST AO ZM ZW MW MZ MG MU SC KM YT RE NA BW ZA LS SZ SH"
    ),
    Region.OCEANIA: "AU NZ PG FJ SB VU NC PF WS TO KI TV NR FM MH PW CK NU TK WF AS GU MP PN NF CX CC HM UM",
}

REGION_BY_COUNTRY = {
    code: region for region, codes in _COUNTRIES_BY_REGION.items() for code in codes.split()
}


def region_for_country(country_code: str | None) -> str:
    """The region of an ISO 3166-1 alpha-2 code; empty for none or an unknown code."""
    if not country_code:
        return ""
    return REGION_BY_COUNTRY.get(str(country_code).upper(), "")
