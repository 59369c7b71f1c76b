"""What a write changed, so that every view showing it can refresh (the Anki OpChanges idea).

A write hands back a `Changes` beside its result: which kinds of records changed and, when
known, for which clients. The front-end broadcasts it (the window's `Database.changed`) and
each view decides from it whether what it shows is stale: the Clients list refreshes after a
name edit or a new BARC-10, Today after anything that moves a reminder, the resources page
after the RCO's directory is merged. Views never poll and writes never know the views.

    Changes.of(Kind.CLIENT, client=7) | Changes.of(Kind.BARC10, client=7)
    changes.touches(Kind.CLIENT, Kind.BARC10)      -> True
    changes.touches_client(7)                      -> True (also when no client was named)

Qt-free; immutable values, safe to pass between threads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    CLIENT = "client"  # names, status, setting, contacts: what the Clients list shows
    CONSENT = "consent"
    PLAN = "plan"
    NOTE = "note"
    BARC10 = "barc10"
    OUTCOME = "outcome"
    REFERRAL = "referral"
    RESOURCE = "resource"  # the resource directory (local entries or the RCO's merge)
    OUTBOX = "outbox"  # sealed exports and their send states
    AUDIT = "audit"


@dataclass(frozen=True, slots=True)
class Changes:
    kinds: frozenset[Kind] = frozenset()
    clients: frozenset[int] = frozenset()  # empty: not about particular clients, or unknown

    @classmethod
    def of(cls, *kinds: Kind, client: int | None = None, clients: Iterable[int] = ()) -> Changes:
        ids = set(clients)
        if client is not None:
            ids.add(client)
        return cls(frozenset(kinds), frozenset(ids))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.clients | other.clients)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, *kinds: Kind) -> bool:
        """Whether any of these kinds changed."""
        return not self.kinds.isdisjoint(kinds)

    def touches_client(self, client_id: int | None) -> bool:
        """Whether this client may be affected (True when the change names no client)."""
        return bool(self.kinds) and (not self.clients or client_id in self.clients)


NOTHING = Changes()

# What each kind of screen shows, so the views agree on when they are stale.
CLIENT_LIST = (Kind.CLIENT, Kind.BARC10)  # name, preferred name, status, setting, BARC-10
REMINDERS = (Kind.CLIENT, Kind.PLAN, Kind.NOTE, Kind.BARC10, Kind.OUTCOME, Kind.REFERRAL)
RESOURCES = (Kind.RESOURCE,)
