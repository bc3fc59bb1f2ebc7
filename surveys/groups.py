"""Which groups of respondents a wave's results may describe (pure; no database).

A group of people is published only when enough of them answered, and then in full (as the NHS
Staff Survey and the Civil Service People Survey do):

* groups of one profile question smaller than the group minimum are merged into "Other groups
  (combined)", and the next smallest join it until it is big enough (`merge_groups`);
* a breakdown by a second profile question is offered only if every combination of the groups
  offered so far holds nobody or at least the minimum (`plan_breakdowns`). Two breakdowns and
  Table A6 could otherwise be combined to single a person out: Police 6, all "true"; "more than
  4 years" 7, one "not true"; 6 of those 7 are police, so the one other person said "not true".
  When every such intersection, and so every difference of two groups, is empty or at least the
  minimum, no set of fewer than the minimum people can be told apart by the profile at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

NOT_GIVEN = ""
NOT_GIVEN_LABEL = "Not given"
OTHER = "*other*"
OTHER_LABEL = "Other groups (combined)"
GROUP_MINIMUM = 5
"""Breakdown groups (and Table A6's columns) need at least this many people, whatever the
wave's own minimum."""


SHORT_NAMES = {
    "position": "position",
    "region": "region",
    "service_length": "length of service",
    "leadership_experience": "years in safeguarding leadership",
    "professional_experience": "years of professional experience",
    "lscb_experience": "experience with LSCBs",
}


@dataclass(frozen=True)
class Group:
    code: str
    label: str
    members: tuple[str, ...]  # the profile answers (codes) it holds
    size: int

    @property
    def merged(self) -> bool:
        return self.code == OTHER


def group_minimum(minimum: int) -> int:
    return max(minimum, GROUP_MINIMUM)


def _merge(order: Sequence[str], sizes: Mapping[str, int], minimum: int, *, small=()) -> tuple:
    """The rule, once: units below `minimum` (and any in `small`) are merged, and the next
    smallest join them while the merged group is still below `minimum`. Returns the units kept
    apart and the merged ones, each in `order`."""
    big = [c for c in order if sizes.get(c, 0) >= minimum and c not in small]
    while (
        sum(sizes.get(c, 0) for c in order if c not in big) < minimum
        and big
        and (len(big) < len(order))
    ):
        big.remove(min(big, key=lambda c: (sizes.get(c, 0), order.index(c))))
    return big, [c for c in order if c not in big]


def merge_groups(sizes: Mapping[str, int], labels: Mapping[str, str], minimum: int) -> list[Group]:
    """Groups in `labels` order (then "Not given"), small ones merged. Fewer than two groups
    means the question cannot be used to break results down."""
    order = [c for c in labels if sizes.get(c, 0) > 0]
    if sizes.get(NOT_GIVEN, 0) > 0 and NOT_GIVEN not in order:
        order.append(NOT_GIVEN)
    big, merged = _merge(order, sizes, minimum)

    def label(code: str) -> str:
        return NOT_GIVEN_LABEL if code == NOT_GIVEN else labels.get(code, code)

    groups = [Group(c, label(c), (c,), sizes[c]) for c in big]
    if merged:
        groups.append(Group(OTHER, OTHER_LABEL, tuple(merged), sum(sizes[c] for c in merged)))
    if sum(g.size for g in groups) < minimum:
        return []
    return groups


def merged_note(groups: Sequence[Group], labels: Mapping[str, str]) -> str:
    for g in groups:
        if g.merged:
            names = [NOT_GIVEN_LABEL if m == NOT_GIVEN else labels.get(m, m) for m in g.members]
            return f"{OTHER_LABEL}: {', '.join(names)}."
    return ""


def merge_further(
    groups: Sequence[Group], answering: Mapping[str, int], minimum: int
) -> list[Group]:
    """A breakdown's groups for one statement: the wave's groups (`merge_groups`), those with
    fewer than `minimum` answering this statement merged by the same rule. Only ever coarser
    than the wave's groups, so whatever was safe for them stays safe."""
    by_code = {g.code: g for g in groups}
    big, merged = _merge(list(by_code), answering, minimum, small={OTHER})
    result = [by_code[c] for c in big]
    if merged:
        members = tuple(m for c in merged for m in by_code[c].members)
        result.append(Group(OTHER, OTHER_LABEL, members, sum(by_code[c].size for c in merged)))
    return result


def group_of(groups: Sequence[Group]) -> dict[str, str]:
    """Each profile answer's group code."""
    return {member: g.code for g in groups for member in g.members}


@dataclass
class Plan:
    """What a wave may publish about groups of respondents."""

    minimum: int
    groups: dict[str, list[Group]]  # per profile question, merged
    offered: list[str]  # profile questions results may be broken down by, in order
    withheld: dict[str, str] = field(default_factory=dict)  # question -> plain reason

    @property
    def columns(self) -> list[Group]:
        """Table A6's columns: the positions, merged as for a breakdown."""
        return self.groups.get("position", [])


def plan_breakdowns(
    profiles: Mapping[tuple[str, ...], int],
    *,
    keys: Sequence[str],
    labels: Mapping[str, Mapping[str, str]],
    names: Mapping[str, str],
    chosen: Sequence[str],
    minimum: int,
) -> Plan:
    """`profiles` counts respondents by their answers to every profile question (`keys`
    order). Questions in `chosen` are offered in that order while they stay safe together."""
    at = {k: i for i, k in enumerate(keys)}
    least = group_minimum(minimum)
    groups: dict[str, list[Group]] = {}
    for key in keys:
        sizes: Counter[str] = Counter()
        for combo, n in profiles.items():
            sizes[combo[at[key]] or NOT_GIVEN] += n
        groups[key] = merge_groups(sizes, labels.get(key, {}), least)
    plan = Plan(minimum=minimum, groups=groups, offered=[])
    coded = {k: group_of(groups[k]) for k in keys}

    def safe(together: Sequence[str]) -> bool:
        cells: Counter[tuple[str, ...]] = Counter()
        for combo, n in profiles.items():
            cells[tuple(coded[k].get(combo[at[k]] or NOT_GIVEN) for k in together)] += n
        return all(n >= minimum for n in cells.values() if n)

    def name(key: str) -> str:
        return SHORT_NAMES.get(key, names.get(key, key))

    for key in chosen:
        if len(groups.get(key, [])) < 2:
            plan.withheld[key] = f"too few in each group (groups need at least {least})"
            continue
        if safe([*plan.offered, key]):
            plan.offered.append(key)
            continue
        clash = next((k for k in plan.offered if not safe([k, key])), None)
        with_what = f"the breakdown by {name(clash)}" if clash else "the other breakdowns"
        plan.withheld[key] = (
            f"together with {with_what}, it would single out groups of fewer than {minimum} people"
        )
    return plan
