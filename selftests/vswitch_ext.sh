#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The extension chain from user space, with the no-op extensions of
# vswitch_noop: every registered extension is bound to every switch,
# disabled; enable, disable and order; one forwarding extension per switch;
# custom properties on ports and switches; the monitor sees it all; and
# extensions registered after a switch, or unloaded while enabled, with
# traffic flowing.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping

SW=hvx
cleanup() {
	[ -n "${mon:-}" ] && kill "$mon" 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	ip netns del hvx1 2>/dev/null
	ip netns del hvx2 2>/dev/null
	! module_loaded vswitch_noop || rmmod vswitch_noop
	rm -f /tmp/hvx-mon.txt
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_noop filters=3 forwarders=2 || skip "vswitch_noop cannot be loaded"

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
vm_add hvx1 10.9.0.1/24 hvx1-h
vm_add hvx2 10.9.0.2/24 hvx2-h
hvnet port add $SW name p1 dev hvx1-h
hvnet port add $SW name p2 dev hvx2-h
hvnet monitor > /tmp/hvx-mon.txt 2>&1 &
mon=$!
# reported ID: the monitor reports a change made for it (property ID of the
# switch, added and deleted); it listens once it did
reported() {
	hvnet prop add $SW id "$1" data 00 >/dev/null 2>&1
	hvnet prop del $SW id "$1" >/dev/null 2>&1
	grep -qE "^prop-del hvx id $(printf '0x%x' "$1") " /tmp/hvx-mon.txt
}
check "the monitor listens" wait_until 10 reported 99

check_output "a switch has every registered extension, disabled" \
	'^hvx noop2 filter position 2 disabled module vswitch_noop' hvnet ext show $SW
check_output "forwarding extensions are listed with their class" \
	'noopfwd1 forward position 1 disabled' hvnet ext show $SW
check "enable a filter" hvnet ext enable $SW noop1
check_output "it shows enabled" 'noop1 filter position 1 enabled' hvnet ext show $SW noop1
check "order: noop2 first among the filters" hvnet ext order $SW noop2 0
check_output "noop2 is at position 0" 'noop2 filter position 0' hvnet ext show $SW noop2
check_output "noop0 moved to position 1" 'noop0 filter position 1' hvnet ext show $SW noop0
check_fail "a position past the class is refused" hvnet ext order $SW noop2 3
check_output "with the kernel's reason" 'positions 0-2' \
	bash -c "hvnet ext order $SW noop2 3 2>&1; true"
check "a forwarding extension" hvnet ext enable $SW noopfwd0
check_fail "a second forwarding extension is refused" hvnet ext enable $SW noopfwd1
check_output "and the refusal names the first" 'already has forwarding extension noopfwd0' \
	bash -c "hvnet ext enable $SW noopfwd1 2>&1; true"
check_output "nothing changed: noopfwd1 is disabled" 'noopfwd1 forward position 1 disabled' \
	hvnet ext show $SW noopfwd1
check_fail "an unknown extension" hvnet ext enable $SW nosuch
check "traffic flows through the chain" vm_reach hvx1 10.9.0.2
check_output "and the chain counted it" '"ingress":[1-9]' hvnet -j -s ext show $SW noop1
check_output "the forwarder saw it" '"forwarded":[1-9]' hvnet -j -s ext show $SW noopfwd0
check_output "nothing was refused" '"refused":0' hvnet -j -s ext show $SW noop1

# custom properties: opaque to the switch, listed, changed, deleted
check "a port property" hvnet prop add $SW port p1 id 0x11223344 instance 2 version 1 data 0a0b0c
check "a switch property" hvnet prop add $SW id 7 data ff
check_output "both are listed" 'port p1 id 0x11223344 instance 2 version 1 data 0a0b0c' \
	hvnet prop show $SW
check_output "the switch's own has no port" '^hvx id 0x7 instance 0 version 0 data ff' \
	hvnet prop show $SW
check_fail "the same id and instance twice is refused" \
	hvnet prop add $SW port p1 id 0x11223344 instance 2 data 00
check "set replaces version and data" hvnet prop set $SW port p1 id 0x11223344 instance 2 \
	version 2 data 0102
check_output "the new value" 'instance 2 version 2 data 0102' hvnet prop show $SW port p1
check_fail "odd hex digits are refused" hvnet prop add $SW id 8 data abc
check "delete" hvnet prop del $SW port p1 id 0x11223344 instance 2
check_fail "deleting it again" hvnet prop del $SW port p1 id 0x11223344 instance 2
check_output "JSON" '"id":"0x7"' hvnet -j prop show $SW
check "a port with properties is deleted with them" bash -c \
	"hvnet prop add $SW port p2 id 9 data 01 && hvnet port del $SW p2 &&
	 ! hvnet prop show $SW | grep -q 'port p2'"
hvnet port add $SW name p2 dev hvx2-h

# an enabled extension keeps its module; disabled, it unloads with traffic
# flowing; a module's extensions are bound to switches made before it was
# loaded
check "disable the forwarder" hvnet ext disable $SW noopfwd0
ip netns exec hvx1 ping -f -w 6 10.9.0.2 >/dev/null 2>&1 &
flood=$!
check "the flood crosses the switch" traffic_flows $SW p1
check_fail "vswitch_noop cannot be unloaded while noop1 is enabled" rmmod vswitch_noop
check_output "noop1 is still enabled" 'noop1 filter position [0-9] enabled' hvnet ext show $SW noop1
check "disable noop1 under the flood" hvnet ext disable $SW noop1
check "then vswitch_noop unloads, under the flood" rmmod vswitch_noop
wait $flood
check_fail "its extensions are gone from the switch" bash -c "hvnet ext show $SW | grep -q noop"
check "traffic still flows" vm_reach hvx1 10.9.0.2
check "load it again" modprobe vswitch_noop filters=1
check_output "bound, disabled, to the existing switch" 'noop0 filter position 0 disabled' \
	hvnet ext show $SW

check "the monitor reported everything up to a last change" wait_until 10 reported 98
kill $mon 2>/dev/null
wait $mon 2>/dev/null
mon=
check_output "the monitor saw the enable" '^ext-set hvx noop1 filter position 1 enabled' \
	cat /tmp/hvx-mon.txt
check_output "and the property changes" '^prop-set hvx port p1 id 0x11223344 instance 2 version 2' \
	cat /tmp/hvx-mon.txt
check_output "and the deletion" '^prop-del hvx port p1 id 0x11223344 instance 2' \
	cat /tmp/hvx-mon.txt
finish
