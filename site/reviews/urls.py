from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("mine/", views.MyReviewsView.as_view(), name="mine"),
    path("score/<int:assignment_id>/", views.ScoreView.as_view(), name="score"),
    path(
        "score/<int:assignment_id>/attachments/<int:attachment_id>/", views.AttachmentView.as_view(), name="attachment"
    ),
    path("ranking/<int:call_id>/", views.RankingReport.as_view(), name="ranking"),
    path("ranking/<int:call_id>/results/", views.RankingReport.as_view(results_only=True), name="ranking_results"),
    path("close/<int:rubric_id>/", views.CloseRoundView.as_view(), name="close"),
    path("reopen/<int:rubric_id>/", views.ReopenRoundView.as_view(), name="reopen"),
    path("publish/<int:rubric_id>/", views.PublishRankingView.as_view(), name="publish"),
    path("decide/<int:application_id>/", views.DecideView.as_view(), name="decide"),
]
