"""Facts about the site's languages: names, writing direction, locale formats."""

from functools import lru_cache

import babel
from babel.dates import format_date, format_skeleton
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation


def language_codes():
    return list(_language_codes())


@lru_cache(maxsize=1)
def _language_codes():
    return tuple(code for code, _name in settings.LANGUAGES)


def language_order(code):
    """Return a sort key that follows the order of settings.LANGUAGES."""
    codes = language_codes()
    return codes.index(code) if code in codes else len(codes)


@lru_cache(maxsize=256)
def language_name(code):
    """Return the language's own name for itself ("Ελληνικά" for el)."""
    return dict(settings.LANGUAGES).get(code) or translation.get_language_info(code)["name_local"]


@lru_cache(maxsize=256)
def text_direction(code):
    """ "rtl" or "ltr" (a page's items ask some thirty times: each is remembered)."""
    base = (code or "").split("-")[0]
    return "rtl" if base in settings.LANGUAGES_BIDI else "ltr"


@receiver(setting_changed)
def _forget_languages(setting, **_kwargs):
    if setting in ("LANGUAGES", "LANGUAGES_BIDI"):
        _language_codes.cache_clear()
        language_name.cache_clear()
        text_direction.cache_clear()


@lru_cache(maxsize=64)
def babel_locale(code):
    try:
        return babel.Locale.parse(code.replace("-", "_"))
    except (babel.UnknownLocaleError, ValueError):
        return babel.Locale.parse(settings.LANGUAGE_CODE)


def format_localized_date(value, style="long", language=None):
    """Format a date the way readers of `language` (default: the active one) write it."""
    if value is None:
        return ""
    return _formatted_date(value, style, language or current_language())


@lru_cache(maxsize=4096)
def _formatted_date(value, style, language):
    """Babel's formatting takes ~9 µs, and a listing shows ten dates, most of them shown
    before (a page of a listing, the same month's page, a category's)."""
    return format_date(value, format=style, locale=babel_locale(language))


def current_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def country_name(code, language=None):
    """Return the name of an ISO 3166 country in `language` (default: the active one)."""
    territories = babel_locale(language or current_language()).territories
    return territories.get(code.upper()) or babel_locale("en").territories.get(code.upper(), code)


@lru_cache(maxsize=1)
def iso_country_codes():
    """Return the two-letter ISO 3166 codes Babel knows, sorted."""
    return sorted(
        code for code in babel_locale("en").territories if len(code) == 2 and code.isalpha()
    )


def format_month_year(value, language=None):
    return _formatted_month_year(value, language or current_language())


@lru_cache(maxsize=4096)
def _formatted_month_year(value, language):
    return format_skeleton("yMMMM", value, locale=babel_locale(language))


def language_name_translated(code):
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return language_name(code)
