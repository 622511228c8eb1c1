"""The roles, as Wagtail groups, and what each may touch."""

EDITORS = "编辑"
DEPARTMENT_STAFF = "部门工作人员"
ORGANIZATIONS = "社会组织"
AUDITORS = "审计"
EXPERTS = "评审专家"
# Staff of a street social work station (街道社工站): the projects and stations of their street.
STREETS = "街道社工站"

# Held by auditors (StaffProfile.Meta.permissions): read every project and every page's history.
AUDIT_PERMISSION = "roles.audit"
