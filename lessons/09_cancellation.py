"""
# Cancellation

`task.cancel()` asks a task to stop. It does not stop it on the spot: the request is delivered
the next time the task runs, as a `CancelledError` raised at the `await` where it is suspended.
The task can clean up in `finally` (or `except CancelledError`) on its way out.

## What you will see

A *movie* download fetches one chunk a second. After 3.5 s `main` calls `movie.cancel()` and
awaits the task. The task wakes up with CancelledError at its `await asyncio.sleep(1)`, prints
from its `except` and `finally` blocks, and ends CANCELLED; awaiting it raises CancelledError in
`main` too. Then a short *song* download finishes before anyone cancels it, and cancelling it
afterwards does nothing.

## Watch

- The cancel-requested mark on *movie* and, one step later, the CancelledError delivered at
  its timer (the timer is cancelled too).
- The inspector's "cancel requests" for the task.

## Takeaway

Cancellation is cooperative: it arrives at an `await`. Always re-raise CancelledError after
cleaning up (a bare `except Exception` does not catch it, which is on purpose).
`task.cancelled()` tells a cancelled task from one that finished or failed; `cancel()` returns
False when the task is already done.

## Try this

Delete the `raise` in the `except asyncio.CancelledError` block. The task swallows the
cancellation, returns normally and `movie.cancelled()` becomes False: the request was ignored.
"""

import asyncio


async def download(name, chunks):
    print(f"{name}: started")
    try:
        for chunk in range(1, chunks + 1):
            await asyncio.sleep(1)
            print(f"{name}: chunk {chunk} of {chunks}")
        return f"{name} complete"
    except asyncio.CancelledError:
        print(f"{name}: CancelledError arrived at the await")
        raise
    finally:
        print(f"{name}: closing the file")


async def main():
    movie = asyncio.create_task(download("movie", 10), name="movie")
    await asyncio.sleep(3.5)
    print("main: cancelling the movie")
    movie.cancel()
    print(f"main: movie.cancelled() right after cancel(): {movie.cancelled()}")
    # checkpoint: delivery
    #   pause: output main: cancelling the movie
    #   ask: `main` has asked the movie task to stop. What is printed next?
    #   check: next-output
    #   choices: movie: CancelledError arrived at the await | movie: closing the file | main: movie.cancelled() right after cancel(): False
    #   answer: main: movie.cancelled() right after cancel(): False
    #   explain: `main` keeps running until its next await, and the request is not yet
    #     delivered: the movie task sees the CancelledError only when it next runs.
    try:
        await movie
    except asyncio.CancelledError:
        print("main: awaiting the movie raised CancelledError")
    print(f"main: movie.cancelled() is now {movie.cancelled()}")

    song = asyncio.create_task(download("song", 1), name="song")
    await asyncio.sleep(1.5)
    print(f"main: song.cancel() returns {song.cancel()}")
    print(f"main: {song.result()}")


# checkpoint: outcomes
#   pause: end
#   ask: How did the song task end?
#   check: outcome song
#   choices: done | cancelled | failed
#   answer: done
#   explain: It had finished before `cancel()` was called, so the request was refused.
asyncio.run(main())
