"""Pages as a reader meets them: a real Chromium (Debian's), 360 px wide.

The pages are rendered by the test client (so the session's demo data stays put) and
loaded into the browser with their stylesheet; nothing is fetched from the network.
"""

from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CSS = Path(settings.PROJECT_DIR) / "core" / "static" / "core" / "css" / "site.css"


def open_page(browser, client, url, width=360):
    html = client.get(url).content.decode()
    html = html.replace("</head>", f"<style>{CSS.read_text()}</style></head>")
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.route("**/*", lambda route: route.abort())  # no network at all
    page.set_content(html, wait_until="domcontentloaded")
    return page


@pytest.mark.parametrize("url", ["/en/statements/", "/el/statements/", "/ar/statements/",
                                 "/ko/", "/en/organisations/"])  # fmt: skip
def test_no_horizontal_scrolling_at_360_px(browser, client, url):
    page = open_page(browser, client, url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} is {overflow}px wider than a 360px screen"
    assert page.locator("article h2 a, h1").first.is_visible()
    page.close()


def test_arabic_pages_run_right_to_left(browser, client):
    page = open_page(browser, client, "/ar/statements/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > 300  # the heading starts at the right edge
    fallback = page.locator("article[lang='pl']").first
    assert fallback.evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.close()


def test_skip_link_appears_on_focus_and_focus_is_visible(browser, client):
    page = open_page(browser, client, "/el/statements/")
    skip = page.locator("a.skip-link")
    assert skip.bounding_box()["y"] < 0  # off screen until focused
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
    page.close()


def test_reading_needs_no_javascript(browser, client):
    html = client.get("/pl/statements/").content.decode()
    assert "<script" not in html.split("</head>")[1]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.route("**/*", lambda route: route.abort())
    page.set_content(html.replace("</head>", f"<style>{CSS.read_text()}</style></head>"))
    assert page.locator("article").count() == 15  # the front page: 25 statements, 10 a page
    context.close()
