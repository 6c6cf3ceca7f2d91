"""The DCAT-AP catalogue of the open data, as an RDF graph (rdflib).

One ``dcat:Catalog``; one ``dcat:Dataset`` per download table
(``opendata.tables.TABLES``, with those other apps register), each with its
three ``dcat:Distribution`` (CSV, XLSX, JSON); and the API as a
``dcat:DataService`` serving the datasets it has a collection for.

Titles and descriptions are the tables' own, in Spanish (``@es``) and English
(``@en``) in the same graph. Addresses are absolute and in the language of the
request, as the data package's: ``/datos/catalogo.ttl`` names the Spanish
downloads, ``/en/datos/catalogo.ttl`` the English ones. Dates come from the
published records only (``opendata.coverage``): ``dct:modified`` is the
latest change to one of them; ``dct:temporal`` their earliest and latest
dates at the precision the source gives (``xsd:gYear``, ``xsd:gYearMonth``
or ``xsd:date``).

The vocabularies are the ones DCAT-AP asks for: the EU Publications Office's
authority tables for file types, languages, access rights and data themes;
IANA's media types; GeoNames for Mexico City.
"""

from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cdmx_global.partial_dates import DatePrecision, PartialDate

from .collections import COLLECTIONS
from .coverage import Coverage, coverages, iso
from .datapackage import OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URI, PACKAGE_DESCRIPTION, PACKAGE_TITLE, download_url
from .downloads import EXPORTERS
from .tables import TABLES, Table

EU = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = Namespace(f"{EU}file-type/")
LANGUAGE = Namespace(f"{EU}language/")
ACCESS_RIGHT = Namespace(f"{EU}access-right/")
DATA_THEME = Namespace(f"{EU}data-theme/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
MEDIA_TYPE = Namespace("https://www.iana.org/assignments/media-types/")

#: Mexico City in GeoNames.
MEXICO_CITY = URIRef("https://sws.geonames.org/3530597/")

#: Government and public sector; international issues.
THEMES = (DATA_THEME.GOVE, DATA_THEME.INTR)
LANGUAGES = {"es": LANGUAGE.SPA, "en": LANGUAGE.ENG}
FILE_TYPES = {"csv": FILE_TYPE.CSV, "xlsx": FILE_TYPE.XLSX, "json": FILE_TYPE.JSON}

KEYWORDS = (_("acción internacional"), _("Ciudad de México"), _("cooperación internacional"))

#: A table's collection list page; a table without one lands on the open-data page.
LANDING_PAGES = {
    "agreements": "agreements:list",
    "agreements-transparency": "agreements:list",
    "commitments": "agreements:list",
    "actions": "agreements:action_list",
    "counterparts": "portal:counterpart_list",
    "networks": "networks:list",
    "memberships": "networks:list",
    "positions": "networks:position_list",
    "visits": "events:visit_list",
    "events": "events:event_list",
    "awards": "events:award_list",
}

PUBLISHER_NAME = _("Coordinación General de Asuntos Internacionales")

NAMESPACES = {
    "dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "vcard": VCARD, "xsd": XSD,
    "filetype": FILE_TYPE, "lang": LANGUAGE, "access": ACCESS_RIGHT, "theme": DATA_THEME,
}


def both_languages(text) -> list[Literal]:
    """A translatable text as two literals, ``@es`` and ``@en``; only ``@es`` while it has no English
    translation (a Spanish text is never tagged as English)."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = str(text)
    return [
        Literal(value, lang=language)
        for language, value in texts.items()
        if language == "es" or value != texts["es"]
    ]


def partial_date_literal(date: PartialDate) -> Literal:
    datatype = {DatePrecision.YEAR: XSD.gYear, DatePrecision.MONTH: XSD.gYearMonth}.get(date.precision, XSD.date)
    return Literal(iso(date), datatype=datatype)


def datetime_literal(value) -> Literal:
    return Literal(value.astimezone(timezone.UTC).isoformat(timespec="seconds"), datatype=XSD.dateTime)


def media_type(content_type: str) -> URIRef:
    return MEDIA_TYPE[content_type.split(";")[0].strip()]


class CatalogueBuilder:
    """Builds the graph for one request: ``absolute_url`` turns a path into an address."""

    def __init__(self, absolute_url: Callable[[str], str]):
        self.absolute_url = absolute_url
        self.graph = Graph()
        for prefix, namespace in NAMESPACES.items():
            self.graph.bind(prefix, namespace)
        index = absolute_url(reverse("opendata:index"))
        self.index = index
        self.catalogue = URIRef(f"{index}#catalogo")
        self.publisher = URIRef(f"{absolute_url(reverse('portal:about'))}#cgai")
        self.licence = URIRef(OPEN_DATA_LICENCE_URI)

    def add(self, subject, predicate, *objects) -> None:
        for value in objects:
            self.graph.add((subject, predicate, value))

    def build(self) -> Graph:
        found = coverages(table.collection for table in TABLES.values())
        self._agents()
        catalogue = self.catalogue
        self.add(catalogue, RDF.type, DCAT.Catalog)
        self.add(catalogue, DCTERMS.title, *both_languages(PACKAGE_TITLE))
        self.add(catalogue, DCTERMS.description, *both_languages(PACKAGE_DESCRIPTION))
        self.add(catalogue, DCTERMS.publisher, self.publisher)
        self.add(catalogue, FOAF.homepage, URIRef(self.absolute_url(reverse("portal:home"))))
        self.add(catalogue, DCTERMS.language, *LANGUAGES.values())
        self.add(catalogue, DCTERMS.license, self.licence)
        self.add(catalogue, DCTERMS.spatial, MEXICO_CITY)
        self.add(catalogue, DCAT.themeTaxonomy, URIRef(DATA_THEME))
        datasets = {name: self._dataset(table, found[table.collection.name]) for name, table in TABLES.items()}
        self.add(catalogue, DCAT.dataset, *datasets.values())
        modified = [coverage.modified for coverage in found.values() if coverage.modified]
        if modified:
            self.add(catalogue, DCTERMS.modified, datetime_literal(max(modified)))
        self.add(catalogue, DCAT.service, self._service(datasets))
        return self.graph

    def _agents(self) -> None:
        self.add(self.publisher, RDF.type, FOAF.Agent, FOAF.Organization)
        self.add(self.publisher, FOAF.name, *both_languages(PUBLISHER_NAME))
        self.add(self.publisher, FOAF.homepage, URIRef(self.absolute_url(reverse("portal:about"))))
        self.add(self.licence, RDF.type, DCTERMS.LicenseDocument)
        self.add(self.licence, DCTERMS.title, Literal(OPEN_DATA_LICENCE["title"], lang="es"))

    def _contact_point(self, subject) -> None:
        contact = BNode()
        self.add(subject, DCAT.contactPoint, contact)
        self.add(contact, RDF.type, VCARD.Organization)
        self.add(contact, VCARD.fn, *both_languages(PUBLISHER_NAME))
        self.add(contact, VCARD.hasURL, URIRef(self.absolute_url(reverse("portal:about"))))

    def _public(self, subject) -> None:
        """What a dataset and the service share: publisher, contact, licence, access, language."""
        self.add(subject, DCTERMS.publisher, self.publisher)
        self._contact_point(subject)
        self.add(subject, DCTERMS.license, self.licence)
        self.add(subject, DCTERMS.accessRights, ACCESS_RIGHT.PUBLIC)

    def _dataset(self, table: Table, coverage: Coverage) -> URIRef:
        dataset = URIRef(f"{self.index}#{table.name}")
        self.add(dataset, RDF.type, DCAT.Dataset)
        self.add(dataset, DCTERMS.title, *both_languages(table.title))
        self.add(dataset, DCTERMS.description, *both_languages(table.description))
        self.add(dataset, DCTERMS.identifier, Literal(table.name))
        self._public(dataset)
        self.add(dataset, DCTERMS.language, *LANGUAGES.values())
        self.add(dataset, DCTERMS.spatial, MEXICO_CITY)
        self.add(dataset, DCAT.theme, *THEMES)
        self.add(dataset, DCAT.keyword, *both_languages(table.title))
        for keyword in KEYWORDS:
            self.add(dataset, DCAT.keyword, *both_languages(keyword))
        landing = LANDING_PAGES.get(table.name)
        landing_page = self.absolute_url(reverse(landing)) if landing else f"{self.index}#descargas"
        self.add(dataset, DCAT.landingPage, URIRef(landing_page))
        if coverage.modified:
            self.add(dataset, DCTERMS.modified, datetime_literal(coverage.modified))
        if coverage.start or coverage.end:
            period = BNode()
            self.add(dataset, DCTERMS.temporal, period)
            self.add(period, RDF.type, DCTERMS.PeriodOfTime)
            if coverage.start:
                self.add(period, DCAT.startDate, partial_date_literal(coverage.start))
            if coverage.end:
                self.add(period, DCAT.endDate, partial_date_literal(coverage.end))
        for exporter in EXPORTERS.values():
            self.add(dataset, DCAT.distribution, self._distribution(table, exporter))
        return dataset

    def _distribution(self, table: Table, exporter) -> URIRef:
        extension = exporter.extension
        distribution = URIRef(f"{self.index}#{table.name}-{extension}")
        address = URIRef(self.absolute_url(download_url(table, extension)))
        self.add(distribution, RDF.type, DCAT.Distribution)
        self.add(distribution, DCTERMS.title, *both_languages(format_lazy("{} ({})", table.title, extension.upper())))
        self.add(distribution, DCAT.accessURL, address)
        self.add(distribution, DCAT.downloadURL, address)
        self.add(distribution, DCTERMS.format, FILE_TYPES[extension])
        self.add(distribution, DCAT.mediaType, media_type(exporter.content_type))
        self.add(distribution, DCTERMS.license, self.licence)
        return distribution

    def _service(self, datasets: dict[str, URIRef]) -> URIRef:
        service = URIRef(self.absolute_url(reverse("api:api-root")))
        self.add(service, RDF.type, DCAT.DataService)
        self.add(service, DCTERMS.title, *both_languages(_("API de CDMX Global")))
        self.add(service, DCTERMS.description, *both_languages(_(
            "API de sólo lectura, en JSON, con los registros publicados de cada colección: filtros, búsqueda, "
            "orden y páginas, descritos en su esquema OpenAPI 3."
        )))
        self.add(service, DCAT.endpointURL, service)
        self.add(service, DCAT.endpointDescription, URIRef(self.absolute_url(reverse("api:schema"))))
        self._public(service)
        # The tables that are a collection of the API (not the transparency layout, nor the commitments).
        self.add(service, DCAT.servesDataset, *(datasets[name] for name in datasets if name in COLLECTIONS))
        return service


def catalogue_graph(absolute_url: Callable[[str], str]) -> Graph:
    return CatalogueBuilder(absolute_url).build()
