"""The public side of the semiannual reports: the archive, each report's
page, the Atom feed and the sitemap list exactly the published reports, and
a draft, an approved report and one delivered but not published appear
nowhere."""

import html
import re
import xml.etree.ElementTree as ET

import pytest

from reports.models import Report

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SERVER = "http://testserver"


def text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def article(page: str, report: Report) -> str:
    """The archive's entry for one version."""
    start = page.index(f'<article class="report-version" aria-labelledby="informe-{report.semester.label}-v{report.version}">')
    return page[start : page.index("</article>", start)]


def file_hashes(report: Report) -> list[str]:
    return [report_file.sha256 for report_file in report.files.all()]


def every_public_text(client, reports) -> str:
    """What the public reads about reports: archive, feed, sitemap and API, in both languages."""
    return "".join(
        client.get(url).content.decode()
        for url in ["/informes/", "/en/informes/", "/informes/feed/", "/sitemap.xml", "/api/v1/reports/"]
    ) + "".join(client.get(report.get_absolute_url()).content.decode() for report in reports.published)


# Before any report -------------------------------------------------------------


def test_archive_explains_the_report_and_says_none_is_published(client):
    page = client.get("/informes/").text

    assert "<h1>Informes semestrales al Congreso</h1>" in page
    assert "Constitución Política de la Ciudad de México, artículo 20 («Ciudad global»), numeral 8:" in page
    assert "se informarán semestralmente al Congreso de la Ciudad y a las y los ciudadanos" in page
    assert '<p class="notice">Todavía no se ha publicado ningún informe semestral.</p>' in page
    assert '<link rel="alternate" type="application/atom+xml" title="Informes semestrales" href="/informes/feed/">' in page
    assert '<a href="/informes/verificar/">página de verificación</a>' in page


def test_archive_in_english_keeps_the_constitution_in_spanish(client):
    page = client.get("/en/informes/").text

    assert "<h1>Semiannual reports to Congress</h1>" in page
    assert "No semiannual report has been published yet." in page
    assert '<blockquote lang="es-MX"><p>Los acuerdos y acciones internacionales' in page


@pytest.mark.parametrize(
    ("url", "title", "link"),
    [
        pytest.param("/informes/feed/", "CDMX Global: informes semestrales al Congreso", "http://testserver/informes/", id="es"),
        pytest.param("/en/informes/feed/", "CDMX Global: semiannual reports to Congress", "http://testserver/en/informes/", id="en"),
    ],
)
def test_report_feed_is_atom_with_no_entries(client, url, title, link):
    response = client.get(url)

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("atom:title", namespaces=ATOM) == title
    assert feed.findtext("atom:subtitle", namespaces=ATOM)
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == link
    assert feed.find("atom:author/atom:name", ATOM) is not None
    assert feed.findall("atom:entry", ATOM) == []


# With reports in every status -------------------------------------------------


def test_archive_lists_exactly_the_published_reports_newest_first(client, report_set):
    page = text(client.get("/informes/"))

    assert "Todavía no se ha publicado ningún informe semestral." not in page
    assert re.findall(r'<h3 id="semestre-[^"]+">([^<]+)</h3>', page) == [
        "Informe de enero–junio de 2018", "Informe de julio–diciembre de 2017",
    ]
    assert re.findall(r'<h4 id="[^"]+"><a href="([^"]+)">([^<]+)</a></h4>', page) == [
        ("/informes/2018-1/v1/", "Informe semestral enero–junio de 2018 (versión 1)"),
        ("/informes/2017-2/v2/", "Informe semestral julio–diciembre de 2017 (versión 2)"),
        ("/informes/2017-2/v1/", "Informe semestral julio–diciembre de 2017 (versión 1)"),
    ]


def test_archive_gives_each_version_its_dates_files_and_hashes(client, report_set):
    page = text(client.get("/informes/"))

    first_half = article(page, report_set.first_half)
    assert "<dt>Entregado al Congreso</dt>\n  <dd>13 de julio de 2018, oficio CGAI/0300/2018</dd>" in first_half
    assert "<dt>Publicado</dt>\n  <dd>14 de julio de 2018</dd>" in first_half
    rows = re.findall(
        r'<th scope="row">([^<]+)</th>\s*<td>([^<]+)</td>\s*<td><code class="sha256">([0-9a-f]{64})</code></td>\s*'
        r'<td><a href="([^"]+)" download>',
        first_half,
    )
    files = list(report_set.first_half.files.all())
    assert [row[0] for row in rows] == ["PDF (documento oficial)", "HTML", "CSV (tablas en un ZIP)", "XLSX", "JSON"]
    assert {row[2]: row[3] for row in rows} == {
        f.sha256: f"/informes/2018-1/v1/{f.format}/" for f in files
    }
    assert len(files) == 5
    for published in report_set.published:
        for sha256 in file_hashes(published):
            assert f'<code class="sha256">{sha256}</code>' in article(page, published)


def test_archive_says_which_version_corrects_which(client, report_set):
    page = text(client.get("/informes/"))

    assert (
        '<a href="/informes/2017-2/v2/">Corregida por la versión 2</a>' in article(page, report_set.v1)
    )
    assert (
        '<a href="/informes/2017-2/v1/">Corrige la versión 1</a>: '
        '<span lang="es">Corrige el número de visitas oficiales del semestre.</span>'
    ) in article(page, report_set.v2)
    assert "Corrige la versión" not in article(page, report_set.v1)
    assert "Corregida por" not in article(page, report_set.v2) + article(page, report_set.first_half)


def test_report_page_shows_its_content_files_delivery_and_congress_evaluations(client, report_set):
    page = text(client.get("/informes/2017-2/v2/"))

    assert "<h1>Informe semestral julio–diciembre de 2017 (versión 2)</h1>" in page
    assert "<dt>Entregado al Congreso</dt>\n  <dd>5 de febrero de 2018, oficio CGAI/0101/2018</dd>" in page
    for sha256 in file_hashes(report_set.v2):
        assert f'<code class="sha256">{sha256}</code>' in page
    assert '<a href="/informes/2017-2/v2/pdf/" download>Descargar PDF (documento oficial)</a>' in page
    assert '<a href="/informes/verificar/">Verificar un archivo</a>' in page
    # The content as built: the report data kept on the report.
    assert report_set.v2.content["tables"]["summary"]["title"] == "Cifras del semestre"
    assert "<caption>Cifras de julio–diciembre de 2017 comparadas con las de enero–junio de 2017</caption>" in page
    # The Congress's evaluation as submitted: overall, then one agreement with its link; never its draft.
    evaluations = page[page.index('<h2 id="evaluacion-congreso">') : page.index('<h2 id="contenido-informe">')]
    assert re.findall(r"<h3>([^<]+)</h3>", evaluations) == ["Acuerdo del Congreso CCDMX/CRI/015/2018"]
    assert "<dd>20 de marzo de 2018</dd>" in evaluations
    assert "<dt>Calificación general (0 a 10)</dt>\n      <dd>8.5</dd>" in evaluations
    assert "<p>El Congreso considera suficiente la información del informe.</p>" in evaluations
    assert "<p>Pide detallar los recursos movilizados.</p>" in evaluations
    assert f'<a href="{report_set.agreement.get_absolute_url()}">Acuerdo de prueba con Chicago</a>' in evaluations
    assert "<dt>Recomendación</dt><dd>Fortalecer</dd>" in evaluations
    assert "<p>Recomienda fortalecer el acuerdo.</p>" in evaluations
    assert "BORRADOR DEL CONGRESO" not in page


def test_a_corrected_version_keeps_its_page_and_points_to_the_correction(client, report_set):
    page = text(client.get("/informes/2017-2/v1/"))

    assert '<p class="notice"><a href="/informes/2017-2/v2/">Corregida por la versión 2</a>.' in page
    assert "El Congreso aún no ha enviado su evaluación de este informe" in page


def test_semester_address_redirects_to_its_latest_published_version(client, report_set):
    response = client.get("/informes/2017-2/")

    assert response.status_code == 302
    assert response["Location"] == "/informes/2017-2/v2/"
    assert client.get("/en/informes/2018-1/")["Location"] == "/en/informes/2018-1/v1/"


@pytest.mark.parametrize(
    "url",
    [
        "/informes/2016-2/v1/", "/informes/2017-1/v1/", "/informes/2016-1/v1/",  # draft, approved, delivered
        "/informes/2016-2/", "/informes/2017-1/", "/informes/2016-1/",
        "/informes/2017-2/v3/", "/informes/2019-1/v1/", "/informes/2019-1/",  # unknown
        "/informes/2017-3/v1/", "/informes/17-2/v1/", "/informes/2017-2/v0x/", "/informes/2017/",  # malformed
        "/informes/2016-2/v1/pdf/", "/informes/2017-1/v1/json/", "/informes/2016-1/v1/pdf/",
        "/informes/2017-2/v1/doc/", "/informes/2017-2/v9/pdf/",
    ],
)
def test_unpublished_unknown_and_malformed_reports_are_not_found(client, report_set, url):
    assert client.get(url).status_code == 404


def test_unpublished_reports_appear_nowhere_public(client, report_set):
    public = every_public_text(client, report_set)
    # Annexes built from the same (empty) tables are byte-identical across
    # semesters; only the hashes of no published file must be absent.
    published_hashes = {sha256 for report in report_set.published for sha256 in file_hashes(report)}

    for report in report_set.unpublished:
        own = set(file_hashes(report)) - published_hashes
        assert {report.files.get(format="pdf").sha256, report.files.get(format="json").sha256} <= own
        for sha256 in own:
            assert sha256 not in public
        assert report.get_absolute_url() not in public
    assert "CGAI/0999/2016" not in public  # the delivered-but-unpublished one's letter
    for label in ("2016-2", "2017-1", "2016-1"):
        assert f"/{label}/" not in public


def test_feed_has_one_entry_per_published_version_newest_first(client, report_set):
    feed = ET.fromstring(client.get("/informes/feed/").content)
    entries = feed.findall("atom:entry", ATOM)

    assert [
        (
            entry.findtext("atom:title", namespaces=ATOM),
            entry.find("atom:link", ATOM).get("href"),
            entry.findtext("atom:updated", namespaces=ATOM),
            entry.findtext("atom:summary", namespaces=ATOM),
        )
        for entry in entries
    ] == [
        (
            "Informe semestral enero–junio de 2018 (versión 1)", f"{SERVER}/informes/2018-1/v1/",
            "2018-07-14T16:00:00+00:00", "Entregado al Congreso el 13 de julio de 2018 con el oficio CGAI/0300/2018.",
        ),
        (
            "Informe semestral julio–diciembre de 2017 (versión 2)", f"{SERVER}/informes/2017-2/v2/",
            "2018-02-06T16:00:00+00:00",
            (
                "Entregado al Congreso el 5 de febrero de 2018 con el oficio CGAI/0101/2018. "
                "Corrige la versión 1: Corrige el número de visitas oficiales del semestre."
            ),
        ),
        (
            "Informe semestral julio–diciembre de 2017 (versión 1)", f"{SERVER}/informes/2017-2/v1/",
            "2018-01-16T16:00:00+00:00", "Entregado al Congreso el 15 de enero de 2018 con el oficio CGAI/0042/2018.",
        ),
    ]


def test_sitemap_lists_the_published_report_pages_in_both_languages(client, report_set):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext("sm:loc", namespaces=SITEMAP) for url in root.findall("sm:url", SITEMAP)}

    report_pages = {loc for loc in locations if re.search(r"/informes/\d{4}-[12]/", loc)}
    assert report_pages == {
        f"{SERVER}{prefix}/informes/{path}/" for prefix in ("", "/en") for path in ("2018-1/v1", "2017-2/v2", "2017-2/v1")
    }


def test_listings_leave_the_report_data_out_and_the_report_page_reads_it(report_set):
    from reports.selectors import published_report, published_reports

    listed = list(published_reports())
    shown = published_report(report_set.v2.semester, 2)

    assert all("content" in report.get_deferred_fields() for report in listed)
    assert shown.get_deferred_fields() == set()
    assert shown.content == report_set.v2.content
