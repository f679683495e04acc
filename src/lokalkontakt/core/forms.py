"""Form helpers shared by the apps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render


def apply_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: per field where the field exists."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def form_view(request, *, form, template, context, save, success, redirect_to):
    """GET shows the form; a valid POST calls `save(cleaned_data)`, shows `success(result)` and
    redirects to `redirect_to(result)`; a service's refusal is shown on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, success(result))
            return redirect(redirect_to(result))
    return render(request, template, {**context, "form": form})
