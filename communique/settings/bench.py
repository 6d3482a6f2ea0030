"""Benchmark settings: the development set-up with DEBUG off, as production runs templates."""

from .dev import *  # noqa: F403

DEBUG = False
# Uncached figures by default; BENCH_PAGE_CACHE=1 measures what cached readers get.
COMMUNIQUE_PAGE_CACHE_SECONDS = 600 if os.environ.get("BENCH_PAGE_CACHE") == "1" else 0
