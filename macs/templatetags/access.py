"""`{% can %}`: the one access policy, asked from a template, so a page shows only the links,
buttons and forms the person may use.

    {% load access %}
    {% can "evidence:add" as may_add %}{% if may_add %}<a ...>Add evidence</a>{% endif %}
    {% can "reviews:rating" rating method="POST" as may_rate %}
"""

from __future__ import annotations

from django import template

from macs.access import can as policy_can

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, name: str, obj=None, method: str | None = None) -> bool:
    request = context.get("request")
    return request is not None and policy_can(request, name, obj, method=method)
