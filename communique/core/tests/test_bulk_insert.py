"""Rows written by core/bulk_insert.py read back as the ORM would have written them."""

import datetime
import uuid

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Revision

from communique.core.bulk_insert import insert_rows, insert_values
from communique.imports.models import ImportedItem
from communique.statements.models import ListedStatement, StatementPage

pytestmark = pytest.mark.django_db


def test_insert_values_converts_dates_uuids_and_json_and_fills_defaults():
    page = StatementPage.objects.live().first()
    locale = Locale.objects.get(language_code="ko")
    key = uuid.uuid4()
    when = timezone.now().replace(microsecond=123456)
    written = insert_values(
        ListedStatement, ["locale", "translation_key", "page", "date"],
        [(locale.pk, key, page.pk, datetime.date(2024, 2, 29))],
    )  # fmt: skip
    insert_values(
        Revision, ["content_type", "base_content_type", "object_id", "created_at", "content"],
        [(page.content_type_id, page.content_type_id, str(page.pk), when,
          {"title": "Δήλωση", "when": when, "nested": [1, "두"]})],
    )  # fmt: skip
    assert written == 1
    row = ListedStatement.objects.get(translation_key=key)
    assert (row.locale, row.page_id, row.date) == (locale, page.pk, datetime.date(2024, 2, 29))
    assert (row.is_fallback, row.position) == (False, 0)  # the fields' defaults
    revision = Revision.objects.filter(object_id=str(page.pk)).latest("pk")
    assert revision.created_at == when
    # As the JSONField's own encoder writes it (DjangoJSONEncoder keeps milliseconds).
    assert revision.content == {"title": "Δήλωση", "when": DjangoJSONEncoder().default(when),
                                "nested": [1, "두"]}  # fmt: skip


def test_insert_rows_writes_instances_with_auto_now_fields():
    page = Page.objects.filter(depth=2).first()
    before = timezone.now()
    insert_rows(ImportedItem, [ImportedItem(source="https://example.org", wp_id=7, kind="post",
                                            page_id=page.pk, checksum="ab")])  # fmt: skip
    item = ImportedItem.objects.get(source="https://example.org", wp_id=7)
    assert (item.kind, item.page_id, item.image_id, item.checksum) == ("post", page.pk, None, "ab")
    assert item.imported_at >= before


def test_nothing_to_insert_writes_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert insert_values(Redirect, ["old_path", "is_permanent"], []) == 0
        assert insert_rows(Redirect, []) == 0
