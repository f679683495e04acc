"""Public intake and tracking; staff lists and the inquiry page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.inquiries import selectors, services
from lokalkontakt.inquiries.forms import (
    CloseForm,
    FocusAreasForm,
    ForwardForm,
    InquiryForm,
    ListFilterForm,
    MessageForm,
)


@public
def new(request):
    """Anyone sends an inquiry; the receipt with the tracking link goes to their e-mail."""
    initial = {}
    if slug := request.GET.get("omraade"):
        initial["area"] = LocalArea.objects.filter(slug=slug).first()
    form = InquiryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:
            return render(request, "inquiries/submitted.html", {"inquiry": None})
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"consent", "website"}}
        try:
            inquiry, _token = services.inquiry_submit(client=request.META.get("REMOTE_ADDR", ""),
                                                      **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return render(request, "inquiries/submitted.html", {"inquiry": inquiry})
    return render(request, "inquiries/new.html", {"form": form},
                  status=400 if form.errors else 200)


@public
@never_cache
def track(request, token):
    """The submitter's private page: status, public replies, and a follow-up message."""
    inquiry = selectors.inquiry_by_token(token=token)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inquiry_follow_up(inquiry=inquiry, text=form.cleaned_data["text"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(request.path)
    events = inquiry.events.filter(public=True).select_related("actor__employee")
    response = render(request, "inquiries/track.html",
                      {"inquiry": inquiry, "events": events, "form": form})
    response["Referrer-Policy"] = "no-referrer"
    return response


@staff_required
@require_GET
def inquiry_list(request):
    form = ListFilterForm(request.GET or None)
    scope, status = "mine", "open"
    if form.is_valid():
        scope = form.cleaned_data["scope"] or scope
        status = form.cleaned_data["status"] or status
    inquiries = selectors.inquiry_list(user=request.user, scope=scope, status=status)
    page = Paginator(inquiries, 50).get_page(request.GET.get("side"))
    for inquiry in page.object_list:
        inquiry.deadline_state = selectors.deadline_state(inquiry)
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "inquiries/list.html", {"form": form, "page": page,
                                                   "querystring": params.urlencode()})


@staff_required
@require_GET
def detail(request, pk):
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    inquiry.deadline_state = selectors.deadline_state(inquiry)
    return render(request, "inquiries/detail.html", {
        "inquiry": inquiry, "reply_form": MessageForm(prefix="reply"),
        "comment_form": MessageForm(prefix="comment"), "close_form": CloseForm(),
        "forward_form": ForwardForm(prefix="forward"),
        "focus_form": FocusAreasForm(initial={"focus_areas": list(inquiry.focus_areas.all())})})


def _act(request, pk, action, form=None, success="", invalid=None):
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    if form is not None and not form.is_valid():
        messages.error(request, invalid or _("Write a text before you send it."))
        return redirect(inquiry)
    try:
        action(inquiry, form.cleaned_data if form is not None else {})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(inquiry)


@staff_required
@require_POST
def acknowledge(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_acknowledge(inquiry=i, actor=request.user),
                success=_("The inquiry is acknowledged."))


@staff_required
@require_POST
def reply(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_reply(inquiry=i, actor=request.user,
                                                                 text=d["text"]),
                form=MessageForm(request.POST, prefix="reply"),
                success=_("The reply is sent to the submitter."))


@staff_required
@require_POST
def comment(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_comment(inquiry=i, actor=request.user,
                                                                   text=d["text"]),
                form=MessageForm(request.POST, prefix="comment"),
                success=_("The comment is saved."))


@staff_required
@require_POST
def close(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_close(inquiry=i, actor=request.user,
                                                                 outcome=d["outcome"]),
                form=CloseForm(request.POST), success=_("The inquiry is closed."))


@staff_required
@require_POST
def forward(request, pk):
    def act(inquiry, data):
        service = (services.inquiry_reassign if data["action"] == "reassign"
                   else services.inquiry_forward)
        service(inquiry=inquiry, employee=data["employee"], note=data["note"], actor=request.user)

    return _act(request, pk, act, form=ForwardForm(request.POST, prefix="forward"),
                success=_("The colleague has been sent the inquiry."),
                invalid=_("Choose an employee and what should happen."))


@staff_required
@require_POST
def tag(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_tag(
        inquiry=i, focus_areas=d["focus_areas"], actor=request.user),
        form=FocusAreasForm(request.POST), success=_("The focus areas are saved."),
        invalid=_("Choose focus areas from the list."))
