from django.urls import path

from .health import healthz, healthz_tasks

urlpatterns = [path("healthz", healthz, name="healthz"), path("healthz/tasks", healthz_tasks, name="healthz_tasks")]
