"""Admin screens of the review: the expert's list and score sheet, the editor's ranking and decision."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import CreateView

from shegong.calls.models import Application, ApplicationAttachment, CallPage

from . import actions
from .forms import DecisionForm, ReopenForm, ScoreForm, TieForm
from .models import Assignment, Decision, ExpertTie, Rubric
from .scoring import ranking

SCORE_PERMISSION = "reviews.score_application"
DECIDE_PERMISSION = "reviews.add_decision"


class ExpertOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SCORE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class MyReviewsView(ExpertOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """我的评审: the applications assigned to the expert, and the ties they have declared."""

    template_name = "reviews/my_reviews.html"
    page_title = "我的评审"
    header_icon = "pick"

    def get_context_data(self, **kwargs):
        user = self.request.user
        assignments = (
            Assignment.objects.filter(expert=user)
            .select_related("application__organization", "application__call__rubric")
            .order_by("scored_at", "-assigned_at")
        )
        return super().get_context_data(
            assignments=[(a, actions.scoring_refusal(a)) for a in assignments],
            ties=ExpertTie.objects.filter(expert=user).select_related("organization"),
            tie_form=kwargs.pop("tie_form", None) or TieForm(),
            **kwargs,
        )

    def post(self, request):
        form = TieForm(request.POST)
        if form.is_valid():
            try:
                ExpertTie.objects.create(expert=request.user, **form.cleaned_data)
            except IntegrityError:
                form.add_error("organization", "已声明过与该组织的关联。")
            else:
                messages.success(
                    request, f"已声明与“{form.cleaned_data['organization']}”的利益关联，其申报将不再由您评分。"
                )
                return redirect("reviews:mine")
        return self.render_to_response(self.get_context_data(tie_form=form))


class ScoreView(ExpertOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """The score sheet of one assigned application; only the assigned expert reaches it."""

    form_class = ScoreForm
    template_name = "reviews/score.html"
    page_title = "评分"
    header_icon = "pick"

    def dispatch(self, request, assignment_id):
        self.assignment = get_object_or_404(
            Assignment.objects.select_related("application__organization"), pk=assignment_id, expert=request.user.pk
        )
        self.application = self.assignment.application
        self.rubric = Rubric.objects.filter(call=self.application.call_id).first()
        return super().dispatch(request, assignment_id)

    def get_page_subtitle(self):
        return self.application.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "criteria": self.rubric.criteria.all() if self.rubric else []}

    def get_initial(self):
        scores = {
            ScoreForm.field_name(s.criterion): s.value for s in self.assignment.scores.select_related("criterion")
        }
        return {"comment": self.assignment.comment, **scores}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            application=self.application,
            refusal=actions.scoring_refusal(self.assignment),
            action_url=self.request.path,
            submit_button_label="保存评分",
            **kwargs,
        )

    def form_valid(self, form):
        try:
            actions.submit_scores(self.assignment, form.values(), form.cleaned_data["comment"], self.request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(self.request, f"已保存对“{self.application.title}”的评分。评审结束前可以修改。")
        return redirect("reviews:mine")


class AssignmentCreateView(CreateView):
    """专家分配 from the admin: the expert is asked to score, as when the assignment is made by assign_expert()."""

    def save_instance(self):
        assignment = super().save_instance()
        actions.ask_to_score(assignment)
        return assignment


class AttachmentView(ExpertOnlyMixin, View):
    """An assigned application's material, for its expert: Wagtail's document link is closed to experts, since
    the calls app serves application materials only to the staff who handle applications."""

    def get(self, request, assignment_id, attachment_id):
        assignment = get_object_or_404(Assignment, pk=assignment_id, expert=request.user.pk)
        attachment = get_object_or_404(
            ApplicationAttachment.objects.select_related("document"),
            pk=attachment_id,
            application=assignment.application_id,
        )
        document = attachment.document
        return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


class RankingReport(ReportView):
    """评审排名 of one call, for the editors who decide; exportable as CSV and XLSX."""

    permission_policy = ModelPermissionPolicy(Decision)
    any_permission_required = ["add", "change", "view"]
    header_icon = "list-ol"
    index_url_name = "reviews:ranking"
    index_results_url_name = "reviews:ranking_results"
    no_results_message = "该征集还没有分配评审专家的申报。"
    columns = [
        Column("rank", label="排名", accessor=lambda row: row.rank or "—"),
        TitleColumn(
            "title",
            label="申报项目",
            accessor="application.title",
            get_url=lambda row: reverse("reviews:decide", args=[row.application.pk]),
        ),
        Column("organization", label="申报单位", accessor="application.organization"),
        Column("scored", label="已评分/分配专家", accessor=lambda row: f"{len(row.totals)}/{row.assigned}"),
        Column("average", label="平均分", accessor=lambda row: row.average if row.average is not None else "—"),
        Column("decision", label="评审结论", accessor="decision_label"),
    ]
    export_headings = {
        "rank": "排名",
        "application.title": "申报项目",
        "application.organization.name": "申报单位",
        "assigned": "分配专家数",
        "average": "平均分",
        "decision_label": "评审结论",
    }
    list_export = list(export_headings)

    def setup(self, request, *args, call_id, **kwargs):
        self.call = get_object_or_404(CallPage, pk=call_id)
        self.rubric = Rubric.objects.filter(call=self.call).first()
        super().setup(request, *args, **kwargs)

    def get_page_title(self):
        return f"评审排名：{self.call.title}"

    @property
    def export_filename(self):
        return f"评审排名-{self.call.title}"

    def get_index_url(self):
        return reverse("reviews:ranking", args=[self.call.pk])

    def get_index_results_url(self):
        return reverse("reviews:ranking_results", args=[self.call.pk])

    def get_heading(self, queryset, field):
        return self.export_headings[field]

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.rubric and not self.rubric.is_closed:
            buttons.append(
                HeaderButton("结束评审", url=reverse("reviews:close", args=[self.rubric.pk]), icon_name="lock")
            )
        elif self.rubric and not self.rubric.ranking_published_at:
            buttons.append(
                HeaderButton("公布排名", url=reverse("reviews:publish", args=[self.rubric.pk]), icon_name="globe")
            )
        if self.rubric and self.rubric.is_closed:
            buttons.append(
                HeaderButton("重新开放评审", url=reverse("reviews:reopen", args=[self.rubric.pk]), icon_name="undo")
            )
        return buttons

    def get_queryset(self):
        return ranking(self.call)


class RubricActionView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then end the review round or publish its ranking."""

    template_name = "reviews/confirm.html"
    header_icon = "pick"
    action = None
    messages = {}

    def dispatch(self, request, rubric_id):
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied
        self.rubric = get_object_or_404(Rubric.objects.select_related("call"), pk=rubric_id)
        return super().dispatch(request, rubric_id)

    def get_page_title(self):
        return self.messages["title"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(rubric=self.rubric, question=self.messages["question"], **kwargs)

    def post(self, request, rubric_id):
        try:
            self.action(self.rubric, request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, self.messages["done"])
        return redirect("reviews:ranking", self.rubric.call_id)


class CloseRoundView(RubricActionView):
    action = staticmethod(actions.close_round)
    messages = {
        "title": "结束评审",
        "question": "结束后专家不能再修改评分，排名以此为准。确定结束本轮评审吗？",
        "done": "本轮评审已结束。",
    }


class PublishRankingView(RubricActionView):
    action = staticmethod(actions.publish_ranking)
    messages = {
        "title": "公布排名",
        "question": "公布后，公众可以在网站上看到各申报的排名和平均分（不含专家姓名和各专家的评分）。确定公布吗？",
        "done": "评审排名已公布。",
    }


class ReopenRoundView(WagtailAdminTemplateMixin, FormView):
    """Open an ended round again, with the reason kept in its history."""

    form_class = ReopenForm
    template_name = "reviews/reopen.html"
    page_title = "重新开放评审"
    header_icon = "pick"

    def dispatch(self, request, rubric_id):
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied
        self.rubric = get_object_or_404(Rubric.objects.select_related("call"), pk=rubric_id)
        return super().dispatch(request, rubric_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(rubric=self.rubric, **kwargs)

    def form_valid(self, form):
        try:
            withdrawn = actions.reopen_round(self.rubric, form.cleaned_data["reason"], self.request.user)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
            return self.form_invalid(form)
        messages.success(
            self.request,
            "本轮评审已重新开放，专家可以再次评分。"
            + ("已公布的排名已撤回，结束评审后请重新公布。" if withdrawn else ""),
        )
        return redirect("reviews:ranking", self.rubric.call_id)


class DecideView(WagtailAdminTemplateMixin, FormView):
    """Approve or reject one application from the ranking."""

    form_class = DecisionForm
    template_name = "reviews/decide.html"
    page_title = "评审结论"
    header_icon = "pick"

    def dispatch(self, request, application_id):
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied
        self.application = get_object_or_404(Application.objects.select_related("organization"), pk=application_id)
        return super().dispatch(request, application_id)

    def get_page_subtitle(self):
        return self.application.title

    def get_context_data(self, **kwargs):
        row = next((r for r in ranking(self.application.call) if r.application.pk == self.application.pk), None)
        return super().get_context_data(
            application=self.application,
            row=row,
            decision=Decision.objects.filter(application=self.application).select_related("notice").first(),
            assignments=Assignment.objects.filter(application=self.application).select_related("expert"),
            ranking_url=reverse("reviews:ranking", args=[self.application.call_id]),
            action_url=self.request.path,
            submit_button_label="记录结论",
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            decision = actions.decide(self.application, data["outcome"], data["reason"], self.request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request, f"已记录“{self.application.title}”的评审结论：{decision.get_outcome_display()}。"
        )
        if decision.notice:
            messages.info(self.request, f"已起草立项公示“{decision.notice.title}”，请核对后发布。")
        return redirect("reviews:ranking", self.application.call_id)
