from django.apps import AppConfig
from django.db.models.signals import pre_save


class LifecycleConfig(AppConfig):
    name = "shegong.lifecycle"
    label = "lifecycle"
    verbose_name = "项目生命周期"

    def ready(self):
        from shegong.pages.models import ProjectPage

        from .going_live import refuse_going_live

        pre_save.connect(refuse_going_live, sender=ProjectPage, dispatch_uid="lifecycle_refuse_going_live")
