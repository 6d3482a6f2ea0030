"""Which worker renders what: each language has its lane (one worker process).

Every worker keeps what it has read and rendered for the pages of a language (listing items
built by stretches, their HTML, feed items: listing.ItemCache), and a statement is on many
pages of each language. When any worker took any page, each built and rendered nearly all
of it again: two workers did 40 % more work than one. So the languages are shared out
among the lanes by how much each lists (the length of its listing: its statements and the
originals it shows for those it lacks), and a lane that has nothing left of its own takes
another's waiting work (workers.Lanes), which evens out what the estimate missed.
"""

from django.db.models import Max

from communique.core import structure
from communique.statements.models import ListedStatement

from .manifest import locale_of


def languages_by_lane(lanes):
    """{language code: lane} for `lanes` lanes, by the length of each language's listing
    (its highest position: one step down the listing index per language)."""
    weights = {}
    for locale_id, locale in structure.current().locales_by_id.items():
        rows = ListedStatement.objects.filter(locale_id=locale_id)
        highest = rows.aggregate(highest=Max("position"))["highest"]
        weights[locale.language_code] = 0 if highest is None else highest + 1
    return share_out(weights, lanes)


def share_out(weights, lanes):
    """{key: lane} for `lanes` lanes: the heaviest of `weights` first, each to the lane
    with the least so far (ties: the first such lane; equal weights: by key)."""
    loads, lane_of = [0] * lanes, {}
    for key in sorted(weights, key=lambda key: (-weights[key], key)):
        lane = loads.index(min(loads))
        lane_of[key] = lane
        loads[lane] += weights[key] + 1
    return lane_of


def lane_of_task(languages, statement_languages=None):
    """The lane of a task (exporter.Renderer.run) given {language code: lane}: its first
    address's language, or its statements' ({page id: language code}); other addresses
    (`/`, the sitemap) lane 0."""
    statement_languages = statement_languages or {}

    def lane(task):
        kind, items = task
        if kind == "statements":
            return languages.get(statement_languages.get(items[0]), 0)
        return languages.get(locale_of(items[0]), 0) if items else 0

    return lane
