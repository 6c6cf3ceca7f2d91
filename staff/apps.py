from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Personal y funciones")

    def ready(self):
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from cdmx_global.signals import transition_refused

        from . import signals
        from .roles import sync_roles_after_migrate

        # Every migrate, including the test database's, leaves the roles as the code defines them.
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="staff.sync_roles")

        user_logged_in.connect(signals.log_login, dispatch_uid="staff.log_login")
        user_logged_out.connect(signals.log_logout, dispatch_uid="staff.log_logout")
        user_login_failed.connect(signals.log_login_failed, dispatch_uid="staff.log_login_failed")
        user_locked_out.connect(signals.log_lockout, dispatch_uid="staff.log_lockout")
        transition_refused.connect(signals.log_refused_step, dispatch_uid="staff.log_refused_step")
