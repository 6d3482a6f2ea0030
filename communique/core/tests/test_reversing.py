"""reverse_once (core/reversing.py) gives what reverse() gives, per language and prefix."""

from django.urls import reverse, set_script_prefix
from django.utils import translation

from communique.core.reversing import reverse_once


def test_addresses_follow_the_language_and_the_script_prefix():
    for language in ("en", "el", "ar", "ko"):
        with translation.override(language):
            assert reverse_once("search") == reverse("search") == f"/{language}/search/"
            feed = reverse_once("feeds:scoped_feed", kind="category", value="λιμάνια", fmt="rss")
            assert feed == reverse(
                "feeds:scoped_feed", kwargs={"kind": "category", "value": "λιμάνια", "fmt": "rss"}
            )
    try:
        set_script_prefix("/network/")
        with translation.override("el"):
            assert reverse_once("search") == "/network/el/search/"
    finally:
        set_script_prefix("/")
