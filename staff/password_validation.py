"""Password rules beyond Django's own."""

import unicodedata

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# What someone guessing passwords for this portal tries first, besides
# Django's list (which already holds "contrasena", "mexico", "teamo"…).
PORTAL_WORDS = frozenset(
    {
        "administrador",
        "bienvenido",
        "cdmx",
        "cdmxglobal",
        "cgai",
        "ciudaddemexico",
        "clave",
        "gobierno",
        "gobiernocdmx",
        "usuario",
    }
)
# Django's list also holds one- to three-letter entries ("a", "abc"); a random
# password with a few letters among digits must not match one of them.
MIN_WORD_LENGTH = 4


def letters_only(password: str) -> str:
    """The password's letters, lowercased and without accents: "Contraseña-2024!" → "contrasena"."""
    decomposed = unicodedata.normalize("NFKD", password.lower())
    return "".join(char for char in decomposed if char.isalpha() and char.isascii())


class CommonWordVariantValidator(CommonPasswordValidator):
    """Refuse a common word with only digits and symbols added.

    Django's validator matches its list exactly, so "contraseña123" or
    "Mexico2024!!" pass it although they are the first guesses anyone makes.
    """

    def validate(self, password, user=None):
        if password.lower().strip() in self.passwords:
            return  # Django's own validator already says it is common.
        core = letters_only(password)
        if len(core) >= MIN_WORD_LENGTH and (core in self.passwords or core in PORTAL_WORDS):
            raise ValidationError(
                _("Esta contraseña es una palabra común con números o signos añadidos."),
                code="password_too_common",
            )

    def get_help_text(self):
        return _("Su contraseña no puede ser una palabra común a la que sólo se añaden números o signos.")
