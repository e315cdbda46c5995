#!/bin/sh
# Soak test: the demo's traffic through the whole service (simulator → IVR → ACD → pops → SQLite)
# at 20 calls/s for 10 minutes; prints RSS start/end/peak and lost events (must be 0; exit 1 otherwise).
# Extra arguments go to `ctibridge-bench soak` (e.g. --duration 60 for a short run).
# SCRATCH selects the build folder (default .build).
set -eu
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH:-.build}"
swift build -c release --scratch-path "$SCRATCH" --product ctibridge-bench
exec "$SCRATCH/release/ctibridge-bench" soak --calls-per-second 20 --duration 600 "$@"
