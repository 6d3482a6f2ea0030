"""The Hugo templates both of bench_hugo.py's sites use: the base page with a link to every
language, a statement's page, and a listing of ten a page (`listing`). An item links to the page's own
address or, for an untranslated original the equivalent site lists (hugo_equivalent.py),
to the original's (its `link`)."""

BASEOF = """<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }} – {{ .Site.Title }}</title></head><body>
<header><a href="{{ .Site.Home.RelPermalink }}">Home</a>
{{ range .Site.Home.AllTranslations }}<a href="{{ .RelPermalink }}">{{ .Language.Lang }}</a> {{ end }}
</header><main>{{ block "main" . }}{{ end }}</main></body></html>
"""
SINGLE = """{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ .Content }}
<p>{{ range .Params.categories }}<a href="{{ "categories/" | relLangURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>
{{ with .Translations }}<ul>{{ range . }}<li><a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
</article>{{ end }}
"""
ITEM = """<article><h2><a href="{{ .Params.link | default .RelPermalink }}">{{ .Title }}</a></h2>
<time>{{ .Date.Format "2 January 2006" }}</time><p>{{ .Summary | plainify | truncate 300 }}</p></article>"""
LISTING = (
    """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pages := .Paginate PAGES }}
{{ range $pages.Pages }}"""
    + ITEM
    + """{{ end }}
{{ with $pages.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} {{ with $pages.Next }}<a href="{{ .URL }}">Older</a>{{ end }}
{{ end }}
"""
)


def listing(pages):
    """A listing of `pages` (a Hugo expression), ten a page, with links to the next ones."""
    return LISTING.replace("PAGES", pages, 1)
