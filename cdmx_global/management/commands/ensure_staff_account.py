"""Create the first staff account with a generated password, printed once.

Never a fixed default: the password is drawn here, shown once, and only its
hash is stored. Running the command again leaves an existing account alone.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Crea la cuenta de personal inicial con una contraseña generada que se muestra una sola vez."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="cgai", help="Nombre de usuario (por omisión: cgai).")
        parser.add_argument("--email", default="", help="Correo de la cuenta.")

    @transaction.atomic
    def handle(self, *args, username: str, email: str, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"La cuenta «{username}» ya existe; su contraseña no se cambia. "
                f"Para restablecerla: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(18)
        user = User(username=username, email=email, is_staff=True, is_superuser=True)
        validate_password(password, user)
        user.set_password(password)
        user.save()
        self.stdout.write(self.style.SUCCESS(f"Cuenta de personal creada: usuario «{username}»"))
        self.stdout.write(f"Contraseña (se muestra sólo esta vez; guárdela): {password}")
