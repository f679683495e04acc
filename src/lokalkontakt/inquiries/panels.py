"""The inquiries' part of shared pages (registered in apps.py)."""

from lokalkontakt.inquiries.selectors import inquiry_workload


def mine_workload(request, *, employee):
    return {"inquiries": inquiry_workload(user=request.user)}
