"""The home page and the about page."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from agreements.models import Validity

from .. import figures, worldmap

#: The home page's figures: name in ``figures.headline_figures``, label, and the list it opens.
FIGURES = [
    ("agreements_in_force", _("Acuerdos vigentes"), "agreements:list", f"?validity={Validity.IN_FORCE}"),
    ("counterparts", _("Contrapartes"), "portal:counterpart_list", ""),
    ("countries", _("Países"), "portal:country_list", ""),
    ("networks", _("Redes de ciudades de las que es miembro"), "networks:list", ""),
    ("positions", _("Cargos de dirección en redes"), "networks:position_list", ""),
    ("visits", _("Visitas oficiales"), "events:visit_list", ""),
    ("events", _("Eventos internacionales"), "events:event_list", ""),
    ("awards", _("Premios y reconocimientos"), "events:award_list", ""),
]


#: The lists of latest records: name in ``figures.latest_records``, heading, the full list and its link text.
LATEST = [
    ("agreements", _("Acuerdos"), "agreements:list", _("Todos los acuerdos")),
    ("visits", _("Visitas oficiales"), "events:visit_list", _("Todas las visitas")),
    ("events", _("Eventos internacionales"), "events:event_list", _("Todos los eventos")),
    ("awards", _("Premios y reconocimientos"), "events:award_list", _("Todos los premios")),
]


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        values = figures.headline_figures()
        latest = figures.latest_records()
        countries = worldmap.country_rows(figures.counterparts_by_country())
        points = [
            (str(counterpart), counterpart.get_absolute_url(), counterpart.latitude, counterpart.longitude)
            for counterpart in figures.mapped_counterparts()
        ]
        return super().get_context_data(
            figures=[
                {"value": values[name], "label": label, "url": reverse(url_name) + query}
                for name, label, url_name, query in FIGURES
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
