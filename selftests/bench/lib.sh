# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Helpers of the switch benchmark, sourced by run (inside the VM).
#
# The topology, the same for every switch:
#
#   nsA: a0 10.0.0.1 ==veth== a1 --+
#                                  +-- switch (bridge br0 | OVS dp0 | hvnet vs0)
#   nsB: b0 10.0.0.2 ==veth== b1 --+
#
# a1 and b1 stay in the initial namespace and become the switch's two ports.
# Neighbours are static and IPv6 is off in both namespaces, so the only
# frames on the wire are the ones a measure sends.
#
# What run prints for the host (selftests/bench/report reads it):
#   bench-sample TOPO MEASURE VALUE ROUND
#                                     one run of a measure; runs of the
#                                     same round were taken close together
#   bench-fail TOPO MEASURE REASON    a measure that broke: no ratio from it
#   bench-skip TOPO MEASURE REASON    a measure that could not be taken
#   bench-info KEY VALUE              facts about the run
# Everything else is a comment starting with "# ".

IP_A=10.0.0.1
IP_B=10.0.0.2
MAC_A=
MAC_B=
PKT_SIZE=60		# + 4 bytes of FCS = 64 bytes on the wire
anchor_b=		# a process living in nsB: its /proc/PID/net/dev counts b0

say() {
	printf '# %s\n' "$*"
}

sample() { # topo measure value round
	printf 'bench-sample %s %s %s %s\n' "$1" "$2" "$3" "$4"
}

fail() { # topo measure reason...
	local topo=$1 measure=$2
	shift 2
	printf 'bench-fail %s %s %s\n' "$topo" "$measure" "$*"
}

skip() { # topo measure reason...
	local topo=$1 measure=$2
	shift 2
	printf 'bench-skip %s %s %s\n' "$topo" "$measure" "$*"
}

info() { # key value...
	local key=$1
	shift
	printf 'bench-info %s %s\n' "$key" "$*"
}

now() { # seconds since the epoch, microsecond resolution
	printf '%s\n' "$EPOCHREALTIME"
}

elapsed() { # t0 t1: t1 - t0 in seconds
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f\n", b - a }'
}

# Runs a command, keeping its output for the caller's error message in $out.
# shellcheck disable=SC2034 # out is read by run
quiet() {
	out=$("$@" 2>&1)
}

# The two namespaces, an iperf3 server in nsB and a process anchoring nsB's
# counters; created once per boot.
namespaces_up() {
	local ns

	for ns in nsA nsB; do
		ip netns add "$ns" || return 1
		ip -n "$ns" link set lo up || return 1
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1 || return 1
	done
	ip netns exec nsB sleep 100000 &
	anchor_b=$!
	# Bound to no address: b0 and its address come and go with each switch.
	ip netns exec nsB iperf3 -s >/tmp/iperf3-server.log 2>&1 &
}

# Two fresh veth pairs with their inner ends configured; the outer ends a1
# and b1 are up and belong to nothing yet.
veths_up() {
	ip link add a0 type veth peer name a1 &&
	ip link add b0 type veth peer name b1 &&
	ip link set a0 netns nsA &&
	ip link set b0 netns nsB &&
	ip -n nsA addr add "$IP_A/24" dev a0 &&
	ip -n nsB addr add "$IP_B/24" dev b0 &&
	ip -n nsA link set a0 up &&
	ip -n nsB link set b0 up &&
	ip link set a1 up &&
	ip link set b1 up || return 1
	MAC_A=$(ip -n nsA -br link show a0 | awk '{print $3}')
	MAC_B=$(ip -n nsB -br link show b0 | awk '{print $3}')
	ip -n nsA neigh replace "$IP_B" lladdr "$MAC_B" dev a0 nud permanent &&
	ip -n nsB neigh replace "$IP_A" lladdr "$MAC_A" dev b0 nud permanent
}

veths_down() {
	ip link del a1 2>/dev/null
	ip link del b1 2>/dev/null
	return 0
}

# Frames received by b0 (nsB), from the anchor's view of nsB.
rx_b0() {
	local name packets

	while read -r name _ packets _; do
		if [ "$name" = "b0:" ]; then
			printf '%s\n' "$packets"
			return 0
		fi
	done <"/proc/$anchor_b/net/dev"
	return 1
}

# Both ways through the switch; teaches a learning switch both MACs.
reachable() {
	ip netns exec nsA ping -c 1 -W 2 -q "$IP_B" >/dev/null 2>&1 &&
	ip netns exec nsB ping -c 1 -W 2 -q "$IP_A" >/dev/null 2>&1
}

pg() { # file command: write one pktgen command inside nsA
	ip netns exec nsA sh -c "echo '$2' >/proc/net/pktgen/$1"
}

# pktgen on a0, 64-byte UDP frames to b0, a new skb each (clone_skb 0: veth
# consumes the skb). macs: number of distinct source MACs (0: a0's own).
pktgen_setup() { # macs [count]
	local macs=$1 count=${2:-0}

	pg kpktgend_0 rem_device_all &&
	pg kpktgend_0 "add_device a0" || return 1
	ip netns exec nsA sh -c "
		cd /proc/net/pktgen &&
		echo 'count $count' >a0 &&
		echo 'clone_skb 0' >a0 &&
		echo 'pkt_size $PKT_SIZE' >a0 &&
		echo 'delay 0' >a0 &&
		echo 'dst $IP_B' >a0 &&
		echo 'dst_mac $MAC_B' >a0 &&
		echo 'udp_src_min 9' >a0 && echo 'udp_src_max 9' >a0 &&
		echo 'udp_dst_min 9' >a0 && echo 'udp_dst_max 9' >a0 &&
		echo 'src_mac $MAC_A' >a0 &&
		echo 'src_mac_count $macs' >a0 &&
		! grep -q '^Result: ERROR' a0" || return 1
}

# Runs pktgen on its own until it has sent its count (a warm-up).
pktgen_burst() {
	ip netns exec nsA sh -c 'echo start >/proc/net/pktgen/pgctrl'
}

# One timed pps run: pktgen sends for 0.5 s + DURATION s; frames reaching b0
# during the last DURATION s, over the time between the two readings.
# Prints the rate; fails with a reason in $out.
pps_run() {
	local pid r0 r1 t0 t1 sent dt

	ip netns exec nsA sh -c 'echo start >/proc/net/pktgen/pgctrl' &
	pid=$!
	sleep 0.5
	t0=$(now); r0=$(rx_b0)
	sleep "$DURATION"
	t1=$(now); r1=$(rx_b0)
	ip netns exec nsA sh -c 'echo stop >/proc/net/pktgen/pgctrl'
	wait "$pid"
	sent=$(ip netns exec nsA sh -c 'cat /proc/net/pktgen/a0' | awk '/pkts-sofar:/ { print $2 }')
	if [ -z "$r0" ] || [ -z "$r1" ]; then
		out="cannot read b0's counters"
		return 1
	fi
	if [ "$r1" -le "$r0" ]; then
		out="no frame reached b0 (pktgen sent ${sent:-?})"
		return 1
	fi
	dt=$(elapsed "$t0" "$t1")
	awk -v n=$((r1 - r0)) -v dt="$dt" 'BEGIN { printf "%.0f\n", n / dt }'
}

# One TCP run, nsA -> nsB; prints the receiver's Mbit/s.
# shellcheck disable=SC2034 # out is read by run
tcp_run() {
	local log rate

	log=$(ip netns exec nsA iperf3 -c "$IP_B" -t "$DURATION" -f m 2>&1)
	rate=$(printf '%s\n' "$log" | awk '/receiver$/ { for (i = 1; i <= NF; i++) if ($i == "Mbits/sec") print $(i - 1) }' | tail -n 1)
	if [ -z "$rate" ] || awk -v r="$rate" 'BEGIN { exit !(r <= 0) }'; then
		out="iperf3 gave no rate: $(printf '%s' "$log" | tail -n 2 | tr '\n' ' ')"
		return 1
	fi
	printf '%s\n' "$rate"
}
