"""`_()` in the public templates gives the words of the language active as a page renders:
in the page's template, in what it includes, and in a macro module kept from an earlier
render in another language (core/templating.PublicTemplate.render)."""

from django.template import engines
from django.utils import translation


def words(language, message):
    with translation.override(language):
        return translation.gettext(message)


def test_a_render_translates_in_the_active_language():
    template = engines["jinja2"].from_string("{{ _('Archive') }}")
    for language, expected in (
        ("es", "Archivo"),
        ("el", "Αρχείο"),
        ("ko", "보관함"),
        ("es", "Archivo"),
    ):
        with translation.override(language):
            assert template.render({}) == expected


def test_an_included_template_translates_in_the_render_language():
    template = engines["jinja2"].from_string("{% include 'core/includes/pagination.html' %}")
    page = {"newer_url": "/x/", "older_url": None, "oldest_url": None, "number": 2}
    for language in ("es", "el", "ar"):
        with translation.override(language):
            rendered = template.render({"page_obj": page})
        assert words(language, "Page %(number)s") % {"number": 2} in rendered
        assert words(language, "Newer statements") in rendered


def test_a_kept_macro_module_translates_in_each_language():
    """A macro's module is made once and kept (as the listing item's is): its `_()` is the
    global one, which asks for the active language, not the one its module was made in."""
    environment = engines["jinja2"].env
    template = environment.from_string("{% macro archive() %}{{ _('Archive') }}{% endmacro %}")
    with translation.override("es"):
        module = template.module
        assert module.archive() == "Archivo"
    with translation.override("el"):
        assert template.module is module
        assert module.archive() == "Αρχείο"
