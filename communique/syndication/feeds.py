"""RSS 2.0 and Atom feeds per language, on Django's syndication framework."""

import datetime
import functools
import inspect
import io
import types

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from communique.core import structure
from communique.core.main_pages import page_url
from communique.core.timestamps import to_seconds
from communique.core.translations import localized_map
from communique.organisations.models import Organisation
from communique.statements.listing import ItemCache, build_items, signatory_keys
from communique.statements.queries import with_bodies
from communique.statements.windows import NEWEST, note_window

from .absolute import absolutize_html
from .item_writer import ItemWriter
from .scopes import resolve_scope

FEED_SIZE = 50
DC = "http://purl.org/dc/elements/1.1/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"


class KeptItems:
    """The static export's record of a feed's items (see StatementFeed.items): their page
    ids in order, the latest of their dates, where each item's XML is kept, and the values
    of the items whose XML is not kept but whose values are (`shared`: see `values_key`)."""

    def __init__(self, cache, feed_type, full, language):
        self.cache, self.key, self.language = cache, (feed_type, full, language), language
        self.order, self.latest, self.shared = [], None, []

    def item_key(self, page_id):
        # Forgotten with the statement (ItemCache.forget): keyed as its items are.
        return (ItemCache.ITEM, page_id, *self.key)

    def values_key(self, page_id):
        """Where an item's values (what the syndication framework hands the feed generator,
        without the full body) are kept: the same for the RSS and Atom feeds, with or
        without the body, of every scope of a language. Forgotten with the statement."""
        return (ItemCache.ITEM, page_id, "feed values", self.language)

    def has(self, page_id):
        return self.cache.has(self.item_key(page_id))

    def has_values(self, page_id):
        return self.cache.has(self.values_key(page_id))

    def keep_values(self, items):
        """Keep the values of `items`, as the feed generator holds them (its add_item)."""
        for values in items:
            shared = {name: value for name, value in values.items() if name != "content_html"}
            self.cache.remember(self.values_key(values["page_id"]), lambda shared=shared: shared)

    def values(self, page_id):
        return self.cache.fragments[self.values_key(page_id)]


class WrittenAtOnce:
    """Write the feed's XML into a string, then into the response in one piece: written
    straight into an HttpResponse, each of its half a million SAX events in a static export
    went through a text wrapper and the response's encoder on its own (a fifth of a feed's
    time).

    In the static export an item's XML is written once and kept (`kept` among the feed's
    values: KeptItems): the same statement is in the feeds of its categories, countries
    and signatories, and, in a process that exports again and again (`--watch`), in the
    same feeds next time. The feed was given only the items whose XML is not kept yet."""

    ITEM_ELEMENT = "item"

    def write(self, outfile, encoding):
        self._buffer = io.StringIO()
        self._encoding = encoding
        super().write(self._buffer, encoding)
        outfile.write(self._buffer.getvalue())

    def write_items(self, handler):
        kept = self.feed.get("kept")
        if kept is None:
            return super().write_items(handler)
        fresh = {item["page_id"]: item for item in self.items}
        for page_id in kept.order:
            # Between items the handler has nothing pending: written into its stream as is.
            write = functools.partial(self._item_xml, fresh.get(page_id))
            self._buffer.write(kept.cache.remember(kept.item_key(page_id), write))

    def _item_xml(self, item):
        handler = ItemWriter(self._encoding)
        handler.startElement(self.ITEM_ELEMENT, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.ITEM_ELEMENT)
        return handler.text()

    def latest_post_date(self):
        kept = self.feed.get("kept")
        if kept is None or kept.latest is None:
            return super().latest_post_date()
        return kept.latest


class CommuniqueRssFeed(WrittenAtOnce, Rss201rev2Feed):
    """RSS 2.0 with each item's language (dc:language) and, in full feeds, content:encoded."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DC, "xmlns:content": CONTENT}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])


class CommuniqueAtomFeed(WrittenAtOnce, Atom1Feed):
    """Atom with each entry's language (dc:language) and, in full feeds, <content>."""

    ITEM_ELEMENT = "entry"

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:dc": DC}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("dc:language", item["language"])
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})


class StatementFeed(Feed):
    feed_type = CommuniqueRssFeed
    full_content = False

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def _get_dynamic_attr(self, attname, obj, default=None):
        """Django's lookup of a feed's or item's attribute, with whether each of the class's
        methods takes the object found once per class: Django unwraps the method and looks
        it up statically at each of the ~20 lookups an item makes (feeds in the static
        export of 1,000 statements 1.18 → 1.10 ms each). Django's method is private: a test
        holds this one to it for every attribute a feed asks."""
        if not _takes_the_object(type(self), attname) or attname in self.__dict__:
            return super()._get_dynamic_attr(attname, obj, default)
        return getattr(self, attname)(obj)

    def get_object(self, request, kind="statements", value=""):
        self.site_name = getattr(Site.find_for_request(request), "site_name", "") or "Communiqué"
        self.locale = structure.active_locale()
        cache = ItemCache.of(request)  # the static export: RSS, Atom and full feeds share it
        if cache is None:
            return resolve_scope(self.locale, kind, value)
        return cache.remember((ItemCache.SCOPE, self.locale.pk, kind, value),
                              lambda: resolve_scope(self.locale, kind, value))  # fmt: skip

    def title(self, scope):
        return f"{scope.title} · {self.site_name}"

    def link(self, scope):
        return scope.listing_url

    def description(self, scope):
        return _("Statements of %(site)s: %(scope)s") % {
            "site": self.site_name,
            "scope": scope.title,
        }

    def feed_url(self, scope):
        return self.request.path

    def feed_extra_kwargs(self, scope):
        cache = ItemCache.of(self.request)
        self.kept = cache and KeptItems(cache, self.feed_type.__name__, self.full_content,
                                        self.locale.language_code)  # fmt: skip
        return {"kept": self.kept} if self.kept else {}

    def get_feed(self, obj, request):
        """Django's feed; in the static export, the items it was handed (see `items`) have
        their values kept for the feed's other formats, and the items whose values were
        kept already join them without going through the framework's per-attribute
        lookups again."""
        feed = super().get_feed(obj, request)
        if self.kept:
            self.kept.keep_values(feed.items)
            for page in self.kept.shared:
                values = self.kept.values(page.pk)
                if self.full_content:
                    values = {**values, "content_html": self.content_html(page)}
                feed.items.append(values)
        return feed

    def items(self, scope):
        """The newest statements of the scope, as listings show them (with their categories
        in this language; in the static export, shared with the listings: see ItemCache,
        and worked out once for the RSS, Atom and full feeds of a scope). In the static
        export, only those whose item XML is not kept (see WrittenAtOnce) and whose values
        are not kept either (see `get_feed`)."""
        cache = ItemCache.of(self.request)
        if cache is None:
            newest = self.newest(scope)
        else:
            newest = cache.remember(("feed", self.locale.pk, scope.kind, scope.value),
                                    lambda: self.newest(scope))  # fmt: skip
        items, self.categories, self.signed, self.organisations = newest
        note_window(self.request, scope.key, NEWEST, items)
        pages = [item.page for item in items]
        if not self.kept:
            return with_bodies(pages) if self.full_content else pages
        self.kept.order = [page.pk for page in pages]
        latest = ("feed latest", self.locale.pk, scope.kind, scope.value)
        self.kept.latest = cache.remember(latest, lambda: self.latest_date(pages))
        fresh = [page for page in pages if not self.kept.has(page.pk)]
        if self.full_content:
            with_bodies(fresh)  # what content_html reads, for those whose XML is not kept
        self.kept.shared = [page for page in fresh if self.kept.has_values(page.pk)]
        return [page for page in fresh if not self.kept.has_values(page.pk)]

    def latest_date(self, pages):
        """The latest date among the items, as the feed generator's latest_post_date()
        would find it among all of them (worked out once for the feed's formats)."""
        dates = [date for page in pages
                 for date in (self.item_updateddate(page), self.item_pubdate(page))
                 if date]  # fmt: skip
        return max(dates, default=None)

    def newest(self, scope):
        """The scope's newest items, with their categories, signatories' keys by page and
        the organisations those name, in this language (in the static export, signatories
        kept: see ItemCache.each; organisations come with the site's structure)."""
        items = build_items(scope.newest(self.locale, FEED_SIZE), self.locale, self.request,
                            translations=False)  # fmt: skip
        categories = {item.page.pk: item.categories for item in items}
        signed = self._signatories([item.page.pk for item in items])
        keys = {key for page_keys in signed.values() for key in page_keys}
        return items, categories, signed, localized_map(Organisation, keys, self.locale)

    def _signatories(self, page_ids):
        cache = ItemCache.of(self.request)
        if cache is None:
            return signatory_keys(page_ids)
        return cache.each(ItemCache.ITEM, "signatories", page_ids, signatory_keys, default=())

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page_url(page, self.request)

    def item_description(self, page):
        return page.listing_excerpt

    def item_pubdate(self, page):
        return datetime.datetime.combine(page.date, datetime.time(), datetime.UTC)

    def item_updateddate(self, page):
        return to_seconds(page.last_published_at)

    def item_author_name(self, page):
        names = [self.organisations[key].name for key in self.signed[page.pk]]
        return ", ".join(names) or self.site_name

    def item_categories(self, page):
        return [category.name for category in self.categories[page.pk]]

    def item_extra_kwargs(self, page):
        extra = {"language": page.locale.language_code, "page_id": page.pk}
        if self.full_content:
            extra["content_html"] = self.content_html(page)
        return extra

    def content_html(self, page):
        """The body with absolute links, worked out once per body and address (the static
        export shares a statement's page among the feeds that show it)."""
        base = self.request.build_absolute_uri(page_url(page, self.request))
        source = (page.body, base)
        cached = page.__dict__.get("_feed_content")
        if cached is None or cached[0] != source:
            html = absolutize_html(expand_db_html(page.body), base)
            cached = page.__dict__["_feed_content"] = (source, html)
        return cached[1]


@functools.cache
def _takes_the_object(feed_class, attname):
    """Whether `attname` is a plain function of `feed_class` taking self and the feed's
    object or item, as Django would call it; anything else is left to Django's lookup."""
    found = inspect.getattr_static(feed_class, attname, None)
    return isinstance(found, types.FunctionType) and found.__code__.co_argcount == 2


class StatementAtomFeed(StatementFeed):
    feed_type = CommuniqueAtomFeed

    def subtitle(self, scope):
        return self.description(scope)


def feed_view(request, fmt, full=False, kind=None, value=None):
    """Serve one feed: RSS or Atom, excerpts or full content, of one scope."""
    feed = (StatementAtomFeed if fmt == "atom" else StatementFeed)()
    feed.full_content = full
    return feed(request, kind=kind or "statements", value=value or "")
