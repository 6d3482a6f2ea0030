"""What the public templates (core/templating.py) call for a page's <head> metadata."""

import functools

from jinja2 import pass_context
from markupsafe import Markup

from communique.syndication import metadata

HEAD = "syndication/head.html"


@pass_context
def head_metadata(context, languages=()):
    """Canonical URL, feed autodiscovery, Open Graph, Twitter card and JSON-LD for a page;
    `languages`: the page's language links (page_languages).

    The macros of `syndication/head.html`: the feed links (the same on every page of a
    listing) and the Open Graph locales (the same on every page with the same languages)
    are rendered once for all they show; the rest, the page's own, for each page. When the
    whole was a template rendered per page, it was a tenth of a listing page's Python calls."""
    request = context["request"]
    page = context.get("page")
    statement = context.get("statement_meta")
    environment = context.environment
    image = getattr(page, "lead_image", None) if page is not None else None
    description = ""
    if page is not None:
        description = getattr(page, "search_description", "") or getattr(page, "intro", "")
        if statement:
            description = page.excerpt_for(request)
    alternates = tuple(metadata.og_locale(link.code) for link in languages
                       if link.exists and not link.is_current)  # fmt: skip
    language = context.get("LANGUAGE_CODE", "en")
    return environment.get_template(HEAD).module.head(
        canonical=metadata.canonical_url(request, context.get("page_obj")),
        feed_links_html=_head_part(environment, "feed_links", metadata.feed_links(context)),
        site_name=metadata.site_name(request),
        og_type="article" if statement else "website",
        title=context.get("heading") or (page.title if page is not None else ""),
        locales_html=_head_part(environment, "locales", metadata.og_locale(language), alternates),
        description=description,
        image=metadata.image_url(request, image),
        statement=page if statement else None,
        json_ld=Markup(metadata.json_for_script(statement)) if statement else "",  # noqa: S704
    )


@functools.lru_cache(maxsize=4096)
def _head_part(environment, macro, *values):
    """The macro `macro` of the head's template for `values`, which hold all it shows
    (feed links are named tuples with their titles, in the page's language): it never
    needs forgetting. A few thousand listings' feed links bound the memory it takes."""
    return getattr(environment.get_template(HEAD).module, macro)(*values)
