#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Ports and switches removed, and the module unloaded, while traffic
# flows: no splat (the runner reads the kernel log after every test), no
# leak, and the netdevs are free again afterwards.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping

SW=hvu0
FLOOD_PIDS=

cleanup() {
	[ -z "$FLOOD_PIDS" ] || kill $FLOOD_PIDS 2>/dev/null
	wait 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	hvnet switch del hvu1 2>/dev/null
	for n in hvu1 hvu2 hvu3; do
		ip netns del "$n" 2>/dev/null
	done
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"

setup() {
	local i

	hvnet switch del hvu1 2>/dev/null
	hvnet switch add $SW type internal internal-nic hvuint0 || return 1
	hvnet switch add hvu1 type private || return 1
	ip addr add 10.7.0.254/24 dev hvuint0
	ip link set hvuint0 up
	for i in 1 2 3; do
		ns_add "hvu$i" 2>/dev/null
		ip link add "hvu$i-h" type veth peer name eth0 netns "hvu$i" 2>/dev/null
		ip -n "hvu$i" addr add "10.7.0.$i/24" dev eth0 2>/dev/null
		ip -n "hvu$i" link set eth0 up
		ip link set "hvu$i-h" up
		hvnet port add $SW name "p$i" dev "hvu$i-h" || return 1
	done
}

flood() { # start broadcast and unicast floods from every VM and the host
	local i

	for i in 1 2 3; do
		ip netns exec "hvu$i" ping -q -f -b -W 1 10.7.0.255 >/dev/null 2>&1 &
		FLOOD_PIDS="$FLOOD_PIDS $!"
		ip netns exec "hvu$i" ping -q -f -s 1400 "10.7.0.$(( i % 3 + 1 ))" >/dev/null 2>&1 &
		FLOOD_PIDS="$FLOOD_PIDS $!"
	done
	ping -q -f 10.7.0.1 >/dev/null 2>&1 &
	FLOOD_PIDS="$FLOOD_PIDS $!"
	traffic_flows $SW p2 200
}

check "topology: internal switch, 3 VMs" setup
check "traffic flows" ip netns exec hvu1 ping -c 2 -W 2 10.7.0.2
flood
check_output "the switch forwards under load" '"tx_packets":[1-9]' hvnet -j -s port show $SW p2
check "port del p1 under traffic" hvnet port del $SW p1
check "nic disconnect p2 under traffic" hvnet nic disconnect $SW p2
check "nic connect p2 under traffic" hvnet nic connect $SW p2
check "switch del under traffic" hvnet switch del $SW
check_fail "the internal NIC is gone with its switch" ip link show hvuint0

check "again: topology" setup
flood
check "rmmod vswitch under traffic, switches and ports present" rmmod vswitch
check_fail "no switch netdev left" ip link show hvuint0
XX
kill $FLOOD_PIDS 2>/dev/null
wait 2>/dev/null
FLOOD_PIDS=
check "reload vswitch" modprobe vswitch
finish
