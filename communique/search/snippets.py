"""A few words around the first match, with every matched word marked (none for a
statement whose title holds every word).

A word is a match when the statement's language analyses it to a term of the query, so
"strikes" marks "striking" and "strike", and "accion" marks "acción".
"""

import regex
from django.utils.html import escape
from django.utils.safestring import mark_safe

from communique.core.excerpts import html_to_text, truncate_text

from .analysis import WORD, WORD_CHARACTER, analyser

_WORD_CHAR = regex.compile(WORD_CHARACTER)

WINDOW = 220
SCAN = 1000


class Matcher:
    def __init__(self, query, language):
        self.analyser = analyser(language)
        terms = self.analyser.query_terms(query)
        self.exact = {term for term, prefix in terms if not prefix}
        self.prefixes = tuple(term for term, prefix in terms if prefix)

    def __call__(self, word):
        for part in self.analyser.split(word):
            term = self.analyser.term(part)
            if term and (term in self.exact or term.startswith(self.prefixes)):
                return True
        return False

    def finds_every_term_in(self, text):
        """Whether the words of `text` (a title) hold every term of the query."""
        found = set()
        for word in WORD.findall(text):
            for part in self.analyser.split(word):
                term = self.analyser.term(part)
                if term in self.exact:
                    found.add(term)
                elif term:
                    found.update(prefix for prefix in self.prefixes if term.startswith(prefix))
        return found.issuperset(self.exact) and found.issuperset(self.prefixes)


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
    """Where the first matching word starts, or None.

    The text is searched a stretch of SCAN characters at a time (a match is usually
    early), and in each stretch every distinct word is tested once, then the matching ones
    are looked for as whole words.
    """
    start = 0
    while start < len(text):
        end = text.find(" ", start + SCAN)
        end = len(text) if end < 0 else end
        stretch = text[start:end]
        found = [_first_whole(stretch, word) for word in _distinct_words(stretch) if matches(word)]
        if found:
            return start + min(found)
        start = end
    return None


def _distinct_words(text):
    """The distinct WORDs of `text`: a run without spaces that is all letters is one (most
    are; `str.split` is several times faster than the regular expression)."""
    distinct = set()
    for run in set(text.split()):
        if run.isalpha():
            distinct.add(run)
        else:
            distinct.update(WORD.findall(run))
    return distinct


def _first_whole(text, word):
    """The first position of `word` in `text` not inside a longer word."""
    position = text.find(word)
    while position >= 0:
        end = position + len(word)
        if not (position and _WORD_CHAR.match(text, position - 1)) and not _WORD_CHAR.match(
            text, end
        ):
            return position
        position = text.find(word, position + 1)
    return len(text)  # not reached: WORD found `word` as a whole word


def snippet(page, query):
    """The words around the first match, or None when the title holds every word of the
    query: the result shows its title and excerpt, which say why it was found, and the
    text need not be searched (to its end, when it does not hold the words)."""
    matches = Matcher(query, page.locale.language_code)
    if matches.finds_every_term_in(page.title):
        return None
    text = html_to_text(f"{page.lead} {page.body}")
    position = first_match(text, matches)
    start = max(0, position - WINDOW // 3) if position else 0
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    window = truncate_text(text[start:], WINDOW)
    return highlight(("…" if start else "") + window, matches)
