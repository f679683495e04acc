# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Finding an employee from what a person typed: the name, its beginning, or words in it (a
surname), with Danish letters matched either way ("Aa" is "Å", case and accents aside). Every
function reads a bounded number of rows."""


from lokalkontakt.core.text import danish_sort_key
from lokalkontakt.core.typed_choice import Typed
from lokalkontakt.people.models import Employee

# Suggestions and choices offered for a typed text, at most.
SHOWN = 10
# Rows read at most to find names that contain the typed words.
NAME_SCAN = 200
# The longest text and the most words looked up (a name has a few; a crafted text of a thousand
# words would be a thousand conditions). The name field holds 150 characters.
MAX_LENGTH = 150
MAX_WORDS = 8



def active_employees():
    """The active employees in Danish order, with the core area their label shows."""
    return (Employee.objects.filter(is_active=True).select_related("core_area")
            .order_by("sort_name", "pk"))


def employee_label(employee: Employee) -> str:
    """The name, and the core area to tell two of the same name apart (the staff list shows both)."""
    return f"{employee.name} ({employee.core_area})" if employee.core_area_id else employee.name


def employee_exactly(employees, text: str) -> Employee | None:
    """The only employee of `employees` called `text` (Danish letters either way), or with that
    primary key (as filter links and the choices after an ambiguous name give it)."""
    text = text.strip()
    if text.isascii() and text.isdigit():  # "²" is a digit too, and int() cannot read it
        return employees.filter(pk=int(text)).first() if len(text) <= 18 else None
    key = danish_sort_key(text)
    if not key:
        return None
    found = list(employees.filter(sort_name=key)[:2])
    return found[0] if len(found) == 1 else None


def _contains_at_letter(key: str, part: str) -> bool:
    """Whether `part` (a Danish sort key) is in `key` at a letter's boundary: the keys write two
    digits a letter, so a match at an odd offset is not one."""
    start = key.find(part)
    while start != -1:
        if start % 2 == 0:
            return True
        start = key.find(part, start + 1)
    return False


def employees_starting(employees, text: str, *, limit: int) -> list[Employee]:
    """Employees whose name begins with `text`; then, to fill `limit`, those whose name contains
    every word of it; in Danish order. (The Danish sort key is a prefix of the name's key
    exactly when the text begins the name.)"""
    key = danish_sort_key(text.strip())
    if not key.strip("0"):
        return []
    found = list(employees.filter(sort_name__startswith=key)[:limit])
    if len(found) < limit:
        words = [danish_sort_key(word) for word in text.split()[:MAX_WORDS]]
        words = [word for word in words if word.strip("0")]
        containing = employees.exclude(sort_name__startswith=key)
        for word in words:
            containing = containing.filter(sort_name__contains=word)
        found += [employee for employee in containing[:NAME_SCAN]
                  if all(_contains_at_letter(employee.sort_name, word) for word in words)
                  ][:limit - len(found)]
    return sorted(found, key=lambda employee: (employee.sort_name, employee.pk))


def employee_typed(employees, text: str) -> Typed:
    """The employee `text` names in `employees`: exactly (name or pk), else the only one whose
    name it begins or is in; several are offered as matches."""
    if employee := employee_exactly(employees, text):
        return Typed(employee)
    found = employees_starting(employees, text, limit=SHOWN + 1)
    if len(found) == 1:
        return Typed(found[0])
    return Typed(matches=found[:SHOWN], more=len(found) > SHOWN)


def employee_suggestions(text: str) -> list[Employee]:
    """At most SHOWN active employees for what is typed so far, in Danish order."""
    return employees_starting(active_employees(), text[:MAX_LENGTH], limit=SHOWN)
