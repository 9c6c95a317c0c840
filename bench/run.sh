#!/usr/bin/env bash
# The migstatus benchmark: run it after `mvn package`, from anywhere.
#
#   bench/run.sh            # about four minutes on 2 cores
#   RUNS=3 bench/run.sh     # fewer repetitions of each timed command (default 7)
#
# It generates DocSpace status documents with 1k, 10k and 100k users (bench/Generate.java),
# serves them on 127.0.0.1 (bench/Serve.java: HTTP/1.1, keep-alive, gzip when asked) and prints:
#   1. per size: median wall time of `migstatus --once -o json`, of `--once` in text, and of
#      `curl -s URL | jq -c .response`, their ratio, and migstatus's peak RSS (GNU time's %M,
#      i.e. the JVM's VmHWM);
#   2. start-up: median wall time of a bare `java -cp DIR Hello`, `bin/migstatus --version` and
#      `bin/migstatus --once` against a tiny status, and their ratios to Hello, same run;
#   3. steady state: a watch of 600 polls at --interval 100ms against a 10k-user status (the same
#      answer each time, then a completed one), RSS and CPU sampled from /proc/PID every second;
#      and 300 polls where every answer differs (the progress changes), to show a full parse.
# The JVM is the one bin/migstatus uses: $JAVA_HOME, else java on the PATH.
set -euo pipefail

home=$(cd "$(dirname "$0")/.." && pwd)
cd "$home"
runs=${RUNS:-7}
key=sk-benchmark0000
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; javac=$JAVA_HOME/bin/javac; else java=java; javac=javac; fi
if [ ! -f target/migstatus.jar ]; then
    echo "bench: run 'mvn package' first (target/migstatus.jar is missing)" >&2
    exit 2
fi
have() { command -v "$1" >/dev/null 2>&1; }
gnutime=
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then gnutime=/usr/bin/time; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/migstatus-bench.XXXXXX")
server=
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

now_us() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { awk -v us="$1" 'BEGIN {printf "%d", us / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}'; }

# measure ONE: runs the command in "$@" once; sets LAST_WALL (µs) and LAST_RSS (KB, or 0).
measure() {
    local t0 t1
    t0=$(now_us)
    if [ -n "$gnutime" ]; then
        "$gnutime" -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/stderr" || true
        LAST_RSS=$(tail -n 1 "$work/rss")
    else
        "$@" >/dev/null 2>"$work/stderr" || true
        LAST_RSS=0
    fi
    t1=$(now_us)
    LAST_WALL=$((t1 - t0))
}

# side_by_side ROUNDS CMD...: each command (a string for sh -c) once per round, in turn, so that
# whatever else the machine does weighs on all alike. Sets WALLS[i] (median, µs), RSSES[i] (max, MB).
side_by_side() {
    local rounds=$1 i k
    shift
    local -a all
    WALLS=() RSSES=()
    for ((k = 0; k < $#; k++)); do all[k]="" RSSES[k]=0; done
    for ((i = 0; i < rounds; i++)); do
        k=0
        for cmd in "$@"; do
            measure sh -c "$cmd"
            all[k]="${all[k]} $LAST_WALL"
            if [ "$((LAST_RSS / 1024))" -gt "${RSSES[k]}" ]; then RSSES[k]=$((LAST_RSS / 1024)); fi
            k=$((k + 1))
        done
    done
    for ((k = 0; k < $#; k++)); do
        # shellcheck disable=SC2086
        WALLS[k]=$(median ${all[k]})
    done
}

echo "== machine"
echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) cores)"
echo "java:   $("$java" -version 2>&1 | head -n 1) ($(command -v "$java" || echo "$java"))"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (1, 5, 15 min, before the run)"
echo "runs:   $runs per timed command, medians shown"
[ -n "$gnutime" ] || echo "note:   GNU time (/usr/bin/time) not found: peak RSS is not measured"

echo
echo "== generating documents"
mkdir -p "$work/docs" "$work/hello"
for n in 1000 10000 100000; do
    "$java" bench/Generate.java "$n" "$work/docs/$((n / 1000))k.json" completed
done
"$java" bench/Generate.java 10000 "$work/docs/steady-10k.json" running
cp "$work/docs/10k.json" "$work/docs/steady-10k.done.json"
cp "$work/docs/steady-10k.json" "$work/docs/changing-10k.json"
cp "$work/docs/10k.json" "$work/docs/changing-10k.done.json"
printf '%s' '{"response":{"progress":42,"error":"","isCompleted":false,"parseResult":{"migratorName":"Nextcloud","operation":"migration","users":[]}},"count":1,"links":[],"status":0,"statusCode":200}' > "$work/docs/tiny.json"
ls -l "$work/docs" | awk 'NR > 1 {printf "  %-26s %6.1f MB\n", $9, $5 / 1e6}'
"$javac" -d "$work/hello" bench/Hello.java

"$java" -Xmx1g bench/Serve.java "$work/docs" steady-10k=600 changing-10k=300 > "$work/port" 2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n 1 "$work/port")
base=http://127.0.0.1:$port
echo "server: $base (pid $server)"

echo
echo "== 1. parse and render, --once against 127.0.0.1 (median of $runs, side by side)"
comparison=yes
if ! have curl || ! have jq; then
    comparison=
    echo "note: curl or jq is missing: the curl | jq comparison is skipped"
fi
printf '%-6s %8s | %12s %12s | %12s %7s | %9s\n' users "doc MB" "json (ms)" "text (ms)" "curl|jq (ms)" ratio "peak RSS"
for size in 1k 10k 100k; do
    doc_mb=$(awk -v b="$(wc -c < "$work/docs/$size.json")" 'BEGIN {printf "%.1f", b / 1e6}')
    json="bin/migstatus --host '$base/$size' --key $key --once -o json"
    text="bin/migstatus --host '$base/$size' --key $key --once"
    if [ -n "$comparison" ]; then
        side_by_side "$runs" "$json" "$text" "curl -s '$base/$size/api/2.0/migration/status' | jq -c .response"
        cj=$(ms "${WALLS[2]}") r=$(ratio "${WALLS[0]}" "${WALLS[2]}")
    else
        side_by_side "$runs" "$json" "$text"
        cj=skipped r=-
    fi
    rss=${RSSES[0]}; if [ "${RSSES[1]}" -gt "$rss" ]; then rss=${RSSES[1]}; fi
    if [ -z "$gnutime" ]; then rss=-; fi
    printf '%-6s %8s | %12s %12s | %12s %7s | %6s MB\n' "$size" "$doc_mb" "$(ms "${WALLS[0]}")" "$(ms "${WALLS[1]}")" "$cj" "$r" "$rss"
done
echo "(ratio = json / curl|jq: below 1 means migstatus read, summarised and re-wrote the whole"
echo " document faster than curl and jq only extracted it)"

echo
echo "== 2. start-up (median of $((runs * 2)), side by side; ratios to the bare JVM in this run)"
side_by_side $((runs * 2)) "'$java' -cp '$work/hello' Hello" "bin/migstatus --version" \
    "bin/migstatus --host '$base/tiny' --key $key --once"
printf '%-44s %6s ms\n' "java -cp DIR Hello" "$(ms "${WALLS[0]}")"
printf '%-44s %6s ms  %5sx\n' "bin/migstatus --version" "$(ms "${WALLS[1]}")" "$(ratio "${WALLS[1]}" "${WALLS[0]}")"
printf '%-44s %6s ms  %5sx\n' "bin/migstatus --once (loopback, tiny status)" "$(ms "${WALLS[2]}")" "$(ratio "${WALLS[2]}" "${WALLS[0]}")"

count() {
    local reply
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /_count/%s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
    reply=$(cat <&3)
    exec 3<&-
    reply=${reply##*$'\n'}
    echo "${reply//[!0-9]/}"
}

# steady NAME POLLS: a watch at 100 ms until the server turns NAME completed after POLLS answers.
steady() {
    local name=$1 polls=$2 tick pid t0 now rss cpu n
    tick=$(getconf CLK_TCK 2>/dev/null || echo 100)
    bin/migstatus --host "$base/$name" --key "$key" --interval 100ms > "$work/$name.out" 2>&1 &
    pid=$!
    t0=$(now_us)
    : > "$work/$name.samples"
    while kill -0 "$pid" 2>/dev/null; do
        rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
        n=$(count "$name")
        now=$(now_us)
        if [ -n "$rss" ] && [ -n "$cpu" ]; then
            echo "$(( (now - t0) / 1000000 )) $n $rss $cpu" >> "$work/$name.samples"
        fi
        sleep 1
    done
    wait "$pid" || true
    # Warm-up: the first 100 polls. Then: RSS at its end, highest and last; CPU per poll after it.
    awk -v tick="$tick" -v total="$polls" -v name="$name" '
        $2 >= 100 && !w {w = 1; wt = $1; wn = $2; wr = $3; wc = $4; hi = $3}
        w {if ($3 > hi) hi = $3; lt = $1; ln = $2; lr = $3; lc = $4}
        END {
            if (!w || ln <= wn) {print name ": too few samples"; exit}
            printf "%-13s %5d polls in %3ds | RSS after warm-up %4d MB, highest %4d MB, last %4d MB | CPU %5.1f ms per poll\n",
                name, total, lt, wr / 1024, hi / 1024, lr / 1024, (lc - wc) * 1000 / tick / (ln - wn)
        }' "$work/$name.samples"
}

echo
echo "== 3. steady state: --interval 100ms against a 10k-user status (RSS and CPU from /proc/PID/{status,stat}, every second)"
steady steady-10k 600
steady changing-10k 300
echo "(steady-10k: the same answer each time, as while progress sits still; changing-10k: every"
echo " answer differs, so each one is parsed in full)"
