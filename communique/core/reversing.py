"""Django's `reverse()` for the named addresses every page links to, worked out once.

Every page's header links the search page and its head the feeds of what it lists; each
`reverse()` walks the URL resolver (~50 µs with the language prefix), and the static
export renders tens of thousands of pages. An address depends only on the URL
configuration, the script prefix, the active language (the prefix of `i18n_patterns`) and
the arguments, which together are the key.
"""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


def addressing():
    """What a reversed address depends on besides its name and arguments: the URL
    configuration, the script prefix and the active language (a key for what is kept by
    address, here and in syndication/metadata.py)."""
    return (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())


def reverse_once(viewname, **kwargs):
    """reverse(viewname, kwargs=kwargs), kept for the same URL configuration, prefix and
    language (kwargs: strings and numbers)."""
    return _reversed(*addressing(), viewname, tuple(sorted(kwargs.items())))


@functools.lru_cache(maxsize=4096)
def _reversed(urlconf, prefix, language, viewname, kwargs):
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))
