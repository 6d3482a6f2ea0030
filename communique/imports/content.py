"""Turn WordPress post HTML into the statement body's rich text.

Order matters: block comments and `<!--more-->` go first, shortcodes next ([caption]
keeps its image and caption, the rest are dropped and reported), then WordPress's
automatic paragraphs for text without tags, then nh3 with an allowlist of exactly what
the body's rich text offers. Images become Wagtail image embeds when their attachment
was imported; otherwise they are dropped and reported.
"""

import re
from dataclasses import dataclass, field

import lxml.html
import nh3

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->|<!--\s*(more|nextpage|noteaser)\b.*?-->", re.S)
CAPTION = re.compile(r"\[caption[^\]]*\](.*?)\[/caption\]", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
SHORTCODE = re.compile(r"\[(/?)([a-zA-Z_][\w-]*)([^\]]*)\]")
BLOCK_TAG = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|blockquote|div|figure|table|pre|hr|img|iframe|embed)\b", re.I
)
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "b", "i", "strong", "em", "ul", "ol", "li", "blockquote",
                "a", "br", "hr", "img"}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt"}}
HEADING_RENAMES = {"h1": "h2", "h5": "h4", "h6": "h4"}


@dataclass
class Converted:
    html: str
    warnings: list = field(default_factory=list)


def _caption(match):
    inner = match.group(1)
    image = re.search(r"<img[^>]*>", inner, re.I)
    text = re.sub(r"<img[^>]*>|</?a[^>]*>", "", inner).strip()
    return (
        f"\n\n{image.group(0) if image else ''}\n\n<p>{text}</p>\n\n"
        if text
        else (f"\n\n{image.group(0)}\n\n" if image else "")
    )


def strip_shortcodes(html, warnings):
    html = CAPTION.sub(_caption, html)
    html = EMBED.sub(
        lambda m: f'\n\n<p><a href="{m.group(1).strip()}">{m.group(1).strip()}</a></p>\n\n', html
    )
    dropped = sorted({m.group(2).lower() for m in SHORTCODE.finditer(html) if not m.group(1)})
    if dropped:
        warnings.append("shortcodes removed: " + ", ".join(f"[{name}]" for name in dropped))
    return SHORTCODE.sub("", html)


def autop(html):
    """WordPress stores paragraphs as blank lines; give loose text its <p> tags."""
    chunks = re.split(r"\n\s*\n", html.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        out.append(chunk if BLOCK_TAG.match(chunk) else f"<p>{chunk.replace(chr(10), '<br>')}</p>")
    return "\n".join(out)


def _rename_headings(html):
    for old, new in HEADING_RENAMES.items():
        html = re.sub(rf"<(/?){old}\b", rf"<\1{new}", html, flags=re.I)
    return html


def sanitise(html):
    return nh3.clean(
        _rename_headings(html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"}, link_rel=None, strip_comments=True,
    )  # fmt: skip


def _images_to_embeds(html, image_for_url, warnings):
    if "<img" not in html:
        return html
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    for img in list(fragment.iter("img")):
        image = image_for_url(img.get("src", ""))
        parent = img.getparent()
        if image is None:
            warnings.append(f"image not imported: {img.get('src', '')}")
            parent.remove(img) if img.tail is None else _drop_keep_tail(img)
            continue
        embed = lxml.html.Element("embed", embedtype="image", id=str(image.pk), format="fullwidth",
                                  alt=img.get("alt", ""))  # fmt: skip
        embed.tail = img.tail
        # An image embed is a block of its own in Wagtail's rich text.
        block = parent if parent is not fragment else None
        if block is not None and block.tag == "p":
            block.addprevious(embed)
            parent.remove(img)
        else:
            img.addprevious(embed)
            parent.remove(img)
    return (fragment.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in fragment
    )


def _drop_keep_tail(element):
    parent, previous = element.getparent(), element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    parent.remove(element)


def _drop_empty_paragraphs(html):
    return re.sub(r"<p>(\s|&nbsp;|\xa0|<br>)*</p>", "", html)


def convert(html, image_for_url=lambda url: None):
    """Return the body rich text for a post's HTML, and warnings for what was lost."""
    warnings = []
    html = BLOCK_COMMENT.sub("", html or "")
    html = strip_shortcodes(html, warnings)
    html = sanitise(autop(html))
    html = _images_to_embeds(html, image_for_url, warnings)
    return Converted(_drop_empty_paragraphs(html).strip(), warnings)
