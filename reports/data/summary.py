"""The summary: the figures of the semester beside those of the previous one."""

from django.utils.translation import gettext as _

from .cells import table
from .records import SemesterRecords


def summary_figures(placed: SemesterRecords) -> list[tuple[str, str, int]]:
    """``(key, label, value)`` for each summary figure, in the report's order."""
    evaluable = placed.evaluable
    # The agreements registered come first, and those in force where a validity
    # is recorded beside those without validity information: where the source
    # gives no validity, a count of agreements in force says nothing alone.
    return [
        ("agreements_registered", _("Acuerdos registrados firmados hasta el cierre del semestre"), placed.registered),
        ("agreements_signed", _("Acuerdos firmados en el semestre"), placed.count("signed")),
        ("agreements_in_force", _("Acuerdos vigentes en el semestre según la información registrada"), placed.count("in_force")),
        ("agreements_unknown_validity", _("Acuerdos firmados sin información de vigencia"), placed.count("unknown_validity")),
        ("agreements_ending_soon", _("Acuerdos cuya vigencia termina el semestre siguiente"), placed.count("ending_soon")),
        ("agreements_ended", _("Acuerdos concluidos en el semestre"), placed.count("ended")),
        (
            "agreements_evaluated",
            _("Acuerdos evaluados por el Gobierno"),
            sum(1 for p in evaluable if p.agreement.pk in placed.evaluations),
        ),
        ("actions", _("Acciones realizadas"), len(placed.actions)),
        ("trips", _("Giras al extranjero"), len(placed.outgoing)),
        ("guests", _("Visitas recibidas"), len(placed.incoming)),
        ("events_hosted", _("Eventos internacionales con sede en la Ciudad"), len(placed.hosted)),
        ("events_attended", _("Participaciones en eventos en el extranjero"), len(placed.attended)),
        ("positions", _("Cargos de dirección en redes de ciudades"), len(placed.positions)),
        ("awards", _("Premios y reconocimientos recibidos"), len(placed.awards_received)),
        ("year_only", _("Registros del año conocidos sólo por año (no contados arriba)"), len(placed.year_only)),
    ]


def summary_table(current: SemesterRecords, previous: SemesterRecords) -> dict:
    before = {key: value for key, _label, value in summary_figures(previous)}
    rows = [
        {"key": key, "label": label, "value": value, "previous": before[key], "change": value - before[key]}
        for key, label, value in summary_figures(current)
    ]
    return table(
        _("Cifras del semestre"),
        [("key", _("Clave")), ("label", _("Cifra")), ("value", _("Semestre")),
         ("previous", _("Semestre anterior")), ("change", _("Cambio"))],
        rows,
    )
