# SPDX-License-Identifier: GPL-2.0
# Helpers shared by hvnet's shell selftests (source it). Results use the
# kselftest conventions: exit 0 pass, 1 fail, 4 skip ("SKIP: reason").

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

HVNET_MODULES="vswitch netvsp sriov_pf"

ret=$KSFT_PASS
ntest=0

# HVNET_PROFILE=1 (hvnet.profile=1 on the guest's command line): each
# check's result is preceded by the seconds it took, to find what is slow
profile_t=$(cut -d' ' -f1 /proc/uptime)
profile() {
	local now

	[ -n "${HVNET_PROFILE:-}" ] || return 0
	now=$(cut -d' ' -f1 /proc/uptime)
	awk -v a="$profile_t" -v b="$now" 'BEGIN { printf "# profile: %.2f s\n", b - a }'
	profile_t=$now
}

skip() {
	echo "SKIP: $*"
	exit $KSFT_SKIP
}

require_root() {
	[ "$(id -u)" -eq 0 ] || skip "needs root"
}

require_cmd() {
	local c

	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip "needs the $c command"
	done
}

# check DESCRIPTION COMMAND...: run COMMAND, expect success
check() {
	local desc=$1

	shift
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1); then
		profile
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	fi
}

# check_fail DESCRIPTION COMMAND...: run COMMAND, expect failure
check_fail() {
	local desc=$1

	shift
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1); then
		profile
		echo "not ok $ntest $desc (it succeeded)"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	else
		profile
		echo "ok $ntest $desc"
	fi
}

# check_output DESCRIPTION EXPECTED-REGEX COMMAND...: success, output matches
check_output() {
	local desc=$1 re=$2

	shift 2
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1) && printf '%s\n' "$out" | grep -qE -- "$re"; then
		profile
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc (wanted /$re/)"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	fi
}

# check_refused DESCRIPTION EXPECTED-REGEX COMMAND...: COMMAND fails, and
# what it printed (the kernel's extack message) matches
check_refused() {
	local desc=$1 re=$2

	shift 2
	ntest=$((ntest + 1))
	if ! out=$("$@" 2>&1) && printf '%s\n' "$out" | grep -qE -- "$re"; then
		profile
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc (wanted a failure saying /$re/)"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	fi
}

module_loaded() {
	[ -d "/sys/module/$1" ]
}

unload_hvnet() {
	local m

	for m in sriov_pf netvsp hvnet_vmbus vswitch; do
		! module_loaded "$m" || rmmod "$m"
	done
}

finish() {
	echo "1..$ntest"
	exit $ret
}

# ---- counters and conditions ----

# is_count VALUE...: every VALUE is a counter as read (a decimal number);
# an empty string, which any comparison with another empty one would pass,
# is not
is_count() {
	local v

	for v in "$@"; do
		[[ "$v" =~ ^[0-9]+$ ]] || { echo "not a counter reading: \"$v\""; return 1; }
	done
}

# delta_is BEFORE AFTER N: two counter readings, and AFTER - BEFORE is N
delta_is() {
	is_count "$1" "$2" || return 1
	echo "$1 -> $2: +$(($2 - $1)), wanted +$3"
	[ $(($2 - $1)) -eq "$3" ]
}

# delta_in BEFORE AFTER MIN MAX: two counter readings, and AFTER - BEFORE is
# MIN to MAX
delta_in() {
	is_count "$1" "$2" || return 1
	echo "$1 -> $2: +$(($2 - $1)), wanted +$3 to +$4"
	[ $(($2 - $1)) -ge "$3" ] && [ $(($2 - $1)) -le "$4" ]
}

# above N COMMAND...: COMMAND prints a counter reading greater than N (for
# wait_until: the reading is taken anew at every try)
above() {
	local n=$1 v

	shift
	v=$("$@" 2>/dev/null)
	[[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -gt "$n" ]
}

# wait_until SECONDS COMMAND...: COMMAND succeeds within SECONDS (it is tried
# every 0.1 s); the way to wait for what a test made happen
wait_until() {
	local end=$((SECONDS + $1))

	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.1
	done
}

# settled COMMAND...: print COMMAND's output once it stops changing (the same
# twice 0.2 s apart, within 10 s); for counters that traffic still in flight
# may move (read several counters with one COMMAND: each settle costs).
# Fails when it never settles.
settled() {
	local end=$((SECONDS + 10)) a b

	a=$("$@" 2>/dev/null)
	while :; do
		sleep 0.2
		b=$("$@" 2>/dev/null)
		[ "$a" != "$b" ] || { printf '%s\n' "$b"; return 0; }
		[ "$SECONDS" -lt "$end" ] || { printf '%s\n' "$b"; return 1; }
		a=$b
	done
}

# ---- VMs: network namespaces wired to the host by veths ----

# ns_add NAME: namespace NAME with lo up and IPv6 off on every device it has
# or gets, so that nothing talks in it but what the test sends (no router or
# neighbour solicitations, no MLD reports). A test that needs IPv6 turns it
# on for its device.
ns_add() {
	ip netns add "$1" || return 1
	ip netns exec "$1" sh -c 'echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6 &&
		echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6 && ip link set lo up'
}

# ns_run NS COMMAND...: run COMMAND in namespace NS ("-": the host)
ns_run() {
	local ns=$1

	shift
	if [ "$ns" = - ]; then
		"$@"
	else
		ip netns exec "$ns" "$@"
	fi
}

# vm_add NAME ADDR/LEN HOSTEND: namespace NAME (ns_add) with eth0 at ADDR/LEN
# ("-": no address), its peer HOSTEND up in the host with IPv6 off (few
# programs: each costs under emulation)
vm_add() {
	ns_add "$1" || return 1
	ip link add "$3" type veth peer name eth0 netns "$1" || return 1
	echo 1 >"/proc/sys/net/ipv6/conf/$3/disable_ipv6"
	{
		[ "$2" = - ] || echo "addr add $2 dev eth0"
		echo "link set eth0 up"
	} | ip -n "$1" -batch - || return 1
	ip link set "$3" up
}

# mac_of NS [DEV]: the MAC address of DEV (eth0) in NS
mac_of() {
	ip -n "$1" -br link show "${2:-eth0}" | awk '{ print $3 }'
}

# ip4_table NS...: "NS DEV ADDR PREFIXLEN MAC" for each IPv4 address of the
# namespaces (lo's left out)
ip4_table() {
	local ns

	for ns in "$@"; do
		{ ip -n "$ns" -o link show; ip -n "$ns" -4 -o addr show; } | awk -v ns="$ns" '
			$3 ~ /^</ { dev = $2; sub(/:$/, "", dev); sub(/@.*/, "", dev)
				    for (i = 4; i < NF; i++) if ($i == "link/ether") mac[dev] = $(i + 1) }
			$3 == "inet" && $2 != "lo" { split($4, a, "/"); addr[$2] = addr[$2] " " a[1] "/" a[2] }
			END { for (d in addr) { n = split(addr[d], l, " ")
				for (i = 1; i <= n; i++) { split(l[i], a, "/"); print ns, d, a[1], a[2], mac[d] } } }'
	done
}

# static_neighbours NS...: each NS knows, for good (nud permanent), the MAC
# of every address of the others on a subnet it has itself: no ARP crosses
# the switch from then on, so the frames a test counts are the ones it sent
static_neighbours() {
	local table ns

	table=$(ip4_table "$@")
	for ns in "$@"; do
		printf '%s\n' "$table" | awk -v me="$ns" '
			function net(a, len,   p, d, k) {
				split(a, p, ".")
				for (d = 1; len + k < 32; k++)
					d *= 2
				return int((((p[1] * 256 + p[2]) * 256 + p[3]) * 256 + p[4]) / d)
			}
			{ ns[NR] = $1; dev[NR] = $2; addr[NR] = $3; len[NR] = $4; mac[NR] = $5 }
			END {
				for (i = 1; i <= NR; i++) {
					if (ns[i] != me) continue
					for (j = 1; j <= NR; j++)
						if (ns[j] != me && len[j] == len[i] && mac[j] != "" &&
						    net(addr[j], len[j]) == net(addr[i], len[i]))
							printf "neigh replace %s lladdr %s dev %s nud permanent\n", addr[j], mac[j], dev[i]
				}
			}' >/tmp/neigh.batch || return 1
		# every namespace has a peer: none found is a table not read
		[ -s /tmp/neigh.batch ] || { echo "static_neighbours: no neighbour for $ns"; return 1; }
		ip -n "$ns" -batch /tmp/neigh.batch || return 1
	done
	rm -f /tmp/neigh.batch
}

# vm_reach NS ADDR: NS pings ADDR within 15 s (ARP under TCG may take tries)
vm_reach() {
	local ns=$1 addr=$2 end=$((SECONDS + 15)) out

	while :; do
		out=$(ns_run "$ns" ping -c 1 -W 1 "$addr" 2>&1) && return 0
		[ "$SECONDS" -lt "$end" ] || break
	done
	printf '%s\n' "$out"
	ns_run "$ns" ip neigh show
	return 1
}

# vm_unreachable NS ADDR: three pings from NS to ADDR all go unanswered
vm_unreachable() {
	! ns_run "$1" ping -c 3 -i 0.3 -W 1 "$2"
}

# port_stat SWITCH PORT COUNTER: a port's own counter (not its NICs'), from
# its JSON
port_stat() {
	hvnet -j -s port show "$1" "$2" | sed 's/"nics":.*//' |
		grep -o "\"$3\":[0-9]*" | head -n 1 | cut -d: -f2
}

# tcp_listening NS PORT: a TCP socket listens on PORT in NS
tcp_listening() {
	ip netns exec "$1" grep -qiE "^ *[0-9]+: [0-9A-F]+:$(printf '%04X' "$2") [0-9A-F]+:0000 0A" \
		/proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# traffic_flows SWITCH PORT [N]: PORT's rx_packets grow by N (100) within
# 30 s: what a flood started in the background has begun
traffic_flows() {
	local r0

	r0=$(port_stat "$1" "$2" rx_packets)
	is_count "$r0" || return 1
	wait_until 30 above $((r0 + ${3:-100})) port_stat "$1" "$2" rx_packets
}

# ---- tcpdump in the background ----

# capture_start NS FILE TCPDUMP-ARGS...: tcpdump in NS ("-": the host)
# writing FILE, started and listening (up to 30 s under a loaded TCG host);
# CAPTURE_PID is its pid. Fails when it never listens.
capture_start() {
	local ns=$1 file=$2

	shift 2
	: >"$file.err"
	# tcpdump itself is the background job (ip netns exec execs it), so
	# that the signal of capture_stop reaches it
	if [ "$ns" = - ]; then
		tcpdump -Z root --immediate-mode -nn -l "$@" >"$file" 2>"$file.err" &
	else
		ip netns exec "$ns" tcpdump -Z root --immediate-mode -nn -l "$@" \
			>"$file" 2>"$file.err" &
	fi
	CAPTURE_PID=$!
	wait_until 30 grep -q "listening on" "$file.err" && return 0
	echo "tcpdump is not listening after 30 s:"
	cat "$file.err"
	return 1
}

lines_of() { # FILE
	wc -l <"$1"
}

# capture_stop FILE [LINES]: stop the capture once FILE holds LINES lines
# (within 10 s) and no more arrive; prints the lines
capture_stop() {
	[ -z "${2:-}" ] || [ "$2" -eq 0 ] || wait_until 10 above $(($2 - 1)) lines_of "$1"
	settled lines_of "$1" >/dev/null
	kill "$CAPTURE_PID" 2>/dev/null
	wait "$CAPTURE_PID" 2>/dev/null
	CAPTURE_PID=
	cat "$1"
}
