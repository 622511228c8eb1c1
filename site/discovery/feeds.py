"""RSS 2.0 and Atom feeds of notices, policies and projects (projects optionally of one stage)."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.models import Site

from shegong.pages.enums import ProjectStage
from shegong.pages.models import NoticeIndexPage, NoticePage, PolicyIndexPage, PolicyPage, ProjectIndexPage, ProjectPage

from .summary import page_summary

FEED_SIZE = 50


def as_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class PageFeed(Feed):
    """A feed of one page type's latest live, public pages, newest first by the page's own date."""

    feed_type = Rss201rev2Feed
    model = index_model = None
    date_field = None
    noun = ""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def pages(self, obj):
        return self.model.objects.live().public().order_by(f"-{self.date_field}", "-pk")

    def items(self, obj):
        return self.pages(obj)[:FEED_SIZE]

    def title(self, obj):
        site = Site.find_for_request(self.request)
        return f"{site.site_name if site else ''}：{self.noun}"

    def description(self, obj):
        return f"最新发布的{self.noun}。"

    def link(self, obj):
        index = self.index_model.objects.live().public().first()
        return index.get_url(self.request) if index else "/"

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return page_summary(item)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        day = getattr(item, self.date_field)
        return as_datetime(day) if day else item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NoticeFeed(PageFeed):
    model, index_model, date_field, noun = NoticePage, NoticeIndexPage, "published_on", "通知公告"

    def item_categories(self, item):
        return [item.get_kind_display()]


class PolicyFeed(PageFeed):
    model, index_model, date_field, noun = PolicyPage, PolicyIndexPage, "issued_on", "政策法规"

    def item_categories(self, item):
        return [item.get_level_display(), item.get_status_display()]


class ProjectFeed(PageFeed):
    """Projects, newest service period first; ?stage=implementation keeps one lifecycle stage."""

    model, index_model, date_field, noun = ProjectPage, ProjectIndexPage, "start_date", "服务项目"

    def __call__(self, request, *args, **kwargs):
        stage = request.GET.get("stage", "")
        if stage and stage not in ProjectStage.values:
            accepted = "、".join(f"{value}（{label}）" for value, label in ProjectStage.choices)
            return HttpResponseBadRequest(
                f"阶段参数 stage 的值“{stage}”无效，可选：{accepted}。", content_type="text/plain; charset=utf-8"
            )
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        stage = request.GET.get("stage")
        return ProjectStage(stage) if stage else None

    def title(self, obj):
        return super().title(obj) + (f"（{obj.label}）" if obj else "")

    def description(self, obj):
        return f"最新的{obj.label}阶段服务项目。" if obj else super().description(obj)

    def link(self, obj):
        return super().link(obj) + (f"?stage={obj.value}" if obj else "")

    def pages(self, obj):
        pages = super().pages(obj)
        return pages.filter(stage=obj) if obj else pages

    def item_categories(self, item):
        return [item.get_stage_display()] + ([item.category.name] if item.category else [])


def atom(feed_class):
    """The same feed as Atom 1.0."""
    return type(
        f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed, "subtitle": feed_class.description}
    )
