"""A few pictures drawn with Pillow for the demo content, so the demo needs no downloads."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from shegong.pages.models import ProjectPage

PALETTES = [
    ("社区营造", (196, 52, 45), (246, 196, 120)),
    ("为老服务", (32, 96, 160), (170, 214, 240)),
    ("儿童关爱", (46, 139, 87), (214, 238, 170)),
    ("志愿服务", (120, 70, 160), (236, 200, 230)),
    ("党建引领", (178, 34, 34), (255, 215, 0)),
    ("公益创投", (0, 121, 140), (180, 230, 220)),
]


def draw(seed, dark, light, size=(960, 540)):
    """A landscape of hills and a sun: recognisable as a picture, different per seed."""
    width, height = size
    image = PILImage.new("RGB", size, light)
    pen = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        pen.line([(0, y), (width, y)], fill=tuple(int(light[i] * (1 - t) + 255 * t) for i in range(3)))
    pen.ellipse([width * 0.7, height * 0.1, width * 0.7 + 110, height * 0.1 + 110], fill=(255, 236, 160))
    for layer in range(3):
        shade = tuple(int(dark[i] * (0.6 + 0.2 * layer)) for i in range(3))
        base = height * (0.55 + 0.12 * layer)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            points.append((x, base - 60 * math.sin((x / width) * math.pi * (2 + layer) + seed)))
        points.append((width, height))
        pen.polygon(points, fill=shade)
    return image


def attach_demo_images(codes):
    """Create the demo images once and give the projects just created (by code), if they have no cover, one of them.

    Only those: a project an editor has worked on keeps its cover, or its lack of one, and its drafts.
    """
    Image = get_image_model()
    images = []
    for seed, (title, dark, light) in enumerate(PALETTES):
        image = Image.objects.filter(title=f"演示图片：{title}").first()
        if image is None:
            buffer = io.BytesIO()
            draw(seed, dark, light).save(buffer, format="JPEG", quality=85)
            image = Image(title=f"演示图片：{title}")
            image.file = ImageFile(buffer, name=f"demo-{seed}.jpg")
            image.save()
        images.append(image)
    for n, page in enumerate(
        ProjectPage.objects.live().filter(code__in=codes, image__isnull=True).order_by("code")[:24]
    ):
        revision = page.get_latest_revision_as_object()
        revision.image = images[n % len(images)]
        revision.save_revision(log_action=True).publish()
    return len(images)
