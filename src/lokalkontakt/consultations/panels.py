"""The consultations' parts of shared pages (registered in apps.py)."""

from lokalkontakt.consultations.selectors import consultation_tasks_for_council, task_workload
from lokalkontakt.core.registry import Panel

COUNCIL_HOME_LIMIT = 10


def council_home(request, *, area) -> dict:
    """The first consultation tasks of the council member's area, open consultations first (one
    row more says "there are more")."""
    tasks = list(consultation_tasks_for_council(user=request.user)[:COUNCIL_HOME_LIMIT + 1])
    return {"tasks": tasks[:COUNCIL_HOME_LIMIT], "limit": COUNCIL_HOME_LIMIT,
            "more": len(tasks) > COUNCIL_HOME_LIMIT}


council_home_panel = Panel(template="consultations/_council_home.html", context=council_home)


def mine_workload(request, *, employee):
    return {"tasks": task_workload(user=request.user)}
