"""What the partnerships app adds to the accounts app (trust.hooks)."""

from __future__ import annotations

from trust import hooks
from ui.navigation import MenuItem

from .selectors import memberships_of_person, young_scrutineer_only

# Young scrutineers, who see only their group's pages, may use emailed codes.
hooks.register("email_code_rule", young_scrutineer_only)


@hooks.register("personal_data")
def partnerships_of_person(user) -> dict:
    return {"partnerships": memberships_of_person(user)}


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Home", "partnerships:home", 10, section="home", covers=("partnerships:home",)),
        MenuItem("Partnership", "partnerships:about", 110),
        MenuItem(
            "People",
            "partnerships:people",
            120,
            covers=("partnerships:people", "partnerships:person", "partnerships:invit"),
        ),
    ]
