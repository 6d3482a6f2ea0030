"""Old addresses in the mirror: each of Wagtail's redirects (the WordPress import's old
links, the old address of a page moved or renamed) as a page that sends the browser on.

The live site answers them with a 301 (wagtail.contrib.redirects' middleware, for an
address no page answers). A static host has no such table, so each becomes a small page at
its old address, in the folder form (`/2019/05/a-post` → `2019/05/a-post/index.html`) that
static servers serve for both spellings, or as the file it names if that is an HTML file.
Left out: addresses with a query string (`/?p=12`: no file can answer one), addresses
naming another kind of file (`/feed.xml`: a server would not send HTML for it), and
redirects to a page that is not live and public (they would be broken links).

A stand-in is tagged with its redirect (`redirect:<id>`) and the page it leads to
(`redirect-to:<id>`), so that `--changed` renders it again when either changes.
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import F, Q
from django.utils.encoding import iri_to_uri
from django.utils.html import escape
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from communique.core.changes import REDIRECT_TAG
from communique.core.languages import text_direction

from .links import normal_path

TAG = REDIRECT_TAG  # + the redirect's id (core/changes.py records changed ones)
TARGET_TAG = "redirect-to:"
HTML_FILES = (".html", ".htm")
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def mirror_path(old_path):
    """The mirror's path for a redirect from `old_path` (as Wagtail stores it), or None."""
    parts = urlsplit(old_path)
    if parts.query or parts.path in ("", "/"):
        return None
    last = parts.path.rsplit("/", 1)[-1]
    if "." in last:
        return normal_path(parts.path) if last.lower().endswith(HTML_FILES) else None
    return normal_path(parts.path + "/")


def _shown(redirects):
    """Of `redirects`, those the mirror shows: to a live, public page or to a link."""
    public = Page.objects.live().public().values("pk")
    return redirects.filter(Q(redirect_page__in=public)
                            | Q(redirect_page=None) & ~Q(redirect_link=""))  # fmt: skip


def mirrored(site):
    """{mirror path: redirect id} of every redirect `site` answers that the mirror shows."""
    # A site's own redirect wins over one for every site, as in the live middleware.
    rows = _shown(Redirect.get_for_site(site)).order_by(F("site_id").asc(nulls_first=True), "pk")
    found = {}
    for pk, old_path in rows.values_list("pk", "old_path"):
        path = mirror_path(old_path)
        if path:
            found[path] = pk
    return found


def paths_of(ids=(), targets=()):
    """The mirror paths of the redirects with these ids or leading to these page ids."""
    rows = Redirect.objects.filter(Q(pk__in=list(ids)) | Q(redirect_page_id__in=list(targets)))
    return {path for path in map(mirror_path, rows.values_list("old_path", flat=True)) if path}


def find(paths, site):
    """{path: Redirect} for those of the mirror `paths` that `site` redirects and the
    mirror shows."""
    wanted = {Redirect.normalise_path(unquote(path)): path for path in paths}
    rows = _shown(Redirect.get_for_site(site)).filter(old_path__in=list(wanted))
    rows = rows.select_related("redirect_page").order_by(F("site_id").asc(nulls_first=True))
    found = {}
    for redirect in rows:
        path = wanted[redirect.old_path]
        if mirror_path(redirect.old_path) == path:
            found[path] = redirect
    return found


def tags(redirect):
    page = [f"{TARGET_TAG}{redirect.redirect_page_id}"] if redirect.redirect_page_id else []
    return [f"{TAG}{redirect.pk}", *page]


def page(location):
    """The static stand-in for a redirect to `location`: a page that sends the browser on
    at once and names `location` as the address to index, in the language of the page it
    leads to (of the site's default language if that is not one of the site's pages)."""
    first = location.split("/", 2)[1] if location.startswith("/") else ""
    language = first if first in LANGUAGE_CODES else settings.LANGUAGE_CODE
    target = escape(location)
    return (f'<!doctype html><html lang="{language}" dir="{text_direction(language)}">'
            f'<meta charset="utf-8"><title>{target}</title>'
            f'<meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"><a href="{target}">{target}</a>\n'
            ).encode()  # fmt: skip


def location(redirect):
    """Where the live site's middleware sends the browser (its `Location`)."""
    return iri_to_uri(redirect.link)
