"""The about page: what the record is, who keeps it, the law behind it, the source."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Constitución Política de la Ciudad de México, artículo 20, numeral 8",
        "Los acuerdos y acciones internacionales del Gobierno de la Ciudad se informarán semestralmente al Congreso",
        "Ley sobre la Celebración de Tratados, artículos 2, fracción II, y 7",
        "Ley General de Transparencia y Acceso a la Información Pública, artículos 65, fracción XXV, y 58",
        "Coordinación General de Asuntos Internacionales (CGAI)",
        "ISBN 978-607-8228-62-1",
        "muestra «2014», no «1 de enero de 2014»",
        'href="/acuerdos/feed/"',
        'href="/informes/feed/"',
        'href="/sitemap.xml"',
    ],
)
def test_about_page_states(client, text):
    assert text in client.get("/acerca/").content.decode()


def test_about_page_in_english_keeps_the_quoted_law_in_spanish(client):
    content = client.get("/en/acerca/").content.decode()

    assert "<h1>About this record</h1>" in content
    assert "Political Constitution of Mexico City, article 20, paragraph 8" in content
    assert '<blockquote lang="es-MX"><p>Los acuerdos y acciones internacionales' in content
