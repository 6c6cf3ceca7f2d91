"""``generate_synthetic`` adds (scale − 1) × the book's records, each marked as
synthetic, the same ones whichever way the scale is reached, and refuses to
run where synthetic records could reach a real public record.

The book and its synthetic double (``--scale 2``) are made once for the module
(inside a transaction rolled back at its end); each test runs in its own
savepoint on top of them.
"""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from agreements.models import Action, Agreement, AgreementKind, Validity
from cdmx_global.models import Counterpart, Framework, PublicationStatus
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.regions import region_for_country
from bench.synthetic.generator import (
    BOOK_COUNTS,
    INCOMING_POSITIONS,
    KEY_FIELDS,
    TITLE_LENGTH,
    Context,
    agreement_row,
    generate,
    index_from_key,
    load_catalogues,
    synthetic_citation,
    synthetic_records,
)
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

SEED = 2018
OTHER_SEED = 99
GUARD = "ALLOW_SYNTHETIC_DATA"
#: Fields a run stamps with its own time; everything else must be the same whichever run made the record.
RUN_STAMPS = {"id", "created_at", "updated_at", "published_at", "submitted_at", "withdrawn_at"}


def run(*args: str) -> str:
    out = StringIO()
    call_command("generate_synthetic", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def doubled(book, django_db_blocker):
    """The book plus one synthetic copy of it (``--scale 2``, seed 2018)."""
    with django_db_blocker.unblock(), transaction.atomic(), pytest.MonkeyPatch.context() as patch:
        patch.setenv(GUARD, "1")
        output = run("--scale", "2")
        yield output
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def allowed(monkeypatch):
    monkeypatch.setenv(GUARD, "1")


def counts() -> dict:
    return {model: model.objects.count() for model in BOOK_COUNTS}


def book_records(model):
    if model is VisitGuest:
        return VisitGuest.objects.exclude(visit__source_citation__contains="generate_synthetic")
    return model.objects.exclude(source_citation__contains="generate_synthetic")


# --- What the scale means ---------------------------------------------------------


def test_book_counts_are_what_load_book_loads(book):
    assert {model: book_records(model).count() for model in BOOK_COUNTS} == BOOK_COUNTS


def test_scale_two_doubles_every_kind(doubled):
    assert counts() == {model: 2 * count for model, count in BOOK_COUNTS.items()}
    assert "Acuerdos: 65 (nuevos 65, ya estaban 0)" in doubled


def test_running_again_adds_nothing(doubled):
    before = counts()
    history_before = {model: model.history.count() for model in BOOK_COUNTS}
    entries_before = SearchEntry.objects.count()

    output = run("--scale", "2")

    assert counts() == before
    assert {model: model.history.count() for model in BOOK_COUNTS} == history_before
    assert SearchEntry.objects.count() == entries_before
    assert "Nada que agregar" in output
    assert "Acuerdos: 65 (nuevos 0, ya estaban 65)" in output


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's statistics of PostgreSQL")
def test_the_planners_statistics_count_the_new_rows(doubled):
    # Left to autovacuum, PostgreSQL would plan for the tables' old sizes.
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Agreement._meta.db_table])
        assert cursor.fetchone()[0] == Agreement.objects.count() == 130


def test_scale_one_adds_nothing(book):
    before = counts()

    run("--scale", "1", "--seed", str(OTHER_SEED))

    assert counts() == before


# --- Reproducible -------------------------------------------------------------------


def identities(seed: int) -> dict:
    """pk → what names the record whichever run made it: its key, or its rank among the seed's records."""
    found = {}
    for model in BOOK_COUNTS:
        records = synthetic_records(model, seed).order_by("pk")
        key = KEY_FIELDS.get(model)
        if key:
            found[model] = dict(records.values_list("pk", key))
        else:
            found[model] = {pk: f"{model._meta.model_name}-{rank}" for rank, pk in enumerate(records.values_list("pk", flat=True))}
    return found


def snapshot(seed: int) -> dict:
    """Every synthetic record of ``seed``: its values, its links by identity, and its history and index entries."""
    names = identities(seed)

    def name(model, pk):
        return names[model].get(pk, pk) if model in names else pk

    records = {}
    for model in BOOK_COUNTS:
        many = [field.name for field in model._meta.many_to_many]
        rows = []
        for obj in synthetic_records(model, seed).order_by("pk").prefetch_related(*many):
            row = {}
            for field in model._meta.concrete_fields:
                if field.name in RUN_STAMPS:
                    continue
                value = getattr(obj, field.attname)
                row[field.name] = name(field.related_model, value) if field.is_relation and value else value
            for field in many:
                row[field] = sorted(str(name(obj._meta.get_field(field).related_model, linked.pk))
                                    for linked in getattr(obj, field).all())
            rows.append(row)
        records[model._meta.label] = rows
    reason = synthetic_citation(seed)
    return {
        "records": records,
        "history": {model._meta.label: model.history.filter(history_change_reason=reason).count() for model in BOOK_COUNTS},
        "index": SearchEntry.objects.count(),
    }


@pytest.fixture(scope="module")
def three_copies_at_once(book, django_db_blocker):
    """What ``--scale 3`` makes in one run (seed 99), rolled back once read."""
    with django_db_blocker.unblock(), transaction.atomic():
        generate(scale=3, seed=OTHER_SEED)
        made = snapshot(OTHER_SEED)
        transaction.set_rollback(True)
    return made


def test_scale_two_then_three_makes_what_scale_three_makes(three_copies_at_once):
    run("--scale", "2", "--seed", str(OTHER_SEED))
    run("--scale", "3", "--seed", str(OTHER_SEED))

    step_by_step = snapshot(OTHER_SEED)

    assert step_by_step == three_copies_at_once
    assert len(step_by_step["records"]["agreements.Agreement"]) == 2 * BOOK_COUNTS[Agreement]


def test_links_stay_within_their_copy_or_earlier(three_copies_at_once):
    def index(code):
        return index_from_key(code)

    for agreement in three_copies_at_once["records"]["agreements.Agreement"]:
        copy = index(agreement["code"]) // BOOK_COUNTS[Agreement]
        assert {index(slug) // BOOK_COUNTS[Counterpart] for slug in agreement["counterparts"]} <= set(range(copy + 1))
        if agreement["renews"]:
            assert index(agreement["renews"]) < index(agreement["code"])
    for network in three_copies_at_once["records"]["networks.Network"]:
        if network["convened_by"]:
            assert index(network["convened_by"]) // BOOK_COUNTS[Counterpart] <= index(network["slug"]) // BOOK_COUNTS[Network]


def test_a_record_is_a_function_of_its_seed_and_index(book):
    catalogues = load_catalogues()

    assert agreement_row(Context(SEED, catalogues), 70) == agreement_row(Context(SEED, catalogues), 70)
    assert agreement_row(Context(SEED, catalogues), 70) != agreement_row(Context(OTHER_SEED, catalogues), 70)


def test_another_seed_gives_other_records_beside_the_first(doubled):
    run("--scale", "2", "--seed", str(OTHER_SEED))

    titles = {seed: list(synthetic_records(Agreement, seed).order_by("pk").values_list("title", flat=True))
              for seed in (SEED, OTHER_SEED)}
    assert len(titles[SEED]) == len(titles[OTHER_SEED]) == BOOK_COUNTS[Agreement]
    assert sum(a == b for a, b in zip(titles[SEED], titles[OTHER_SEED], strict=True)) < 5
    assert Agreement.objects.count() == 3 * BOOK_COUNTS[Agreement]


# --- Marked as synthetic ---------------------------------------------------------------


def test_every_synthetic_record_says_it_is_not_real(doubled):
    citation = synthetic_citation(SEED)
    assert "no es un registro real" in citation
    for model, count in BOOK_COUNTS.items():
        if model is VisitGuest:
            assert VisitGuest.objects.filter(visit__source_citation=citation).count() == count
            continue
        made = model.objects.filter(source_citation__contains="generate_synthetic")
        assert set(made.values_list("source_citation", "source_excerpt")) == {(citation, "")}
        assert made.count() == count
        assert model.history.filter(history_change_reason=citation).count() == count


def test_history_rows_show_the_links(doubled):
    agreement = synthetic_records(Agreement, SEED).order_by("pk").first()
    created = agreement.history.get()

    assert created.history_type == "+"
    assert {link.counterpart_id for link in created.counterparts.all()} == set(
        agreement.counterparts.values_list("pk", flat=True)
    )


# --- Realistic and valid ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "field", "values"),
    [
        (Agreement, "kind", AgreementKind.values),
        (Agreement, "validity", Validity.values),
        (Action, "kind", Action.Kind.values),
        (Counterpart, "kind", Counterpart.Kind.values),
        (Counterpart, "is_un_system", [False, True]),
        (Network, "scope", Network.Scope.values),
        (Event, "mode", Event.Mode.values),
        (Event, "role", Event.Role.values),
        (Visit, "direction", Visit.Direction.values),
        (Visit, "honour", ["", *Visit.Honour.values]),
        (Award, "direction", Award.Direction.values),
        (Award, "category", Award.Category.values),
    ],
)
def test_one_copy_holds_every_choice(doubled, model, field, values):
    assert set(synthetic_records(model, SEED).values_list(field, flat=True)) == set(values)


@pytest.mark.parametrize("model", [Counterpart, Event, Agreement, Action, Visit, Award])
def test_every_twenty_records_hold_every_status(doubled, model):
    statuses = list(synthetic_records(model, SEED).values_list("status", flat=True))

    assert set(statuses) == set(PublicationStatus.values)
    assert 0.80 <= statuses.count(PublicationStatus.PUBLISHED) / len(statuses) <= 0.90


def test_dates_come_at_every_precision_and_span_the_years(doubled):
    dates = [
        (value, precision)
        for model, field in [(Agreement, "signed_on"), (Action, "start_on"), (Event, "start_on"), (Award, "awarded_on")]
        for value, precision in synthetic_records(model, SEED).values_list(field, f"{field}_precision")
        if value
    ]
    assert {precision for _, precision in dates} == set(DatePrecision.values)
    years = [value.year for value, _ in dates]
    assert min(years) < 2000 and max(years) >= 2025
    assert sum(year >= 2010 for year in years) > sum(year < 2010 for year in years)


def test_records_pass_the_models_validation(doubled):
    # The database enforces the check constraints on insert; field validation
    # (lengths, choices) is what SQLite would let through. A sample of each kind.
    for model in BOOK_COUNTS:
        for obj in synthetic_records(model, SEED).order_by("pk")[::5]:
            obj.full_clean()


def test_titles_have_realistic_lengths(doubled):
    for model, field in [(Agreement, "title"), (Action, "title"), (Event, "name"), (Visit, "title"), (Award, "title")]:
        lengths = {len(title) for title in synthetic_records(model, SEED).values_list(field, flat=True)}
        assert min(lengths) >= TITLE_LENGTH.start and max(lengths) < TITLE_LENGTH.stop, model


def test_places_are_on_the_map_in_their_region(doubled):
    for counterpart in synthetic_records(Counterpart, SEED):
        assert counterpart.region == region_for_country(counterpart.country.code)
        placed = counterpart.kind in (Counterpart.Kind.CITY, Counterpart.Kind.STATE)
        assert (counterpart.latitude is not None) is placed, counterpart


def test_guests_come_with_incoming_visits(doubled):
    visits = synthetic_records(Visit, SEED).order_by("pk")
    guests = {visit.pk: visit.guests.count() for visit in visits}
    for position, visit in enumerate(visits):
        incoming = visit.direction == Visit.Direction.INCOMING
        assert incoming is (position in INCOMING_POSITIONS)
        assert 1 <= guests[visit.pk] <= 3 if incoming else guests[visit.pk] == 0
        assert visit.honour == "" or incoming


def test_published_records_carry_their_publication_time(doubled):
    for model in (Agreement, Event, Network, Membership, Position, HostedOffice):
        made = synthetic_records(model, SEED)
        assert not made.filter(status=PublicationStatus.PUBLISHED, published_at__isnull=True).exists()
        assert not made.filter(status=PublicationStatus.DRAFT, published_at__isnull=False).exists()


def test_published_synthetic_records_can_be_found(doubled):
    agreements = ContentType.objects.get_for_model(Agreement)

    assert SearchEntry.objects.filter(content_type=agreements).count() == Agreement.objects.published().count()


def test_a_synthetic_agreement_page_renders(doubled, client):
    agreement = synthetic_records(Agreement, SEED).filter(status=PublicationStatus.PUBLISHED).order_by("pk").first()

    response = client.get(agreement.get_absolute_url())

    assert response.status_code == 200
    assert agreement.title in response.content.decode()


# --- The guard ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [None, "0", "yes"])
def test_refuses_unless_synthetic_data_is_allowed(book, monkeypatch, value):
    if value is None:
        monkeypatch.delenv(GUARD)
    else:
        monkeypatch.setenv(GUARD, value)
    before = counts()

    with pytest.raises(CommandError, match="defina ALLOW_SYNTHETIC_DATA=1") as refused:
        run("--scale", "2", "--seed", str(OTHER_SEED))

    assert "nunca deben llegar al registro público" in str(refused.value)
    assert counts() == before


def test_refuses_without_the_books_catalogues():
    Framework.objects.all().delete()

    with pytest.raises(CommandError, match=r"^Cargue primero el libro: python manage.py load_book$"):
        run("--scale", "2", "--seed", str(OTHER_SEED))


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--scale", "0", "La escala debe ser un número entero mayor o igual que 1."),
    ("--seed", "-1", "La semilla debe ser un número entero mayor o igual que 0."),
])
def test_refuses_a_scale_below_one_or_a_negative_seed(option, value, message):
    arguments = {"--scale": "2", "--seed": "1", option: value}

    with pytest.raises(CommandError, match=message):
        run(*[item for pair in arguments.items() for item in pair])
