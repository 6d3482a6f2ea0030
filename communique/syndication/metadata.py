"""What search engines, feed readers and sharing previews read in a page's <head>."""

import functools
import json
from typing import NamedTuple

from babel.core import LOCALE_ALIASES
from django.utils.translation import gettext as _
from wagtail.models import Site

from communique.core.main_pages import page_url
from communique.core.reversing import addressing, reverse_once

SCOPE_KEYS = ("category", "country", "organisation")


class FeedLink(NamedTuple):
    """A feed named in a page's head (an attribute for the template: a dict's keys cost
    Jinja a failed attribute lookup each)."""

    href: str
    type: str
    title: str


OG_LOCALE_OVERRIDES = {"ar": "ar_AR"}


def og_locale(language_code):
    """Open Graph wants language_TERRITORY ("el_GR"); Facebook names Arabic ar_AR."""
    return OG_LOCALE_OVERRIDES.get(language_code) or LOCALE_ALIASES.get(
        language_code, language_code
    )


def canonical_url(request, page_obj=None):
    """The page's own address, without a query string (listing pages carry their number in it)."""
    return request.build_absolute_uri(request.path)


def feed_links(context):
    """Autodiscovery links: the site-wide feeds, plus the feeds of the listing shown."""
    scopes = tuple((kind, subject.slug, str(subject.name)) for kind in SCOPE_KEYS
                   if (subject := context.get(kind)) is not None)  # fmt: skip
    return _feed_links(*addressing(), scopes)


@functools.lru_cache(maxsize=1024)
def _feed_links(urlconf, prefix, language, scopes):
    """The links for `scopes` ((kind, slug, name), …), kept per URL configuration, prefix and
    language as reversing.reverse_once keeps addresses: every page of a listing names the
    same feeds."""
    links = []
    for kind, value, title in (*reversed(scopes), (None, None, _("All statements"))):
        name, kwargs = (
            ("feeds:scoped_feed", {"kind": kind, "value": value}) if kind else ("feeds:feed", {})
        )
        for fmt, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
            href = reverse_once(name, **kwargs, fmt=fmt)
            links.append(FeedLink(href, mime, f"{title} ({fmt.upper()})"))
    return tuple(links)


def site_name(request):
    site = Site.find_for_request(request)
    return (site.site_name if site else "") or "Communiqué"


def image_url(request, image):
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition("fill-1200x630").url)


def statement_json_ld(page, request, versions):
    """schema.org Article for a statement, linking translations both ways."""
    url = request.build_absolute_uri(page_url(page, request))
    publisher = {"@type": "Organization", "name": site_name(request),
                 "url": request.build_absolute_uri("/")}  # fmt: skip
    authors = [
        {"@type": "Organization", "name": org.name, **({"url": org.website} if org.website else {})}
        for org in versions["signatories"]
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": page.title,
        "description": page.excerpt_for(request),
        "datePublished": page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "publisher": publisher,
        "author": authors or [publisher],
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.lead_image:
        data["image"] = [image_url(request, page.lead_image)]
    all_versions = versions["all_versions"]
    original = min(all_versions, key=lambda v: v.page_id) if all_versions else None

    def ref(version):
        absolute = request.build_absolute_uri(version.url)
        return {"@type": "Article", "@id": absolute, "url": absolute,
                "inLanguage": version.language_code}  # fmt: skip

    if original is not None and original.page_id != page.pk:
        data["translationOfWork"] = ref(original)
    elif versions["translations"]:
        data["workTranslation"] = [ref(v) for v in versions["translations"]]
    return data


def json_for_script(data):
    """Serialise for a <script> element: no sequence in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
