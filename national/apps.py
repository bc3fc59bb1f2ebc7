from django.apps import AppConfig


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = "National picture"

    def ready(self) -> None:
        from partnerships.demo import register_extension

        from .demo import demo_national

        register_extension(demo_national)
