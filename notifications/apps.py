from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from partnerships import attention

        from .selectors import attention_items

        attention.register(attention_items)
