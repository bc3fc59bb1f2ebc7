"""{% platform_words "rating_scale" %}: the one mark that says content is the platform's."""

from __future__ import annotations

from django import template

from framework.provenance import platform_words

register = template.Library()


@register.inclusion_tag("ui/_platform_words.html", name="platform_words")
def platform_words_tag(key: str) -> dict:
    return {"words": platform_words(key)}
