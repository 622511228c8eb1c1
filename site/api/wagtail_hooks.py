from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import HeaderButton

from .preview import preview_on_client


@hooks.register("register_admin_urls")
def preview_urls():
    return [path("api-preview/<int:page_id>/", preview_on_client, name="shegong_api_preview")]


@hooks.register("register_page_header_buttons")
def preview_button(page, user, view_name, next_url=None):
    if view_name == "edit" and page.permissions_for_user(user).can_edit():
        yield HeaderButton(
            label="对接站点预览", url=reverse("shegong_api_preview", args=[page.pk]), icon_name="view", priority=40
        )
