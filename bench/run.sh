#!/usr/bin/env bash
# The migstatus benchmark: run it after `mvn -B package`, from anywhere, on a quiet machine.
#
#   bench/run.sh                 # about eight minutes on 2 cores, one JDK
#   RUNS=3 bench/run.sh          # fewer repetitions of each timed command (default 7)
#   JDKS="/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64" bench/run.sh
#                                # sections 1, 2 and 4 once per JDK (about six minutes more for each)
#
# It runs the launcher of the release archive (target/dist/bin/migstatus, JAVA_HOME chooses the
# JDK) against documents it generates (bench/Generate.java: 1k, 10k, 100k users) and serves on
# 127.0.0.1 (bench/Serve.java: HTTP/1.1, keep-alive, gzip when asked). Each figure comes with the
# median minor page faults (GNU time's %R) and, where it matters, the CPU time, because what a
# fault costs differs from machine to machine (section 0 measures it here) and a busy machine
# stretches wall times. Commands compared are run side by side, round by round.
#   0. the machine: CPU, memory, load, transparent huge pages, the CPU cost of a minor page fault;
#   1. parse and render, --once against 1k/10k/100k users: -o json, text, and curl -s | jq -c .response;
#   2. start-up: a bare `java -cp DIR Hello`, --version, --once against a small status, each with the
#      class-data archive the launcher made on its first run (timed first, per JDK) and without;
#   3. lean polls: bytes on the wire per poll while a 10k and a 100k-user parse runs, against a
#      server that honours ?fields= (DocSpace 3.2.1+) and one that ignores it, and the CPU a poll costs;
#   4. steady state, 10k users at --interval 100ms: the same answer 600 times, then every answer
#      different 300 times; RSS and CPU sampled from /proc every second.
# The fleet's figures (1,000 portals) come from bench/fleet.sh.
set -euo pipefail

home=$(cd "$(dirname "$0")/.." && pwd)
cd "$home"
runs=${RUNS:-7}
key=sk-benchmark0000
launcher=$home/target/dist/bin/migstatus
if [ ! -x "$launcher" ] || [ ! -f "$home/target/dist/lib/migstatus.jar" ]; then
    echo "bench: run 'mvn -B package' first ($launcher is missing)" >&2
    exit 2
fi
if [ -n "${JAVA_HOME:-}" ]; then default_jdk=$JAVA_HOME; else default_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")"); fi
read -r -a jdks <<< "${JDKS:-$default_jdk}"
have() { command -v "$1" >/dev/null 2>&1; }
if ! [ -x /usr/bin/time ] || ! /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    echo "bench: GNU time (/usr/bin/time) is needed for RSS and page faults (Debian: apt-get install time)" >&2
    exit 2
fi

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

# measure CMD: runs sh -c CMD once; sets LAST_WALL (us), LAST_RSS (KB), LAST_FAULTS, LAST_CPU (ms).
measure() {
    local t0 t1
    t0=$(now_us)
    /usr/bin/time -f '%M %R %U %S' -o "$work/time" sh -c "$1" >/dev/null 2>"$work/stderr" || true
    t1=$(now_us)
    LAST_WALL=$((t1 - t0))
    read -r LAST_RSS LAST_FAULTS user sys < <(tail -n 1 "$work/time")
    LAST_CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
}

# side_by_side ROUNDS CMD...: each command once per round, in turn, so that whatever else the
# machine does weighs on all alike. Sets WALLS[i] (median, us), CPUS[i] (median, ms),
# FAULTS[i] (median) and RSSES[i] (highest, MB).
side_by_side() {
    local rounds=$1 i k
    shift
    local -a all_wall all_cpu all_faults
    WALLS=() CPUS=() FAULTS=() RSSES=()
    for ((k = 0; k < $#; k++)); do all_wall[k]="" all_cpu[k]="" all_faults[k]="" RSSES[k]=0; done
    for ((i = 0; i < rounds; i++)); do
        k=0
        for cmd in "$@"; do
            measure "$cmd"
            all_wall[k]="${all_wall[k]} $LAST_WALL"
            all_cpu[k]="${all_cpu[k]} $LAST_CPU"
            all_faults[k]="${all_faults[k]} $LAST_FAULTS"
            if [ "$((LAST_RSS / 1024))" -gt "${RSSES[k]}" ]; then RSSES[k]=$((LAST_RSS / 1024)); fi
            k=$((k + 1))
        done
    done
    for ((k = 0; k < $#; k++)); do
        # shellcheck disable=SC2086
        WALLS[k]=$(median ${all_wall[k]}) CPUS[k]=$(median ${all_cpu[k]}) FAULTS[k]=$(median ${all_faults[k]})
    done
}

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null; }

echo "== 0. machine"
echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //') ($(nproc) cores), $(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB"}')"
echo "load:    $(load) (1, 5, 15 min, before the run)"
echo "THP:     $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
echo "faults:  $("${jdks[0]}/bin/java" -Xms16m -Xmx512m -XX:+UseSerialGC bench/PageFaults.java)"
for jdk in "${jdks[@]}"; do echo "java:    $("$jdk/bin/java" -version 2>&1 | head -n 1) ($jdk)"; done
echo "runs:    $runs per timed command, medians shown; peak RSS is the highest"

mkdir -p "$work/docs" "$work/hello"
for n in 1000 10000 100000; do
    "${jdks[0]}/bin/java" bench/Generate.java "$n" "$work/docs/$((n / 1000))k.json" completed
done
"${jdks[0]}/bin/java" bench/Generate.java 10000 "$work/docs/steady-10k.json" running
cp "$work/docs/10k.json" "$work/docs/steady-10k.done.json"
cp "$work/docs/steady-10k.json" "$work/docs/changing-10k.json"
cp "$work/docs/10k.json" "$work/docs/changing-10k.done.json"
for size in 10k 100k; do
    # The same running parse served twice: one name honours ?fields=, the other ignores it.
    "${jdks[0]}/bin/java" bench/Generate.java "${size%k}000" "$work/docs/fields-$size.json" running
    cp "$work/docs/$size.json" "$work/docs/fields-$size.done.json"
    cp "$work/docs/fields-$size.json" "$work/docs/full-$size.json"
    cp "$work/docs/$size.json" "$work/docs/full-$size.done.json"
done
printf '%s' '{"response":{"progress":42,"error":"","isCompleted":false,"parseResult":{"migratorName":"Nextcloud","operation":"migration","users":[]}},"count":1,"links":[],"status":0,"statusCode":200}' > "$work/docs/tiny.json"
"${jdks[0]}/bin/javac" -d "$work/hello" bench/Hello.java

# Each watch of sections 3 and 4 ends when the server turns its name completed after that many answers,
# so each JDK's run starts a fresh server. Sets server, port and base.
start_server() {
    : > "$work/port"
    "${jdks[0]}/bin/java" -Xmx1g bench/Serve.java "$work/docs" steady-10k=600 changing-10k=300 fields-10k=60 full-10k=60 \
        fields-100k=30 full-100k=30 > "$work/port" 2>"$work/server.log" &
    server=$!
    for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
    port=$(head -n 1 "$work/port")
    base=http://127.0.0.1:$port
}
start_server
echo "server:  $base (pid $server)"

stats() {
    local reply
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /_stats/%s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
    reply=$(cat <&3)
    exec 3<&-
    echo "${reply##*$'\n'}"
}

# steady JDK NAME POLLS: a watch at 100 ms until the server turns NAME completed after POLLS answers.
steady() {
    local jdk=$1 name=$2 polls=$3 tick pid t0 now rss cpu n
    tick=$(getconf CLK_TCK 2>/dev/null || echo 100)
    JAVA_HOME=$jdk "$launcher" --host "$base/$name" --key "$key" --interval 100ms > "$work/$name.out" 2>&1 &
    pid=$!
    t0=$(now_us)
    : > "$work/$name.samples"
    # The JVM is the launcher's child, then the launcher itself (exec).
    while kill -0 "$pid" 2>/dev/null; do
        rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
        cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
        n=$(stats "$name" | cut -d' ' -f1)
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
            if (!w || ln <= wn) {print "  " name ": too few samples"; exit}
            printf "  %-13s %4d polls in %3ds | RSS after warm-up %4d MB, highest %4d MB, last %4d MB | CPU %5.1f ms per poll\n",
                name, total, lt, wr / 1024, hi / 1024, lr / 1024, (lc - wc) * 1000 / tick / (ln - wn)
        }' "$work/$name.samples"
}

comparison=yes
if ! have curl || ! have jq; then
    comparison=
    echo "note:    curl or jq is missing: the curl | jq comparison is skipped"
fi

lib=$home/target/dist/lib
for jdk in "${jdks[@]}"; do
    run="JAVA_HOME='$jdk' '$launcher'"
    # The launcher makes its class-data archive on the first run for each Java: here, not inside a timing.
    rm -f "$lib/migstatus.jsa" "$lib/migstatus.jsa.java"
    measure "$run --version"
    echo
    echo "== $(basename "$jdk"): the first run made the class-data archive: $(ms "$LAST_WALL") ms, $LAST_CPU ms CPU," \
        "$(($(wc -c < "$lib/migstatus.jsa") / 1048576)) MB"
    echo "== 1. parse and render, --once against 127.0.0.1 ($(basename "$jdk"); medians of $runs, side by side; load $(load))"
    printf '%-5s %6s | %-26s | %-26s | %-26s | %6s | %8s\n' users "doc MB" "-o json: ms, CPU ms, faults" "text: ms, CPU ms, faults" \
        "curl|jq: ms, CPU ms, faults" "ratio" "peak RSS"
    for size in 1k 10k 100k; do
        doc_mb=$(awk -v b="$(wc -c < "$work/docs/$size.json")" 'BEGIN {printf "%.1f", b / 1e6}')
        json="$run --host '$base/$size' --key $key --once -o json"
        text="$run --host '$base/$size' --key $key --once"
        if [ -n "$comparison" ]; then
            side_by_side "$runs" "$json" "$text" "curl -s '$base/$size/api/2.0/migration/status' | jq -c .response"
            cj=$(printf '%5s %5s %7s' "$(ms "${WALLS[2]}")" "${CPUS[2]}" "${FAULTS[2]}") r=$(ratio "${WALLS[0]}" "${WALLS[2]}")
        else
            side_by_side "$runs" "$json" "$text"
            cj=skipped r=-
        fi
        rss=${RSSES[0]}; if [ "${RSSES[1]}" -gt "$rss" ]; then rss=${RSSES[1]}; fi
        printf '%-5s %6s | %5s %5s %7s          | %5s %5s %7s          | %-26s | %6s | %5s MB\n' "$size" "$doc_mb" \
            "$(ms "${WALLS[0]}")" "${CPUS[0]}" "${FAULTS[0]}" "$(ms "${WALLS[1]}")" "${CPUS[1]}" "${FAULTS[1]}" "$cj" "$r" "$rss"
    done
    echo "  (ratio = -o json / curl|jq, wall: below 1 means migstatus read, summarised, redacted and"
    echo "   re-wrote the whole document faster than curl and jq only extracted it)"

    echo
    echo "== 2. start-up ($(basename "$jdk"); medians of $((runs * 2)), side by side; ratios to the bare JVM in this run; load $(load))"
    off="MIGSTATUS_CLASS_ARCHIVE=off"
    side_by_side $((runs * 2)) "'$jdk/bin/java' -cp '$work/hello' Hello" "$run --version" "$run --host '$base/tiny' --key $key --once" \
        "$off $run --version" "$off $run --host '$base/tiny' --key $key --once"
    printf '  %-52s %5s ms  %5s ms CPU  %6s faults\n' "java -cp DIR Hello" "$(ms "${WALLS[0]}")" "${CPUS[0]}" "${FAULTS[0]}"
    k=1
    for what in "migstatus --version" "migstatus --once (loopback, small status)" \
        "migstatus --version, no class-data archive" "migstatus --once, no class-data archive"; do
        printf '  %-52s %5s ms  %5s ms CPU  %6s faults  %5sx\n' "$what" "$(ms "${WALLS[k]}")" "${CPUS[k]}" "${FAULTS[k]}" \
            "$(ratio "${WALLS[k]}" "${WALLS[0]}")"
        k=$((k + 1))
    done
    echo "  (goals: --version at most 5x, --once at most 6x the bare JVM of this run)"

    if [ "$jdk" = "${jdks[0]}" ]; then
        echo
        echo "== 3. lean polls: a running parse watched at --interval 200ms until it completes ($(basename "$jdk"); load $(load))"
        printf '  %-30s | %8s %8s | %10s %10s | %14s | %6s %8s\n' "server" requests lean "full B" "lean B" "B per poll" "CPU ms" "per poll"
        for size in 10k 100k; do
            for name in "fields-$size" "full-$size"; do
                measure "$run --host '$base/$name' --key $key --interval 200ms"
                read -r requests lean full_bytes lean_bytes < <(stats "$name")
                full_n=$((requests - lean))
                what=$([ "${name%%-*}" = fields ] && echo "honours ?fields= ($size)" || echo "ignores ?fields= ($size)")
                printf '  %-30s | %8s %8s | %10s %10s | %14s | %6s %8s\n' "$what" "$requests" "$lean" \
                    "$((full_n > 0 ? full_bytes / full_n : 0))" "$((lean > 0 ? lean_bytes / lean : 0))" \
                    "$(( (full_bytes + lean_bytes) / requests ))" "$LAST_CPU" "$((LAST_CPU / requests))"
            done
        done
        echo "  (bytes as sent, gzipped: 'full B' per full answer, 'lean B' per lean one. A watch asks in full"
        echo "   first, at every change of state and at least once a minute: at the default 2 s interval a"
        echo "   running operation costs one full answer and 29 lean ones a minute)"
    fi

    echo
    echo "== 4. steady state: --interval 100ms against a 10k-user status ($(basename "$jdk"); RSS and CPU from /proc/PID every second; load $(load))"
    steady "$jdk" steady-10k 600
    steady "$jdk" changing-10k 300
    echo "  (steady-10k: the same answer each time, as while progress sits still; changing-10k: every"
    echo "   answer differs and the server ignores ?fields=, so each one is parsed in full)"
    # The next JDK's watches start from a fresh count.
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    start_server
done
echo
echo "load at the end: $(load)"
