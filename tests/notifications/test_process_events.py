"""The people the application and review steps need are told by mail, with a link to where they act."""

from shegong.calls.enums import ApplicationStatus
from shegong.reviews.actions import assign_expert
from shegong.roles.groups import EDITORS, ORGANIZATIONS
from tests.calls.factories import ApplicationFactory
from tests.factories import OrganizationFactory, account
from tests.reviews.factories import RubricFactory, expert, under_review


def test_submitting_tells_the_editors_and_each_decision_tells_the_organization(home, mailoutbox, committed):
    organization = OrganizationFactory(name="官渡区暖阳社工中心")
    editor = account("bianji", EDITORS)
    applicant = account("nuanyang", ORGANIZATIONS, organization=organization)
    account("other-org", ORGANIZATIONS, organization=OrganizationFactory(name="别的机构"))
    application = ApplicationFactory(organization=organization, title="困境儿童关爱服务项目")

    with committed():
        application.submit(applicant)
    [to_editor] = mailoutbox
    assert to_editor.to == [editor.email]
    assert "困境儿童关爱服务项目" in to_editor.body and "官渡区暖阳社工中心" in to_editor.body
    inspect_link = next(line for line in to_editor.body.splitlines() if "/admin/" in line)
    assert f"/{application.pk}/" in inspect_link

    with committed():
        application.move(ApplicationStatus.REJECTED, "服务对象与征集方向不符", editor)
    to_organization = mailoutbox[-1]
    assert to_organization.to == [applicant.email]
    assert "未立项" in to_organization.body and "服务对象与征集方向不符" in to_organization.body


def test_an_assigned_expert_is_asked_to_score(home, mailoutbox, committed):
    rubric = RubricFactory()
    application = under_review(rubric.call, title="社区长者助餐服务项目")
    zhang = expert("expert_zhang")
    editor = account("bianji", EDITORS)
    mailoutbox.clear()

    with committed():
        assign_expert(application, zhang, editor)
    [mail] = mailoutbox
    assert mail.to == [zhang.email]
    assert "社区长者助餐服务项目" in mail.body and "/admin/reviews/" in mail.body
