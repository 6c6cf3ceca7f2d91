"""Template filters of the counterpart, country and timeline pages."""

from django import template

from cdmx_global.partial_dates import PartialDate

register = template.Library()


@register.filter
def partial_date(record, field: str) -> str:
    """``record``'s partial date ``field`` at its precision: «2014», «noviembre de 2014»…"""
    return str(PartialDate.of(record, field))
