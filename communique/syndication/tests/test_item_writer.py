"""The export's item writer writes what Django's SimplerXMLGenerator writes, byte for byte."""

import io

import pytest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.xmlutils import SimplerXMLGenerator, UnserializableContentError
from hypothesis import given
from hypothesis import strategies as st

from communique.syndication.item_writer import ItemWriter

names = st.sampled_from(["item", "entry", "title", "link", "dc:language", "category", "author"])
texts = st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=["Cs"],
                                                            min_codepoint=0x20)))  # fmt: skip
attributes = st.one_of(st.none(), st.dictionaries(st.sampled_from(["href", "rel", "type", "term"]),
                                                  st.text(max_size=20), max_size=3))  # fmt: skip
# Each step: (kind, name, contents, attributes); kinds open, close the last opened, or add
# an element with no children.
steps = st.lists(st.tuples(st.sampled_from(["start", "end", "quick", "text"]), names, texts,
                           attributes), max_size=20)  # fmt: skip


def write(handler, script):
    opened = []
    for kind, name, contents, attrs in script:
        if kind == "start":
            handler.startElement(name, attrs or {})
            opened.append(name)
        elif kind == "end" and opened:
            handler.endElement(opened.pop())
        elif kind == "quick":
            handler.addQuickElement(name, contents, attrs)
        elif kind == "text" and opened:
            handler.characters(contents or "")
    while opened:
        handler.endElement(opened.pop())


def django_output(script):
    buffer = io.StringIO()
    write(SimplerXMLGenerator(buffer, "utf-8", short_empty_elements=True), script)
    return buffer.getvalue()


@given(steps)
def test_the_writer_writes_what_django_writes(script):
    ours = ItemWriter()
    write(ours, script)
    assert ours.text() == django_output(script)


@pytest.mark.parametrize("feed_type", [Rss201rev2Feed, Atom1Feed])
def test_a_feed_item_is_written_as_django_writes_it(feed_type):
    import datetime

    feed = feed_type(title="Τίτλος", link="https://example.org/", description="d")
    feed.add_item(title="Grève & <solidarité>", link="https://example.org/a/?b=1&c=2",
                  description="Αλληλεγγύη \"σε\" 'όλους'", author_name="CGT, ΓΣΕΕ",
                  pubdate=datetime.datetime(2026, 1, 2, tzinfo=datetime.UTC),
                  updateddate=datetime.datetime(2026, 1, 3, tzinfo=datetime.UTC),
                  categories=["노동", "عمال"], enclosures=[])  # fmt: skip
    item = feed.items[0]
    ours = ItemWriter()
    feed.add_item_elements(ours, item)
    buffer = io.StringIO()
    feed.add_item_elements(SimplerXMLGenerator(buffer, "utf-8", short_empty_elements=True), item)
    assert ours.text() == buffer.getvalue()
    assert "Grève &amp; &lt;solidarité&gt;" in ours.text()


def test_control_characters_are_refused_as_django_refuses_them():
    with pytest.raises(UnserializableContentError):
        ItemWriter().addQuickElement("title", "bell\x07")


@pytest.mark.parametrize("position", [0, 700, -1])
def test_a_long_body_with_a_control_character_is_refused_each_time(position):
    """A body is searched once and the answer kept (item_writer._has_control_characters):
    the same body is refused in every feed that shows it, and a clean one is written."""
    clean = "<p>" + "Αλληλεγγύη σε όλους. " * 60 + "</p>"
    body = clean[:position] + "\x0b" + clean[position:] if position >= 0 else clean + "\x1f"
    for _feed in range(3):
        with pytest.raises(UnserializableContentError):
            ItemWriter().addQuickElement("content:encoded", body)
        writer = ItemWriter()
        writer.addQuickElement("content:encoded", clean)
        assert writer.text().startswith("<content:encoded>&lt;p&gt;Αλληλεγγύη")
