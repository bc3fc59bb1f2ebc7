from django.apps import AppConfig


class FilesConfig(AppConfig):
    name = "files"
    verbose_name = "Stored files and the document library"

    def ready(self) -> None:
        from audit.tracking import track
        from partnerships.demo import register_extension

        from .demo import demo_documents
        from .models import StoredFile

        register_extension(demo_documents)
        track(StoredFile, partnership=lambda o: o.partnership_id, exclude_fields=("stored_name",))
