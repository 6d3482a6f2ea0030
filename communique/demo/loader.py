"""Load the demo network: one function per kind of content, each safe to run again."""

import datetime
import logging
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale

from communique.core.models import Country, HomePage
from communique.core.site_structure import ensure_site_structure
from communique.editorial.roles import ensure_roles
from communique.organisations.models import Organisation, OrganisationIndexPage
from communique.statements.models import (
    Category,
    StatementIndexPage,
    StatementPage,
    StatementSignatory,
)

from . import content_network as network
from .content_statements import STATEMENTS
from .images import demo_image

logger = logging.getLogger(__name__)
NAMESPACE = uuid.UUID("6f1c1d2e-6a43-4bb3-9a51-3c8e0b7f9d10")
DEMO_USERNAME = "admin"


def demo_key(kind, key):
    return uuid.uuid5(NAMESPACE, f"{kind}:{key}")


def locales_by_code():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def load_intros(locales):
    for model, texts in (
        (HomePage, network.INTRO),
        (OrganisationIndexPage, network.DIRECTORY_INTRO),
    ):
        for page in model.objects.filter(intro=""):
            text = texts.get(page.locale.language_code)
            if text:
                page.intro = text
                page.save_revision().publish()


def load_countries():
    codes = {org[0] for org in network.ORGANISATIONS.values()}
    codes |= {code for statement in STATEMENTS for code in statement["countries"]}
    return {code: Country.objects.get_or_create(code=code)[0] for code in sorted(codes)}


def load_categories(locales):
    categories = {}
    for key, versions in network.CATEGORIES.items():
        for language, (name, slug) in versions.items():
            categories[key, language] = Category.objects.get_or_create(
                translation_key=demo_key("category", key), locale=locales[language],
                defaults={"name": name, "slug": slug,
                          "description": network.CATEGORY_DESCRIPTIONS[key]
                          if language == "en" else ""},
            )[0]  # fmt: skip
    return categories


def load_organisations(locales, countries):
    organisations = {}
    for key, (country, versions, website, description) in network.ORGANISATIONS.items():
        for language, (name, short_name) in versions.items():
            organisations[key, language] = Organisation.objects.get_or_create(
                translation_key=demo_key("organisation", key), locale=locales[language],
                defaults={"name": name, "short_name": short_name, "slug": key,
                          "country": countries[country], "website": website,
                          "description": description if language == "en" else ""},
            )[0]  # fmt: skip
    return organisations


def load_images():
    return {key: demo_image(*spec) for key, spec in network.IMAGES.items()}


def _in_language(objects, key, language):
    """The object for `key` in `language`, or its original version when it has no translation."""
    if (key, language) in objects:
        return objects[key, language]
    return next(value for (candidate, _lang), value in objects.items() if candidate == key)


def load_statement_version(statement, language, version, related):
    """Create one language version of a demo statement unless it exists already."""
    locale = related["locales"][language]
    translation_key = demo_key("statement", statement["key"])
    if StatementPage.objects.filter(translation_key=translation_key, locale=locale).exists():
        return False
    title, paragraphs, *lead = version
    date = datetime.date.fromisoformat(statement["date"])
    image = related["images"].get(statement.get("image"))
    page = StatementPage(
        title=title, slug=slugify(title, allow_unicode=True)[:80].strip("-"), date=date,
        body="".join(f"<p>{escape(text)}</p>" for text in paragraphs),
        lead=lead[0] if lead else "", locale=locale, translation_key=translation_key,
        lead_image=image, lead_image_credit=network.IMAGE_CREDIT if image else "",
        lead_image_licence=network.IMAGE_LICENCE if image else "",
        first_published_at=datetime.datetime.combine(date, datetime.time(10), datetime.UTC),
    )  # fmt: skip
    page.categories = [_in_language(related["categories"], key, language)
                       for key in statement["categories"]]  # fmt: skip
    page.countries = [related["countries"][code] for code in statement["countries"]]
    page.signatories = [
        StatementSignatory(
            organisation=_in_language(related["organisations"], key, language), sort_order=order
        )
        for order, key in enumerate(statement.get("signatories", []))
    ]
    index = StatementIndexPage.objects.get(locale=locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    return True


def load_statements(related):
    created = 0
    for statement in STATEMENTS:
        for language, version in statement["versions"].items():
            created += load_statement_version(statement, language, version, related)
    return created


DEMO_ROLE_USERS = [
    ("coordinator", "Coordinators"),
    ("editor", "Editors"),
    ("translator-el", "Translators (el)"),
    ("translator-ar", "Translators (ar)"),
]


def ensure_demo_admin():
    """Create the demo superuser and one user per editorial role, sharing a random password.

    Return (username, password), the password None when the users existed already. The
    login is written to settings.COMMUNIQUE_DEMO_LOGIN_FILE, outside the repository.
    """
    users = get_user_model()
    if users.objects.filter(username=DEMO_USERNAME).exists():
        return DEMO_USERNAME, None
    password = secrets.token_urlsafe(12)
    users.objects.create_superuser(DEMO_USERNAME, "admin@example.org", password)
    for username, group_name in DEMO_ROLE_USERS:
        user = users.objects.create_user(username, f"{username}@example.org", password)
        user.groups.add(*Group.objects.filter(name=group_name))
    login_file = settings.COMMUNIQUE_DEMO_LOGIN_FILE
    login_file.parent.mkdir(parents=True, exist_ok=True)
    others = ", ".join(username for username, _group in DEMO_ROLE_USERS)
    login_file.write_text(
        f"user: {DEMO_USERNAME}\npassword: {password}\n"
        f"role users with the same password: {others}\n"
    )
    login_file.chmod(0o600)
    return DEMO_USERNAME, password


def load_demo():
    """Load the whole demo network; return the number of statement versions created."""
    ensure_site_structure(network.NETWORK_NAME, network.INTRO["en"])
    ensure_roles()
    locales = locales_by_code()
    load_intros(locales)
    countries = load_countries()
    related = {
        "locales": locales,
        "countries": countries,
        "categories": load_categories(locales),
        "organisations": load_organisations(locales, countries),
        "images": load_images(),
    }
    return load_statements(related)
