from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "shegong.feedback"
    label = "feedback"
    verbose_name = "公众参与"
