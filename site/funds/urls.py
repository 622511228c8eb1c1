from django.urls import path

from . import views

app_name = "funds"
urlpatterns = [
    path("projects/", views.ProjectFundsReport.as_view(), name="projects"),
    path("projects/results/", views.ProjectFundsReport.as_view(results_only=True), name="projects_results"),
    path("totals/<str:by>/", views.FundsTotalsReport.as_view(), name="totals"),
    path("anomalies/", views.AnomaliesReport.as_view(), name="anomalies"),
    path("anomalies/results/", views.AnomaliesReport.as_view(results_only=True), name="anomalies_results"),
]
