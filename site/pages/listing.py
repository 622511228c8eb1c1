"""Pagination for the public index pages."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PAGE_SIZE = 20


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def filtered_listing(request, filterset):
    """The context every section index page gives its template: the filter form, one page of results, the query."""
    return {"filter": filterset, "items": paginate(request, filterset.qs), "query": query_without_page(request)}
