"""The semiannual report to Congress (Constitución Política de la Ciudad de
México, art. 20, numeral 8): the internationalisation indicators, the reports
with their frozen files and their builds, and the Congress's evaluation of
each delivered report. The government's evaluation of each agreement is the
``evaluations`` app's."""

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
from .indicators import Dimension, Indicator, IndicatorValue

__all__ = [
    "FROZEN_STATUSES", "BuildStatus", "CongressAgreementEvaluation",
    "CongressEvaluation", "CongressStatus", "Dimension", "FileFormat",
    "Indicator", "IndicatorValue", "Report", "ReportBuild", "ReportFile", "ReportQuerySet",
    "ReportStatus", "report_file_path", "semester_folder",
]
