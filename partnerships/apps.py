from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = "Partnerships and people"

    def ready(self) -> None:
        from accounts import personal_data, two_factor

        from .selectors import memberships_of_person, young_scrutineer_only

        # Young scrutineers, who see only their group's pages, may use emailed codes.
        two_factor.set_email_code_rule(young_scrutineer_only)
        personal_data.register("partnerships", memberships_of_person)
