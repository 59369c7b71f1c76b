"""k-anonymity over the export's quasi-identifiers by generalization ladders (FORMAT.md 5).

Quasi-identifiers: age at intake, gender, setting, intake year (site is constant per bundle,
see FORMAT.md "What site means"). Each has a ladder from most detail to suppressed. Every
combination of ladder levels (4 x 3 x 3 x 3 = 108 nodes) is evaluated; a node's records whose
combination is shared by fewer than k records are "residual" and get all four values blanked
(the last resort), topped up from classes larger than k if the blanked group itself would be
smaller than k. The node with the least information loss wins, blanking at most
MAX_SUPPRESSED_SHARE of the records (or k records, whichever is more). Outcome measures are
never touched here.

Pure: any thread.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, product

from coachdesk.exchange.payload_schema import (
    AGE_BANDS,
    ANOTHER_GENDER,
    GENDER_VALUES,
    LEVELS,
    QUASI_IDENTIFIERS,
    SETTING_GROUP,
    SETTING_VALUES,
    TOP_CODE_AGE,
)

MAX_SUPPRESSED_SHARE = 0.05

Key = tuple[str | None, str | None, str | None, str | None]
_BLANK: Key = (None, None, None, None)


@dataclass(frozen=True, slots=True)
class QuasiIdentifiers:
    """The most detailed values of one record (age in whole years; never a date)."""

    age: int | None
    gender: str | None
    setting: str | None
    intake_year: int | None


def age_band(age: int | None, level: str) -> str | None:
    if age is None or age < 0 or level == "suppressed":
        return None
    if level == "20y":
        return "80+" if age >= 80 else f"{age // 20 * 20}-{age // 20 * 20 + 19}"
    width = 5 if level == "5y" else 10
    if age >= TOP_CODE_AGE:
        return f"{TOP_CODE_AGE}+"
    low = age // width * width
    return f"{low}-{low + width - 1}"


def gender_value(gender: str | None, level: str) -> str | None:
    if gender is None or level == "suppressed":
        return None
    if level == "grouped" and gender not in ("woman", "man"):
        return ANOTHER_GENDER
    return gender


def setting_value(setting: str | None, level: str) -> str | None:
    if setting is None or level == "suppressed":
        return None
    return SETTING_GROUP[setting] if level == "group" else setting


def intake_year_value(year: int | None, level: str) -> str | None:
    if year is None or level == "suppressed":
        return None
    if level == "2y":
        start = year - year % 2
        return f"{start}-{start + 1}"
    return str(year)


_LADDERS = {
    "age_band": lambda q, lv: age_band(q.age, lv),
    "gender": lambda q, lv: gender_value(q.gender, lv),
    "setting": lambda q, lv: setting_value(q.setting, lv),
    "intake_year": lambda q, lv: intake_year_value(q.intake_year, lv),
}


@dataclass(frozen=True, slots=True)
class Anonymization:
    levels: dict[str, str]  # quasi-identifier -> ladder level name
    values: list[Key]  # per input record: (age_band, gender, setting, intake_year)
    suppressed: frozenset[int]  # indices of records whose quasi-identifiers were blanked
    k: int
    loss: float

    @property
    def information_kept(self) -> float:
        """Share of quasi-identifier values (4 per record) that are not blank."""
        if not self.values:
            return 1.0
        kept = sum(v is not None for key in self.values for v in key)
        return kept / (len(QUASI_IDENTIFIERS) * len(self.values))


def is_k_anonymous(values: Sequence[Key], k: int) -> bool:
    """Every combination (blank counted as a value) is shared by at least k records; a set of
    fewer than k records passes only when every value is blank."""
    if len(values) < k:
        return all(v == _BLANK for v in values)
    return all(count >= k for count in Counter(values).values())


def _columns(qis: Sequence[QuasiIdentifiers]) -> dict[str, list[list[str | None]]]:
    return {
        name: [[_LADDERS[name](q, level) for q in qis] for level in LEVELS[name]]
        for name in QUASI_IDENTIFIERS
    }


def _plan(keys: list[Key], k: int) -> tuple[list[int], int] | None:
    """Indices to blank for this node, and how many; None if the node cannot reach k."""
    counts = Counter(keys)
    small = {key for key, c in counts.items() if c < k and key != _BLANK}
    to_blank = [i for i, key in enumerate(keys) if key in small]
    blank_total = len(to_blank) + counts.get(_BLANK, 0)
    if 0 < blank_total < k:
        need = k - blank_total
        # Take records from the classes with the most to spare, keeping them at k or more.
        spare = sorted(
            ((c - k, key) for key, c in counts.items() if c > k and key != _BLANK),
            key=lambda item: (-item[0], str(item[1])),
        )
        if sum(s for s, _ in spare) < need:
            return None
        donors: dict[Key, int] = {}
        for surplus, key in spare:
            take = min(surplus, need)
            donors[key] = take
            need -= take
            if need == 0:
                break
        for i, key in enumerate(keys):
            if donors.get(key, 0) > 0:
                donors[key] -= 1
                to_blank.append(i)
    return to_blank, len(to_blank)


def suppression_limit(n: int, k: int) -> int:
    """Most records that may be blanked: a share of the caseload, but at least k, since a
    blanked group smaller than k would itself stand out."""
    return max(math.floor(MAX_SUPPRESSED_SHARE * n), k)


def anonymize(
    qis: Sequence[QuasiIdentifiers], k: int, floor: Mapping[str, str] | None = None
) -> Anonymization:
    """The least-loss k-anonymous generalization of `qis` (see the module docstring).

    `floor` holds the levels of the previous export to the same RCO: no quasi-identifier is
    shown finer than there, because the RCO can link records between exports by pseudonym
    and would otherwise combine, say, one export's exact gender with another's 5-year bands.
    """
    n = len(qis)
    names = QUASI_IDENTIFIERS
    top = {name: LEVELS[name][-1] for name in names}
    if n < k:
        return Anonymization(top, [_BLANK] * n, frozenset(range(n)), k, float(4 * n))
    columns = _columns(qis)
    limit = suppression_limit(n, k)
    lowest = {name: LEVELS[name].index((floor or {}).get(name, LEVELS[name][0])) for name in names}
    best: tuple[tuple[float, int, tuple[int, ...]], list[int]] | None = None
    for node in product(*(range(lowest[name], len(LEVELS[name])) for name in names)):
        cols = [columns[name][level] for name, level in zip(names, node, strict=True)]
        keys: list[Key] = list(zip(*cols, strict=True))
        planned = _plan(keys, k)
        if planned is None:
            continue
        to_blank, blanked = planned
        if blanked > limit:
            continue
        height = sum(
            level / (len(LEVELS[name]) - 1) for name, level in zip(names, node, strict=True)
        )
        loss = height * (n - blanked) + len(names) * blanked
        rank = (round(loss, 9), blanked, node)
        if best is None or rank < best[0]:
            best = (rank, to_blank)
    assert best is not None  # the all-suppressed node always qualifies when n >= k
    (loss, _, node), to_blank = best
    levels = {name: LEVELS[name][level] for name, level in zip(names, node, strict=True)}
    cols = [columns[name][level] for name, level in zip(names, node, strict=True)]
    values: list[Key] = list(zip(*cols, strict=True))
    for i in to_blank:
        values[i] = _BLANK
    return Anonymization(levels, values, frozenset(to_blank), k, loss)


# -- local generalization, stable across exports (docs/deidentification.md) ----------------
#
# Each equivalence class chooses its own rung on each ladder (top-down specialization: start
# with every value blank, split a class on the quasi-identifier that gains most while every
# part keeps at least k records). Values are self-describing ladder values ("30-34", "20-39",
# "woman", "clinical", "2024-2025"), so records of one bundle may sit on different rungs.
#
# Across exports a released tuple never gets finer. A record keeps the tuple it was first
# released with ("native" to that class) unless its class can no longer stand: then it moves
# to a coarser class that still has k native members, and is native nowhere after that. Every
# class of every bundle has at least k native members present in that bundle; that invariant
# is what keeps k for any set of bundles joined on pseudonym (argued in the docs).

LOOKAHEAD = 2  # splits searched, the chosen one included (greedy alone starves setting)
PRESENT = 0.8
WEIGHTS = {"age_band": 1.0, "gender": 1.0, "setting": 1.0, "intake_year": 0.1}
# What a funder's tables need kept (issue 13): share of records with the value not blank.
# k = 11 on caseloads of 50-400 cannot give all three at once, so each export tries a few
# weightings of age against setting and keeps the one that falls least short of these.
KEEP_TARGETS = {"gender": 0.90, "setting": 0.90, "age_band": 0.75}
# A bundle that cannot meet both gives up gender before setting: the targets are shares of
# every coach's records together, and gender keeps more slack on the larger caseloads than
# setting does (five caseload draws of the five-coach scenario, 10 pseudonym orders each:
# weighted alike, setting fell to 88.0% on one; 1.5 keeps gender >= 90.2%, setting >= 90.7%).
SHORTFALL_WEIGHTS = {"gender": 1.0, "setting": 1.5}
_AGE_WEIGHTS = (0.5, 1.0, 1.6)
_SETTING_WEIGHTS = (1.0, 1.6)
_SETTING_UTILITY = {"clinical": 0.8, "justice_first_responder": 0.6, "community": 1.0}


def value_utility(name: str, value: str | None) -> float:
    """How much of a quasi-identifier a released value keeps, 0 (blank) to 1 (exact): mostly
    for being there at all (what a funder's table needs), a little more for being finer."""
    if value is None:
        return 0.0
    return PRESENT + (1 - PRESENT) * _fineness(name, value)


def _fineness(name: str, value: str) -> float:
    if name == "age_band":
        if value.endswith("+"):
            return 0.8 if value == "80+" else 0.95
        low, high = value.split("-")
        return 1.0 - (int(high) - int(low) + 1) / 100
    if name == "gender":
        return 0.5 if value == ANOTHER_GENDER else 1.0
    if name == "setting":
        return _SETTING_UTILITY.get(value, 1.0)
    return 0.5 if "-" in value else 1.0


@lru_cache(maxsize=8192)  # pure, and asked for again and again for the same few tuples
def tuple_utility(values: Key) -> float:
    return sum(
        WEIGHTS[name] * value_utility(name, v)
        for name, v in zip(QUASI_IDENTIFIERS, values, strict=True)
    )


def _ladder_values(q: QuasiIdentifiers) -> tuple[tuple[str | None, ...], ...]:
    """Per quasi-identifier, the record's value on each rung (finest first, blank last)."""
    return tuple(
        tuple(_LADDERS[name](q, level) for level in LEVELS[name]) for name in QUASI_IDENTIFIERS
    )


Chain = tuple[tuple[str | None, ...], ...]


def covers(values: Key, q: QuasiIdentifiers) -> bool:
    """True when every released value is blank or a rung of the record's own ladder."""
    return _covers(values, _ladder_values(q))


def _covers(values: Key, chain: Chain) -> bool:
    return all(v is None or v in rungs for v, rungs in zip(values, chain, strict=True))


def _no_finer(outer: Key, inner: Key, chain: Chain) -> bool:
    """`outer` covers the record and is, value by value, `inner` or coarser (where `inner`
    no longer fits the record, say after a corrected date of birth, only blank is)."""
    for v_out, v_in, rungs in zip(outer, inner, chain, strict=True):
        if v_out is None:
            continue
        if v_out not in rungs or v_in is None or v_in not in rungs:
            return False
        if rungs.index(v_out) < rungs.index(v_in):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Released:
    """What was sent for one pseudonym: its tuple, and whether it has had it since its first
    release (a native member of that class)."""

    values: Key
    native: bool


@dataclass(frozen=True, slots=True)
class LocalAnonymization:
    values: list[Key | None]  # per input record; None = withheld from this bundle
    released: dict[int, Released]  # per sent record: the state to keep for the next export
    k: int

    @property
    def withheld(self) -> frozenset[int]:
        return frozenset(i for i, v in enumerate(self.values) if v is None)

    @property
    def suppressed(self) -> frozenset[int]:
        """Sent records whose four quasi-identifiers are all blank."""
        return frozenset(i for i, v in enumerate(self.values) if v == _BLANK)

    @property
    def information_kept(self) -> float:
        """Share of quasi-identifier values (4 per record) sent and not blank; a withheld
        record counts as four blanks."""
        if not self.values:
            return 1.0
        kept = sum(x is not None for key in self.values if key is not None for x in key)
        return kept / (len(QUASI_IDENTIFIERS) * len(self.values))

    @property
    def levels(self) -> dict[str, str]:
        """Per quasi-identifier, the coarsest rung any sent record is on (for a summary)."""
        out = {}
        for position, name in enumerate(QUASI_IDENTIFIERS):
            rungs = [_rung_of(name, key[position]) for key in self.values if key is not None] or [0]
            out[name] = LEVELS[name][max(rungs)]
        return out


def _rung_of(name: str, value: str | None) -> int:
    levels = LEVELS[name]
    if value is None:
        return len(levels) - 1
    for level in levels[:-1]:
        vocabulary = {"age_band": AGE_BANDS, "gender": GENDER_VALUES, "setting": SETTING_VALUES}
        if name in vocabulary:
            if value in vocabulary[name][level]:
                return levels.index(level)
        elif ("-" in value) == (level == "2y"):
            return levels.index(level)
    return len(levels) - 1


class _Specializer:
    """Top-down specialization of the records of one export that have no released tuple yet.

    `anchors` counts the native members (already released, present in this export) of each
    existing tuple: a part that lands exactly on such a tuple needs only k minus that many.
    """

    def __init__(
        self,
        chains: Sequence[Chain],
        k: int,
        anchors: Counter[Key],
        weights: Mapping[str, float] = WEIGHTS,
        splits: _Splits | None = None,
    ) -> None:
        self.weights = weights
        self.chains = chains
        self.k = k
        self.anchors = anchors
        self.out: dict[int, Key] = {}
        # The look ahead asks for the same splits again and again, and the weightings tried
        # by _best_specialization share them: a split depends on the records, k and the
        # anchors only, so it is computed once (same results, in the same order).
        self.splits = splits if splits is not None else _Splits(chains)
        self._options_of: dict[tuple[int, tuple[int, ...], frozenset[int]], _Known] = {}

    def key(self, i: int, rungs: tuple[int, ...]) -> Key:
        chain = self.chains[i]
        a, g, s, y = (chain[q][r] for q, r in enumerate(rungs))
        return (a, g, s, y)

    def valid(self, size: int, key: Key) -> bool:
        return size == 0 or size + self.anchors[key] >= self.k

    def run(self, members: list[int]) -> None:
        top = tuple(len(LEVELS[name]) - 1 for name in QUASI_IDENTIFIERS)
        if not members or not self.valid(len(members), self.key(members[0], top)):
            return  # too few to stand even fully blank: the caller places or withholds them
        stack: list[tuple[list[int], tuple[int, ...], frozenset[int]]] = [
            (members, top, frozenset())
        ]
        while stack:
            node, rungs, frozen = stack.pop()
            best = self._best_split(node, rungs, frozen)
            if best is None:
                key = self.key(node[0], rungs)
                for i in node:
                    self.out[i] = key
                continue
            q, parts, rest = best
            finer = (*rungs[:q], rungs[q] - 1, *rungs[q + 1 :])
            for part in parts:
                stack.append((part, finer, frozen))
            if rest:
                stack.append((rest, rungs, frozen | {q}))

    def _best_split(
        self, node: list[int], rungs: tuple[int, ...], frozen: frozenset[int]
    ) -> tuple[int, list[list[int]], list[int]] | None:
        options = self._options(node, rungs, frozen)
        if not options:
            return None
        best = max(
            options,
            key=lambda o: (
                o[0]
                + sum(self._score(p, o[4], frozen, LOOKAHEAD - 1) for p in o[2])
                + self._score(o[3], rungs, frozen | {o[1]}, LOOKAHEAD - 1)
            ),
        )
        return best[1], best[2], best[3]

    def _score(
        self, node: list[int], rungs: tuple[int, ...], frozen: frozenset[int], depth: int
    ) -> float:
        """The most a few more splits of this class could gain (a bounded look ahead)."""
        if depth <= 0 or len(node) < 2 * self.k:
            return 0.0
        return max(
            (
                gain
                + sum(self._score(p, finer, frozen, depth - 1) for p in parts)
                + self._score(rest, rungs, frozen | {q}, depth - 1)
                for gain, q, parts, rest, finer in self._options(node, rungs, frozen)
            ),
            default=0.0,
        )

    def _options(self, node: list[int], rungs: tuple[int, ...], frozen: frozenset[int]) -> _Options:
        """Each possible one-rung split: (weighted gain, quasi-identifier, parts, rest, rungs)."""
        memo = (id(node), rungs, frozen)
        seen = self._options_of.get(memo)
        if seen is not None and seen[0] is node:
            return seen[1]
        splits = self.splits.known
        out: _Options = []
        parent = self.key(node[0], rungs)
        for q, name in enumerate(QUASI_IDENTIFIERS):
            if q in frozen or rungs[q] == 0:
                continue
            finer = (*rungs[:q], rungs[q] - 1, *rungs[q + 1 :])
            memo_split = (tuple(node), rungs, q)
            if memo_split in splits:
                split = splits[memo_split]
            else:
                split = splits[memo_split] = self._split(node, q, finer, parent)
            if split is None:
                continue
            parts, rest, raw = split
            gain = self.weights[name] * raw
            if gain > 1e-9:
                out.append((gain, q, parts, rest, finer))
        self._options_of[memo] = (node, out)
        return out

    def _split(
        self, node: list[int], q: int, finer: tuple[int, ...], parent: Key
    ) -> tuple[list[list[int]], list[int], float] | None:
        """The parts of a one-rung split, the rest, and the unweighted gain of the parts."""
        column = self.splits.column(q, finer[q])
        groups: dict[str | None, list[int]] = {}
        for i in node:
            value = column[i]
            group = groups.get(value)
            if group is None:
                groups[value] = [i]
            else:
                group.append(i)
        rest = list(groups.pop(parent[q], []))  # blank at the finer rung too: cannot move
        parts = []
        for members in groups.values():
            if self.valid(len(members), self.key(members[0], finer)):
                parts.append(members)
            else:
                rest += members
        if not parts:
            return None
        need = 0 if self.valid(len(rest), parent) else self.k - self.anchors[parent] - len(rest)
        if need > 0:
            # Top the remainder up from the parts with most to spare, then by dissolving
            # the smallest parts.
            parts.sort(key=len, reverse=True)
            for part in parts:
                spare = len(part) + self.anchors[self.key(part[0], finer)] - self.k
                take = min(max(spare, 0), len(part), need)
                if take:
                    rest += part[len(part) - take :]
                    del part[len(part) - take :]
                    need -= take
            parts = [p for p in parts if p]
            while need > 0 and parts:
                smallest = parts.pop()
                rest += smallest
                need -= len(smallest)
            if need > 0 or not parts:
                return None
        name = QUASI_IDENTIFIERS[q]
        base = value_utility(name, parent[q])
        raw = sum((value_utility(name, column[p[0]]) - base) * len(p) for p in parts)
        return parts, rest, raw


_Options = list[tuple[float, int, list[list[int]], list[int], tuple[int, ...]]]
_Known = tuple[list[int], _Options]  # the class's list (kept alive: its id is the memo's key)
_Split = tuple[list[list[int]], list[int], float] | None


class _Splits:
    """The one-rung splits of the classes met, by the class's records (in their order: the
    same records reached by other paths, say gender then age or age then gender, split the
    same way), its rungs and the quasi-identifier."""

    def __init__(self, chains: Sequence[Chain]) -> None:
        self.chains = chains
        self.known: dict[tuple[tuple[int, ...], tuple[int, ...], int], _Split] = {}
        self._columns: dict[tuple[int, int], list[str | None]] = {}

    def column(self, q: int, rung: int) -> list[str | None]:
        """Every record's value of quasi-identifier `q` on `rung` (index = record)."""
        column = self._columns.get((q, rung))
        if column is None:
            column = self._columns[q, rung] = [chain[q][rung] for chain in self.chains]
        return column


def _shortfall(keys: Iterable[Key]) -> tuple[float, float, int]:
    """How far below their targets gender and setting fall together (0 = both met; setting's
    shortfall weighs SHORTFALL_WEIGHTS more), then
    the share of age bands not kept, then the number of blank values: smaller is better.
    Gender and setting come first because a caseload this size cannot have all three."""
    keys = list(keys)
    if not keys:
        return 0.0, 0.0, 0
    kept = {
        name: sum(key[QUASI_IDENTIFIERS.index(name)] is not None for key in keys) / len(keys)
        for name in KEEP_TARGETS
    }
    worst = sum(
        SHORTFALL_WEIGHTS[name] * max(KEEP_TARGETS[name] - kept[name], 0.0) / KEEP_TARGETS[name]
        for name in ("gender", "setting")
    )
    return round(worst, 6), round(1 - kept["age_band"], 6), sum(key.count(None) for key in keys)


def _best_specialization(
    chains: Sequence[Chain], k: int, natives: Counter[Key], fresh: list[int]
) -> _Specializer:
    best: tuple[tuple[float, float, int], _Specializer] | None = None
    splits = _Splits(chains)  # the same records, k and anchors for every weighting
    for age in _AGE_WEIGHTS:
        for setting in _SETTING_WEIGHTS:
            weights = {**WEIGHTS, "age_band": age, "setting": setting}
            spec = _Specializer(chains, k, natives, weights, splits)
            spec.run(fresh)
            rank = _shortfall(spec.out.values())
            if best is None or rank < best[0]:
                best = (rank, spec)
    assert best is not None
    return best[1]


def anonymize_local(
    qis: Sequence[QuasiIdentifiers],
    k: int,
    previous: Sequence[Released | None] | None = None,
) -> LocalAnonymization:
    """Local k-anonymous generalization of one export, stable against the earlier ones.

    `previous[i]` is what was released for record i before (None: never sent). The result
    gives each record its tuple for this export (None: withheld, because no class it may
    join has k native members) and the state to store once the export is sealed.
    """
    n = len(qis)
    prior = list(previous) if previous is not None else [None] * n
    ladders: dict[QuasiIdentifiers, Chain] = {}  # records with the same values share one
    chains = [ladders.get(q) or ladders.setdefault(q, _ladder_values(q)) for q in qis]
    members: dict[Key, list[int]] = {}
    natives: Counter[Key] = Counter()
    fresh: list[int] = []
    misfits: list[int] = []  # released before, but that tuple no longer fits the record
    for i, before in enumerate(prior):
        if before is None:
            fresh.append(i)
        elif _covers(before.values, chains[i]):
            members.setdefault(before.values, []).append(i)
            natives[before.values] += before.native
        else:
            misfits.append(i)
    best = _Plan(chains, prior, k, members, natives).place(fresh, {}, misfits)
    # New records that fit a class already sent may do better joining it before the rest
    # are generalized among themselves (few new records make coarse classes of their own).
    sent = _Plan(chains, prior, k, members, natives)
    homes = {i: home for i in fresh if (home := sent.best_home(i, None)) is not None}
    if homes:
        other = _Plan(chains, prior, k, members, natives).place(
            [i for i in fresh if i not in homes], homes, misfits
        )
        if _shortfall(other[0].values()) < _shortfall(best[0].values()):
            best = other
    values, native_of = best
    out: list[Key | None] = [values.get(i) for i in range(n)]
    released = {i: Released(key, native_of[i]) for i, key in values.items()}
    return LocalAnonymization(out, released, k)


def _candidates(chain: Chain, inner: Key | None) -> Iterator[tuple[str | None, ...]]:
    """Every tuple that covers a record of ladder `chain` (`_covers`) or, given `inner`, that
    is also no finer than it (`_no_finer`)."""
    choices: list[tuple[str | None, ...]] = []
    if inner is None:
        choices = [tuple(dict.fromkeys(rungs)) for rungs in chain]
    else:
        for v_in, rungs in zip(inner, chain, strict=True):
            if v_in is None or v_in not in rungs:
                choices.append((None,))
            else:  # this rung and the coarser ones (by first position, as _no_finer compares)
                at = rungs.index(v_in)
                choices.append(
                    (
                        None,
                        *dict.fromkeys(v for v in rungs if v is not None and rungs.index(v) >= at),
                    )
                )
    return product(*choices)


class _Plan:
    """One way of placing the records of an export into classes (see anonymize_local)."""

    def __init__(
        self,
        chains: Sequence[Chain],
        prior: Sequence[Released | None],
        k: int,
        members: Mapping[Key, list[int]],
        natives: Counter[Key],
    ) -> None:
        self.chains, self.prior, self.k = chains, prior, k
        self.members = {key: list(group) for key, group in members.items()}
        self.natives = Counter(natives)
        self._sort()

    def _sort(self) -> None:
        # Best first, so the first class that fits a record is its best home.
        self.standing = sorted(
            (key for key in self.members if self.natives[key] >= self.k),
            key=lambda key: (-tuple_utility(key), -self.natives[key], str(key)),
        )
        self._rank: dict[tuple[str | None, ...], int] = {
            k: at for at, k in enumerate(self.standing)
        }
        self._homes: dict[tuple[Chain, Key | None], Key | None] = {}

    def best_home(self, i: int, inner: Key | None) -> Key | None:
        """The first standing class that covers record i (and, given `inner`, is no finer).

        The same as scanning `standing` in order, but found from the record's side: the few
        tuples that could cover it are looked up, and the answer is kept per ladder until the
        next sort (records with the same values share it)."""
        chain = self.chains[i]
        memo = (chain, inner)
        if memo in self._homes:
            return self._homes[memo]
        rank, first = self._rank, len(self.standing)
        for key in _candidates(chain, inner):
            at = rank.get(key, first)
            if at < first:
                first = at
        home = self.standing[first] if first < len(self.standing) else None
        self._homes[memo] = home
        return home

    def place(
        self, fresh: list[int], homes: Mapping[int, Key], misfits: list[int]
    ) -> tuple[dict[int, Key], dict[int, bool]]:
        k, members, natives, prior = self.k, self.members, self.natives, self.prior
        for i, joined in homes.items():
            members[joined].append(i)
            natives[joined] += 1
        spec = _best_specialization(self.chains, k, natives, fresh)
        values: dict[int, Key] = {**homes, **spec.out}
        native_of: dict[int, bool] = dict.fromkeys(values, True)
        for i, key in spec.out.items():
            members.setdefault(key, []).append(i)
            natives[key] += 1
        for key, group in members.items():
            for i in group:
                before = prior[i]
                if before is not None:
                    values[i], native_of[i] = key, before.native
        self._sort()
        # Fresh records that did not reach a class of their own, or would keep more in an
        # existing class: join the best standing class that covers them (as natives of it).
        for i in fresh:
            current = values.get(i)
            home = self.best_home(i, None)
            if home is None or (
                current is not None and tuple_utility(home) <= tuple_utility(current)
            ):
                continue
            if current is not None:
                if natives[current] - 1 < k and len(members[current]) > 1:
                    continue  # leaving would break the class it is in
                members[current].remove(i)
                natives[current] -= 1
            members.setdefault(home, []).append(i)
            natives[home] += 1
            values[i], native_of[i] = home, True
        # Classes left without k natives (members deleted, or too few fresh records joined),
        # and records whose old tuple no longer fits: move them to a coarser standing class,
        # never to a finer one; where there is none, withhold them from this export.
        for key in [key for key, group in members.items() if group and natives[key] < k]:
            for i in members[key]:
                home = self.best_home(i, key)
                if home is None:
                    values.pop(i, None)
                else:
                    values[i], native_of[i] = home, False
        for i in misfits:
            before = prior[i]
            home = None if before is None else self.best_home(i, before.values)
            if home is not None:
                values[i], native_of[i] = home, False
        return values, native_of


# -- what an attacker sees when joining bundles on pseudonym (used by tests and benchmarks) --


def _span(name: str, value: str) -> tuple[int, int] | frozenset[str]:
    if name == "age_band":
        if value.endswith("+"):
            return int(value[:-1]), 10_000
        low, high = value.split("-")
        return int(low), int(high)
    if name == "intake_year":
        first, _, last = value.partition("-")
        return int(first), int(last or first)
    if name == "gender":
        if value == ANOTHER_GENDER:
            return frozenset(g for g in GENDER_VALUES["exact"] if g not in ("woman", "man"))
        return frozenset({value})
    members = [s for s, group in SETTING_GROUP.items() if group == value]
    return frozenset(members if value in SETTING_VALUES["group"] and members else [value])


def _meet(name: str, a: str | None, b: str | None) -> str | None:
    """The finer of two released values of one record (a marked clash if they disagree)."""
    if a is None or a == b:
        return b
    if b is None:
        return a
    sa, sb = _span(name, a), _span(name, b)
    if isinstance(sa, frozenset) and isinstance(sb, frozenset):
        if sa <= sb:
            return a
        if sb <= sa:
            return b
    elif isinstance(sa, tuple) and isinstance(sb, tuple):
        if sb[0] <= sa[0] and sa[1] <= sb[1]:
            return a
        if sa[0] <= sb[0] and sb[1] <= sa[1]:
            return b
    return f"{min(a, b)}&{max(a, b)}"


def linked_view(bundles: Sequence[Mapping[str, Key]]) -> dict[str, Key]:
    """Each pseudonym's values as seen by someone holding all of `bundles`."""
    view: dict[str, Key] = {}
    for bundle in bundles:
        for pseudonym, values in bundle.items():
            seen = view.get(pseudonym)
            if seen is None:
                view[pseudonym] = values
            else:
                a, g, s, y = (
                    _meet(name, x, z)
                    for name, x, z in zip(QUASI_IDENTIFIERS, seen, values, strict=True)
                )
                view[pseudonym] = (a, g, s, y)
    return view


def smallest_class(values: Iterable[Key]) -> int | None:
    counts = Counter(values)
    return min(counts.values()) if counts else None


def linked_k(bundles: Sequence[Mapping[str, Key]]) -> int | None:
    """The smallest class over every bundle alone and every set of them joined on pseudonym
    (None when all are empty). Tries all 2^n - 1 sets: for tests and benchmarks."""
    best: int | None = None
    for size in range(1, len(bundles) + 1):
        for chosen in combinations(bundles, size):
            smallest = smallest_class(linked_view(chosen).values())
            if smallest is not None and (best is None or smallest < best):
                best = smallest
    return best
