from django.shortcuts import render
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from shegong.api.schema import MessageSerializer

from . import popular, service
from .params import SearchParamsSerializer, error_message
from .suggest import suggest


def search_page(request):
    """The public search page: query box, facet filters, highlighted hits, pagination."""
    params = SearchParamsSerializer(data=request.GET)
    context = {"query": request.GET.get("q", "")[:200], "params": request.GET}
    status = 200
    if params.is_valid():
        kwargs = params.search_kwargs()
        context["results"] = results = service.search(**kwargs)
        if results.query.strip() and kwargs.get("page", 1) == 1:
            context["picks"] = popular.picks(results.query)
            if results.count:
                popular.log(results.query)
        if not results.query.strip():
            context["hot"] = popular.hot()
    else:
        context["error"] = error_message(params.errors)
        status = 400
    return render(request, "search/search.html", context, status=status)


class HitSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="policy / project / notice / station / page")
    type_label = serializers.CharField()
    title = serializers.CharField()
    title_highlight = serializers.CharField(help_text="标题，命中词以 <mark> 标出（已转义的 HTML）")
    url = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    highlight = serializers.CharField(help_text="正文片段，命中词以 <mark> 标出（已转义的 HTML）")
    score = serializers.FloatField()
    document_number = serializers.CharField(help_text="政策的文号")
    status = serializers.CharField(help_text="政策的效力状态：valid / amended / repealed")
    status_label = serializers.CharField()
    in_force = serializers.BooleanField(help_text="政策现行有效（已废止、已修订的为 false）")
    stage_label = serializers.CharField(help_text="项目所处阶段")
    organization = serializers.CharField(help_text="项目的承接社会组织")
    match = serializers.ChoiceField(
        choices=["phrase", "all", "most"],
        help_text="phrase：含查询原文；all：含查询的每个词；most：只含部分词（未找到的词见 missing）",
    )
    match_label = serializers.CharField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    took_ms = serializers.FloatField()
    engine = serializers.CharField()
    results = HitSerializer(many=True, source="hits")
    synonyms = serializers.ListField(child=serializers.CharField(), help_text="同时搜索了的同义词")
    missing = serializers.ListField(child=serializers.CharField(), help_text="排第一的结果里没有的词（未找到）")
    pinyin = serializers.CharField(help_text="拼音查询被识别成的词，如 yanglao → 养老")
    suggestion = serializers.CharField(help_text="您是不是要找：查询没有结果或只有部分匹配时，改正了错字的查询")
    facets = serializers.DictField(child=FacetValueSerializer(many=True))


class SearchAPIView(APIView):
    """全文检索：政策法规、服务项目、通知公告、社工站点。"""

    permission_classes = [AllowAny]
    authentication_classes = []

    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        # As the other endpoints do: a misspelt filter (?tpye=policy) is an error, not a silently wider search.
        unknown = sorted(set(request.query_params) - set(params.fields) - {"format"})
        if unknown:
            return Response(
                {
                    "message": f"不支持的参数：{'、'.join(unknown)}。可用参数：{'、'.join(params.fields)}。",
                    "errors": {name: ["不支持的参数。"] for name in unknown},
                },
                status=400,
            )
        if not params.is_valid():
            # The API's one error shape, {"message"}, with each field's messages as extra detail.
            return Response({"message": error_message(params.errors), "errors": params.errors}, status=400)
        return Response(SearchResponseSerializer(service.search(**params.search_kwargs())).data)


SUGGEST_MAX_CHARS = 50


class TitleSuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    type = serializers.CharField()


class SuggestResponseSerializer(serializers.Serializer):
    terms = serializers.ListField(
        child=serializers.CharField(), help_text="以输入开头的词（同义词、名称、常用词；可按拼音）"
    )
    titles = TitleSuggestionSerializer(many=True, help_text="含输入的页面标题")


class HotResponseSerializer(serializers.Serializer):
    queries = serializers.ListField(
        child=serializers.CharField(), help_text="编辑推荐的检索词在前，其后是近 30 天的热搜"
    )


class SuggestAPIView(APIView):
    """检索框联想：以输入开头的词（含拼音）和含输入的页面标题。"""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(
        parameters=[OpenApiParameter("q", str, description="已输入的文字（最多 50 字）")],
        responses={200: SuggestResponseSerializer, 400: MessageSerializer},
    )
    def get(self, request):
        unknown = sorted(set(request.query_params) - {"q", "format"})
        if unknown:
            return Response({"message": f"不支持的参数：{'、'.join(unknown)}。可用参数：q。"}, status=400)
        q = request.query_params.get("q", "")
        if len(q) > SUGGEST_MAX_CHARS:
            return Response({"message": f"联想词最多 {SUGGEST_MAX_CHARS} 个字。"}, status=400)
        return Response(suggest(q))


class HotAPIView(APIView):
    """热搜：编辑推荐的检索词在前，其后是近 30 天搜得最多的词（匿名统计，不记录 IP 与用户）。"""

    permission_classes = [AllowAny]
    authentication_classes = []

    @extend_schema(responses=HotResponseSerializer)
    def get(self, request):
        return Response({"queries": popular.hot()})
