"""Named states and filters for statements: every listing, feed and API starts here."""

import datetime

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef
from django.db.models.functions import Length, Substr, TruncMonth
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from communique.core.timestamps import first_of_next_month

# What listings show of a statement (its item, feed entry and address): listings, feeds and
# archives read only these, not the body, the lead and the editing record (revisions,
# locks, schedules) the rest of a page row holds. Reading all 42 columns of a category
# page's 19 items took 0.55 ms against 0.40, and the whole page 6 % more instructions; a
# page read whole holds 7.3 KB in memory against 2.7, and a static export of 100,000
# statements keeps ~75,000 of them in each worker (listing.ItemCache). A full-content feed
# reads its items' bodies together (`with_bodies`); any other field is a query a page.
LISTED_FIELDS = ("title", "slug", "path", "depth", "url_path", "locale", "translation_key",
                 "content_type", "live", "last_published_at", "date",
                 "listing_excerpt", "sticky")  # fmt: skip


class StatementQuerySet(PageQuerySet):
    def published(self):
        """Live, public, and not an alias: what readers may see."""
        return self.live().filter(alias_of__isnull=True).without_view_restrictions()

    def without_view_restrictions(self):
        """Wagtail's public(), as a subquery rather than a query run when it is built.

        A page is private when a view restriction sits on it or on an ancestor, that is on
        a page whose tree path is a prefix of its own.
        """
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.filter(~Exists(restricted))

    def for_locale(self, locale, include_originals=True):
        """What a locale lists: its own translations, plus originals not translated into it.

        Read from the listing table (statements/listed.py), which applies the rule of
        core/translations.py ahead of time; `newest_first()` then walks its index. The
        pages come with LISTED_FIELDS only.
        """
        listed = {"listings__locale": locale}
        if not include_originals:
            listed["listings__is_fallback"] = False
        return self.filter(**listed).only(*LISTED_FIELDS).annotate(
            listed_date=F("listings__date"), listed_page=F("listings__page_id"),
            listed_position=F("listings__position"),
        )  # fmt: skip

    def listed_in(self, locale):
        """What the listings, feeds and archives of `locale` show, newest first.

        The listing table holds published, public statements only (listed.py keeps it so
        on publish, unpublish and view-restriction changes), so no `published()` here: its
        per-row visibility subquery made every count and page grow with the archive.
        """
        return self.for_locale(
            locale, include_originals=settings.COMMUNIQUE_SHOW_UNTRANSLATED
        ).newest_first()

    def published_versions(self, locale=None):
        """Every published, public version of every statement (or only those of `locale`),
        newest first: each is its own locale's row in the listing table, whose indexes give
        the order without reading the rest of the archive (the API lists these)."""
        listed = {"listings__is_fallback": False}
        if locale is not None:
            listed["listings__locale"] = locale
        return (
            self.filter(**listed)
            .annotate(listed_date=F("listings__date"), listed_page=F("listings__page_id"))
            .newest_first()
        )

    def originals(self):
        """One version per statement: the earliest created, aliases aside."""
        earlier = self.model.objects.filter(
            translation_key=OuterRef("translation_key"),
            pk__lt=OuterRef("pk"),
            alias_of__isnull=True,
        )
        return self.filter(alias_of__isnull=True).filter(~Exists(earlier))

    def newest_first(self):
        if "listed_date" in self.query.annotations:
            return self.order_by("-listed_date", "-listed_page")
        return self.order_by("-date", "-pk")

    # Each filter below is "the page is one of these", the set read once through its own
    # index: as a correlated EXISTS, SQLite probed it once per listed row of the locale
    # (a category page's count took 10 ms on 10,000 statements; this way 1.6 ms).

    def in_category(self, category):
        return self.filter(pk__in=category_pages(category))

    def in_country(self, country):
        return self.filter(pk__in=country_pages(country))

    def signed_by(self, organisation):
        return self.filter(pk__in=organisation_pages(organisation))

    def _date_field(self):
        """The listing table's date when listed (its index leads with locale and date)."""
        return "listed_date" if "listed_date" in self.query.annotations else "date"

    def in_month(self, first_day):
        field = self._date_field()
        return self.filter(**{f"{field}__gte": first_day,
                              f"{field}__lt": first_of_next_month(first_day)})  # fmt: skip

    def in_year(self, year):
        field = self._date_field()
        return self.filter(**{f"{field}__gte": datetime.date(year, 1, 1),
                              f"{field}__lt": datetime.date(year + 1, 1, 1)})  # fmt: skip

    def month_counts(self):
        """Return [(first day of month, number of statements)], newest month first."""
        rows = (
            self.order_by()
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(total=Count("pk"))
            .order_by("-month")
        )
        return [(row["month"], row["total"]) for row in rows]


def category_pages(category):
    """The ids of the statements in this category (in any of its languages), as a subquery."""
    from .models import StatementPage

    through = StatementPage.categories.through
    return through.objects.filter(category__translation_key=category.translation_key).values(
        "statementpage_id"
    )


def country_pages(country):
    """The ids of the statements about this country, as a subquery."""
    from .models import StatementPage

    return StatementPage.countries.through.objects.filter(country_id=country.pk).values(
        "statementpage_id"
    )


def with_bodies(pages):
    """`pages` (statements read with LISTED_FIELDS only), each with its body: those read
    without it get it in one query, not one each as a deferred field would."""
    from .models import StatementPage

    missing = {page.pk: page for page in pages if "body" not in page.__dict__}
    if missing:
        bodies = StatementPage.objects.filter(pk__in=list(missing)).values_list("pk", "body")
        for pk, body in bodies:
            missing[pk].body = body
    return pages


def organisation_pages(organisation):
    """The ids of the statements this organisation (in any of its languages) signed."""
    from .models import StatementSignatory

    return StatementSignatory.objects.filter(
        organisation__translation_key=organisation.translation_key
    ).values("page_id")


def listing_rows(locale):
    """The listing table's rows of what `listed_in(locale)` lists (one row per statement)."""
    from .models import ListedStatement

    rows = ListedStatement.objects.filter(locale=locale)
    return rows if settings.COMMUNIQUE_SHOW_UNTRANSLATED else rows.filter(is_fallback=False)
