"""One rule, used everywhere, for what a locale shows of translatable content.

A locale shows its own version of an item; an item that has no version in that locale is
shown once, in its original version (the earliest one created), unless the caller asks to
hide such items.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet


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


def localized_map(model, keys, locale, related=()):
    """Return {translation_key: instance} for `keys`, each in `locale` where it exists.

    `keys` may be a queryset of keys (a subquery: one query in all). `related`: foreign keys
    to fetch with them (what the caller's template reads).
    """
    chosen = {}
    keys = keys if isinstance(keys, QuerySet) else set(keys)
    # Only the candidates, own version and original, not every language's version (a feed
    # names some sixty organisations, each in ten languages).
    earlier = model.objects.filter(translation_key=OuterRef("translation_key"),
                                   pk__lt=OuterRef("pk"))  # fmt: skip
    items = model.objects.filter(Q(locale=locale) | ~Exists(earlier), translation_key__in=keys)
    for item in items.select_related("locale", *related).order_by("pk"):
        current = chosen.get(item.translation_key)
        if current is None or (item.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[item.translation_key] = item
    return chosen
