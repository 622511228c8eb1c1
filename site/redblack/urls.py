from django.urls import path

from . import views

app_name = "redblack"
urlpatterns = [path("", views.listing, name="listing")]
