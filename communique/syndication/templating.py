"""What the public templates (core/templating.py) call for a page's <head> metadata."""

from jinja2 import pass_context
from markupsafe import Markup

from communique.syndication import metadata


@pass_context
def head_metadata(context, languages=()):
    """Canonical URL, feed autodiscovery, Open Graph, Twitter card and JSON-LD for a page;
    `languages`: the page's language links (page_languages)."""
    request = context["request"]
    page = context.get("page")
    statement = context.get("statement_meta")
    image = getattr(page, "lead_image", None) if page is not None else None
    description = ""
    if page is not None:
        description = getattr(page, "search_description", "") or getattr(page, "intro", "")
        if statement:
            description = page.excerpt_for(request)
    values = {
        "canonical": metadata.canonical_url(request, context.get("page_obj")),
        "feeds": metadata.feed_links(context),
        "title": context.get("heading") or (page.title if page is not None else ""),
        "description": description,
        "site_name": metadata.site_name(request),
        "og_type": "article" if statement else "website",
        "og_locale": metadata.og_locale(context.get("LANGUAGE_CODE", "en")),
        "og_alternates": [
            metadata.og_locale(link.code)
            for link in languages
            if link.exists and not link.is_current
        ],  # fmt: skip
        "image": metadata.image_url(request, image),
        "statement": page if statement else None,
        "json_ld": Markup(metadata.json_for_script(statement)) if statement else "",  # noqa: S704
    }
    head = context.environment.get_template("syndication/head.html").render(values)
    return Markup(head)  # noqa: S704 (a template's output, escaped as it was rendered)
