"""The events that put work in someone's queue, and whom each one tells.

- a comment or an implementation update awaiting moderation: editors;
- an objection filed during a publicity period: editors and the purchasing department's staff;
- an objection's outcome recorded: the objector, when the contact they left is an email address, and the
  purchasing department's staff;
- a payment that breaks the project's payment schedule (saved with an override reason): auditors and
  the purchasing department's staff;
- a 评估结果公示 going live for the first time: the accounts of each listed project's organization.
Publicity periods ending are announced by the daily `shegong notify_due` command (publicity.py).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published

from shegong.feedback.models import Comment, Objection
from shegong.feedback.moderation import ModerationStatus
from shegong.funds.checks import disbursement_problems
from shegong.funds.models import Disbursement
from shegong.pages.enums import NoticeKind
from shegong.pages.models import NoticePage
from shegong.updates.models import ImplementationUpdate

from . import recipients
from .mail import mail_to, notify

# The contact an objector leaves is free text: a phone number, an address, or an email among other words.
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def admin_path(instance, view="edit"):
    return reverse(instance.snippet_viewset.get_url_name(view), args=[instance.pk])


@receiver(post_save, sender=Comment, dispatch_uid="notify_comment")
def comment_submitted(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.status == ModerationStatus.PENDING:
        notify(
            recipients.editors(),
            "新的项目留言待审核",
            f"“{instance.project.title}”收到一条新的留言，审核通过后才会在项目页面公开。",
            admin_path(instance),
        )


@receiver(pre_save, sender=ImplementationUpdate, dispatch_uid="remember_update_status")
def remember_update_status(sender, instance, raw=False, **kwargs):
    previous = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first() if instance.pk else None
    instance._status_before_save = previous


@receiver(post_save, sender=ImplementationUpdate, dispatch_uid="notify_update")
def update_awaits_moderation(sender, instance, created, raw=False, **kwargs):
    # Told when it enters the queue (posted, or edited back into review), not at every save while it waits.
    entered = instance.status == ModerationStatus.PENDING and getattr(instance, "_status_before_save", None) != (
        ModerationStatus.PENDING
    )
    if raw or not entered:
        return
    notify(
        recipients.editors(),
        "新的实施动态待审核",
        f"“{instance.project.title}”的实施动态“{instance.title}”已提交，等待审核。",
        admin_path(instance),
    )


@receiver(post_save, sender=Objection, dispatch_uid="notify_objection")
def objection_filed(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    project = instance.project
    text = f"“{project.title}”（项目编号 {project.code}）在公示期内收到一条异议，请及时核实处理。"
    notify(recipients.editors(), "公示异议待处理", text, admin_path(instance))
    notify(recipients.department_staff(project.purchaser_id), "公示异议待处理", text, admin_path(instance, "inspect"))


@receiver(post_save, sender=Objection, dispatch_uid="notify_objection_outcome")
def objection_answered(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "outcome_recorded", False):
        return
    instance.outcome_recorded = False
    project, notice = instance.project, instance.notice
    outcome = instance.get_outcome_display()
    subject = f"公示异议处理结果：{outcome}"
    where = f"“{project.title}”（项目编号 {project.code}）"
    address = email_in(instance.contact)
    if address:
        # The public answer only: the reply is what the notice publishes, nothing kept inside the admin.
        text = f"您对{where}提出的异议已处理。\n处理结果：{outcome}\n答复：{instance.reply}"
        mail_to([address], f"您提出的异议处理结果：{outcome}", text, (notice or project).full_url, "查看公示")
    staff_text = f"{where}的一条公示异议已答复，处理结果：{outcome}。\n答复：{instance.reply}"
    notify(recipients.department_staff(project.purchaser_id), subject, staff_text, admin_path(instance, "inspect"))


def email_in(contact):
    """The email address an objector left among their contact details; "" when they left none."""
    match = EMAIL_IN_TEXT.search(contact or "")
    if not match:
        return ""
    try:
        validate_email(match.group())
    except ValidationError:
        return ""
    return match.group()


@receiver(page_published, sender=NoticePage, dispatch_uid="notify_evaluation_results")
def evaluation_results_published(sender, instance, **kwargs):
    # Told once, when the notice first goes live: a corrected notice republished does not mail everyone again.
    if instance.kind != NoticeKind.EVALUATION_PUBLICITY or instance.first_published_at != instance.last_published_at:
        return
    projects = [link.project for link in instance.related_projects.select_related("project")]
    for organization_id in {project.organization_id for project in projects if project.organization_id}:
        titles = "、".join(f"“{p.title}”" for p in projects if p.organization_id == organization_id)
        notify(
            recipients.organization_accounts(organization_id),
            "评估结果公示已发布",
            f"贵机构承接的{titles}的评估结果已在“{instance.title}”中公示"
            + (f"，公示期至 {instance.publicity_until:%Y年%m月%d日}。" if instance.publicity_until else "。"),
            instance.full_url,
            "查看公示",
        )


@receiver(post_save, sender=Disbursement, dispatch_uid="notify_anomalous_payment")
def anomalous_payment(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # Checked as stored (amounts typed, the project's schedule fresh), on objects of its own: the caller's
    # project would otherwise keep a cached “no schedule” from this check.
    payment = sender.objects.select_related("project").get(pk=instance.pk)
    problems = [message for messages in disbursement_problems(payment).values() for message in messages]
    if not problems:
        return
    project = payment.project
    text = (
        f"“{project.title}”（项目编号 {project.code}）{payment.paid_on} 拨付 {payment.amount:,.2f} 元，"
        f"被标记为资金异常：{'；'.join(problems)}。\n放行理由：{payment.override_reason or '（未填写）'}"
    )
    path = reverse("funds:anomalies")
    notify(recipients.auditors(), "资金拨付异常", text, path)
    notify(recipients.department_staff(project.purchaser_id), "资金拨付异常", text, path)
