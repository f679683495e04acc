"""Public intake and tracking; staff lists and the inquiry page; file downloads behind the
same visibility rules. The local council's pages are in views_council."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.files import attachment_response
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import client_address, public
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.inquiries import selectors, services
from lokalkontakt.inquiries.forms import (
    CloseForm,
    CoreAreaForwardForm,
    FocusAreasForm,
    ForwardForm,
    InquiryForm,
    ListFilterForm,
    MessageWithFilesForm,
)

# The session key under which the receipt page finds the inquiry just sent, once.
SUBMITTED_KEY = "inquiries.submitted"


@public
def new(request):
    """Anyone sends an inquiry; the receipt with the tracking link goes to their e-mail. Success
    redirects to the receipt page (POST/redirect/GET), so reloading it sends nothing again."""
    initial = {}
    if slug := request.GET.get("omraade"):
        initial["area"] = LocalArea.objects.filter(slug=slug).first()
    form = InquiryForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:  # the same answer as success, with nothing stored
            return redirect("inquiries:submitted")
        data = {k: v for k, v in form.cleaned_data.items() if k not in {"consent", "website"}}
        try:
            inquiry, _token = services.inquiry_submit(client=client_address(request),
                                                      **data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            request.session[SUBMITTED_KEY] = inquiry.pk
            return redirect("inquiries:submitted")
    return render(request, "inquiries/new.html", {"form": form},
                  status=400 if form.errors else 200)


@public
@never_cache
@require_GET
def submitted(request):
    """The receipt page: the reference and where the inquiry went, shown once; afterwards (a
    reload, or the honeypot's answer) a thank-you without details."""
    inquiry = selectors.submitted_inquiry(pk=request.session.pop(SUBMITTED_KEY, None))
    return render(request, "inquiries/submitted.html", {"inquiry": inquiry})


@public
@never_cache
def track(request, token):
    """The submitter's private page: status, public replies, and a follow-up message."""
    inquiry = selectors.inquiry_by_token(token=token)
    form = MessageWithFilesForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inquiry_follow_up(inquiry=inquiry, text=form.cleaned_data["text"],
                                       files=form.cleaned_data["files"])
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(request.path)
    # No Referrer-Policy of its own: the project's same-origin (SECURE_REFERRER_POLICY) keeps the
    # private link out of requests to other sites. `no-referrer` would make browsers send
    # `Origin: null` with the follow-up form, which Django's CSRF check refuses (403).
    return render(request, "inquiries/track.html", {
        "inquiry": inquiry, "events": selectors.public_events(inquiry), "form": form,
        "submission_files": selectors.submission_files(inquiry), "token": token},
        status=400 if form.errors else 200)


@public
@never_cache
@require_GET
def track_file(request, token, attachment_pk):
    """A file of the submission or of a public step, for the holder of the tracking link."""
    inquiry = selectors.inquiry_by_token(token=token)
    attachment = selectors.public_attachment_get(inquiry=inquiry, attachment_pk=attachment_pk)
    response = attachment_response(attachment)
    response["Referrer-Policy"] = "no-referrer"
    return response


@staff_required
@require_GET
def inquiry_list(request):
    form = ListFilterForm(request.GET or None)
    filters = form.filters()
    inquiries = selectors.inquiry_list(user=request.user, **filters)
    page = Paginator(inquiries, 50).get_page(request.GET.get("side"))
    for inquiry in page.object_list:
        inquiry.deadline_state = selectors.deadline_state(inquiry)
    params = request.GET.copy()
    params.pop("side", None)
    return render(request, "inquiries/list.html", {
        "form": form, "page": page, "querystring": params.urlencode(),
        **_in_my_areas(request, filters, empty=not page.paginator.count)})


def _in_my_areas(request, filters: dict, *, empty: bool) -> dict:
    """When "Mine" is empty: how many the same filters find in the user's areas, and the link
    to them (a deputy contact's inquiries are there, not under "Mine"). Only employees cover
    areas."""
    mine = filters.get("scope", "mine") == "mine"
    if not (empty and mine and hasattr(request.user, "employee")):
        return {}
    count = selectors.inquiry_list(user=request.user, **{**filters, "scope": "areas"}).count()
    params = request.GET.copy()
    params.pop("side", None)
    params["scope"] = "areas"
    return {"areas_count": count, "areas_querystring": params.urlencode()}


def _detail_page(request, inquiry, *, status=200, **bound_forms):
    """The inquiry page; an action whose input was refused passes its bound form (status 400)."""
    inquiry.deadline_state = selectors.deadline_state(inquiry)
    forms = {
        "reply_form": MessageWithFilesForm(prefix="reply"),
        "comment_form": MessageWithFilesForm(prefix="comment"), "close_form": CloseForm(),
        "forward_form": ForwardForm(prefix="forward"),
        "core_area_form": CoreAreaForwardForm(prefix="corearea"),
        "focus_form": FocusAreasForm(initial={"focus_areas": list(inquiry.focus_areas.all())}),
        **bound_forms}
    invalid = next(iter(bound_forms.values()), None)
    return render(request, "inquiries/detail.html",
                  {"inquiry": inquiry, "invalid_form": invalid, **forms}, status=status)


@staff_required
@require_GET
def detail(request, pk):
    return _detail_page(request, selectors.inquiry_get(user=request.user, pk=pk))


@staff_required
@require_GET
def download(request, pk, attachment_pk):
    """A file of an inquiry the user may see."""
    return attachment_response(selectors.attachment_get(user=request.user, pk=pk,
                                                        attachment_pk=attachment_pk))


def _act(request, pk, action, form=None, form_name="", success=""):
    """Run an action from the inquiry page. Refused input shows the page again with the form's
    messages per field (400); a refusal by the service (e.g. a closed inquiry) is a message.
    `success` is the message, or a function of the form's data that returns it."""
    inquiry = selectors.inquiry_get(user=request.user, pk=pk)
    if form is not None and not form.is_valid():
        return _detail_page(request, inquiry, status=400, **{form_name: form})
    try:
        action(inquiry, form.cleaned_data if form is not None else {})
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict") and set(error.error_dict) & set(
                form.fields):
            apply_service_errors(form, error)
            return _detail_page(request, inquiry, status=400, **{form_name: form})
        messages.error(request, " ".join(error.messages))
    else:
        data = form.cleaned_data if form is not None else {}
        messages.success(request, success(data) if callable(success) else success)
    return redirect(inquiry)


@staff_required
@require_POST
def acknowledge(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_acknowledge(inquiry=i, actor=request.user),
                success=_("The inquiry is acknowledged."))


@staff_required
@require_POST
def reply(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_reply(
        inquiry=i, actor=request.user, text=d["text"], files=d["files"]),
        form=MessageWithFilesForm(request.POST, request.FILES, prefix="reply"),
        form_name="reply_form", success=_("The reply is sent to the submitter."))


@staff_required
@require_POST
def comment(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_comment(
        inquiry=i, actor=request.user, text=d["text"], files=d["files"]),
        form=MessageWithFilesForm(request.POST, request.FILES, prefix="comment"),
        form_name="comment_form", success=_("The comment is saved."))


@staff_required
@require_POST
def close(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_close(inquiry=i, actor=request.user,
                                                                 outcome=d["outcome"]),
                form=CloseForm(request.POST), form_name="close_form",
                success=_("The inquiry is closed."))


@staff_required
@require_POST
def forward(request, pk):
    def act(inquiry, data):
        service = (services.inquiry_reassign if data["action"] == "reassign"
                   else services.inquiry_forward)
        service(inquiry=inquiry, employee=data["employee"], note=data["note"], actor=request.user)

    def success(data):
        if data["action"] == "reassign":
            return _("The inquiry has been handed over to %(name)s.") % {
                "name": data["employee"].name}
        return _("%(name)s has been sent the inquiry.") % {"name": data["employee"].name}

    return _act(request, pk, act, form=ForwardForm(request.POST, prefix="forward"),
                form_name="forward_form", success=success)


@staff_required
@require_POST
def forward_core_area(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_forward_to_core_area(
        inquiry=i, core_area=d["core_area"], note=d["note"], actor=request.user),
        form=CoreAreaForwardForm(request.POST, prefix="corearea"), form_name="core_area_form",
        success=_("The core area has been sent the inquiry."))


@staff_required
@require_POST
def tag(request, pk):
    return _act(request, pk, lambda i, d: services.inquiry_tag(
        inquiry=i, focus_areas=d["focus_areas"], actor=request.user),
        form=FocusAreasForm(request.POST), form_name="focus_form",
        success=_("The focus areas are saved."))
