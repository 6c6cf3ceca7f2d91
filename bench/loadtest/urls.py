"""The workload: what citizens request, drawn from the published records of the
database with a fixed seed, and the weighted cycle wrk runs through."""

import random
from dataclasses import dataclass
from urllib.parse import urlencode

#: How citizens' requests divide among the classes of URL (shares of the load).
CLASS_WEIGHTS = {"detail": 45, "list": 30, "search": 10, "api": 12, "download": 3}
CLASS_NAMES = {
    "detail": "fichas",
    "list": "listas e inicio",
    "search": "búsqueda",
    "api": "API",
    "download": "descargas",
}

#: How many records of each kind get a page in the mix (drawn with the seed; all when fewer).
DETAIL_SAMPLE = {
    "agreements": 60,
    "counterparts": 50,
    "visits": 40,
    "events": 40,
    "awards": 30,
    "networks": 16,
    "actions": 20,
    "countries": 30,
}
API_DETAIL_SAMPLE = 10  # per resource
ENGLISH_SHARE = 0.2
SEARCHES = [
    "movilidad", "cooperacion", "hermanamiento", "agua", "medio ambiente", "cultura",
    "salud", "resiliencia", "innovación", "ciudades", "cambio climático",
]
CYCLE_LENGTH = 4000


@dataclass(frozen=True)
class Target:
    """One URL of the mix and its class (a key of ``CLASS_WEIGHTS``)."""

    path: str
    kind: str


@dataclass
class UrlMix:
    """The distinct URLs of the workload, and the weighted cycle wrk runs through."""

    targets: list[Target]
    cycle: list[str]

    def by_kind(self, kind: str) -> list[str]:
        return [target.path for target in self.targets if target.kind == kind]


def _sample(rng: random.Random, values: list, size: int) -> list:
    return values if len(values) <= size else rng.sample(values, size)


def _english(rng: random.Random, path: str) -> str:
    """The same page in English (``/en/`` before the Spanish path) about one time in five."""
    return "/en" + path if rng.random() < ENGLISH_SHARE else path


def build_url_mix(seed: int = 1, detail_sample: dict[str, int] | None = None,
                  api_detail_sample: int = API_DETAIL_SAMPLE, cycle_length: int = CYCLE_LENGTH) -> UrlMix:
    """The workload from the published records in the database (Django must be set up).

    Every draw comes from ``random.Random(seed)`` over records in primary-key
    order, so the same database and seed give the same URLs in the same order.
    """
    from django.db.models import Count

    from agreements.models import Action, Agreement
    from cdmx_global.models import Counterpart, Theme
    from events.models import Award, Event, Visit
    from networks.models import Network
    from portal.places import country_rows

    rng = random.Random(seed)
    sizes = {**DETAIL_SAMPLE, **(detail_sample or {})}
    published = {
        "agreements": (Agreement, "code"),
        "counterparts": (Counterpart, "slug"),
        "visits": (Visit, "pk"),
        "events": (Event, "pk"),
        "awards": (Award, "pk"),
        "networks": (Network, "slug"),
        "actions": (Action, "pk"),
    }
    keys = {
        name: list(model.objects.published().order_by("pk").values_list(field, flat=True))
        for name, (model, field) in published.items()
    }
    detail_paths = {
        "agreements": "/acuerdos/{}/",
        "counterparts": "/contrapartes/{}/",
        "visits": "/visitas/{}/",
        "events": "/eventos/{}/",
        "awards": "/premios/{}/",
        "networks": "/redes/{}/",
        "actions": "/acuerdos/acciones/{}/",
    }
    targets: list[Target] = []
    for name, pattern in detail_paths.items():
        for key in _sample(rng, keys[name], sizes[name]):
            targets.append(Target(_english(rng, pattern.format(key)), "detail"))
    countries = [row.slug for row in country_rows()]
    for code in _sample(rng, countries, sizes["countries"]):
        targets.append(Target(_english(rng, f"/paises/{code}/"), "detail"))

    # Filter values that select something in this database: the theme and
    # the country with most published agreements.
    theme = (
        Theme.objects.published().annotate(total=Count("agreements")).order_by("-total", "slug")
        .values_list("slug", flat=True).first()
    )
    country = (
        Counterpart.objects.published().exclude(country="").values("country").annotate(total=Count("pk"))
        .order_by("-total", "country").values_list("country", flat=True).first()
    )
    lists = [
        "/", "/en/",
        "/acuerdos/", "/acuerdos/?kind=twinning", "/acuerdos/?year=2016", "/acuerdos/?validity=in_force",
        "/acuerdos/?region=europe", "/en/acuerdos/?kind=framework", "/acuerdos/?page=2",
        "/acuerdos/convenios-marco-onu/", "/acuerdos/acciones/",
        "/visitas/", "/visitas/?direction=incoming", "/en/visitas/?direction=outgoing",
        "/eventos/", "/eventos/?mode=hosted", "/en/eventos/?mode=attended",
        "/premios/", "/premios/?category=health",
        "/redes/", "/redes/?scope=global", "/redes/cargos/",
        "/contrapartes/", "/contrapartes/?region=latin_america", "/en/contrapartes/",
        "/paises/", "/en/paises/", "/cronologia/", "/datos/", "/informes/", "/acerca/",
    ]
    if theme:
        lists += [f"/acuerdos/?theme={theme}", f"/eventos/?theme={theme}"]
    if country:
        lists.append(f"/contrapartes/?country={country}")
    targets += [Target(path, "list") for path in lists]

    searches = [f"/buscar/?{urlencode({'q': query})}" for query in SEARCHES]
    searches += ["/en/buscar/?q=movilidad", "/buscar/?q=agua&kind=agreement"]
    targets += [Target(path, "search") for path in searches]

    api = [
        "/api/v1/agreements/", "/api/v1/agreements/?kind=twinning&year=2016", "/api/v1/agreements/?q=agua",
        "/api/v1/agreements/?ordering=-signed_on", "/api/v1/agreements/?page=2",
        "/api/v1/events/?mode=hosted", "/api/v1/visits/?direction=incoming", "/api/v1/awards/?category=health",
        "/api/v1/counterparts/?region=europe", "/api/v1/networks/", "/api/v1/actions/", "/api/v1/themes/",
        "/api/v1/bodies/",
    ]
    if country:
        api.append(f"/api/v1/counterparts/?country={country}")
    api_details = {
        "agreements": "/api/v1/agreements/{}/",
        "counterparts": "/api/v1/counterparts/{}/",
        "visits": "/api/v1/visits/{}/",
        "events": "/api/v1/events/{}/",
        "awards": "/api/v1/awards/{}/",
        "networks": "/api/v1/networks/{}/",
    }
    for name, pattern in api_details.items():
        api += [pattern.format(key) for key in _sample(rng, keys[name], api_detail_sample)]
    targets += [Target(path, "api") for path in api]

    downloads = [
        "/datos/agreements.csv?kind=twinning", "/datos/agreements.json?kind=twinning&year=2016",
        "/datos/awards.csv?category=health", "/datos/events.csv?mode=hosted&year=2017",
        "/datos/agreements-transparency.csv?year=2016", "/datos/networks.xlsx",
        "/en/datos/visits.csv?direction=incoming&year=2016",
    ]
    targets += [Target(path, "download") for path in downloads]

    targets = list(dict.fromkeys(targets))  # distinct, in order
    return UrlMix(targets=targets, cycle=weighted_cycle(targets, rng, cycle_length))


def weighted_cycle(targets: list[Target], rng: random.Random, length: int) -> list[str]:
    """``length`` paths in which each class has its share of ``CLASS_WEIGHTS`` and
    every URL of a class appears about as often as the others of its class, shuffled."""
    total = sum(CLASS_WEIGHTS.values())
    cycle = []
    for kind, weight in CLASS_WEIGHTS.items():
        paths = [target.path for target in targets if target.kind == kind]
        if not paths:
            continue
        slots = max(len(paths), round(length * weight / total))
        order = paths[:]
        rng.shuffle(order)
        cycle += [order[i % len(order)] for i in range(slots)]
    rng.shuffle(cycle)
    return cycle


def mix_sample(arguments) -> dict:
    """``build_url_mix``'s sample sizes for ``--detail-sample`` (none: its defaults)."""
    if not arguments.detail_sample:
        return {}
    return {"detail_sample": dict.fromkeys(DETAIL_SAMPLE, arguments.detail_sample),
            "api_detail_sample": min(arguments.detail_sample, API_DETAIL_SAMPLE)}
