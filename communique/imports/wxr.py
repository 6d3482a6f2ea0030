"""Read a WordPress export (WXR) safely into plain data.

Namespaces are matched by what they are, not by exact URI: WordPress has exported
`http://` and `https://wordpress.org/export/1.0/` to `1.2/`. Entity declarations are
refused outright (billion laughs, external entities), and nothing is fetched from the
network while parsing.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d+/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class WxrError(Exception):
    """The file cannot be imported; the message says why and where."""


@dataclass
class Term:
    taxonomy: str
    slug: str
    name: str
    description: str = ""


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str
    link: str
    slug: str
    content: str
    excerpt: str
    author: str
    date: datetime | None
    modified: datetime | None
    parent_id: int
    sticky: bool
    terms: list = field(default_factory=list)  # [(domain, slug, name)]
    meta: dict = field(default_factory=dict)
    attachment_url: str = ""
    line: int = 0

    def terms_of(self, *domains):
        return [(slug, name) for domain, slug, name in self.terms if domain in domains]


@dataclass
class Export:
    site_url: str
    language: str
    version: str
    items: list
    terms: list
    authors: dict


def _parser():
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=False, strip_cdata=True,
    )  # fmt: skip


def _reject_entities(tree):
    dtd = tree.docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise WxrError("The file declares XML entities, which an export never does; refused.")


def parse_file(path):
    try:
        tree = etree.parse(str(path), _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        raise WxrError(
            f"Not well-formed XML at line {line}, column {column}: {error.msg}"
        ) from error
    except OSError as error:
        raise WxrError(f"Cannot read {path}: {error}") from error
    _reject_entities(tree)
    return read_export(tree.getroot())


def _namespaces(root):
    found = {"wp": None, "excerpt": None}
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for _prefix, uri in (element.nsmap or {}).items():
            if WP_NAMESPACE.match(uri or ""):
                found["wp"] = uri
            elif EXCERPT_NAMESPACE.match(uri or ""):
                found["excerpt"] = uri
        if found["wp"]:
            break
    if not found["wp"]:
        raise WxrError("Not a WordPress export: no WXR namespace (wordpress.org/export/1.x/).")
    return found


class _Reader:
    def __init__(self, root):
        namespaces = _namespaces(root)
        self.wp = namespaces["wp"]
        self.excerpt = namespaces["excerpt"] or self.wp + "excerpt/"
        self.channel = root.find("channel")
        if root.tag != "rss" or self.channel is None:
            raise WxrError("Not a WordPress export: the root must be <rss> with a <channel>.")

    def text(self, element, tag, namespace=None):
        child = element.find(f"{{{namespace}}}{tag}" if namespace else tag)
        return (child.text or "").strip() if child is not None and child.text else ""

    def wp_text(self, element, tag):
        return self.text(element, tag, self.wp)


def _date(value):
    if not value or value.startswith("0000"):
        return None
    try:
        parsed = datetime.fromisoformat(value)  # WordPress writes "2024-05-01 09:30:00"
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def read_item(reader, element):
    # One pass over the item's children (an item has about twenty; a find() per field
    # walked them again for each): the first child of each tag, as WordPress writes one.
    first = {}
    meta, terms = {}, []
    postmeta = f"{{{reader.wp}}}postmeta"
    for child in element:
        tag = child.tag
        if tag == postmeta:
            meta[reader.wp_text(child, "meta_key")] = reader.wp_text(child, "meta_value")
        elif tag == "category":
            terms.append((child.get("domain", ""), child.get("nicename", ""),
                          (child.text or "").strip()))  # fmt: skip
        elif isinstance(tag, str) and tag not in first:
            first[tag] = child.text or ""

    def raw(tag, namespace=None):
        return first.get(f"{{{namespace}}}{tag}" if namespace else tag, "")

    def text(tag, namespace=None):
        return raw(tag, namespace).strip()

    def wp(tag):
        return text(tag, reader.wp)

    return Item(
        wp_id=_int(wp("post_id")),
        post_type=wp("post_type") or "post",
        status=wp("status") or "publish",
        title=text("title"),
        link=text("link"),
        slug=wp("post_name"),
        content=raw("encoded", CONTENT_NAMESPACE),
        excerpt=raw("encoded", reader.excerpt).strip(),
        author=text("creator", DC_NAMESPACE),
        date=_date(wp("post_date_gmt")) or _date(wp("post_date")),
        modified=_date(wp("post_modified_gmt")) or _date(wp("post_modified")),
        parent_id=_int(wp("post_parent")),
        sticky=wp("is_sticky") == "1",
        terms=terms,
        meta=meta,
        attachment_url=wp("attachment_url"),
        line=element.sourceline or 0,
    )


def read_terms(reader):
    terms = []
    for tag, taxonomy_tag, slug_tag, name_tag, description_tag in (
        ("category", None, "category_nicename", "cat_name", "category_description"),
        ("tag", None, "tag_slug", "tag_name", "tag_description"),
        ("term", "term_taxonomy", "term_slug", "term_name", "term_description"),
    ):
        for element in reader.channel.findall(f"{{{reader.wp}}}{tag}"):
            taxonomy = reader.wp_text(element, taxonomy_tag) if taxonomy_tag else tag
            terms.append(Term(
                taxonomy={"tag": "post_tag"}.get(taxonomy, taxonomy),
                slug=reader.wp_text(element, slug_tag), name=reader.wp_text(element, name_tag),
                description=reader.wp_text(element, description_tag),
            ))  # fmt: skip
    return terms


def read_export(root):
    reader = _Reader(root)
    authors = {
        reader.wp_text(a, "author_login"): reader.wp_text(a, "author_display_name")
        for a in reader.channel.findall(f"{{{reader.wp}}}author")
    }
    site = reader.wp_text(reader.channel, "base_blog_url") or reader.text(reader.channel, "link")
    return Export(
        site_url=site.rstrip("/"),
        language=reader.text(reader.channel, "language").split("-")[0].lower(),
        version=reader.wp_text(reader.channel, "wxr_version"),
        items=[read_item(reader, element) for element in reader.channel.findall("item")],
        terms=read_terms(reader),
        authors=authors,
    )
