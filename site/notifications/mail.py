"""One way to tell people about work waiting for them: a short Chinese email linking to the admin screen.

Mail goes through Django's mail framework (EMAIL_BACKEND and friends come from the environment, see
settings.base); it is sent once the transaction that made the work commits, so a rolled-back save
never announces anything, and a mail server that fails never undoes the save.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

logger = logging.getLogger(__name__)


def notify(users, subject, text, path, link_label="请登录后台处理"):
    """Mail each of `users` that has an address: `text`, then a link to `path`, the admin screen where it is
    handled (or the public page where it is read, with its own `link_label`)."""
    mail_to(sorted({user.email for user in users if user.is_active and user.email}), subject, text, path, link_label)


def mail_to(addresses, subject, text, path, link_label):
    """The same mail to people who need no account (a citizen who left an email address)."""
    # Imported here: models import this module, and the API's link helpers need the app registry ready.
    from shegong.api.links import absolute

    if not addresses:
        return
    body = f"{text}\n\n{link_label}：{absolute(path)}\n\n——{settings.WAGTAIL_SITE_NAME}（系统邮件，请勿回复）"
    subject = f"【{settings.WAGTAIL_SITE_NAME}】{subject}"
    transaction.on_commit(lambda: send(addresses, subject, body))


def send(addresses, subject, body):
    # One message per person: recipients never see each other's addresses.
    messages = [EmailMessage(subject, body, to=[address]) for address in addresses]
    try:
        get_connection().send_messages(messages)
    except OSError:
        # The work itself is saved and shows in the 待办 panel; a mail server down must not turn the save into a 500.
        logger.exception("通知邮件发送失败：%s", subject)
