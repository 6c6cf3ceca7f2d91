"""Reports in every status: what the public side of the reports must show
(the published ones) and must not (the rest).

Building renders the PDF with WeasyPrint (a second or more each), so the set
is built once per session (per xdist worker), its rows kept in memory and its
files in a folder of their own; each module that asks gets the rows written
back inside a transaction rolled back at the module's end, and a copy of the
files in a temporary MEDIA_ROOT of its own.
"""

import datetime
from decimal import Decimal
import shutil
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings

from reports.models import CongressAgreementEvaluation, CongressEvaluation, CongressStatus, Report
from evaluations.periods import Semester
from reports.services import (
    report_approve,
    report_build,
    report_deliver,
    report_publish,
)
from tests.support import snapshots
from tests.support.factories import AgreementFactory

TZ = datetime.timezone(datetime.timedelta(hours=-6))


def moment(year, month, day, hour=10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, 0, tzinfo=TZ)


def build(label: str, built: datetime.datetime, note: str = "") -> Report:
    return report_build(semester=Semester.parse(label), correction_note=note, now=built)


def deliver(report: Report, on: datetime.date, reference: str) -> Report:
    report = report_approve(report=report)
    return report_deliver(report=report, delivered_on=on, delivery_reference=reference)


def publish(report: Report, at: datetime.datetime) -> Report:
    report = report_publish(report=report)
    # The service stamps the current time; a fixed one makes the expected values exact.
    Report.objects.filter(pk=report.pk).update(published_at=at)
    report.refresh_from_db()
    return report


@dataclass
class ReportSet:
    v1: Report  # 2017-2, version 1: published, corrected by v2
    v2: Report  # 2017-2, version 2: published, corrects v1
    first_half: Report  # 2018-1, version 1: published
    draft: Report  # 2016-2: draft
    approved: Report  # 2017-1: approved
    delivered: Report  # 2016-1: delivered to Congress, not published
    agreement: object  # the published agreement the Congress evaluated

    @property
    def published(self) -> list[Report]:
        """Newest first, as the archive lists them."""
        return [self.first_half, self.v2, self.v1]

    @property
    def unpublished(self) -> list[Report]:
        return [self.draft, self.approved, self.delivered]

    def fetched(self) -> "ReportSet":
        """The same records read again from the database."""
        return ReportSet(**{
            name: type(record).objects.get(pk=record.pk)
            for name, record in vars(self).items()
        })


def make_report_set() -> ReportSet:
    v1 = build("2017-2", moment(2018, 1, 10))
    v1 = deliver(v1, datetime.date(2018, 1, 15), "CGAI/0042/2018")
    v1 = publish(v1, moment(2018, 1, 16))
    v2 = build("2017-2", moment(2018, 2, 1), note="Corrige el número de visitas oficiales del semestre.")
    v2 = deliver(v2, datetime.date(2018, 2, 5), "CGAI/0101/2018")
    v2 = publish(v2, moment(2018, 2, 6))
    first_half = build("2018-1", moment(2018, 7, 9))
    first_half = deliver(first_half, datetime.date(2018, 7, 13), "CGAI/0300/2018")
    first_half = publish(first_half, moment(2018, 7, 14))

    draft = build("2016-2", moment(2017, 1, 10))
    approved = report_approve(report=build("2017-1", moment(2017, 7, 10)))
    delivered = deliver(build("2016-1", moment(2016, 7, 10)), datetime.date(2016, 7, 15), "CGAI/0999/2016")

    agreement = AgreementFactory(published=True, code="cce-2013-chicago-prueba", title="Acuerdo de prueba con Chicago")
    # The Congress's evaluation of v2 as its accounts submit it (reports.congress), with one agreement's entry.
    congress = CongressEvaluation.objects.create(
        report=v2, status=CongressStatus.SUBMITTED, act_number="CCDMX/CRI/015/2018",
        act_date=datetime.date(2018, 3, 20), submitted_at=moment(2018, 3, 21), score=Decimal("8.5"),
        assessment="El Congreso considera suficiente la información del informe.",
        observations="Pide detallar los recursos movilizados.",
    )
    CongressAgreementEvaluation.objects.create(
        evaluation=congress, agreement=agreement, score=Decimal("9.0"), recommendation="strengthen",
        assessment="Recomienda fortalecer el acuerdo.",
    )
    # A draft the Congress is still writing: never public.
    CongressEvaluation.objects.create(report=v2, assessment="BORRADOR DEL CONGRESO: no debe verse.")
    return ReportSet(v1, v2, first_half, draft, approved, delivered, agreement)


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")) as overridden:
        yield overridden


@pytest.fixture(scope="session")
def kept_report_set(tmp_path_factory):
    """The report set, built once over the migrations' rows with its files in a folder of their own."""
    built_media = tmp_path_factory.mktemp("report-set-media")

    def make() -> ReportSet:
        with override_settings(MEDIA_ROOT=built_media):
            return make_report_set()

    kept = snapshots.Kept(make)
    kept.media = built_media
    return kept


@pytest.fixture(scope="module")
def report_set(django_db_setup, django_db_blocker, media_root, kept_report_set):
    """Published, corrected and unpublished reports, for the whole module.
    Over anything but the migrations' rows (the book came first), they are built."""
    with django_db_blocker.unblock(), transaction.atomic():
        kept = kept_report_set.write()
        if kept:
            shutil.copytree(kept_report_set.media, settings.MEDIA_ROOT, dirs_exist_ok=True)
            reports = kept.result.fetched()
        else:
            reports = make_report_set()
        yield reports
        transaction.set_rollback(True)
