"""Production hardening: the deployment settings pass Django's deploy check,
and every kind of response carries the security headers, with a
Content-Security-Policy whose nonce is the only way a script or style runs."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from agreements.models import Agreement

ROOT = Path(__file__).resolve().parents[2]

#: What city IT sets in production (README, «Despliegue»); everything else is the default.
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "global.cdmx.gob.mx",
    "EMAIL_HOST": "smtp.cdmx.gob.mx",
    "TRUSTED_PROXY_COUNT": "1",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    base = {
        key: value for key, value in os.environ.items()
        # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE is no production setting (async.E001).
        if key not in {"DEBUG", "HTTPS", "SECURE_COOKIES", "ALLOWED_HOSTS", "SECRET_KEY", "EMAIL_HOST", "EMAIL_BACKEND",
                       "TRUSTED_PROXY_COUNT", "HSTS_SECONDS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], env={**base, **env}, cwd=ROOT, capture_output=True, text=True
    )


def test_production_settings_pass_the_deploy_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("change", "finding"),
    [
        # A local installation over plain HTTP is not a production one.
        ({"HTTPS": "0"}, "security.W008"),
        ({"HTTPS": "0"}, "security.W012"),
        ({"HSTS_SECONDS": "0"}, "security.W004"),
        # Without an SMTP server the deadline notices would only be printed.
        ({"EMAIL_HOST": ""}, "mail.E001"),
        ({"DEBUG": "1"}, "security.W018"),
    ],
)
def test_the_deploy_check_fails_when_production_is_weakened(change, finding):
    result = manage("check", "--deploy", "--fail-level", "WARNING", **{**PRODUCTION_ENV, **change})

    assert result.returncode == 1
    assert finding in result.stderr


PROBE = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "print(json.dumps({'redirect': s.SECURE_SSL_REDIRECT, 'hsts': s.SECURE_HSTS_SECONDS, "
    "'subdomains': s.SECURE_HSTS_INCLUDE_SUBDOMAINS, 'preload': s.SECURE_HSTS_PRELOAD, "
    "'session': s.SESSION_COOKIE_SECURE, 'csrf': s.CSRF_COOKIE_SECURE, "
    "'proxy': s.SECURE_PROXY_SSL_HEADER}))"
)


def settings_under(**env: str) -> dict:
    import json

    result = manage("shell", "-c", PROBE, SECRET_KEY="prueba", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_https_is_the_default_and_a_local_installation_turns_it_off():
    assert settings_under() == {
        "redirect": True, "hsts": 31536000, "subdomains": True, "preload": True,
        "session": True, "csrf": True, "proxy": None,
    }
    assert settings_under(HTTPS="0") == {
        "redirect": False, "hsts": 0, "subdomains": True, "preload": True,
        "session": False, "csrf": False, "proxy": None,
    }
    # DEBUG alone (a developer's machine) also means plain HTTP.
    assert settings_under(DEBUG="1")["redirect"] is False


def test_the_proxys_https_header_is_believed_only_behind_declared_proxies():
    assert settings_under()["proxy"] is None
    assert settings_under(TRUSTED_PROXY_COUNT="1")["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


# The headers of every kind of response


@pytest.fixture
def deployed(settings):
    """The production HTTPS settings, behind one proxy that terminates TLS."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    return Client(headers={"x-forwarded-proto": "https"})


def page_kinds(report_set) -> dict[str, tuple[str, str]]:
    """One address of each kind of response, with its content type."""
    agreement = Agreement.objects.published().order_by("pk").first()
    report = report_set.v2
    return {
        "inicio": ("/", "text/html"),
        "lista": ("/acuerdos/?kind=twinning", "text/html"),
        "ficha": (agreement.get_absolute_url(), "text/html"),
        "ficha en inglés": ("/en" + agreement.get_absolute_url(), "text/html"),
        "búsqueda": ("/buscar/?q=agua", "text/html"),
        "cronología": ("/cronologia/", "text/html"),
        "informe": (report.get_absolute_url(), "text/html"),
        "PDF del informe": (f"{report.get_absolute_url()}pdf/", "application/pdf"),
        "canal Atom": ("/informes/feed/", "application/atom+xml"),
        "API": ("/api/v1/agreements/?kind=twinning", "application/json"),
        "documentación de la API": ("/api/docs/", "text/html"),
        "descarga CSV": ("/datos/agreements.csv", "text/csv"),
        "mapa del sitio": ("/sitemap.xml", "application/xml"),
        "acceso del personal": ("/admin/login/", "text/html"),
        "página inexistente": ("/no-existe/", "text/html"),
        "salud": ("/salud/", "application/json"),
    }


NONCE = re.compile(r"'nonce-([A-Za-z0-9+/=_-]+)'")


def policy(response) -> tuple[dict[str, list[str]], str | None]:
    header = response.headers["Content-Security-Policy"]
    nonces = set(NONCE.findall(header))
    assert len(nonces) <= 1
    directives = {}
    for directive in header.split(";"):
        name, *values = NONCE.sub("'nonce'", directive).split()
        directives[name] = values
    return directives, next(iter(nonces), None)


#: Django adds the nonce to script-src and style-src only when the page used it.
EXPECTED_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


@pytest.mark.django_db
def test_every_kind_of_response_carries_the_security_headers(book, report_set, deployed):
    for kind, (path, content_type) in page_kinds(report_set).items():
        response = deployed.get(path)

        assert response.status_code == (404 if kind == "página inexistente" else 200), kind
        assert response["Content-Type"].startswith(content_type), kind
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload", kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert response["X-Frame-Options"] == "DENY", kind
        directives, nonce = policy(response)
        if nonce:
            assert directives["script-src"] == directives["style-src"] == ["'self'", "'nonce'"], kind
            directives |= {"script-src": ["'self'"], "style-src": ["'self'"]}
        assert directives == EXPECTED_POLICY, kind
        assert "unsafe" not in response["Content-Security-Policy"], kind


INLINE_CODE = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


@pytest.mark.django_db
def test_html_pages_run_only_what_carries_the_responses_nonce(book, report_set, deployed):
    """Each <script> or inline <style> bears this response's nonce; nothing
    inline runs without one (no handler attribute, no style attribute, no
    javascript: address), which the policy would block in the browser."""
    nonces = []
    for kind, (path, content_type) in page_kinds(report_set).items():
        if content_type != "text/html":
            continue
        response = deployed.get(path)
        body = response.content.decode()
        _directives, nonce = policy(response)
        if nonce:
            nonces.append(nonce)

        for tag, attributes in INLINE_CODE.findall(body):
            if tag.lower() == "script" and "src=" in attributes and "nonce=" not in attributes:
                continue  # An external script from 'self'.
            if tag.lower() == "script" and 'type="application/ld+json"' in attributes:
                continue  # A data block (schema.org JSON-LD): the browser never runs it.
            assert f'nonce="{nonce}"' in attributes, (kind, tag, attributes)
        assert not EVENT_HANDLER.search(body), kind
        assert not STYLE_ATTRIBUTE.search(body), kind
        assert "javascript:" not in body.lower(), kind
    # The pages with inline code (the admin's, the API's documentation) each got a fresh nonce.
    assert len(nonces) >= 2
    assert len(set(nonces)) == len(nonces)


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_except_the_health_probe(deployed):
    plain = Client()

    response = plain.get("/acuerdos/?kind=twinning")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/acuerdos/?kind=twinning"
    # Through the proxy, the same request is served.
    assert deployed.get("/acuerdos/?kind=twinning").status_code == 200
    # The load balancer probes over plain HTTP.
    health = plain.get("/salud/")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in health["Cache-Control"]
    # HSTS is only ever sent over HTTPS.
    assert "Strict-Transport-Security" not in health


@pytest.mark.django_db
def test_the_session_and_csrf_cookies_travel_only_over_https(deployed):
    response = deployed.get("/admin/login/")

    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
