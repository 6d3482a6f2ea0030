"""The mirror's search index: Pagefind, run over the exported files.

Pagefind comes from PyPI with its binary (`pagefind[bin]`): nothing is downloaded when it
runs. It reads the statement pages (the ones marked `data-pagefind-body`), builds one
index per `<html lang>`, and writes it with its search interface under `DIR/pagefind/`.
The mirror's search page (search/static_search.html) loads it in the reader's browser, so
search works on any static host.
"""

import json
import re
import shutil
import subprocess
import sys

OUTPUT = "pagefind"
INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(RuntimeError):
    pass


def build(directory):
    """Rewrite the search index of the mirror in `directory`; return how many pages it holds."""
    shutil.rmtree(directory / OUTPUT, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(directory),
               "--output-subdir", OUTPUT]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if completed.returncode != 0:
        raise SearchIndexError(f"Pagefind failed: {completed.stderr.strip() or completed.stdout}")
    _normalise_entry(directory / OUTPUT / "pagefind-entry.json")
    found = INDEXED.search(completed.stdout)
    return int(found.group(1)) if found else 0


def _normalise_entry(path):
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so that
    the same site always gives the same bytes (an incremental export must equal a full one)."""
    if path.exists():
        entry = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False,
                                   separators=(",", ":")), encoding="utf-8")  # fmt: skip
