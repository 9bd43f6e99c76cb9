"""The room's participatory-budgeting vote: the ballot, the checks on a ballot, the count.

A ballot lists projects (the tables' proposals: title, table(s), cost in NT$). The organiser
builds it from the group reports, edits titles and costs, merges two tables' near-identical
proposals and leaves some out; then opens the vote with a budget and a method:

* ``approval`` — approve any number of projects, or at most ``max_approvals``;
* ``basket`` — the Decidim budget basket: the chosen projects' total cost stays within the budget.

``check_ballot`` is the one rule every ballot passes (web page, paper ballot typed at the desk);
it raises ``VoteError`` with a stable code. ``count`` hands the ballots to ``pabutools`` for the
two rules shown side by side: greedy by votes within the budget (what most cities use) and the
Method of Equal Shares completed by a greedy pass (the usual practice, e.g. Wieliczka, Aarau).
``pabulib_text`` writes the election in the pabulib ``.pb`` open-data format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from desktop.core.group_report import CostError, parse_cost
from desktop.core.outcomes import vote
from desktop.core.problems import CodedError
from desktop.core.text import clean_text
from desktop.core.vocabulary import VOTE_RULE_NAMES


class Method(StrEnum):
    APPROVAL = "approval"
    BASKET = "basket"


class VoteStatus(StrEnum):
    DRAFT = "draft"  # the organiser is building the ballot
    OPEN = "open"
    CLOSED = "closed"


class VoteError(CodedError):
    """A ballot, a ballot line or the rules refused (``desktop.core.outcomes.vote``)."""


@dataclass(frozen=True)
class Project:
    """One line of the ballot. ``id`` is its number on the ballot (1, 2, ...)."""

    id: int
    title: str
    tables: tuple[int, ...]  # more than one after a merge
    cost: int
    included: bool = True

    @property
    def table_label(self) -> str:
        return "、".join(f"第{n}桌" for n in self.tables)


@dataclass(frozen=True)
class Rules:
    method: Method
    budget: int
    max_approvals: int | None = None  # approval only; None = any number


@dataclass(frozen=True)
class SourceProposal:
    table: int
    title: str
    cost: int | None
    cost_text: str = ""  # as the table typed it

    @property
    def left_out_because(self) -> CodedError | None:
        """Why this proposal is not on the ballot (None when it may be): ``str()`` in zh-TW,
        ``error_text`` in the window's language."""
        if not self.title.strip():
            return VoteError(vote.NO_TITLE)
        if self.cost is None and self.cost_text.strip():
            try:
                parse_cost(self.cost_text)
            except CostError as exc:
                return exc  # the problem the desk's form shows under the field
        if self.cost is None:
            return VoteError(vote.NO_COST)
        if self.cost <= 0:
            return VoteError(vote.BAD_COST)
        return None

    @property
    def label(self) -> str:
        return f"第{self.table}桌「{self.title.strip() or '（無名稱）'}」"


# --- building the ballot ---------------------------------------------------------------------


def projects_from_proposals(
    proposals: Iterable[SourceProposal],
) -> tuple[tuple[Project, ...], tuple[SourceProposal, ...]]:
    """Ballot lines from the tables' proposals, numbered in table order; the proposals that
    have no readable cost are returned apart (a project without a cost cannot be funded)."""
    projects: list[Project] = []
    skipped: list[SourceProposal] = []
    for p in sorted(proposals, key=lambda p: p.table):
        if p.left_out_because is not None or p.cost is None:
            skipped.append(p)
            continue
        projects.append(Project(len(projects) + 1, p.title.strip(), (p.table,), p.cost))
    return tuple(projects), tuple(skipped)


def _find(projects: Sequence[Project], project_id: int) -> Project:
    for p in projects:
        if p.id == project_id:
            return p
    raise VoteError(vote.NO_PROJECT, id=project_id)


def edit_project(
    projects: Sequence[Project],
    project_id: int,
    *,
    title: str | None = None,
    cost: int | None = None,
    included: bool | None = None,
) -> tuple[Project, ...]:
    target = _find(projects, project_id)
    if title is not None and not title.strip():
        raise VoteError(vote.BAD_TITLE)
    if cost is not None and cost <= 0:
        raise VoteError(vote.BAD_COST)
    changed = replace(
        target,
        title=target.title if title is None else title.strip(),
        cost=target.cost if cost is None else cost,
        included=target.included if included is None else included,
    )
    return tuple(changed if p.id == project_id else p for p in projects)


def merge_projects(projects: Sequence[Project], keep_id: int, other_id: int) -> tuple[Project, ...]:
    """Two tables' near-identical proposals become one line: ``keep_id``'s title and cost, both
    tables credited; the other line disappears (numbers of the rest do not change)."""
    if keep_id == other_id:
        raise VoteError(vote.SAME_PROJECT)
    keep, other = _find(projects, keep_id), _find(projects, other_id)
    merged = replace(keep, tables=tuple(sorted(set(keep.tables) | set(other.tables))))
    return tuple(merged if p.id == keep_id else p for p in projects if p.id != other_id)


# --- one ballot ------------------------------------------------------------------------------


def check_ballot(
    rules: Rules,
    projects: Sequence[Project],
    approvals: Iterable[int],
    *,
    status: VoteStatus,
    checked_in: bool,
) -> tuple[int, ...]:
    """The approved project ids (sorted, repeats removed) when the ballot may count."""
    if status is not VoteStatus.OPEN:
        raise VoteError(vote.CLOSED)
    if not checked_in:
        raise VoteError(vote.NOT_CHECKED_IN)
    chosen = tuple(sorted(set(approvals)))
    on_ballot = {p.id: p for p in projects if p.included}
    unknown = [str(i) for i in chosen if i not in on_ballot]
    if unknown:
        raise VoteError(vote.UNKNOWN_PROJECT, ids=", ".join(unknown))
    if not chosen:
        raise VoteError(vote.EMPTY)
    if (
        rules.method is Method.APPROVAL
        and rules.max_approvals is not None
        and len(chosen) > rules.max_approvals
    ):
        raise VoteError(vote.TOO_MANY, most=rules.max_approvals, chosen=len(chosen))
    if rules.method is Method.BASKET:
        total = sum(on_ballot[i].cost for i in chosen)
        if total > rules.budget:
            raise VoteError(vote.OVER_BUDGET, total=total, budget=rules.budget)
    return chosen


def check_rules(rules: Rules, projects: Sequence[Project]) -> None:
    """A vote can open only with a positive budget, a sensible k and something to vote on."""
    if rules.budget <= 0:
        raise VoteError(vote.BAD_BUDGET)
    if rules.max_approvals is not None:
        if rules.method is not Method.APPROVAL:
            raise VoteError(vote.BAD_MAX)
        if rules.max_approvals < 1:
            raise VoteError(vote.MAX_TOO_SMALL)
    if not any(p.included for p in projects):
        raise VoteError(vote.NO_PROJECTS)
    beyond = beyond_budget(rules, projects)
    if len(beyond) == sum(p.included for p in projects):
        raise VoteError(vote.NOTHING_FITS, budget=rules.budget)


def beyond_budget(rules: Rules, projects: Sequence[Project]) -> tuple[Project, ...]:
    """Projects on the ballot that no basket can hold (cost above the whole budget): shown
    greyed out with the reason on every phone, and named to the organiser before opening."""
    if rules.method is not Method.BASKET:
        return ()
    return tuple(p for p in projects if p.included and p.cost > rules.budget)


# --- the count -------------------------------------------------------------------------------

MIN_VOTES = 1  # a project needs at least one approval to be funded


@dataclass(frozen=True)
class Count:
    votes: Mapping[int, int]  # project id -> number of ballots approving it
    greedy: tuple[int, ...]  # funded project ids, in ballot order
    equal_shares: tuple[int, ...]
    ballots: int


def count(projects: Sequence[Project], budget: int, ballots: Sequence[Sequence[int]]) -> Count:
    """Votes per project and the funded sets under both rules, counted by ``pabutools``.

    Greedy: ``greedy_utilitarian_welfare`` with cost satisfaction (the marginal welfare per cost
    of a project is then exactly its number of approvals: "most votes first, skip what no longer
    fits"). Equal Shares: ``method_of_equal_shares`` with cost satisfaction, then completed by the
    same greedy pass over what is left (pabutools' ``initial_budget_allocation``). Ties go to the
    lower ballot number (project names are zero-padded so pabutools' lexicographic tie-break
    orders them as numbers)."""
    from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance
    from pabutools.election import Project as PbProject
    from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares

    votes = {p.id: 0 for p in projects if p.included}
    for ballot in ballots:
        for i in ballot:
            if i in votes:
                votes[i] += 1
    # A project nobody approved is never funded (pabulib's ``greedy-threshold`` with threshold
    # 1): without this, both rules would fill leftover budget with projects of 0 votes.
    pb = {
        p.id: PbProject(f"{p.id:04d}", p.cost)
        for p in projects
        if p.included and votes[p.id] >= MIN_VOTES
    }
    if not pb:
        return Count(votes, (), (), len(ballots))
    instance = Instance(pb.values(), budget_limit=budget)
    profile = ApprovalProfile(
        [ApprovalBallot(pb[i] for i in ballot if i in pb) for ballot in ballots], instance=instance
    )
    # A plain profile, not ``as_multiprofile()``: a room's ballots are mostly distinct, and
    # hashing them for multiplicities made the count twice as slow (40 projects, 1,000 ballots).
    greedy = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    mes = method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    completed = greedy_utilitarian_welfare(
        instance, profile, sat_class=Cost_Sat, initial_budget_allocation=mes
    )

    def ids(allocation: Iterable[object]) -> tuple[int, ...]:
        return tuple(sorted(int(str(p)) for p in allocation))

    return Count(votes, ids(greedy), ids(completed), len(ballots))


# --- pabulib ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PbMeta:
    description: str
    unit: str  # the venue / session
    instance: str
    date: dt.date


def _pb_field(text: str) -> str:
    """A value inside a ``;``-separated line: no separators, quotes, control characters or
    line breaks of any kind (pabutools splits lines at U+2028, U+001C...)."""
    return re.sub(r"[;\"]+", " ", clean_text(text)).strip()


def pabulib_text(
    meta: PbMeta,
    rules: Rules,
    projects: Sequence[Project],
    ballots: Sequence[Sequence[int]],
    result: Count,
) -> str:
    """The election as a pabulib ``.pb`` file (no byte-order mark; the caller writes UTF-8).

    ``rule`` is ``greedy-threshold`` (at least ``MIN_VOTES``) and ``selected`` marks the greedy
    set (the checker recomputes it);
    the Equal Shares set is stated in the ``comment``. Voter ids are 1..n in the order given:
    the caller passes the ballots in an order that says nothing about who cast them."""
    on_ballot = [p for p in projects if p.included]
    day = meta.date.strftime("%d.%m.%Y")
    lines = ["META", "key;value"]
    fields = [
        ("description", _pb_field(meta.description)),
        ("country", "Taiwan"),
        ("unit", _pb_field(meta.unit)),
        ("instance", _pb_field(meta.instance)),
        ("num_projects", str(len(on_ballot))),
        ("num_votes", str(len(ballots))),
        ("budget", str(rules.budget)),
        ("vote_type", "approval"),
        ("rule", "greedy-threshold"),
        ("date_begin", day),
        ("date_end", day),
    ]
    if rules.max_approvals is not None:
        fields.append(("max_length", str(rules.max_approvals)))
    if rules.method is Method.BASKET:
        fields.append(("max_sum_cost", str(rules.budget)))
    fields += [
        ("min_project_score_threshold", str(MIN_VOTES)),  # pabulib's field order
        ("language", "zh"),
        ("currency", "TWD"),
        (
            "comment",
            f"#1: {VOTE_RULE_NAMES['equal_shares']} (Method of Equal Shares; cost satisfaction, "
            f"completed by {VOTE_RULE_NAMES['greedy']}) funds "
            + (",".join(str(i) for i in result.equal_shares) or "none"),
        ),
    ]
    lines += [f"{k};{v}" for k, v in fields]
    lines += ["PROJECTS", "project_id;cost;votes;name;selected"]
    greedy = set(result.greedy)
    for p in on_ballot:
        lines.append(
            f"{p.id};{p.cost};{result.votes.get(p.id, 0)};{_pb_field(p.title)};"
            f"{1 if p.id in greedy else 0}"
        )
    lines += ["VOTES", "voter_id;vote"]
    for n, ballot in enumerate(ballots, start=1):
        lines.append(f"{n};{','.join(str(i) for i in ballot)}")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class VoteState:
    session_id: int
    session_name: str
    status: str  # "none" (no ballot yet) or a VoteStatus
    method: str
    budget: int
    max_approvals: int | None
    projects: tuple[Project, ...]  # every line, left-out ones with included=False
    ballots: int
    checked_in: int
    result: Count | None  # after close only: nothing that could sway the vote while open
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None

    @property
    def on_ballot(self) -> tuple[Project, ...]:
        return tuple(p for p in self.projects if p.included)

    @property
    def rules(self) -> Rules:
        return Rules(Method(self.method), self.budget, self.max_approvals)
