"""Snippets: the first match found by stretches and distinct words is the first match."""

from unittest.mock import patch

from hypothesis import given
from hypothesis import strategies as st

from communique.search import snippets
from communique.search.analysis import WORD

# Words with accents (one of them decomposed), digits, a vulgar fraction, Hangul with a
# particle, an apostrophe, an underscore; and what may stand between them.
WORDS = ["strike", "strikes", "Striking", "acción", "accio\u0301n", "Σωματεία", "σωματείων",
         "노동자들은", "노동", "COP26에서", "1½", "worker's", "a_b", "x"]  # fmt: skip
BETWEEN = [" ", "  ", ", ", ". ", "\n", "-", "\t"]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(BETWEEN)), max_size=80).map(
    lambda pairs: "".join(word + between for word, between in pairs)
)


def word_by_word(text, matches):
    """The plain definition: the first WORD of the text that matches."""
    return next((word.start() for word in WORD.finditer(text) if matches(word.group(0))), None)


@given(
    texts,
    st.sampled_from(WORDS),
    st.sampled_from(["en", "es", "el", "ko"]),
    st.integers(min_value=1, max_value=60),
)
def test_first_match_is_the_first_matching_word(text, query, language, scan):
    matches = snippets.Matcher(query, language)
    with patch.object(snippets, "SCAN", scan):
        assert snippets.first_match(text, matches) == word_by_word(text, matches)


def test_a_title_with_every_word_needs_no_snippet():
    class Page:
        title = "Dockworkers strike in Piraeus"
        lead = "The opening words."
        body = "<p>" + "Ships wait. " * 40 + "The strike goes on.</p>"
        locale = type("Locale", (), {"language_code": "en"})

    assert snippets.snippet(Page, "strike") is None
    assert snippets.snippet(Page, "striking dockworkers") is None
    Page.title = "Harbour news"
    assert str(snippets.snippet(Page, "strike")).startswith("…Ships wait.")
    assert "The <mark>strike</mark> goes on." in str(snippets.snippet(Page, "strike"))
    Page.title = "Dockworkers of Piraeus"  # not every word
    assert "<mark>strike</mark>" in str(snippets.snippet(Page, "strike dockworkers"))
