"""The map: the countries of the counterparts of the agreements in the report."""

from collections import defaultdict

from .cells import absolute_url
from .records import SemesterRecords


def counterpart_map(placed: SemesterRecords) -> dict:
    """Countries of the counterparts of the agreements in the report, with how many agreements each."""
    agreements_by_country: dict[str, set] = defaultdict(set)
    counterparts_by_country: dict[str, set] = defaultdict(set)
    points = {}
    for p in placed.agreements:
        for counterpart in p.agreement.public_counterparts:
            if counterpart.country:
                agreements_by_country[counterpart.country.code].add(p.agreement.pk)
                counterparts_by_country[counterpart.country.code].add(counterpart.pk)
            if counterpart.latitude is not None:
                points[counterpart.pk] = [
                    str(counterpart), absolute_url(counterpart.get_absolute_url()),
                    float(counterpart.latitude), float(counterpart.longitude),
                ]
    return {
        "countries": [
            {"country": code, "counterparts": len(counterparts_by_country[code]), "agreements": len(agreements)}
            for code, agreements in sorted(agreements_by_country.items())
        ],
        "points": [points[pk] for pk in sorted(points)],
    }
