"""The semiannual report to Congress (Constitución Política de la Ciudad de
México, art. 20, numeral 8): the government's evaluation of each agreement,
the internationalisation indicators, the reports with their frozen files and
their builds, and the Congress's evaluation when it arrives."""

from .builds import BuildStatus, ReportBuild
from .documents import (
    FROZEN_STATUSES,
    FileFormat,
    Report,
    ReportFile,
    ReportQuerySet,
    ReportStatus,
    report_file_path,
    semester_folder,
)
from .congress import CongressAgreementEvaluation, CongressEvaluation, CongressStatus
from .evaluations import AgreementEvaluation, CommitmentProgress, EvaluationEvidence, EvaluationStatus, Recommendation
from .indicators import Dimension, Indicator, IndicatorValue

__all__ = [
    "FROZEN_STATUSES", "AgreementEvaluation", "BuildStatus", "CommitmentProgress", "CongressAgreementEvaluation",
    "CongressEvaluation", "CongressStatus", "Dimension", "EvaluationEvidence", "EvaluationStatus", "FileFormat",
    "Indicator", "IndicatorValue", "Recommendation", "Report", "ReportBuild", "ReportFile", "ReportQuerySet",
    "ReportStatus", "report_file_path", "semester_folder",
]
