"""The site-internal addresses a rendered page points to (pages, feeds, assets)."""

import functools
from urllib.parse import quote, unquote, urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

HTML_LINKS = "//a/@href | //link/@href | //img/@src | //script/@src | //source/@src"
XML_LINKS = ("{*}loc", "{*}link")


def internal_paths(content, content_type, page_path, host):
    """Paths on `host` that `content` (served at `page_path`) links to, fragments dropped."""
    if not content.strip():
        return set()
    if "html" in content_type:
        tree = lxml_html.fromstring(content)
        targets = list(tree.xpath(HTML_LINKS))
        for srcset in tree.xpath("//img/@srcset | //source/@srcset"):
            targets += [candidate.split()[0] for candidate in srcset.split(",") if candidate]
    elif "xml" in content_type:
        tree = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
        targets = [node.text or node.get("href") or "" for node in tree.iter(*XML_LINKS)]
    else:
        return set()
    paths = set()
    for target in targets:
        target = target.strip()
        if target.startswith(("/", "http://", "https://")) and not target.startswith("//"):
            path = _site_path(target, host)  # the same whichever page links to it
        else:
            path = _site_path_of(urljoin(f"http://{host}{page_path}", target), host)
        if path is not None:
            paths.add(path)
    return paths


@functools.lru_cache(maxsize=100_000)
def _site_path(target, host):
    """A page links to a hundred addresses, most of them on every page (navigation, archive,
    languages): each is worked out once."""
    return _site_path_of(urljoin(f"http://{host}/", target), host)


def _site_path_of(url, host):
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc == host and not parts.query:
        return normal_path(parts.path)
    return None


def normal_path(path):
    """One spelling per address: percent-encoded UTF-8, as browsers send it."""
    return quote(unquote(path), safe="/-_.~")
