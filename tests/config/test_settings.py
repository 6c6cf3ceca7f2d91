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


CACHES_PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({alias: [c['BACKEND'], c.get('LOCATION'), c.get('KEY_PREFIX', ''), c.get('TIMEOUT'), "
    "c.get('OPTIONS')] for alias, c in settings.CACHES.items()}))"
)


@pytest.mark.parametrize("redis_url", ["", "redis://cache.interno:6379/2"])
def test_redis_url_moves_both_caches_to_redis_with_their_own_prefixes_and_short_timeouts(redis_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "PAGE_CACHE_"))}
    result = subprocess.run(
        [sys.executable, "-c", CACHES_PROBE],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "prueba", "REDIS_URL": redis_url},
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    caches = json.loads(result.stdout.strip().splitlines()[-1])
    if not redis_url:
        assert caches == {
            "default": ["django.core.cache.backends.locmem.LocMemCache", None, "", None, None],
            "pages": ["django.core.cache.backends.locmem.LocMemCache", "pages", "", None, {"MAX_ENTRIES": 2000}],
        }
        return
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    backend = "cdmx_global.rediscache.ResilientRedisCache"
    assert caches == {
        "default": [backend, redis_url, "cdmx:limits", 3600, options],
        "pages": [backend, redis_url, "cdmx:pages", 300, options],
    }
