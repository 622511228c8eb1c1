"""A little demo content for 项目征集: one open call and an application at each status (fixtures/demo_calls.json).

Only what is missing is made, as load_demo does for the rest. The call's dates follow today so it is always
open; each application reaches its status through the same steps an organization and an editor take.
"""

import datetime
import json
from importlib.resources import files

from django.utils import timezone

from shegong.pages.blocks import BodyBlock
from shegong.pages.models import NoticeIndexPage
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization

from .enums import ApplicationStatus
from .models import Application, ApplicationBudgetLine, ApplicationParticipant, CallPage

DEMO_FILE = files("shegong.fixtures") / "demo_calls.json"


def load_demo_calls(user, path=DEMO_FILE):
    """Make the demo call and its applications when missing; the number of applications made."""
    data = json.loads(path.read_text(encoding="utf-8"))
    call = CallPage.objects.filter(slug=data["call"]["slug"]).first() or make_call(data["call"], user)
    made = 0
    for row in data["applications"]:
        if not Application.objects.filter(call=call, title=row["title"]).exists():
            make_application(call, row, user)
            made += 1
    return made


def make_call(row, user):
    today = timezone.localdate()
    call = CallPage(
        title=row["title"],
        slug=row["slug"],
        opens_on=today - datetime.timedelta(days=14),
        closes_on=today + datetime.timedelta(days=30),
        purchaser=Department.objects.get(name=row["purchaser"]),
        budget_ceiling=row["budget_ceiling"],
        required_materials=row["required_materials"],
        body=BodyBlock().to_python([{"type": "paragraph", "value": f"<p>{row['body']}</p>"}]),
    )
    NoticeIndexPage.objects.get().add_child(instance=call)
    call.categories.set(ProjectCategory.objects.filter(name__in=row["categories"]))
    call.save_revision(user=user).publish(user=user)
    return call


def make_application(call, row, user):
    next_year = timezone.localdate().year + 1
    application = Application.objects.create(
        call=call,
        organization=SocialOrganization.objects.get(name=row["organization"]),
        title=row["title"],
        category=ProjectCategory.objects.get(name=row["category"]),
        content=row["content"],
        street=Region.objects.get(name=row["street"], level="street"),
        community=Region.objects.get(name=row["community"], parent__name=row["street"]),
        social_worker=row["social_worker"],
        start_date=datetime.date(next_year, 3, 1),
        end_date=datetime.date(next_year + 1, 2, 28),
        budget=row["budget"],
    )
    for item, amount in row["lines"]:
        ApplicationBudgetLine.objects.create(application=application, item=item, amount=amount)
    for name, kind in row["participants"]:
        ApplicationParticipant.objects.create(application=application, name=name, kind=kind)
    status = ApplicationStatus(row["status"])
    if status == ApplicationStatus.DRAFT:
        return application
    application.submit(user)
    if status == ApplicationStatus.APPROVED:
        # 立项 comes after 路演评审: the accepted application becomes a draft project.
        application.move(ApplicationStatus.REVIEW, "", user)
        application.accept(user)
    elif status != ApplicationStatus.SUBMITTED:
        application.move(status, row.get("reason", ""), user)
    return application
