"""The site-internal addresses a rendered page points to (pages, feeds, assets).

The crawl reads every page it renders for links, so this is scanned, not parsed: lxml
parsing a page into a tree and querying it took a quarter of a whole export's time. The
scan reads the tags that carry links (`a`, `link`, `img`, `script`, `source`) with their
attributes quoted or not, as an HTML parser tokenises them, and XML's `loc` and `link`
elements; entities are decoded. It may find more than a parser would (a link inside a
comment); never less on markup our templates and the rich-text sanitiser write, which the
export tests hold to with an lxml parse of every page of the demo mirror.
"""

import functools
import html
import re
from urllib.parse import quote, unquote, urljoin, urlsplit

# A start tag that carries links, its attributes captured; a quoted value may hold ">" (the
# sanitiser leaves it as is). Possessive: a tag left open fails at once. The lookahead turns
# most tags (div, p, span, closing tags) away before the names are tried, and the attributes
# are read as runs between quoted values ("unrolled"), not as one alternation per run: 25 %
# fewer instructions than the plain form, the same matches (checked on 26,514 pages).
_LINKING_TAG = re.compile(
    rb"""<(?=[aAlLiIsS])(a|link|img|script|source)(?=[\s/>])"""
    rb"""([^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+)>""",
    re.IGNORECASE,
)
# Each attribute of a tag in turn, so that a quoted value is never read for attributes.
_ATTRIBUTE = re.compile(rb"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_LINK_ATTRIBUTES = {b"a": (b"href",), b"link": (b"href",), b"img": (b"src", b"srcset"),
                    b"script": (b"src",), b"source": (b"src", b"srcset")}  # fmt: skip
# Sitemaps' <loc>, RSS's <link> (text) and Atom's <link href="…"> (any namespace prefix).
_XML_TEXT = re.compile(rb"<(?:[\w.-]+:)?(?:loc|link)\s*>([^<]*)<")
_XML_LINK = re.compile(rb"""<(?:[\w.-]+:)?link\s((?:[^>"']++|"[^"]*+"|'[^']*+')*+)>""")


def internal_paths(content, content_type, page_path, host, known=None):
    """Paths on `host` that `content` (bytes, served at `page_path`) links to, fragments
    dropped.

    `known`: for a caller that reads many pages and wants only the links it has not had
    yet (the export's crawl), a set of the tags, as scanned, whose links it has had from
    earlier pages: those tags are not read again, and the tags read now are added to it.
    A tag's links depend on the page only through relative targets, so a tag with any is
    read on every page. Most of a page's tags (navigation, archive, items' links) are on
    other pages: looking each up and joining their links was a third of the scan (finding
    the tags is the rest)."""
    # Each distinct tag once: a page repeats many (an item links its statement twice).
    if "html" in content_type:
        tags, texts = set(_LINKING_TAG.findall(content)), set()
    elif "xml" in content_type:
        # An XML <link href> is read as HTML's <link> (same attributes, same links).
        tags = {(b"link", tag) for tag in _XML_LINK.findall(content)}
        texts = set(_XML_TEXT.findall(content))
    else:
        return set()
    if known is not None:
        tags -= known
        texts -= known
    found = [(tag, _tag_links(*tag, host)) for tag in tags]
    found += [(text, _text_links(text, host)) for text in texts]
    paths = set().union(*[site_paths for _tag, (site_paths, _relative) in found])
    for _tag, (_site_paths, relative) in found:
        for target in relative:
            if target.startswith("#"):  # this page ("#main", on every page)
                path = _absolute_path(page_path, host)
            else:
                path = _site_path_of(urljoin(f"http://{host}{page_path}", target), host)
            if path is not None:
                paths.add(path)
    if known is not None:
        known.update(tag for tag, (_site_paths, relative) in found if not relative)
    return paths


@functools.lru_cache(maxsize=100_000)
def _tag_links(tag, attributes, host):
    """(paths on `host`, relative targets) of the link attributes of a `tag`. Worked out
    once per tag: most of a page's tags are on every page (navigation, archive, languages)."""
    targets, linking = [], _LINK_ATTRIBUTES[tag.lower()]
    for name, double, single, bare in _ATTRIBUTE.findall(attributes):
        name = name.lower()
        if name in linking:
            value = _text(double or single or bare)  # the one a value was given in
            if name == b"srcset":
                targets += [candidate.split()[0] for candidate in value.split(",")
                            if candidate.strip()]  # fmt: skip
            else:
                targets.append(value)
    return _placed(targets, host)


@functools.lru_cache(maxsize=100_000)
def _text_links(text, host):
    return _placed([_text(text)], host)


def _placed(targets, host):
    """(paths on `host` of the absolute `targets`, the relative ones)."""
    paths, relative = [], []
    for target in targets:
        target = target.strip()
        if target.startswith(("/", "http://", "https://")) and not target.startswith("//"):
            path = _absolute_path(target, host)
            if path is not None:
                paths.append(path)
        else:
            relative.append(target)
    return tuple(paths), tuple(relative)


def _absolute_path(target, host):
    """The path on `host` of an absolute link (or None): what urljoin and urlsplit make of it,
    without them for the plain ones every page has."""
    for origin in _origins(host):
        if target.startswith(origin):
            target = target[len(origin) - 1 :]
            break
    if _PLAIN_PATH.fullmatch(target):  # most links: a path as normal_path spells it
        return target
    path = target.partition("#")[0]
    if path[:1] != "/" or path[:2] == "//" or _NOT_PLAIN.search(path):
        return _site_path_of(urljoin(f"http://{host}/", target), host)  # the rest, in full
    return normal_path(path)


# What urljoin would read in a path: a query, parameters, a backslash, a dot segment.
_NOT_PLAIN = re.compile(r"[?;\\]|/\.")
# A path urljoin leaves as it is (not "//…", no dot segment) and normal_path too (only the
# characters quote() keeps): segments, each a "/" and what follows it up to the next.
_PLAIN_PATH = re.compile(r"(?!//)(?:/(?!\.)[A-Za-z0-9_.~-]*)+")


@functools.lru_cache(maxsize=8)
def _origins(host):
    return (f"http://{host}/", f"https://{host}/")


def _text(value):
    text = value.decode("utf-8", "replace")
    return html.unescape(text) if "&" in text else text


def _site_path_of(url, host):
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc == host and not parts.query:
        return normal_path(parts.path)
    return None


# A path of only the characters quote() keeps (and no "%" for unquote() to decode).
_SPELT_ALREADY = re.compile(r"[A-Za-z0-9/_.~-]*")


def normal_path(path):
    """One spelling per address: percent-encoded UTF-8, as browsers send it."""
    if _SPELT_ALREADY.fullmatch(path):
        return path
    return _respelt(path)


@functools.lru_cache(maxsize=65_536)
def _respelt(path):
    """quote(unquote(path)): 5 µs a path, half of what reading a tag's links cost; a page
    spells a link to a statement in another script the same way as many other pages."""
    return quote(unquote(path), safe="/-_.~")
