"""Build statements for tests: each call creates and publishes one language version."""

import datetime
import itertools

from wagtail.models import Locale

from communique.statements.models import Category, StatementIndexPage, StatementPage

_counter = itertools.count(1)


def make_statement(language="en", title=None, date=None, translation_of=None, publish=True,
                   body="<p>A statement written for a test.</p>", **fields):  # fmt: skip
    """Create a statement in `language`; with `translation_of`, as a translation of that page."""
    locale = Locale.objects.get(language_code=language)
    number = next(_counter)
    page = StatementPage(
        title=title or f"Test statement {number} ({language})",
        slug=f"test-statement-{number}",
        date=date or datetime.date(2030, 1, 1),
        body=body,
        locale=locale,
        live=publish,
        **fields,
    )
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    StatementIndexPage.objects.get(locale=locale).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_category(language="en", name=None, slug=None, translation_of=None):
    locale = Locale.objects.get(language_code=language)
    number = next(_counter)
    category = Category(name=name or f"Test category {number}", slug=slug or f"test-cat-{number}",
                        locale=locale)  # fmt: skip
    if translation_of is not None:
        category.translation_key = translation_of.translation_key
    category.save()
    return category
