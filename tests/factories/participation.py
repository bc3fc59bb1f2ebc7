"""Workshops and their notes."""

from __future__ import annotations

import factory

from framework.models import OutcomeCategory
from participation.models import Column, Note, Workshop

from .partnerships import PartnershipFactory


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    # A workshop is on one subject: an outcome category of the MACS content (loaded for every
    # test database) unless a priority is given.
    category = factory.LazyFunction(lambda: OutcomeCategory.objects.order_by("pk").first())
    code = factory.Sequence(lambda n: f"T{n:05d}")
    status = Workshop.Status.OPEN


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    workshop = factory.SubFactory(WorkshopFactory)
    partnership = factory.SelfAttribute("workshop.partnership")
    column = Column.OUTCOMES
    text = factory.Sequence(lambda n: f"An idea, number {n}")
