from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Resources"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension

        from .demo import demo_resources
        from .models import Contribution, OtherResource, Post, ResourceYear, Spend

        def of(o):
            return o.partnership_id

        for model in (ResourceYear, Contribution, OtherResource, Spend, Post):
            track(model, partnership=of)
        register_extension(demo_resources)
