"""The home page and the about page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from django_countries import countries as country_names

from cdmx_global.models import Counterpart
from cdmx_global.selectors import counterpart_places, counterparts_by_country

from .. import figures, worldmap

#: The home page's figures after the agreements': name in ``figures.headline_figures``, label, and the list it opens.
FIGURES = [
    ("counterparts", _("Contrapartes"), "portal:counterpart_list"),
    ("countries", _("Países"), "portal:country_list"),
    ("networks", _("Redes de ciudades de las que es miembro"), "networks:list"),
    ("positions", _("Cargos de dirección en redes"), "networks:position_list"),
    ("visits", _("Visitas oficiales"), "events:visit_list"),
    ("events", _("Eventos internacionales"), "events:event_list"),
    ("awards", _("Premios y reconocimientos"), "events:award_list"),
]


#: The lists of latest records: name in ``figures.latest_records``, heading, the full list and its link text.
LATEST = [
    ("agreements", _("Acuerdos"), "agreements:list", _("Todos los acuerdos")),
    ("visits", _("Visitas oficiales"), "events:visit_list", _("Todas las visitas")),
    ("events", _("Eventos internacionales"), "events:event_list", _("Todos los eventos")),
    ("awards", _("Premios y reconocimientos"), "events:award_list", _("Todos los premios")),
]


def agreements_figure(values: dict[str, int]) -> dict:
    """The first figure: the published agreements, with those recorded as in
    force and those without validity information beside it (see
    ``figures.agreement_validity_counts``), so that no one reads a count of
    agreements in force of 0 as the city having none when the source just
    does not say."""
    count = values["agreements"]
    return {
        "value": count,
        # Translators: the home page's first figure, under the number of published agreements.
        "label": ngettext("Acuerdo registrado", "Acuerdos registrados", count),
        "url": reverse("agreements:list"),
        "validity": {"in_force": values["agreements_in_force"], "unknown": values["agreements_unknown_validity"]},
    }


def map_point(place: dict) -> tuple:
    """A place of ``cdmx_global.selectors.counterpart_places`` as a point of ``worldmap.world_map``.

    A lone counterpart is named and linked as ever. Several are named by their
    country, their number and one of their names (never a list: no name grows
    with the data), and link to their country's page, which lists them; or,
    without a country, to the list of counterparts.
    """
    count, country = place["counterparts"], place["country"]
    latitude, longitude = place["mean_latitude"], place["mean_longitude"]
    if count == 1:
        counterpart = Counterpart(
            name=place["first_name"], slug=place["first_slug"], kind=place["first_kind"], country=country
        )
        return str(counterpart), counterpart.get_absolute_url(), latitude, longitude, count
    values = {"country": str(country_names.name(country)), "count": count, "name": place["first_name"]}
    if country:
        # Translators: a point of the map for several counterparts of a country, near each other.
        name = ngettext(
            "%(country)s: %(count)s contraparte, %(name)s",
            "%(country)s: %(count)s contrapartes, entre ellas %(name)s",
            count,
        ) % values
        return name, reverse("portal:country_detail", args=[country.lower()]), latitude, longitude, count
    # Translators: a point of the map for several counterparts without a country, near each other.
    name = ngettext(
        "%(count)s contraparte sin país, %(name)s",
        "%(count)s contrapartes sin país, entre ellas %(name)s",
        count,
    ) % values
    return name, reverse("portal:counterpart_list"), latitude, longitude, count


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        values = figures.headline_figures()
        latest = figures.latest_records()
        countries = worldmap.country_rows(counterparts_by_country())
        points = [map_point(place) for place in counterpart_places()]
        return super().get_context_data(
            figures=[
                agreements_figure(values),
                *(
                    {"value": values[name], "label": label, "url": reverse(url_name)}
                    for name, label, url_name in FIGURES
                ),
            ],
            countries=countries,
            world_map=worldmap.world_map(countries=countries, points=points),
            latest=[
                {"key": key, "heading": heading, "url": reverse(url_name), "more": more, "records": latest[key]}
                for key, heading, url_name, more in LATEST
            ],
            **kwargs,
        )


class AboutView(TemplateView):
    template_name = "portal/about.html"
