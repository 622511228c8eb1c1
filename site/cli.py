"""The `shegong` command: Django's manage.py with Shegong's settings preselected."""

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shegong.settings.dev")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv or sys.argv)
    except ImproperlyConfigured as error:  # a missing setting is the operator's to fix: say which, no traceback
        sys.exit(f"配置错误：{error}")


if __name__ == "__main__":
    main()
