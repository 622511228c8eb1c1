from django.urls import path

from . import views

app_name = "navigation"
urlpatterns = [
    path("sitemap/", views.site_tree, name="sitemap"),
    path("xxgk/", views.disclosure, name="disclosure"),
    path("display/<str:mode>/", views.display_mode, name="display"),
]
