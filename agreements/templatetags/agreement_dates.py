"""Show a record's partial date at the precision its source gives."""

from django import template

from cdmx_global.partial_dates import PartialDate

register = template.Library()


@register.filter
def partial_date(record, field: str) -> str:
    """``{{ agreement|partial_date:"signed_on" }}`` → «2014», «noviembre de 2014», «21 de noviembre de 2010»."""
    return str(PartialDate.of(record, field))
