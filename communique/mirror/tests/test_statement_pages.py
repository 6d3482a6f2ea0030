"""Statement pages rendered in bulk are the live site's pages, byte for byte."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from communique.core import page_cache
from communique.mirror.exporter import MIRROR_SETTINGS
from communique.mirror.statement_pages import StatementPages, chunks, public_statements_by_language
from communique.statements.models import StatementPage

pytestmark = pytest.mark.django_db


def public_ids():
    return sorted(page_id for ids in public_statements_by_language().values() for page_id in ids)


def test_public_statements_are_grouped_by_their_language():
    by_language = public_statements_by_language()
    for code, ids in by_language.items():
        assert ids == sorted(ids)
        languages = StatementPage.objects.filter(pk__in=ids).values_list("locale__language_code")
        assert set(languages) == {(code,)}
    assert {"en", "el", "ar", "ko"} <= set(by_language)


@override_settings(**MIRROR_SETTINGS)
def test_bulk_rendered_statements_equal_the_live_pages_in_every_language():
    ids = public_ids()
    assert ids == sorted(StatementPage.objects.published().values_list("pk", flat=True))
    client = Client(HTTP_HOST="mirror.example.org")
    rendered = [page for chunk in chunks(ids, 25)
                for page in StatementPages("mirror.example.org").render(chunk)]  # fmt: skip
    assert len(rendered) == len(ids)
    languages = set()
    for path, content, tags in rendered:
        response = client.get(path)
        assert response.status_code == 200, path
        assert content == response.content, path
        assert tags == page_cache.tags_of(response.wsgi_request), path
        languages.add(path.split("/")[1])
    assert {"en", "el", "ar", "ko"} <= languages


@override_settings(**MIRROR_SETTINGS)
def test_bulk_rendering_queries_do_not_grow_with_the_pages():
    ids = public_ids()
    renderer = StatementPages()

    def queries(chosen):
        with CaptureQueriesContext(connection) as captured:
            assert len(list(renderer.render(chosen))) == len(chosen)
        return len(captured)

    few, many = queries(ids[:3]), queries(ids)
    assert len(ids) > 40
    # A fixed number per chunk and per language in it; lead images' renditions are read
    # per image (the demo has a handful).
    assert many <= few + 40, (few, many)
