# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""What the test provider says about its users: e-mail, name, an employee UUID (the `last_name`
field holds it, for the tests of OIDC_EMPLOYEE_CLAIM), and their groups."""

from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims, user):
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["name"] = user.first_name
    claims["preferred_username"] = user.username
    return claims


class GroupClaims(ScopeClaims):
    info_groups = ("Groups", "The groups you are a member of.")

    def scope_groups(self):
        return {"groups": sorted(self.user.groups.values_list("name", flat=True))}

    info_employee = ("Employee", "Your employee id.")

    def scope_employee(self):
        return {"employee_uuid": self.user.last_name}
