from django import template
from django.utils.safestring import mark_safe

from communique.syndication import metadata

register = template.Library()


@register.inclusion_tag("syndication/head.html", takes_context=True)
def head_metadata(context):
    """Canonical URL, feed autodiscovery, Open Graph, Twitter card and JSON-LD for a page."""
    request = context["request"]
    page = context.get("page")
    statement = context.get("statement_meta")
    image = getattr(page, "lead_image", None) if page is not None else None
    description = ""
    if page is not None:
        description = getattr(page, "search_description", "") or getattr(page, "intro", "")
        if statement:
            description = page.excerpt
    return {
        "canonical": metadata.canonical_url(request, context.get("page_obj")),
        "feeds": metadata.feed_links(context),
        "title": context.get("heading") or (page.title if page is not None else ""),
        "description": description,
        "site_name": metadata.site_name(request),
        "og_type": "article" if statement else "website",
        "og_locale": metadata.og_locale(context.get("LANGUAGE_CODE", "en")),
        "og_alternates": [
            metadata.og_locale(link.code)
            for link in context.get("languages", [])
            if link.exists and not link.is_current
        ],  # fmt: skip
        "image": metadata.image_url(request, image),
        "statement": page if statement else None,
        "json_ld": mark_safe(metadata.json_for_script(statement)) if statement else "",  # noqa: S308
    }
