"""Rating levels as GOV.UK tags (colour plus words, never colour alone)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

NOT_ASSESSED_TAG = mark_safe('<strong class="govuk-tag govuk-tag--grey">Not yet assessed</strong>')

# The one scale of rating colours is the framework content's (RatingLevel.colour): GOV.UK red,
# orange, blue and green. Each tag is that colour's GOV.UK tag; tests/reviews check they agree.
TAG_CLASSES = {
    1: "govuk-tag--red",
    2: "govuk-tag--orange",
    3: "govuk-tag--blue",
    4: "govuk-tag--green",
}
CHANGE_WORDS = {
    "improved": ("Improved", "govuk-tag--green"),
    "same": ("Same", "govuk-tag--grey"),
    "deteriorated": ("Deteriorated", "govuk-tag--red"),
    "new": ("New", "govuk-tag--light-blue"),
}


@register.simple_tag
def level_tag(level_info) -> str:
    if level_info is None:
        return NOT_ASSESSED_TAG
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        TAG_CLASSES.get(level_info.value, ""),
        level_info.label,
    )


@register.simple_tag
def change_tag(change: str) -> str:
    if not change:
        return ""
    words, css = CHANGE_WORDS[change]
    return format_html('<strong class="govuk-tag {}">{}</strong>', css, words)
