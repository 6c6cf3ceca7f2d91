"""Settings come from the environment; with nothing set the portal runs on SQLite."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST', ''), "
    "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, 'language': settings.LANGUAGE_CODE, "
    "'languages': [code for code, _ in settings.LANGUAGES], 'tz': settings.TIME_ZONE, "
    "'secret': settings.SECRET_KEY}))"
)


def settings_with(tmp_path, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "ALLOWED_HOSTS", "SECRET_KEY"}}
    base["DJANGO_SETTINGS_MODULE"] = "config.settings"
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env={**base, **env}, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_sqlite_spanish_mexico_city_and_no_debug(tmp_path):
    values = settings_with(tmp_path, SECRET_KEY="prueba")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].endswith("db/cdmx_global.sqlite3")
    assert values["debug"] is False
    assert values["language"] == "es-mx"
    assert values["languages"] == ["es-mx", "en"]
    assert values["tz"] == "America/Mexico_City"
    assert values["secret"] == "prueba"


def test_environment_switches_database_debug_and_hosts(tmp_path):
    values = settings_with(
        tmp_path,
        SECRET_KEY="prueba",
        DATABASE_URL="postgres://portal@db.example:5432/cdmx",
        DEBUG="1",
        ALLOWED_HOSTS="cdmx.example, www.cdmx.example",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"]) == ("cdmx", "db.example")
    assert values["debug"] is True
    assert values["hosts"] == ["cdmx.example", "www.cdmx.example"]


@pytest.mark.parametrize("value", ["0", "false", "no", ""])
def test_debug_stays_off_unless_asked_for(tmp_path, value):
    assert settings_with(tmp_path, SECRET_KEY="prueba", DEBUG=value)["debug"] is False


def test_no_secret_is_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert "db/.secret_key" not in tracked
    assert not any(name.endswith((".sqlite3", ".env")) for name in tracked)
    settings_source = (ROOT / "config" / "settings.py").read_text()
    assert "django-insecure" not in settings_source
