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
        "engine_filtered": measure(
            [lambda q=q: engine.search(q, published, languages) for _l, q in chosen]
        ),
        "page": measure(
            [lambda lang=lang, q=q: client.get(f"/{lang}/search/", {"q": q}) for lang, q in chosen]
        ),  # fmt: skip
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
