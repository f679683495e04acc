# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Staff register an inquiry that reached them by phone, e-mail, letter, at a meeting or in
person; it is then received, routed and handled as one sent with the public form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lokalkontakt.areas.models import LocalArea
from lokalkontakt.core.forms import apply_service_errors
from lokalkontakt.core.http import client_address
from lokalkontakt.core.permissions import staff_required
from lokalkontakt.inquiries import selectors
from lokalkontakt.inquiries.forms import StaffInquiryForm
from lokalkontakt.inquiries.services.submit import inquiry_submit


@staff_required
def register(request):
    """The staff form; `?omraade=<slug>` chooses the area. Success goes to the inquiry's page
    when the member of staff may open it, else back to an empty form, with a message saying
    where it went and whether the citizen got a receipt."""
    initial = {}
    if slug := request.GET.get("omraade"):
        initial["area"] = LocalArea.objects.filter(slug=slug).first()
    form = StaffInquiryForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            inquiry, _token = inquiry_submit(client=client_address(request),
                                             registered_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
            form.ask_for_files_again()
        else:
            messages.success(request, registered_message(inquiry))
            if selectors.inquiries_visible_to(user=request.user).filter(pk=inquiry.pk).exists():
                return redirect(inquiry)
            return redirect("inquiries:register")
    return render(request, "inquiries/register.html", {"form": form},
                  status=400 if form.errors else 200)


def registered_message(inquiry) -> str:
    values = {"reference": inquiry.reference, "email": inquiry.submitter_email,
              "handler": inquiry.assignee.name if inquiry.assignee else _("the coordinator")}
    if inquiry.submitter_email:
        return _("%(reference)s is registered and sent to %(handler)s. The citizen has been sent "
                 "a receipt with a link to follow the inquiry at %(email)s.") % values
    return _("%(reference)s is registered and sent to %(handler)s. No receipt was sent: the "
             "citizen has not given an e-mail address.") % values
