#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Private and internal switches, proved by traffic. Namespaces stand for
# VMs; each VM's veth has its host end as an emulated port.
#
#   private switch vsp:  vm1 10.2.0.1 -- p1 --+-- p2 -- vm2 10.2.0.2
#                        (no uplink, no internal NIC: the host is not on it)
#   internal switch vsi: vm3 10.3.0.1 -- p3 --+-- vEthI 10.3.0.254 (host)
#                        outside 10.3.0.100 on a veth of its own (upx), on
#                        no switch: neither the host nor vm3 reach it
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping modprobe

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

	hvnet switch del vsp 2>/dev/null
	hvnet switch del vsi 2>/dev/null
	for i in p1h p2h p3h upx; do
		ip link del "$i" 2>/dev/null
	done
	for i in vm1 vm2 vm3 outside; do
		ip netns del "$i" 2>/dev/null
	done
	for ((i = ${#loaded[@]} - 1; i >= 0; i--)); do
		modprobe -r "${loaded[i]}" 2>/dev/null
	done
}




# vm NAME ADDR HOSTEND: a namespace with eth0 at ADDR/24, wired by a veth
# to HOSTEND in the host
vm() {
	vm_add "$1" "$2/24" "$3"
}

# lacks REGEX COMMAND...: COMMAND succeeds and its output lacks REGEX
lacks() {
	local re=$1 out

	shift
	out=$("$@" 2>&1) || { printf 'failed:\n%s\n' "$out"; return 1; }
	printf '%s\n' "$out"
	! printf '%s\n' "$out" | grep -qE -- "$re"
}

# netdevs: the host's netdev names
netdevs() {
	ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | sort
}

for ns in vm1 vm2 vm3 outside; do
	[ ! -e "/run/netns/$ns" ] || skip "namespace $ns exists"
done
for dev in p1h p2h p3h upx vEthI; do
	! ip link show dev "$dev" >/dev/null 2>&1 || skip "netdev $dev exists"
done
trap cleanup EXIT
trap 'exit 1' TERM INT

need_module vswitch || { check "modprobe vswitch" false; finish; }
for s in vsp vsi; do
	hvnet switch show "$s" >/dev/null 2>&1 && skip "switch $s exists"
done
need_module veth
ip link add vsw-probe type veth peer name vsw-probe1 2>/dev/null || skip "no veth support"
ip link del vsw-probe

# ---- private switch ----
vm vm1 10.2.0.1 p1h
vm vm2 10.2.0.2 p2h
check "private: vm1 cannot reach vm2 before the switch" vm_unreachable vm1 10.2.0.2

before=$(netdevs)
check "switch add vsp type private" hvnet switch add vsp type private
check "private: no netdev appeared in the host" [ "$(netdevs)" = "$before" ]
check_output "private: switch show says private" '^vsp id [0-9]+ type private ' \
	hvnet switch show vsp
check "private: switch show: no uplink, no internal NIC" \
	lacks 'uplink|internal-nic' hvnet switch show vsp
check "private: -j switch show: no uplink, no internal NIC" \
	lacks '"uplink|"internal_nic' hvnet -j switch show vsp
check "private: port add vsp name p1 dev p1h" hvnet port add vsp name p1 dev p1h
check "private: port add vsp name p2 dev p2h" hvnet port add vsp name p2 dev p2h
check_output "private: p1 is an emulated port on p1h" \
	'^    nic 0 type emulated state connected dev p1h ' hvnet port show vsp p1
check "private: port list holds only p1 and p2" \
	[ "$(hvnet port show vsp | awk '/^vsp /{print $2}' | xargs)" = "p1 p2" ]

check "private: vm1 reaches vm2" vm_reach vm1 10.2.0.2
check "private: vm2 reaches vm1" vm_reach vm2 10.2.0.1
check "private: the host cannot reach vm1" vm_unreachable - 10.2.0.1
check "private: the host cannot reach vm2" vm_unreachable - 10.2.0.2

check "private: port del vsp p2" hvnet port del vsp p2
check "private: vm1 cannot reach vm2 once p2 is gone" vm_unreachable vm1 10.2.0.2
check "private: switch del vsp" hvnet switch del vsp
check_fail "private: no switch vsp" hvnet switch show vsp

# ---- internal switch ----
vm vm3 10.3.0.1 p3h
vm outside 10.3.0.100 upx

check "switch add vsi type internal internal-nic vEthI" \
	hvnet switch add vsi type internal internal-nic vEthI
check_output "internal: switch show: internal NIC vEthI" \
	'^vsi id [0-9]+ type internal internal-nic vEthI ' hvnet switch show vsi
check "internal: switch show: no uplink" lacks 'uplink' hvnet switch show vsi
check "internal: port add vsi name p3 dev p3h" hvnet port add vsi name p3 dev p3h
ip addr add 10.3.0.254/24 dev vEthI
ip link set vEthI up

check "internal: the host reaches vm3" vm_reach - 10.3.0.1
check "internal: vm3 reaches the host" vm_reach vm3 10.3.0.254
check "internal: vm3 cannot reach outside" vm_unreachable vm3 10.3.0.100
check "internal: the host cannot reach outside" vm_unreachable - 10.3.0.100
check "internal: outside cannot reach vm3" vm_unreachable outside 10.3.0.1

check "internal: switch del vsi" hvnet switch del vsi
check_fail "internal: vEthI is gone" ip link show dev vEthI
finish
