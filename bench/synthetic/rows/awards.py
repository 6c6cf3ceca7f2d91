"""Awards the city received, and those it grants."""

from cdmx_global.partial_dates import DatePrecision
from events.models import Award

from .. import vocabulary as words
from ..context import Context, Row, builds, covering, pick, pks, position_in_copy
from ..dates import draw_date, draw_precision, partial
from ..text import bare, sentences, title_case, wording
from .shared import Kind, body_prose, counterparts_in_copy, record_values

Category = Award.Category
AWARD_CATEGORIES = {
    Category.SUSTAINABLE_DEVELOPMENT: 8, Category.URBAN_INNOVATION: 7, Category.QUALITY_OF_LIFE: 5,
    Category.HEALTH: 3, Category.TOURISM: 3, Category.GOVERNANCE_INNOVATION: 5, Category.CULTURE: 3,
}
#: The themes an award of each category is about, by slug.
CATEGORY_THEMES = {
    Category.SUSTAINABLE_DEVELOPMENT: ("desarrollo-sostenible", "medio-ambiente", "cambio-climatico", "agua"),
    Category.URBAN_INNOVATION: ("innovacion", "desarrollo-urbano", "movilidad", "ciencia-y-tecnologia"),
    Category.QUALITY_OF_LIFE: ("desarrollo-social", "vivienda", "inclusion-social", "seguridad"),
    Category.HEALTH: ("salud",),
    Category.TOURISM: ("turismo", "patrimonio-cultural"),
    Category.GOVERNANCE_INNOVATION: ("gobernanza", "democracia", "derechos-humanos"),
    Category.CULTURE: ("cultura", "patrimonio-cultural"),
}
#: Awards are often known only by their year.
AWARD_PRECISIONS = {DatePrecision.YEAR: 40, DatePrecision.MONTH: 25, DatePrecision.DAY: 35}
AWARD_DIRECTIONS = {Award.Direction.RECEIVED: 85, Award.Direction.GRANTED: 15}
GRANTOR_KINDS = (Kind.INTERNATIONAL_ORG, Kind.NETWORK, Kind.CIVIL_SOCIETY, Kind.ACADEMIC, Kind.PRIVATE)


@builds(Award)
def award_row(ctx: Context, index: int) -> Row:
    rng = ctx.rng(Award, index)
    position = position_in_copy(Award, index)
    direction = covering(rng, position, AWARD_DIRECTIONS)
    category = covering(rng, position, AWARD_CATEGORIES)
    themes = [theme for theme in ctx.catalogues.themes if theme.key in CATEGORY_THEMES[category]]
    themes = rng.sample(themes, rng.randint(1, min(2, len(themes))))
    say = wording(rng, themes, ctx.catalogues)
    awarded = partial(draw_date(rng, 2000), draw_precision(rng, AWARD_PRECISIONS))
    programme_name = rng.choice(words.PROGRAMME_NAMES)
    programme = rng.choice(words.PROGRAMME_FORMS).format(name=f"«{programme_name}»", topic=bare(say.topic))
    granted_by = counterparts_in_copy(ctx, rng, Award, index, 1, 2, GRANTOR_KINDS)
    values = record_values(ctx, rng, Award, index)
    if direction == Award.Direction.RECEIVED:
        title = f"{rng.choice(words.AWARD_FORMS).format(topic=title_case(bare(say.topic)))} {awarded.value.year}"
        title += f", por «{programme_name}»"
        grantor_text = ", ".join(ctx.party(ref).label for ref in granted_by)
        recognised = f"{programme[:1].upper()}{programme[1:]} de la Ciudad de México"
    else:
        title = f"Premio Internacional Ciudad de México de {title_case(bare(say.topic))}, edición {awarded.value.year}"
        granted_by = granted_by[:1] if rng.random() < 0.5 else []
        grantor_text = f"La Ciudad de México, a través de {body_prose(ctx, values['body_id'])}"
        recognised = f"Ciudades y personas que se han destacado en {bare(say.topic)}"
    return Row(
        values={
            **values,
            "title": title,
            "direction": direction,
            "category": category,
            "awarded_on": awarded,
            "granted_by_text": grantor_text,
            "recognised_for": recognised,
            "description": sentences(rng, f"Reconoce el trabajo en {bare(say.topic)}.", [
                f"se entregó en una ceremonia en {rng.choice(words.CITIES).name}.",
                f"participaron candidaturas de ciudades de {rng.randint(8, 60)} países.",
            ], most=2),
        },
        m2m={"granted_by": granted_by, "themes": pks(themes), "sdgs": pks(pick(rng, ctx.catalogues.sdgs, 0, 2))},
    )
