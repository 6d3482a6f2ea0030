"""The XML of one feed item, as Django's feed generator writes it, with fewer calls.

The static export writes each item's XML once per feed format and language and keeps it
(feeds.WrittenAtOnce): some 20,000 items for the 1,000-statement archive. Django's
SimplerXMLGenerator goes through about a dozen calls per element (its own, the standard
library's XMLGenerator's, a text stream's write, a regular expression looked up by
pattern); this handler does what they do in four, into a list. Django's feed classes
still decide every element and attribute (their add_item_elements is what calls it), and
the test comparing the export's feeds with the live site's holds the bytes equal.
"""

import functools
import re
from xml.sax.saxutils import escape, quoteattr

from django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0B-\x0C\x0E-\x1F]")
LONG_TEXT = 512  # characters: a body, looked at once (see `_has_control_characters`)


class ItemWriter(SimplerXMLGenerator):
    """A SimplerXMLGenerator with `short_empty_elements` whose output is `text()`."""

    def __init__(self, encoding="utf-8"):
        super().__init__(None, encoding, short_empty_elements=True)
        self.parts = []

    def text(self):
        return "".join(self.parts)

    def startElement(self, name, attrs):  # noqa: N802 - the SAX handler's name
        if self._pending_start_element:
            self.parts.append(">")
        self.parts.append("<" + name)
        if attrs:
            # Sorted, as SimplerXMLGenerator sorts them for a deterministic output.
            self.parts.extend(f" {key}={quoteattr(value)}" for key, value in sorted(attrs.items()))
        self._pending_start_element = True

    def endElement(self, name):  # noqa: N802
        if self._pending_start_element:
            self.parts.append("/>")
            self._pending_start_element = False
        else:
            self.parts.append(f"</{name}>")

    def characters(self, content):
        if not content:
            return
        if _has_control_characters(content):
            raise UnserializableContentError("Control characters are not supported in XML 1.0")
        if self._pending_start_element:
            self.parts.append(">")
            self._pending_start_element = False
        self.parts.append(escape(content))

    def addQuickElement(self, name, contents=None, attrs=None):  # noqa: N802
        self.startElement(name, attrs)
        if contents is not None:
            self.characters(contents)
        self.endElement(name)


def _has_control_characters(text):
    """Whether `text` holds a character XML 1.0 refuses (Django's feed writer refuses them).
    A long text (a full-content item's body) is searched once: the same body goes into the
    RSS and the Atom feed of each language that shows it, and searching it each time was
    0.7 % of the instructions of the static export's pages (bench/HISTORY.md, the
    seventeenth stop)."""
    if len(text) > LONG_TEXT:
        return _long_text_has_control_characters(text)
    return CONTROL_CHARACTERS.search(text) is not None


@functools.lru_cache(maxsize=256)
def _long_text_has_control_characters(text):
    # Hashing a text for the cache costs a fraction of searching it; a str keeps its hash.
    return CONTROL_CHARACTERS.search(text) is not None
