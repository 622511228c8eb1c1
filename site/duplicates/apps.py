from django.apps import AppConfig
from django.db.models.signals import pre_save


class DuplicatesConfig(AppConfig):
    name = "shegong.duplicates"
    label = "duplicates"
    verbose_name = "重复申报检查"

    def ready(self):
        from shegong.pages.models import ProjectPage

        from .holdback import hold_back_going_live

        pre_save.connect(hold_back_going_live, sender=ProjectPage, dispatch_uid="duplicates_hold_back_going_live")
