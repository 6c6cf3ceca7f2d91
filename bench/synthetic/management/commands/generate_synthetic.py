"""Add synthetic records, for performance benchmarks only (see ``bench.synthetic.generator``)."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst

from bench.synthetic.generator import DEFAULT_SEED, CataloguesMissing, Outcome, generate

#: The variable that must be 1: synthetic records must never reach the public record of a real installation.
GUARD = "ALLOW_SYNTHETIC_DATA"


class Command(BaseCommand):
    help = (
        "Agrega registros sintéticos para medir el rendimiento: con --scale N la base queda con unas N veces "
        "los datos del libro. Sólo para pruebas de rendimiento; exige ALLOW_SYNTHETIC_DATA=1. "
        "Correrlo otra vez con la misma escala y semilla no agrega nada."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, required=True,
            help="Veces los datos del libro con que debe quedar la base (1 = sólo el libro).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED,
            help=f"Semilla: la misma semilla da los mismos registros (predeterminada: {DEFAULT_SEED}).",
        )

    def handle(self, *args, scale: int, seed: int, **options):
        # Read here, not in settings: only this command may ever act on it.
        if os.environ.get(GUARD) != "1":
            raise CommandError(
                "Los datos sintéticos son sólo para medir el rendimiento y nunca deben llegar al registro "
                f"público de una instalación real. Para generarlos, defina {GUARD}=1 en el entorno."
            )
        if scale < 1:
            raise CommandError("La escala debe ser un número entero mayor o igual que 1.")
        if seed < 0:
            raise CommandError("La semilla debe ser un número entero mayor o igual que 0.")
        try:
            outcome = generate(scale=scale, seed=seed)
        except CataloguesMissing:
            raise CommandError("Cargue primero el libro: python manage.py load_book") from None
        self.write_summary(outcome)

    def write_summary(self, outcome: Outcome) -> None:
        self.stdout.write(f"Registros sintéticos (semilla {outcome.seed}, escala {outcome.scale}×):")
        for result in outcome.results:
            self.stdout.write(
                f"  {capfirst(result.model._meta.verbose_name_plural)}: {result.total} "
                f"(nuevos {len(result.created)}, ya estaban {result.before})"
            )
        if outcome.created:
            self.stdout.write(f"Índice de búsqueda rehecho: {outcome.indexed} registros publicados.")
            self.stdout.write(self.style.SUCCESS(f"Listo: {outcome.created} registros nuevos en {outcome.seconds:.1f} s."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Nada que agregar ({outcome.seconds:.1f} s)."))
