"""A few words around the first match, with every matched word marked.

A word is a match when the statement's language analyses it to a term of the query, so
"strikes" marks "striking" and "strike", and "accion" marks "acción".
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from communique.core.excerpts import html_to_text, truncate_text

from .analysis import WORD, analyser

WINDOW = 220


class Matcher:
    def __init__(self, query, language):
        self.analyser = analyser(language)
        self.terms = set(self.analyser.query_terms(query))

    def __call__(self, word):
        term = self.analyser.term(word)
        if not term or not self.terms:
            return False
        if self.analyser.matches_prefixes:
            return any(term.startswith(query_term) for query_term in self.terms)
        return term in self.terms


def highlight(text, matches):
    """Escape `text` and wrap each word that `matches` in <mark>."""
    out, last = [], 0
    for word in WORD.finditer(text):
        if matches(word.group(0)):
            out.append(escape(text[last : word.start()]))
            out.append(f"<mark>{escape(word.group(0))}</mark>")
            last = word.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def first_match(text, matches):
    return next((word.start() for word in WORD.finditer(text) if matches(word.group(0))), None)


def snippet(page, query):
    matches = Matcher(query, page.locale.language_code)
    text = html_to_text(f"{page.lead} {page.body}")
    position = first_match(text, matches)
    start = max(0, position - WINDOW // 3) if position else 0
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    window = truncate_text(text[start:], WINDOW)
    return highlight(("…" if start else "") + window, matches)
