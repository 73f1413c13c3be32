#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# vswitch_noop, the test module of extensions that do nothing: it registers
# what its parameters ask for, its eight filters pass every packet when all
# are enabled, and it unloads cleanly while they are enabled under a flood.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping

SW=hvn0
FLOOD_PID=

cleanup() {
	[ -z "$FLOOD_PID" ] || kill "$FLOOD_PID" 2>/dev/null
	wait 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	for i in 1 2; do
		ip netns del "hvn$i" 2>/dev/null
	done
	! module_loaded vswitch_noop || rmmod vswitch_noop
}
trap cleanup EXIT
trap 'exit 1' TERM INT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"

# exts: the names of vswitch_noop's extensions bound to the switch, in order
# (other modules' extensions may be bound too)
noop_ingress() { # EXT: its ingress counter
	hvnet -j -s ext show $SW "$1" | grep -o '"ingress":[0-9]*' | cut -d: -f2
}

exts() {
	hvnet ext show $SW | awk '$2 ~ /^noop/ {print $2}' | xargs
}

hvnet switch add $SW type private || { check "switch add" false; finish; }
for i in 1 2; do
	vm_add "hvn$i" "10.10.0.$i/24" "hvn$i-h"
	hvnet port add $SW name "p$i" dev "hvn$i-h"
done

check_fail "filters=9 is refused" modprobe vswitch_noop filters=9
check_fail "forwarders=3 is refused" modprobe vswitch_noop forwarders=3
check "modprobe vswitch_noop filters=2 forwarders=2" modprobe vswitch_noop filters=2 forwarders=2
check "two filters and two forwarders" test "$(exts)" = "noop0 noop1 noopfwd0 noopfwd1"
check_output "noopfwd1 is of the forward class" ' noopfwd1 forward ' hvnet ext show $SW
check "rmmod vswitch_noop" rmmod vswitch_noop
check "modprobe vswitch_noop: eight filters by default" modprobe vswitch_noop
check "noop0 to noop7, no forwarder" \
	test "$(exts)" = "noop0 noop1 noop2 noop3 noop4 noop5 noop6 noop7"

check "enable the eight" bash -c \
	"for i in 0 1 2 3 4 5 6 7; do hvnet ext enable $SW noop\$i || exit 1; done"
check "vm1 reaches vm2 through eight filters" \
	ip netns exec hvn1 ping -c 3 -i 0.3 -W 2 10.10.0.2
check_output "noop7 saw the packets on the way in and out" \
	'^    ingress [1-9][0-9]* egress [1-9][0-9]* forwarded 0 dropped 0 ' \
	hvnet -s ext show $SW noop7

ip netns exec hvn1 ping -q -f 10.10.0.2 >/dev/null 2>&1 &
FLOOD_PID=$!
check "the flood crosses the switch" traffic_flows $SW p1
check_fail "rmmod vswitch_noop is refused while its filters are enabled" rmmod vswitch_noop
check "the eight still filter: noop7 counts the flood" \
	wait_until 10 above "$(hvnet -j -s ext show $SW noop7 | grep -o '"ingress":[0-9]*' | cut -d: -f2)" \
	noop_ingress noop7
check "disable the eight under the flood" bash -c \
	"for i in 0 1 2 3 4 5 6 7; do hvnet ext disable $SW noop\$i || exit 1; done"
check "then rmmod vswitch_noop, under the flood" rmmod vswitch_noop
kill "$FLOOD_PID" 2>/dev/null
wait 2>/dev/null
FLOOD_PID=
check "no extension left on the switch" test -z "$(exts)"
check "vm1 still reaches vm2" ip netns exec hvn1 ping -c 2 -i 0.3 -W 2 10.10.0.2
finish
