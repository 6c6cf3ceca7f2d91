"""Administrators see how many follow what, never who: the subscriptions'
admin shows counts only, with no list, no record page and no export."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .models import Frequency, Language, Subscription, TargetKind


def subscription_counts() -> dict:
    """Totals by state, by what is followed, by frequency and by language (one query)."""
    rows = Subscription.objects.values("target", "frequency", "language").annotate(
        confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
        pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
    ).order_by()
    rows = list(rows)

    def total(field, choices):
        return [
            (label, sum(row["confirmed"] for row in rows if row[field] == value),
             sum(row["pending"] for row in rows if row[field] == value))
            for value, label in choices
        ]

    return {
        "confirmed": sum(row["confirmed"] for row in rows),
        "pending": sum(row["pending"] for row in rows),
        "by_target": total("target", TargetKind.choices),
        "by_frequency": total("frequency", Frequency.choices),
        "by_language": total("language", Language.choices),
    }


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # The counts, never one subscription.
        return obj is None and super().has_view_permission(request)

    def get_actions(self, request):
        return {}

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Suscripciones por correo: cuántas hay"),
            "opts": self.model._meta,
            "counts": subscription_counts(),
        }
        return TemplateResponse(request, "admin/following/subscription_counts.html", context)
