#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every hvnet module loads, answers info-get through `hvnet info`, and
# unloads cleanly, alone and together, several times over.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet modprobe rmmod

version=$(hvnet -V | awk '{print $2}')
# protocol revision of each family (grows with its spec)
declare -A revision=([vswitch]=5 [netvsp]=2 [sriov_pf]=1)
unload_hvnet
trap unload_hvnet EXIT

for m in $HVNET_MODULES; do
	check "$m: modprobe" modprobe "$m"
	check "$m: in /sys/module" module_loaded "$m"
	check_output "$m: hvnet info reports version $version" \
		"^$m +version $version protocol ${revision[$m]}\$" hvnet info "$m"
	check_output "$m: hvnet -j info reports it loaded" \
		"\"module\":\"$m\",\"loaded\":true,\"version\":\"$version\",\"protocol_revision\":${revision[$m]}" \
		hvnet -j info
	check "$m: rmmod" rmmod "$m"
	check_fail "$m: gone from /sys/module" module_loaded "$m"
	check_fail "$m: hvnet info fails once unloaded" hvnet info "$m"
	check_output "$m: hvnet info says not loaded" "^$m +not loaded" hvnet info
done

for round in 1 2 3; do
	for m in $HVNET_MODULES; do
		check "round $round: modprobe $m" modprobe "$m"
	done
	check_output "round $round: all three answer" \
		'(loaded":true.*){3}' hvnet -j info
	for m in sriov_pf netvsp vswitch; do
		check "round $round: rmmod $m" rmmod "$m"
	done
done

check_fail "hvnet info of an unknown module fails" hvnet info nosuchmodule
check_fail "hvnet with an unknown object fails" hvnet nosuchobject
finish
