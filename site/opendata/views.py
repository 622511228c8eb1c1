from django.http import HttpResponse, HttpResponseNotFound
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from .datasets import DATASETS
from .formats import FORMATS, WRITERS


def index(request):
    """数据开放: every data set in three formats, with its data dictionary and when its data last changed."""
    sets = [(dataset, dataset.updated() if dataset.updated else None) for dataset in DATASETS.values()]
    return TemplateResponse(
        request,
        "opendata/index.html",
        {"page_title": "数据开放", "sets": sets, "formats": FORMATS, "now": timezone.localtime()},
    )


def download(request, slug, extension):
    dataset = DATASETS.get(slug)
    if dataset is None or extension not in FORMATS:
        return HttpResponseNotFound(render_to_string("404.html", {"page_title": "数据文件不存在"}, request=request))
    generated_at = timezone.localtime()
    content_type, _ = FORMATS[extension]
    response = HttpResponse(WRITERS[extension](dataset, generated_at), content_type=content_type)
    filename = f"{dataset.title}-{generated_at:%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
