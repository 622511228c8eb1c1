"""A permission policy for records only the system writes."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff with the model's view permission may read its records; nobody adds, changes or deletes them in the
    admin, whatever permissions a group was given."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


def register_read_only(model):
    register_permission_policy(model, ReadOnlyPolicy(model))
