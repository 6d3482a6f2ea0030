"""Create the skeleton every Communiqué site needs: locales and, in each, its main pages."""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from .languages import language_codes
from .models import HomePage

logger = logging.getLogger(__name__)


def ensure_locales():
    """Create a Locale for every language in settings.LANGUAGES; return them in that order."""
    return [Locale.objects.get_or_create(language_code=code)[0] for code in language_codes()]


def _remove_wagtail_welcome_page(root):
    plain_page = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=plain_page, slug="home"):
        logger.info("Removing Wagtail's placeholder page %s", page.pk)
        page.delete()


def ensure_home_page(network_name, intro=""):
    """Return the default locale's home page, creating it (and the default Site) if needed."""
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        _remove_wagtail_welcome_page(root)
        home = root.add_child(
            instance=HomePage(title=network_name, slug="home", intro=intro, locale=default_locale)
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                            site_name=network_name)  # fmt: skip
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = network_name
        site.save()
    return home


def ensure_child(parent, model, slug, title_message):
    """Return the parent's child of type `model`, creating and publishing it if missing."""
    child = model.objects.child_of(parent).first()
    if child is None:
        with translation.override(parent.locale.language_code):
            child = parent.add_child(instance=model(title=_(title_message), slug=slug))
        child.save_revision().publish()
    return child


def ensure_translation(page, locale, title_message=None):
    """Return the live translation of `page` into `locale`, creating it if needed."""
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale)
        if title_message:
            with translation.override(locale.language_code):
                translated.title = _(title_message)
        translated.alias_of = None
    if not translated.live:
        translated.save_revision().publish()
        translated.refresh_from_db()
    return translated


def ensure_site_structure(network_name=None, intro=""):
    """Create locales, the home page, the statement index and the directory in every locale."""
    from communique.organisations.models import OrganisationIndexPage
    from communique.statements.models import StatementIndexPage

    locales = ensure_locales()
    home = ensure_home_page(network_name or settings.WAGTAIL_SITE_NAME, intro)
    sections = [
        (ensure_child(home, StatementIndexPage, "statements", "Statements"), "Statements"),
        (ensure_child(home, OrganisationIndexPage, "organisations", "Organisations"),
         "Organisations"),
    ]  # fmt: skip
    for locale in locales:
        if locale.pk == home.locale_id:
            continue
        ensure_translation(home, locale)
        for section, title in sections:
            ensure_translation(section, locale, title)
    return home
