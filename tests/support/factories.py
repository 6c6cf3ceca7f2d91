"""factory_boy factories for every model, shared by the test suite.

Records are drafts unless a trait says otherwise::

    AgreementFactory()                      # a draft
    AgreementFactory(published=True)        # what the public may see
    AgreementFactory(review=True)           # also: withdrawn=True

Partial dates default to day precision; ``partial_date`` gives any other::

    AgreementFactory(**partial_date("signed_on", 2014))        # "2014"
    AgreementFactory(**partial_date("signed_on", 2014, 11))    # "noviembre de 2014"

Many-to-many fields take a list: ``AgreementFactory(counterparts=[moscow])``.
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from agreements.models import Action, Agreement, AgreementKind, Commitment
from cdmx_global.models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    SustainableDevelopmentGoal,
    Theme,
)
from cdmx_global.partial_dates import DatePrecision
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position
from reports.models import Indicator, IndicatorValue
from evaluations.models import AgreementEvaluation, EvaluationStatus, Recommendation
from staff.models import StaffProfile
from staff.roles import ADMINISTRATOR, CONGRESS, LIAISON, REVIEWER, assign_role


def partial_date(field: str, year: int, month: int | None = None, day: int | None = None) -> dict:
    """Keyword arguments for the partial date ``field`` at the precision the arguments give."""
    if month is None:
        precision = DatePrecision.YEAR
    elif day is None:
        precision = DatePrecision.MONTH
    else:
        precision = DatePrecision.DAY
    value = datetime.date(year, month or 1, day or 1)
    return {field: value, f"{field}_precision": precision}


def _day(n: int, first_year: int = 2013) -> datetime.date:
    """A deterministic, valid day for the n-th record: spread over years, months and days."""
    return datetime.date(first_year + n % 6, 1 + n % 12, 1 + n % 28)


def _add_related(field: str):
    """A post-generation hook that adds the given list to the many-to-many ``field``."""

    def add(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, field).add(*extracted)

    return factory.PostGeneration(add)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"persona{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@cdmx.gob.mx")
    password = factory.django.Password("contraseña-de-prueba")
    is_staff = True

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True)


def liaison(body=None, **kwargs):
    """A liaison of ``body`` (a new body if none), with the role the project defines."""
    user = UserFactory(**kwargs)
    StaffProfile.objects.update_or_create(user=user, defaults={"body": body or GovernmentBodyFactory()})
    assign_role(user, LIAISON)
    return user


def reviewer(**kwargs):
    """A CGAI reviewer."""
    user = UserFactory(**kwargs)
    assign_role(user, REVIEWER)
    return user


def administrator(**kwargs):
    """An administrator of users, roles and catalogues."""
    user = UserFactory(**kwargs)
    assign_role(user, ADMINISTRATOR)
    return user


def congress(**kwargs):
    """An account of the Congress commission that receives the reports (role «Congreso»)."""
    user = UserFactory(**kwargs)
    assign_role(user, CONGRESS)
    return user


class PublicationTraits(factory.django.DjangoModelFactory):
    """Status traits for every publishable model."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=PublicationStatus.DRAFT)
        review = factory.Trait(status=PublicationStatus.REVIEW)
        published = factory.Trait(status=PublicationStatus.PUBLISHED)
        withdrawn = factory.Trait(status=PublicationStatus.WITHDRAWN)


# Catalogues: published once created, like the models' default.


class GovernmentBodyFactory(PublicationTraits):
    name = factory.Sequence(lambda n: f"Secretaría número {n}")
    acronym = factory.Sequence(lambda n: f"SEC{n}")
    slug = factory.LazyAttribute(lambda body: slugify(body.name))
    kind = GovernmentBody.Kind.SECRETARIAT

    class Meta:
        model = GovernmentBody
        django_get_or_create = ("slug",)


class ThemeFactory(PublicationTraits):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class SustainableDevelopmentGoalFactory(PublicationTraits):
    number = factory.Sequence(lambda n: n % 17 + 1)
    name = factory.LazyAttribute(lambda sdg: f"Objetivo {sdg.number}")

    class Meta:
        model = SustainableDevelopmentGoal
        django_get_or_create = ("number",)


class FrameworkFactory(PublicationTraits):
    name = factory.Sequence(lambda n: f"Marco de Naciones Unidas {n}")
    code = factory.LazyAttribute(lambda framework: slugify(framework.name))
    adopted_year = 2015

    class Meta:
        model = Framework
        django_get_or_create = ("code",)


# Records: drafts unless a trait says otherwise.


class RecordFactory(PublicationTraits):
    body = factory.SubFactory(GovernmentBodyFactory)
    status = PublicationStatus.DRAFT
    source_citation = "CDMX Global (2018), cap. I §4.1"

    class Meta:
        abstract = True


class CounterpartFactory(RecordFactory):
    name = factory.Sequence(lambda n: f"Ciudad {n}")
    slug = factory.LazyAttribute(lambda counterpart: slugify(counterpart.name))
    kind = Counterpart.Kind.CITY
    country = "FR"

    class Meta:
        model = Counterpart

    class Params:
        un_agency = factory.Trait(kind=Counterpart.Kind.INTERNATIONAL_ORG, is_un_system=True, country="")


class AgreementFactory(RecordFactory):
    code = factory.Sequence(lambda n: f"acuerdo-{n}")
    title = factory.Sequence(lambda n: f"Acuerdo de cooperación {n}")
    kind = AgreementKind.SPECIFIC_COOPERATION
    purpose = "Cooperación técnica en materia de movilidad."
    signed_on = factory.Sequence(_day)
    signed_on_precision = DatePrecision.DAY

    counterparts = _add_related("counterparts")
    other_bodies = _add_related("other_bodies")
    themes = _add_related("themes")
    sdgs = _add_related("sdgs")
    frameworks = _add_related("frameworks")

    class Meta:
        model = Agreement


class ActionFactory(RecordFactory):
    title = factory.Sequence(lambda n: f"Acción {n}")
    kind = Action.Kind.PROJECT
    start_on = factory.Sequence(_day)
    start_on_precision = DatePrecision.DAY

    counterparts = _add_related("counterparts")
    themes = _add_related("themes")
    sdgs = _add_related("sdgs")
    frameworks = _add_related("frameworks")

    class Meta:
        model = Action


class CommitmentFactory(factory.django.DjangoModelFactory):
    """A commitment with a target, of a draft agreement unless one is given; answered for by the agreement's body."""

    agreement = factory.SubFactory(AgreementFactory)
    order = factory.Sequence(lambda n: n)
    objective = factory.Sequence(lambda n: f"Compromiso {n}")
    indicator = "Personas capacitadas"
    unit = "personas"
    target = Decimal("100")
    body = factory.SelfAttribute("agreement.body")

    class Meta:
        model = Commitment


class NetworkFactory(RecordFactory):
    name = factory.Sequence(lambda n: f"Red de ciudades {n}")
    slug = factory.LazyAttribute(lambda network: slugify(network.name))
    scope = Network.Scope.GLOBAL

    themes = _add_related("themes")
    sdgs = _add_related("sdgs")

    class Meta:
        model = Network


class NetworkPartFactory(RecordFactory):
    network = factory.SubFactory(NetworkFactory, body=factory.SelfAttribute("..body"))
    start_on = factory.Sequence(_day)
    start_on_precision = DatePrecision.DAY

    class Meta:
        abstract = True


class MembershipFactory(NetworkPartFactory):
    role = "Miembro"

    class Meta:
        model = Membership


class PositionFactory(NetworkPartFactory):
    title = factory.Sequence(lambda n: f"Vicepresidencia {n}")
    organ = "Consejo directivo"

    class Meta:
        model = Position


class HostedOfficeFactory(NetworkPartFactory):
    name = factory.Sequence(lambda n: f"Oficina regional {n}")

    class Meta:
        model = HostedOffice


class EventFactory(RecordFactory):
    name = factory.Sequence(lambda n: f"Cumbre internacional {n}")
    mode = Event.Mode.HOSTED
    role = Event.Role.HOST
    start_on = factory.Sequence(_day)
    start_on_precision = DatePrecision.DAY
    city = "Ciudad de México"
    country = "MX"

    organisers = _add_related("organisers")
    themes = _add_related("themes")
    sdgs = _add_related("sdgs")
    frameworks = _add_related("frameworks")

    class Meta:
        model = Event


class VisitFactory(RecordFactory):
    direction = Visit.Direction.OUTGOING
    title = factory.Sequence(lambda n: f"Gira de trabajo {n}")
    start_on = factory.Sequence(_day)
    start_on_precision = DatePrecision.DAY

    counterparts = _add_related("counterparts")
    themes = _add_related("themes")

    class Meta:
        model = Visit

    class Params:
        incoming = factory.Trait(direction=Visit.Direction.INCOMING)


class VisitGuestFactory(factory.django.DjangoModelFactory):
    visit = factory.SubFactory(VisitFactory, incoming=True)
    name = factory.Sequence(lambda n: f"Persona visitante {n}")
    position = "Alcaldesa"

    class Meta:
        model = VisitGuest


class AwardFactory(RecordFactory):
    title = factory.Sequence(lambda n: f"Premio internacional {n}")
    direction = Award.Direction.RECEIVED
    category = Award.Category.SUSTAINABLE_DEVELOPMENT
    awarded_on = factory.Sequence(_day)
    awarded_on_precision = DatePrecision.DAY

    granted_by = _add_related("granted_by")
    themes = _add_related("themes")
    sdgs = _add_related("sdgs")

    class Meta:
        model = Award


#: A word in the name of every record ``leak_bait`` makes, found nowhere in the book.
LEAK_MARK = "Quimera"


def leak_bait() -> dict[str, list]:
    """A draft and a withdrawn record of every public kind, each named with
    ``LEAK_MARK`` and linked to published records (the book's, if loaded) so
    that a leak through a relation, a count, the map or the search shows;
    each agreement with a commitment, named so too.

    Returns the records by status: ``{"draft": [...], "withdrawn": [...]}``.
    Nothing here is published, so the published figures stay the book's.
    """
    published_counterpart = Counterpart.objects.published().filter(kind=Counterpart.Kind.CITY).first()
    published_network = Network.objects.published().first()
    published_theme = Theme.objects.published().first() or ThemeFactory()
    body = GovernmentBody.objects.first() or GovernmentBodyFactory()
    made: dict[str, list] = {}
    for trait, country, latitude in (("draft", "IS", "64.14660"), ("withdrawn", "NZ", "-41.28650")):
        status = {trait: True}
        label = f"{LEAK_MARK} {'borrador' if trait == 'draft' else 'retirado'}"
        counterpart = CounterpartFactory(
            name=f"Ciudad {label}", country=country, latitude=latitude, longitude="-21.94260" if country == "IS" else "174.77620",
            body=body, **status,
        )
        linked = [counterpart, *([published_counterpart] if published_counterpart else [])]
        network = NetworkFactory(name=f"Red {label}", body=body, themes=[published_theme], **status)
        host_network = published_network or network
        agreement = AgreementFactory(
            title=f"Hermanamiento {label}", kind=AgreementKind.TWINNING, validity="in_force",
            counterparts=linked, themes=[published_theme], body=body, **status,
        )
        CommitmentFactory(agreement=agreement, objective=f"Compromiso {label}", indicator=f"Indicador {label}")
        made[trait] = [
            counterpart,
            agreement,
            ActionFactory(title=f"Acción {label}", counterparts=linked, body=body, **status),
            network,
            MembershipFactory(network=host_network, role=f"Miembro {label}", body=body, **status),
            PositionFactory(network=host_network, title=f"Presidencia {label}", body=body, **status),
            HostedOfficeFactory(network=host_network, name=f"Oficina {label}", body=body, **status),
            EventFactory(name=f"Cumbre {label}", organisers=linked, themes=[published_theme], body=body, **status),
            VisitFactory(title=f"Gira {label}", counterparts=linked, themes=[published_theme], body=body, **status),
            AwardFactory(title=f"Premio {label}", granted_by=linked, themes=[published_theme], body=body, **status),
        ]
    return made


# Reports ---------------------------------------------------------------------


class AgreementEvaluationFactory(factory.django.DjangoModelFactory):
    """The government's evaluation of a (published) agreement for a semester: ``year`` and ``half``."""

    agreement = factory.SubFactory(AgreementFactory, published=True)
    year = 2017
    half = 2
    people_reached = 120
    resources = "Asistencia técnica de ambas ciudades."
    exchanges = 2
    projects = 1
    advantages = "Intercambio de experiencias en movilidad."
    benefits = "Mejor planeación de ciclovías."
    results = "Un taller binacional."
    difficulties = ""
    recommendation = Recommendation.CONTINUE
    # Approved by CGAI, as the report reads them; the cycle's tests make drafts.
    status = EvaluationStatus.APPROVED

    class Meta:
        model = AgreementEvaluation


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    indicator = factory.LazyFunction(lambda: Indicator.objects.get(code="recursos-de-cooperacion"))
    year = 2017
    half = 2
    value = 1500000
    source = "Informe de la CGAI"

    class Meta:
        model = IndicatorValue
