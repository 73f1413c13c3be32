#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The bus Linux's own hv_netvsc binds to: the running kernel's stock
# hv_netvsc.ko loads against hvnet_vmbus.ko with a plain insmod (its 15
# VMBus imports' CRCs match), taints nothing but O and E, registers its
# driver on the "vmbus" bus, and both unload cleanly.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd insmod rmmod modprobe

# taint flags a kernel loaded with out-of-tree (O, 4096), unsigned (E,
# 8192) modules may carry; F (2) would mean a forced load
TAINT_OK=$((4096 | 8192))

ko=$(ls /lib/modules/"$(uname -r)"/kernel/drivers/net/hyperv/hv_netvsc.ko* 2>/dev/null | head -n 1)
[ -n "$ko" ] || skip "this kernel has no hv_netvsc.ko module"
if module_loaded hv_vmbus; then
	skip "the real hv_vmbus is loaded"
fi

cleanup() {
	! module_loaded hv_netvsc || rmmod hv_netvsc
	! module_loaded hvnet_vmbus || rmmod hvnet_vmbus
}
trap cleanup EXIT
cleanup

taint_clean() {
	local t

	t=$(cat /proc/sys/kernel/tainted)
	is_count "$t" || return 1
	[ $((t & ~TAINT_OK)) -eq 0 ] || { echo "tainted=$t"; return 1; }
}

check "the kernel carries no taint but O and E before" taint_clean
check "hvnet_vmbus loads" modprobe hvnet_vmbus
check "the vmbus bus is registered" test -d /sys/bus/vmbus/drivers
check "the stock hv_netvsc loads with a plain insmod" insmod "$ko"
check "hv_netvsc's driver is on the vmbus bus" test -d /sys/bus/vmbus/drivers/hv_netvsc
check "no forced load: no taint but O and E" taint_clean
check "hv_netvsc unloads" rmmod hv_netvsc
check "hvnet_vmbus unloads" rmmod hvnet_vmbus
check_fail "the bus is gone" test -d /sys/bus/vmbus
finish
