"""Load the records of the book «CDMX Global» (2018); running it again changes nothing."""

from django.core.management.base import BaseCommand
from django.utils.text import capfirst

from cdmx_global.bulk import bulk_change
from sourcebook.loader import LoadSummary, load_book
from sourcebook.upsert import Outcome

#: What the details say of each record, by what the load did to it.
DETAIL_HEADINGS = {
    Outcome.UPDATED: "Actualizados con los datos del libro",
    Outcome.RETIRED: "Retirados (el libro no los sostiene)",
    Outcome.KEPT: "Conservados como los dejó el personal (no se tocaron)",
}


class Command(BaseCommand):
    help = (
        "Carga los registros del libro «Ciudad de México Global» (2018), publicados y con su cita. "
        "Puede correrse las veces que sea: lo que ya está igual no se vuelve a escribir."
    )

    def handle(self, *args, **options):
        with bulk_change() as change:
            summary = load_book()
            # Even with nothing to load: a database loaded before the index
            # existed has records no save will touch again.
            change.changed = True
        self.write_summary(summary)
        self.stdout.write("Índice de búsqueda: en cola para que un trabajador lo rehaga.")

    def write_summary(self, summary: LoadSummary) -> None:
        self.stdout.write("Registros del libro «CDMX Global» (2018):")
        for model, tally in summary.tallies.items():
            self.stdout.write(
                f"  {capfirst(model._meta.verbose_name_plural)}: {tally.total} "
                f"(nuevos {tally.created}, actualizados {tally.updated}, sin cambios {tally.unchanged}, "
                f"conservados como los dejó el personal {tally.kept}"
                + (f", retirados {tally.retired})" if tally.retired else ")")
            )
        for title, counts in summary.breakdowns.items():
            self.stdout.write(f"{title}:")
            for label, count in sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))):
                self.stdout.write(f"  {label}: {count}")
        self.write_details(summary)
        if summary.changed:
            self.stdout.write(self.style.SUCCESS("Carga terminada."))
        else:
            self.stdout.write(self.style.SUCCESS("Nada que cambiar: la base ya tiene los registros del libro."))

    def write_details(self, summary: LoadSummary) -> None:
        """Each record updated (with its fields), withdrawn or left to staff."""
        for outcome, heading in DETAIL_HEADINGS.items():
            details = [written for written in summary.details if written.outcome == outcome]
            if not details:
                continue
            self.stdout.write(f"{heading}: {len(details)}")
            for written in details:
                record = written.record
                line = f"  {capfirst(record._meta.verbose_name)} «{record}»"
                if written.formerly:
                    line += f" (antes «{written.formerly}»)"
                if outcome == Outcome.UPDATED:
                    line += ": " + ", ".join(str(record._meta.get_field(name).verbose_name) for name in written.fields)
                self.stdout.write(line)
