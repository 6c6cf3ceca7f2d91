"""Events the city organised, hosted or attended, some within another."""

from events.models import Event

from .. import vocabulary as words
from ..context import Context, Row, builds, covering, earlier_in_copy, pks, position_in_copy
from ..dates import draw_date, draw_precision, period
from ..text import bare, sentences, title_case, wording
from ..vocabulary import Place
from .shared import classification, counterparts_in_copy, record_values

Role = Event.Role
EVENT_ROLES = {Role.ORGANISER: 6, Role.CO_ORGANISER: 4, Role.HOST: 4, Role.PARTICIPANT: 10, Role.SPEAKER: 6}
HOSTED_ROLES, ATTENDED_ROLES = (Role.ORGANISER, Role.HOST), (Role.PARTICIPANT, Role.SPEAKER)
MEXICO_CITY = Place("Ciudad de México", "MX", 19.4326, -99.1332)


@builds(Event)
def event_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Event, index)
    role = covering(rng, position_in_copy(Event, index), EVENT_ROLES)
    mode = (
        Event.Mode.HOSTED if role in HOSTED_ROLES
        else Event.Mode.ATTENDED if role in ATTENDED_ROLES
        else rng.choice(list(Event.Mode))
    )
    # An event within another (a forum at a summit) shares its place and dates.
    parent = earlier_in_copy(rng, Event, index) if rng.random() < 0.2 else None
    if parent and ctx.row(Event, parent.index).values["mode"] != mode:
        parent = None
    if parent:
        frame = ctx.row(Event, parent.index).values
        place = MEXICO_CITY if mode == Event.Mode.HOSTED else Place(frame["city"], frame["country"], 0, 0)
        dates = {"start_on": frame["start_on"], "end_on": frame["end_on"]}
    else:
        place = MEXICO_CITY if mode == Event.Mode.HOSTED else rng.choice(words.CITIES)
        dates = period(rng, draw_date(rng), (0, 4), draw_precision(rng))
    classes = classification(rng, ctx.catalogues)
    say = wording(rng, classes["themes"], ctx.catalogues)
    title = rng.choice(words.EVENT_FORMS).format(topic=title_case(bare(say.topic)))
    subtitle = rng.choice(words.EVENT_SUBTITLES)
    organisers = counterparts_in_copy(ctx, rng, Event, index, 1, 3)
    return Row(
        values={
            **record_values(ctx, rng, Event, index),
            **dates,
            "name": f"{title}: {subtitle} ({place.name}, {dates['start_on'].value.year})",
            "mode": mode,
            "role": role,
            "city": place.name,
            "country": place.country,
            "parent": parent,
            "participants": rng.choice(["", ", ".join(rng.sample(words.CITY_OFFICES, 2))]),
            "participants_count": rng.choice([None, rng.randint(30, 5000)]),
            "outcome": rng.choice(["", f"Las ciudades adoptaron una declaración sobre {bare(say.topic)}."]),
            "description": sentences(rng, f"Encuentro internacional para {say.verb} {say.topic}.", [
                f"convocado por {ctx.party(organisers[0]).prose}.",
                f"incluyó mesas de trabajo sobre {bare(say.topic2)}.",
                f"reunió a gobiernos locales, organismos internacionales y {rng.choice(words.AUDIENCES)}.",
            ]),
        },
        m2m={"organisers": organisers, **{name: pks(entries) for name, entries in classes.items()}},
    )
