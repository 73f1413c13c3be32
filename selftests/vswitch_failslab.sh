#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Configuration under allocation failure: hvnet's requests run with failslab
# failing some of their allocations. Each request either happens or is
# refused; nothing leaks (kmemleak, read by the runner), nothing splats, and
# the switch stays consistent and removable. Needs a kernel with failslab
# (the debug kernel).
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip

FS=/sys/kernel/debug/failslab
[ -d $FS ] || skip "the kernel has no failslab (CONFIG_FAILSLAB)"
SW=hvfs0

cleanup() {
	echo 0 >$FS/probability 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	for i in 1 2 3 4; do
		ip link del "hvfs$i" 2>/dev/null
	done
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"
for i in 1 2 3 4; do
	ip link add "hvfs$i" type veth peer name "hvfs$i-p"
done

echo Y >$FS/task-filter
echo 0 >$FS/verbose
echo -1 >$FS/times
echo 0 >$FS/space
echo 0 >$FS/interval
echo N >$FS/ignore-gfp-wait 2>/dev/null

# run a command with failslab failing about 1 allocation in 5
faulty() {
	bash -c 'echo 1 >/proc/self/make-it-fail; exec "$@"' faulty "$@" >/dev/null 2>&1
}

echo 20 >$FS/probability
ok=0 refused=0
for round in $(seq 30); do
	for cmd in "switch add $SW type internal internal-nic hvfsint0" \
		   "port add $SW name p1 dev hvfs1 vlan access 10" \
		   "port add $SW name p2 dev hvfs2 vlan trunk 10,20 native 1" \
		   "port set $SW p2 vlan access 20" \
		   "fdb add $SW 02:00:00:00:00:01 port p1" \
		   "nic disconnect $SW p1" "nic connect $SW p1" \
		   "port del $SW p1" "port del $SW p2" "switch del $SW"; do
		# shellcheck disable=SC2086
		if faulty hvnet $cmd; then
			ok=$((ok + 1))
		else
			refused=$((refused + 1))
		fi
	done
	echo 0 >$FS/probability
	# whatever happened, the state reads back and can be removed
	if hvnet switch show $SW >/dev/null 2>&1; then
		hvnet port show $SW >/dev/null || { echo "# round $round: port show failed"; ret=1; }
		hvnet switch del $SW || { echo "# round $round: switch del failed"; ret=1; }
	fi
	echo 20 >$FS/probability
done
echo 0 >$FS/probability
echo "# $ok requests done, $refused refused under failslab"

ntest=$((ntest + 1))
if [ "$refused" -gt 0 ] && [ "$ok" -gt 0 ]; then
	echo "ok $ntest failslab refused some requests and let others through"
else
	echo "not ok $ntest failslab refused some requests and let others through"
	ret=$KSFT_FAIL
fi
check_fail "no switch left" hvnet switch show $SW
check "and a clean one works" hvnet switch add $SW type internal internal-nic hvfsint0
check "with a port" hvnet port add $SW name p1 dev hvfs1
check "removed" hvnet switch del $SW
check_fail "its internal NIC went with it" ip link show hvfsint0
finish
