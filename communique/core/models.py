from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .languages import country_name, iso_country_codes
from .structure import RoutesFromStructure, ViewRestrictionsFromStructure

BODY_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "blockquote", "link", "document-link",
    "image", "embed", "hr",
]  # fmt: skip


class Country(models.Model):
    """A country a statement concerns or an organisation is based in; named in each language."""

    code = models.CharField(
        _("ISO 3166 code"), max_length=2, unique=True, help_text=_("Two letters, e.g. GR or KR.")
    )

    panels = [FieldPanel("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return country_name(self.code)

    @property
    def slug(self):
        return self.code.lower()

    def clean(self):
        self.code = (self.code or "").upper()
        if self.code not in iso_country_codes():
            raise ValidationError(
                {"code": _("“%(code)s” is not an ISO 3166 country code.") % {"code": self.code}}
            )


class HomePage(RoutesFromStructure, ViewRestrictionsFromStructure, Page):
    """The front page of one locale: the network's name (the title), an introduction, the news."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    subpage_types = [
        "statements.StatementIndexPage",
        "organisations.OrganisationIndexPage",
        "core.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from communique.statements.listing import latest_items, statement_index_link

        context = super().get_context(request, *args, **kwargs)
        context["latest"] = latest_items(self.locale, request)
        context["statement_index"] = statement_index_link(self.locale, request)
        return context


class StandardPage(ViewRestrictionsFromStructure, Page):
    """A plain page such as "About the network"."""

    body = RichTextField(_("body"), features=BODY_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]

    parent_page_types = ["core.HomePage", "core.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ContentChange(models.Model):
    """When what readers see last changed (see core/changes.py); one row per scope: all
    content, or a cache tag ("organisation:<translation key>")."""

    scope = models.CharField(max_length=80, primary_key=True)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("content change")

    def __str__(self):
        return f"{self.scope}: {self.changed_at.isoformat()}"
