"""Search speed on a generated archive: p50/p95 of the engine and of the whole search page.

Usage: python bench/bench_search.py [SIZE]   (BENCH_DATABASE_URL selects PostgreSQL; see
bench/archives.py). Prints one JSON line.
"""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402
from timing import measure  # noqa: E402

QUERIES = 200


def queries(rng):
    """Readers' queries: one to three words, common (the vocabulary) or rarer (the tail)."""
    from communique.demo.archive import VOCABULARY, lexicon

    chosen = []
    for _ in range(QUERIES):
        language = rng.choice(list(VOCABULARY))
        common = VOCABULARY[language].split()
        rarer = lexicon(language)[0][-2000:]
        words = [rng.choice(common if rng.random() < 0.6 else rarer)
                 for _ in range(rng.choice((1, 1, 2, 3)))]  # fmt: skip
        chosen.append((language, " ".join(words)))
    return chosen


def narrowings(rng, published, count):
    """`count` readers' filters, as the filter terms the search page asks the engine for."""
    from wagtail.models import Locale

    from communique.core.models import Country
    from communique.search.views import filters_of
    from communique.statements.models import Category

    en = Locale.objects.get(language_code="en")
    categories = list(Category.objects.filter(locale=en).values_list("slug", flat=True))
    countries = list(Country.objects.filter(statements__isnull=False).distinct()
                     .values_list("code", flat=True))  # fmt: skip
    years = [day.year for day in published.dates("date", "year")]
    filters = ([{"category": slug} for slug in categories] + [{"country": code} for code in
               countries] + [{"year": year} for year in years])  # fmt: skip
    return [filters_of(rng.choice(filters), en) for _ in range(count)]


def main(size):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from django.db import connection
    from django.test import Client

    from communique.search import engine
    from communique.statements.models import StatementPage

    rng = random.Random(7)  # noqa: S311 - a reproducible choice of queries
    chosen = queries(rng)
    languages = ["en", "es", "el"]
    published = StatementPage.objects.published()
    client = Client()
    result = {
        "size": size,
        "database": connection.vendor,
        "queries": len(chosen),
        "engine": measure([lambda q=q: engine.search(q, None, languages) for _l, q in chosen]),
        # A reader's filter (category, country or year), as the search page narrows.
        "engine_narrowed": measure(
            [
                lambda q=q, f=f: engine.search(q, None, languages, filters=f)
                for (_l, q), f in zip(chosen, narrowings(rng, published, len(chosen)), strict=True)
            ]
        ),
        # The worst case: every published statement ranked together.
        "engine_all_ranked": measure(
            [lambda q=q: engine.search(q, published, languages) for _l, q in chosen]
        ),
        "page": measure(
            [lambda lang=lang, q=q: client.get(f"/{lang}/search/", {"q": q}) for lang, q in chosen]
        ),  # fmt: skip
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
