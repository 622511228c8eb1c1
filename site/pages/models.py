"""Page types; one module per content area."""

from .home import ContentPage, HomePage
from .notices import NoticeIndexPage, NoticePage, NoticeProject
from .policies import PolicyAttachment, PolicyIndexPage, PolicyPage, PolicyTopic
from .projects import ProjectIndexPage, ProjectMilestone, ProjectPage, ProjectParticipant, ProjectTag
from .stations import StationIndexPage, StationPage

__all__ = [
    "ContentPage",
    "HomePage",
    "NoticeIndexPage",
    "NoticePage",
    "NoticeProject",
    "PolicyAttachment",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyTopic",
    "ProjectIndexPage",
    "ProjectMilestone",
    "ProjectPage",
    "ProjectParticipant",
    "ProjectTag",
    "StationIndexPage",
    "StationPage",
]
