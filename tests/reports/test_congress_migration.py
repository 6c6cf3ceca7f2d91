"""Migration 0008: the letters of the Congress that CGAI typed before, one
row each, become one submitted evaluation of the Congress per letter, with
an entry per agreement."""

import pytest

from reports.models import ReportStatus
from tests.reports.test_congress_evaluation import ACT_DATE, make_report
from tests.support import factories

MIGRATION = ("reports", "0008_congress_evaluation_cycle")


@pytest.mark.django_db(transaction=True)
def test_migration_0008_makes_a_letter_and_its_agreements_one_submitted_evaluation_with_entries():
    """Migration 0008 alone, undone and done again over the state of its parents: the
    executor would rebuild the state of every app's migrations, half a minute."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    report = make_report(2017, 2, ReportStatus.DELIVERED, {})
    agreement = factories.AgreementFactory(published=True, code="lyon-2016", title="Convenio con Lyon")
    recorder = factories.reviewer(username="revisora")
    loader = MigrationLoader(connection)
    migration = loader.get_migration(*MIGRATION)
    before = loader.project_state([parent.key for parent in loader.graph.node_map[MIGRATION].parents])
    with connection.schema_editor() as editor:
        migration.unapply(before.clone(), editor)
    try:
        Letter = before.apps.get_model("reports", "CongressEvaluation")
        letter = {
            "report_id": report.pk, "act_number": "CCDMX/CAI/015/2018", "act_date": ACT_DATE,
            "created_by_id": recorder.pk,
        }
        whole = Letter.objects.create(**letter, assessment="Suficiente en su conjunto.", observations="Recursos.")
        Letter.objects.create(**letter, agreement_id=agreement.pk, assessment="Fortalecer.", observations="Con metas.")
    finally:
        with connection.schema_editor() as editor:
            after = migration.apply(before.clone(), editor)

    evaluations = after.apps.get_model("reports", "CongressEvaluation").objects.all()
    entries = after.apps.get_model("reports", "CongressAgreementEvaluation").objects.all()
    assert [
        (e.pk, e.status, e.act_number, e.act_date, e.assessment, e.observations, e.submitted_by_id) for e in evaluations
    ] == [(whole.pk, "submitted", "CCDMX/CAI/015/2018", ACT_DATE, "Suficiente en su conjunto.", "Recursos.", recorder.pk)]
    assert [(e.evaluation_id, e.agreement_id, e.assessment, e.observations) for e in entries] == [
        (whole.pk, agreement.pk, "Fortalecer.", "Con metas."),
    ]
