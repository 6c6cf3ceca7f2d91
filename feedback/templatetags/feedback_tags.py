"""``{% report_error_link agreement %}``: the «Reportar un error» link of a
published record's page, to the form that names it."""

from django import template
from django.urls import reverse

from ..records import kind_of

register = template.Library()


@register.inclusion_tag("feedback/_report_link.html")
def report_error_link(record):
    kind = kind_of(record)
    return {"url": reverse("feedback:report", kwargs={"kind": kind, "pk": record.pk}) if kind else ""}
