"""Building a report and moving it through its lifecycle: its files and
hashes, their freezing on delivery, corrections as new versions, the annexes
holding the report's tables, and the ``build_report`` command."""

import csv
import datetime
import hashlib
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from agreements.models import Agreement
from cdmx_global.spreadsheets import escape_formula
from reports import exporters
from reports.exporters import ANNEX_TABLES
from reports.models import Report, ReportFile, ReportStatus
from evaluations.periods import Semester
from reports.services import (
    report_approve,
    report_build,
    report_deliver,
    report_publish,
    report_return_to_draft,
)

from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

S2017_2 = Semester(2017, 2)
FORMATS = ["csv", "html", "json", "pdf", "xlsx"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def evaluated(db):
    agreement = factories.AgreementFactory(
        code="cce-prueba", title="Convenio con Lyon", published=True, validity="in_force",
        **partial_date("signed_on", 2016, 5, 10), **partial_date("valid_until", 2019),
    )
    factories.AgreementEvaluationFactory(agreement=agreement, year=2017, half=2)
    return agreement


def stored_bytes(report: Report) -> dict[str, bytes]:
    return {f.format: Path(f.file.path).read_bytes() for f in report.files.all()}


def delivered(report: Report) -> Report:
    report_approve(report=report)
    return report_deliver(report=report, delivered_on=datetime.date.today(), delivery_reference="CGAI/123/2018")


def test_a_build_writes_every_format_with_its_sha256(evaluated):
    report = report_build(semester=S2017_2)

    assert (report.year, report.half, report.version, report.status) == (2017, 2, 1, ReportStatus.DRAFT)
    files = {f.format: f for f in report.files.all()}
    assert sorted(files) == FORMATS
    for report_file in files.values():
        content = Path(report_file.file.path).read_bytes()
        assert report_file.sha256 == hashlib.sha256(content).hexdigest()
        assert report_file.size == len(content)
    assert files["pdf"].filename == "informe-2017-2-v1.pdf"
    assert files["csv"].filename == "informe-2017-2-v1.csv.zip"
    assert report.content["meta"]["semester"] == "2017-2"


def test_rebuilding_a_draft_replaces_its_files(evaluated, django_capture_on_commit_callbacks):
    first = report_build(semester=S2017_2)
    old_paths = [Path(f.file.path) for f in first.files.all()]

    with django_capture_on_commit_callbacks(execute=True):
        second = report_build(semester=S2017_2, now=first.built_at + datetime.timedelta(seconds=5))

    assert second.pk == first.pk
    assert Report.objects.count() == 1
    assert ReportFile.objects.count() == 5
    assert not any(path.exists() for path in old_paths)


def test_an_approved_report_returns_to_draft_when_rebuilt(evaluated):
    report_approve(report=report_build(semester=S2017_2))

    assert report_build(semester=S2017_2).status == ReportStatus.DRAFT


def test_the_lifecycle_moves_one_step_at_a_time(evaluated):
    report = report_build(semester=S2017_2)

    with pytest.raises(ValidationError, match="Sólo se entrega al Congreso un informe aprobado."):
        report_deliver(report=report, delivered_on=datetime.date.today(), delivery_reference="CGAI/1/2018")
    with pytest.raises(ValidationError, match="Sólo se publica un informe ya entregado al Congreso."):
        report_publish(report=report)
    report = report_approve(report=report)
    report = report_return_to_draft(report=report)
    report = report_approve(report=report)
    with pytest.raises(ValidationError) as refused:
        report_deliver(report=report, delivered_on=datetime.date.today(), delivery_reference="  ")
    assert refused.value.message_dict == {"delivery_reference": ["Indique el número del oficio de entrega."]}
    assert Report.objects.get().status == ReportStatus.APPROVED
    report = report_deliver(report=report, delivered_on=datetime.date.today(), delivery_reference="CGAI/123/2018")
    report = report_publish(report=report)

    report.refresh_from_db()
    assert (report.status, report.delivery_reference) == (ReportStatus.PUBLISHED, "CGAI/123/2018")
    assert report.published_at is not None


def test_a_delivery_date_in_the_future_is_refused(evaluated):
    report = report_approve(report=report_build(semester=S2017_2))

    with pytest.raises(ValidationError) as refused:
        report_deliver(report=report, delivered_on=datetime.date.today() + datetime.timedelta(days=1), delivery_reference="X")

    assert refused.value.message_dict == {"delivered_on": ["La fecha de entrega no puede estar en el futuro."]}


def test_after_delivery_the_files_never_change_whatever_the_records_do(evaluated):
    report = delivered(report_build(semester=S2017_2))
    before = stored_bytes(report)
    hashes = {f.format: f.sha256 for f in report.files.all()}

    Agreement.objects.filter(pk=evaluated.pk).update(title="Convenio con Lyon (título corregido)")
    factories.AgreementFactory(published=True, validity="in_force", **partial_date("signed_on", 2017, 9, 1))
    with pytest.raises(ValidationError) as refused:
        report_build(semester=S2017_2)
    report_publish(report=report)

    assert "ya se entregó al Congreso y no cambia" in refused.value.message_dict["correction_note"][0]
    assert stored_bytes(report) == before
    assert {name: hashlib.sha256(content).hexdigest() for name, content in stored_bytes(report).items()} == hashes
    report.refresh_from_db()
    assert "Convenio con Lyon (título corregido)" not in json.dumps(report.content, ensure_ascii=False)


def test_a_correction_is_a_new_version_linking_the_one_it_corrects(evaluated):
    first = delivered(report_build(semester=S2017_2))
    before = stored_bytes(first)
    Agreement.objects.filter(pk=evaluated.pk).update(title="Convenio con Lyon (título corregido)")

    second = report_build(semester=S2017_2, correction_note="Corrige el título del convenio con Lyon.")

    assert (second.version, second.corrects, second.correction_note) == (
        2, first, "Corrige el título del convenio con Lyon."
    )
    assert second.content["meta"]["corrects"] == {
        "version": 1, "delivered_on": datetime.date.today().isoformat(), "delivery_reference": "CGAI/123/2018",
    }
    assert second.files.get(format="pdf").filename == "informe-2017-2-v2.pdf"
    assert "Convenio con Lyon (título corregido)" in json.dumps(second.content, ensure_ascii=False)
    assert stored_bytes(first) == before
    assert first.corrected_by == second


def test_a_correction_note_on_a_first_draft_is_refused(evaluated):
    report_build(semester=S2017_2)

    with pytest.raises(ValidationError) as refused:
        report_build(semester=S2017_2, correction_note="Nada que corregir.")

    assert refused.value.message_dict == {
        "correction_note": ["Sólo una nueva versión de un informe entregado lleva nota de corrección."]
    }


def test_a_build_that_fails_midway_leaves_no_report_and_no_file(evaluated, media_root, monkeypatch):
    def broken(self, data):
        raise RuntimeError("disco lleno")

    monkeypatch.setattr(exporters.XlsxExporter, "render", broken)
    with pytest.raises(RuntimeError):
        report_build(semester=S2017_2)

    assert Report.objects.count() == ReportFile.objects.count() == 0
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def test_a_failure_while_saving_files_removes_those_already_written(evaluated, media_root, monkeypatch):
    original = ReportFile.save

    def fail_on_xlsx(self, *args, **kwargs):
        if self.format == "xlsx":
            raise OSError("sin espacio")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ReportFile, "save", fail_on_xlsx)
    with pytest.raises(OSError):
        report_build(semester=S2017_2)

    assert Report.objects.count() == ReportFile.objects.count() == 0
    assert not [path for path in media_root.rglob("*") if path.is_file()]


# The annexes hold the report's tables -----------------------------------------------------


@pytest.fixture
def built(evaluated):
    factories.VisitFactory(published=True, title="=HYPERLINK(\"x\")", **partial_date("start_on", 2017, 10))
    return report_build(semester=S2017_2)


def _cells(table: dict) -> list[list[str]]:
    keys = [key for key, _heading in table["columns"]]
    return [[str(row[key]) if row[key] is not None else "" for key in keys] for row in table["rows"]]


def test_the_csv_annex_holds_every_table_row_for_row(built):
    archive = zipfile.ZipFile(built.files.get(format="csv").file.path)

    assert archive.namelist() == [f"{name}.csv" for _key, name in ANNEX_TABLES]
    for key, name in ANNEX_TABLES:
        table = built.content["tables"][key]
        rows = list(csv.reader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8-sig"))))
        assert rows[0] == [heading for _key, heading in table["columns"]]
        expected = [[escape_formula(cell) for cell in row] for row in _cells(table)]
        assert rows[1:] == expected
    visits = list(csv.reader(io.StringIO(archive.read("visitas.csv").decode("utf-8-sig"))))
    assert visits[1][1] == "'=HYPERLINK(\"x\")"


def test_the_xlsx_annex_has_one_sheet_per_table_with_the_same_rows(built):
    workbook = openpyxl.load_workbook(built.files.get(format="xlsx").file.path)

    assert workbook.sheetnames == [name for _key, name in ANNEX_TABLES]
    for key, name in ANNEX_TABLES:
        table = built.content["tables"][key]
        rows = [["" if cell is None else str(cell) for cell in row] for row in workbook[name].iter_rows(values_only=True)]
        assert rows[0] == [heading for _key, heading in table["columns"]]
        assert rows[1:] == [[escape_formula(cell) for cell in row] for row in _cells(table)]


def test_the_json_annex_is_the_report_data(built):
    assert json.loads(Path(built.files.get(format="json").file.path).read_bytes()) == built.content


# The command -----------------------------------------------------------------------------


def test_build_report_prints_the_path_of_each_file_it_wrote(evaluated):
    out = io.StringIO()

    call_command("build_report", "2017-2", stdout=out)

    report = Report.objects.get()
    paths = out.getvalue().splitlines()
    assert paths == [f.file.path for f in report.files.order_by("format")]
    assert [Path(path).name for path in paths] == [
        "informe-2017-2-v1.csv.zip", "informe-2017-2-v1.html", "informe-2017-2-v1.json",
        "informe-2017-2-v1.pdf", "informe-2017-2-v1.xlsx",
    ]
    assert report.status == ReportStatus.DRAFT


@pytest.mark.parametrize("label", ["2017-3", "2017", "17-2", "dos mil"])
def test_build_report_refuses_a_label_that_is_not_a_semester(db, label):
    with pytest.raises(CommandError, match=f"«{label}» no es un semestre: escriba el año y luego 1"):
        call_command("build_report", label)

    assert not Report.objects.exists()


def test_build_report_of_a_delivered_semester_needs_a_correction_note(evaluated):
    delivered(report_build(semester=S2017_2))

    with pytest.raises(CommandError, match="ya se entregó al Congreso y no cambia"):
        call_command("build_report", "2017-2", stdout=io.StringIO())
    call_command("build_report", "2017-2", "--corrige", "Corrige una cifra.", stdout=io.StringIO())

    assert list(Report.objects.order_by("version").values_list("version", "status")) == [
        (1, "delivered"), (2, "draft"),
    ]
