"""The API's documentation in a real browser: Swagger UI, served by the
portal itself under its Content-Security-Policy, lists every resource and
runs a request against the API."""

import re

from playwright.sync_api import expect


def test_api_docs_list_the_resources_and_try_a_request(page):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(re.sub(r"^\w+://([^/]+)/.*$", r"\1", request.url)))

    page.goto("/api/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("CDMX Global API")
    agreements = page.locator(".opblock-summary-path", has_text=re.compile(r"^/api/v1/agreements/$"))
    expect(agreements).to_have_count(1)
    for resource in ("counterparts", "networks", "memberships", "positions", "visits", "events", "awards", "bodies",
                     "themes", "reports"):
        expect(page.locator(".opblock-summary-path", has_text=re.compile(rf"^/api/v1/{resource}/$"))).to_have_count(1)

    agreements.click()
    operation = page.locator(".opblock.is-open")
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("tr[data-param-name='kind'] select").select_option("twinning")
    operation.get_by_role("button", name="Execute").click()

    expect(operation.locator(".live-responses-table tbody .response-col_status")).to_have_text("200")
    expect(operation.locator(".live-responses-table .response-col_description .microlight").first).to_contain_text("hermanamiento-")
    # Everything came from the portal: no CDN, no remote font.
    assert requested_hosts == {page.url.split("/")[2]}


def test_the_api_docs_page_says_its_language(page):
    """axe's language rules (WCAG 3.1.1) pass: the page names its language, a valid one."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("CDMX Global API")
    assert page.locator("html").get_attribute("lang") == "es-mx"
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["html-has-lang", "html-lang-valid", "valid-lang"]}})
    assert results.response["violations"] == []
    assert sorted(rule["id"] for rule in results.response["passes"]) == ["html-has-lang", "html-lang-valid"]
