"""QR codes for posters and slides: the survey link and the workshop's join page."""

from __future__ import annotations

import re

from django.urls import reverse
from django_scopes import scopes_disabled

from partnerships.roles import Role
from ui.qr import qr_svg


def test_a_qr_code_is_an_inline_svg_hidden_from_screen_readers():
    svg = qr_svg("https://macs.example.org/s/abc")
    assert svg.startswith('<svg aria-hidden="true" focusable="false" ')
    assert "<script" not in svg
    assert "href" not in svg
    assert qr_svg("https://macs.example.org/s/abd") != svg


def test_the_survey_and_the_workshop_offer_their_qr_codes(client_as):
    from participation.models import Workshop
    from surveys.models import Wave

    manager = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        wave = Wave.objects.filter(partnership__slug="northshire", mode="link").first()
        workshop = Workshop.objects.get(partnership__slug="northshire", status="open")
    survey = manager.get(reverse("surveys:wave", args=["northshire", wave.pk])).content.decode()
    assert 'aria-label="QR code that opens the survey link' in survey
    assert re.search(r'role="img"[^>]*>\s*<svg aria-hidden="true"', survey)
    board = manager.get(
        reverse("participation:workshop", args=["northshire", workshop.pk])
    ).content.decode()
    assert "QR code that opens the join page with this code filled in" in board
    join = f"http://testserver{reverse('workshop_guest:join')}?code={workshop.code}"
    assert qr_svg(join) in board
