"""Who is told: the accounts of a role, narrowed where the role is scoped (department, street)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS


def active_users():
    return get_user_model().objects.filter(is_active=True).exclude(email="")


def editors():
    """Editors moderate and publish; a superuser counts as one (a small site may have no other account)."""
    return active_users().filter(Q(groups__name=EDITORS) | Q(is_superuser=True)).distinct()


def auditors():
    return active_users().filter(groups__name=AUDITORS).distinct()


def department_staff(department_id):
    """The staff of the department that buys a project; nobody when the project names no purchaser."""
    if not department_id:
        return active_users().none()
    return active_users().filter(groups__name=DEPARTMENT_STAFF, staff_profile__department_id=department_id).distinct()


def organization_accounts(organization_id):
    """The accounts a social organization applies and reports with."""
    return active_users().filter(groups__name=ORGANIZATIONS, staff_profile__organization_id=organization_id).distinct()
