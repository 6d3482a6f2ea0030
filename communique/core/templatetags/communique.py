"""For the admin's Django templates (editorial/templates/); the public pages are Jinja2's
(core/templating.py)."""

from django import template

from communique.core import languages

register = template.Library()


@register.filter
def language_name(code):
    return languages.language_name(code)
