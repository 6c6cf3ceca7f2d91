import io
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_staff_account_gets_a_generated_password_printed_once():
    first, second = StringIO(), StringIO()
    call_command("ensure_staff_account", stdout=first)
    password = re.search(r"Contraseña \(se muestra sólo esta vez; guárdela\): (\S+)", first.getvalue()).group(1)
    user = get_user_model().objects.get(username="cgai")
    assert user.is_staff and user.check_password(password)
    assert len(password) >= 20

    call_command("ensure_staff_account", stdout=second)
    assert "ya existe" in second.getvalue()
    assert password not in second.getvalue()
    user.refresh_from_db()
    assert user.check_password(password)


@pytest.mark.django_db
def test_two_installations_get_different_passwords():
    outputs = []
    for username in ("cgai", "cgai2"):
        out = StringIO()
        call_command("ensure_staff_account", username=username, stdout=out)
        outputs.append(re.search(r"guárdela\): (\S+)", out.getvalue()).group(1))
    assert outputs[0] != outputs[1]


@pytest.mark.django_db
def test_migrations_match_the_models():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
