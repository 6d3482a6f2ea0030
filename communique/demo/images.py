"""Draw the demo's lead images with Pillow, so the demo ships no binary files."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

WIDTH, HEIGHT = 1200, 675


def _draw(dark, light):
    picture = PILImage.new("RGB", (WIDTH, HEIGHT), light)
    draw = ImageDraw.Draw(picture)
    for step in range(0, WIDTH + HEIGHT, 90):
        draw.line([(step, 0), (step - HEIGHT, HEIGHT)], fill=dark, width=28)
    draw.ellipse([WIDTH * 0.55, HEIGHT * 0.15, WIDTH * 0.9, HEIGHT * 0.85], fill=dark)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer


def demo_image(title, dark, light):
    """Return the demo image with this title, drawing and saving it the first time."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    filename = title.lower().replace(",", "").replace(" ", "-") + ".png"
    image = Image(title=title)
    image.file = ImageFile(_draw(dark, light), name=filename)
    image.save()
    return image
