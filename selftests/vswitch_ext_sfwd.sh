#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The static forwarding extension, proved by where the packets go:
#
#   private switch hvf0:  vm1 10.9.0.1 -- p1 --+-- p2 -- vm2 10.9.0.2
#                                              +-- p3 -- vm3 10.9.0.3
#
# With vm1's MAC placed behind p3 (a lie), vm2's unicast to vm1 reaches p3
# and not p1; with the truth and p3 as mirror port, vm1 answers and p3 gets
# a copy of each packet the table forwards; a second forwarding extension
# cannot be enabled beside it and changes nothing; bad entries are refused;
# disabled, it leaves forwarding to the switch's learning again.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping tcpdump

SW=hvf0
SFWD=0x73667764		# the extension's property id, 'sfwd'
VM1_MAC=02:00:00:00:0f:01
VM1_HEX=${VM1_MAC//:/}
TMP=$(mktemp -d)

cleanup() {
	hvnet switch del $SW 2>/dev/null
	for i in 1 2 3; do
		ip netns del "hvf$i" 2>/dev/null
	done
	rm -rf "$TMP"
	for m in vswitch_noop vswitch_sfwd; do
		! module_loaded "$m" || rmmod "$m"
	done
}
trap cleanup EXIT
trap 'exit 1' TERM INT
cleanup
TMP=$(mktemp -d)
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_sfwd || skip "vswitch_sfwd cannot be loaded"

tx() { # PORT: its tx_packets
	port_stat $SW "$1" tx_packets
}

tx_both() { # the tx_packets of p1 and p3, on one line
	echo "$(tx p1) $(tx p3)"
}

# lacks REGEX COMMAND...: COMMAND succeeds and its output lacks REGEX
lacks() {
	local re=$1 out

	shift
	out=$("$@" 2>&1) || { printf 'failed:\n%s\n' "$out"; return 1; }
	printf '%s\n' "$out"
	! printf '%s\n' "$out" | grep -qE -- "$re"
}

# fails_with REGEX COMMAND...: COMMAND fails, saying REGEX
fails_with() {
	local re=$1 out

	shift
	if out=$("$@" 2>&1); then
		printf 'succeeded:\n%s\n' "$out"
		return 1
	fi
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -qiE -- "$re"
}

# pings WANT(ok|lost) P1 P3 COPIES3: vm2 pings vm1 three times and gets
# answers (or none); p1 and p3 then sent exactly P1 / P3 packets more (no
# ARP crosses the switch: the neighbours are static), and vm3 saw COPIES3
# echo requests for vm1
pings() {
	local want=$1 w1=$2 w3=$3 wcopies=$4 t1 t3 d1 d3 got=ok copies listening=1

	# what came before settled when it was counted: read at once
	t1=$(tx p1)
	t3=$(tx p3)
	if ! capture_start hvf3 "$TMP/vm3" -i eth0 'icmp and dst host 10.9.0.1'; then
		# the counters still decide; what tcpdump saw is not compared
		echo "only the counters are checked"
		listening=0
	fi
	ip netns exec hvf2 ping -c 3 -i 0.3 -W 1 10.9.0.1 || got=lost
	capture_stop "$TMP/vm3" "$wcopies" >/dev/null
	read -r d1 d3 < <(settled tx_both)
	is_count "$t1" "$t3" "$d1" "$d3" || return 1
	d1=$((d1 - t1))
	d3=$((d3 - t3))
	copies=$(grep -c 'ICMP echo request' "$TMP/vm3")
	grep -v '^listening on\|captured$\|received by filter$\|dropped by kernel$' \
		"$TMP/vm3.err" >&2
	echo "ping $got (want $want), p1 +$d1 (want $w1), p3 +$d3 (want $w3)," \
	     "vm3 saw $copies requests (want $wcopies)"
	[ "$got" = "$want" ] || return 1
	[ "$listening" = 0 ] || [ "$copies" -eq "$wcopies" ] || return 1
	[ "$d1" -eq "$w1" ] && [ "$d3" -eq "$w3" ]
}

hvnet switch add $SW type private || { check "switch add" false; finish; }
for i in 1 2 3; do
	vm_add "hvf$i" "10.9.0.$i/24" "hvf$i-h"
	ip -n "hvf$i" link set eth0 address "02:00:00:00:0f:0$i"
	hvnet port add $SW name "p$i" dev "hvf$i-h"
done
# no ARP from here on: only the pings cross the switch
check "static neighbours: hvf1 hvf2 hvf3" static_neighbours hvf1 hvf2 hvf3
check "the switch learns where every VM is" bash -c \
	"ip netns exec hvf1 ping -c 1 -W 2 10.9.0.2 && ip netns exec hvf3 ping -c 1 -W 2 10.9.0.2"
check "without sfwd: vm2 reaches vm1 through p1 (learning)" pings ok 3 0 0

check "ext enable sfwd" hvnet ext enable $SW sfwd
check "sfwd add: vm1's MAC behind p3 (a lie)" hvnet sfwd add $SW p3 $VM1_MAC
check_output "sfwd show: the entry" "^    $VM1_MAC vlan 0 port p3\$" hvnet sfwd show $SW
check_output "sfwd show: no mirror" "^switch $SW mirror none" hvnet sfwd show $SW
check "vm1's unicast goes to p3, none to p1" pings lost 0 3 3

# refused, and nothing changes
check_fail "hvnet refuses vm1's MAC behind p2 as well" hvnet sfwd add $SW p2 $VM1_MAC
check "the extension refuses vm1's MAC behind a second port" \
	fails_with 'behind port' hvnet prop add $SW port p2 id $SFWD instance 7 version 1 \
	data "${VM1_HEX}0000"
check "the extension refuses a multicast MAC" \
	fails_with 'unicast' hvnet prop add $SW port p2 id $SFWD version 1 data 01005e0000010000
check "the extension refuses VLAN 4095" \
	fails_with 'VLAN' hvnet prop add $SW port p2 id $SFWD version 1 data 020000000f77ff0f
check "the extension refuses mirror port 0" \
	fails_with 'port ids start at 1' hvnet prop add $SW id $SFWD version 1 data 00000000
check "the extension refuses a mirror with reserved bits" \
	fails_with 'reserved 0' hvnet prop add $SW id $SFWD version 1 data 03000100
check "the extension refuses an entry of the wrong size" \
	fails_with 'bytes' hvnet prop add $SW port p2 id $SFWD version 1 data 020000000f77
check "nothing was stored" lacks 'port p2|mirror p' hvnet sfwd show $SW
check "still: vm1's unicast goes to p3" pings lost 0 3 3

# never back out of the source port
check "sfwd add: vm3's MAC behind p2, vm2's own port" hvnet sfwd add $SW p2 02:00:00:00:0f:03
check_fail "vm2 cannot reach vm3" ip netns exec hvf2 ping -c 3 -i 0.3 -W 1 10.9.0.3
check_output "p2 counts its packets as dropped by sfwd" '^    ext sfwd dropped policy 3$' \
	hvnet -s port show $SW p2
check "sfwd del vm3's MAC" hvnet sfwd del $SW 02:00:00:00:0f:03
check "vm2 reaches vm3 again" ip netns exec hvf2 ping -c 1 -W 2 10.9.0.3

# the truth, and a mirror
check "sfwd del vm1's MAC" hvnet sfwd del $SW $VM1_MAC
check "sfwd add: vm1's MAC behind p1" hvnet sfwd add $SW p1 $VM1_MAC
check "sfwd mirror p3" hvnet sfwd mirror $SW p3
check_output "sfwd show: mirror p3" "^switch $SW mirror p3" hvnet sfwd show $SW
check "vm1 answers; p3 gets a copy of each request" pings ok 3 3 3

# one forwarding extension per switch
if modprobe vswitch_noop filters=0 forwarders=1; then
	check "a second forwarding extension is refused" \
		fails_with 'already has forwarding extension sfwd' hvnet ext enable $SW noopfwd0
	check_output "sfwd is still the enabled one" ' sfwd forward position 0 enabled' \
		hvnet ext show $SW
	check_output "noopfwd0 stays disabled" ' noopfwd0 forward position [0-9]+ disabled' \
		hvnet ext show $SW
	check "nothing changed: vm1 answers, p3 gets copies" pings ok 3 3 3
	check "rmmod vswitch_noop" rmmod vswitch_noop
else
	check "modprobe vswitch_noop filters=0 forwarders=1" false
fi
check "ext disable, enable sfwd: the mirror and table are replayed" \
	bash -c "hvnet ext disable $SW sfwd && hvnet ext enable $SW sfwd"
check "replayed: vm1 answers, p3 gets copies" pings ok 3 3 3

check "sfwd mirror none" hvnet sfwd mirror $SW none
check "no mirror: vm1 answers, p3 gets nothing" pings ok 3 0 0
check "sfwd add: vm1's MAC in VLAN 5 behind p3" hvnet sfwd add $SW p3 $VM1_MAC vlan 5
check_output "sfwd show: VLAN 5 too" "^    $VM1_MAC vlan 5 port p3\$" hvnet sfwd show $SW
check "VLAN 5's entry does not move vm1's VLAN 0 traffic" pings ok 3 0 0

# disabled, the switch's learning decides again
check "sfwd: vm1's MAC behind p3 again" bash -c \
	"hvnet sfwd del $SW $VM1_MAC && hvnet sfwd add $SW p3 $VM1_MAC"
check "vm1's unicast goes to p3 again" pings lost 0 3 3
check "ext disable sfwd" hvnet ext disable $SW sfwd
check "disabled: vm1 is reached at p1 again" pings ok 3 0 0
check_output "the entries stay with the switch" "^    $VM1_MAC vlan 0 port p3\$" \
	hvnet sfwd show $SW
check "ext enable sfwd: the entries are replayed" hvnet ext enable $SW sfwd
check "replayed: vm1's unicast goes to p3" pings lost 0 3 3
check_fail "rmmod vswitch_sfwd is refused while sfwd is enabled" rmmod vswitch_sfwd
check "still: vm1's unicast goes to p3" pings lost 0 3 3
check "ext disable sfwd, then rmmod vswitch_sfwd" bash -c \
	"hvnet ext disable $SW sfwd && rmmod vswitch_sfwd"
check "unloaded: vm1 is reached at p1" pings ok 3 0 0
finish
