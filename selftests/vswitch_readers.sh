#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Who may read the switches: the root partition only, and the extensions'
# configuration (properties, ACL rules and sessions) and the monitor stream
# only with CAP_NET_ADMIN. A child partition, root in it included, sees
# nothing of the host's switches; an unprivileged host user sees switches,
# ports, NICs and the forwarding table (as the bridge's), but no rule.
# Each refusal is checked against the same read succeeding for root.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip su

SW=hvr
TMP=$(mktemp -d)
MON=

cleanup() {
	[ -z "$MON" ] || kill $MON 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	ip netns del hvrc 2>/dev/null
	ip netns del hvr1 2>/dev/null
	! module_loaded vswitch_acl || rmmod vswitch_acl 2>/dev/null
	! module_loaded vswitch_noop || rmmod vswitch_noop 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
cleanup
TMP=$(mktemp -d)
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_noop filters=1 forwarders=0 || skip "vswitch_noop cannot be loaded"

nobody() { # COMMAND...: as the unprivileged user nobody
	su -s /bin/bash nobody -c "$*"
}

hvnet switch add $SW type private || { check "switch add" false; finish; }
vm_add hvr1 10.5.0.1/24 hvr1-h
check "a port, a static FDB entry and a property" bash -c \
	"hvnet port add $SW name p1 dev hvr1-h &&
	 hvnet fdb add $SW 02:00:00:00:0b:01 port p1 &&
	 hvnet prop add $SW port p1 id 0x1234 data 0a0b"
ns_add hvrc

# the same reads, each: root succeeds, a child partition is refused
for read in "switch show $SW" "port show $SW" "nic show $SW p1" "fdb show $SW" \
	"ext show $SW" "prop show $SW"; do
	check_output "root reads: hvnet $read" '.' hvnet $read
	check_output "a child partition may not: hvnet $read" 'read from the root partition only' \
		bash -c "ip netns exec hvrc hvnet $read 2>&1; true"
done
check_output "not even a dump of every switch" 'read from the root partition only' \
	bash -c "ip netns exec hvrc hvnet switch show 2>&1; true"
check_output "info stays open there" '^vswitch ' ip netns exec hvrc hvnet info vswitch

# unprivileged on the host: switches, ports and the table yes; properties no
check_output "nobody reads the switch" "^$SW " nobody hvnet switch show $SW
check_output "nobody reads the forwarding table" '02:00:00:00:0b:01' nobody hvnet fdb show $SW
check_output "root reads the property" 'id 0x1234' hvnet prop show $SW
check_output "nobody may not read properties" 'Operation not permitted|not permitted' \
	bash -c "su -s /bin/bash nobody -c 'hvnet prop show $SW' 2>&1; true"

# the monitor: nobody may not join; a child partition hears nothing
check_output "nobody may not join the monitor group" 'Operation not permitted|not permitted' \
	bash -c "su -s /bin/bash nobody -c 'timeout 5 hvnet monitor' 2>&1; true"
hvnet monitor >"$TMP/root" 2>&1 &
MON=$!
ip netns exec hvrc hvnet monitor >"$TMP/child" 2>&1 &
MON="$MON $!"
reported() { # ID: a property change made for the monitors reached root's
	hvnet prop add $SW id "$1" data 00 >/dev/null 2>&1
	hvnet prop del $SW id "$1" >/dev/null 2>&1
	grep -q "^prop-del $SW id $(printf '0x%x' "$1") " "$TMP/root"
}
check "root's monitor hears the changes" wait_until 10 reported 77
check_fail "a child partition's monitor hears none of them" grep . "$TMP/child"
kill $MON 2>/dev/null
wait $MON 2>/dev/null
MON=

if modprobe vswitch_acl 2>/dev/null; then
	check "acl with a rule on p1" bash -c \
		"hvnet ext enable $SW acl && hvnet acl add $SW p1 dir in action deny ip 10.9.0.8"
	check_output "root reads the rule and its counters" 'deny ip 10.9.0.8' hvnet -s acl show $SW
	check_output "nobody may not read the rules" 'not permitted' \
		bash -c "su -s /bin/bash nobody -c 'hvnet -s acl show $SW' 2>&1; true"
	check_output "root reads the sessions" 'flows [0-9]+ limit' hvnet acl flows $SW
	check_output "nobody may not read the sessions" 'not permitted' \
		bash -c "su -s /bin/bash nobody -c 'hvnet acl flows $SW' 2>&1; true"
	check_output "a child partition may not either" 'root partition only|not permitted' \
		bash -c "ip netns exec hvrc hvnet acl flows $SW 2>&1; true"
	check "acl disabled, unloaded" bash -c "hvnet ext disable $SW acl && rmmod vswitch_acl"
else
	ntest=$((ntest + 1))
	echo "ok $ntest the acl extension's reads # SKIP vswitch_acl cannot be loaded"
fi
finish
