"""Links as an HTML or XML parser reads them (lxml): what the export's scan (links.py) is
held to."""

from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from communique.mirror.links import normal_path

HTML_LINKS = "//a/@href | //link/@href | //img/@src | //script/@src | //source/@src"
XML_LINKS = ("{*}loc", "{*}link")


def parsed_paths(content, content_type, page_path, host):
    """Paths on `host` that `content` (served at `page_path`) links to, parsed."""
    if not content.strip():
        return set()
    if "html" in content_type:
        tree = lxml_html.fromstring(content)
        targets = list(tree.xpath(HTML_LINKS))
        for srcset in tree.xpath("//img/@srcset | //source/@srcset"):
            # A candidate of spaces only names nothing (Hypothesis found " , x").
            targets += [candidate.split()[0] for candidate in srcset.split(",")
                        if candidate.strip()]  # fmt: skip
    else:
        tree = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
        targets = [node.text or node.get("href") or "" for node in tree.iter(*XML_LINKS)]
    paths = set()
    for target in targets:
        parts = urlsplit(urljoin(f"http://{host}{page_path}", target.strip()))
        if parts.scheme in ("http", "https") and parts.netloc == host and not parts.query:
            paths.add(normal_path(parts.path))
    return paths
