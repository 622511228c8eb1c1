from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("projects/<int:project_id>/comments/", views.post_comment, name="comment"),
    path("projects/<int:project_id>/objections/", views.post_objection, name="objection"),
    path("token/", views.token, name="token"),
]
