#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Child partitions: hvnet partition makes network namespaces partitions by
# name, path or pid, each with its own VMBus; bad requests are refused with
# the kernel's message and change nothing; only root of the root partition
# changes them, and no child partition reads them; a partition goes with
# partition del, with its namespace, and with the module.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet modprobe rmmod su

NS1=hvp1 NS2=hvp2 NS3=hvp3
pid=

cleanup() {
	[ -z "$pid" ] || kill "$pid" 2>/dev/null
	for ns in $NS1 $NS2 $NS3; do
		ip netns del "$ns" 2>/dev/null
	done
	unload_hvnet
}
trap cleanup EXIT
cleanup

nobody() { # COMMAND...: as the unprivileged user nobody
	su -s /bin/bash nobody -c "$*"
}

inode_of() { # NETNS: its namespace's inode
	stat -L -c %i "/run/netns/$1"
}

# the partitions, one "name inode vmnics" line each, sorted
partitions() {
	hvnet -j partition show | tr '{' '\n' |
		sed -n 's/.*"name":"\([^"]*\)".*"netns_inode":\([0-9]*\),"vmnic_count":\([0-9]*\).*/\1 \2 \3/p' |
		sort
}

has_partition() { # NAME
	partitions | grep -q "^$1 "
}

no_partition() { # NAME
	! has_partition "$1"
}

check "netvsp loads (with the bus it needs)" modprobe netvsp
check "hvnet_vmbus came with it" module_loaded hvnet_vmbus
for ns in $NS1 $NS2 $NS3; do
	check "namespace $ns" ns_add $ns
done

check_output "no partition at first" '^\[\]$' hvnet -j partition show
check "vm1: a partition of the namespace named $NS1" hvnet partition add vm1 netns $NS1
check_output "vm1 shows its namespace's name" "^vm1 netns $NS1 netns-id [0-9]+ netns-inode [0-9]+ vmnics 0\$" \
	hvnet partition show vm1
check_output "vm1's inode is $NS1's" "^vm1 $(inode_of $NS1) 0\$" partitions
check "vm1 has its VMBus, vmbus-vm1" test -d /sys/devices/vmbus-vm1

ip netns exec $NS2 sleep 1000 &
pid=$!
in_ns2() {
	[ "$(stat -L -c %i /proc/$pid/ns/net 2>/dev/null)" = "$(inode_of $NS2)" ]
}
check "the sleeper runs in $NS2" wait_until 5 in_ns2
check "vm2: a partition of the namespace of pid $pid" hvnet partition add vm2 netns "$pid"
check_output "vm2's inode is $NS2's" "^vm2 $(inode_of $NS2) 0\$" partitions
check "vm3: a partition of the namespace file /run/netns/$NS3" \
	hvnet partition add vm3 netns /run/netns/$NS3
check_output "vm3's inode is $NS3's" "^vm3 $(inode_of $NS3) 0\$" partitions
check_output "three partitions" '^vm1 .*
vm2 .*
vm3 ' partitions

# each refusal with the kernel's words, and nothing changed
before=$(partitions)
check_refused "a second vm1 is refused" "a partition of that name exists" \
	hvnet partition add vm1 netns $NS1
check_refused "a second partition of $NS1 is refused" "the namespace is partition vm1's" \
	hvnet partition add vm9 netns $NS1
check_refused "the initial namespace is no child partition" \
	"the initial namespace is the root partition's" hvnet partition add vm9 netns 1
check_refused "a pid nothing runs as is refused" "no process has that pid" \
	hvnet partition add vm9 netns 2147483647
check_refused "a file that is no namespace is refused" \
	"the file descriptor names no network namespace" hvnet partition add vm9 netns /proc/self/ns/uts
check_refused "a missing namespace file is refused" "cannot open network namespace" \
	hvnet partition add vm9 netns nosuchns
check_refused "a name with a slash is refused" \
	"a partition name is 1-63 letters, digits, '.', '_' or '-'" hvnet partition add a/b netns $NS1
check_refused "a name with a space is refused" "a partition name is 1-63" \
	hvnet partition add "a b" netns $NS1
check_refused "a 64-byte name is refused" "too long" \
	hvnet partition add "$(printf 'v%.0s' $(seq 64))" netns $NS1
check_refused "deleting an unknown partition is refused" "no such partition" \
	hvnet partition del vm9
check_refused "showing an unknown partition is refused" "no such partition" \
	hvnet partition show vm9

# only root of the root partition changes them; reading needs no privilege
check_refused "nobody makes no partition" "Operation not permitted" \
	nobody hvnet partition add vm9 netns "$pid"
check_refused "nobody deletes no partition" "Operation not permitted" \
	nobody hvnet partition del vm1
check_output "nobody reads them" "^vm1 netns $NS1 " nobody hvnet partition show
check_refused "a child partition reads none" "partitions are read from the root partition only" \
	ip netns exec $NS1 hvnet partition show
check_refused "a child partition reads none by name" "partitions are read from the root partition only" \
	ip netns exec $NS1 hvnet partition show vm1
check_refused "a child partition makes none" \
	"partitions are configured from the root partition only" \
	ip netns exec $NS1 hvnet partition add vm9 netns 1
check_refused "a child partition deletes none" \
	"partitions are configured from the root partition only" \
	ip netns exec $NS1 hvnet partition del vm1
check "the refusals changed nothing, exactly" test "$(partitions)" = "$before"

# the three ways a partition goes
check "vm1 is deleted" hvnet partition del vm1
check "vm1 is gone" no_partition vm1
check "its VMBus is gone" test ! -e /sys/devices/vmbus-vm1
check "its namespace stays" test -e /run/netns/$NS1
check "$NS1 may be a partition again" hvnet partition add vm1 netns $NS1
check "ip netns del $NS3 takes vm3 with it" ip netns del $NS3
check "vm3 is gone" wait_until 30 no_partition vm3
check "vm3's VMBus is gone" wait_until 30 test ! -e /sys/devices/vmbus-vm3
check "vm2 stays while its sleeper holds $NS2" has_partition vm2
check "ip netns del $NS2" ip netns del $NS2
kill "$pid"
wait "$pid" 2>/dev/null
pid=
check "the sleeper gone, vm2 goes with $NS2" wait_until 30 no_partition vm2
check_output "vm1 remains alone" '^vm1 [0-9]+ 0$' partitions
check "netvsp unloads with a partition" rmmod netvsp
check "vm1's VMBus went with it" test ! -e /sys/devices/vmbus-vm1
check "netvsp loads again" modprobe netvsp
check_output "no partition after the reload" '^\[\]$' hvnet -j partition show
check "hvnet_vmbus unloads after netvsp" sh -c 'rmmod netvsp && rmmod hvnet_vmbus'
finish
