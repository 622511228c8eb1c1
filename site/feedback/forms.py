from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from shegong.pages.enums import ProjectStage

from .models import Comment, Objection

RATING_FROM = ProjectStage.EVALUATION


def accepts_rating(project):
    return ProjectStage(project.stage).position >= RATING_FROM.position


class HoneypotForm(forms.ModelForm):
    """Public forms carry a field people never see; a bot that fills it is ignored."""

    website = forms.CharField(label="网址（请勿填写）", required=False)

    def is_spam(self):
        return bool(self.data.get("website"))


class CommentForm(HoneypotForm):
    class Meta:
        model = Comment
        fields = ["name", "contact", "text", "rating"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "rating": forms.RadioSelect}
        labels = {"contact": "联系方式（选填，仅工作人员可见）"}

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.project = project
        if accepts_rating(project):
            self.fields["rating"] = forms.TypedChoiceField(
                label="评分（选填）",
                required=False,
                coerce=int,
                empty_value=None,
                choices=[(n, f"{n} 分") for n in range(5, 0, -1)],
                widget=forms.RadioSelect,
            )
        else:
            del self.fields["rating"]


class ObjectionForm(HoneypotForm):
    class Meta:
        model = Objection
        fields = ["name", "contact", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        labels = {"contact": "联系方式（仅工作人员可见，用于反馈处理结果）"}

    def __init__(self, *args, project, notice, **kwargs):
        # Its own ids: the comment form on the same page has the same fields, and a label must name one field.
        kwargs.setdefault("auto_id", "id_objection_%s")
        super().__init__(*args, **kwargs)
        self.instance.project, self.instance.notice = project, notice


class ModerationForm(WagtailAdminModelForm):
    """The admin form for a submission: records who moderated it and when."""

    def save(self, commit=True):
        if "status" in self.changed_data:
            self.instance.record_moderation(self.for_user)
        if "outcome" in self.changed_data or "reply" in self.changed_data:
            self.instance.record_outcome(self.for_user)
        return super().save(commit)
