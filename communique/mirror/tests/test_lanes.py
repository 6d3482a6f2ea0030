"""Languages shared out among the export's lanes, and the lane of each task."""

import pytest
from django.db.models import Count

from communique.core import structure
from communique.mirror import lanes
from communique.statements.models import ListedStatement

pytestmark = pytest.mark.django_db


def rows_by_language():
    locales = structure.current().locales_by_id
    counted = ListedStatement.objects.values_list("locale_id").annotate(rows=Count("id"))
    return {locales[locale_id].language_code: rows for locale_id, rows in counted}


@pytest.mark.parametrize("count", [1, 2, 3])
def test_every_language_has_a_lane_and_the_lanes_list_alike(count):
    rows = rows_by_language()
    lane_of = lanes.languages_by_lane(count)
    assert set(lane_of) == {
        locale.language_code for locale in structure.current().locales_by_id.values()
    }
    assert set(lane_of.values()) == set(range(count))
    loads = [sum(rows.get(code, 0) for code, lane in lane_of.items() if lane == number)
             for number in range(count)]  # fmt: skip
    # Heaviest first to the lightest lane: no lane is heavier than another by more than
    # the heaviest language.
    assert max(loads) - min(loads) <= max(rows.values())


def test_the_heaviest_go_first_each_to_the_lightest_lane():
    weights = {"en": 900, "el": 500, "ar": 450, "ko": 300, "tr": 100}
    assert lanes.share_out(weights, 2) == {"en": 0, "el": 1, "ar": 1, "ko": 0, "tr": 1}
    assert lanes.share_out(weights, 1) == dict.fromkeys(weights, 0)
    assert lanes.share_out({"en": 0, "el": 0, "ar": 0}, 2) == {"ar": 0, "el": 1, "en": 0}


def test_a_task_is_in_its_languages_lane():
    lane = lanes.lane_of_task({"en": 0, "el": 1, "ar": 1}, {7: "el", 9: "en"})
    assert lane(("paths", ["/el/statements/", "/el/statements/page/2/"])) == 1
    assert lane(("paths", ["/en/feeds/statements.rss"])) == 0
    assert lane(("statements", [7, 8])) == 1
    assert lane(("statements", [9])) == 0
    assert lane(("paths", ["/"])) == 0 and lane(("paths", ["/sitemap.xml"])) == 0
    assert lane(("redirects", ["/2019/05/old-post/"])) == 0  # no language: the first lane
    assert lane(("paths", ["/static/core/css/site.css"])) == 0
