"""``python manage.py build_report 2017-2``: build a semester's report as a draft."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.periods import Semester
from reports.services import report_build


class Command(BaseCommand):
    help = (
        "Genera como borrador el informe semestral de un semestre (año, guion y 1 o 2: «2017-2») "
        "e imprime la ruta de cada archivo escrito."
    )

    def add_arguments(self, parser):
        parser.add_argument("semester", help="Año y semestre, p. ej. 2017-2 (julio–diciembre de 2017).")
        parser.add_argument(
            "--corrige", dest="correction_note", default="",
            help="Para un informe ya entregado: qué corrige la nueva versión.",
        )

    def handle(self, *args, semester, correction_note, **options):
        try:
            report = report_build(semester=Semester.parse(semester), correction_note=correction_note)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        for report_file in report.files.order_by("format"):
            self.stdout.write(report_file.file.path)
