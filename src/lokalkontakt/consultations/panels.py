"""The consultations' part of shared pages (registered in apps.py)."""

from lokalkontakt.consultations.selectors import task_workload


def mine_workload(request, *, employee):
    return {"tasks": task_workload(user=request.user)}
