"""What the public templates (core/templating.py) call to show statements in lists."""

from jinja2 import pass_context
from markupsafe import Markup

from communique.core.main_pages import page_url

from .listing import ItemCache

ITEM = "statements/includes/statement_item.html"


@pass_context
def statement_item(context, item, heading_level=2, statement_index=None):
    """The macro of `statements/includes/statement_item.html` for one listed statement.

    A macro with the item's addresses rather than the template rendered on a copy of the
    page's context: ten items took about a quarter of a listing page's time that way.

    In the static export a statement is on many listings of each language (its locale's,
    its month's, year's, categories', countries', signatories'): its HTML is rendered once
    per language and statement index and kept with the listing items (listing.ItemCache).
    Everything the item's template shows comes from the item (its page, categories and
    translations, the same for every listing of the locale) and the values in the key;
    the heading level is not in it: organisation and home pages show the kept HTML with its
    heading one level down (`_at_heading_level`), where rendering their items again made an
    organisation page cost two thirds more than a listing page.
    """
    statement_index = statement_index or context.get("statement_index")
    language = context.get("LANGUAGE_CODE")

    def render(level=heading_level):
        request = context["request"]
        index_url = page_url(statement_index, request) if item.categories else None
        macro = context.environment.get_template(ITEM).module.statement_item
        return macro(item, level, page_url(item.page, request), index_url, language)

    cache = ItemCache.of(context["request"])
    if cache is None:
        return render()
    key = (ItemCache.ITEM, item.page.pk, item.is_fallback,
           tuple(category.pk for category in item.categories), language,
           getattr(statement_index, "pk", None))  # fmt: skip
    return _at_heading_level(cache.remember(key, lambda: render(2)), heading_level)


def _at_heading_level(item_html, level):
    """An item's HTML rendered with its title as `<h2>`, with it as `<h{level}>` instead:
    the title is the item's first heading and the only element it opens as `<h2` (the rest
    is escaped text, links and paragraphs), so its first opening and closing tags are the
    title's."""
    if level == 2:
        return item_html
    opened = str.replace(item_html, "<h2", f"<h{level}", 1)  # str's: Markup's escapes
    return Markup(opened.replace("</h2>", f"</h{level}>", 1))  # noqa: S704


@pass_context
def archive_year(context, year):
    """`statements/includes/archive_year.html` for one year of the archive page
    (listing.ArchiveYear).

    The archive page names every month with its count, and changes with every statement;
    in the static export the HTML of a year is kept under a key that holds all it shows
    (its language, address, total and months with their counts), so that an export after
    one statement was published renders only that statement's year again.
    """

    def key():
        return (ItemCache.SELF_KEYED, "archive-year", context.get("LANGUAGE_CODE"), year.url,
                year.year, year.total, tuple(year.months))  # fmt: skip

    return _kept_include(context, "statements/includes/archive_year.html", key, year=year)


def _kept_include(context, template_name, key, **values):
    """The template rendered with `values` on top of `context`; in the static export, once
    per `key()`, which must name all the fragment shows."""
    template = context.environment.get_template(template_name)

    def render():
        # A template's output, escaped as it was rendered (autoescape is on).
        return Markup(template.render({**context.get_all(), **values}))  # noqa: S704

    return _kept(context, key, render)


def _kept(context, key, render):
    """`render()`; in the static export, once per `key()` (listing.ItemCache)."""
    cache = ItemCache.of(context["request"])
    return render() if cache is None else cache.remember(key(), render)
