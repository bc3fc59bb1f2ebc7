from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "trust"
    verbose_name = "Trust mechanisms (versions, soft deletion, uploads, tables)"
