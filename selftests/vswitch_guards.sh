#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The built-in ingress guards of a port, against crafted frames from a rogue
# VM (vm2 on p2): MAC spoofing, DHCP server messages, router advertisements
# and redirects are dropped and counted, ordinary traffic passes, and each
# guard turned off lets its frames through again.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping
SEND=$(dirname "$0")/send_frame
[ -x "$SEND" ] || skip "send_frame is not built"

SW=hvg0
VM2_MAC=02:00:00:00:0e:02
BCAST=ffffffffffff

cleanup() {
	hvnet switch del $SW 2>/dev/null
	ip netns del hvg1 2>/dev/null
	ip netns del hvg2 2>/dev/null
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"

stat() { # PORT FIELD
	port_stat $SW "$1" "$2"
}

both() { # COUNTER|-: p2's COUNTER (0 for -) and p1's tx_packets, on one line
	if [ "$1" = - ]; then
		echo "0 $(stat p1 tx_packets)"
	else
		echo "$(stat p2 "$1") $(stat p1 tx_packets)"
	fi
}

# sends DESCRIPTION GUARD-COUNTER|- DELIVERED(yes|no) HEX: vm2 sends the frame;
# p2's guard counter must rise by one (or not, with -) and p1 must (not) get
# it. Its end (the guard's count, or p1 sending it) is waited for; what must
# not happen is checked once it has ended.
sends() {
	local desc=$1 counter=$2 delivered=$3 hex=$4 c0=0 c1=0 t0 t1 ok=1

	# what came before settled when it was counted: read at once
	[ "$counter" = - ] || c0=$(stat p2 "$counter")
	t0=$(stat p1 tx_packets)
	is_count "$c0" "$t0" || ok=0
	ip netns exec hvg2 "$SEND" eth0 "$hex" || ok=0
	[ "$counter" = - ] || wait_until 5 above "$c0" stat p2 "$counter"
	[ "$delivered" = no ] || wait_until 5 above "$t0" stat p1 tx_packets
	read -r c1 t1 < <(settled both "$counter")
	is_count "$c1" "$t1" || ok=0
	if [ "$ok" = 1 ] && [ "$counter" != - ] && [ "$c1" -ne $((c0 + 1)) ]; then
		ok=0
	fi
	if [ "$ok" = 1 ] && [ "$delivered" = yes ] && [ "$t1" -ne $((t0 + 1)) ]; then
		ok=0
	elif [ "$ok" = 1 ] && [ "$delivered" = no ] && [ "$t1" -ne "$t0" ]; then
		ok=0
	fi
	ntest=$((ntest + 1))
	if [ $ok = 1 ]; then
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc (counter $counter ${c0:-} -> ${c1:-}, p1 tx $t0 -> $t1)"
		ret=$KSFT_FAIL
	fi
}

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
for i in 1 2; do
	vm_add "hvg$i" "10.6.0.$i/24" "hvg$i-h"
done
ip -n hvg2 link set eth0 address $VM2_MAC
check "p1 for vm1" hvnet port add $SW name p1 dev hvg1-h
check "p2 with vm2's MAC as its NIC's" bash -c \
	"hvnet port add $SW name p2 && hvnet nic add $SW p2 dev hvg2-h mac $VM2_MAC &&
	 hvnet nic connect $SW p2"
check "p2: every guard on" hvnet port set $SW p2 mac-guard on dhcp-guard on router-guard on
check_output "p2 shows its guards" 'mac-guard on dhcp-guard on router-guard on' \
	hvnet port show $SW p2
check "vm2 talks to vm1 with its own MAC" ip netns exec hvg2 ping -c 2 -i 0.2 -W 2 10.6.0.1
# from here on only the crafted frames cross the switch: no ARP refreshes
check "static neighbours: hvg1 hvg2" static_neighbours hvg1 hvg2

src=${VM2_MAC//:/}
ipv4_udp() { # SPORT DPORT (hex, 4 digits each): IPv4 10.6.0.2 -> 255.255.255.255
	echo "0800 4500 0024 0000 0000 4011 0000 0a060002 ffffffff $1 $2 0010 0000 0102030405060708"
}
# Ethernet to all-nodes, IPv6 fe80::2 -> ff02::1, ICMPv6 of the given type
ipv6_icmp() { # TYPE (2 hex digits)
	echo "86dd 60000000 0010 3a ff fe800000000000000000000000000002" \
	     "ff020000000000000000000000000001 $1 00 0000 000000000000000000000000"
}

sends "a spoofed source is dropped by the MAC guard" drop_mac_guard no \
	"$BCAST 020000000e66 $(ipv4_udp 1234 1234)"
sends "vm2's own broadcast passes" - yes "$BCAST $src $(ipv4_udp 1234 1234)"
sends "a DHCP server reply (67 -> 68) is dropped by the DHCP guard" drop_dhcp_guard no \
	"$BCAST $src $(ipv4_udp 0043 0044)"
sends "a DHCP client request (68 -> 67) passes" - yes "$BCAST $src $(ipv4_udp 0044 0043)"
sends "a router advertisement is dropped by the router guard" drop_router_guard no \
	"333300000001 $src $(ipv6_icmp 86)"
sends "an ICMPv6 redirect is dropped by the router guard" drop_router_guard no \
	"333300000001 $src $(ipv6_icmp 89)"
sends "an ICMP redirect is dropped by the router guard" drop_router_guard no \
	"$BCAST $src 0800 4500 0024 0000 0000 4001 0000 0a060002 ffffffff 0500 0000 0a060001 0102030405060708"
sends "an ICMPv6 echo request passes" - yes "333300000001 $src $(ipv6_icmp 80)"

check "p2: every guard off" hvnet port set $SW p2 mac-guard off dhcp-guard off router-guard off
sends "the spoofed source passes with the MAC guard off" - yes \
	"$BCAST 020000000e66 $(ipv4_udp 1234 1234)"
sends "the DHCP server reply passes with the DHCP guard off" - yes \
	"$BCAST $src $(ipv4_udp 0043 0044)"
sends "the router advertisement passes with the router guard off" - yes \
	"333300000001 $src $(ipv6_icmp 86)"
check_fail "a guard takes on or off only" hvnet port set $SW p2 mac-guard maybe
check_output "the guards are in JSON" '"dhcp_guard":"off"' hvnet -j port show $SW p2
finish
