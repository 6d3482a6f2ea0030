"""p50/p95 of every kind of page, in process and uncached, on a generated archive.

Usage: python bench/bench_pages.py SIZE   (BENCH_DATABASE_URL selects PostgreSQL; see
bench/archives.py). Prints one JSON line: {"size": …, "pages": {name: {p50_ms, p95_ms}}}.
Requests go through Django's test client with DEBUG off: URL routing, middleware,
queries and templates, without a network or a server in between.
"""

import json
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402
from timing import measure  # noqa: E402

RUNS = 60
LANGUAGES = ["en", "es", "el"]


def urls(rng):
    """{page kind: [URL, …]} drawn from the archive, spread over its languages and depth."""
    from communique.statements.models import Category, ListedMonth, StatementPage

    ids = list(StatementPage.objects.live().values_list("pk", flat=True))
    chosen = StatementPage.objects.filter(pk__in=rng.sample(ids, min(RUNS, len(ids))))
    statements = [page.url for page in chosen]
    categories = list(Category.objects.filter(locale__language_code__in=LANGUAGES)
                      .values_list("locale__language_code", "slug"))  # fmt: skip
    months = list(ListedMonth.objects.filter(locale__language_code__in=LANGUAGES)
                  .values_list("locale__language_code", "month"))  # fmt: skip

    def pick(items, count=RUNS):
        return [rng.choice(items) for _ in range(count)]

    return {
        "statement": pick(statements),
        "listing_first": [f"/{lang}/statements/" for lang in pick(LANGUAGES)],
        # Archive pages count from the oldest: page 1 is the deepest (core/pagination.py).
        "listing_deep": [f"/{lang}/statements/page/{1 + rng.randint(0, 5)}/"
                         for lang in pick(LANGUAGES)],  # fmt: skip
        "category": [f"/{lang}/statements/category/{slug}/" for lang, slug in pick(categories)],
        "month": [f"/{lang}/statements/{month:%Y/%m}/" for lang, month in pick(months)],
        "feed": [f"/{lang}/feeds/statements.rss" for lang in pick(LANGUAGES)],
        "sitemap": ["/sitemap.xml"] * 5,
        "api_list": [f"/api/v1/statements?language={lang}" for lang in pick(LANGUAGES)],
        "search": [f"/{lang}/search/?q={word}" for lang, word in
                   pick([("en", "strike"), ("es", "huelgas"), ("el", "απεργίες"),
                         ("en", "dockworkers pension"), ("es", "salario")])],
    }  # fmt: skip


def sitemap_part(client):
    """A full part of statements once the sitemap is an index (the one before the last,
    which may be half full), else the sitemap itself."""
    content = client.get("/sitemap.xml").content
    if b"<sitemapindex" not in content:
        return "/sitemap.xml"
    parts = re.findall(rb"<loc>([^<]+)</loc>", content)
    return urlsplit(parts[max(0, len(parts) - 2)].decode()).path


def main(size):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from django.db import connection
    from django.test import Client

    client = Client()
    rng = random.Random(3)  # noqa: S311 - a reproducible choice of pages
    results = {}
    addresses_by_kind = urls(rng)
    addresses_by_kind["sitemap_part"] = [sitemap_part(client)] * 5
    for kind, addresses in addresses_by_kind.items():
        for address in addresses[:2]:
            status = client.get(address).status_code
            if status != 200:
                sys.exit(f"{address} answered {status}")
        results[kind] = measure([lambda a=a: client.get(a) for a in addresses])
    print(json.dumps({"size": size, "database": connection.vendor, "pages": results}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
