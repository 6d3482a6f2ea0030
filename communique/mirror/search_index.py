"""The mirror's search index: Pagefind, run over the exported statement pages.

Pagefind comes from PyPI with its binary (`pagefind[bin]`): nothing is downloaded when it
runs. It reads the statement pages (their `data-pagefind-body`) and writes an index the
mirror's search page (search/static_search.html) loads in the reader's browser, so search
works on any static host.

Each language has its own indexes (`DIR/pagefind/<language>/`), and a language's statements
are split by page id into blocks, one Pagefind index (bundle) each, which the search page
merges (Pagefind's multisite search; `bundles.json` lists them). The blocks are aligned
runs of UNIT ids in powers of two, largest first, as the binary digits of the highest id
(`blocks`), then the ids past the last whole UNIT. New statements take new, higher ids, so
publishing one rebuilds the last, small block, and now and then merges a few blocks into
one: `--changed` re-indexes a few hundred pages, not the archive, and a language holds a
dozen bundles at most. The blocks follow from the ids alone, so a full export and an
incremental one write the same bytes.
"""

import bisect
import functools
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

OUTPUT = "pagefind"
# Page ids in the smallest block: a new statement re-indexes the last block, under UNIT ids
# (a Pagefind run costs ~50 ms and ~4 ms a page; 256 made --changed wait 0.35 s for it on
# 100,000 statements), and a language has at most log2(highest id / UNIT) + 1 bundles.
UNIT = 64
UI_FILES = ("pagefind-ui.js", "pagefind-ui.css")  # the search page's, at OUTPUT's top
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
          "pagefind-modular-ui.css", "pagefind-modular-ui.js", *UI_FILES)  # fmt: skip
LIST = "bundles.json"
SITE_PREFIX = ".communique-search-"  # a run's folder of links to its pages, in the mirror
INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(RuntimeError):
    pass


def blocks(top):
    """The blocks ([start, stop) of page ids) that cover ids below `top`: aligned runs of
    UNIT × a power of two, largest first, then what is left past the last whole UNIT."""
    units, start, found = top // UNIT, 0, []
    for bit in reversed(range(units.bit_length())):
        if units & (1 << bit):
            found.append((start * UNIT, (start + (1 << bit)) * UNIT))
            start += 1 << bit
    if start * UNIT < top:
        found.append((start * UNIT, top))
    return found


def build(directory, statements, changed=None):
    """Bring the search index of the mirror in `directory` up to date and return how many
    pages were (re)indexed.

    `statements`: the statement pages in the mirror, {language: {page id: path}} or what
    answers the same questions from the manifest (manifest.IndexedStatements: `languages()`,
    `top(language)`, `between(language, start, stop)`, `any_between(…)`).
    `changed`: the ids of statement pages written or removed since the index was last
    built (None: all of them; the index is rebuilt whole).
    """
    if isinstance(statements, dict):
        statements = InMemory(statements)
    # A run stopped before it removed its folder of links (the export holds the mirror's
    # lock: no other run is using one).
    for left in Path(directory).glob(f"{SITE_PREFIX}*"):
        shutil.rmtree(left, ignore_errors=True)
    root = Path(directory) / OUTPUT
    if changed is None:
        shutil.rmtree(root, ignore_errors=True)
    runs = []  # (pages, bundle) to index
    for language in sorted(set(statements.languages()) | _languages_on_disk(root)):
        runs += _plan_language(root / language, statements, language, changed)
    # A Pagefind run keeps about one core busy: two at a time on two cores, each into a
    # bundle of its own, the largest first (each language's first block holds most of its
    # pages: taken in order, the last of them ran alone for seconds while a core idled).
    runs.sort(key=lambda run: -len(run[0]))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        indexed = sum(pool.map(lambda run: _run_pagefind(Path(directory), *run), runs))
    _place_ui_files(root, [output for _paths, output in runs])
    return indexed


def _languages_on_disk(root):
    return {path.name for path in root.iterdir() if path.is_dir()} if root.exists() else set()


def _plan_language(target, statements, language, changed):
    """Write the language's list of bundles, remove those gone, and return the runs
    [(paths, bundle)] that bring the others up to date. Only a block that is rebuilt needs
    its pages; of the others, only whether the language has any."""
    top, names, runs = statements.top(language), [], []
    for start, stop in blocks(top + 1 if top is not None else 0):
        name = f"{start}-{stop}"
        stale = changed is None or any(start <= page_id < stop for page_id in changed)
        if stale or not (target / name).exists():
            pages = statements.between(language, start, stop)
            if not pages:
                continue  # the language has no statement there: no bundle
            runs.append(([pages[page_id] for page_id in sorted(pages)], target / name))
        elif not statements.any_between(language, start, stop):
            continue
        names.append(name)
    if target.exists():
        for old in target.iterdir():
            if old.is_dir() and old.name not in names:
                shutil.rmtree(old)
    if not names:
        shutil.rmtree(target, ignore_errors=True)
        return runs
    target.mkdir(parents=True, exist_ok=True)
    (target / LIST).write_text(json.dumps(names) + "\n", encoding="utf-8")
    return runs


class InMemory:
    """{language: {page id: path}} answering as manifest.IndexedStatements does."""

    def __init__(self, statements):
        self.statements = statements
        self.ids = {language: sorted(pages) for language, pages in statements.items()}

    def languages(self):
        return [language for language, ids in self.ids.items() if ids]

    def top(self, language):
        ids = self.ids.get(language)
        return ids[-1] if ids else None

    def between(self, language, start, stop):
        ids, pages = self.ids.get(language, []), self.statements.get(language, {})
        inside = ids[bisect.bisect_left(ids, start) : bisect.bisect_left(ids, stop)]
        return {page_id: pages[page_id] for page_id in inside}

    def any_between(self, language, start, stop):
        return bool(self.between(language, start, stop))


def _run_pagefind(directory, paths, output):
    """Index the pages at `paths` (their files, linked into a directory of their own) into
    the bundle at `output`; return how many Pagefind indexed. The directory is made in the
    mirror's (hidden, for the run): a hard link cannot leave its file system, and the
    system's temporary folder is often on another (a tmpfs)."""
    shutil.rmtree(output, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=SITE_PREFIX, dir=directory) as site:
        for path in paths:
            relative = unquote(path).lstrip("/") + ("index.html" if path.endswith("/") else "")
            link = Path(site, relative)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(directory / relative, link)
        command = [pagefind_binary(), "--site", site, "--output-path", str(output)]
        completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if completed.returncode != 0:
        raise SearchIndexError(f"Pagefind failed: {completed.stderr.strip() or completed.stdout}")
    for name in UNUSED:
        if name not in UI_FILES:  # those go to the top once all runs are done
            (output / name).unlink(missing_ok=True)
    _normalise_entry(output / "pagefind-entry.json")
    found = INDEXED.search(completed.stdout)
    return int(found.group(1)) if found else 0


def _place_ui_files(root, outputs):
    """Pagefind's search UI, the same in every bundle: at the index's top, once."""
    for output in outputs:
        for name in UI_FILES:
            source = output / name
            if source.exists():
                if not (root / name).exists():
                    shutil.copyfile(source, root / name)
                source.unlink()


@functools.cache
def pagefind_binary():
    """The Pagefind binary the `pagefind` package finds (its `python -m pagefind` only runs
    it: a Python start, ~80 ms, on every run of `--changed`)."""
    from pagefind.service import get_executable

    found = get_executable()
    if found is None:
        raise SearchIndexError("Pagefind's binary is missing: install pagefind[bin].")
    return str(found)


def _normalise_entry(path):
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so that
    the same pages always give the same bytes (an incremental export must equal a full one)."""
    if path.exists():
        entry = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False,
                                   separators=(",", ":")), encoding="utf-8")  # fmt: skip
