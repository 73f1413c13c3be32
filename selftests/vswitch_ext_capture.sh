#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The capture extension, read with tcpdump the way an administrator would:
#
#   private switch hvc0:  vm1 10.8.0.1 -- p1 --+-- p2 -- vm2 10.8.0.2
#                                              +-- p3 -- vm3 10.8.0.3
#
# p1 captured in both directions shows vm1's echo requests (its ingress)
# and vm2's replies (its egress) on the capture netdev, each once, with
# the packet's VLAN as its tag; one direction shows only its half;
# traffic of ports not captured shows nothing. The netdev cannot be
# deleted by hand, drops what the host sends on it, goes with the
# extension, comes back with it (the properties replayed), and unloading
# the module while it captures a ping flood is clean.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping tcpdump ethtool
SEND=$(dirname "$0")/send_frame
[ -x "$SEND" ] || skip "send_frame is not built"

SW=hvc0
CAPT=0x63617074		# the capture property's id, 'capt'
TMP=$(mktemp -d)
FLOOD_PID=
TCPDUMP_PID=

cleanup() {
	[ -z "$FLOOD_PID" ] || kill "$FLOOD_PID" 2>/dev/null
	[ -z "$TCPDUMP_PID" ] || kill "$TCPDUMP_PID" 2>/dev/null
	wait 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	for i in 1 2 3; do
		ip netns del "hvc$i" 2>/dev/null
	done
	rm -rf "$TMP"
	! module_loaded vswitch_capture || rmmod vswitch_capture
}
trap cleanup EXIT
trap 'exit 1' TERM INT
cleanup
TMP=$(mktemp -d)
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_capture || skip "vswitch_capture cannot be loaded"

# capdev: the name of the switch's capture netdev, as hvnet shows it
capdev() {
	hvnet capture show $SW | sed -n 's/^switch [^ ]* dev \([^ ]*\).*/\1/p'
}

# capture NS ADDR [LINES]: the ICMP lines tcpdump reads on the capture
# netdev while NS pings ADDR twice, once LINES of them came (or, without
# LINES, once no more come)
capture() {
	local ns=$1 addr=$2 lines=${3:-}

	capture_start - "$TMP/cap" -i "$CAPDEV" -e icmp >&2 || return 1
	TCPDUMP_PID=$CAPTURE_PID
	ip netns exec "$ns" ping -c 2 -i 0.3 -W 2 "$addr" | grep transmitted >&2
	capture_stop "$TMP/cap" "$lines" >/dev/null
	TCPDUMP_PID=
	grep -v '^listening on\|captured$\|received by filter$\|dropped by kernel$' \
		"$TMP/cap.err" >&2
	cat "$TMP/cap"
}

# captured NS ADDR REQUESTS REPLIES: while NS pings ADDR twice, the capture
# netdev shows exactly REQUESTS echo requests from NS and REPLIES replies
captured() {
	local ns=$1 addr=$2 want_req=$3 want_rep=$4 out req rep src

	src=$(ip -n "$ns" -4 -o addr show dev eth0 | awk '{sub("/.*", "", $4); print $4}')
	out=$(capture "$ns" "$addr" $((want_req + want_rep)))
	req=$(printf '%s\n' "$out" | grep -c "$src > $addr: ICMP echo request")
	rep=$(printf '%s\n' "$out" | grep -c "$addr > $src: ICMP echo reply")
	printf '%s\n' "$out"
	echo "requests $req (want $want_req), replies $rep (want $want_rep)"
	[ "$req" -eq "$want_req" ] && [ "$rep" -eq "$want_rep" ]
}

# lacks REGEX COMMAND...: COMMAND succeeds and its output lacks REGEX
lacks() {
	local re=$1 out

	shift
	out=$("$@" 2>&1) || { printf 'failed:\n%s\n' "$out"; return 1; }
	printf '%s\n' "$out"
	! printf '%s\n' "$out" | grep -qE -- "$re"
}

stat() { # NETDEV COUNTER
	cat "/sys/class/net/$1/statistics/$2"
}

hvnet switch add $SW type private || { check "switch add" false; finish; }
for i in 1 2 3; do
	vm_add "hvc$i" "10.8.0.$i/24" "hvc$i-h"
	hvnet port add $SW name "p$i" dev "hvc$i-h"
done
check "vm1 reaches vm2 before capture" ip netns exec hvc1 ping -c 2 -i 0.3 -W 2 10.8.0.2
check "vm2 reaches vm3 before capture" ip netns exec hvc2 ping -c 2 -i 0.3 -W 2 10.8.0.3

check_output "capture show: no netdev before the extension is enabled" \
	"^switch $SW dev none" hvnet capture show $SW
check "ext enable capture" hvnet ext enable $SW capture
CAPDEV=$(capdev)
check "capture show names the capture netdev" test -n "$CAPDEV"
check "the capture netdev exists" ip link show dev "$CAPDEV"
check_output "ethtool -i: driver vswitch_capture" '^driver: vswitch_capture' ethtool -i "$CAPDEV"
check_output "ethtool -i: bus-info is the switch" "^bus-info: $SW\$" ethtool -i "$CAPDEV"
check_output "ip -d link: kind vswitch_capture" 'vswitch_capture' ip -d link show dev "$CAPDEV"
check_fail "ip link del of the capture netdev is refused" ip link del "$CAPDEV"
check "the capture netdev is still there" ip link show dev "$CAPDEV"
check_fail "ip link add type vswitch_capture is refused" ip link add hvcx type vswitch_capture

check "capture set p1 dir both" hvnet capture set $SW p1 dir both
check_output "capture show: p1 both" '^    port p1 dir both' hvnet capture show $SW
rx0=$(stat "$CAPDEV" rx_packets)
check "p1 both: vm1's requests and vm2's replies, each once" captured hvc1 10.8.0.2 2 2
rx1=$(stat "$CAPDEV" rx_packets)
check "the capture netdev counts what it received ($rx0 -> $rx1)" delta_in "$rx0" "$rx1" 4 1000
check "p1 both: the other way, too" captured hvc2 10.8.0.1 2 2
check "p3 not captured: vm2 -> vm3 shows nothing" captured hvc2 10.8.0.3 0 0

check "capture set p1 dir in" hvnet capture set $SW p1 dir in
check "p1 in: only vm1's requests" captured hvc1 10.8.0.2 2 0
check "capture set p1 dir out" hvnet capture set $SW p1 dir out
check "p1 out: only the replies to vm1" captured hvc1 10.8.0.2 0 2
check "capture set p1 dir none" hvnet capture set $SW p1 dir none
check "capture show: p1 gone" lacks 'port p1' hvnet capture show $SW
check "p1 none: nothing" captured hvc1 10.8.0.2 0 0

# the packet's VLAN in the switch, as the copy's tag
check "capture set p2 dir in" hvnet capture set $SW p2 dir in
check "p1 and p2: access VLAN 10" bash -c \
	"hvnet port set $SW p1 vlan access 10 && hvnet port set $SW p2 vlan access 10"
check_output "tcpdump -e shows vm2's replies in VLAN 10" \
	'802\.1Q.*vlan 10, .*10\.8\.0\.2 > 10\.8\.0\.1: ICMP echo reply' capture hvc1 10.8.0.2 2
check "p1 and p2: back to VLAN 0" bash -c \
	"hvnet port set $SW p1 vlan access 0 && hvnet port set $SW p2 vlan access 0"
check "capture set p2 dir none" hvnet capture set $SW p2 dir none

# bad properties are refused by the extension and change nothing
check_fail "a direction bit beyond in and out is refused" \
	hvnet prop add $SW port p1 id $CAPT version 1 data 04000000
check_fail "a capture property of the wrong size is refused" \
	hvnet prop add $SW port p1 id $CAPT version 1 data 0300
check_fail "an unknown version is refused" \
	hvnet prop add $SW port p1 id $CAPT version 2 data 03000000
check_fail "a capture property of the switch is refused" \
	hvnet prop add $SW id $CAPT version 1 data 03000000
check_fail "instance 1 is refused" \
	hvnet prop add $SW port p1 id $CAPT instance 1 version 1 data 03000000
check "nothing was stored" lacks 'port ' hvnet capture show $SW

# what the host sends on the capture netdev goes nowhere
tx0=$(stat "$CAPDEV" tx_dropped)
"$SEND" "$CAPDEV" "ffffffffffff 020000000c01 0800 4500001400000000401100000a0800fe0a0800ff"
check "the capture netdev drops and counts what the host sends" \
	wait_until 5 above "$tx0" stat "$CAPDEV" tx_dropped

# the netdev goes with the extension and comes back with it
check "capture set p1 dir both" hvnet capture set $SW p1 dir both
check "ext disable capture" hvnet ext disable $SW capture
check_fail "the capture netdev is gone" ip link show dev "$CAPDEV"
check "ext enable capture again" hvnet ext enable $SW capture
CAPDEV=$(capdev)
check "a capture netdev again" ip link show dev "$CAPDEV"
check "p1 is captured again (its property replayed)" captured hvc1 10.8.0.2 2 2

# unloaded while capturing a flood
tcpdump -Z root --immediate-mode -i "$CAPDEV" -nn -w /dev/null 2>/dev/null &
TCPDUMP_PID=$!
ip netns exec hvc1 ping -q -f 10.8.0.2 >/dev/null 2>&1 &
FLOOD_PID=$!
rx0=$(stat "$CAPDEV" rx_packets)
check "the flood is captured" wait_until 30 above $((rx0 + 200)) stat "$CAPDEV" rx_packets
check "tcpdump reads the capture netdev under the flood" kill -0 $TCPDUMP_PID
check_fail "rmmod vswitch_capture is refused while capture is enabled" rmmod vswitch_capture
check "the capture netdev is still there" ip link show dev "$CAPDEV"
check "ext disable capture while it captures a ping flood" hvnet ext disable $SW capture
check_fail "the capture netdev went with it" ip link show dev "$CAPDEV"
check "then rmmod vswitch_capture" rmmod vswitch_capture
kill "$FLOOD_PID" "$TCPDUMP_PID" 2>/dev/null
wait 2>/dev/null
FLOOD_PID= TCPDUMP_PID=
check "vm1 still reaches vm2" ip netns exec hvc1 ping -c 2 -i 0.3 -W 2 10.8.0.2
check_output "the capture property stays with the switch" '^    port p1 dir both' \
	hvnet capture show $SW
check "modprobe vswitch_capture again" modprobe vswitch_capture
check_output "bound, disabled, to the switch" 'capture capture .*disabled' hvnet ext show $SW capture
check "rmmod it, disabled" rmmod vswitch_capture
finish
