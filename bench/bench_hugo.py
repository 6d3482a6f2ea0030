"""Hugo on the same content: the static-site-generator reference for the export's speed.

Usage: python bench/bench_hugo.py SIZE [--site minimal|equivalent]   (BENCH_DATABASE_URL
selects PostgreSQL; see bench/archives.py).

`minimal` (the default, the reference since the first benchmarks): every published
statement of the generated archive as a Hugo content file (title, date, translation key,
categories, the same HTML body) in a Hugo site of the three content languages with minimal
templates: a statement page with its translations, paginated listings (10 per page) per
language, category pages and the RSS feeds Hugo makes by default — 1,299 pages for 1,000
statements (and 34 alias pages), where the export writes 9,276. `equivalent`: the export's page set, in all ten
languages, with its archives and four feeds per listing (hugo_equivalent.py).

Runs Debian's `hugo` (0.111), then Pagefind over its statement pages, as a Hugo site
searchable on a static host would (the export's own rate includes its Pagefind index), and
prints one JSON line: {"size": …, "site": …, "hugo_pages": …, "hugo_alias_pages": …,
"hugo_seconds": …, "hugo_pages_per_s": …, "hugo_with_search_seconds": …,
"hugo_with_search_pages_per_s": …}. Pages are the HTML and XML files Hugo writes but its
alias pages (`…/page/1/`, a redirect to the listing's address that Hugo writes for every
paginated list whatever `disableAliases` says), counted apart.
"""

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402
import hugo_equivalent  # noqa: E402
import scratch  # noqa: E402
from hugo_templates import BASEOF, SINGLE, listing  # noqa: E402

LANGUAGES = ["en", "es", "el"]
# Its listings as the first benchmarks wrote them (on Hugo 0.111's home page the expression
# finds nothing, so its home pages list no statements: the reference as it has been).
LIST = listing('(where .RegularPagesRecursive "Section" "statements")')
CONFIG = """\
baseURL = "http://localhost/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
paginate = 10
disableKinds = ["sitemap", "robotsTXT", "404"]
[taxonomies]
category = "categories"
[languages]
{languages}
"""


def write_site(root):
    """Write the archive's published statements as a Hugo site in `root`."""
    from communique.statements.models import StatementPage

    (root / "layouts" / "_default").mkdir(parents=True)
    languages = "\n".join(
        f'[languages.{code}]\ncontentDir = "content/{code}"\nweight = {weight}\n'
        f'title = "Communiqué"'
        for weight, code in enumerate(LANGUAGES, 1)
    )
    (root / "config.toml").write_text(CONFIG.format(languages=languages))
    (root / "layouts" / "_default" / "baseof.html").write_text(BASEOF)
    (root / "layouts" / "_default" / "single.html").write_text(SINGLE)
    for name in ("list.html", "terms.html", "term.html"):
        (root / "layouts" / "_default" / name).write_text(LIST)
    statements = (
        StatementPage.objects.live()
        .filter(locale__language_code__in=LANGUAGES)
        .select_related("locale")
        .prefetch_related("categories")
        .only("title", "slug", "date", "body", "translation_key", "locale__language_code")
    )
    for page in statements.iterator(chunk_size=2000):
        folder = root / "content" / page.locale.language_code / "statements"
        folder.mkdir(parents=True, exist_ok=True)
        front = {
            "title": page.title,
            "date": page.date.isoformat(),
            "translationKey": str(page.translation_key),
            "categories": [category.name for category in page.categories.all()],
        }
        (folder / f"{page.slug}.html").write_text(
            json.dumps(front, ensure_ascii=False) + "\n\n" + page.body
        )
    for code in LANGUAGES:
        (root / "content" / code / "statements" / "_index.md").write_text(
            '{"title": "Statements"}\n'
        )


ALIAS = b'<meta http-equiv="refresh"'


def count_pages(public):
    """(pages, alias pages) among the HTML and XML files Hugo wrote into `public`."""
    pages = aliases = 0
    for path in (*public.rglob("*.html"), *public.rglob("*.xml")):
        if path.suffix == ".html" and ALIAS in path.read_bytes()[:512]:
            aliases += 1
        else:
            pages += 1
    return pages, aliases


SITES = {"minimal": write_site, "equivalent": hugo_equivalent.write_site}


def main(size, site):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from communique.mirror.search_index import pagefind_binary

    hugo = shutil.which("hugo")
    if hugo is None:
        sys.exit("hugo is not installed (Debian: apt-get install hugo)")
    with scratch.directory("communique-hugo-") as root:
        SITES[site](root)
        started = time.perf_counter()
        subprocess.run([hugo, "--quiet", "--source", str(root), "--destination",  # noqa: S603
                        str(root / "public")], check=True)  # fmt: skip
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([pagefind_binary(), "--site", str(root / "public")],  # noqa: S603
                       check=True, capture_output=True)  # fmt: skip
        indexed = time.perf_counter() - started
        pages, aliases = count_pages(root / "public")
    print(json.dumps({"size": size, "site": site, "hugo_pages": pages,
                      "hugo_alias_pages": aliases, "hugo_seconds": round(elapsed, 2),
                      "hugo_pages_per_s": round(pages / elapsed, 1),
                      "hugo_with_search_seconds": round(elapsed + indexed, 2),
                      "hugo_with_search_pages_per_s": round(pages / (elapsed + indexed), 1)}))  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int, nargs="?", default=1000)
    parser.add_argument("--site", choices=sorted(SITES), default="minimal")
    options = parser.parse_args()
    main(options.size, options.site)
