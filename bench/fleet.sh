#!/usr/bin/env bash
# The fleet benchmark (issue 14): one migstatus watching PORTALS simulated portals at --interval 2s.
# Run it after `mvn package`, on a quiet machine (it prints `uptime` first: note the load with the figures).
#
#   bench/fleet.sh                 # 1,000 portals, about 2.5 minutes
#   PORTALS=200 bench/fleet.sh     # fewer
#
# `migstatus simulate --portals N` serves the portals at /p1 … /pN on one port, each playing the
# clean scenario stretched 10× (about 130 s: a parse, then a migration); its request log (one line
# per request, per portal, in milliseconds) is where the poll intervals are measured, on the server's
# side. The watch runs as bin/migstatus runs it (target/dist/bin/migstatus), with its plain CI lines
# going to /dev/null. Printed:
#   - every gap between two polls of one portal: how many lie within ±10 % of 2 s, min, median, p99, max;
#   - the watch's CPU time over its wall time (1.00 = one core), peak RSS (GNU time's %M) and minor
#     page faults (%R), and the most threads it had at once (sampled from /proc every second).
set -euo pipefail

home=$(cd "$(dirname "$0")/.." && pwd)
cd "$home"
portals=${PORTALS:-1000}
interval_ms=2000
key=sk-fleet-bench-0000
launcher=target/dist/bin/migstatus
if [ ! -x "$launcher" ]; then
    echo "bench: run 'mvn package' first ($launcher is missing)" >&2
    exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
gnutime=/usr/bin/time
if ! "$gnutime" -f %M -o /dev/null true 2>/dev/null; then
    echo "bench: needs GNU time at /usr/bin/time (apt-get install time)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/migstatus-fleet.XXXXXX")
sim=
cleanup() {
    if [ -n "$sim" ]; then kill "$sim" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores; $(uptime)"

# The clean scenario, ten times slower: a long enough run at a steady 2 s.
"$java" -jar target/migstatus.jar simulate --print-scenario \
    | awk '{ if (match($0, /"at": "[0-9.]+s"/)) { v = substr($0, RSTART + 7, RLENGTH - 9) * 10; sub(/"at": "[0-9.]+s"/, "\"at\": \"" v "s\"") } print }' \
    > "$work/scenario.json"

port=$(( 20000 + RANDOM % 20000 ))
"$java" -jar target/migstatus.jar simulate --portals "$portals" --scenario "$work/scenario.json" --port "$port" --key "$key" \
    > "$work/sim.out" 2> "$work/sim.log" &
sim=$!
for _ in $(seq 1 100); do
    grep -q "Simulated DocSpace portals" "$work/sim.out" 2>/dev/null && break
    sleep 0.1
done
seq -f "http://127.0.0.1:$port/p%.0f" "$portals" > "$work/portals.txt"

"$gnutime" -f '%e %M %R %U %S' -o "$work/time" \
    "$launcher" --portals "$work/portals.txt" --key "$key" --until migrated --interval 2s --timeout 10m \
    > /dev/null 2> "$work/watch.err" &
watch=$!
threads=0
while kill -0 "$watch" 2>/dev/null; do
    pid=$(pgrep -P "$watch" java || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
        t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        if [ "${t:-0}" -gt "$threads" ]; then threads=$t; fi
    fi
    sleep 1
done
wait "$watch" && code=0 || code=$?
read -r wall rss faults user sys < "$work/time"

echo "watch: $portals portals at --interval 2s, exit code $code"
awk '
    match($0, /^\[ *[0-9.]+s\]/) {
        t = substr($0, RSTART + 1, RLENGTH - 3) + 0
        if (!match($0, / \/p[0-9]+\/api\/2\.0\/migration\/status /)) next
        p = substr($0, RSTART + 2, RLENGTH - 2); sub(/\/.*/, "", p)
        if (p in last) print int((t - last[p]) * 1000 + 0.5)
        last[p] = t
    }' "$work/sim.log" | sort -n > "$work/gaps"
# A gap under half the interval is the full poll a watch sends at once when a lean one shows a new phase
# (docs/performance.md, lean polls): counted apart, not as an interval.
awk -v interval="$interval_ms" '
    $1 < interval / 2 { refetch++; next }
    { gaps[++n] = $1; if ($1 >= interval * 0.9 && $1 <= interval * 1.1) within++ }
    END {
        if (n == 0) { print "no gaps measured"; exit }
        printf "poll gaps: %d, within ±10%% of %d ms: %d (%.2f%%); min %d ms, median %d, p99 %d, max %d; %d immediate full re-polls\n",
            n, interval, within, 100 * within / n, gaps[1], gaps[int(n / 2) + 1], gaps[int(n * 0.99)], gaps[n], refetch
    }' "$work/gaps"
awk -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v f="$faults" -v th="$threads" 'BEGIN {
    printf "CPU %.1f s user + %.1f s sys over %.1f s wall = %.2f cores; peak RSS %d MB; minor faults %d; threads at most %d\n",
        u, s, w, (u + s) / w, m / 1024, f, th }'

# The exporter on the same portals for a minute, at the same 2 s: lean polls, a whole answer at least once a minute.
: > "$work/sim.log"
eport=$(( port + 1 ))
"$gnutime" -f '%e %M %R %U %S' -o "$work/etime" \
    "$launcher" exporter --portals "$work/portals.txt" --key "$key" --interval 2s --listen "127.0.0.1:$eport" \
    > /dev/null 2> "$work/exporter.err" &
exporter=$!
ethreads=0
for _ in $(seq 1 60); do
    sleep 1
    pid=$(pgrep -P "$exporter" java || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
        t=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        if [ "${t:-0}" -gt "$ethreads" ]; then ethreads=$t; fi
    fi
done
scrape=$(curl -s "http://127.0.0.1:$eport/metrics" | grep -c '^docspace_migration_up{' || true)
kill -TERM "$(pgrep -P "$exporter" java)" 2>/dev/null || true
wait "$exporter" || true
read -r wall rss faults user sys < "$work/etime"
polls=$(grep -c '/migration/status' "$work/sim.log" || true)
awk -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" -v f="$faults" -v th="$ethreads" -v p="$polls" -v n="$scrape" 'BEGIN {
    printf "exporter: %d portals on /metrics; %d polls in %.1f s (%.0f/s); CPU %.2f cores; peak RSS %d MB; minor faults %d; threads at most %d\n",
        n, p, w, p / w, (u + s) / w, m / 1024, f, th }'
