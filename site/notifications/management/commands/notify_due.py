"""Daily: tell editors which publicity periods end soon, so objections are handled and the next stage follows."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from shegong.api.links import absolute
from shegong.lifecycle.publicity import publicity_ending
from shegong.notifications import recipients
from shegong.notifications.mail import notify
from shegong.pages.models import NoticeIndexPage


class Command(BaseCommand):
    help = "通知编辑：公示期即将结束的公示（建议每天运行一次）。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SHEGONG_PUBLICITY_ENDING_DAYS,
            help="提醒今天起多少天内结束的公示（默认取 SHEGONG_PUBLICITY_ENDING_DAYS）。",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days 不能为负数。")
        notices = list(publicity_ending(days))
        if not notices:
            self.stdout.write(f"{days} 天内没有结束的公示。")
            return
        lines = [
            f"· {notice.title}：公示至 {notice.publicity_until:%Y年%m月%d日}，"
            f"收到异议 {notice.objections.count()} 条。{absolute(reverse('wagtailadmin_pages:edit', args=[notice.pk]))}"
            for notice in notices
        ]
        section = NoticeIndexPage.objects.first()
        notify(
            recipients.editors(),
            f"{len(notices)} 项公示即将结束",
            "以下公示的公示期即将结束，请核实异议处理情况并推进下一阶段：\n" + "\n".join(lines),
            reverse("wagtailadmin_explore", args=[section.pk]) if section else reverse("wagtailadmin_home"),
        )
        self.stdout.write(f"已通知编辑：{len(notices)} 项公示将在 {days} 天内结束。")
