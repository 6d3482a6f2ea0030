"""Prepared reads (core/prepared.py) give what the ORM gives, composing SQL once per shape."""

import datetime

import pytest
from django.db.models import F, signals
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.images.models import Image

from communique.core.prepared import PreparedRead, _reads_id
from communique.statements.models import ListedStatement, StatementPage

pytestmark = pytest.mark.django_db


class Counted:
    """A `build` that counts how often the SQL was composed."""

    def __init__(self, build):
        self.build, self.calls = build, 0

    def __call__(self, *args):
        self.calls += 1
        return self.build(*args)


def versions(keys):
    return StatementPage.objects.filter(
        listings__translation_key__in=keys, listings__is_fallback=False
    ).values_list("pk", "title", "translation_key", "listings__date", "live")


def listed_between(locale_id, bottom, top):
    return (
        StatementPage.objects.for_locale(locale_id)
        .filter(listed_position__gte=bottom, listed_position__lte=top)
        .newest_first()
    )


def some_keys(count):
    keys = ListedStatement.objects.order_by("pk").values_list("translation_key", flat=True)
    return list(dict.fromkeys(keys))[:count]


def test_rows_are_the_orms_with_uuids_dates_and_booleans_converted():
    build = Counted(versions)
    read = PreparedRead(build)
    for keys in (some_keys(3), some_keys(3)[::-1], some_keys(1), some_keys(5)):
        assert sorted(read.read(keys)) == sorted(versions(keys))
        assert all(isinstance(row[3], datetime.date) and row[4] is True for row in read.read(keys))
    assert build.calls == 3  # three shapes: lists of three, one and five keys


def test_model_instances_carry_their_fields_and_annotations(locales):
    read = PreparedRead(listed_between)
    greek = locales["el"].pk
    highest = ListedStatement.objects.filter(locale=greek).count() - 1
    found = read.read(greek, highest - 4, highest)
    expected = list(listed_between(greek, highest - 4, highest))
    assert [page.pk for page in found] == [page.pk for page in expected] and len(found) == 5
    for page, orm in zip(found, expected, strict=True):
        assert isinstance(page, StatementPage) and not page._state.adding
        assert (page.title, page.date, page.listing_excerpt, page.url_path) == (
            orm.title, orm.date, orm.listing_excerpt, orm.url_path)  # fmt: skip
        assert (page.listed_date, page.listed_position) == (orm.listed_date, orm.listed_position)


def test_model_instances_are_the_objects_from_db_makes(locales):
    """Made without Model.__init__ (prepared._instances): the same values, the same
    columns left deferred, the same state (and a page's id copied from its link column, as
    Wagtail's __init__ leaves it); a model with a post_init receiver (or a richer
    __init__, such as Wagtail's images) is made by from_db, so its receivers hear of it."""
    only = PreparedRead(lambda pk: StatementPage.objects.filter(pk=pk).only("title", "date"))
    page = StatementPage.objects.filter(locale=locales["ar"]).first()
    made = only.read(page.pk)[0]
    orm = StatementPage.objects.only("title", "date").get(pk=page.pk)
    state = {key: value for key, value in made.__dict__.items() if key != "_state"}
    assert state == {key: value for key, value in orm.__dict__.items() if key != "_state"}
    assert set(made.get_deferred_fields()) == set(orm.get_deferred_fields()) != set()
    assert (made._state.adding, made._state.db) == (False, "default")
    assert made.body == page.body  # a deferred field is read when asked for, as the ORM does
    made.title = "Changed and saved"
    made.save(update_fields=["title"])
    assert StatementPage.objects.get(pk=page.pk).title == "Changed and saved"

    heard = []

    def hear(sender, instance, **_kwargs):
        heard.append(instance.pk)

    signals.post_init.connect(hear, sender=StatementPage)
    try:
        assert [found.pk for found in only.read(page.pk)] == heard == [page.pk]
    finally:
        signals.post_init.disconnect(hear, sender=StatementPage)
    assert _reads_id(Image) is None and _reads_id(StatementPage) is True


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    bottom=st.integers(0, 40), size=st.integers(0, 12), language=st.sampled_from(["en", "ar", "ko"])
)
def test_any_stretch_of_a_listing_is_the_orms(locales, bottom, size, language):
    locale_id = locales[language].pk
    found = PreparedRead(listed_between).read(locale_id, bottom, bottom + size)
    assert [page.pk for page in found] == [
        page.pk for page in listed_between(locale_id, bottom, bottom + size)
    ]


def test_repeated_values_and_dates_are_taken_as_the_orm_takes_them():
    keys = some_keys(2)
    read = PreparedRead(versions)
    assert sorted(read.read([keys[0], keys[1], keys[0]])) == sorted(versions(keys))

    def dated(start, end):
        return ListedStatement.objects.filter(date__range=(start, end)).values_list("pk", flat=True)

    start, end = datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)
    assert sorted(PreparedRead(dated).read(start, end)) == sorted(dated(start, end))


def test_an_empty_list_reads_nothing_without_a_query(django_assert_num_queries):
    read = PreparedRead(versions)
    with django_assert_num_queries(0):
        assert read.read([]) == []


def test_an_argument_the_database_gets_altered_is_refused():
    def by_prefix(path):
        return StatementPage.objects.filter(path__startswith=path).values_list("pk", flat=True)

    with pytest.raises(ValueError, match="Not every argument"):
        PreparedRead(by_prefix).read("0001")


def test_unsupported_arguments_and_iterables_are_refused():
    with pytest.raises(TypeError):
        PreparedRead(versions).read(1.5)
    with pytest.raises(ValueError, match="not prepared"):
        PreparedRead(lambda pk: StatementPage.objects.filter(pk=pk).values("pk")).read(1)
    reordered = PreparedRead(
        lambda pk: (
            StatementPage.objects.filter(pk=pk).annotate(day=F("date")).values_list("day", "pk")
        )
    )
    with pytest.raises(ValueError, match="out of order"):
        reordered.read(1)
