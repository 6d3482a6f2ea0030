"""The mirror's search index, built by Pagefind from the exported statement pages."""

import errno
import os

from communique.mirror import search_index

PAGE = """<!DOCTYPE html><html lang="el"><head><title>{title}</title></head>
<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"""


def test_the_index_builds_when_the_temporary_folder_is_on_another_file_system(
    tmp_path, monkeypatch
):
    """Pagefind reads hard links to the pages; a link to another file system fails (EXDEV),
    as it did for a mirror on a disk while the system's temporary folder is a tmpfs. The
    folder of links is made in the mirror, and one that a stopped run left is removed."""
    mirror = tmp_path / "mirror"
    pages = {}
    for page_id, title in [(1, "Αλληλεγγύη στους απεργούς"), (2, "Κοινή δήλωση")]:
        folder = mirror / "el" / "statements" / str(page_id)
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(PAGE.format(title=title, text="λέξεις " * 20))
        pages[page_id] = f"/el/statements/{page_id}/"
    link = os.link

    def link_within_the_mirror(source, target):
        if not (str(source).startswith(str(mirror)) and str(target).startswith(str(mirror))):
            raise OSError(errno.EXDEV, "Invalid cross-device link", str(target))
        link(source, target)

    monkeypatch.setattr(os, "link", link_within_the_mirror)
    (mirror / ".communique-search-stopped" / "el").mkdir(parents=True)  # a killed run's
    assert search_index.build(mirror, {"el": pages}) == 2
    assert (mirror / "pagefind" / "el" / "bundles.json").exists()
    assert sorted(path.name for path in mirror.iterdir()) == ["el", "pagefind"]  # no leftovers


def test_the_largest_runs_of_pagefind_start_first(tmp_path, monkeypatch):
    """Each language's first block holds most of its pages; started in turn, the last large
    one ran alone at the end of an export while the other core idled."""
    mirror = tmp_path / "mirror"
    pages = {"el": {}, "es": {}}
    for language, ids in [("el", range(1, 71)), ("es", range(100, 111))]:
        for page_id in ids:
            folder = mirror / language / "statements" / str(page_id)
            folder.mkdir(parents=True)
            (folder / "index.html").write_text(PAGE.format(title=f"Δήλωση {page_id}",
                                                           text="λέξεις " * 5))  # fmt: skip
            pages[language][page_id] = f"/{language}/statements/{page_id}/"
    started = []
    run = search_index._run_pagefind

    def noting_the_order(directory, paths, output):
        started.append(len(paths))
        return run(directory, paths, output)

    monkeypatch.setattr(search_index, "_run_pagefind", noting_the_order)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # one at a time: started as planned
    assert search_index.build(mirror, pages) == 81
    assert started == [63, 11, 7]  # blocks el 1-63, es 100-110, el 64-70
