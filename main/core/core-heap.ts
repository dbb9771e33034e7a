/**
 * The core worker's young generation (V8's new space) in MB; it is three semi-spaces, so 96 is node's
 * --max-semi-space-size=32. A dashboard recompute allocates ~100k short-lived objects that a bigger young
 * generation collects less often (cold recompute ~400 ms here against ~520 ms with V8's default 48 MB),
 * but a big import keeps what it reads alive, and the young generation grows to its limit copying it:
 * with 192 MB a 100k-row import peaked at 529–537 MB of RSS against 461–468 MB with 96 (issue #5's limit
 * is 500). Benchmarks that stand for the app run with this same limit: tests/bench/core-worker-launch.ts,
 * or node --max-semi-space-size=32.
 */
export const CORE_YOUNG_GENERATION_MB = 96;
