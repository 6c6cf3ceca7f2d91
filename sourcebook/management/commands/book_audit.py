"""Write ``sourcebook/AUDIT.md`` from the audit's tables (``sourcebook/audit/*.csv``)."""

from django.core.management.base import BaseCommand, CommandError

from sourcebook.audit import MARKDOWN, render


class Command(BaseCommand):
    help = (
        "Escribe sourcebook/AUDIT.md a partir de las tablas de la auditoría del libro "
        "(sourcebook/audit/*.csv). Con --check sólo dice si está al día."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="No escribe: falla si AUDIT.md no está al día.")

    def handle(self, *args, check: bool = False, **options):
        text = render() + "\n"
        current = MARKDOWN.read_text(encoding="utf-8") if MARKDOWN.exists() else ""
        if check:
            if current != text:
                raise CommandError("sourcebook/AUDIT.md no está al día: corra «manage.py book_audit».")
            self.stdout.write("sourcebook/AUDIT.md está al día.")
            return
        MARKDOWN.write_text(text, encoding="utf-8")
        self.stdout.write(f"Escrito {MARKDOWN.name}.")
