"""The statements' search index: one row of analysed terms per live statement.

The full-text structures are the database's own and are made by the migration: on SQLite
an FTS5 table kept in step by triggers, on PostgreSQL a generated, weighted tsvector column
with a GIN index. Both read the `title` and `body` terms written here by `index.py`, and the
`filters` terms (filters.py) that narrowed searches ask for.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "statements.StatementPage", primary_key=True, on_delete=models.CASCADE,
        related_name="search_entry",
    )  # fmt: skip
    language = models.CharField(_("language"), max_length=12, db_index=True)
    title = models.TextField(_("title terms"))
    body = models.TextField(_("body terms"))
    filters = models.TextField(_("filter terms"), default="")

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return f"{self.language}: {self.title}"
