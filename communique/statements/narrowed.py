"""The narrower listings a statement is in (its categories', countries', signatories'), by
the names the listing table (ListedInScope), the static mirror's windows and the feeds share:
"category:<translation key>", "country:<code>", "organisation:<translation key>"."""


def category_scope(category):
    return f"category:{category.translation_key}"


def country_scope(country):
    return f"country:{country.code.lower()}"


def organisation_scope(organisation):
    return f"organisation:{organisation.translation_key}"


def scopes_of(page_ids):
    """{page id: the names of the narrower listings that statement version is in}, read in
    three queries whatever the number of pages."""
    from .models import StatementPage, StatementSignatory

    scopes = {page_id: set() for page_id in page_ids}
    categories = StatementPage.categories.through.objects.filter(statementpage_id__in=page_ids)
    for page_id, key in categories.values_list("statementpage_id", "category__translation_key"):
        scopes[page_id].add(f"category:{key}")
    countries = StatementPage.countries.through.objects.filter(statementpage_id__in=page_ids)
    for page_id, code in countries.values_list("statementpage_id", "country__code"):
        scopes[page_id].add(f"country:{code.lower()}")
    signatories = StatementSignatory.objects.filter(page_id__in=page_ids)
    for page_id, key in signatories.values_list("page_id", "organisation__translation_key"):
        scopes[page_id].add(f"organisation:{key}")
    return scopes


def scopes_listing_statements(scopes):
    """Those of the listings named `scopes` that list a statement in some language: a
    question each, its first row in the listing table's index (locale, scope, …) through
    every locale. DISTINCT over the scopes read every row of them (0.2 s for a statement's
    categories and countries on 100,000 statements)."""
    from wagtail.models import Locale

    from .models import ListedInScope

    if not scopes:
        return set()
    locales = list(Locale.objects.values_list("pk", flat=True))
    return {scope for scope in scopes
            if ListedInScope.objects.filter(locale__in=locales, scope=scope).exists()}  # fmt: skip
