// How numbers read in the UI.
.pragma library

// "1 timer", "8 timers".
function count(n, one, many) {
    return n + " " + (n === 1 ? one : many)
}

// Loop time and durations, to the millisecond: "0.500 s".
function seconds(value) {
    return value.toFixed(3) + " s"
}

// How an iteration came to have work, in the order it gathers it: what the previous iteration
// left ready, then the poll (a clock jump), then timers falling due.
function iterationWork(readyAtStart, clockJumpSeconds, timersDue) {
    const parts = []
    if (readyAtStart > 0)
        parts.push(count(readyAtStart, "callback", "callbacks") + " already ready")
    if (clockJumpSeconds > 0)
        parts.push("clock jumped " + seconds(clockJumpSeconds))
    if (timersDue > 0)
        parts.push(count(timersDue, "timer", "timers") + " fell due")
    return parts.length > 0 ? parts.join(" · ") : "nothing to do"
}
