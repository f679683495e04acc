# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lokalkontakt.areas.addresses.forms import AreaFromAddressMixin, address_field
from lokalkontakt.areas.fields import AreaField
from lokalkontakt.areas.picking import place_label
from lokalkontakt.areas.selectors import area_choices
from lokalkontakt.core.forms import DATE_INPUT, attachments_field
from lokalkontakt.core.models import FocusArea
from lokalkontakt.core.recipients import reason_label
from lokalkontakt.core.selects import render_selects_in_python
from lokalkontakt.core.validators import validate_no_links, validate_single_line
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.people.fields import EmployeeField
from lokalkontakt.people.models import CoreArea
from lokalkontakt.people.picking import active_employees


class FilesChosenAgainMixin:
    """A browser does not send the chosen files again after a form error: the file field says so
    and names them, so nobody loses an attachment without knowing (call ask_for_files_again
    after a service's refusal too)."""

    def full_clean(self):
        super().full_clean()
        self.ask_for_files_again()

    def ask_for_files_again(self):
        names = [f.name for f in self.files.getlist(self.add_prefix("files"))] if self.files else []
        if names and self.errors and "files" not in self.errors:
            self.add_error("files", _("Your files were not sent because the form had errors: "
                                      "choose them again (%(names)s).") % {"names": ", ".join(names)})


class InquiryForm(AreaFromAddressMixin, FilesChosenAgainMixin, forms.Form):
    area = AreaField(
        label=_("Local area"), required=False, places=True,
        empty_label=_("I don't know – send it to the coordinator"),
        help_text=_("Choose the area by its name; towns and postcodes are shown in brackets."),
        typed_help_text=_("Type the name of your area, or a town or postcode in it. Leave the "
                          "field empty if you don't know it: the coordinator sends it on."),
    )
    # Finds the area when none is chosen; not stored (data minimisation: the inquiry keeps only
    # the area).
    address = address_field()
    submitter_kind = forms.ChoiceField(label=_("I am writing as"), widget=forms.RadioSelect,
                                       choices=Inquiry.SubmitterKind.choices,
                                       initial=Inquiry.SubmitterKind.CITIZEN)
    # One line without links, as the name: both go into the e-mails (core.validators).
    subject = forms.CharField(label=_("Subject"), max_length=200,
                              validators=[validate_single_line, validate_no_links])
    text = forms.CharField(label=_("Your inquiry"), max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    files = attachments_field()
    # autocomplete: browsers fill in the visitor's own details (WCAG 1.3.5).
    submitter_name = forms.CharField(label=_("Your name"), max_length=150,
                                     validators=[validate_single_line, validate_no_links],
                                     widget=forms.TextInput(attrs={"autocomplete": "name"}))
    submitter_email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("We send the receipt and our answers here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    submitter_phone = forms.CharField(
        label=_("Your phone"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}))
    # Unticked unless the submitter ticks it: the council reads nothing they did not agree to.
    shared_with_council = forms.BooleanField(
        label=_("Let the area's local council read my inquiry"), required=False,
        help_text=_("The council then sees the subject, the text, your later messages and the "
                    "municipality's public replies, never your name, contact details or files. "
                    "An inquiry written as the local council is always shared with it."),
    )
    # Not consent: the legal basis is the municipality's public task (GDPR art. 6(1)(e)); the
    # submitter confirms having read the privacy notice (art. 13), which the form links to.
    consent = forms.BooleanField(
        label=_("I have read how the municipality processes my personal data"),
        help_text=_("Your name and contact details are seen only by the employees who handle "
                    "the inquiry and by the coordinator, never by the local council. They are "
                    "deleted after a period set by the municipality; the inquiry itself is kept "
                    "without them."),
        error_messages={"required": _("Confirm that you have read how your personal data is "
                                      "processed to send the inquiry.")},
    )
    # A field people do not see (hidden by CSS and from screen readers); bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, widget=forms.TextInput(
        attrs={"tabindex": "-1", "autocomplete": "off"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices("towns", "postcodes")
        self.fields["area"].label_from_instance = _area_label

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class CouncilInquiryForm(InquiryForm):
    """A council member writes to their area's contact: the area and "the local council" are
    given by their membership; their name and address are filled in from it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ["area", "address", "submitter_kind", "shared_with_council", "website"]:
            del self.fields[name]

    is_spam = False


NO_EMAIL_HELP = _("Without an e-mail address the citizen gets no receipt and no link to follow "
                  "the inquiry, and replies are not e-mailed: give the answer another way.")


class StaffInquiryForm(FilesChosenAgainMixin, forms.Form):
    """Staff register an inquiry that reached them by phone, e-mail, letter, at a meeting or in
    person. No privacy box: the citizen did not fill in the form (the receipt links to the
    privacy notice; the page says who registered it)."""

    channel = forms.ChoiceField(
        label=_("How did the inquiry reach you?"), widget=forms.RadioSelect,
        initial=Inquiry.Channel.PHONE,
        choices=[c for c in Inquiry.Channel.choices if c[0] != Inquiry.Channel.WEB_FORM])
    received_on = forms.DateField(label=_("Date received"), widget=DATE_INPUT,
                                  initial=timezone.localdate,
                                  help_text=_("The deadlines count in working days from this day."))
    area = AreaField(label=_("Local area"), required=False, places=True,
                     empty_label=_("Not known – send it to the coordinator"),
                     typed_help_text=_("Type the area's name, or a town or postcode in it; "
                                       "leave it empty if it is not known (the coordinator "
                                       "gets the inquiry)."))
    submitter_kind = forms.ChoiceField(label=_("Who is writing"), widget=forms.RadioSelect,
                                       choices=Inquiry.SubmitterKind.choices,
                                       initial=Inquiry.SubmitterKind.CITIZEN)
    submitter_name = forms.CharField(label=_("Name"), max_length=150,
                                     validators=[validate_single_line, validate_no_links])
    submitter_email = forms.EmailField(label=_("E-mail address"), required=False,
                                       help_text=NO_EMAIL_HELP)
    submitter_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False,
                                      widget=forms.TextInput(attrs={"type": "tel"}))
    subject = forms.CharField(label=_("Subject"), max_length=200,
                              validators=[validate_single_line, validate_no_links])
    text = forms.CharField(label=_("The inquiry"), max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 8}))
    files = attachments_field()
    shared_with_council = forms.BooleanField(
        label=_("The citizen agrees that the area's local council may read the inquiry"),
        required=False, help_text=_("The council never sees the citizen's name, contact details "
                                    "or files. An inquiry from the local council is always shared "
                                    "with it."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices("towns", "postcodes")
        self.fields["area"].label_from_instance = _area_label

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return received_on


_area_label = place_label


class MessageForm(forms.Form):
    text = forms.CharField(label=_("Message"), max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 5}))


class MessageWithFilesForm(MessageForm):
    files = attachments_field()


class ReplyForm(MessageWithFilesForm):
    """The reply to the submitter: staff write only the message (inquiries.emails.reply_email)."""

    text = forms.CharField(label=_("Message"), max_length=10000,
                           widget=forms.Textarea(attrs={"rows": 5}), help_text=_(
                               "Write only the message: the e-mail adds the greeting, your name "
                               "and the link to the inquiry. \"Show the e-mail\" shows it as the "
                               "citizen will receive it."))


class CloseForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("The submitter sees the outcome."))


class ListFilterForm(forms.Form):
    """The list's filters and sorting, sent by GET (works without JavaScript). An invalid value
    falls back to its default, field by field."""

    is_filter = True  # every field is optional; the field template does not say so on each
    # The page explains the scopes in a paragraph with this id (list.html).
    SCOPE_HINT_ID = "scope-explained"

    scope = forms.ChoiceField(
        label=_("Show"), required=False,
        choices=[("mine", _("Mine")), ("areas", _("My areas' inquiries")),
                 ("all", _("All I may see"))],
        widget=forms.Select(attrs={"aria-describedby": SCOPE_HINT_ID}))
    # "Open" as a filter of several inquiries (Danish "Åbne"), not the status of one ("Åben").
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[
        ("open", pgettext_lazy("inquiries filter", "Open")), *Inquiry.Status.choices,
        ("any", _("All"))])
    channel = forms.ChoiceField(label=_("Channel"), required=False,
                                choices=[("", _("All channels")), *Inquiry.Channel.choices])
    area = AreaField(label=_("Local area"), required=False, empty_label=_("All areas"))
    focus_area = forms.ModelChoiceField(label=_("Focus area"), required=False, queryset=None,
                                        empty_label=_("All focus areas"))
    assignee = EmployeeField(label=_("Handled by"), required=False, empty_label=_("Anyone"),
                             typed_help_text=_("Type the name of the employee, or the beginning "
                                               "of it. Leave the field empty for anyone."))
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("due", _("Deadline")), ("newest", _("Received, newest first")),
        ("oldest", _("Received, oldest first")), ("area", _("Local area")),
        ("subject", _("Subject"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = area_choices()
        self.fields["focus_area"].queryset = FocusArea.objects.order_by("number")
        self.fields["assignee"].queryset = active_employees()
        render_selects_in_python(self)

    def filters(self) -> dict:
        """The valid values, each invalid one left at its default."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items()
                if value not in (None, "")}


class ForwardForm(forms.Form):
    """Forward to a colleague (they help) or reassign (they take over)."""

    employee = EmployeeField(label=_("Employee"), empty_label=_("Choose an employee"))
    note = forms.CharField(label=_("Note to the colleague"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))
    action = forms.ChoiceField(label=_("What should happen"), widget=forms.RadioSelect,
                               initial="forward", choices=[
                                   ("forward", _("Forward: the colleague helps and can reply")),
                                   ("reassign", _("Reassign: the colleague takes over"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = active_employees()
        self.fields["employee"].label_from_instance = (  # and why they would get no e-mail
            lambda e: (f"{e.name} ({e.core_area})" if e.core_area else e.name)
            + reason_label(e, needs_login=True))
        render_selects_in_python(self)


class CoreAreaForwardForm(forms.Form):
    """Forward to a core area (kerneområde): its mailbox or employees are told and can reply."""

    core_area = forms.ModelChoiceField(label=_("Core area"), queryset=None,
                                       empty_label=_("Choose a core area"))
    note = forms.CharField(label=_("Note to the core area"), required=False, max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["core_area"].queryset = CoreArea.objects.order_by("sort_name")
        render_selects_in_python(self)


class FocusAreasForm(forms.Form):
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"), required=False, queryset=None,
        widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("number")
