"""Resources in the demo: Northshire's 2023-24 and 2024-25 years, with contributions from the
four partner bodies and two agencies, training income, in-kind help, spending in Table A9's
categories, funded posts, and the adequacy answers."""

from __future__ import annotations

from decimal import Decimal

from django_scopes import scope

from partnerships.models import PartnerBody
from resources.models import Contribution, OtherResource, Post, ResourceYear, Spend

C = Contribution.Sector
YEARS = {
    # year: (scale against 2024-25, adequacy answers)
    "2023-24": (Decimal("0.94"), ("no", "no", "no", "yes")),
    "2024-25": (Decimal("1.00"), ("no", "no", "no", "yes")),
}
CONTRIBUTIONS = [
    (C.LOCAL_AUTHORITY, "Northshire County Council", 142000),
    (C.LOCAL_AUTHORITY, "Riverton City Council", 58000),
    (C.ICB, "Northshire and Riverton Integrated Care Board", 120000),
    (C.POLICE, "Northshire Police", 64000),
    (C.OTHER, "Northshire Probation Service", 8000),
    (C.OTHER, "Northshire Schools Alliance", 15000),
]
OTHERS = [
    (
        OtherResource.Kind.INCOME,
        "Training for external agencies",
        "Safeguarding courses sold to schools and the voluntary sector",
        21000,
    ),
    (OtherResource.Kind.INCOME, "Service level agreements with schools", "", 6500),
    (
        OtherResource.Kind.IN_KIND,
        "Northshire County Council",
        "Training venues and learning and development support",
        9000,
    ),
    (
        OtherResource.Kind.IN_KIND,
        "Northshire and Riverton Integrated Care Board",
        "Data, IT and finance support",
        12000,
    ),
]
SPEND = [
    (Spend.Category.STAFF, "", 262000),
    (Spend.Category.IT, "", 11000),
    (Spend.Category.TRAINING, "", 29000),
    (Spend.Category.CONSULTANTS, "", 38000),
    (Spend.Category.INVOLVEMENT, "", 9000),
    (Spend.Category.REVIEWS, "", 31000),
    (Spend.Category.VENUES, "", 4500),
    (Spend.Category.LOCAL, "Child death overview panel contribution", 7000),
]
POSTS = [
    (Post.Category.MANAGER, "Business manager", "1.00"),
    (Post.Category.SCRUTINEER, "Independent scrutineer", "0.40"),
    (Post.Category.ADMIN, "Partnership administrator", "1.00"),
    (Post.Category.TRAINING, "Multi-agency training officer", "1.00"),
    (Post.Category.QUALITY, "Quality assurance officer", "0.60"),
]
COMMENTS = {
    "financial": "Contributions have not kept pace with the rise in rapid reviews.",
    "staffing": "A data analyst and more business support.",
    "systems": "A shared cross-agency data set; partners' data arrives late and in different forms.",
}


def demo_resources(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    with scope(partnership=northshire):
        bodies = {b.name: b for b in PartnerBody.objects.filter(partnership=northshire)}
        for label, (scale, answers) in YEARS.items():
            year = ResourceYear.objects.create(
                partnership=northshire,
                year=label,
                **dict(zip(("financial", "staffing", "systems", "training"), answers, strict=True)),
                **{f"{q}_comment": text for q, text in COMMENTS.items()},
            )

            def money(amount: int, scale=scale) -> Decimal:
                return (Decimal(amount) * scale).quantize(Decimal("1"))

            Contribution.objects.bulk_create(
                Contribution(
                    partnership=northshire,
                    year=year,
                    sector=sector,
                    contributor=name,
                    partner_body=bodies.get(name),
                    amount=money(amount),
                )
                for sector, name, amount in CONTRIBUTIONS
            )
            OtherResource.objects.bulk_create(
                OtherResource(
                    partnership=northshire,
                    year=year,
                    kind=kind,
                    source=source,
                    description=description,
                    amount=money(amount),
                )
                for kind, source, description, amount in OTHERS
            )
            Spend.objects.bulk_create(
                Spend(
                    partnership=northshire,
                    year=year,
                    category=category,
                    local_category=local,
                    amount=money(amount),
                )
                for category, local, amount in SPEND
            )
            Post.objects.bulk_create(
                Post(
                    partnership=northshire,
                    year=year,
                    category=category,
                    title=title,
                    fte=Decimal(fte),
                )
                for category, title, fte in POSTS
                if label == "2024-25" or category != Post.Category.QUALITY  # a new post in 2024-25
            )
