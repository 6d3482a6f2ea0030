"""A page's language links as `language_entries` joins them (each entry rendered once with
its address left out, the address put in escaped) are the macros' own output, whatever the
addresses hold (core/templating.py)."""

from types import SimpleNamespace

from django.template import engines
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.core import templating
from communique.core.languages import language_name, text_direction
from communique.core.navigation import LanguageLink

LANGUAGES = ("en", "es", "el", "ko", "ar")


def macros_output(macro, links, origin):
    module = engines["jinja2"].env.get_template(templating.LANGUAGE_LINKS).module
    return "".join(str(getattr(module, macro)(link, origin)) for link in links)


def entries(macro, links, origin):
    context = SimpleNamespace(environment=engines["jinja2"].env)
    return templating.language_entries(context, macro, links, origin)


links = st.lists(
    st.builds(
        lambda code, url, is_current, exists: LanguageLink(
            code, language_name(code), url, text_direction(code), is_current, exists
        ),
        st.sampled_from(LANGUAGES),
        st.text(),
        st.booleans(),
        st.booleans(),
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(links=links, origin=st.sampled_from(["", "http://localhost", "https://a.example&b"]))
def test_entries_are_the_macros_output(links, origin):
    for macro in ("alternate", "link"):
        assert entries(macro, links, origin) == macros_output(macro, links, origin)


def test_an_address_is_escaped_in_every_entry():
    link = LanguageLink("ar", "العربية", '/ar/"x"&<y>/', "rtl", False, True)
    for macro in ("alternate", "link"):
        html = entries(macro, [link, link], "http://localhost")
        assert html.count("/ar/&#34;x&#34;&amp;&lt;y&gt;/") == 2
        assert '"x"' not in html


def test_the_current_language_and_a_missing_version_show_as_the_macros_show_them():
    current = LanguageLink("ko", "한국어", "/ko/statements/", "ltr", True, True)
    missing = LanguageLink("el", "Ελληνικά", "/el/", "ltr", False, False)
    menu = entries("link", [current, missing], "")
    assert menu.count('aria-current="true"') == 1
    assert 'href="/ko/statements/" hreflang="ko" lang="ko" dir="ltr" aria-current="true"' in menu
    assert 'href="/el/" hreflang="el"' in menu
    head = entries("alternate", [current, missing], "http://localhost")
    assert 'hreflang="ko" href="http://localhost/ko/statements/"' in head
    assert "/el/" not in head  # no version there: the head names no alternate
