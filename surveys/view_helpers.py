"""What the survey's staff pages share: the wave (or 404) and whether the person manages it."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import Wave


def wave_or_404(wave_id: int) -> Wave:
    return get_object_or_404(Wave.objects.select_related("edition"), pk=wave_id)


def is_managing(request) -> bool:
    return request.can("surveys:edit")
