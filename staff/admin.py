"""Accounts and roles for administrators: each account's body and role, and
nothing that would let an administrator grant more than the roles hold."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin.filters import CheckedChangeListMixin

from .models import StaffProfile
from .roles import ROLES

User = get_user_model()


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    autocomplete_fields = ("body",)
    verbose_name_plural = _("dependencia")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(CheckedChangeListMixin, UserAdmin):
    inlines = [StaffProfileInline]
    list_display = ("username", "first_name", "last_name", "email", "body", "role_names", "is_active")
    list_filter = ("is_active", "groups", ("staff_profile__body", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("staff_profile__body",)
    superuser_only_fields = ("is_superuser", "user_permissions")

    @admin.display(description=_("dependencia"), ordering="staff_profile__body__name")
    def body(self, user):
        profile = getattr(user, "staff_profile", None)
        return profile.body if profile and profile.body else "—"

    @admin.display(description=_("funciones"))
    def role_names(self, user):
        return ", ".join(group.name for group in user.groups.all()) or "—"

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("groups")
        # Administrators manage staff accounts; superuser accounts are out of their reach.
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in self.superuser_only_fields]})
            for name, options in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=[role.group_name for role in ROLES])
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # An account leaves by being deactivated, so its history keeps its name.
        return request.user.is_superuser


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(CheckedChangeListMixin, GroupAdmin):
    """Roles are defined in code (staff/roles.py); here they are only read."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# django-axes' own lists (failed logins, for administrators) refuse unusable
# filter values like the portal's (a NUL in ?path_info= was a server error on PostgreSQL).
for _model, _model_admin in list(admin.site._registry.items()):
    if _model._meta.app_label == "axes":
        admin.site.unregister(_model)
        admin.site.register(_model, type(type(_model_admin).__name__, (CheckedChangeListMixin, type(_model_admin)), {}))
