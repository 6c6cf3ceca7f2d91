"""The translations waiting for a reviewer, on the admin index."""

from django import template
from django.apps import apps
from django.contrib import admin
from django.utils.text import capfirst

from ..access import body_of, records_for_user, user_sees_every_body
from ..admin.translations import waiting_translations, waiting_translations_url
from ..models import Record

register = template.Library()


@register.inclusion_tag("admin/translation_digest.html", takes_context=True)
def translation_digest(context):
    """Per kind of record, the published ones whose English text is a draft waiting for
    review or was reviewed before the latest change to the Spanish text: for a liaison,
    its own body's; nothing for someone who keeps no records."""
    request = context["request"]
    user = request.user
    if not (user_sees_every_body(user) or body_of(user) is not None):
        return {"kinds": None}
    kinds = []
    for model in apps.get_models():
        if not issubclass(model, Record) or not admin.site.is_registered(model):
            continue
        if not admin.site.get_model_admin(model).has_view_permission(request):
            continue
        counts = waiting_translations(records_for_user(user=user, queryset=model._default_manager.all()))
        if counts["draft"] or counts["outdated"]:
            kinds.append(
                {
                    "name": capfirst(model._meta.verbose_name_plural),
                    "draft": counts["draft"],
                    "draft_url": waiting_translations_url(model, "draft"),
                    "outdated": counts["outdated"],
                    "outdated_url": waiting_translations_url(model, "outdated"),
                }
            )
    return {"kinds": kinds}
