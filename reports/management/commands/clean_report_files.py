"""``python manage.py clean_report_files [2017-2]``: delete what report builds killed midway left."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.periods import Semester
from reports.services import report_files_clean
from reports.storage import report_storage


class Command(BaseCommand):
    help = (
        "Borra los archivos de informe que ningún informe registra: los que deja una generación interrumpida "
        "(proceso terminado a la fuerza, falta de memoria, corte de luz). Nunca toca los archivos de un informe. "
        "Sin semestre revisa todos; con uno («2017-2»), sólo ese. Imprime la ruta de cada archivo borrado."
    )

    def add_arguments(self, parser):
        parser.add_argument("semester", nargs="?", help="Año y semestre, p. ej. 2017-2; sin él, todos.")

    def handle(self, *args, semester, **options):
        try:
            semester = Semester.parse(semester) if semester else None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        deleted = report_files_clean(semester)
        for name in deleted:
            self.stdout.write(report_storage.path(name))
        if deleted:
            self.stdout.write(self.style.SUCCESS(f"Archivos sin informe borrados: {len(deleted)}."))
        else:
            self.stdout.write(self.style.SUCCESS("Nada que borrar: cada archivo de informe es de un informe."))
