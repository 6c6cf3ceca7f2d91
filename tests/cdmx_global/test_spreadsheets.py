"""Spreadsheets out of the admin: formulas escaped, never stripped; only what the
user may see; and the cells an import reads (partial dates, formula escaping)."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from agreements.models import Agreement
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.spreadsheets import escape_formula, format_partial_date_cell, parse_partial_date
from events.models import Award
from networks.models import Membership

from tests.support import factories
from tests.support.factories import partial_date

FORMULAS = ['=HYPERLINK("http://ataque.example","Clic")', "+1", "-2", "@SUM(A1:A2)", "\tpestaña", "\rretorno"]


@pytest.mark.parametrize("value", FORMULAS)
def test_escape_formula_prefixes_an_apostrophe_and_keeps_every_character(value):
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["Acuerdo con Moscú", "", "1+1", "correo@cdmx.gob.mx", None, 12, -2])
def test_escape_formula_leaves_ordinary_text_numbers_and_blanks_alone(value):
    assert escape_formula(value) == value


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2014", (datetime.date(2014, 1, 1), DatePrecision.YEAR)),
        (2014, (datetime.date(2014, 1, 1), DatePrecision.YEAR)),
        ("2014-11", (datetime.date(2014, 11, 1), DatePrecision.MONTH)),
        ("11/2014", (datetime.date(2014, 11, 1), DatePrecision.MONTH)),
        ("2014-11-21", (datetime.date(2014, 11, 21), DatePrecision.DAY)),
        (" 21/11/2014 ", (datetime.date(2014, 11, 21), DatePrecision.DAY)),
        (datetime.datetime(2014, 11, 21), (datetime.date(2014, 11, 21), DatePrecision.DAY)),
        ("", (None, "")),
        (None, (None, "")),
    ],
)
def test_parse_partial_date_reads_each_accepted_form(cell, expected):
    assert parse_partial_date(cell) == expected


@pytest.mark.parametrize("cell", ["2014-13-40", "31/02/2015", "noviembre 2014", "14"])
def test_parse_partial_date_refuses_what_is_not_a_date(cell):
    with pytest.raises(ValueError, match="no es una fecha válida"):
        parse_partial_date(cell)


@pytest.mark.parametrize(
    ("value", "precision", "cell"),
    [
        (datetime.date(2014, 1, 1), DatePrecision.YEAR, "2014"),
        (datetime.date(2014, 11, 1), DatePrecision.MONTH, "2014-11"),
        (datetime.date(2014, 11, 21), DatePrecision.DAY, "2014-11-21"),
        (None, "", ""),
    ],
)
def test_partial_date_cell_is_what_an_import_reads_back(value, precision, cell):
    assert format_partial_date_cell(value, precision) == cell
    assert parse_partial_date(cell) == (value, precision)


# Exports through the admin ---------------------------------------------------------


def export(client, model, kind: str):
    """The export as the admin's button gives it, as rows of cells."""
    opts = model._meta
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_export"),
        {"format": {"csv": "0", "xlsx": "1"}[kind], "resource": "0"},
    )
    assert response.status_code == 200
    if kind == "csv":
        return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def column(rows, header: str) -> list:
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_escapes_formula_titles_and_leaves_ordinary_text_alone(client, kind):
    titles = ['=HYPERLINK("http://ataque.example","Clic")', "+1", "-2", "@SUM(A1:A2)", "Acuerdo con Moscú"]
    for title in titles:
        factories.AgreementFactory(title=title)
    client.force_login(factories.reviewer())

    rows = export(client, Agreement, kind)

    assert sorted(column(rows, "Título")) == sorted(
        ["'=HYPERLINK(\"http://ataque.example\",\"Clic\")", "'+1", "'-2", "'@SUM(A1:A2)", "Acuerdo con Moscú"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_export_writes_cells_an_import_reads_back(client, kind):
    body = factories.GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT")
    granted_by = factories.CounterpartFactory(name="UNESCO", slug="unesco", country="")
    factories.AwardFactory(
        title="Premio", body=body, granted_by=[granted_by], sdgs=[factories.SustainableDevelopmentGoalFactory(number=11)],
        **partial_date("awarded_on", 2016, 10),
    )
    client.force_login(factories.reviewer())

    rows = export(client, Award, kind)

    assert rows[0][:5] == ["Premio o reconocimiento", "Sentido", "Categoría", "Fecha", "Otorgado por"]
    record = dict(zip(rows[0], rows[1]))
    assert {key: record[key] for key in ("Sentido", "Categoría", "Fecha", "Otorgado por", "Área responsable", "ODS", "Estado de publicación")} == {
        "Sentido": "Recibido por la Ciudad",
        "Categoría": "Desarrollo sostenible",
        "Fecha": "2016-10",
        "Otorgado por": "UNESCO",
        "Área responsable": "Secretaría de Cultura",
        "ODS": "11",
        "Estado de publicación": "Borrador",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_liaison_export_contains_only_its_body_records(client, kind):
    own_body, other_body = factories.GovernmentBodyFactory(), factories.GovernmentBodyFactory()
    factories.MembershipFactory(body=own_body, role="Miembro propio")
    factories.MembershipFactory(body=other_body, role="Miembro ajeno")  # a draft of another body that could leak
    factories.MembershipFactory(body=other_body, role="Miembro ajeno publicado", published=True)
    client.force_login(factories.liaison(own_body))

    rows = export(client, Membership, kind)

    assert column(rows, "Tipo de membresía") == ["Miembro propio"]


@pytest.mark.django_db
def test_export_follows_the_changelist_filters(client):
    factories.AgreementFactory(title="Firmado en 2014", **partial_date("signed_on", 2014, 5))
    factories.AgreementFactory(title="Firmado en 2016", **partial_date("signed_on", 2016))
    client.force_login(factories.reviewer())

    response = client.post(
        reverse("admin:agreements_agreement_export") + "?q=2016", {"format": "0", "resource": "0"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert column(rows, "Título") == ["Firmado en 2016"]
    assert response["Content-Disposition"].startswith('attachment; filename="acuerdos-')


@pytest.mark.django_db
def test_export_needs_the_view_permission(client):
    client.force_login(factories.administrator())

    response = client.post(reverse("admin:agreements_agreement_export"), {"format": "0", "resource": "0"})

    assert response.status_code == 403
