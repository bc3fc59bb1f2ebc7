from django.apps import AppConfig


class FrameworkConfig(AppConfig):
    name = "framework"
    verbose_name = "MACS framework"
