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
