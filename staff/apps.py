from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Personal y funciones")

    def ready(self):
        from .roles import sync_roles_after_migrate

        # Every migrate, including the test database's, leaves the roles as the code defines them.
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="staff.sync_roles")
