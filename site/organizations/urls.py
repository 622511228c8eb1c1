from django.urls import path

from . import views

app_name = "organizations"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/", views.profile, name="profile"),
]
