"""The public JSON API: filters, translations, cursor pagination, caching headers, CORS."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import parse_http_date

from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_category, make_statement

pytestmark = pytest.mark.django_db


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content
    return response


def test_list_is_newest_first_with_translations_listed(client):
    data = get(client, "/api/v1/statements?limit=100").json()
    dates = [item["date"] for item in data["items"]]
    assert dates == sorted(dates, reverse=True)
    assert len(data["items"]) == StatementPage.objects.published().count()
    may_day = [i for i in data["items"] if i["title"] == "May Day 2019: one world, one struggle"][0]
    assert {t["language"] for t in may_day["translations"]} == {
        "es", "fr", "de", "el", "pl", "tr", "ru", "ko", "ar"
    }  # fmt: skip
    assert may_day["url"].startswith("http://testserver/en/statements/")


@pytest.mark.parametrize("language", ["en", "el", "ko", "ar", "pl", "es", "fr", "de", "tr", "ru"])
def test_language_filter(client, language):
    items = get(client, f"/api/v1/statements?language={language}&limit=100").json()["items"]
    assert items and {item["language"] for item in items} == {language}
    expected = StatementPage.objects.published().filter(locale__language_code=language).count()
    assert len(items) == expected


def test_filters_by_category_country_organisation_and_dates(client):
    solidarity = get(client, "/api/v1/statements?category=allileggyi&limit=100").json()["items"]
    assert solidarity and all(
        any(c["slug"] in ("solidarity", "allileggyi", "solidaridad", "solidarite", "solidaritaet",
                          "solidarnosc", "dayanisma", "solidarnost") for c in item["categories"])
        for item in solidarity
    )  # fmt: skip
    korea = get(client, "/api/v1/statements?country=kr&limit=100").json()["items"]
    assert korea and all("KR" in [c["code"] for c in i["countries"]] for i in korea)
    sea = get(client, "/api/v1/statements?organisation=sea&language=en").json()["items"]
    assert len(sea) == 2
    window = get(client, "/api/v1/statements?date_from=2019-01-01&date_to=2019-12-31&limit=100")
    assert {i["date"][:4] for i in window.json()["items"]} == {"2019"}


def test_updated_since(client):
    page = make_statement("en", title="Fresh")
    # Inclusive, to the microsecond: the demo may have been published within the last second.
    since = page.last_published_at.isoformat()
    items = get(client, "/api/v1/statements", data={"updated_since": since}).json()["items"]
    assert [item["title"] for item in items] == ["Fresh"]


def test_cursor_pagination_is_stable_and_complete(client):
    seen, url = [], "/api/v1/statements?limit=7"
    while url:
        data = get(client, url.replace("http://testserver", "")).json()
        seen += [item["id"] for item in data["items"]]
        url = data["next"]
    assert len(seen) == len(set(seen)) == StatementPage.objects.published().count()


def test_bad_input_is_a_clear_4xx(client):
    assert get(client, "/api/v1/statements?cursor=abc", 400).json()["detail"] == "Invalid cursor"
    assert get(client, "/api/v1/statements?cursor=%%%", 422)
    assert get(client, "/api/v1/statements?limit=0", 422)
    assert get(client, "/api/v1/statements?limit=1000", 422)
    assert get(client, f"/api/v1/statements/{2**70}", 422)
    assert get(client, "/api/v1/statements?language=xx", 422)
    assert get(client, "/api/v1/statements?category=nope", 404).json()["detail"]
    assert get(client, "/api/v1/statements?date_from=yesterday", 422)
    assert get(client, "/api/v1/statements/999999", 404)
    assert get(client, "/api/v1/statement-groups/not-a-uuid", 422)


def test_one_statement_and_its_translation_group(client):
    page = StatementPage.objects.get(locale__language_code="ko", title__startswith="플랫폼")
    record = get(client, f"/api/v1/statements/{page.pk}").json()
    assert record["language"] == "ko" and record["title"] == page.title
    group = get(client, f"/api/v1/statement-groups/{page.translation_key}").json()
    assert [s["id"] for s in group["statements"]] == [page.pk]


def test_vocabularies_in_a_language(client):
    categories = get(client, "/api/v1/categories?language=el").json()
    assert "Αλληλεγγύη" in [c["name"] for c in categories]
    countries = get(client, "/api/v1/countries?language=ko").json()
    assert {"code": "GR", "name": "그리스"} in countries
    organisations = get(client, "/api/v1/organisations?language=en").json()
    sea = [o for o in organisations if o["slug"] == "sea"][0]
    assert sea["name"] == "Labour Solidarity League" and sea["country"]["code"] == "GR"


def test_etag_and_last_modified_give_304(client):
    first = get(client, "/api/v1/statements?language=el")
    assert first["ETag"] and first["Last-Modified"]
    assert get(client, "/api/v1/statements?language=el", 304,
               HTTP_IF_NONE_MATCH=first["ETag"]).content == b""  # fmt: skip
    assert get(client, "/api/v1/statements?language=el", 304,
               HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])  # fmt: skip
    make_statement("el", title="Νέα")
    assert get(client, "/api/v1/statements?language=el", 200, HTTP_IF_NONE_MATCH=first["ETag"])


def test_cors_for_get(client):
    response = get(client, "/api/v1/statements", HTTP_ORIGIN="https://member.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/statements", HTTP_ORIGIN="https://member.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )  # fmt: skip
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_openapi_schema_and_docs(client):
    schema = get(client, "/api/v1/openapi.json").json()
    assert {"/api/v1/statements", "/api/v1/statements/{statement_id}",
            "/api/v1/statement-groups/{translation_group}", "/api/v1/categories",
            "/api/v1/countries", "/api/v1/organisations"} <= set(schema["paths"])  # fmt: skip
    assert get(client, "/api/v1/docs").status_code == 200


def test_api_query_count_is_bounded(client, django_assert_max_num_queries):
    get(client, "/api/v1/statements?limit=100")  # warm the per-process caches (site roots)
    with django_assert_max_num_queries(10):
        get(client, "/api/v1/statements?limit=100")


def test_api_is_read_only(client):
    assert client.post("/api/v1/statements", {}).status_code == 405


def test_category_of_the_test_is_found_by_any_slug(client):
    category = make_category("en", slug="api-only")
    page = make_statement("en", title="Categorised", date=timezone.now().date())
    page.categories.set([category])
    page.save_revision().publish()
    items = get(client, "/api/v1/statements?category=api-only").json()["items"]
    assert [item["title"] for item in items] == ["Categorised"]


@pytest.mark.parametrize("change", ["unpublish", "rename a category"])
def test_last_modified_moves_when_a_list_loses_an_item_or_a_name_changes(client, change):
    """A list's Last-Modified is when content last changed: unpublishing a statement or
    renaming a category changes the list without a newer publication date."""
    from communique.core.models import ContentChange

    statement = make_statement("en", title="To be changed")
    category = make_category("en", "Dockers")
    statement.categories = [category]
    statement.save_revision().publish()
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    ContentChange.objects.update(changed_at=an_hour_ago)  # http dates count whole seconds
    first = get(client, "/api/v1/statements?language=en")
    assert parse_http_date(first["Last-Modified"]) == int(an_hour_ago.timestamp())
    if change == "unpublish":
        StatementPage.objects.get(pk=statement.pk).unpublish()
    else:
        category.name = "Dock workers"
        category.save()
    again = get(client, "/api/v1/statements?language=en", 200,
                HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])  # fmt: skip
    assert parse_http_date(again["Last-Modified"]) > parse_http_date(first["Last-Modified"])
