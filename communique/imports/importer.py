"""Import a WXR export: statements, pages, media, translation groups and old URLs.

Everything happens in one transaction: a failure leaves the database as it was, and
`dry_run` rolls back at the end (and writes no media files). Importing again updates what
changed, keyed by the WordPress site and post id.
"""

import logging
import uuid
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from communique.core.bulk_insert import insert_values
from communique.core.garbage import paused_collection
from communique.core.languages import language_codes
from communique.core.models import StandardPage
from communique.core.site_structure import ensure_site_structure
from communique.search import index as search_index
from communique.statements import listed
from communique.statements.listing import statement_index_for
from communique.statements.models import Category, StatementIndexPage, StatementPage

from .bulk import NewStatement, create_statements
from .languages import assign_languages
from .media import import_attachment
from .models import ImportedItem
from .prepare import LIVE_STATUSES, Context, prepare_all
from .wxr import WxrError, parse_file

logger = logging.getLogger(__name__)
NAMESPACE = uuid.UUID("2b0f5f8e-3f0e-4d55-9d59-7f8a3c1e6b21")
BATCH_SIZE = 1000
# A batch this big is written early when the next post is not prepared yet (prepare.py).
EARLY_BATCH_SIZE = 100
DRAFT_STATUSES = {"draft", "pending", "private", "future"}
IMPORTED_STATUSES = LIVE_STATUSES | DRAFT_STATUSES
SKIPPED_TYPES = {
    "nav_menu_item": "navigation menu item",
    "wp_navigation": "navigation block",
    "revision": "revision of another post",
    "custom_css": "theme CSS",
    "wp_global_styles": "theme styles",
    "wp_template": "theme template",
    "wp_template_part": "theme template part",
    "wp_block": "reusable block",
}


@dataclass
class Summary:
    by_kind: Counter = field(default_factory=Counter)
    by_language: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)
    translation_groups: int = 0
    redirects: int = 0
    skipped: list = field(default_factory=list)  # (wp id, post type, reason)
    warnings: list = field(default_factory=list)  # (wp id, message)
    dry_run: bool = False


@dataclass
class Options:
    media_dir: Path | None = None
    default_locale: str | None = None  # None: the export's own language, else settings
    locale_map: dict = field(default_factory=dict)
    category_map: dict | None = None
    dry_run: bool = False
    workers: int | None = None  # processes preparing posts (prepare.py); None: automatic


class Importer:
    def __init__(self, path, options, progress=None):
        self.path, self.options = Path(path), options
        self.progress = progress or (lambda total: lambda: None)
        self.summary = Summary(dry_run=options.dry_run)
        self.pages_by_wp_id, self.images_by_url, self.images_by_id = {}, {}, {}
        self.pending, self.taken_slugs, self.taken_keys, self.indexes = [], {}, set(), {}

    def run(self):
        with paused_collection():
            export = parse_file(self.path)  # before the transaction: bad files change nothing
            with transaction.atomic():
                with listed.deferred():
                    self.import_export(export)
                if self.options.dry_run:
                    transaction.set_rollback(True)
        if not self.options.dry_run:
            search_index.settle()  # many entries written at once (search/index.py)
        return self.summary

    # Steps -----------------------------------------------------------------------------

    def import_export(self, export):
        self.export, self.source = export, export.site_url or str(self.path.name)
        ensure_site_structure()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.records = {
            record.wp_id: record
            for record in ImportedItem.objects.filter(
                source=self.source, page__isnull=False
            ).select_related("page")
        }
        self.taken_keys = set(
            StatementPage.objects.values_list("translation_key", "locale_id").iterator()
        )
        self.categories = {category.slug: category for category in Category.objects.all()}
        if self.options.default_locale is None:
            channel = self.options.locale_map.get(export.language, export.language)
            self.options.default_locale = (
                channel if channel in self.locales else (settings.LANGUAGE_CODE)
            )
        if self.options.default_locale not in self.locales:
            raise WxrError(f"--default-locale {self.options.default_locale} is not a site language")
        for item in export.items:
            code = item.meta.get("_wpml_language") or ""
            if code in self.options.locale_map:
                item.meta["_wpml_language"] = self.options.locale_map[code]
            item.terms = [
                (d, self.options.locale_map.get(s, s) if d == "language" else s, n)
                for d, s, n in item.terms
            ]
        self.assignments, warnings = assign_languages(
            export, set(language_codes()), self.options.default_locale
        )
        self.summary.warnings += warnings
        self.import_attachments([i for i in export.items if i.post_type == "attachment"])
        contents = [i for i in export.items if i.post_type in ("post", "page")]
        for item in export.items:
            if item.post_type not in ("post", "page", "attachment"):
                reason = SKIPPED_TYPES.get(
                    item.post_type, f"post type {item.post_type} not imported"
                )
                self.summary.skipped.append((item.wp_id, item.post_type, reason))
        items = self.ordered(contents)
        context = Context(self.assignments, export.authors, self.image_for_url)
        imported = [item for item in items if item.status in IMPORTED_STATUSES]
        tick = self.progress(len(contents))
        # closing(): a failure stops the worker processes at once, not when collected.
        with closing(prepare_all(imported, context, self.options.workers)) as ready:
            for item in items:
                if item.post_type == "page" and self.pending:
                    self.flush()
                self.import_item(item, ready)
                if len(self.pending) >= BATCH_SIZE or (
                    len(self.pending) >= EARLY_BATCH_SIZE and not ready.ready()
                ):
                    self.flush()
                tick()
        self.flush()
        self.count_groups()
        self.redirect_category_archives()

    def ordered(self, items):
        """Originals before translations, parents before children."""
        depth = {}

        def depth_of(item, seen=()):
            if item.wp_id in depth:
                return depth[item.wp_id]
            parent = by_id.get(item.parent_id)
            value = (
                0
                if parent is None or parent.wp_id in seen
                else 1 + depth_of(parent, (*seen, item.wp_id))
            )
            depth[item.wp_id] = value
            return value

        by_id = {item.wp_id: item for item in items}
        never = datetime.min.replace(tzinfo=UTC)
        return sorted(
            items, key=lambda i: (i.post_type != "post", depth_of(i), i.date or never, i.wp_id)
        )

    def import_attachments(self, attachments):
        for item in attachments:
            self.summary.by_kind["attachment"] += 1
            image, message = import_attachment(item, self.source, self.options)
            if message:
                self.summary.warnings.append((item.wp_id, message))
            if image is not None:
                self.images_by_id[item.wp_id] = image
                for url in filter(None, [item.attachment_url, item.link]):
                    self.images_by_url[url] = image

    def image_for_url(self, url):
        if url in self.images_by_url:
            return self.images_by_url[url]
        stem = Path(urlsplit(url).path).name
        for known, image in self.images_by_url.items():
            if Path(urlsplit(known).path).name == stem:
                return image
        return None

    def import_item(self, item, ready):
        """Import one post or page; `ready` yields the Prepared form of each imported item."""
        if item.status not in IMPORTED_STATUSES:
            self.summary.skipped.append((item.wp_id, item.post_type, f"status {item.status}"))
            return
        assignment = self.assignments[item.wp_id]
        self.summary.by_kind[item.post_type] += 1
        self.summary.by_language[assignment.language] += 1
        self.summary.by_status[item.status] += 1
        try:
            prepared = next(ready)
            page = self.save_page(item, assignment, prepared)
        except ValidationError as error:
            raise WxrError(
                f"item #{item.wp_id} at line {item.line} cannot be saved: {error}"
            ) from error
        if page is not None:
            self.pages_by_wp_id[item.wp_id] = page
            self.summary.redirects += self.redirect_old_urls(prepared.old_paths, page)

    # Pages -----------------------------------------------------------------------------

    def save_page(self, item, assignment, prepared):
        record = self.records.get(item.wp_id)
        if record and record.page_id and record.checksum == prepared.checksum:
            self.summary.actions["unchanged"] += 1
            return record.page.specific
        locale = self.locales[assignment.language]
        self.summary.warnings += [(item.wp_id, message) for message in prepared.warnings]
        fields = dict(prepared.fields)
        if item.post_type == "post":
            fields["lead_image"] = self.images_by_id.get(int(item.meta.get("_thumbnail_id") or 0))
        if record and record.page_id:
            page = record.page.specific.get_latest_revision_as_object()
            for name, value in fields.items():
                setattr(page, name, value)
            self.set_relations(page, item, locale)
            self.store(page, item, new=False)
            self.summary.actions["updated"] += 1
        elif item.post_type == "post":
            self.queue_statement(item, assignment, locale, fields, prepared)
            self.summary.actions["created"] += 1
            return None
        else:
            page = self.create_page(item, assignment, locale, fields)
            self.summary.actions["created"] += 1
        ImportedItem.objects.update_or_create(
            source=self.source,
            wp_id=item.wp_id,
            defaults={"kind": item.post_type, "page": page, "checksum": prepared.checksum},
        )
        return page

    def create_page(self, item, assignment, locale, fields):
        key = uuid.uuid5(NAMESPACE, f"{self.source}|{assignment.group}")
        if item.post_type == "post":
            parent = statement_index_for(locale)
            page = StatementPage(locale=locale, translation_key=key, **fields)
        else:
            parent = self.pages_by_wp_id.get(item.parent_id)
            if parent is None or parent.locale_id != locale.pk:
                parent = self.home_of(locale)
            page = StandardPage(
                locale=locale, translation_key=key, title=fields["title"], body=fields["body"]
            )
        if type(page).objects.filter(translation_key=key, locale=locale).exists():
            page.translation_key = uuid.uuid5(NAMESPACE, f"{self.source}|post:{item.wp_id}")
            self.summary.warnings.append(
                (item.wp_id, "a second version in the same language; imported on its own")
            )
        page.slug = self.free_slug(parent, item)
        page.live = item.status in LIVE_STATUSES
        if page.live:
            page.first_published_at = item.date
            page.last_published_at = item.modified or item.date
        parent.add_child(instance=page)
        self.set_relations(page, item, locale)
        self.store(page, item, new=True)
        return page

    def queue_statement(self, item, assignment, locale, fields, prepared):
        """Make a new statement ready for the bulk path (see bulk.py); flush() saves the batch."""
        page = prepared.new_statement()
        parent = self.index_of(locale)
        key = uuid.uuid5(NAMESPACE, f"{self.source}|{assignment.group}")
        if (key, locale.pk) in self.taken_keys:
            key = uuid.uuid5(NAMESPACE, f"{self.source}|post:{item.wp_id}")
            self.summary.warnings.append(
                (item.wp_id, "a second version in the same language; imported on its own")
            )
        self.taken_keys.add((key, locale.pk))
        page.locale, page.translation_key = locale, key
        page.slug = self.free_slug(parent, item)
        page.lead_image = fields["lead_image"]
        self.pending.append((item, prepared, parent, page, self.categories_for(item)))

    def flush(self):
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        create_statements(
            [
                NewStatement(parent, page, categories, search_terms=prepared.search_terms)
                for _item, prepared, parent, page, categories in batch
            ]
        )
        insert_values(
            ImportedItem,
            ["source", "wp_id", "kind", "page", "checksum"],
            [(self.source, item.wp_id, "post", page.pk, prepared.checksum)
             for item, prepared, _parent, page, _categories in batch],
        )  # fmt: skip
        redirects = {}
        for item, prepared, _parent, page, _categories in batch:
            self.pages_by_wp_id[item.wp_id] = page
            for old_path in prepared.old_paths:
                redirects[old_path] = page.pk
        self.save_redirects(redirects)

    def save_redirects(self, targets):
        """Create or repoint redirects {old path: page id} in bulk."""
        existing = {
            r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=list(targets))
        }
        for old_path, redirect in existing.items():
            redirect.redirect_page_id, redirect.redirect_link = targets[old_path], ""
            redirect.is_permanent = True
        Redirect.objects.bulk_update(
            existing.values(), ["redirect_page", "redirect_link", "is_permanent"]
        )
        insert_values(
            Redirect,
            ["old_path", "redirect_page", "is_permanent"],
            [(old_path, page_id, True) for old_path, page_id in targets.items()
             if old_path not in existing],
        )  # fmt: skip
        self.summary.redirects += len(targets)

    def index_of(self, locale):
        if locale.pk not in self.indexes:
            self.indexes[locale.pk] = statement_index_for(locale)
        return self.indexes[locale.pk]

    def home_of(self, locale):
        from communique.core.models import HomePage

        return HomePage.objects.get(locale=locale)

    def free_slug(self, parent, item):
        base = (
            slugify(item.slug, allow_unicode=True)
            or slugify(item.title, allow_unicode=True)
            or f"post-{item.wp_id}"
        )[:200]
        if parent.pk not in self.taken_slugs:
            self.taken_slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self.taken_slugs[parent.pk]
        # A post called "archive" or "2019" keeps its old address by redirect, not its slug
        # (the statement index answers those addresses itself).
        claimed = isinstance(parent, StatementIndexPage) and parent.routes_slug(base)
        free = base not in taken and not claimed
        slug = base if free else f"{base}-{item.wp_id}"
        taken.add(slug)
        return slug

    def set_relations(self, page, item, locale):
        if isinstance(page, StatementPage):
            page.categories = self.categories_for(item)

    def store(self, page, item, new):
        revision = page.save_revision(changed=not new)
        if item.status in LIVE_STATUSES:
            revision.publish(skip_permission_checks=True)
        elif not new and page.live:
            page.unpublish()

    # Categories and redirects ----------------------------------------------------------

    def categories_for(self, item):
        default = self.locales[self.options.default_locale]
        categories = []
        for slug, name in item.terms_of("category", "post_tag", "tag"):
            if self.options.category_map is not None:
                slug = self.options.category_map.get(slug, slug)
                if slug is None:
                    continue
            slug = slugify(slug, allow_unicode=True)[:120]
            if not slug:
                continue
            if slug not in self.categories:
                self.categories[slug] = Category.objects.create(
                    slug=slug, name=name or slug, locale=default
                )
            categories.append(self.categories[slug])
        return categories

    def redirect_old_urls(self, paths, page):
        for old_path in paths:
            point_redirect(old_path, page=page)
        return len(paths)

    def redirect_category_archives(self):
        index = statement_index_for(self.locales[self.options.default_locale])
        for term in self.export.terms:
            if term.taxonomy != "category" or not term.slug:
                continue
            category = Category.objects.filter(slug=slugify(term.slug, allow_unicode=True)).first()
            if category is None:
                continue
            target = index.url + index.reverse_subpage("category", args=[category.slug])
            point_redirect(Redirect.normalise_path(f"/category/{term.slug}/"), link=target)
            self.summary.redirects += 1

    def count_groups(self):
        members = Counter(self.assignments[wp_id].group for wp_id in self.pages_by_wp_id)
        self.summary.translation_groups = sum(1 for count in members.values() if count > 1)


def point_redirect(old_path, page=None, link=""):
    """Make `old_path` redirect permanently, on every site, to `page` or else `link`; saved
    only if that changes it, so that importing again leaves redirects as they are (each
    save is a change the static mirror's `--changed` looks at)."""
    redirect = Redirect.objects.filter(site=None, old_path=old_path).first()
    wanted = (page.pk if page else None, link, True)
    if redirect is None or (redirect.redirect_page_id, redirect.redirect_link,
                            redirect.is_permanent) != wanted:  # fmt: skip
        redirect = redirect or Redirect(old_path=old_path, site=None)
        redirect.redirect_page, redirect.redirect_link, redirect.is_permanent = page, link, True
        redirect.save()
