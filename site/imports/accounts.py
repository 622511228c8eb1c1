"""Who an import from the command line acts as."""

from django.contrib.auth import get_user_model

# The author named in page histories for imports nobody signed: it cannot log in (no usable password).
SYSTEM_USERNAME = "system-import"


class UnknownUser(Exception):
    pass


def import_user(username=None):
    User = get_user_model()
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise UnknownUser(f"用户“{username}”不存在或已停用。")
        return user
    user, created = User.objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": "系统导入", "is_superuser": True, "is_active": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
