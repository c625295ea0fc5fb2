"""
# Locks

Four people deposit 10 into one shared account. Each deposit reads the balance, talks to the
bank's server for a moment (an `await`), then writes the new balance. First without a lock,
then with an `asyncio.Lock` around the read-modify-write.

## What you will see

Without the lock, all four read the balance 0 before anyone writes: the `await` in the middle
lets the others in. Every one of them writes 10, and three deposits are lost. With the lock,
the first task enters the `async with lock` block and the three others queue up on the lock
(WAITING, with arrows to the lock icon). Each release hands the lock to the next waiter in the
order they arrived, and the balance ends at 40.

## Watch

- The lock icon: its owner, and the FIFO line of waiters behind it.
- The timeline: four overlapping lanes in the first round, four lanes taking turns in the
  second.

## Takeaway

In asyncio, code between two `await`s runs without interruption, but anything spanning an
`await` can interleave with other tasks. When a read and its write are separated by an
`await`, protect them with a Lock. Waiters get the lock first come, first served.

## Try this

Move the `await asyncio.sleep(...)` in `deposit_unsafely` below the line that writes the
balance. There is no await between read and write any more, and the balance is right without
a lock.
"""

import asyncio

PEOPLE = ["ann", "bob", "cid", "dee"]


async def deposit_unsafely(account, who, amount, delay):
    seen = account["balance"]
    await asyncio.sleep(delay)  # talking to the bank's server
    account["balance"] = seen + amount
    print(f"{who}: read {seen}, wrote {seen + amount}")


async def deposit_safely(account, lock, who, amount):
    async with lock:
        print(f"{who}: has the lock")
        seen = account["balance"]
        await asyncio.sleep(1)  # talking to the bank's server
        account["balance"] = seen + amount
        print(f"{who}: read {seen}, wrote {seen + amount}")


async def main():
    account = {"balance": 0}
    await asyncio.gather(
        *(deposit_unsafely(account, who, 10, 0.5 + 0.1 * n) for n, who in enumerate(PEOPLE))
    )
    print(f"without a lock: balance {account['balance']} (expected 40)")

    account = {"balance": 0}
    lock = asyncio.Lock()
    await asyncio.gather(
        *(
            asyncio.create_task(deposit_safely(account, lock, who, 10), name=who)
            for who in PEOPLE
        )
    )
    print(f"with a lock: balance {account['balance']}")


# checkpoint: queue-at-the-lock
#   pause: time 1.3
#   ask: ann holds the lock. How many tasks are waiting on it?
#   check: waiting lock
#   answer: 3
#   explain: bob, cid and dee each reached `async with lock` and queued up behind ann.
#
# checkpoint: hand-off-order
#   pause: time 1.3
#   ask: In which order do the others get the lock?
#   check: output-order
#   choices: dee: has the lock | bob: has the lock | cid: has the lock
#   answer: bob: has the lock | cid: has the lock | dee: has the lock
#   explain: A lock wakes its waiters in the order they started waiting.
asyncio.run(main())
