from django.urls import path

from .public import public_ranking

app_name = "reviews_public"
urlpatterns = [path("<int:call_id>/", public_ranking, name="ranking")]
