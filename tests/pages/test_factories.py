from tests.factories import NoticePageFactory, PolicyPageFactory, ProjectPageFactory


def test_factories_build_published_pages(home):
    project = ProjectPageFactory()
    policy = PolicyPageFactory()
    notice = NoticePageFactory()
    for page in (project, policy, notice):
        assert page.live
        assert page.get_parent().specific.get_parent().id == home.id
    assert project.community.parent_id == project.street_id
