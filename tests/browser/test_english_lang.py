"""English pages say which language each part is in (WCAG 3.1.1 and 3.1.2):
axe's language rules pass on the English pages of every kind, where the
records' texts are still Spanish and must be marked so (issue 23)."""

import pytest

from agreements.models import Agreement
from cdmx_global.models import Counterpart
from networks.models import Network

LANGUAGE_RULES = ["html-has-lang", "html-lang-valid", "valid-lang"]


@pytest.fixture(scope="module")
def record_paths(live_site, django_db_blocker):
    with django_db_blocker.unblock():
        agreement = Agreement.objects.published().order_by("pk").first()
        counterpart = Counterpart.objects.published().exclude(country="").order_by("pk").first()
        network = Network.objects.published().order_by("pk").first()
        return [
            f"/en{agreement.get_absolute_url()}",
            f"/en{counterpart.get_absolute_url()}",
            f"/en/paises/{counterpart.country.code.lower()}/",
            f"/en{network.get_absolute_url()}",
        ]


def test_english_pages_mark_the_spanish_they_show(page, record_paths):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    paths = [
        "/en/", "/en/acuerdos/", "/en/acuerdos/convenios-marco-onu/", "/en/acuerdos/acciones/", "/en/redes/",
        "/en/redes/cargos/", "/en/visitas/", "/en/eventos/", "/en/premios/", "/en/contrapartes/", "/en/paises/",
        "/en/cronologia/", "/en/informes/", "/en/datos/", "/en/acerca/", "/en/buscar/?q=movilidad",
        "/en/seguir/aviso-de-privacidad/", *record_paths,
    ]
    problems = {}
    for path in paths:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "en", path
        results = axe.run(page, options={"runOnly": {"type": "rule", "values": LANGUAGE_RULES}})
        if results.response["violations"]:
            problems[path] = [
                (violation["id"], [node["target"] for node in violation["nodes"][:3]])
                for violation in results.response["violations"]
            ]
    assert problems == {}
