import time

from django.core.management.base import BaseCommand

from shegong.webhooks.delivery import deliver_due
from shegong.webhooks.models import DeliveryStatus


class Command(BaseCommand):
    help = "发送到期的发布推送（失败按指数退避重试）；--loop 持续运行。"

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="持续运行，每隔 --interval 秒检查一次")
        parser.add_argument("--interval", type=float, default=5.0, help="检查间隔（秒），默认 5")

    def handle(self, *args, loop=False, interval=5.0, **options):
        while True:
            done = deliver_due()
            if done:
                delivered = sum(d.status == DeliveryStatus.DELIVERED for d in done)
                self.stdout.write(f"尝试 {len(done)} 条推送，成功 {delivered} 条。")
            if not loop:
                return
            time.sleep(interval)
