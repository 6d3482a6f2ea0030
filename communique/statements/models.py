import datetime
import functools

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.search import index

from communique.core import structure
from communique.core.excerpts import html_to_text, truncate_text
from communique.core.main_pages import page_url
from communique.core.models import BODY_FEATURES
from communique.core.page_cache import add_tags
from communique.core.pagination import listing_page, listing_url, redirect_to_path_form
from communique.core.prepared import PreparedRead
from communique.core.structure import ViewRestrictionsFromStructure
from communique.core.timestamps import first_of_next_month

from .fields import StoredExcerptField
from .narrowed import category_scope, country_scope
from .queries import StatementQuerySet, category_pages, country_pages

LEAD_MAX_LENGTH = 600


class Category(TranslatableMixin, models.Model):
    """A translatable subject heading ("Declarations", "Solidarity", …)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class StatementIndexPage(ViewRestrictionsFromStructure, RoutablePageMixin, Page):
    """Every statement of one locale, with listings by category, country and month."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["statements.StatementPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statement index")

    def route(self, request, path_components):
        """A statement's address: its page in one query, where Wagtail's `Page.route` takes
        two (the page, then its specific form) and the page's locale a third (the site's
        structure holds the locales). The index's own routes (listings, categories, months)
        come first, as ever."""
        if self.live and len(path_components) == 1:
            try:
                self.resolve_subpage(f"/{path_components[0]}/")
            except Http404:
                below = self._get_children_path_interval(self.path)
                found = _CHILD_WITH_SLUG.read(*below, self.depth + 1, path_components[0])
                for child in found:
                    child._cached_parent_obj = self
                    child.locale = structure.of(request).locales_by_id[child.locale_id]
                    return child.route(request, [])
        return super().route(request, path_components)

    def statements(self):
        return StatementPage.objects.listed_in(self.locale)

    @staticmethod
    def _children_with_slug(lowest, highest, depth, slug):
        """Statements with `slug` at `depth` whose tree paths run from `lowest` to
        `highest`: a page's children, as treebeard finds them. Slugs are unique among
        siblings: no ordering, and no join for the locale."""
        children = StatementPage.objects.filter(
            path__range=(lowest, highest), depth=depth, slug=slug
        )
        return children.order_by()[:1]

    def month_counts(self, year=None):
        """[(first day of month, statements listed)], newest first; of one `year`, or all."""
        from . import listed

        if settings.COMMUNIQUE_SHOW_UNTRANSLATED:
            return listed.month_counts(self.locale, year)
        statements = self.statements() if year is None else self.statements().in_year(year)
        return statements.month_counts()

    def render_listing(self, request, statements, heading, number=None, paginator_class=None,
                       scope="all", **extra):  # fmt: skip
        """A page of a listing (see core/pagination.py); `scope` names the listing for the
        static mirror (windows.note_window). `statements`: a function giving the listing's
        statements, which only paginators that slice them call (building the queryset cost
        more than the prepared reads of the position paginators)."""
        from .listing import archive_page_navigation, build_items
        from .windows import note_window

        size = settings.COMMUNIQUE_LISTING_PAGE_SIZE
        if paginator_class is None:
            paginator = Paginator(statements().newest_first(), size)
        else:
            paginator = paginator_class(statements, size)
        moved = redirect_to_path_form(request, paginator)
        if moved:
            return moved
        page_obj = listing_page(request, paginator, None if number is None else int(number))
        if extra and not page_obj.count:
            # A category, country, year or month with nothing published is not a page: the
            # archive and the sitemap do not link it either.
            raise Http404("Nothing published here")
        month = extra.get("month_start")
        selected = month or extra.get("year_start")
        base = page_url(self, request)
        items = build_items(page_obj.object_list, self.locale, request)
        note_window(request, scope, page_obj.number, items)
        if selected and page_obj.number is None:
            navigation = self.year_navigation(selected.year, base, request)
        elif selected:
            navigation = archive_page_navigation(selected.year, month, base)
        else:
            navigation = None
        context = {
            "heading": heading,
            "page_obj": page_obj,
            "items": items,
            "archive_url": base + self.reverse_subpage("archive"),
            "year_navigation": navigation,
            "listing_url": listing_url(request),
            **extra,
        }
        return self.render(request, context_overrides=context)

    def year_navigation(self, year, base, request):
        """The navigation of a year's front page and its months' (listing.year_navigation).
        In the static export, worked out once for them all: it is a query (a tenth of a
        month's page there), and a year has up to thirteen such pages in each language. Kept
        with the listings (listing.ItemCache), it is read again after any publication."""
        from .listing import ItemCache, year_navigation

        def navigation():
            return year_navigation(self.month_counts(year), year, base)

        cache = ItemCache.of(request)
        if cache is None:
            return navigation()
        return cache.remember(("year navigation", self.locale.pk, year, base), navigation)

    def render_narrowed(self, request, scope, pages, heading, number, **extra):
        """The listing narrowed to `scope` (statements/narrowed.py), whose statements are
        among `pages()` (a function giving a subquery of ids): see narrowed_paginator."""
        from .pagination import narrowed_paginator

        paginator = narrowed_paginator(self.locale, scope, pages, request)
        return self.render_listing(request, self.statements, heading, number,
                                   paginator_class=paginator, scope=scope, **extra)  # fmt: skip

    @path("")
    @path("page/<int:number>/")
    def all_statements(self, request, number=None):
        from .pagination import ListingPaginator, whole_listing

        paginator = None
        if settings.COMMUNIQUE_SHOW_UNTRANSLATED:
            paginator = functools.partial(ListingPaginator, locale=self.locale,
                                          whole=whole_listing(request, self.locale))  # fmt: skip
        return self.render_listing(request, self.statements, self.title, number,
                                   paginator_class=paginator)  # fmt: skip

    @path("category/<str:slug>/")
    @path("category/<str:slug>/page/<int:number>/")
    def category(self, request, slug, number=None):
        from .listing import find_category

        category = find_category(slug, self.locale)
        if category.slug != slug:
            add_tags(request, category_scope(category))  # it leads where the category is
            return redirect(self.url + self.reverse_subpage("category", args=[category.slug]))
        return self.render_narrowed(request, category_scope(category),
                                    functools.partial(category_pages, category), category.name,
                                    number, category=category)  # fmt: skip

    @path("country/<str:code>/")
    @path("country/<str:code>/page/<int:number>/")
    def country(self, request, code, number=None):
        if code != code.lower():
            raise Http404
        country = structure.of(request).country(code)
        if country is None:
            raise Http404
        return self.render_narrowed(request, country_scope(country),
                                    functools.partial(country_pages, country), country.name,
                                    number, country=country)  # fmt: skip

    @re_path(r"^(?P<year>\d{4})/$")
    @re_path(r"^(?P<year>\d{4})/page/(?P<number>\d+)/$")
    def year(self, request, year, number=None):
        try:
            first_day, next_year = (datetime.date(int(year) + more, 1, 1) for more in (0, 1))
        except ValueError as error:  # year 0, or 9999 (its end is past the calendar's)
            raise Http404 from error
        return self.render_listing(
            request,
            lambda: self.statements().in_year(first_day.year),
            year,
            number,
            paginator_class=self.dates_paginator(first_day, next_year, request),
            scope=f"year:{year}",
            year_start=first_day,
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/page/(?P<number>\d+)/$")
    def month(self, request, year, month, number=None):
        try:
            first_day = datetime.date(int(year), int(month), 1)
            next_month = first_of_next_month(first_day)
        except (ValueError, OverflowError) as error:  # past the calendar's end: 9999/12
            raise Http404 from error
        return self.render_listing(
            request,
            lambda: self.statements().in_month(first_day),
            None,
            number,
            paginator_class=self.dates_paginator(first_day, next_month, request),
            scope=f"month:{year}-{month}",
            month_start=first_day,
        )

    def dates_paginator(self, start, stop, request=None):
        """Pages of the statements dated from `start` to before `stop`: by position in the
        listing table, under its rule (else the default, counting and slicing); found in the
        whole listing where the request's process keeps it (pagination.whole_listing)."""
        if not settings.COMMUNIQUE_SHOW_UNTRANSLATED:
            return None
        from .pagination import DatesPaginator, whole_listing

        return functools.partial(DatesPaginator, locale=self.locale, start=start, stop=stop,
                                 whole=whole_listing(request, self.locale))  # fmt: skip

    @classmethod
    def routes_slug(cls, slug):
        """Whether `slug` is one of the index's own addresses ("archive", a year), which a
        statement of that slug could never be reached at (`route` tries them first)."""
        try:
            cls().resolve_subpage(f"/{slug}/")
        except Http404:
            return False
        return True

    @path("archive/")
    def archive(self, request):
        """Every year and month with what it holds: the one page whose counts change with
        every statement, so that the listings' own pages need not show them."""
        from .listing import archive_years

        years = archive_years(self.month_counts(), page_url(self, request))
        return self.render(request, template="statements/archive.html",
                           context_overrides={"archive": years})  # fmt: skip


class StatementPage(ViewRestrictionsFromStructure, Page):
    """A statement: a declaration, joint statement or appeal, in one language."""

    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        db_index=True,
        help_text=_("The statement's own date, shown to readers."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=LEAD_MAX_LENGTH,
        help_text=_("Optional. Replaces the automatic excerpt in listings."),
    )
    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_credit = models.CharField(_("image credit"), max_length=255, blank=True)
    lead_image_licence = models.CharField(_("image licence"), max_length=255, blank=True)
    categories = ParentalManyToManyField(
        Category, verbose_name=_("categories"), blank=True, related_name="statements"
    )
    author_name = models.CharField(
        _("author"),
        max_length=255,
        blank=True,
        help_text=_("Optional. The person or body that wrote the statement."),
    )
    listing_excerpt = StoredExcerptField(_("excerpt"))
    sticky = models.BooleanField(
        _("pinned"), default=False, help_text=_("Imported from WordPress's sticky posts.")
    )
    countries = ParentalManyToManyField(
        "core.Country", verbose_name=_("countries"), blank=True, related_name="statements"
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_credit"),
             FieldPanel("lead_image_licence")],
            heading=_("Lead image"),
        ),
        FieldPanel("categories"),
        FieldPanel("countries"),
        FieldPanel("author_name"),
        FieldPanel("sticky"),
        InlinePanel("signatories", label=_("Signatories"), heading=_("Signatories")),
    ]  # fmt: skip

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body_text"),
        index.FilterField("date"),
    ]

    objects = PageManager.from_queryset(StatementQuerySet)()

    parent_page_types = ["statements.StatementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def clean(self):
        super().clean()
        if self.slug and StatementIndexPage.routes_slug(self.slug):
            raise ValidationError({"slug": _(
                "“%(slug)s” is the address of a page of the statement listings (the archive "
                "or a year): choose another slug."
            ) % {"slug": self.slug}})  # fmt: skip

    @property
    def body_text(self):
        """The body as plain text, worked out once per body (both search indexes read it).

        Wagtail's search backends read each search field once per index column (title,
        body, autocomplete): three HTML parses of the body per page without this.
        """
        cached = self.__dict__.get("_body_text")
        if cached is None or cached[0] is not self.body:
            cached = self.__dict__["_body_text"] = (self.body, html_to_text(self.body))
        return cached[1]

    def set_body(self, html, text):
        """Set the body together with its plain text, worked out elsewhere (the importer
        does it in worker processes)."""
        self.body = html
        self.__dict__["_body_text"] = (html, text)

    @property
    def excerpt(self):
        """The lead, or else the body, cut to the excerpt length, from the page as it is now
        (a preview's too): worked out once per lead and body. Saved pages keep it in
        `listing_excerpt`, which listings, feeds and the API read."""
        limit = settings.COMMUNIQUE_EXCERPT_LENGTH
        source = (self.lead, self.body, limit)
        cached = self.__dict__.get("_excerpt")
        if cached is None or cached[0] != source:
            text = truncate_text(self.lead or self.body_text, limit)
            cached = self.__dict__["_excerpt"] = (source, text)
        return cached[1]

    def excerpt_for(self, request):
        """The excerpt a page shows of itself (meta description, JSON-LD): the stored one,
        but in a preview the edited page's own, worked out afresh."""
        if getattr(request, "is_preview", False) or not self.listing_excerpt:
            return self.excerpt
        return self.listing_excerpt

    def get_context(self, request, *args, details=None, **kwargs):
        """`details`: what statement_details() would return, when the caller worked it out
        for many pages at once (the static export does)."""
        from .listing import statement_details

        context = super().get_context(request, *args, **kwargs)
        context.update(details if details is not None else statement_details(self, request))
        return context


_CHILD_WITH_SLUG = PreparedRead(StatementIndexPage._children_with_slug)


class StatementSignatory(Orderable):
    """One organisation that signed a statement, in the order the signatures are shown."""

    page = ParentalKey(StatementPage, on_delete=models.CASCADE, related_name="signatories")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="signatures",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")


class ListedStatement(models.Model):
    """One statement as a locale lists it: its own version, or the original as a fallback.

    A table kept by `listed.py` so that listings, feeds and month archives read an index
    instead of working out per request which version each locale shows. `position`
    numbers a locale's listing from its oldest statement (0), so that any page of the
    archive is a range of positions rather than an OFFSET scan.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    page = models.ForeignKey(StatementPage, on_delete=models.CASCADE, related_name="listings")
    date = models.DateField()
    is_fallback = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "translation_key"],
                                    name="one_listing_per_statement_and_locale"),
        ]  # fmt: skip
        indexes = [
            models.Index(fields=["locale", "date", "page"], name="listed_by_date"),
            models.Index(fields=["locale", "position"], name="listed_by_position"),
            # Every published version of some statements ("Also in"): own rows by key.
            models.Index(fields=["translation_key", "is_fallback"], name="listed_by_key"),
            # Every published version, newest first (the API's list in all languages).
            models.Index(
                fields=["date", "page"],
                condition=models.Q(is_fallback=False),
                name="listed_versions",
            ),  # fmt: skip
        ]

    def __str__(self):
        return f"{self.locale_id}: {self.page_id} @ {self.position}"


class ListedInScope(models.Model):
    """A locale's listing row of a statement, once for each narrower listing it is in: each
    of its categories, countries and signatories (`scope` names the listing as
    statements/narrowed.py does: "category:<key>", "country:<code>", "organisation:<key>").

    Kept with ListedStatement by `listed.py`; `position` numbers the statements of one scope
    in one locale from the oldest (0), so that any page of such a listing, its length and
    its newest statements (a feed) come from an index, whether the scope holds most of the
    archive or three statements of it.
    """

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=64)
    page = models.ForeignKey(StatementPage, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    position = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "scope", "date", "page"],
                         name="listed_in_scope_by_date"),
            models.Index(fields=["locale", "scope", "position"],
                         name="listed_in_scope_by_place"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.locale_id}/{self.scope}: {self.page_id} @ {self.position}"


class ListedMonth(models.Model):
    """How many statements a locale lists in one month (for the month archive navigation)."""

    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    total = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["locale", "month"], name="one_count_per_month"),
        ]

    def __str__(self):
        return f"{self.locale_id}: {self.month:%Y-%m} ({self.total})"
