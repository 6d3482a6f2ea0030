"""Excerpts that are safe in every script.

The site Communiqué replaces cut excerpts by bytes, so Greek and Russian came out at half
the length of English and sometimes ended in half a character. Here the unit is the
grapheme cluster (what a reader sees as one character), the cut falls at a word boundary,
and scripts written without spaces (Chinese, Japanese, Thai…) may break between any two
of their characters.
"""

from html.parser import HTMLParser
from itertools import islice

import regex

ELLIPSIS = "…"

_GRAPHEME = regex.compile(r"\X")
# Characters that join a neighbour into one grapheme cluster (combining marks, joiners,
# Hangul jamo, flags, CR of CR LF). Text without them is one grapheme per character.
_JOINING = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}"
    r"\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}\r]"
)
# Characters of scripts that do not separate words with spaces: a line may break beside them.
_NO_SPACE_SCRIPT = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
    r"\p{Tibetan}\u3000-\u303f\uff00-\uffef]"
)
_TRAILING_PUNCTUATION = regex.compile(r"[\s\p{Pd},;:.·、。，]+$")
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript"})


class _TextExtractor(HTMLParser):
    """Collect the text of an HTML fragment, with a space wherever a block starts or ends."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html):
    """Return the plain text of an HTML fragment, entities decoded, white space folded."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return fold_spaces("".join(extractor.parts))


def fold_spaces(text):
    """Each run of white space as one space, none at the ends.

    `str.split()` does this several times faster than a regular expression (a statement's
    body is thousands of characters, and listings fold one per excerpt). It also counts the
    ASCII separators U+001C–U+001F as space, which no text means as anything else.
    """
    return " ".join(text.split())


def _can_break_between(before, after):
    if before.isspace() or after.isspace():
        return True
    return bool(_NO_SPACE_SCRIPT.match(before) or _NO_SPACE_SCRIPT.match(after))


def first_graphemes(text, count):
    """The first `count` grapheme clusters of `text` (fewer if it has fewer).

    Most text joins no characters into clusters: for it, its characters are its clusters,
    which saves the segmentation (most of an excerpt's cost, and a listing shows ten).
    """
    head = text[: count + 1]  # the character after the last can join it
    if _JOINING.search(head) is None:
        return list(head[:count])
    return [match.group() for match in islice(_GRAPHEME.finditer(text), count)]


def excerpt_of(lead, body_html, limit):
    """A statement's excerpt: its lead, or else its body's text, cut to `limit` graphemes."""
    return truncate_text(lead or html_to_text(body_html), limit)


def truncate_text(text, limit):
    """Return `text` cut to at most `limit` graphemes (ellipsis included), at a word boundary.

    A single word longer than half the limit is cut inside the word rather than dropping
    most of the excerpt; the cut still falls between two graphemes.
    """
    text = fold_spaces(text)
    clusters = first_graphemes(text, limit + 1)
    if len(clusters) <= limit:
        return text
    budget = max(limit - 1, 1)
    cut = budget
    for position in range(budget, budget // 2, -1):
        if _can_break_between(clusters[position - 1], clusters[position]):
            cut = position
            break
    kept = _TRAILING_PUNCTUATION.sub("", "".join(clusters[:cut]))
    return (kept or "".join(clusters[:cut])) + ELLIPSIS
