#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# An LBFO team as the uplink of an external switch: bond0 (active-backup,
# miimon 100) over two veths whose peers sit under a Linux bridge in the
# namespace "outside". Taking the active slave down fails over to the
# other one, and the VM behind the switch still reaches outside; with both
# slaves down it does not.
#
#   vm1: eth0 10.4.0.1 == p1h (port p1) --+
#                                        vs0 -- bond0 -+- upA == oA -+- obr0 10.4.0.100
#                                                      +- upB == oB -+  (outside)
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping modprobe

SW=vs0
loaded=()	# modules this test loaded, unloaded at exit
idle_bond0=0	# the bonding driver's own idle bond0 was there (and is put back)

# need_module NAME [PARAM...]: loaded or built in (best effort: a feature
# that is still missing is found when it is used)
need_module() {
	local m=$1

	shift
	[ -e "/sys/module/$m/initstate" ] && return 0
	modprobe "$m" "$@" 2>/dev/null || return 1
	[ ! -e "/sys/module/$m/initstate" ] || loaded+=("$m")
}

cleanup() {
	local i

	hvnet switch del "$SW" 2>/dev/null
	for i in bond0 upA upB p1h; do
		ip link del "$i" 2>/dev/null
	done
	[ "$idle_bond0" = 0 ] || ip link add bond0 type bond 2>/dev/null
	ip netns del vm1 2>/dev/null
	ip netns del outside 2>/dev/null
	for ((i = ${#loaded[@]} - 1; i >= 0; i--)); do
		modprobe -r "${loaded[i]}" 2>/dev/null
	done
}

# reach ADDR: vm1 pings ADDR within TIMEOUT s (default 15: ARP, failover)
reach() {
	local addr=$1 end=$((SECONDS + ${2:-15})) out

	while :; do
		out=$(ip netns exec vm1 ping -c 1 -W 1 "$addr" 2>&1) && return 0
		[ "$SECONDS" -lt "$end" ] || break
	done
	printf '%s\n' "$out"
	ip -n vm1 neigh show
	return 1
}

# unreachable ADDR: three pings from vm1 to ADDR all go unanswered
unreachable() {
	! ip netns exec vm1 ping -c 3 -i 0.5 -W 1 "$1"
}

# active_slave: bond0's active slave, as the bonding driver reports it
active_slave() {
	if [ -r /proc/net/bonding/bond0 ]; then
		sed -n 's/^Currently Active Slave: //p' /proc/net/bonding/bond0
	else
		ip -d link show dev bond0 | sed -n 's/.* active_slave \([^ ]*\).*/\1/p'
	fi
}

# active_is DEV: the active slave is DEV within 10 s
active_is() {
	local end=$((SECONDS + 10))

	until [ "$(active_slave)" = "$1" ]; do
		if [ "$SECONDS" -ge "$end" ]; then
			echo "active slave: '$(active_slave)', wanted '$1'"
			cat /proc/net/bonding/bond0 2>/dev/null
			return 1
		fi
		sleep 0.2
	done
}

# rx_packets NS DEV: received packets of DEV in namespace NS
rx_packets() {
	ip -n "$1" -s link show dev "$2" | awk '$1 == "RX:" { getline; print $2; exit }'
}

for ns in vm1 outside; do
	[ ! -e "/run/netns/$ns" ] || skip "namespace $ns exists"
done
for dev in upA upB p1h; do
	! ip link show dev "$dev" >/dev/null 2>&1 || skip "netdev $dev exists"
done
trap cleanup EXIT
trap 'exit 1' TERM INT

need_module vswitch || { check "modprobe vswitch" false; finish; }
hvnet switch show "$SW" >/dev/null 2>&1 && skip "switch $SW exists"
need_module veth
need_module bridge
# max_bonds=0: the driver makes no bond0 of its own at load
need_module bonding max_bonds=0
if ip link show dev bond0 >/dev/null 2>&1; then
	# a bonding driver built in (or loaded with defaults) makes an idle
	# bond0; anything else is someone's
	if [ -d /sys/class/net/bond0/bonding ] && [ -z "$(cat /sys/class/net/bond0/bonding/slaves)" ] &&
	   ! ip link show dev bond0 | grep -q ',UP'; then
		idle_bond0=1
		ip link del bond0
	else
		skip "netdev bond0 exists and is in use"
	fi
fi
ip link add vsw-probe type veth peer name vsw-probe1 2>/dev/null || skip "no veth support"
ip link del vsw-probe
ip link add bond0 type bond mode active-backup miimon 100 2>/dev/null ||
	skip "no bonding support (bonding module)"
ns_add outside
ns_add vm1
ip -n outside link add obr0 type bridge 2>/dev/null || skip "no bridge support"

# outside: a bridge over the peers of both slaves
for s in A B; do
	ip link add "up$s" type veth peer name "o$s" netns outside
	ip -n outside link set "o$s" master obr0
	ip -n outside link set "o$s" up
done
ip -n outside addr add 10.4.0.100/24 dev obr0
ip -n outside link set obr0 up
ip -n outside link set lo up

# the team: upA first, so that it becomes the active slave
check "upA enslaved to bond0" ip link set upA master bond0
check "upB enslaved to bond0" ip link set upB master bond0
ip link set bond0 up
check_output "bond0 is active-backup, miimon 100" ' mode active-backup .*miimon 100 ' \
	ip -d link show dev bond0
check "upA is the active slave" active_is upA

# the VM
ip link add p1h type veth peer name eth0 netns vm1
ip -n vm1 addr add 10.4.0.1/24 dev eth0
ip -n vm1 link set eth0 up
ip -n vm1 link set lo up
ip link set p1h up

check "switch add $SW type external uplink bond0" hvnet switch add "$SW" type external uplink bond0
check "port add $SW name p1 dev p1h" hvnet port add "$SW" name p1 dev p1h
check_output "switch show: uplink bond0" "^$SW id [0-9]+ type external uplink bond0 " \
	hvnet switch show "$SW"
check_output "bond0 promiscuous while bound" ' promiscuity 1 ' ip -d link show dev bond0
check "vm1 reaches outside through bond0" reach 10.4.0.100

active=$(active_slave)
case "$active" in
upA) backup=upB ;;
upB) backup=upA ;;
*) backup= ;;
esac
check "the active slave is upA or upB ($active)" [ -n "$backup" ]
if [ -n "$backup" ]; then
	check "ip link set $active down" ip link set "$active" down
	check "failover: $backup is the active slave" active_is "$backup"
	rx=$(rx_packets outside "o${backup#up}")
	check "vm1 still reaches outside after the failover" reach 10.4.0.100 20
	check "the traffic went over $backup" \
		delta_in "$rx" "$(rx_packets outside "o${backup#up}")" 1 1000000
	check "ip link set $backup down" ip link set "$backup" down
	check "with both slaves down, vm1 cannot reach outside" unreachable 10.4.0.100
fi

check "switch del $SW" hvnet switch del "$SW"
check_output "bond0 not promiscuous after switch del" ' promiscuity 0 ' ip -d link show dev bond0
finish
