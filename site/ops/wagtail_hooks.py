"""The login audit (django-axes' records) in the Wagtail admin: 系统设置 › 登录记录."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shegong.core.permissions import register_read_only

WHO = [
    Column("username", label="用户名"),
    Column("ip_address", label="IP 地址"),
    Column("attempt_time", label="时间"),
]


class UnlockOnlyPolicy(ModelPermissionPolicy):
    """Failed-login counters are written by axes; deleting one is how an administrator lifts a lockout."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(AccessAttempt, UnlockOnlyPolicy(AccessAttempt))
register_read_only(AccessFailureLog)
register_read_only(AccessLog)


class LockoutViewSet(SnippetViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = "失败计数与锁定"
    list_display = [*WHO, Column("failures_since_start", label="失败次数"), Column("path_info", label="地址")]
    search_fields = ["username", "ip_address"]


class FailureLogViewSet(SnippetViewSet):
    model = AccessFailureLog
    icon = "warning"
    menu_label = "登录失败记录"
    list_display = [*WHO, Column("locked_out", label="已锁定"), Column("user_agent", label="浏览器")]
    list_export = ["username", "ip_address", "attempt_time", "locked_out", "user_agent", "path_info"]
    search_fields = ["username", "ip_address"]


class LoginLogViewSet(SnippetViewSet):
    model = AccessLog
    icon = "user"
    menu_label = "登录成功记录"
    list_display = [*WHO, Column("logout_time", label="退出时间"), Column("user_agent", label="浏览器")]
    list_export = ["username", "ip_address", "attempt_time", "logout_time", "user_agent"]
    search_fields = ["username", "ip_address"]


class LoginAuditGroup(SnippetViewSetGroup):
    items = (LockoutViewSet, FailureLogViewSet, LoginLogViewSet)
    menu_icon = "lock"
    menu_label = "登录记录"
    menu_name = "login-audit"


register_snippet(LoginAuditGroup)
