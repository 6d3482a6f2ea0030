"""The export's link scan reads what a parser reads, on markup other than our templates'."""

from urllib.parse import quote, unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.mirror.exporter import file_for
from communique.mirror.links import internal_paths, normal_path

from .parsed_links import parsed_paths

HOST = "mirror.example.org"
HTML = [
    '<a href="/en/statements/">Statements</a>',
    "<a class='x' href='/en/a/'>single quotes</a> <A HREF=/en/b/>unquoted, upper case</A>",
    '<a title="a > b" href="/en/after-a-gt/">a quoted ">" before the link</a>',
    '<a title="href=/en/not-a-link/" data-href="/en/nor-this/">in values</a>',
    '<a href="/en/caf%C3%A9/">encoded</a> <a href="/en/café/">not</a>',
    '<a href="/en/x/?page=2">query</a> <a href="/en/y/#top">fragment</a> <a href="#main">self</a>',
    '<a href="https://mirror.example.org/en/abs/">absolute</a> <a href="//mirror.example.org/en/p/">'
    'scheme-relative</a> <a href="https://elsewhere.example/en/">other host</a>',
    '<a href="relative/">relative</a> <a href="../up/">up</a> <a href="/en/./dot/../d/">dots</a>',
    '<a href="/en/amp?a=1&amp;b=2">entity</a> <a href="/en/tom&amp;jerry/">entity in path</a>',
    '<img src="/media/a.jpg" srcset="/media/a-1.jpg 1x, /media/a-2.jpg 2x" alt="">',
    '<picture><source srcset="/media/b.webp 400w,/media/c.webp 800w"></picture>',
    '<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js"></script>',
    '<linkage href="/en/not-a-tag/"></linkage> <abbr title="/en/abbr/">abbr</abbr>',
    '<a\nhref="/en/newline/"\n>newline</a> <a href = "/en/spaced/">spaced</a>',
    '<a href="mailto:x@example.org">mail</a> <a href="/">root</a> <a href="  /en/trim/  ">trim</a>',
]
XML = [
    '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://mirror.example.org/en/s/</loc>'
    '<xhtml:link rel="alternate" hreflang="el" href="http://mirror.example.org/el/s/"/></url>'
    "<url><loc>http://mirror.example.org/en/a&amp;b/</loc></url></urlset>",
    '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
    "<link>http://mirror.example.org/en/statements/</link>"
    '<atom:link href="http://mirror.example.org/en/feeds/statements.rss" rel="self"/>'
    "<item><link>http://mirror.example.org/en/statements/2020/01/x/</link><description>"
    "&lt;a href=&quot;/en/escaped-html/&quot;&gt;no link&lt;/a&gt;</description></item>"
    "</channel></rss>",
    '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><link rel="alternate" '
    "href='http://mirror.example.org/en/'/><entry><link href=\"http://mirror.example.org/en/e/\""
    ' rel="alternate"/></entry></feed>',
]


@pytest.mark.parametrize("markup", HTML)
def test_the_scan_reads_html_links_as_a_parser_does(markup):
    content = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{markup}</body></html>'.encode()
    assert internal_paths(content, "text/html", "/en/page/", HOST) == parsed_paths(
        content, "html", "/en/page/", HOST
    )


@pytest.mark.parametrize("markup", XML)
def test_the_scan_reads_xml_links_as_a_parser_does(markup):
    content = markup.encode()
    found = internal_paths(content, "application/rss+xml", "/en/feed.rss", HOST)
    assert found == parsed_paths(content, "xml", "/en/feed.rss", HOST)
    assert found and "/en/escaped-html/" not in found


def test_the_scan_finds_what_the_cases_hold():
    content = "".join(HTML).encode()
    found = internal_paths(content, "text/html", "/en/page/", HOST)
    assert {"/en/after-a-gt/", "/en/b/", "/en/caf%C3%A9/", "/en/tom%26jerry/", "/media/a-2.jpg",
            "/media/c.webp", "/en/d/", "/en/page/relative/", "/en/up/", "/en/trim/",
            "/en/page/"} <= found  # fmt: skip
    assert not {"/en/not-a-link/", "/en/nor-this/", "/en/not-a-tag/", "/en/x/"} & found


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "link", "img", "script", "source", "div"]),
            st.sampled_from(["href", "src", "title", "srcset"]),
            st.text(alphabet="/abcé.-_#?&;= >'\"x%", max_size=30),
            st.sampled_from(['"', "'"]),
        ),
        max_size=6,
    )
)
def test_the_scan_reads_generated_tags_as_a_parser_does(tags):
    markup = "".join(
        f"<{tag} {name}={quote}{value.replace(quote, '')}{quote}>x</{tag}>"
        for tag, name, value, quote in tags
    )
    content = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>{markup}</p></body></html>'.encode()
    scanned = internal_paths(content, "text/html", "/en/p/", HOST)
    assert scanned == parsed_paths(content, "html", "/en/p/", HOST), markup


def test_a_crawl_reads_each_tag_once_but_relative_ones_on_every_page():
    known = set()
    first = b'<a href="/en/nav/">n</a><a href="/en/one/">1</a><a href="next/">r</a><a href="#main">s</a>'
    second = b'<a href="/en/nav/">n</a><a href="/en/two/">2</a><a href="next/">r</a><a href="#main">s</a>'
    assert internal_paths(first, "text/html", "/en/a/", HOST, known=known) == {
        "/en/nav/", "/en/one/", "/en/a/next/", "/en/a/"}  # fmt: skip
    # The navigation's tag was read on the first page; the relative ones are read again.
    assert internal_paths(second, "text/html", "/en/b/", HOST, known=known) == {
        "/en/two/", "/en/b/next/", "/en/b/"}  # fmt: skip
    feed = (
        b'<rss><channel><link>http://mirror.example.org/en/nav/</link><atom:link href="/en/f.rss"/>'
    )
    assert internal_paths(feed, "application/rss+xml", "/en/f.rss", HOST, known=known) == {
        "/en/nav/", "/en/f.rss"}  # fmt: skip
    assert internal_paths(feed, "application/rss+xml", "/en/f.rss", HOST, known=known) == set()


TAGS = ['<a href="/en/s/">', '<a href="/en/t/">', "<a href='/en/s/'>", '<a href="rel/">',
        '<a href="#top">', '<img src="/media/i.jpg" srcset="/media/j.jpg 2x">',
        '<a href="http://mirror.example.org/en/abs/">', '<link href="/static/c.css">']  # fmt: skip


@given(
    st.lists(
        st.tuples(st.sampled_from(["/en/p/", "/en/q/r/", "/el/"]),
                  st.lists(st.sampled_from(TAGS), max_size=5)),
        max_size=6,
    )
)  # fmt: skip
def test_a_crawl_reading_tags_once_misses_no_link(pages):
    """Every page's links are among those the crawl has from it or from earlier pages."""
    known, had = set(), set()
    for path, tags in pages:
        content = "".join(f"{tag}x</a>" for tag in tags).encode()
        found = internal_paths(content, "text/html", path, HOST, known=known)
        assert found <= internal_paths(content, "text/html", path, HOST)
        had |= found
        assert internal_paths(content, "text/html", path, HOST) <= had


def test_a_path_that_leads_out_of_the_mirror_is_refused(tmp_path):
    assert file_for(tmp_path, "/en/a/") == tmp_path.resolve() / "en/a/index.html"
    assert file_for(tmp_path, "/en/../x.xml") == tmp_path.resolve() / "x.xml"
    for path in ["/../outside/", "/en/%2e%2e/%2e%2e/outside.xml", "/a/../../b"]:
        with pytest.raises(ValueError, match="outside"):
            file_for(tmp_path, path)


@given(st.text(alphabet=st.sampled_from("aZ09/-_.~%2fFEé Ωκ?#+:;&=")))
def test_a_path_is_spelt_as_quoting_its_decoded_form_spells_it(path):
    assert normal_path(path) == quote(unquote(path), safe="/-_.~")
