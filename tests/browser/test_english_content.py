"""English record pages in a browser: one with a reviewed English translation
and one without pass axe's language rules and its WCAG A/AA rules (the
translation note's contrast among them), and say which language their title is
in (issue 23)."""

import pytest
from django.conf import settings
from django.utils import translation

from agreements.models import Agreement
from cdmx_global.services import record_update
from cdmx_global.translation import translated_fields

LANGUAGE_RULES = ["html-has-lang", "html-lang-valid", "valid-lang"]


@pytest.fixture(scope="module")
def english_paths(live_site, django_db_blocker):
    """The English pages of a book agreement given a reviewed English title and
    purpose (committed for the live server; flushed with the module's data), and
    of one left in Spanish."""
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE):
        translated, spanish = Agreement.objects.published().order_by("pk")[:2]
        record_update(
            record=translated, user=None, reason="Traducción", expected_version=translated.version,
            changes={"title_en": "Twinning agreement (English)", "purpose_en": "Cooperation between both cities."},
            review_translation=True,
        )
        # The book gives every agreement an English title: this one's is taken away.
        record_update(
            record=spanish, user=None, reason="Sin traducción", expected_version=spanish.version,
            changes={f"{name}_en": "" for name in translated_fields(Agreement)},
        )
        return {"translated": f"/en{translated.get_absolute_url()}", "spanish": f"/en{spanish.get_absolute_url()}"}


@pytest.mark.parametrize(
    "kind, title_lang, note",
    [
        ("translated", "en", "Unofficial translation: the Spanish text prevails."),
        (
            "spanish", "es",
            "Spanish only: this record has no reviewed English translation yet; it is shown in its original Spanish.",
        ),
    ],
)
def test_english_record_page_passes_the_language_rules(page, english_paths, assert_accessible, kind, title_lang, note):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(english_paths[kind])

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == title_lang
    assert page.locator(".translation-note").inner_text() == note
    if kind == "translated":
        assert page.locator("h1").inner_text() == "Twinning agreement (English)"
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": LANGUAGE_RULES}})
    assert results.response["violations"] == []
    assert_accessible(page)
