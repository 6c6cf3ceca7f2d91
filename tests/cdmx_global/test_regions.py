import pytest

from cdmx_global.models import Counterpart, GovernmentBody
from cdmx_global.regions import region_for_country


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("US", "north_america"), ("CA", "north_america"), ("MX", "latin_america"), ("CU", "latin_america"),
        ("BR", "latin_america"), ("RU", "europe"), ("ES", "europe"), ("CN", "asia"), ("JP", "asia"),
        ("KW", "middle_east"), ("TR", "middle_east"), ("ZA", "africa"), ("AU", "oceania"), ("", ""), (None, ""),
    ],
)
def test_region_is_derived_from_country(country, region):
    assert region_for_country(country) == region


@pytest.mark.django_db
def test_counterpart_region_follows_its_country_on_every_save():
    body = GovernmentBody.objects.create(name="CGAI", slug="cgai")
    city = Counterpart.objects.create(name="Moscú", slug="moscu", kind="city", country="RU", body=body)
    assert Counterpart.objects.get(pk=city.pk).region == "europe"
    city.country = "CN"
    city.save(update_fields=["country"])
    assert Counterpart.objects.get(pk=city.pk).region == "asia"
    organisation = Counterpart.objects.create(name="UNESCO", slug="unesco", kind="international_org", body=body)
    assert organisation.region == ""
