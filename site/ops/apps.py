from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(using="default", **kwargs):
    # The shared database cache needs its table; createcachetable does nothing when it exists or when the
    # cache is Redis, so every migrate can run it.
    from .pagecache import migrations_done

    call_command("createcachetable", database=using, verbosity=0)
    migrations_done()


class OpsConfig(AppConfig):
    name = "shegong.ops"
    label = "ops"
    verbose_name = "运行维护"

    def ready(self):
        from .exports import name_and_mark_spreadsheet_exports, neutralise_spreadsheet_exports
        from .pagecache import connect_invalidation

        post_migrate.connect(create_cache_table, sender=self)
        neutralise_spreadsheet_exports()
        name_and_mark_spreadsheet_exports()
        connect_invalidation()
