"""Whole pages for anonymous readers, from the cache, dropped exactly when what they show changes.

Every cached page carries tags naming what it shows: `site` (navigation, languages: every
page), `listings` (anything that lists statements: home pages, listings, feeds, sitemap,
API lists, organisation pages), `organisations` (the organisation directory, which shows
no statement) or, for a statement page, `statement:<translation key>`
plus a tag per category and signatory organisation it names. Each tag has a version token
in the cache; a page is stored with the tokens of its tags and served only while they are
all unchanged. Invalidating a tag is one write (a new token), so publishing a statement
costs two writes whatever the number of cached pages, and leaves every other statement's
page cached. Works with any Django cache: the local-memory default or Redis (`CACHE_URL`).

A missing token (never set, or evicted) never matches a stored page, so eviction can only
cost a miss, never serve a stale page.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches

TAG_PREFIX = "communique:tag:"
PAGE_PREFIX = "communique:page:"
SITE, LISTINGS, ORGANISATIONS = "site", "listings", "organisations"
# Any category changed: no page carries it (each names its categories' own tags); it gives
# the change record one row for all categories (core/structure.py reads it).
CATEGORIES = "categories"


def _cache():
    return caches[settings.COMMUNIQUE_PAGE_CACHE]


def add_tags(request, *tags):
    """Say what this response shows (views call it; the middleware reads it)."""
    request._cache_tags = getattr(request, "_cache_tags", set()) | set(tags)


def added_tags(request):
    """The tags the views said this response shows (see add_tags), no others."""
    return set(getattr(request, "_cache_tags", ()))


def statement_tag(translation_key):
    return f"statement:{translation_key}"


def shows_no_statements(request):
    """Say that this response shows no statement (robots.txt, the mirror's search page):
    nothing but the site's own changes touches it."""
    request._shows_no_statements = True


def tags_of(request):
    """The sorted tags of the response to `request`: what its views said, else `listings`."""
    tags = getattr(request, "_cache_tags", set()) | {SITE}
    if getattr(request, "_shows_no_statements", False):
        return sorted(tags)
    if not any(tag.startswith("statement:") for tag in tags):
        tags.add(LISTINGS)
    return sorted(tags)


def invalidate(*tags):
    """Drop every cached page that shows any of these tags."""
    _cache().set_many({TAG_PREFIX + tag: uuid.uuid4().hex for tag in tags}, None)


def _current_tokens(tags):
    found = _cache().get_many([TAG_PREFIX + tag for tag in tags])
    return [found.get(TAG_PREFIX + tag) for tag in tags]


def _tokens_for_storing(tags):
    tokens = _current_tokens(tags)
    for position, (tag, token) in enumerate(zip(tags, tokens, strict=True)):
        if token is None:
            _cache().add(TAG_PREFIX + tag, uuid.uuid4().hex, None)
            tokens[position] = _cache().get(TAG_PREFIX + tag)
    return tokens


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return PAGE_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _cacheable_request(request):
    if not settings.COMMUNIQUE_PAGE_CACHE_SECONDS or request.method != "GET":
        return False
    if any(part in request.path for part in settings.COMMUNIQUE_PAGE_CACHE_SKIP):
        return False
    return not request.user.is_authenticated


def _cacheable_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        entry = _cache().get(key)
        if entry is not None:
            tags, tokens, response = entry
            if _current_tokens(tags) == tokens:
                response["X-Communique-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if _cacheable_response(response):
            tags = tags_of(request)
            stored = (tags, _tokens_for_storing(tags), response)
            _cache().set(key, stored, settings.COMMUNIQUE_PAGE_CACHE_SECONDS)
            response["X-Communique-Cache"] = "miss"
        return response
