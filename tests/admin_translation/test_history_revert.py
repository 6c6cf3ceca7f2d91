"""A past version in a record's history is shown, never saved back: reverting is
off, and a liaison's published record would otherwise be rewritten through it."""

import pytest
from django.urls import reverse

from cdmx_global.services import record_create
from tests.support.factories import AgreementFactory, GovernmentBodyFactory, liaison

pytestmark = pytest.mark.django_db


def test_posting_to_a_past_version_does_not_rewrite_a_published_record(client):
    body = GovernmentBodyFactory()
    agreement = record_create(
        instance=AgreementFactory.build(body=body, title="Hermanamiento con Quito"), user=None, reason=None, publish=True
    )
    client.force_login(liaison(body))
    version_url = reverse(
        "admin:agreements_agreement_simple_history", args=[agreement.pk, agreement.history.latest().history_id]
    )

    shown = client.get(version_url)
    form = shown.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, False)}
    response = client.post(version_url, {**data, "title": "Reescrito", "title_en": "Rewritten"})

    assert shown.status_code == 200
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert (agreement.title, agreement.title_en, agreement.version) == ("Hermanamiento con Quito", "", 1)
