"""A statement's excerpt, kept in its own column."""

from django.conf import settings
from django.db import models

from communique.core.excerpts import excerpt_of


class StoredExcerptField(models.TextField):
    """The excerpt listings, feeds and the API show, worked out whenever its page is saved
    (and by the bulk importer, which calls `pre_save` too).

    Working it out means parsing the body's HTML and cutting its text by grapheme
    clusters: about 80 µs a statement, most of what ten listing items cost to build, and
    fifty a feed. Not editable (so not translated either): the lead is what editors write.
    After a change of `COMMUNIQUE_EXCERPT_LENGTH`, `manage.py refresh_excerpts` writes every
    stored excerpt again.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = model_instance.excerpt
        setattr(model_instance, self.attname, value)
        return value


def refresh_stored_excerpts(model, chunk=500):
    """Write the excerpt of every row of `model` (StatementPage, or its historical form in a
    migration) whose stored one differs from what its lead and body give now; return how
    many changed."""
    limit = settings.COMMUNIQUE_EXCERPT_LENGTH
    rows = model.objects.order_by("pk").values_list("pk", "lead", "body", "listing_excerpt")
    changed = []
    for pk, lead, body, stored in rows.iterator(chunk_size=chunk):
        excerpt = excerpt_of(lead, body, limit)
        if excerpt != stored:
            changed.append(model(pk=pk, listing_excerpt=excerpt))
    model.objects.bulk_update(changed, ["listing_excerpt"], batch_size=chunk)
    return len(changed)
