#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# An external switch, proved by traffic. Namespaces stand for a VM (vm1)
# and for the world outside the host (outside); veth pairs are the wires:
#
#   outside: o0 10.1.0.100 ==veth== up0 (uplink) --+
#                                                 vs0 -- vEth0 10.1.0.254 (host)
#   vm1:    eth0 10.1.0.1  ==veth== p1h (port p1) --+
#
# vm1 reaches outside through the uplink, the host reaches both through its
# internal NIC; the ports count what they carried; the internal NIC is a
# netdev of the vswitch driver; the uplink is promiscuous exactly while it
# is bound; an uplink already under a bridge is refused and nothing changes.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping ethtool modprobe

SW=vs0
NS_VM=vm1
NS_OUT=outside
loaded=()	# modules this test loaded, unloaded at exit

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
	hvnet switch del vs1 2>/dev/null
	for i in up0 p1h up1 hvbr0; do
		ip link del "$i" 2>/dev/null
	done
	ip netns del "$NS_VM" 2>/dev/null
	ip netns del "$NS_OUT" 2>/dev/null
	for ((i = ${#loaded[@]} - 1; i >= 0; i--)); do
		modprobe -r "${loaded[i]}" 2>/dev/null
	done
}


# no_ipv6 NS DEV...: no IPv6 chatter, so that counters move only with the
# traffic the test makes
no_ipv6() {
	local ns=$1 d

	shift
	for d in "$@"; do
		ns_run "$ns" sh -c "echo 1 >/proc/sys/net/ipv6/conf/$d/disable_ipv6" 2>/dev/null
	done
}



# replies NS ADDR COUNT: how many of COUNT pings were answered
replies() {
	ns_run "$1" ping -c "$3" -i 0.2 -W 2 "$2" 2>/dev/null |
		sed -n 's/.* \([0-9]*\) received.*/\1/p'
}

# port_stat PORT COUNTER: a counter of PORT of $SW (the port's own, not
# those of its NICs listed after it)
port_stat() {
	hvnet -j -s port show "$SW" "$1" | sed 's/"nics":.*//' |
		grep -o "\"$2\":[0-9]*" | head -n 1 | cut -d: -f2
}

# grew WHAT BEFORE AFTER MIN: AFTER - BEFORE >= MIN (MIN >= 1)
grew() {
	echo "$1: before $2, after $3, wanted at least +$4"
	[ -n "$2" ] && [ -n "$3" ] && [ "$4" -ge 1 ] && [ $(($3 - $2)) -ge "$4" ]
}

# promiscuity DEV: the netdev's promiscuity count
promiscuity() {
	ip -d link show dev "$1" | sed -n 's/.* promiscuity \([0-9]*\).*/\1/p'
}

# link_packets DEV rx|tx: the packets column of ip -s link
link_packets() {
	ip -s link show dev "$1" |
		awk -v want="${2^^}:" '$1 == want { getline; print $2; exit }'
}

# fails_with REGEX COMMAND...: COMMAND fails and says REGEX
fails_with() {
	local re=$1 out

	shift
	if out=$("$@" 2>&1); then
		printf 'succeeded:\n%s\n' "$out"
		return 1
	fi
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -qE -- "$re"
}

# The names this test uses must be free: what holds them is not ours.
for ns in "$NS_VM" "$NS_OUT"; do
	[ ! -e "/run/netns/$ns" ] || skip "namespace $ns exists"
done
for dev in up0 o0 p1h vEth0 up1 up1p hvbr0 vEth1; do
	! ip link show dev "$dev" >/dev/null 2>&1 || skip "netdev $dev exists"
done
trap cleanup EXIT
trap 'exit 1' TERM INT

need_module vswitch || { check "modprobe vswitch" false; finish; }
hvnet switch show "$SW" >/dev/null 2>&1 && skip "switch $SW exists"
hvnet switch show vs1 >/dev/null 2>&1 && skip "switch vs1 exists"
need_module veth
ip link add vsw-probe type veth peer name vsw-probe1 2>/dev/null || skip "no veth support"
ip link del vsw-probe

# the world outside and the VM
ns_add "$NS_OUT"
ns_add "$NS_VM"
for ns in "$NS_OUT" "$NS_VM"; do
	no_ipv6 "$ns" all default
	ns_run "$ns" ip link set lo up
done
ip link add up0 type veth peer name o0 netns "$NS_OUT"
ip link add p1h type veth peer name eth0 netns "$NS_VM"
no_ipv6 - up0 p1h
ip -n "$NS_OUT" addr add 10.1.0.100/24 dev o0
ip -n "$NS_OUT" link set o0 up
ip -n "$NS_VM" addr add 10.1.0.1/24 dev eth0
ip -n "$NS_VM" link set eth0 up
ip link set up0 up
ip link set p1h up

check_output "up0 is not promiscuous before the switch" '^0$' promiscuity up0
# a path that existed without the switch would make every check below
# meaningless
check "vm1 cannot reach outside without the switch" vm_unreachable "$NS_VM" 10.1.0.100

check "switch add $SW type external uplink up0 internal-nic vEth0" \
	hvnet switch add "$SW" type external uplink up0 internal-nic vEth0
check "port add $SW name p1 dev p1h" hvnet port add "$SW" name p1 dev p1h
no_ipv6 - vEth0
ip addr add 10.1.0.254/24 dev vEth0
ip link set vEth0 up

check_output "switch show: external, uplink up0, internal NIC vEth0" \
	"^$SW id [0-9]+ type external uplink up0 internal-nic vEth0 " hvnet switch show "$SW"
check_output "up0 is promiscuous while bound" '^1$' promiscuity up0
check_output "ethtool -i vEth0: driver vswitch" '^driver: vswitch$' ethtool -i vEth0

# vm1 <-> outside, through the uplink
check "vm1 reaches outside through the uplink" vm_reach "$NS_VM" 10.1.0.100
ext_rx=$(port_stat external rx_packets)
ext_tx=$(port_stat external tx_packets)
n=$(replies "$NS_VM" 10.1.0.100 5)
check "vm1 -> outside: 5 more pings answered" [ "${n:-0}" -eq 5 ]
check "external port counted them in (rx_packets)" \
	grew rx_packets "$ext_rx" "$(port_stat external rx_packets)" "${n:-0}"
check "external port counted them out (tx_packets)" \
	grew tx_packets "$ext_tx" "$(port_stat external tx_packets)" "${n:-0}"
check "outside reaches vm1" vm_reach "$NS_OUT" 10.1.0.1

# the host, through its internal NIC
check "host reaches vm1 through vEth0" vm_reach - 10.1.0.1
check "host reaches outside through vEth0" vm_reach - 10.1.0.100
int_rx=$(port_stat internal rx_packets)
int_tx=$(port_stat internal tx_packets)
dev_rx=$(link_packets vEth0 rx)
dev_tx=$(link_packets vEth0 tx)
n=$(replies - 10.1.0.1 5)
check "host -> vm1: 5 more pings answered" [ "${n:-0}" -eq 5 ]
check "internal port counted the requests (rx_packets)" \
	grew rx_packets "$int_rx" "$(port_stat internal rx_packets)" 5
check "internal port counted the replies (tx_packets)" \
	grew tx_packets "$int_tx" "$(port_stat internal tx_packets)" "${n:-0}"
check "ip -s link: vEth0 sent the requests" grew "TX packets" "$dev_tx" "$(link_packets vEth0 tx)" 5
check "ip -s link: vEth0 received the replies" \
	grew "RX packets" "$dev_rx" "$(link_packets vEth0 rx)" "${n:-0}"

# the internal NIC follows its netdev: MTU, name
ip -n "$NS_VM" link set eth0 mtu 9000
ip link set p1h mtu 9000
check_fail "4,000-byte pings to vm1 do not fit vEth0's MTU of 1500" \
	ping -c 1 -W 2 -M do -s 4000 10.1.0.1
check "vEth0 to MTU 9000" ip link set vEth0 mtu 9000
check_output "the internal NIC follows: MTU 9000" '^    nic 0 type internal .* mtu 9000' \
	hvnet port show "$SW" internal
check "host -> vm1: 4,000-byte pings, not fragmented" ping -c 2 -i 0.3 -W 2 -M do -s 4000 10.1.0.1
check "vEth0 renamed vEthR" bash -c "ip link set vEth0 down && ip link set vEth0 name vEthR &&
	ip link set vEthR up"
check_output "switch show follows the name" " internal-nic vEthR " hvnet switch show "$SW"
check "renamed back" bash -c "ip link set vEthR down && ip link set vEthR name vEth0 &&
	ip link set vEth0 up && ip link set vEth0 mtu 1500"
ip link set p1h mtu 1500
ip -n "$NS_VM" link set eth0 mtu 1500

# an uplink that is a bridge port already: refused, nothing changes
need_module bridge
if ip link add hvbr0 type bridge 2>/dev/null; then
	ip link add up1 type veth peer name up1p
	ip link set up1 master hvbr0
	before_sw=$(hvnet switch show)
	before_promisc=$(promiscuity up1)
	check "binding a bridge port is refused with the kernel's reason" \
		fails_with 'up1 is already attached to a bridge' \
		hvnet switch add vs1 type external uplink up1 internal-nic vEth1
	check_fail "no switch vs1" hvnet switch show vs1
	check "switch list unchanged" [ "$(hvnet switch show | awk '{print $1, $3}')" = \
		"$(printf '%s\n' "$before_sw" | awk '{print $1, $3}')" ]
	check_fail "no vEth1 left behind" ip link show dev vEth1
	check_output "up1 is still a port of hvbr0" ' master hvbr0 ' ip link show dev up1
	check "up1's promiscuity unchanged ($before_promisc)" \
		[ "$(promiscuity up1)" = "$before_promisc" ]
	ip link del up1
	ip link del hvbr0
else
	ntest=$((ntest + 1))
	echo "ok $ntest binding a bridge port is refused # SKIP no bridge support"
fi

# delete the switch: the uplink is released, the internal NIC is gone
check "switch del $SW" hvnet switch del "$SW"
check_output "up0 is not promiscuous after switch del" '^0$' promiscuity up0
check_fail "vEth0 is gone" ip link show dev vEth0
check_fail "no switch $SW" hvnet switch show "$SW"
check "vm1 cannot reach outside any more" vm_unreachable "$NS_VM" 10.1.0.100
finish
