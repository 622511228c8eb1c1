from pathlib import Path

from django.apps import AppConfig
from django.conf import settings


class CoreConfig(AppConfig):
    name = "shegong.core"
    label = "core"
    verbose_name = "平台"

    def ready(self):
        # Made when the site starts rather than when its settings are read, so a tool that only reads them
        # writes nothing: the SQLite file's folder and, where WhiteNoise serves from the apps' folders (dev,
        # tests), the static folder it still expects; a server's comes from collectstatic.
        database = settings.DATABASES["default"]
        folders = [Path(settings.STATIC_ROOT)] if getattr(settings, "WHITENOISE_USE_FINDERS", False) else []
        if database["ENGINE"].endswith("sqlite3") and str(database["NAME"]) != ":memory:":
            folders.append(Path(database["NAME"]).parent)
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
