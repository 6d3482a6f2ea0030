"""The public templates escape their output exactly as markupsafe does (core/escaping.py)."""

import markupsafe
from django.template import engines
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from communique.core import escaping


@given(st.text())
def test_text_is_escaped_as_markupsafe_escapes_it(text):
    escaped = escaping.escape(text)
    assert escaped == markupsafe.escape(text)
    assert type(escaped) is Markup


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.none(), st.booleans()))
def test_other_values_are_escaped_as_markupsafe_escapes_them(value):
    assert escaping.escape(value) == markupsafe.escape(value)
    assert type(escaping.escape(value)) is Markup


def test_markup_is_kept_as_it_is():
    safe = Markup("<em>kept</em>")
    assert escaping.escape(safe) is safe


def test_a_str_subclass_goes_through_markupsafe():
    class Named(str):
        def __html__(self):
            return "<b>named</b>"

    assert escaping.escape(Named("x")) == Markup("<b>named</b>")


def test_public_templates_escape_with_it():
    template = engines["jinja2"].from_string("{{ text }}|{{ safe }}|{{ number }}")
    assert template.template.root_render_func.__globals__["escape"] is escaping.escape
    rendered = template.render({"text": "<a href=\"x\">'&'</a>", "safe": Markup("<i>ok</i>"),
                                "number": 7})  # fmt: skip
    assert rendered == "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;|<i>ok</i>|7"
