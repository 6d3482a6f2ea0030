"""One rule, used everywhere, for what a locale shows of translatable content.

A locale shows its own version of an item; an item that has no version in that locale is
shown once, in its original version (the earliest one created), unless the caller asks to
hide such items.
"""

from django.db.models import Exists, OuterRef, Q


def in_locale_or_original(queryset, locale, available, include_originals=True):
    """Filter `queryset` to what `locale` shows.

    `available` is the queryset of every version that may be shown (for pages: the live,
    non-alias ones); it decides both whether a locale has its own version and which
    version is the original.
    """
    own = Q(locale=locale)
    if not include_originals:
        return queryset.filter(own)
    has_own_version = available.filter(locale=locale, translation_key=OuterRef("translation_key"))
    has_earlier_version = available.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return queryset.filter(own | (~Exists(has_own_version) & ~Exists(has_earlier_version)))


def localized_map(model, keys, locale):
    """Return {translation_key: instance} for `keys`, each in `locale` where it exists.

    For categories and organisations (with their locale, and an organisation's country),
    which the site's structure holds, all of them, in every language (core/structure.py):
    no query but the keys' own where `keys` is a queryset.
    """
    from . import structure

    return structure.current().localized(model, keys, locale)
