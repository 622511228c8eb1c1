"""The application's own screen (状态、理由、历史) and the two actions on it: submit and decide."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from wagtail.admin.views.generic.models import EditView, InspectView
from wagtail.models import ModelLogEntry

from shegong.roles.scope import restricted_organization

from .forms import DecisionForm
from .models import Application
from .scope import CHECK_PERMISSION, ApplicationScopedObjectMixin, may_reach_application


def inspect_url(application):
    return redirect("wagtailsnippets_calls_application:inspect", application.pk)


class ApplicationInspectView(ApplicationScopedObjectMixin, InspectView):
    template_name = "calls/application_inspect.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        application = self.object
        may_check = user.has_perm(CHECK_PERMISSION)
        return super().get_context_data(
            application=application,
            may_submit=application.is_draft and user.has_perm("calls.change_application"),
            decision_form=DecisionForm(application=application) if may_check and application.moves() else None,
            # Matches name other organizations' projects: for the staff who check, not the applicant.
            show_matches=may_check,
            log_entries=ModelLogEntry.objects.for_instance(application).select_related("user").order_by("-timestamp"),
            **kwargs,
        )


class ApplicationEditView(ApplicationScopedObjectMixin, EditView):
    """Only a draft is edited: what was submitted is the record the decisions refer to."""

    def dispatch(self, request, *args, **kwargs):
        application = get_object_or_404(Application, pk=kwargs["pk"])
        if may_reach_application(request.user, application) and not application.is_draft:
            messages.warning(request, f"申报已处于“{application.get_status_display()}”状态，不能再修改。")
            return inspect_url(application)
        return super().dispatch(request, *args, **kwargs)


class ApplicationActionView(View):
    permission = None

    def post(self, request, pk):
        application = get_object_or_404(Application, pk=pk)
        if not may_reach_application(request.user, application):
            raise Http404
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        try:
            self.act(request, application)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return inspect_url(application)


class SubmitView(ApplicationActionView):
    permission = "calls.change_application"

    def act(self, request, application):
        application.submit(request.user)
        messages.success(request, f"“{application.title}”已提交，请留意审查结果。")


class DecideView(ApplicationActionView):
    permission = CHECK_PERMISSION

    def act(self, request, application):
        if restricted_organization(request.user) is not None:
            raise PermissionDenied
        form = DecisionForm(request.POST, application=application)
        if not form.is_valid():
            raise ValidationError([f"{form[name].label}：{'；'.join(errors)}" for name, errors in form.errors.items()])
        application.move(form.cleaned_data["status"], form.cleaned_data["reason"], request.user)
        messages.success(request, f"“{application.title}”已变更为“{application.get_status_display()}”。")
