#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Learning forwarding on a private switch with three VMs (namespaces on
# emulated ports): flooding, learning, unicast that no longer floods, the
# no-hairpin rule, static entries, flush, ageing, learning limits and MTU.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping

SW=hvf0
NS="hvf1 hvf2 hvf3"

cleanup() {
	hvnet switch del $SW 2>/dev/null
	for n in $NS; do
		ip netns del "$n" 2>/dev/null
	done
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"

# pstat PORT FIELD: a counter of the port, settled
pstat() {
	settled port_stat $SW "$1" "$2"
}

fdb_has() { # MAC PORT
	hvnet fdb show $SW | grep -qi "$1.*$2"
}

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
i=0
for n in $NS; do
	i=$((i + 1))
	vm_add "$n" "10.9.0.$i/24" "hvf$i-h"
	ip -n "$n" link set eth0 address "02:00:00:00:0f:0$i"
	check "port p$i on hvf$i-h" hvnet port add $SW name "p$i" dev "hvf$i-h"
done

check "ping vm1 -> vm2 (ARP floods, the reply is unicast)" \
	ip netns exec hvf1 ping -c 3 -i 0.2 -W 2 10.9.0.2
check "vm1's address learned on p1" fdb_has 02:00:00:00:0f:01 p1
check "vm2's address learned on p2" fdb_has 02:00:00:00:0f:02 p2
check_fail "vm3 was not learned (it sent nothing)" fdb_has 02:00:00:00:0f:03 p3
check_output "p1 flooded (ARP request)" '[1-9]' port_stat $SW p1 flooded

# learned unicast no longer reaches p3 (no ARP from here: only the pings)
check "static neighbours: hvf1 hvf2 hvf3" static_neighbours hvf1 hvf2 hvf3
before=$(port_stat $SW p3 tx_packets)
check "20 unicast pings vm1 -> vm2" ip netns exec hvf1 ping -c 20 -i 0.05 -W 2 -q 10.9.0.2
after=$(pstat p3 tx_packets)
check "known unicast is not flooded to p3 ($before -> $after)" delta_is "$before" "$after" 0

# broadcast reaches everyone but the source: the 2 requests reach p3
before=$(port_stat $SW p3 tx_packets)
ip netns exec hvf1 ping -c 2 -i 0.2 -W 1 -b 10.9.0.255 >/dev/null 2>&1
after=$(pstat p3 tx_packets)
check "broadcast floods to p3 ($before -> $after)" delta_is "$before" "$after" 2

# a static entry sends vm2's address to p3: vm2 becomes unreachable
check "static entry for vm2 on p3" hvnet fdb add $SW 02:00:00:00:0f:02 port p3
check_output "fdb shows it static" '02:00:00:00:0f:02.*p3.*static' hvnet fdb show $SW
check_fail "vm1 cannot reach vm2 past the static entry" \
	ip netns exec hvf1 ping -c 2 -i 0.2 -W 1 10.9.0.2
check "static entries do not move: still on p3" fdb_has 02:00:00:00:0f:02 p3
check "delete the static entry" hvnet fdb del $SW 02:00:00:00:0f:02
check "vm1 reaches vm2 again" ip netns exec hvf1 ping -c 2 -i 0.2 -W 2 10.9.0.2

# flush, then ageing
# vm1 falls silent first, so that nothing relearns its address (ARP keeps
# the others talking)
ip -n hvf1 link set eth0 down
check_output "vm1 is in the table before the flush" '02:00:00:00:0f:01' hvnet fdb show $SW
check "flush the table" hvnet fdb flush $SW
check_fail "vm1's entry is gone after the flush" fdb_has 02:00:00:00:0f:01 p1
ip -n hvf1 link set eth0 up
check "ageing 500 ms" hvnet switch set $SW ageing 500
check_output "switch shows the ageing time" 'ageing.?500' hvnet switch show $SW
ip netns exec hvf1 ping -c 1 -W 2 10.9.0.2 >/dev/null
aged=0
for _ in $(seq 50); do
	fdb_has 02:00:00:00:0f:01 p1 || { aged=1; break; }
	sleep 0.2
done
ntest=$((ntest + 1))
if [ $aged = 1 ]; then
	echo "ok $ntest learned entries age out"
else
	echo "not ok $ntest learned entries age out"
	ret=$KSFT_FAIL
fi
hvnet switch set $SW ageing 300000

# learning limit: p1 may learn one address; a second one is dropped
check "p1 learn-limit 1" hvnet port set $SW p1 learn-limit 1
check "vm1 still talks" ip netns exec hvf1 ping -c 2 -i 0.2 -W 2 10.9.0.2
ip -n hvf1 link set eth0 address 02:00:00:00:0f:11
check "static neighbours: hvf1 hvf2 hvf3" static_neighbours hvf1 hvf2 hvf3
check_fail "a second address on p1 is refused" \
	ip netns exec hvf1 ping -c 2 -i 0.2 -W 1 10.9.0.2
check_output "and counted as drop-learn-limit" '"drop_learn_limit":[1-9]' \
	hvnet -j -s port show $SW p1
check "p1 learn-limit 0 (none)" hvnet port set $SW p1 learn-limit 0
check "the new address talks" ip netns exec hvf1 ping -c 2 -i 0.2 -W 2 10.9.0.2
ip -n hvf1 link set eth0 address 02:00:00:00:0f:01
check "static neighbours: hvf1 hvf2 hvf3" static_neighbours hvf1 hvf2 hvf3

# MTU: p2's NIC follows its netdev's MTU; bigger frames are dropped and counted
ip link set hvf2-h mtu 1000
check "1400-byte pings within p2's old MTU fail now" \
	bash -c '! ip netns exec hvf1 ping -c 2 -i 0.2 -W 1 -M do -s 1400 10.9.0.2'
check_output "counted as drop-mtu on p2" '"drop_mtu":[1-9]' hvnet -j -s port show $SW p2
check "small pings still pass" ip netns exec hvf1 ping -c 2 -i 0.2 -W 2 -s 900 10.9.0.2
ip link set hvf2-h mtu 1500

check "port del p3 (disconnect, delete NIC, delete port)" hvnet port del $SW p3
check_fail "p3 is gone" hvnet port show $SW p3
check "vm1 and vm2 still talk" ip netns exec hvf1 ping -c 2 -i 0.2 -W 2 10.9.0.2
check "switch del" hvnet switch del $SW
# joining a bridge needs the rx_handler the switch held
joins_bridge() {
	local rc

	ip link add hvfbr type bridge || return 1
	ip link set hvf1-h master hvfbr
	rc=$?
	ip link del hvfbr
	return $rc
}
check "hvf1-h has no rx_handler claim left (it can join a bridge)" joins_bridge
finish
