"""The public ranking of a call: rank and average per application, once the editor has published it."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from shegong.calls.models import CallPage

from .models import Rubric
from .scoring import ranking


def public_ranking(request, call_id):
    call = get_object_or_404(CallPage.objects.live().public(), pk=call_id)
    rubric = Rubric.objects.filter(call=call, ranking_published_at__isnull=False).first()
    if rubric is None:
        raise Http404("该征集的评审排名尚未公布。")
    rows = [row for row in ranking(call) if row.rank is not None]
    return render(request, "reviews/public_ranking.html", {"call": call, "rubric": rubric, "rows": rows})
