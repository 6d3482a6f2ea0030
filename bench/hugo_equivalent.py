"""A Hugo site with the export's pages: the same ten languages, listings, archives and feeds.

bench_hugo.py's first site (`--site minimal`) gives Hugo the three content languages with a
listing, category pages and RSS: 1,299 pages for 1,000 statements, where the export writes
9,276 for the same content — every language lists every statement (its own version, or
the original marked as untranslated), with category, country, organisation, year and month
listings, and four feeds (RSS and Atom, excerpts and full text) per language, category,
country and organisation. This site asks Hugo for that page set:

- every language of `settings.LANGUAGES`, its content what the export's listings hold: a
  content file per row of the listing table (ListedStatement); the rows a language lists
  as an untranslated original are listed but not rendered (`_build.render = "never"`,
  their items link to the original's page, as ours do), so statement pages are written
  only where a version exists, as the export writes them;
- taxonomies for the narrower listings (ListedInScope: categories, countries,
  organisations) and for years and months, each term a listing of ten a page;
- RSS, Atom, full-text RSS and full-text Atom (50 items) on each language's home page and
  on each category, country and organisation (years and months have none, as ours);
- a sitemap per language and robots.txt.

The templates stay minimal (a header with every language, a list of items, the article),
as the first site's: Hugo's cost is measured on the same pages, not on the same markup.
"""

import json
from collections import defaultdict

from hugo_templates import BASEOF, ITEM, SINGLE, listing

CONFIG = """\
baseURL = "http://localhost/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
paginate = 10
rssLimit = 50
disableKinds = ["404"]
enableRobotsTXT = true

[taxonomies]
category = "categories"
country = "countries"
organisation = "organisations"
year = "years"
month = "months"

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.Atom]
mediaType = "application/atom+xml"
baseName = "atom"
[outputFormats.RSSFull]
mediaType = "application/rss+xml"
baseName = "full"
[outputFormats.AtomFull]
mediaType = "application/atom+xml"
baseName = "full-atom"

[outputs]
home = ["HTML", "RSS", "Atom", "RSSFull", "AtomFull"]
section = ["HTML"]
taxonomy = ["HTML"]
term = ["HTML", "RSS", "Atom", "RSSFull", "AtomFull"]

[languages]
{languages}
"""
# Years and months have listings but no feeds (cascaded onto their terms).
ARCHIVE_INDEX = '{"title": "%s", "cascade": {"outputs": ["HTML"]}}\n'
# A listing's own pages (its content is statements alone): Hugo's idiom. Filtered by section,
# as the minimal site's are, Hugo walked the whole listing for each of its pages: a tenth
# slower on 1,000 statements, twice as slow on 10,000.
LIST = listing(".Pages")
# The home page shows the newest statements, without pages of its own (as ours).
HOME = (
    """{{ define "main" }}<h1>{{ .Site.Title }}</h1>
{{ range first 10 .Site.RegularPages }}"""
    + ITEM
    + """{{ end }}
{{ end }}
"""
)
TERMS = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>
{{ end }}
"""
# Item links: the page's own address, or for an untranslated original the original's.
ITEM_LINK = "{{ with .Params.link }}{{ . | absURL }}{{ else }}{{ .Permalink }}{{ end }}"
XML_DECLARATION = '{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}'
RSS = """%(declaration)s
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>{{ .Title }} · {{ .Site.Title }}</title><link>{{ .Permalink }}</link>
<language>{{ .Site.Language.Lang }}</language>
{{ range first 50 (cond .IsHome .Site.RegularPages .Pages) }}<item>
<title>{{ .Title }}</title><link>%(link)s</link>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" }}</pubDate>
<guid>%(link)s</guid>{{ range .Params.categories }}<category>{{ . }}</category>{{ end }}
<description>{{ .Summary | plainify | truncate 300 }}</description>%(body)s
</item>{{ end }}
</channel></rss>
"""
ATOM = """%(declaration)s
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{ .Site.Language.Lang }}">
<title>{{ .Title }} · {{ .Site.Title }}</title><link href="{{ .Permalink }}"/>
<id>{{ .Permalink }}</id><updated>{{ now.Format "2006-01-02T15:04:05Z07:00" }}</updated>
{{ range first 50 (cond .IsHome .Site.RegularPages .Pages) }}<entry>
<title>{{ .Title }}</title><link href="%(link)s"/><id>%(link)s</id>
<updated>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</updated>
{{ range .Params.categories }}<category term="{{ . }}"/>{{ end }}
<summary>{{ .Summary | plainify | truncate 300 }}</summary>%(body)s
</entry>{{ end }}
</feed>
"""
PARTS = {"declaration": XML_DECLARATION, "link": ITEM_LINK}
FEEDS = {
    "list.rss.xml": RSS % {**PARTS, "body": ""},
    "list.rssfull.xml": RSS % {**PARTS, "body": "<content:encoded>{{ .Content | html }}</content:encoded>"},
    "list.atom.xml": ATOM % {**PARTS, "body": ""},
    "list.atomfull.xml": ATOM % {**PARTS, "body": '<content type="html">{{ .Content | html }}</content>'},
}  # fmt: skip
TAXONOMY_OF_SCOPE = {"category": "categories", "country": "countries",
                     "organisation": "organisations"}  # fmt: skip


def write_site(root):
    """Write the archive's listings, in every language, as a Hugo site in `root`."""
    from django.conf import settings
    from wagtail.models import Locale

    from communique.statements.models import ListedInScope, ListedStatement, StatementPage

    codes = [code for code, _name in settings.LANGUAGES]
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    languages = "\n".join(
        f'[languages.{code}]\ncontentDir = "content/{code}"\nweight = {weight}\n'
        f'title = "Communiqué"'
        for weight, code in enumerate(codes, 1)
    )
    (root / "config.toml").write_text(CONFIG.format(languages=languages))
    templates = {"baseof.html": BASEOF, "single.html": SINGLE, "list.html": LIST, "index.html": HOME,
                 "term.html": LIST, "terms.html": TERMS, **FEEDS}  # fmt: skip
    for name, text in templates.items():
        (layouts / name).write_text(text)
    language_of = dict(Locale.objects.values_list("pk", "language_code"))
    scopes = defaultdict(lambda: defaultdict(list))  # locale code: page id: [(taxonomy, term)]
    for locale_id, scope, page_id in ListedInScope.objects.values_list(
        "locale_id", "scope", "page_id"
    ).iterator(chunk_size=10000):
        kind, _colon, value = scope.partition(":")
        scopes[language_of[locale_id]][page_id].append((TAXONOMY_OF_SCOPE[kind], value))
    pages = StatementPage.objects.select_related("locale").only(
        "title", "slug", "date", "body", "translation_key", "locale__language_code"
    )
    listed = ListedStatement.objects.values_list("locale_id", "page_id", "is_fallback")
    by_page = defaultdict(list)
    for locale_id, page_id, is_fallback in listed.iterator(chunk_size=10000):
        by_page[page_id].append((language_of[locale_id], is_fallback))
    for page in pages.iterator(chunk_size=2000):  # not `pk__in`: SQLite caps its parameters
        own = page.locale.language_code
        for code, is_fallback in by_page.get(page.pk, ()):
            _write_item(root, code, page, own, is_fallback, scopes[code][page.pk])
    for code in codes:
        content = root / "content" / code
        (content / "statements").mkdir(parents=True, exist_ok=True)
        (content / "statements" / "_index.md").write_text('{"title": "Statements"}\n')
        for taxonomy, title in (("years", "Years"), ("months", "Months")):
            (content / taxonomy).mkdir(parents=True, exist_ok=True)
            (content / taxonomy / "_index.md").write_text(ARCHIVE_INDEX % title)


def _write_item(root, code, page, own, is_fallback, scopes):
    terms = defaultdict(list)
    for taxonomy, value in scopes:
        terms[taxonomy].append(value)
    front = {
        "title": page.title,
        "date": page.date.isoformat(),
        **terms,
        "years": [f"{page.date:%Y}"],
        "months": [f"{page.date:%Y-%m}"],
    }
    if is_fallback:
        front["link"] = f"/{own}/statements/{page.slug}/"
        front["_build"] = {"render": "never"}
    else:
        front["translationKey"] = str(page.translation_key)
    folder = root / "content" / code / "statements"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{page.slug}.html").write_text(
        json.dumps(front, ensure_ascii=False) + "\n\n" + page.body
    )
