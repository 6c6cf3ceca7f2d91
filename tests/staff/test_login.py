"""Login protection: lockout with a cool-off (django-axes) through the real admin
login form, strong passwords in the admin's forms, secure session cookies, and
one log line per authentication event."""

import datetime
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.management import call_command
from django.test import Client, RequestFactory

from config import settings as project_settings
from staff.lockout import client_ip
from staff.signals import client_pseudonym
from staff.password_validation import letters_only

from tests.support.factories import GovernmentBodyFactory, UserFactory, administrator, liaison, reviewer

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
ANA = "ana.lopez"
PASSWORD = "contraseña-de-prueba"  # what UserFactory gives every user
WRONG = "no-es-la-contraseña"
HOME = "203.0.113.10"
ELSEWHERE = "198.51.100.20"
# 10:00 in Mexico City; the lockout page shows times there.
START = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("America/Mexico_City"))
LOCKOUT_TEXT = "Hubo demasiados intentos fallidos de iniciar sesión desde esta conexión"


def attempt(username, password, ip=HOME, client=None, **headers):
    """One try at the admin login form, as a browser at ``ip`` makes it."""
    client = client or Client()
    return client.post(LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip, **headers)


def logged_in(response) -> bool:
    return response.status_code == 302 and response.url == "/admin/" and SESSION_KEY in response.client.session


def fail(times, username=ANA, ip=HOME, **headers):
    return [attempt(username, WRONG, ip, **headers) for _ in range(times)]


@pytest.fixture
def ana():
    return UserFactory(username=ANA)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


# Lockout


def test_right_password_after_one_failure_less_than_the_limit_logs_in(ana):
    responses = fail(4)

    assert [r.status_code for r in responses] == [200] * 4
    assert [r.context["form"].non_field_errors().as_data()[0].code for r in responses] == ["invalid_login"] * 4
    assert logged_in(attempt(ANA, PASSWORD))


def test_successful_login_clears_the_persons_failures(ana):
    fail(4)
    assert logged_in(attempt(ANA, PASSWORD))

    fail(4)

    assert logged_in(attempt(ANA, PASSWORD))


def test_limit_failures_lock_out_even_the_right_password_with_a_spanish_page(ana, now):
    *_before, fifth = fail(5)
    refused = attempt(ANA, PASSWORD)

    for response in (fifth, refused):
        assert response.status_code == 429
        assert response["Retry-After"] == "900"
        page = response.content.decode()
        assert LOCKOUT_TEXT in page
        assert "queda bloqueado durante 15 minutos" in page
        assert "Podrá intentarlo de nuevo a partir de las 10:15" in page
        assert "<title>Acceso bloqueado temporalmente | CDMX Global</title>" in page
        assert ANA not in page
        assert "Traceback" not in page
    assert SESSION_KEY not in refused.client.session


def without_nonces(content: bytes) -> bytes:
    return re.sub(rb' nonce="[^"]+"', b"", content)


def test_lockout_page_does_not_tell_whether_the_username_exists(ana, now):
    *_, known = fail(5, username=ANA)
    *_, unknown = fail(5, username="nadie", ip=ELSEWHERE)

    assert unknown.status_code == known.status_code == 429
    # Only the per-response CSP nonce may differ.
    assert without_nonces(unknown.content) == without_nonces(known.content)


def test_login_works_again_after_the_cool_off_which_each_try_restarts(ana, now):
    fail(5)
    now.shift(datetime.timedelta(minutes=10))
    assert "a partir de las 10:25" in attempt(ANA, PASSWORD).content.decode()

    now.shift(datetime.timedelta(minutes=15, seconds=1))

    assert logged_in(attempt(ANA, PASSWORD))


@pytest.mark.parametrize(
    ("username", "ip"),
    [(ANA, ELSEWHERE), ("beatriz", ELSEWHERE), ("beatriz", HOME)],
    ids=["same-person-elsewhere", "other-person-elsewhere", "colleague-at-the-same-address"],
)
def test_a_lockout_leaves_other_people_and_addresses_free(ana, username, ip):
    UserFactory(username="beatriz")
    fail(5)
    assert attempt(ANA, PASSWORD).status_code == 429

    assert logged_in(attempt(username, PASSWORD, ip))


def test_many_usernames_from_one_address_lock_the_address(ana):
    for n in range(29):
        attempt(f"persona-inventada-{n}", WRONG)
    assert logged_in(attempt(ANA, PASSWORD))

    assert attempt("persona-inventada-29", WRONG).status_code == 429

    assert attempt(ANA, PASSWORD).status_code == 429
    assert logged_in(attempt(ANA, PASSWORD, ELSEWHERE))


def test_a_forged_forwarded_for_does_not_escape_the_lockout(ana):
    fail(5)

    assert attempt(ANA, PASSWORD, HTTP_X_FORWARDED_FOR=ELSEWHERE).status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_apart(ana, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    fail(5, ip=proxy, HTTP_X_FORWARDED_FOR=HOME)
    assert attempt(ANA, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=HOME).status_code == 429

    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [HOME]
    assert logged_in(attempt(ANA, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=ELSEWHERE))


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, None, "192.0.2.1"),
        (0, "203.0.113.10", "192.0.2.1"),
        (1, "203.0.113.10", "203.0.113.10"),
        (1, "6.6.6.6, 203.0.113.10", "203.0.113.10"),
        (2, "6.6.6.6, 203.0.113.10, 10.0.0.1", "203.0.113.10"),
        (2, "203.0.113.10", "192.0.2.1"),
        (1, "not-an-address", "192.0.2.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_believes_only_the_trusted_proxies(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", **headers)

    assert client_ip(request) == expected


def test_no_proxy_is_trusted_by_default():
    assert project_settings.TRUSTED_PROXY_COUNT == 0


def test_axes_reset_command_unlocks(ana):
    fail(5)
    assert attempt(ANA, PASSWORD).status_code == 429

    call_command("axes_reset", stdout=open(os.devnull, "w"))

    assert logged_in(attempt(ANA, PASSWORD))


@pytest.mark.parametrize(
    ("make_user", "status"),
    [
        (lambda: UserFactory(superuser=True), 200),
        (administrator, 200),
        (lambda: liaison(GovernmentBodyFactory()), 403),
        (reviewer, 403),
    ],
    ids=["superuser", "administrator", "liaison", "reviewer"],
)
def test_login_attempts_in_the_admin_only_for_administrators(ana, make_user, status):
    fail(1)
    client = Client()
    client.force_login(make_user())

    response = client.get("/admin/axes/accessattempt/")

    assert response.status_code == status
    if status == 200:
        assert [attempt.username for attempt in response.context["cl"].result_list] == [ANA]


def test_failed_attempts_keep_no_password(ana):
    fail(2)

    stored = AccessAttempt.objects.get()
    assert stored.failures_since_start == 2
    assert WRONG not in stored.post_data
    assert "password=********************" in stored.post_data


# Authentication events in the log


def auth_lines(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "staff.auth"]


HOME_CLIENT = client_pseudonym(HOME)
ELSEWHERE_CLIENT = client_pseudonym(ELSEWHERE)


def test_each_authentication_event_is_logged_with_the_account_and_a_pseudonym_of_the_address(ana, caplog):
    caplog.set_level(logging.INFO, logger="staff.auth")
    client = Client()

    attempt(ANA, WRONG, client=client)
    attempt(ANA, PASSWORD, client=client)
    client.post("/admin/logout/", REMOTE_ADDR=HOME)
    fail(5, username="nadie", ip=ELSEWHERE)

    assert auth_lines(caplog) == [
        f"login_failed username='ana.lopez' client={HOME_CLIENT}",
        f"login username='ana.lopez' client={HOME_CLIENT}",
        f"logout username='ana.lopez' client={HOME_CLIENT}",
        # «nadie» is no account's username: what was typed is not logged.
        *[f"login_failed username=None client={ELSEWHERE_CLIENT}"] * 4,
        # Axes hears of the fifth failure first, and locks out while handling it.
        f"lockout username=None client={ELSEWHERE_CLIENT}",
        f"login_failed username=None client={ELSEWHERE_CLIENT}",
    ]


def test_the_address_pseudonym_is_stable_keyed_and_not_the_address(settings):
    assert re.fullmatch(r"[0-9a-f]{12}", HOME_CLIENT)
    assert client_pseudonym(HOME) == HOME_CLIENT != ELSEWHERE_CLIENT
    settings.SECRET_KEY = "otra-clave-de-otra-instalacion"
    assert client_pseudonym(HOME) != HOME_CLIENT


def test_a_password_typed_as_the_username_is_not_logged(ana, caplog):
    caplog.set_level(logging.DEBUG)

    attempt(PASSWORD, PASSWORD)

    assert auth_lines(caplog) == [f"login_failed username=None client={HOME_CLIENT}"]
    assert PASSWORD not in caplog.text


def test_a_requested_address_cannot_forge_a_log_line(caplog):
    caplog.set_level(logging.INFO, logger="staff.auth")
    client = Client()
    client.force_login(liaison(username="ana.lopez"))
    caplog.clear()

    client.get("/admin/auth/user/x' status=200 client='0/change/", REMOTE_ADDR=HOME)

    # The path is quoted as a whole: what it holds can't pass for another field.
    assert auth_lines(caplog) == [
        "refused username='ana.lopez' method='GET' path=\"/admin/auth/user/x' status=200 client='0/change/\" "
        f"status=403 client={HOME_CLIENT}"
    ]


def test_no_log_line_holds_a_secret_or_the_address(ana, caplog):
    caplog.set_level(logging.DEBUG)
    client = Client()

    fail(5)
    attempt(ANA, PASSWORD, ip=ELSEWHERE, client=client)
    session_key = client.session.session_key
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_token = csrf_client.get(LOGIN_URL).cookies["csrftoken"].value
    csrf_client.post(LOGIN_URL, {"username": ANA, "password": WRONG}, REMOTE_ADDR=HOME)
    client.post("/admin/logout/", REMOTE_ADDR=ELSEWHERE)

    assert auth_lines(caplog)
    for secret in (WRONG, PASSWORD, session_key, csrf_token, HOME, ELSEWHERE):
        assert secret not in caplog.text
        assert not any(secret in str(record.__dict__) for record in caplog.records)


# Refused authorisations in the log


def test_a_role_refused_by_the_admin_is_logged_with_who_and_what(caplog):
    caplog.set_level(logging.INFO, logger="staff.auth")
    body = GovernmentBodyFactory()
    enlace = liaison(body, username="enlace.sedeco")
    client = Client()
    client.force_login(enlace)
    caplog.clear()

    response = client.get("/admin/auth/user/?q=ana", REMOTE_ADDR=HOME)

    assert response.status_code == 403
    assert auth_lines(caplog) == [
        f"refused username='enlace.sedeco' method='GET' path='/admin/auth/user/' status=403 client={HOME_CLIENT}"
    ]


def test_a_failed_csrf_check_is_logged_as_refused(caplog):
    caplog.set_level(logging.INFO, logger="staff.auth")

    response = Client(enforce_csrf_checks=True).post(LOGIN_URL, {"username": ANA, "password": WRONG}, REMOTE_ADDR=HOME)

    assert response.status_code == 403
    assert auth_lines(caplog) == [
        f"refused username=None method='POST' path='/admin/login/' status=403 client={HOME_CLIENT}"
    ]


def test_a_review_step_the_role_may_not_take_is_logged_for_each_record(caplog):
    from agreements.models import Agreement
    from cdmx_global.services import PUBLISH, records_transition

    from tests.support.factories import AgreementFactory

    caplog.set_level(logging.INFO, logger="staff.auth")
    body = GovernmentBodyFactory()
    enlace = liaison(body, username="enlace.sedeco")
    agreement = AgreementFactory(body=body, review=True)

    done, refused = records_transition(records=Agreement.objects.filter(pk=agreement.pk), user=enlace, transition=PUBLISH)

    assert (done, [record for record, _why in refused]) == ([], [agreement])
    assert auth_lines(caplog) == [
        f"refused username='enlace.sedeco' action='publish' record='agreements.agreement:{agreement.pk}' client=None"
    ]


def test_log_lines_carry_the_time():
    formatter = logging.Formatter(project_settings.LOGGING["formatters"]["timed"]["format"])
    record = logging.makeLogRecord({"name": "staff.auth", "levelname": "INFO", "msg": "login username='ana.lopez' client=0a1b2c3d4e5f"})

    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO staff\.auth login username='ana.lopez' client=0a1b2c3d4e5f",
        formatter.format(record),
    )


# Passwords


@pytest.fixture
def superuser_client():
    client = Client()
    client.force_login(UserFactory(superuser=True))
    return client


COMMON_WORD = "Esta contraseña es una palabra común con números o signos añadidos."


@pytest.mark.parametrize(
    ("password", "errors"),
    [
        ("12345678901234", ["Esta contraseña es totalmente numérica."]),
        ("contraseña123", [COMMON_WORD]),
        ("Mexico2024!!", [COMMON_WORD]),
        ("CGAI-2026-2026", [COMMON_WORD]),
        ("password1234", ["Esta contraseña es muy común."]),
        ("corta-9!", ["La contraseña es demasiado corta. Debe contener por lo menos 12 caracteres."]),
        ("nueva.persona", ["La contraseña es muy similar a  nombre de usuario."]),
    ],
)
@pytest.mark.parametrize("form", ["add", "password"])
def test_admin_password_forms_refuse_weak_passwords_in_spanish(superuser_client, form, password, errors):
    existing = UserFactory(username="nueva.persona")
    data = {"password1": password, "password2": password, "usable_password": "true"}
    if form == "add":
        response = superuser_client.post("/admin/auth/user/add/", {**data, "username": "nueva.persona2"})
        shown = response.context["adminform"].form
    else:
        response = superuser_client.post(f"/admin/auth/user/{existing.pk}/password/", data)
        shown = response.context["form"]

    assert response.status_code == 200
    assert shown.errors["password2"] == errors
    assert get_user_model().objects.filter(username="nueva.persona2").exists() is False
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)


def test_admin_accepts_a_long_unpredictable_password(superuser_client):
    password = "caballo-correcto-batería-grapa"

    response = superuser_client.post(
        "/admin/auth/user/add/",
        {
            "username": "nueva.persona",
            "password1": password,
            "password2": password,
            "usable_password": "true",
            # The account's body, an inline left empty here.
            "staff_profile-TOTAL_FORMS": "0",
            "staff_profile-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    assert get_user_model().objects.get(username="nueva.persona").check_password(password)


@pytest.mark.parametrize(
    ("password", "letters"),
    [("Contraseña-2024!", "contrasena"), ("7#x9!2@4$8%1", "x"), ("ÁRBOL árbol", "arbolarbol")],
)
def test_letters_only_keeps_lowercase_letters_without_accents(password, letters):
    assert letters_only(password) == letters


def test_a_random_password_with_a_few_letters_is_not_taken_for_a_word():
    # "x" is on Django's list of common passwords; this password is not common.
    validate_password("7#x9!2@4$8%1")


def test_old_pbkdf2_hashes_still_log_in_and_are_rehashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user = UserFactory(username=ANA)
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save()

    assert logged_in(attempt(ANA, PASSWORD))

    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")


# Sessions and cookies


@pytest.mark.parametrize("secure", [True, False])
def test_login_cookies_are_httponly_lax_and_secure_when_asked(ana, settings, secure):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = secure
    client = Client()
    csrf = client.get(LOGIN_URL).cookies["csrftoken"]

    session = attempt(ANA, PASSWORD, client=client).cookies["sessionid"]

    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["secure"] == (True if secure else "")
    # No Max-Age or Expires: the cookie ends when the browser closes.
    assert (session["max-age"], session["expires"]) == ("", "")
    assert csrf["samesite"] == "Lax"
    assert csrf["secure"] == (True if secure else "")


ROOT = Path(__file__).resolve().parents[2]
COOKIE_PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps([settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE]))"
)


@pytest.mark.parametrize(("value", "secure"), [("1", True), ("0", False)])
def test_secure_cookies_follow_the_environment(value, secure):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "prueba", "SECURE_COOKIES": value}
    result = subprocess.run(
        [sys.executable, "-c", COOKIE_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == [secure, secure]


def test_login_gives_a_new_session_key(ana):
    client = Client()
    anonymous = client.session
    anonymous["visto"] = True
    anonymous.save()

    attempt(ANA, PASSWORD, client=client)

    assert client.cookies["sessionid"].value != anonymous.session_key
    assert SESSION_KEY in client.session


def test_staff_session_ends_eight_hours_after_login(ana, now):
    client = Client()
    attempt(ANA, PASSWORD, client=client)

    now.shift(datetime.timedelta(hours=7, minutes=59))
    assert client.get("/admin/").status_code == 200

    now.shift(datetime.timedelta(minutes=2))
    response = client.get("/admin/")
    assert (response.status_code, response.url) == (302, "/admin/login/?next=/admin/")


def test_logout_works_only_by_post(ana):
    client = Client()
    attempt(ANA, PASSWORD, client=client)

    assert client.get("/admin/logout/").status_code == 405
    assert SESSION_KEY in client.session

    client.post("/admin/logout/")

    assert SESSION_KEY not in client.session
