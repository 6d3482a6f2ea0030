import copy
import functools
from itertools import groupby

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, TranslatableMixin

from communique.core import page_cache, structure
from communique.core.pagination import listing_page, listing_url, redirect_to_path_form
from communique.core.structure import ViewRestrictionsFromStructure
from communique.core.translations import in_locale_or_original


class Organisation(TranslatableMixin, models.Model):
    """A member organisation of the network; it may sign statements."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, allow_unicode=True)
    country = models.ForeignKey(
        "core.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("country"),
        FieldPanel("website"), FieldPanel("logo"), FieldPanel("description"),
    ]  # fmt: skip

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


def shown_with_slug(locale, slug):
    """The organisations with `slug` that `locale` shows (its own versions, else the
    originals), its own first, then by name: from the site's structure, as copies (a
    request may read their logo)."""
    held = structure.current()
    versions = held.with_slug(Organisation, slug)
    keys = {version.translation_key for version in versions}
    shown = held.localized(Organisation, keys, locale).values()
    chosen = [version for version in shown if version.slug == slug]
    chosen.sort(key=lambda org: (org.locale_id != locale.pk, org.name))
    return [copy.copy(org) for org in chosen]


def organisations_for_locale(locale):
    """Every organisation as `locale` shows it: its translation there, else the original."""
    return in_locale_or_original(Organisation.objects.all(), locale, Organisation.objects.all())


class OrganisationIndexPage(ViewRestrictionsFromStructure, RoutablePageMixin, Page):
    """The directory of member organisations, and a page per organisation."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("organisation directory")

    def listed_statements(self):
        """What this locale's listings show (an organisation's page narrows it)."""
        from communique.statements.models import StatementPage

        return StatementPage.objects.listed_in(self.locale)

    @path("")
    def directory(self, request):
        organisations = sorted(
            organisations_for_locale(self.locale).select_related("country", "logo"),
            key=lambda org: (org.country.name.casefold(), org.name.casefold()),
        )
        by_country = [
            (country, list(members))
            for country, members in groupby(organisations, key=lambda org: org.country)
        ]
        page_cache.add_tags(request, page_cache.ORGANISATIONS)  # no statements: see page_cache
        page_cache.shows_no_statements(request)
        return self.render(request, context_overrides={"by_country": by_country})

    @path("<str:slug>/")
    @path("<str:slug>/page/<int:number>/")
    def organisation(self, request, slug, number=None):
        from communique.statements.listing import build_items, statement_index_link
        from communique.statements.narrowed import organisation_scope
        from communique.statements.pagination import narrowed_paginator
        from communique.statements.queries import organisation_pages
        from communique.statements.windows import note_window

        candidates = shown_with_slug(self.locale, slug) or sorted(
            map(copy.copy, structure.current().with_slug(Organisation, slug)),
            key=lambda org: org.name,
        )
        if not candidates:
            raise Http404("No such organisation")
        organisation = candidates[0]
        scope = organisation_scope(organisation)
        pages = functools.partial(organisation_pages, organisation)
        paginator = narrowed_paginator(self.locale, scope, pages,
                                       request)(self.listed_statements,
                                                settings.COMMUNIQUE_LISTING_PAGE_SIZE)  # fmt: skip
        moved = redirect_to_path_form(request, paginator)
        if moved:
            return moved
        page_obj = listing_page(request, paginator, number)
        items = build_items(page_obj.object_list, self.locale, request)
        note_window(request, scope, page_obj.number, items)
        return self.render(
            request,
            template="organisations/organisation_detail.html",
            context_overrides={
                "organisation": organisation,
                "page_obj": page_obj,
                "listing_url": listing_url(request),
                "items": items,
                "statement_index": statement_index_link(self.locale, request),
            },
        )
