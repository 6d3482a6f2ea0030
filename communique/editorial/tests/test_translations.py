"""Translating with wagtail-localize, and the dashboard that shows each translation's state."""

import pytest
from django.urls import reverse
from lxml import html as lxml_html
from wagtail_localize.models import Translation, TranslationSource

from communique.editorial.roles import COORDINATORS, EDITORS, translator_group_name
from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def dashboard_state(client, original, code, **params):
    response = client.get("/admin/translations/", {"locale": code, **params})
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content)
    edit = reverse("wagtailadmin_pages:edit", args=[original.pk])
    rows = tree.xpath(f"//tr[th/a[@href='{edit}']]")
    if not rows:
        return None
    return rows[0].xpath(f"td[@data-locale='{code}']/@data-state")[0]


def change_and_publish(page, body):
    latest = StatementPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    latest.body = body
    latest.save_revision().publish()


def localize(client, original, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    return Translation.objects.get(source__object_id=original.translation_key, target_locale=locale)


def publish(translation, user, capture):
    """Publish a translation as its editor's Publish button does (after the transaction)."""
    with capture(execute=True):
        translation.save_target(user=user, publish=True)


def test_translation_goes_missing_in_progress_up_to_date_out_of_date_and_back(
    client, make_user, locales, django_capture_on_commit_callbacks
):
    coordinator = make_user("co", COORDINATORS)
    client.force_login(coordinator)
    original = make_statement("en", title="Source statement", body="<p>First paragraph.</p>")
    assert dashboard_state(client, original, "el") == "missing"
    assert dashboard_state(client, original, "en") == "original"

    translation = localize(client, original, locales["el"])
    assert dashboard_state(client, original, "el") == "in_progress"

    # Machine translation as a first draft (the test backend reverses words), then publish.
    machine = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(machine).status_code == 302
    total, done = translation.get_progress()
    assert total == done > 0
    publish(translation, coordinator, django_capture_on_commit_callbacks)
    greek = original.get_translation(locales["el"])
    assert greek.live and "paragraph. First" in greek.body
    assert dashboard_state(client, original, "el") == "up_to_date"

    change_and_publish(original, "<p>Changed paragraph.</p>")
    assert dashboard_state(client, original, "el") == "out_of_date"

    # Sync: the source's strings are extracted again; the new string waits for translation.
    source = TranslationSource.objects.get(object_id=original.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(sync, {}).status_code == 302
    assert dashboard_state(client, original, "el") == "in_progress"
    client.post(machine)
    publish(translation, coordinator, django_capture_on_commit_callbacks)
    assert dashboard_state(client, original, "el") == "up_to_date"
    assert "paragraph. Changed" in original.get_translation(locales["el"]).body


def test_hand_made_translation_goes_out_of_date_when_the_original_is_republished(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en")
    make_statement("pl", translation_of=original)
    assert dashboard_state(client, original, "pl") == "up_to_date"
    change_and_publish(original, "<p>New text.</p>")
    assert dashboard_state(client, original, "pl") == "out_of_date"


def test_dashboard_filters_by_state(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en")
    make_statement("pl", translation_of=original)
    assert dashboard_state(client, original, "el", state="missing") == "missing"
    assert dashboard_state(client, original, "pl", state="missing") is None
    assert dashboard_state(client, original, "pl", state="up_to_date") == "up_to_date"
    assert dashboard_state(client, original, "pl", state="out_of_date") is None


def test_translators_dashboard_opens_on_their_language(client, make_user):
    client.force_login(make_user("tr-ko", translator_group_name("ko")))
    tree = lxml_html.fromstring(client.get("/admin/translations/").content)
    assert tree.xpath("//td/@data-locale") and set(tree.xpath("//td/@data-locale")) == {"ko"}
    assert tree.xpath("//select[@name='locale']/option[@selected]/@value") == ["ko"]


def test_dashboard_lists_every_statement_once(client, make_user):
    client.force_login(make_user("ed", EDITORS))
    response = client.get("/admin/translations/")
    tree = lxml_html.fromstring(response.content)
    groups = StatementPage.objects.values("translation_key").distinct().count()
    pages = -(-groups // 25)
    seen = len(tree.xpath("//table[contains(@class, 'cq-table')]/tbody/tr/th"))
    for number in range(2, pages + 1):
        page = lxml_html.fromstring(client.get("/admin/translations/", {"p": number}).content)
        seen += len(page.xpath("//table[contains(@class, 'cq-table')]/tbody/tr/th"))
    assert seen == groups


def test_dashboard_query_count_is_bounded(client, make_user, django_assert_max_num_queries):
    client.force_login(make_user("co", COORDINATORS))
    with django_assert_max_num_queries(30):
        assert client.get("/admin/translations/").status_code == 200


def test_translator_cannot_create_translations_into_other_locales(client, make_user, locales):
    original = make_statement("en")
    client.force_login(make_user("tr-el", translator_group_name("el")))
    url = reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    client.post(url, {"locales": [locales["pl"].pk]})
    assert not StatementPage.objects.filter(
        translation_key=original.translation_key, locale=locales["pl"]
    ).exists()


def test_categories_and_organisations_are_translatable_with_localize(client, make_user, locales):
    from communique.organisations.models import Organisation

    client.force_login(make_user("co", COORDINATORS))
    organisation = Organisation.objects.get(slug="township", locale__language_code="en")
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["organisations", "organisation", organisation.pk],
    )
    assert client.post(url, {"locales": [locales["ko"].pk]}).status_code == 302
    assert Organisation.objects.filter(
        translation_key=organisation.translation_key, locale=locales["ko"]
    ).exists()


def test_translator_translates_segments_of_their_own_locale_only(client, make_user, locales):
    from urllib.parse import urlencode

    from wagtail_localize.models import StringSegment

    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en", title="Segmented", body="<p>One sentence to translate.</p>")
    greek = localize(client, original, locales["el"])
    polish = localize(client, original, locales["pl"])
    segment = StringSegment.objects.filter(source=greek.source).first()

    def put(translation, value):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        return client.put(url, urlencode({"value": value}),
                          content_type="application/x-www-form-urlencoded")  # fmt: skip

    client.force_login(make_user("tr-el", translator_group_name("el")))
    assert put(greek, "Μία πρόταση για μετάφραση.").status_code in (200, 201)
    assert greek.get_progress()[1] >= 1
    assert put(polish, "Nie moje zdanie.").status_code == 403
    assert polish.get_progress()[1] == 0
