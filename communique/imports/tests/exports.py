"""Exports made from the test fixtures for other apps' tests."""

from pathlib import Path

import lxml.etree

FIXTURES = Path(__file__).parent / "fixtures"


def posts_only(directory, name="plain_blog.xml"):
    """The fixture's posts alone, without categories: an import of it publishes statements
    and nothing else (no page, no category), as the bulk path alone does it. Returns the
    path of the export written in `directory`."""
    tree = lxml.etree.parse(FIXTURES / name)
    for item in list(tree.iter("item")):
        if item.findtext("{*}post_type") != "post":
            item.getparent().remove(item)
        for category in item.findall("category"):
            item.remove(category)
    export = Path(directory) / f"posts-only-{name}"
    tree.write(export)
    return export
