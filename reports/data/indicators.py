"""The indicators of the semester and of the previous one: computed from the
placed records (``reports.indicators``) or entered by staff with their source."""

from django.utils.translation import gettext as _

from ..indicators import COMPUTATIONS
from ..models import Indicator, IndicatorValue
from .cells import number, table
from .records import SemesterRecords


def indicators_table(current: SemesterRecords, previous: SemesterRecords) -> dict:
    entered = {
        (value.indicator_id, value.year, value.half): value
        for value in IndicatorValue.objects.filter(
            year__in={current.semester.year, previous.semester.year}
        )
    }

    def value_of(indicator, placed):
        if indicator.is_computed:
            compute = COMPUTATIONS.get(indicator.computation)
            return (number(compute.function(placed)) if compute else None), _("calculado de los registros publicados")
        row = entered.get((indicator.pk, placed.semester.year, placed.semester.half))
        return (number(row.value), row.source) if row else (None, _("sin valor capturado"))

    rows = []
    for indicator in Indicator.objects.all():
        value, source = value_of(indicator, current)
        before, _source = value_of(indicator, previous)
        rows.append({
            "code": indicator.code,
            "dimension": indicator.get_dimension_display(),
            "name": indicator.name,
            "definition": indicator.definition,
            "unit": indicator.unit,
            "method": indicator.method,
            "obtained": _("Calculado") if indicator.is_computed else _("Capturado"),
            "value": value,
            "previous": before,
            "source": source,
        })
    return table(
        _("Indicadores de internacionalización"),
        [
            ("code", _("Clave")), ("dimension", _("Dimensión")), ("name", _("Indicador")),
            ("definition", _("Definición")), ("unit", _("Unidad")), ("method", _("Cómo se obtiene")),
            ("obtained", _("Obtención")), ("value", _("Valor del semestre")),
            ("previous", _("Valor del semestre anterior")), ("source", _("Fuente del valor")),
        ],
        rows,
    )
