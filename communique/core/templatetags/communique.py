from django import template

from communique.core import languages, structure
from communique.core.main_pages import page_url
from communique.core.navigation import language_links, main_navigation

register = template.Library()


@register.filter
def language_name(code):
    return languages.language_name(code)


@register.filter
def text_direction(code):
    return languages.text_direction(code)


@register.simple_tag
def localdate(value, style="long"):
    """Format a date in the active language with its own conventions (Babel/CLDR)."""
    return languages.format_localized_date(value, style)


@register.simple_tag(takes_context=True)
def site_navigation(context):
    request = context["request"]
    page = context.get("page")
    locale = page.locale if page is not None else structure.active_locale()
    return main_navigation(locale, request)


@register.simple_tag(takes_context=True)
def page_link(context, page):
    """The URL of `page` for a link: `pageurl` without a reverse() per page (main_pages.py)."""
    return page_url(page, context["request"])


@register.simple_tag(takes_context=True)
def page_languages(context):
    versions = context.get("all_versions")  # a statement page's (statements/listing.py)
    known = {version.language_code: version.url for version in versions} if versions else None
    return language_links(context.get("page"), context["request"], known)


@register.simple_tag
def monthyear(value):
    """Name a month and year as a heading in the active language ("Δεκέμβριος 2019")."""
    return languages.format_month_year(value)


@register.filter
def language_name_translated(code):
    """Name a language in the active language ("Πολωνικά" for pl when reading Greek)."""
    return languages.language_name_translated(code)
