from wagtail import hooks

from .views import ProjectPageViewSet


@hooks.register("register_admin_viewset")
def register_project_page_viewset():
    return ProjectPageViewSet("project_pages")
