"""The search page's filters as terms of the full-text index.

Each entry holds, beside the words, one term per thing a reader can narrow a search by: the
statement's year, its categories, its countries and its signatories (categories and
organisations by translation key, so that a filter finds the statement in every
language). A narrowed search then asks the full-text index for the words *and* these terms
(FTS5 intersects them by seeking, newest first, and stops at the limit), instead of reading
every statement the filter selects. The terms are letters and digits only, and live in a
column of their own (SQLite) or as lexemes starting with "#" (PostgreSQL), so no word of a
text can meet them.
"""

from communique.statements.models import StatementPage


def year_term(year):
    return f"y{int(year)}"


def category_term(translation_key):
    return "c" + str(translation_key).replace("-", "")


def country_term(code):
    return "k" + code.lower()


def organisation_term(translation_key):
    return "o" + str(translation_key).replace("-", "")


def filter_terms(pages, signatories):
    """{page id: "its filter terms"} for these statements (each with its date);
    `signatories`: {page id: [(name, organisation translation key), …]} (index.signatories)."""
    ids = [page.pk for page in pages]
    found = {page.pk: [year_term(page.date.year)] for page in pages}
    categories = StatementPage.categories.through.objects.filter(statementpage_id__in=ids)
    for page_id, key in categories.values_list("statementpage_id", "category__translation_key"):
        found[page_id].append(category_term(key))
    countries = StatementPage.countries.through.objects.filter(statementpage_id__in=ids)
    for page_id, code in countries.values_list("statementpage_id", "country__code"):
        found[page_id].append(country_term(code))
    for page_id, signed in signatories.items():
        found[page_id] += [organisation_term(key) for _name, key in signed]
    return {page_id: " ".join(dict.fromkeys(terms)) for page_id, terms in found.items()}
