from django.core.management.base import BaseCommand

from staff.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Crea o actualiza los grupos de las funciones del personal (enlace, revisión CGAI, administración)."

    def handle(self, *args, **options):
        sync_roles()
        for role in ROLES:
            self.stdout.write(f"{role.group_name}: {len(role.permissions)} permisos")
