from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """What a WordPress item became here, so that importing again updates instead of duplicating."""

    source = models.CharField(_("WordPress site"), max_length=255)
    wp_id = models.PositiveBigIntegerField(_("WordPress post id"))
    kind = models.CharField(_("kind"), max_length=32)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE,
                             related_name="+")  # fmt: skip
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True,
                              on_delete=models.CASCADE, related_name="+")  # fmt: skip
    checksum = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        constraints = [
            models.UniqueConstraint(fields=["source", "wp_id"], name="unique_imported_wp_item")
        ]

    def __str__(self):
        return f"{self.source} #{self.wp_id} ({self.kind})"
