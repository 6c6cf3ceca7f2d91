"""The staff's admin in a real browser, under the production
Content-Security-Policy: logging in, the lists, an agreement's form with its
widgets and inlines, its history and a review step log no console error (a
refused inline script or style attribute would be one)."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from agreements.models import Agreement
from tests.support.factories import UserFactory

PASSWORD = "contraseña-de-prueba"  # what UserFactory gives every user


@pytest.fixture(scope="module")
def administrator(live_site, django_db_blocker):
    # Hashed as the tests check passwords (conftest's fast hasher), and committed for the live server.
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        return UserFactory(username="admin.cgai", superuser=True)


def test_the_admin_works_under_the_content_security_policy(page, live_site, administrator, django_db_blocker):
    with django_db_blocker.unblock():
        agreement = Agreement.objects.published().order_by("pk").first()

    response = page.goto("/admin/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.get_by_label("Nombre de usuario").fill("admin.cgai")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registro de la acción internacional")

    page.goto("/admin/agreements/agreement/?q=Madrid")
    expect(page.locator("#result_list")).to_be_visible()
    page.goto("/admin/agreements/agreement/add/")
    # The admin's own scripts run: the calendar shortcut of a date field.
    expect(page.locator(".datetimeshortcuts").first).to_be_visible()
    page.goto(f"/admin/agreements/agreement/{agreement.pk}/change/")
    expect(page.locator("input[name=title]")).to_have_value(agreement.title)
    page.goto(f"/admin/agreements/agreement/{agreement.pk}/history/")
    expect(page.locator("#change-history")).to_be_visible()
    page.goto("/admin/reports/report/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # The page fixture fails the test on any console error, CSP refusals included.
