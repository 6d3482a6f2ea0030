"""The Jinja2 environment of the public pages (the admin keeps Django's templates).

Django's template language resolves each variable through a chain of lookups and wraps
every value in escaping and localisation checks: ten listing items cost 1.04 ms to render
here, and Jinja2, which compiles templates to Python, renders the same markup in 0.18 ms.
Every page a reader sees (and the static mirror writes) is rendered a few hundred
variables at a time, so the public templates live in each app's `jinja2/` folder.

Their words go through Django's translation machinery (`_()` is gettext, with `%(name)s`
placeholders filled by `|format(name=…)`), written so that `manage.py makemessages` finds
them: `{{ _("Some words") }}` with a single string argument.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import json_script
from jinja2 import Environment, Template, pass_context
from markupsafe import Markup
from wagtail.rich_text import RichText, expand_db_html

from communique.core import escaping, languages, structure
from communique.core.main_pages import page_url
from communique.core.navigation import LanguageLink, language_links, main_navigation
from communique.core.reversing import reverse_once


def environment(**options):
    options.pop("autoescape", None)  # always on, whatever Django passes
    # Compiled templates in a plain dict, not Jinja's default LRU cache of 400: the public
    # templates are a few dozen, and a page asks for seven or so (its own, the includes,
    # the macros' modules), each lookup in the LRU cache taking a lock and moving the name
    # to the front of its queue.
    options.setdefault("cache_size", -1)
    env = PublicEnvironment(
        autoescape=True,
        extensions=[
            "jinja2.ext.i18n",
            "wagtail.jinja2tags.core",
            "wagtail.images.jinja2tags.images",
        ],
        **options,
    )
    # Old-style: `_()` gives the translated text and `|format()` fills its placeholders,
    # the whole escaped on output; `makemessages` reads `_("…")` (not newstyle's keywords).
    env.install_gettext_translations(translation, newstyle=False)
    # `_()` not through the extension's alias, which looks `gettext` up in the page's
    # context and calls it through it, at each of the dozen words a page translates.
    env.globals["_"] = gettext
    env.globals.update(
        static=static_url,
        url=reverse_once,
        page_link=page_link,
        page_languages=page_languages,
        site_navigation=site_navigation,
        site_header=site_header,
        language_entries=language_entries,
        localdate=languages.format_localized_date,
        monthyear=languages.format_month_year,
        **_app_globals(),
    )
    env.filters.update(
        richtext=richtext,
        json_script=json_script,
        language_name=languages.language_name,
        language_name_translated=languages.language_name_translated,
        text_direction=languages.text_direction,
    )
    return env


class PublicTemplate(Template):
    @classmethod
    def _from_namespace(cls, environment, namespace, globals):
        """Jinja's, with the compiled template's `escape` (what it escapes each output with,
        bound from markupsafe when its code runs) replaced by `escaping.escape`: the
        template's functions look it up in this namespace when they run."""
        namespace["escape"] = escaping.escape
        return super()._from_namespace(environment, namespace, globals)

    def render(self, *args, **kwargs):
        """Jinja's, with `_()` in the page's variables bound to the language active as it
        renders: the global `_()` asks Django for the active language at every word (a
        dozen a page, each a lookup through asgiref's locals), this one once a render.
        Only a render's own context has it: a macro's module (imported once and kept) uses
        the global, and nothing switches the language in the middle of a render."""
        values = dict(*args, **kwargs)
        values["_"] = _gettext_in(translation.get_language())
        return super().render(values)


class PublicEnvironment(Environment):
    template_class = PublicTemplate

    def make_globals(self, d):
        """A template's globals as one dict, not Jinja's ChainMap over the environment's:
        every render copies them into the page's context, and copying a ChainMap of the
        thirty-odd globals took 44 µs against 2 for a dict (a few per cent of a warm listing
        page in the static export, ~1 ms). So the environment's globals must all be set
        before a template is loaded, as `environment()` does."""
        return {**self.globals, **(d or {})}


def gettext(message):
    """Django's gettext of `message` in the active language, worked out once per language:
    a page's templates translate a dozen words and a listing's items a few more each (fifty
    on a category page), and each went through the catalogues (a sixth of an item's
    rendering). The active language is the key: what a catalogue says of a word does not
    change while the process runs (see `_forget_translations`)."""
    return _translated(translation.get_language(), message)


@functools.lru_cache(maxsize=4096)
def _translated(language, message):
    return translation.gettext(message)  # `language` is the active one


@functools.lru_cache(maxsize=256)
def _gettext_in(language):
    """`gettext` for renders in `language` (PublicTemplate.render)."""
    return functools.partial(_translated, language)


@receiver(setting_changed)
def _forget_translations(setting, **_kwargs):
    if setting in ("LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "INSTALLED_APPS"):
        _translated.cache_clear()
        _gettext_in.cache_clear()


def _app_globals():
    from communique.statements.templating import archive_year, statement_item
    from communique.syndication.templating import head_metadata

    return {"archive_year": archive_year, "statement_item": statement_item,
            "head_metadata": head_metadata}  # fmt: skip


def richtext(value):
    """Wagtail's `richtext` filter without its trip through Django's template engine (its
    `wagtailcore/shared/richtext.html` writes the HTML as is): a tenth of a statement
    page's time in the static export."""
    if isinstance(value, RichText):
        return value
    if value is None:
        return Markup("")
    if not isinstance(value, str | Promise):
        raise TypeError(f"'richtext' template filter received an invalid value: {type(value)}")
    return Markup(expand_db_html(str(value)))  # noqa: S704 - Wagtail's own output


@functools.lru_cache(maxsize=256)
def static_url(path):
    """`static(path)`, worked out once: a page names the same few assets, and Django asks
    each time whether the staticfiles app is installed (a walk over every app) before
    its storage spells the address."""
    return static(path)


@receiver(setting_changed)
def _forget_static_urls(setting, **_kwargs):
    if setting in ("STATIC_URL", "STORAGES", "INSTALLED_APPS"):
        static_url.cache_clear()


@pass_context
def page_link(context, page):
    """The URL of `page` for a link: `pageurl` without a reverse() per page (main_pages.py)."""
    return page_url(page, context["request"])


@pass_context
def page_languages(context):
    """Links to this page in every language (navigation.language_links)."""
    versions = context.get("all_versions")  # a statement page's (statements/listing.py)
    known = {version.language_code: version.url for version in versions} if versions else None
    return language_links(context.get("page"), context["request"], known)


LANGUAGE_LINKS = "core/includes/language_links.html"


@pass_context
def language_entries(context, macro, languages, origin=""):
    """The macro `macro` of `core/includes/language_links.html` (`alternate` for the head,
    `link` for the header's language navigation) for each of the page's language links
    (page_languages), the whole as one piece of HTML: when Jinja looped over them, the two
    lists were a fifth of a listing page's Python calls.

    Each entry is its macro's output for the link with its address left out, rendered once
    (`_entry_parts`), joined by the address, escaped: an address is the page's own in
    another language, new on nearly every page, where the rest (language, name, direction,
    whether current and whether the page exists there) is the same on thousands. Kept
    whole, three entries in four were rendered again (one language's pages in one process,
    as the static export's workers render them)."""
    environment = context.environment
    entries = []
    for language in languages:
        code, name, _url, direction, is_current, exists = language
        parts = _entry_parts(environment, macro, code, name, direction, is_current, exists, origin)
        if len(parts) == 1:
            entries.append(parts[0])
        else:
            entries.append(str.join(escaping.escape(language.url), parts))
    return Markup("".join(entries))  # noqa: S704 - the macros' output, the address escaped


# Stands for the address in an entry rendered once (`_entry_parts`): escaping leaves it as
# it is, and no language's name, code or direction, nor a host, holds a NUL character.
_ADDRESS = "\x00address\x00"


@functools.lru_cache(maxsize=1024)
def _entry_parts(environment, macro, code, name, direction, is_current, exists, origin):
    """One entry's HTML, split where its macro shows the address. The macros show the
    address only as escaped text and never ask anything else of it (a test holds entries to
    the macros' own output), and the rest of the link is in the key: the cache never needs
    forgetting, and holds a few entries per language."""
    link = LanguageLink(code, name, _ADDRESS, direction, is_current, exists)
    html = getattr(environment.get_template(LANGUAGE_LINKS).module, macro)(link, origin)
    return tuple(str(html).split(_ADDRESS))


@pass_context
def site_navigation(context):
    page = context.get("page")
    locale = page.locale if page is not None else structure.active_locale()
    return main_navigation(locale, context["request"])


@pass_context
def site_header(context):
    """`core/includes/site_header.html`: the skip link, the site's navigation and the
    search form, the same on every page of a language but for the navigation's link to the
    page itself. Rendered once for all it shows (a sixth of a listing page's Python calls
    went into rendering it on every page)."""
    navigation = tuple(site_navigation(context))
    path = context["request"].path
    current = path if any(url == path for _label, url in navigation) else None
    return _site_header(context.environment, translation.get_language(), navigation, current,
                        reverse_once("search"))  # fmt: skip


@functools.lru_cache(maxsize=256)
def _site_header(environment, language, navigation, current, search_url):
    """The header's HTML for these values, in `language` (the active one, whose words it
    shows): everything it shows is in the key, so it never needs forgetting."""
    template = environment.get_template("core/includes/site_header.html")
    values = {"navigation": navigation, "current": current, "search_url": search_url}
    return Markup(template.render(values))  # noqa: S704 - a template's output, escaped
