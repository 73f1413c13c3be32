#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# VLANs at the port edge: access ports isolate their VLANs; a trunk port
# carries its allowed VLANs tagged and its native VLAN untagged.
#
#   vm1  p1 access 10  10.8.10.1    vm4 (trunk p4: 10,20 native 1)
#   vm2  p2 access 10  10.8.10.2        eth0.10 10.8.10.4
#   vm3  p3 access 20  10.8.10.3        eth0.20 10.8.20.4
#                                       eth0    10.8.1.4
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping

SW=hvv0

cleanup() {
	hvnet switch del $SW 2>/dev/null
	for n in hvv1 hvv2 hvv3 hvv4; do
		ip netns del "$n" 2>/dev/null
	done
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe 8021q 2>/dev/null

vm() { # N ADDR
	vm_add "hvv$1" "$2" "hvv$1-h"
}

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
vm 1 10.8.10.1/24
vm 2 10.8.10.2/24
vm 3 10.8.10.3/24
vm 4 10.8.1.4/24
ip -n hvv4 link add link eth0 name eth0.10 type vlan id 10 || skip "no 802.1Q support"
ip -n hvv4 link add link eth0 name eth0.20 type vlan id 20
ip -n hvv4 addr add 10.8.10.4/24 dev eth0.10
ip -n hvv4 addr add 10.8.20.4/24 dev eth0.20
ip -n hvv4 link set eth0.10 up
ip -n hvv4 link set eth0.20 up
ip -n hvv3 addr add 10.8.20.3/24 dev eth0

check "p1 access 10" hvnet port add $SW name p1 dev hvv1-h vlan access 10
check "p2 access 10" hvnet port add $SW name p2 dev hvv2-h vlan access 10
check "p3 access 20" hvnet port add $SW name p3 dev hvv3-h vlan access 20
check "p4 trunk 10,20 native 1" hvnet port add $SW name p4 dev hvv4-h vlan trunk 10,20 native 1
check_output "p4 shows its trunk" 'trunk.*10,20' hvnet port show $SW p4

check "same access VLAN: vm1 -> vm2" ip netns exec hvv1 ping -c 2 -i 0.2 -W 2 10.8.10.2
check_fail "other access VLAN: vm1 -/-> vm3" ip netns exec hvv1 ping -c 2 -i 0.2 -W 1 10.8.10.3
check "trunk VLAN 10 reaches vm1 (tagged on p4, untagged on p1)" \
	ip netns exec hvv4 ping -c 2 -i 0.2 -W 2 10.8.10.1
check "trunk VLAN 20 reaches vm3" ip netns exec hvv4 ping -c 2 -i 0.2 -W 2 10.8.20.3
# vm4 sends untagged (native VLAN 1) to vm1's address and MAC: a route and
# a neighbour on eth0 make it go out, so only the switch can keep it from vm1
VM1_MAC=$(mac_of hvv1)
ip -n hvv4 route add 10.8.10.1/32 dev eth0
ip -n hvv4 neigh replace 10.8.10.1 lladdr "$VM1_MAC" dev eth0 nud permanent
# and nothing else in the meantime: no neighbour probes
check "static neighbours: hvv1 hvv2 hvv3 hvv4" static_neighbours hvv1 hvv2 hvv3 hvv4
r0=$(settled port_stat $SW p4 rx_packets)
t0=$(settled port_stat $SW p1 tx_packets)
check_fail "untagged (native 1) does not reach VLAN 10" \
	ip netns exec hvv4 ping -c 2 -i 0.2 -W 1 -I eth0 10.8.10.1
r1=$(settled port_stat $SW p4 rx_packets)
t1=$(settled port_stat $SW p1 tx_packets)
check "the switch took vm4's 2 untagged requests in ($r0 -> $r1)" delta_is "$r0" "$r1" 2
check "and sent none of them to p1 ($t0 -> $t1)" delta_is "$t0" "$t1" 0
ip -n hvv4 route del 10.8.10.1/32 dev eth0
check_output "vm1 learned in VLAN 10" "^$VM1_MAC vlan 10 port p1 " hvnet fdb show $SW

# a tagged frame on an access port is dropped and counted
ip -n hvv1 link add link eth0 name eth0.10 type vlan id 10
ip -n hvv1 addr add 10.8.99.1/24 dev eth0.10
ip -n hvv1 link set eth0.10 up
ip netns exec hvv1 ping -c 2 -i 0.2 -W 1 10.8.99.4 >/dev/null 2>&1
check_output "tagged frames on an access port count as drop-vlan" \
	'"drop_vlan":[1-9]' hvnet -j -s port show $SW p1

# moving vm3 to VLAN 10 joins it to vm1
check "p3 set access 10" hvnet port set $SW p3 vlan access 10
check "vm1 -> vm3 once both are in VLAN 10" ip netns exec hvv1 ping -c 2 -i 0.2 -W 2 10.8.10.3
# dropping VLAN 20 from the trunk cuts vm4's eth0.20 from vm3 in VLAN 20
check "p3 back to access 20" hvnet port set $SW p3 vlan access 20
check "trunk VLAN 20 reaches vm3 again" ip netns exec hvv4 ping -c 2 -i 0.2 -W 2 10.8.20.3
check "p4 set trunk 10 native 1" hvnet port set $SW p4 vlan trunk 10 native 1
check_fail "VLAN 20 no longer passes p4" ip netns exec hvv4 ping -c 2 -i 0.2 -W 1 10.8.20.3
check_fail "VLAN 4095 is refused" hvnet port set $SW p4 vlan access 4095
check_output "and p4 kept its settings" 'trunk.*10' hvnet port show $SW p4
finish
