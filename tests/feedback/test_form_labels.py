"""During a publicity period a project page carries two forms, 留言 and 异议, with fields of the same names: each
label must still name its own form's field, or a citizen's click (and a screen reader) lands in the other form."""

import re
from collections import Counter

from shegong.pages.enums import ProjectStage
from tests.factories import ProjectPageFactory
from tests.lifecycle.test_stage_changes import publish_publicity


def test_the_comment_and_objection_forms_never_share_a_field_id(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    publish_publicity(admin_client, project)
    page = client.get(project.url).content.decode()
    assert "提交异议" in page and "提交留言" in page

    ids = Counter(re.findall(r'\sid="(id_[^"]+)"', page))
    assert [name for name, count in ids.items() if count > 1] == []
    for target in re.findall(r'<label for="(id_[^"]+)"', page):
        assert ids[target] == 1, target
