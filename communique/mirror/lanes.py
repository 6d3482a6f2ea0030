"""Which worker renders what: each language has its lane (one worker process).

Every worker keeps what it has read and rendered for the pages of a language (listing items
built by stretches, their HTML, feed items: listing.ItemCache), and a statement is on many
pages of each language. When any worker took any page, each built and rendered nearly all
of it again: two workers did 40 % more work than one. So the languages are shared out
among the lanes by how much each lists (the listing table's rows: its statements and the
originals it shows for those it lacks), and a lane that has nothing left of its own takes
another's waiting work (workers.Lanes), which evens out what the estimate missed.
"""

from django.db.models import Count

from communique.core import structure
from communique.statements.models import ListedStatement


def languages_by_lane(lanes):
    """{language code: lane} for `lanes` lanes, the heaviest language first to the lightest
    lane."""
    locales = structure.current().locales_by_id
    rows = ListedStatement.objects.values_list("locale_id").annotate(rows=Count("id"))
    weights = {locales[locale_id].language_code: count for locale_id, count in rows
               if locale_id in locales}  # fmt: skip
    for locale in locales.values():
        weights.setdefault(locale.language_code, 0)
    loads, lane_of = [0] * lanes, {}
    for code in sorted(weights, key=lambda code: (-weights[code], code)):
        lane = loads.index(min(loads))
        lane_of[code] = lane
        loads[lane] += weights[code] + 1
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
        parts = items[0].split("/") if items else ()
        return languages.get(parts[1], 0) if len(parts) > 2 else 0

    return lane
