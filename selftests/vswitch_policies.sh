#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The built-in port policies beyond the guards, proved by traffic: private
# VLANs (isolated, community, promiscuous), port mirroring (a monitor port
# sees both directions of a source port) and the storm limit.
#
#   private switch hvp, primary VLAN 100:
#     iso1 10.8.0.1 isolated    iso2 10.8.0.2 isolated   prom 10.8.0.3 promiscuous
#     comA 10.8.0.4 community 201   comB 10.8.0.5 community 201
#     mon (no address): mirror destination
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping tcpdump
SEND=$(dirname "$0")/send_frame
[ -x "$SEND" ] || skip "send_frame is not built"

SW=hvp
VMS="iso1 iso2 prom comA comB mon"

cleanup() {
	local v

	hvnet switch del $SW 2>/dev/null
	for v in $VMS; do
		ip netns del "$v" 2>/dev/null
	done
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
i=1
for v in iso1 iso2 prom comA comB; do
	vm_add "$v" "10.8.0.$i/24" "$v-h"
	i=$((i + 1))
done
vm_add mon - mon-h

check "isolated ports" bash -c "hvnet port add $SW name iso1 dev iso1-h vlan private isolated 100 &&
	hvnet port add $SW name iso2 dev iso2-h vlan private isolated 100"
check "a promiscuous port" hvnet port add $SW name prom dev prom-h vlan private promiscuous 100
check "community ports" bash -c \
	"hvnet port add $SW name comA dev comA-h vlan private community 100 secondary 201 &&
	 hvnet port add $SW name comB dev comB-h vlan private community 100 secondary 201"
check_output "a port shows its private VLAN" 'vlan private isolated primary 100' \
	hvnet port show $SW iso1
check_fail "a community port needs its secondary VLAN" \
	hvnet port set $SW iso2 vlan private community 100
check_output "the refusal says why" 'needs secondary-vlan' \
	bash -c "hvnet port set $SW iso2 vlan private community 100 2>&1; true"
check_fail "secondary without private mode is refused" \
	hvnet port set $SW prom vlan access 5 secondary 7

check "an isolated port reaches the promiscuous one" vm_reach iso1 10.8.0.3
check "a community port reaches its community" vm_reach comA 10.8.0.5
check "a community port reaches the promiscuous one" vm_reach comB 10.8.0.3
d0=$(port_stat $SW iso2 drop_pvlan)
check "an isolated port cannot reach its isolated sibling" vm_unreachable iso1 10.8.0.2
d1=$(port_stat $SW iso2 drop_pvlan)
check "and the sibling's drop-pvlan counted it ($d0 -> $d1)" test "$d1" -gt "$d0"
check "an isolated port cannot reach a community port" vm_unreachable iso2 10.8.0.4
check "a community port cannot reach an isolated port" vm_unreachable comA 10.8.0.1
check "the promiscuous port reaches everyone" bash -c \
	"for a in 1 2 4 5; do ip netns exec prom ping -c 1 -W 2 10.8.0.\$a >/dev/null || exit 1; done"

# mirroring: prom is the source, mon the destination
check "mon is a mirror destination" hvnet port add $SW name mon dev mon-h mirror destination
check "prom is a mirror source" hvnet port set $SW prom mirror source
check_output "the mirror mode shows" 'mirror source' hvnet port show $SW prom
# static neighbours: only the echoes cross the switch from here on (the
# ARP retries of the unanswered pings above end too)
check "static neighbours: iso1 iso2 prom comA comB" static_neighbours iso1 iso2 prom comA comB

# ECHOES FROM TO: the echo requests and replies between two addresses
# in a capture (tcpdump -nn -e lines)
echoes() {
	grep -cE "$2 > $3: ICMP echo request|$3 > $2: ICMP echo reply" "$1"
}

t0=$(settled port_stat $SW mon tx_packets)
capture_start mon /tmp/hvp-mon.txt -i eth0 -e icmp and host 10.8.0.3 and host 10.8.0.4
check "tcpdump listens on the mirror port" test $? -eq 0
check "comA pings prom three times" ip netns exec comA ping -c 3 -i 0.3 -W 2 10.8.0.3
capture_stop /tmp/hvp-mon.txt 6 >/dev/null
t1=$(settled port_stat $SW mon tx_packets)
check "the mirror port sent exactly the 3 requests and 3 replies ($t0 -> $t1)" \
	delta_is "$t0" "$t1" 6
check "tcpdump saw them: 6 echoes between comA and prom ($(echoes /tmp/hvp-mon.txt 10.8.0.4 10.8.0.3))" \
	test "$(echoes /tmp/hvp-mon.txt 10.8.0.4 10.8.0.3)" -eq 6
check_output "the mirror sees the requests to the source" 'echo request' cat /tmp/hvp-mon.txt
check_output "the mirror sees the replies from the source" 'echo reply' cat /tmp/hvp-mon.txt
check_output "mirrored frames keep their VLAN" 'vlan 100' cat /tmp/hvp-mon.txt
t0=$(settled port_stat $SW mon tx_packets)
capture_start mon /tmp/hvp-mon.txt -i eth0 -e icmp
check "tcpdump listens on the mirror port again" test $? -eq 0
check "comA pings comB three times" ip netns exec comA ping -c 3 -i 0.3 -W 2 10.8.0.5
capture_stop /tmp/hvp-mon.txt >/dev/null
t1=$(settled port_stat $SW mon tx_packets)
check "traffic between two other ports is not mirrored ($t0 -> $t1)" \
	delta_is "$t0" "$t1" 0
check_fail "and tcpdump saw none of it" grep echo /tmp/hvp-mon.txt
rm -f /tmp/hvp-mon.txt /tmp/hvp-mon.txt.err
check "mirroring off" hvnet port set $SW prom mirror none

# storm limit: 10 broadcast frames per second from comB
src=$(ip -n comB -br link show eth0 | awk '{print $3}')
bcast="ffffffffffff ${src//:/} 0800 4500 0024 0000 0000 4011 0000 0a080005 ffffffff 1234 1234 0010 0000 0102030405060708"
send_burst() {
	ip netns exec comB "$SEND" eth0 "$bcast" 60
}
check "a storm limit of 10 pps" hvnet port set $SW comB storm-limit 10
s0=$(settled port_stat $SW comB drop_storm)
r0=$(settled port_stat $SW comB rx_packets)
send_burst
s1=$(settled port_stat $SW comB drop_storm)
r1=$(settled port_stat $SW comB rx_packets)
check "most of the 60 were dropped by the limit ($s0 -> $s1)" \
	delta_in "$s0" "$s1" 20 60
check "rx_packets was read ($r0, $r1)" is_count "$r0" "$r1"
check "the rest passed: 60 counted in all (rx $r0 -> $r1)" \
	delta_is "$((r0 + s0))" "$((r1 + s1))" 60
check "no limit: none dropped" hvnet port set $SW comB storm-limit 0
send_burst
r2=$(settled port_stat $SW comB rx_packets)
s2=$(settled port_stat $SW comB drop_storm)
check "the switch received 60 more ($r1 -> $r2)" \
	delta_is "$r1" "$r2" 60
check "and dropped none of them ($s1 -> $s2)" delta_is "$s1" "$s2" 0
check_fail "a storm limit above 10,000,000 is refused" hvnet port set $SW comB storm-limit 20000000
finish
