"""Reports are never public: their text and their address appear in no
search, API answer, download, feed or sitemap (a separate app none of those
read). A draft is made first too: it must not appear either."""

import pytest

from opendata.api import VIEWSETS
from opendata.tables import TABLES
from tests.support import factories

pytestmark = pytest.mark.django_db

MARK = "Zorzalcuervo"
ADDRESS = "zorzal@ejemplo.mx"


def read(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", errors="replace")


def test_a_reports_text_appears_on_no_public_path(client, office):
    draft = factories.AgreementFactory(title=f"Borrador {MARK}", body=office["body"])
    assert client.get(f"/reportar-error/acuerdo/{draft.pk}/").status_code == 404
    agreement = office["agreement"]
    answer = client.post(f"/reportar-error/acuerdo/{agreement.pk}/",
                         {"text": f"{MARK}: la fecha está mal.", "email": ADDRESS, "website": ""})
    assert answer.status_code == 302

    paths = [
        # The search echoes its query: it is asked for the report's other words.
        "/buscar/?q=fecha+mal", "/en/buscar/?q=fecha+mal",
        *(f"/api/v1/{name}/" for name in VIEWSETS), "/api/v1/agreements/?q=fecha",
        *(f"/datos/{name}.json" for name in TABLES), "/datos/datapackage.json",
        "/acuerdos/feed/", "/informes/feed/", "/sitemap.xml", agreement.get_absolute_url(),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        text = read(response)
        assert MARK not in text and ADDRESS not in text, path
