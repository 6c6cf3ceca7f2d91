"""Spreadsheet imports through the admin: upload, a dry-run preview with every
row and its errors in Spanish, and a confirmation that creates drafts, all rows
or none, each with one history row naming the file and the person."""

import csv
import datetime
import html
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from agreements.models import Agreement, AgreementKind, Validity
from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision
from events.models import Award, Event, Visit
from networks.models import Position

from tests.support import factories

pytestmark = pytest.mark.django_db

FORMATS = {"csv": "0", "xlsx": "1"}
AGREEMENT_HEADERS = [
    "Clave",
    "Título",
    "Tipo de instrumento",
    "Contrapartes",
    "Área responsable",
    "Fecha de firma",
    "Vigencia",
    "Temas",
    "ODS",
    "Monto",
    "Moneda",
]


def url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def upload(rows: list[list], kind: str, name: str = "acuerdos") -> SimpleUploadedFile:
    """The rows as the file staff would upload: a UTF-8 CSV, or an XLSX built with openpyxl."""
    if kind == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        return SimpleUploadedFile(f"{name}.csv", buffer.getvalue().encode("utf-8"), content_type="text/csv")
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(f"{name}.xlsx", buffer.getvalue())


def preview(client, model, rows, kind="csv", name="acuerdos"):
    return client.post(url(model, "import"), {"format": FORMATS[kind], "resource": "0", "import_file": upload(rows, kind, name)})


def confirm(client, model, response):
    form = response.context["confirm_form"]
    return client.post(url(model, "process_import"), {name: form[name].value() for name in form.fields})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def row_messages(response) -> list[str]:
    return response.context["result"].messages


@pytest.fixture
def catalogue():
    """What the sheets below name: a body, counterparts, themes and ODS."""
    return {
        "body": factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI", slug="semovi"),
        "other_body": factories.GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA", slug="sedema"),
        "moscow": factories.CounterpartFactory(name="Moscú", slug="moscu", country="RU"),
        "paris": factories.CounterpartFactory(name="París", slug="paris", country="FR"),
        "mobility": factories.ThemeFactory(name="Movilidad", slug="movilidad"),
        "sdg11": factories.SustainableDevelopmentGoalFactory(number=11, name="Ciudades y comunidades sostenibles"),
        "sdg13": factories.SustainableDevelopmentGoalFactory(number=13, name="Acción por el clima"),
    }


# A valid file ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_valid_agreements_previews_then_creates_exactly_those_drafts(client, catalogue, kind):
    user = factories.reviewer()
    client.force_login(user)
    november_2014 = "2014-11"
    day = datetime.date(2015, 3, 21) if kind == "xlsx" else "21/03/2015"  # a date cell in the XLSX
    rows = [
        AGREEMENT_HEADERS,
        ["cce-2014-moscu", "Acuerdo con Moscú", "Cooperación específica", "Moscú; paris", "SEMOVI", november_2014, "Vigente", "movilidad", "11; 13", "1500.50", "MXN"],
        ["cce-2015-paris", "Acuerdo con París", "memorandum", "", "sedema", day, "", "", "", "", ""],
    ]

    response = preview(client, Agreement, rows, kind)

    assert response.status_code == 200
    assert "confirm_form" in response.context
    assert [row.sheet_row for row in response.context["result"].valid_rows()] == [2, 3]
    assert Agreement.objects.count() == 0
    content = response.content.decode()
    assert "Acuerdo con Moscú" in content and "Acuerdo con París" in content

    response = confirm(client, Agreement, response)

    assert response.status_code == 302
    moscow, paris = Agreement.objects.order_by("code")
    assert (moscow.code, moscow.title, moscow.kind, moscow.body) == (
        "cce-2014-moscu", "Acuerdo con Moscú", AgreementKind.SPECIFIC_COOPERATION, catalogue["body"],
    )
    assert (moscow.signed_on, moscow.signed_on_precision) == (datetime.date(2014, 11, 1), DatePrecision.MONTH)
    assert (moscow.validity, moscow.amount, moscow.currency) == (Validity.IN_FORCE, Decimal("1500.50"), "MXN")
    assert set(moscow.counterparts.all()) == {catalogue["moscow"], catalogue["paris"]}
    assert list(moscow.themes.all()) == [catalogue["mobility"]]
    assert list(moscow.sdgs.all()) == [catalogue["sdg11"], catalogue["sdg13"]]
    assert (paris.kind, paris.body, paris.validity) == (AgreementKind.MEMORANDUM, catalogue["other_body"], Validity.UNKNOWN)
    assert (paris.signed_on, paris.signed_on_precision) == (datetime.date(2015, 3, 21), DatePrecision.DAY)
    assert list(paris.counterparts.all()) == []
    assert {moscow.status, paris.status} == {PublicationStatus.DRAFT}

    for agreement in (moscow, paris):
        [entry] = agreement.history.all()
        assert entry.history_type == "+"
        assert entry.history_user == user
        assert entry.history_change_reason == f"Importación desde hoja de cálculo: acuerdos.{kind}"
    # The one history row holds the many-to-many values the file gave.
    assert {row.counterpart for row in moscow.history.get().counterparts.all()} == {catalogue["moscow"], catalogue["paris"]}


def test_import_of_a_year_typed_as_a_number_in_xlsx_is_a_year(client, catalogue):
    client.force_login(factories.liaison(catalogue["body"]))
    rows = [["Clave", "Título", "Tipo de instrumento", "Fecha de firma"], ["hermanamiento-1977", "Hermanamiento", "Hermanamiento", 1977]]

    confirm(client, Agreement, preview(client, Agreement, rows, "xlsx"))

    agreement = Agreement.objects.get()
    assert (agreement.signed_on, agreement.signed_on_precision) == (datetime.date(1977, 1, 1), DatePrecision.YEAR)


def test_import_headers_ignore_case_spacing_and_accept_dependencia(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [["  CLAVE ", "título", "Tipo de  instrumento", "Dependencia"], ["a-1", "Un acuerdo", "Carta", "SEMOVI"]]

    confirm(client, Agreement, preview(client, Agreement, rows))

    assert list(Agreement.objects.values_list("code", "body__acronym")) == [("a-1", "SEMOVI")]


@pytest.mark.parametrize(
    ("model", "rows", "expected"),
    [
        (
            Visit,
            [
                ["Tipo de visita", "Título", "Inicio", "Regreso o fin", "Destinos o procedencia", "Gastos de viaje (viáticos)", "Moneda de los gastos"],
                ["Gira al extranjero", "Gira a Moscú", "2015-06-01", "2015-06-05", "moscu", "25000", "MXN"],
            ],
            {"direction": Visit.Direction.OUTGOING, "title": "Gira a Moscú", "end_on": datetime.date(2015, 6, 5), "expenses": Decimal("25000.00")},
        ),
        (
            Event,
            [
                ["Nombre", "Modalidad", "Papel de la Ciudad", "Inicio", "País", "Organizadores y aliados", "Número de participantes"],
                ["Cumbre C40", "Participación en el extranjero", "Ponente", "2016-12", "Francia", "paris", "300"],
            ],
            {"name": "Cumbre C40", "mode": Event.Mode.ATTENDED, "role": Event.Role.SPEAKER, "country": "FR", "participants_count": 300},
        ),
        (
            Award,
            [
                ["Premio o reconocimiento", "Categoría", "Fecha", "Otorgado por", "ODS"],
                ["Premio Ciudad Sostenible", "Desarrollo sostenible", "2016", "París", "11"],
            ],
            {"title": "Premio Ciudad Sostenible", "category": Award.Category.SUSTAINABLE_DEVELOPMENT, "awarded_on_precision": DatePrecision.YEAR},
        ),
    ],
    ids=["visit", "event", "award"],
)
def test_import_creates_visits_events_and_awards(client, catalogue, model, rows, expected):
    client.force_login(factories.liaison(catalogue["body"]))

    confirm(client, model, preview(client, model, rows, name="registros"))

    record = model.objects.get()
    assert {field: getattr(record, field) for field in expected} == expected
    assert (record.body, record.status) == (catalogue["body"], PublicationStatus.DRAFT)
    assert record.history.get().history_change_reason == "Importación desde hoja de cálculo: registros.csv"


def test_import_creates_network_positions_naming_the_network(client, catalogue):
    network = factories.NetworkFactory(name="Ciudades y Gobiernos Locales Unidos", acronym="CGLU", slug="cglu")
    client.force_login(factories.liaison(catalogue["body"]))
    rows = [["Red", "Cargo", "Desde", "Hasta"], ["CGLU", "Copresidencia", "2010", "2013"]]

    confirm(client, Position, preview(client, Position, rows))

    position = Position.objects.get()
    assert (position.network, position.title, position.start_on, position.end_on_precision) == (
        network, "Copresidencia", datetime.date(2010, 1, 1), DatePrecision.YEAR,
    )


# One bad row: nothing is saved, and the page says where ------------------------------


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (
            "Fecha de firma",
            "2014-13-40",
            "Fila 3, columna “Fecha de firma”: «2014-13-40» no es una fecha válida. Escriba el año (2014), "
            "el mes (2014-11) o el día (2014-11-21 o 21/11/2014).",
        ),
        ("Contrapartes", "Moscú; Atlántida", "Fila 3, columna “Contrapartes”: «Atlántida» no está en el catálogo de contrapartes."),
        ("ODS", "18", "Fila 3, columna “ODS”: «18» no está en el catálogo de Objetivos de Desarrollo Sostenible."),
        ("Monto", "mil", "Fila 3, columna “Monto”: “mil”: el valor debe ser un número decimal."),
        ("Área responsable", "SEPI", "Fila 3, columna “Área responsable”: «SEPI» no está en el catálogo de dependencias."),
    ],
    ids=["impossible-date", "unknown-counterpart", "unknown-sdg", "not-a-number", "unknown-body"],
)
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_with_one_bad_row_saves_nothing_and_names_row_and_column(client, catalogue, kind, column, value, message):
    client.force_login(factories.reviewer())
    good = dict(zip(AGREEMENT_HEADERS, ["a-1", "Bueno", "Carta", "Moscú", "SEMOVI", "2014", "", "", "", "", ""]))
    bad = {**good, "Clave": "a-2", "Título": "Malo", "Moneda": "MXN", column: value}
    rows = [AGREEMENT_HEADERS, list(good.values()), list(bad.values()), list({**good, "Clave": "a-3"}.values())]

    response = preview(client, Agreement, rows, kind)

    assert "confirm_form" not in response.context
    assert row_messages(response) == [message]
    assert message in page_text(response)
    assert Agreement.objects.count() == 0
    assert Agreement.history.count() == 0


def test_import_names_the_choices_a_cell_may_take(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable"], ["t-1", "Uno", "Tratado", "SEMOVI"]]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == [
        "Fila 2, columna “Tipo de instrumento”: «Tratado» no es una opción válida. Use una de: Hermanamiento, "
        "Amistad y cooperación, Cooperación específica, Memorando de entendimiento, Convenio marco, Acuerdo de "
        "colaboración, Carta de intención, Acuerdo interinstitucional, Declaración, Pacto, Carta, Documento político."
    ]


def test_import_asks_for_the_key_when_a_name_is_ambiguous(client, catalogue):
    factories.CounterpartFactory(name="Moscú", slug="moscu-idaho", country="US")
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable", "Contrapartes"], ["m-1", "Uno", "Carta", "SEMOVI", "Moscú"]]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == [
        "Fila 2, columna “Contrapartes”: «Moscú» corresponde a más de un registro del catálogo de contrapartes; use su clave."
    ]


def test_import_shows_every_problem_of_every_row(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [
        ["Clave", "Título", "Tipo de instrumento", "Área responsable", "Fecha de firma", "Entrada en vigor"],
        ["", "Sin clave", "Carta", "SEMOVI", "", ""],
        ["b-1", "Vigor antes de firma", "Carta", "SEMOVI", "2015", "2014"],
        ["b-2", "Sin dependencia", "Carta", "", "", ""],
    ]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == [
        "Fila 2, columna “Clave”: Este campo no puede estar en blanco.",
        "Fila 3: La entrada en vigor no puede ser anterior a la firma.",
        "Fila 4, columna “Área responsable”: Indique la dependencia responsable.",
    ]


def test_import_confirmation_rechecks_and_saves_nothing_if_a_row_became_invalid(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable"], ["c-1", "Uno", "Carta", "SEMOVI"], ["c-2", "Dos", "Carta", "SEMOVI"]]
    response = preview(client, Agreement, rows)
    # Between the preview and the confirmation someone else takes the second code.
    taken = factories.AgreementFactory(code="c-2")

    response = confirm(client, Agreement, response)

    assert response.status_code == 302
    assert response.url == url(Agreement, "import")
    assert list(Agreement.objects.all()) == [taken]
    shown = [str(message) for message in response.wsgi_request._messages]
    assert "Fila 3, columna “Clave”: Ya existe un acuerdo con esa clave." in shown
    assert "No se importó ningún registro. Corrija el archivo y vuelva a cargarlo." in shown


def test_import_refuses_an_existing_agreement_code(client, catalogue):
    existing = factories.AgreementFactory(code="cce-2013-chicago", title="Original")
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable"], ["cce-2013-chicago", "Otro título", "Carta", "SEMOVI"]]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == ["Fila 2, columna “Clave”: Ya existe un acuerdo con esa clave."]
    assert list(Agreement.objects.values_list("title", flat=True)) == ["Original"]
    assert existing.history.count() == 1


def test_import_refuses_the_same_code_twice_in_one_file(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable"], ["d-1", "Uno", "Carta", "SEMOVI"], ["d-1", "Dos", "Carta", "SEMOVI"]]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == ["Fila 3, columna “Clave”: Ya existe un acuerdo con esa clave."]
    assert Agreement.objects.count() == 0


@pytest.mark.parametrize("status", ["Publicado", "published", "En revisión"])
def test_import_refuses_a_status_other_than_draft(client, catalogue, status):
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Tipo de instrumento", "Área responsable", "Estado de publicación"], ["e-1", "Uno", "Carta", "SEMOVI", status]]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == [
        "Fila 2, columna “Estado de publicación”: Una importación sólo crea borradores; la publicación pasa "
        "por revisión. Deje la columna vacía o escriba «Borrador»."
    ]


def test_import_refuses_a_file_with_an_unknown_column(client, catalogue):
    client.force_login(factories.reviewer())
    rows = [["Clave", "Título", "Fecha firma"], ["f-1", "Uno", "2014"]]

    response = preview(client, Agreement, rows)

    assert "confirm_form" not in response.context
    [error] = response.context["result"].base_errors
    assert str(error.error).startswith("El archivo tiene columnas que no corresponden a ningún dato: “Fecha firma”.")
    assert str(error.error) in page_text(response)


def test_import_of_a_file_that_is_not_a_spreadsheet_is_refused_in_spanish(client, catalogue):
    client.force_login(factories.reviewer())
    response = client.post(
        url(Agreement, "import"),
        {"format": FORMATS["xlsx"], "resource": "0", "import_file": SimpleUploadedFile("acuerdos.xlsx", b"no soy una hoja")},
    )

    assert response.context["form"].errors["import_file"] == [
        "No se pudo leer el archivo. Compruebe que el formato elegido corresponde al archivo; "
        "un CSV debe guardarse con codificación UTF-8 («CSV UTF-8»)."
    ]


# The roles ---------------------------------------------------------------------------


def test_liaison_importing_a_row_for_another_body_gets_a_row_error_and_nothing_saved(client, catalogue):
    client.force_login(factories.liaison(catalogue["body"]))
    rows = [
        ["Clave", "Título", "Tipo de instrumento", "Área responsable"],
        ["g-1", "Propio", "Carta", ""],
        ["g-2", "Ajeno", "Carta", "SEDEMA"],
    ]

    response = preview(client, Agreement, rows)

    assert row_messages(response) == [
        "Fila 3, columna “Área responsable”: Sólo puede importar registros de su dependencia "
        "(Secretaría de Movilidad (SEMOVI))."
    ]
    assert "confirm_form" not in response.context
    assert Agreement.objects.count() == 0


def test_liaison_rows_without_a_body_are_its_own_body(client, catalogue):
    client.force_login(factories.liaison(catalogue["body"]))
    rows = [["Clave", "Título", "Tipo de instrumento"], ["h-1", "Propio", "Carta"]]

    confirm(client, Agreement, preview(client, Agreement, rows))

    assert list(Agreement.objects.values_list("code", "body")) == [("h-1", catalogue["body"].pk)]


def test_import_button_and_views_only_for_users_who_may_add_records(client, catalogue):
    client.force_login(factories.administrator())
    assert client.get(url(Agreement, "import")).status_code == 403
    assert client.get(url(Agreement, "import_template", "csv")).status_code == 403

    client.force_login(factories.liaison(catalogue["body"]))
    changelist = client.get(url(Agreement, "changelist")).content.decode()
    assert f'href=\'{url(Agreement, "import")}\'' in changelist


# Templates -----------------------------------------------------------------------


def test_import_template_csv_has_the_import_headers_only(client, catalogue):
    client.force_login(factories.liaison(catalogue["body"]))

    response = client.get(url(Position, "import_template", "csv"))

    assert response["Content-Disposition"] == 'attachment; filename="plantilla-cargos-de-direccion.csv"'
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Red,Cargo,Órgano,Titular,Desde,Hasta,Área responsable,Notas,Fuente,Texto de la fuente"
    ]


def test_import_template_xlsx_reads_back_as_the_headers(client, catalogue):
    client.force_login(factories.liaison(catalogue["body"]))

    response = client.get(url(Award, "import_template", "xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [
        "Premio o reconocimiento", "Sentido", "Categoría", "Fecha", "Otorgado por", "Otorgante según la fuente",
        "Programa o proyecto reconocido", "Descripción", "Área responsable", "Temas", "ODS", "Fuente",
        "Texto de la fuente",
    ]
    assert sheet.max_row == 1


def test_an_import_is_one_bulk_change_that_queues_one_rebuild_of_the_search_index(client, catalogue, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.force_login(factories.reviewer())
    rows = [
        AGREEMENT_HEADERS,
        ["cce-2014-moscu", "Acuerdo con Moscú", "Cooperación específica", "Moscú", "SEMOVI", "2014-11", "Vigente", "", "", "", ""],
        ["cce-2015-paris", "Acuerdo con París", "memorandum", "", "sedema", "21/03/2015", "", "", "", "", ""],
    ]

    confirm(client, Agreement, preview(client, Agreement, rows))

    assert Agreement.objects.count() == 2
    # The preview's dry run was rolled back with what it queued; the import queued one rebuild for a worker.
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == ["search.tasks.rebuild_index"]
