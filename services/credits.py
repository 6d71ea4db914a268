"""Credits: the balance on ``User.credits``, the credits on hold on ``User.credits_held``, and the append-only
ledger whose ``amount``s always sum to the first and ``held_delta``s to the second.

This module is the only writer of the ledger and of balances (``tests/test_architecture.py`` keeps it so). Every
change is one conditional UPDATE of the balance and the held credits plus its ledger row, in one transaction (the
caller's, when it has one open: a hold commits with its batch, a capture with its image's status). Each entry
carries a unique idempotency key derived from what it is for, so repeating an operation (a retried request, a
re-delivered job) changes nothing:

============  ==========================  ====================================================
operation     key                         effect
============  ==========================  ====================================================
``signup``    ``signup:<user>``           +credits (a new user's starting balance)
``grant``     ``grant:<user>:<key>``      +credits (an administrator's grant)
``reserve``   ``reserve:<batch>``         -credits, +held (the quote of a batch, at submit)
``capture``   ``capture:<image>``         -held (a delivered image is paid from the hold)
``refund``    ``refund:<image>``          +credits, -held (an image not delivered)
============  ==========================  ====================================================

``settle_images`` writes many captures and refunds at once (the worker's group commit): one balance change (an
``UPDATE … RETURNING`` of both columns, which also gives the balance event its held credits) and one insert of all
their entries, inside the transaction that settles the images. ``held``/``held_many`` read the column: they no
longer sum the user's whole ledger.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from models import CreditLedgerEntry, LedgerKind, User
from services.core.errors import Conflict, InsufficientCredits, InvalidInput, NotFound
from services.core.ids import parse_id
from services.core.pagination import Page, paginate
from services.core.text import check_optional_text, check_text
from services.infra import metrics

MAX_GRANT = 1_000_000
MAX_REASON = 500
MAX_GRANT_KEY = 100


async def _apply(
    user_id: uuid.UUID,
    *,
    amount: int,
    kind: LedgerKind,
    idempotency_key: str,
    held_delta: int = 0,
    reference: str | None = None,
    description: str = "",
) -> CreditLedgerEntry:
    """Change a balance by ``amount`` and record it; returns the existing entry when the key was used before.

    A debit that would make the balance negative raises ``InsufficientCredits`` and writes nothing.
    """
    existing = await CreditLedgerEntry.get_or_none(idempotency_key=idempotency_key)
    if existing is not None:
        return existing
    try:
        async with in_transaction():
            query = User.filter(id=user_id)
            if amount < 0:
                query = query.filter(credits__gte=-amount)
            changes: dict[str, Any] = {"credits": F("credits") + amount}
            if held_delta:
                changes["credits_held"] = F("credits_held") + held_delta
            updated = await query.update(**changes)
            if updated == 0:
                user = await User.get_or_none(id=user_id)
                if user is None:
                    raise NotFound("user not found", ["input", "user_id"])
                raise InsufficientCredits(required=-amount, available=user.credits)
            # Our UPDATE holds the row lock (PostgreSQL) or the write lock (SQLite) until commit, so this read
            # sees exactly the balance our change produced.
            balance = (await User.get(id=user_id)).credits
            # Counted as written (a rare rollback of the caller's transaction after this still counts).
            metrics.LEDGER_CREDITS.labels(kind=kind.value.lower()).inc(abs(held_delta) or abs(amount))
            return await CreditLedgerEntry.create(
                user_id=user_id,
                amount=amount,
                held_delta=held_delta,
                kind=kind,
                balance_after=balance,
                reference=reference,
                description=description,
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        # A concurrent call with the same key committed first; ours rolled back whole.
        return await CreditLedgerEntry.get(idempotency_key=idempotency_key)


async def signup(user_id: uuid.UUID, amount: int) -> CreditLedgerEntry:
    """A new user's starting balance (call inside the transaction that creates the user)."""
    return await _apply(
        user_id,
        amount=amount,
        kind=LedgerKind.SIGNUP,
        idempotency_key=f"signup:{user_id}",
        description="signup credits",
    )


async def grant(
    user_ref: uuid.UUID | str, amount: int, *, reason: str = "", idempotency_key: str | None = None
) -> CreditLedgerEntry:
    """An administrator's grant of ``amount`` credits (1..1,000,000) to the user ``user_ref`` (an id as sent)."""
    if not 0 < amount <= MAX_GRANT:
        raise InvalidInput(f"amount must be between 1 and {MAX_GRANT}", ["input", "amount"])
    check_text(reason, ["input", "reason"], max_length=MAX_REASON)
    if check_optional_text(idempotency_key, ["input", "idempotency_key"], max_length=MAX_GRANT_KEY) == "":
        raise InvalidInput(f"idempotencyKey must be 1-{MAX_GRANT_KEY} characters", ["input", "idempotency_key"])
    user_id = user_ref if isinstance(user_ref, uuid.UUID) else parse_id(user_ref)
    if user_id is None:
        raise NotFound("user not found", ["input", "user_id"])
    entry = await _apply(
        user_id,
        amount=amount,
        kind=LedgerKind.GRANT,
        idempotency_key=f"grant:{user_id}:{idempotency_key or uuid.uuid4()}",
        description=reason,
    )
    if entry.amount != amount or entry.description != reason:
        # The key named an earlier grant of something else: answering with that grant would tell the caller their
        # grant happened when it did not.
        raise Conflict(
            f"idempotencyKey was used for another grant ({entry.amount} credits); use a new key",
            ["input", "idempotency_key"],
        )
    return entry


async def reserve(user_id: uuid.UUID, batch_id: uuid.UUID, amount: int, *, images: int) -> CreditLedgerEntry:
    """Hold a batch's whole quote at submit; ``InsufficientCredits`` (and nothing written) when it is not covered.

    Call it inside the transaction that creates the batch, so that the batch and its hold commit together.
    """
    return await _apply(
        user_id,
        amount=-amount,
        held_delta=amount,
        kind=LedgerKind.RESERVE,
        idempotency_key=f"reserve:{batch_id}",
        reference=str(batch_id),
        description=f"hold for {images} image{'' if images == 1 else 's'}",
    )


async def capture(
    user_id: uuid.UUID, image_id: uuid.UUID, amount: int, *, batch_id: uuid.UUID | None, description: str
) -> CreditLedgerEntry:
    """Pay for one delivered image from its batch's hold (inside the transaction that marks it delivered)."""
    return await _apply(
        user_id,
        amount=0,
        held_delta=-amount,
        kind=LedgerKind.CAPTURE,
        idempotency_key=f"capture:{image_id}",
        reference=str(batch_id) if batch_id else None,
        description=description,
    )


async def refund(
    user_id: uuid.UUID, image_id: uuid.UUID, amount: int, *, batch_id: uuid.UUID | None, description: str
) -> CreditLedgerEntry:
    """Return one undelivered image's credits from the hold (inside the transaction that marks it failed)."""
    return await _apply(
        user_id,
        amount=amount,
        held_delta=-amount,
        kind=LedgerKind.REFUND,
        idempotency_key=f"refund:{image_id}",
        reference=str(batch_id) if batch_id else None,
        description=description,
    )


@dataclass(frozen=True, slots=True)
class ImageSettlement:
    """One image's capture (``delivered``) or refund, as ``settle_images`` writes it."""

    image_id: uuid.UUID
    amount: int
    delivered: bool
    description: str


async def settle_images(user_id: uuid.UUID, batch_id: uuid.UUID, settlements: Sequence[ImageSettlement]) -> Balance:
    """Capture the delivered images of a batch and refund the others, all at once; returns the balance and the
    credits on hold after.

    Call it inside the transaction that marks the images settled (their conditional status change is what makes
    each settled once). The entries carry the same keys as ``capture``/``refund``: an image settled before makes
    the insert raise ``IntegrityError``, which rolls the caller's transaction back whole.
    """
    refunded = sum(s.amount for s in settlements if not s.delivered)
    released = sum(s.amount for s in settlements)
    # One statement moves both columns and returns them; its row lock (PostgreSQL: FOR NO KEY UPDATE, which does not
    # deadlock with the foreign-key locks of concurrent ledger inserts; SQLite runs one writing transaction at a
    # time) holds until commit, so our entries follow this balance.
    after = await _move(user_id, credits=refunded, held=-released)
    if after is None:
        raise NotFound("user not found", ["input", "user_id"])
    balance_after, held_after = after
    running = balance_after - refunded
    entries = []
    for settlement in settlements:
        amount = 0 if settlement.delivered else settlement.amount
        running += amount
        kind = LedgerKind.CAPTURE if settlement.delivered else LedgerKind.REFUND
        entries.append(
            CreditLedgerEntry(
                id=uuid.uuid4(),
                user_id=user_id,
                amount=amount,
                held_delta=-settlement.amount,
                kind=kind,
                balance_after=running,
                reference=str(batch_id),
                description=settlement.description,
                idempotency_key=f"{kind.value.lower()}:{settlement.image_id}",
            )
        )
        metrics.LEDGER_CREDITS.labels(kind=kind.value.lower()).inc(settlement.amount)
    await CreditLedgerEntry.bulk_create(entries)
    return Balance(balance_after, held_after)


@dataclass(frozen=True, slots=True)
class Balance:
    """A user's spendable and held credits, as one statement read them together."""

    balance: int
    held: int


async def _move(user_id: uuid.UUID, *, credits: int, held: int) -> tuple[int, int] | None:
    """``credits += credits, credits_held += held`` for the user in one ``UPDATE … RETURNING`` (PostgreSQL, and
    SQLite 3.35+); the columns after, or None for an unknown user."""
    meta = User._meta
    db = meta.db
    params = ("$1", "$2", "$3") if db.capabilities.dialect == "postgres" else ("?", "?", "?")
    table = meta.db_table
    sql = (
        f'UPDATE "{table}" SET "credits"="credits"+{params[0]},"credits_held"="credits_held"+{params[1]} '  # noqa: S608
        f'WHERE "id"={params[2]} RETURNING "credits","credits_held"'
    )
    # execute_query_dict: Tortoise's asyncpg client drops the rows of an UPDATE run through execute_query.
    rows = await db.execute_query_dict(sql, [credits, held, meta.pk.to_db_value(user_id, User)])
    if not rows:
        return None
    row = rows[0]
    return int(row["credits"]), int(row["credits_held"])


async def balance(user_id: uuid.UUID) -> int | None:
    """The spendable balance, or None for an unknown user (one column read)."""
    values: list[Any] = await User.filter(id=user_id).values_list("credits", flat=True)
    return int(values[0]) if values else None


async def require(user_id: uuid.UUID, amount: int) -> None:
    """``InsufficientCredits`` unless the balance covers ``amount`` now (a check before costly work; holds nothing)."""
    available = await balance(user_id) or 0
    if available < amount:
        raise InsufficientCredits(required=amount, available=available)


async def ledger_sum(user_id: uuid.UUID) -> int:
    """The sum of a user's ledger amounts (equals their balance; used by checks and tests)."""
    amounts: list[Any] = await CreditLedgerEntry.filter(user_id=user_id).values_list("amount", flat=True)
    return sum(int(a) for a in amounts)


async def ledger_page(user_id: uuid.UUID, *, first: int, after: str | None) -> Page[CreditLedgerEntry]:
    """The user's ledger, newest first."""
    return await paginate(CreditLedgerEntry.filter(user_id=user_id), first=first, after=after)


async def held(user_id: uuid.UUID) -> int:
    """Credits the user has on hold (reserved, neither captured nor refunded yet)."""
    return (await held_many([user_id]))[user_id]


async def held_many(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Credits on hold per user (``User.credits_held``, kept with every ledger entry), in one statement (a
    DataLoader's fetch); 0 for an unknown user."""
    found = dict.fromkeys(user_ids, 0)
    if user_ids:
        rows: list[Any] = await User.filter(id__in=list(found)).values_list("id", "credits_held")
        for ident, total in rows:
            found[ident] = int(total)
    return found


async def balance_and_held(user_id: uuid.UUID) -> Balance | None:
    """The spendable balance and the credits on hold together (one row read), or None for an unknown user."""
    rows: list[Any] = await User.filter(id=user_id).values_list("credits", "credits_held")
    return Balance(int(rows[0][0]), int(rows[0][1])) if rows else None


async def ledger_held_sum(user_id: uuid.UUID) -> int:
    """The sum of a user's ledger ``held_delta`` (equals ``credits_held``; used by checks and tests)."""
    rows: list[Any] = (
        await CreditLedgerEntry.filter(user_id=user_id)
        .annotate(total=Sum("held_delta"))
        .group_by("user_id")
        .values_list("total", flat=True)
    )
    return int(rows[0] or 0) if rows else 0
