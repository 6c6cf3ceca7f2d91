"""The deadline digest on the admin index."""

from django import template
from django.utils import timezone

from cdmx_global.access import body_of, user_sees_every_body

from ..deadlines import collect_deadlines
from ..partial_dates import DatePrecision, format_partial_date

register = template.Library()


@register.inclusion_tag("admin/deadline_digest.html", takes_context=True)
def deadline_digest(context):
    """The staff member's deadlines, or nothing for someone who keeps no records
    (an administrator of users and catalogues would only ever read «Nada pendiente»)."""
    user = context["request"].user
    if not (user_sees_every_body(user) or body_of(user) is not None):
        return {"digest": None}
    today = timezone.localdate()
    return {
        "digest": collect_deadlines(user=user, today=today),
        "today": format_partial_date(today, DatePrecision.DAY),
    }
