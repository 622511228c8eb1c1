from django.urls import path

from .views import HotAPIView, SearchAPIView, SuggestAPIView

app_name = "search_api"
urlpatterns = [
    path("", SearchAPIView.as_view(), name="search"),
    path("suggest/", SuggestAPIView.as_view(), name="suggest"),
    path("hot/", HotAPIView.as_view(), name="hot"),
]
