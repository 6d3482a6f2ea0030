"""The site's structure held by a process: read again exactly when it changes, and giving
the answers Wagtail gives (site for a host, route for a path, view restrictions)."""

import pytest
from django.db.models.sql.compiler import SQLCompiler
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site

from communique.core import structure
from communique.core.middleware import StructureMiddleware
from communique.core.models import HomePage, StandardPage
from communique.core.translations import localized_map
from communique.organisations.models import Organisation
from communique.statements.models import Category, StatementIndexPage
from communique.statements.tests.factories import make_category, make_statement

pytestmark = pytest.mark.django_db


def test_a_statement_keeps_the_structure_and_a_main_page_reads_it_again():
    held = structure.current()
    assert structure.current() is held  # nothing changed: not read again
    make_statement("en")  # listings change; the structure does not
    assert structure.current() is held
    home = HomePage.objects.get(locale__language_code="el")
    home.title = "Δίκτυο αλληλεγγύης"
    home.save_revision().publish()
    read_again = structure.current()
    assert read_again is not held
    assert read_again.main_pages[home.locale_id][HomePage].title == "Δίκτυο αλληλεγγύης"


def test_categories_and_organisations_are_read_again_when_one_changes():
    greek = Locale.objects.get(language_code="el")
    korean = Locale.objects.get(language_code="ko")
    english = make_category("en", name="Housing")
    key = english.translation_key
    assert localized_map(Category, [key], greek)[key].name == "Housing"  # the original
    make_category("el", name="Στέγαση", translation_of=english)
    assert localized_map(Category, [key], greek)[key].name == "Στέγαση"
    assert localized_map(Category, [key], korean)[key].name == "Housing"
    english.name = "Housing rights"
    english.save()
    assert localized_map(Category, [key], korean)[key].name == "Housing rights"

    organisation = Organisation.objects.filter(locale__language_code="en").first()
    organisation.name = "새 이름"
    organisation.save()
    chosen = localized_map(Organisation, [organisation.translation_key], organisation.locale)
    assert chosen[organisation.translation_key].name == "새 이름"


def test_localized_map_takes_a_queryset_of_keys_and_leaves_unknown_keys_out():
    greek = Locale.objects.get(language_code="el")
    keys = Category.objects.filter(locale__language_code="en").values_list(
        "translation_key", flat=True
    )
    chosen = localized_map(Category, keys, greek)
    assert set(chosen) == set(keys)
    for key, category in chosen.items():
        own = Category.objects.filter(translation_key=key, locale=greek).first()
        original = Category.objects.filter(translation_key=key).order_by("pk").first()
        assert category.pk == (own or original).pk
    missing = "00000000-0000-0000-0000-000000000000"
    assert localized_map(Category, [missing], greek) == {}


@pytest.mark.parametrize(
    "host", ["localhost", "testserver", "example.org", "example.org:8080", "other.example:80"]
)
def test_the_site_for_a_host_is_wagtails(host):
    Site.objects.create(hostname="example.org", port=8080, root_page=Site.objects.get().root_page)
    request = RequestFactory(HTTP_HOST=host).get("/")
    ours = structure.current().site_for(request)
    theirs = Site._find_for_request(request)
    assert (ours.pk if ours else None) == (theirs.pk if theirs else None)


def test_made_up_hosts_do_not_grow_what_the_structure_keeps():
    held = structure.current()
    for number in range(50):
        held.site_for(RequestFactory(HTTP_HOST=f"made-up-{number}.example").get("/"))
    assert len(held._site_for) == 1


def _paths():
    """Every live page's path below its language prefix, routes of the indexes, and
    addresses no page answers."""
    home = HomePage.objects.get(locale__language_code="ar")
    about = home.add_child(instance=StandardPage(title="من نحن", slug="من-نحن"))
    about.save_revision().publish()
    draft = home.add_child(instance=StandardPage(title="مسودة", slug="draft", live=False))
    draft.add_child(instance=StandardPage(title="تحت المسودة", slug="below"))
    paths = {("ar", "draft/"), ("ar", "draft/below/")}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        language, path = page.url.strip("/").partition("/")[::2]
        paths.add((language, path + "/" if path else ""))
    for language in ("en", "el", "ar", "ko"):
        paths.update({
            (language, "statements/page/1/"), (language, "statements/archive/"),
            (language, "no-such-page/"), (language, "statements/no-such-statement/"),
            (language, "statements/category/no-such-category/"), (language, "a/b/c/"),
        })  # fmt: skip
    return sorted(paths)


def _comparable(route):
    """A route with a routable page's view named, not bound to the page instance."""
    page, args, kwargs = route
    if args and callable(args[0]):  # RoutablePageMixin: (view, view args, view kwargs)
        args = (args[0].__name__, *args[1:])
    return page.pk, type(page), args, kwargs


def test_every_route_is_wagtails():
    """The structure's route (a home page held, its children found without a query) against
    Wagtail's own route_for_request, for every page and some addresses no page answers."""
    StatementIndexPage.objects.get(locale__language_code="es").unpublish()  # a non-live child
    middleware = StructureMiddleware(lambda request: None)
    from wagtail import views as wagtail_views

    routed = 0
    for language, path in _paths():
        with translation.override(language):
            ours = RequestFactory().get(f"/{language}/{path}")
            ours._wagtail_site = structure.of(ours).site_for(ours)
            middleware.process_view(ours, wagtail_views.serve, (path,), {})
            theirs = RequestFactory().get(f"/{language}/{path}")
            expected = Page.route_for_request(theirs, path)
        found = ours._wagtail_route_for_request
        assert (found is None) == (expected is None), (language, path)
        if found is not None:
            assert _comparable(found) == _comparable(expected), (language, path)
            routed += 1
    assert routed > 50


def test_a_view_restriction_is_honoured(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = home.add_child(instance=StandardPage(title="About us", slug="about-us"))
    page.save_revision().publish()
    statement = make_statement("en")
    assert client.get(page.url).status_code == 200
    assert list(page.get_view_restrictions()) == []
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert list(page.get_view_restrictions()) == [restriction]
    assert client.get(page.url).status_code == 302  # to the login page
    assert client.get(statement.url).status_code == 200
    on_index = PageViewRestriction.objects.create(
        page=statement.get_parent(), restriction_type=PageViewRestriction.LOGIN
    )
    assert list(statement.get_view_restrictions()) == [on_index]  # an ancestor's
    assert client.get(statement.url).status_code == 302
    PageViewRestriction.objects.all().delete()
    assert client.get(page.url).status_code == 200
    assert client.get(statement.url).status_code == 200


def test_no_view_restriction_anywhere_costs_no_query_but_the_check(django_assert_num_queries):
    page = make_statement("en")
    structure.current()
    with django_assert_num_queries(1):  # whether the structure changed
        assert not page.get_view_restrictions().exists()


def test_no_view_restriction_anywhere_composes_no_sql(monkeypatch):
    """Wagtail iterates a page's restrictions before serving it: the empty queryset given
    then is known to be empty, and still one (it filters, counts and chains)."""
    page = make_statement("en")
    structure.current()
    composed = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(SQLCompiler, "as_sql", lambda self, *args, **kwargs: (
        composed.append(self.query.model), as_sql(self, *args, **kwargs))[1])  # fmt: skip
    restrictions = page.get_view_restrictions()
    assert list(restrictions) == [] and not restrictions and not restrictions.exists()
    assert composed == []
    assert restrictions.count() == 0 and list(restrictions.filter(page=page)) == []


def test_a_site_with_nothing_recorded_yet_reads_its_structure_once(django_assert_num_queries):
    """A database set up without a recorded change (an import's bulk path records none of
    the site's rows) must not read the structure on every request."""
    from communique.core.models import ContentChange

    ContentChange.objects.all().delete()
    held = structure.current()
    with django_assert_num_queries(1):  # only whether it changed
        assert structure.current() is held


def test_main_pages_and_translation_keys_are_the_databases():
    from communique.core.main_pages import first_live_page
    from communique.organisations.models import OrganisationIndexPage

    held = structure.current()
    for locale in Locale.objects.all():
        for model in (HomePage, StatementIndexPage, OrganisationIndexPage):
            found = held.main_page(locale, model)
            expected = first_live_page(model, locale)
            assert found is not None and expected is not None, (locale, model)
            assert (type(found), found.pk, found.url) == (model, expected.pk, expected.url)
    assert held.main_page(Locale(pk=0), StatementIndexPage) is None
    for model in (Category, Organisation):
        for item in model.objects.all():
            assert held.translation_key(model, item.pk) == item.translation_key
        assert held.translation_key(model, 0) is None


def test_organisations_with_a_slug_are_those_the_locale_shows():
    from communique.organisations.models import organisations_for_locale, shown_with_slug

    greek = Organisation.objects.filter(locale__language_code="el").first()
    assert greek is not None  # the demo translates some organisations
    checked = 0
    for locale in Locale.objects.filter(language_code__in=["en", "el", "ar", "ko"]):
        for slug in set(Organisation.objects.values_list("slug", flat=True)):
            shown = organisations_for_locale(locale).filter(slug=slug)
            expected = sorted(shown, key=lambda org: (org.locale_id != locale.pk, org.name))
            assert [org.pk for org in shown_with_slug(locale, slug)] == [o.pk for o in expected]
            checked += len(expected)
    assert checked


def test_countries_are_held_and_read_again_when_one_is_added():
    from communique.core.models import Country

    for country in Country.objects.all():
        assert structure.current().country(country.code.lower()) == country
    assert structure.current().country("zz") is None
    added = Country.objects.create(code="IS")
    assert structure.current().country("is") == added
