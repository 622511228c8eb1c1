from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "shegong.reviews"
    label = "reviews"
    verbose_name = "路演评审"
