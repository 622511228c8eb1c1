"""The call for projects and the applications to it; one module per concept."""

from .applications import Application, ApplicationAttachment, ApplicationBudgetLine, ApplicationParticipant
from .pages import CallPage

__all__ = ["Application", "ApplicationAttachment", "ApplicationBudgetLine", "ApplicationParticipant", "CallPage"]
