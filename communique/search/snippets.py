"""A few words around the first match, with every matched word marked."""

import regex
from django.utils.html import escape
from django.utils.safestring import mark_safe

from communique.core.excerpts import html_to_text, truncate_text

WINDOW = 220


def query_terms(query):
    return [term for term in regex.findall(r"\w+", query.casefold()) if len(term) > 1]


def highlight(text, terms):
    """Escape `text` and wrap each word that starts with a query term in <mark>."""
    if not terms:
        return escape(text)
    pattern = regex.compile(r"\b(" + "|".join(regex.escape(t) for t in terms) + r")\w*",
                            regex.IGNORECASE)  # fmt: skip
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def snippet(page, query):
    terms = query_terms(query)
    text = html_to_text(f"{page.lead} {page.body}")
    lowered = text.casefold()
    positions = [lowered.find(term) for term in terms if lowered.find(term) >= 0]
    start = max(0, min(positions) - WINDOW // 3) if positions else 0
    if start:
        space = text.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
    window = truncate_text(text[start:], WINDOW)
    return highlight(("…" if start else "") + window, terms)
