"""Attachments come from a copy of wp-content/uploads (--media-dir), never from the network."""

from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from .models import ImportedItem


def relative_path(item):
    attached = item.meta.get("_wp_attached_file")
    if attached:
        return PurePosixPath(attached)
    path = urlsplit(item.attachment_url).path
    marker = "/uploads/"
    return PurePosixPath(path.split(marker, 1)[1] if marker in path else PurePosixPath(path).name)


def import_attachment(item, source, options):
    """Return (Wagtail image or None, warning or None) for one attachment item."""
    record = ImportedItem.objects.filter(source=source, wp_id=item.wp_id, image__isnull=False)
    if record.exists():
        return record.get().image, None
    relative = relative_path(item)
    if relative.suffix.lower().lstrip(".") not in settings.WAGTAILIMAGES_EXTENSIONS:
        return None, f"attachment {relative.name} is not an image; not imported"
    if options.media_dir is None:
        return None, f"media not imported (no --media-dir): {item.attachment_url or relative}"
    path = Path(options.media_dir) / relative
    if not path.resolve().is_relative_to(Path(options.media_dir).resolve()):
        return None, f"attachment path leaves the media directory: {relative}"
    if not path.is_file():
        return None, f"missing file in the media directory: {relative}"
    if options.dry_run:
        return None, None
    with path.open("rb") as handle:
        image = Image(title=item.title or path.stem)
        image.file = ImageFile(handle, name=path.name)
        image.save()
    ImportedItem.objects.update_or_create(
        source=source, wp_id=item.wp_id, defaults={"kind": "attachment", "image": image}
    )
    return image, None
