#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `hvnet monitor` and `hvnet -j monitor`, listening in the background, see
# the changes the test makes, in order: switch-new, port-new, then the
# teardown `hvnet port del` performs (nic-disconnect, nic-del, port-del),
# switch-set, switch-del. A listener started after a change does not see it.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip modprobe mktemp

SW=vsm
loaded=()	# modules this test loaded, unloaded at exit
pids=()		# background listeners
tmp=

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

	for i in "${pids[@]}"; do
		kill "$i" 2>/dev/null
		wait "$i" 2>/dev/null
	done
	for i in "$SW" vsm2 vsm-sync; do
		hvnet switch del "$i" 2>/dev/null
	done
	ip link del mh0 2>/dev/null
	[ -z "$tmp" ] || rm -rf "$tmp"
	for ((i = ${#loaded[@]} - 1; i >= 0; i--)); do
		modprobe -r "${loaded[i]}" 2>/dev/null
	done
}

# listen FILE [OPTION]: start `hvnet [OPTION] monitor` into FILE
listen() {
	hvnet ${2:+"$2"} monitor >"$1" 2>&1 &
	pids+=($!)
}

# has FILE REGEX [TIMEOUT]: a line of FILE matches REGEX within TIMEOUT s
has() {
	local end=$((SECONDS + ${3:-10}))

	until grep -qE -- "$2" "$1"; do
		if [ "$SECONDS" -ge "$end" ]; then
			echo "no line matching /$2/ in:"
			cat "$1"
			return 1
		fi
		sleep 0.1
	done
}

# joined FILE REGEX COMMAND...: repeat COMMAND until FILE has REGEX (a
# listener has joined once it reports something), at most 10 s
joined() {
	local file=$1 re=$2 end=$((SECONDS + 10))

	shift 2
	until grep -qE -- "$re" "$file"; do
		[ "$SECONDS" -lt "$end" ] || { echo "listener $file never reported"; cat "$file"; return 1; }
		"$@" >/dev/null 2>&1
		sleep 0.2
	done
}

# a change of vsm2 (a new learning limit each time)
limit=0
bump_vsm2() {
	limit=$((limit + 1))
	hvnet switch set vsm2 learn-limit "$limit"
}

sync_switch() {
	hvnet switch add vsm-sync type private && hvnet switch del vsm-sync
}

# events_text FILE: the events of FILE about switch $SW, one line
events_text() {
	awk -v sw="$SW" '$2 == sw { print $1 }' "$1" | xargs
}

# events_json FILE: the same from JSON lines
events_json() {
	grep -E "\"(name|switch)\":\"$SW\"" "$1" |
		sed -n 's/^{"event":"\([^"]*\)".*/\1/p' | xargs
}

# same WANT GOT: the two are equal (and both are shown)
same() {
	echo "want: $1"
	echo "got:  $2"
	[ "$1" = "$2" ]
}

trap cleanup EXIT
trap 'exit 1' TERM INT
for dev in mh0 mh1; do
	! ip link show dev "$dev" >/dev/null 2>&1 || skip "netdev $dev exists"
done
need_module vswitch || { check "modprobe vswitch" false; finish; }
for s in "$SW" vsm2 vsm-sync; do
	hvnet switch show "$s" >/dev/null 2>&1 && skip "switch $s exists"
done
need_module veth
ip link add mh0 type veth peer name mh1 2>/dev/null || skip "no veth support"
tmp=$(mktemp -d)

# ---- two listeners see the changes, in order ----
listen "$tmp/text"
listen "$tmp/json" -j
check "the text listener is there" joined "$tmp/text" '^switch-new vsm-sync ' sync_switch
check "the JSON listener is there" joined "$tmp/json" '"event":"switch-new","name":"vsm-sync"' sync_switch

check "switch add $SW type private" hvnet switch add "$SW" type private
check "port add $SW name p1 dev mh0" hvnet port add "$SW" name p1 dev mh0
check "port del $SW p1" hvnet port del "$SW" p1
check "switch set $SW ageing 5000" hvnet switch set "$SW" ageing 5000
check "switch del $SW" hvnet switch del "$SW"
check "monitor reported the switch-del" has "$tmp/text" "^switch-del $SW( |$)"
check "monitor -j reported the switch-del" has "$tmp/json" "\"event\":\"switch-del\",\"name\":\"$SW\""

want="switch-new port-new nic-disconnect nic-del port-del switch-set switch-del"
check "monitor: the events in order" same "$want" "$(events_text "$tmp/text")"
check "monitor -j: the events in order" same "$want" "$(events_json "$tmp/json")"
check_output "monitor: port-new names an emulated port" \
	"^port-new $SW p1 id [0-9]+ type emulated state created " cat "$tmp/text"
check_output "monitor: nic-disconnect names mh0, disconnected" \
	"^nic-disconnect $SW p1 nic 0 type emulated state disconnected dev mh0 " cat "$tmp/text"
check_output "monitor: switch-set carries the new ageing time" \
	"^switch-set $SW id [0-9]+ type private ageing 5000 " cat "$tmp/text"
check_output "monitor -j: switch-set carries the new ageing time" \
	"^\\{\"event\":\"switch-set\",\"name\":\"$SW\",.*\"ageing_time\":5000[,}]" cat "$tmp/json"
check "monitor -j: one JSON object per line" \
	[ "$(grep -cvE '^\{"event":"[a-z-]+",.*\}$' "$tmp/json")" -eq 0 ]

# ---- a listener started after a change does not see it ----
check "switch add vsm2 type private" hvnet switch add vsm2 type private
check "the running listener saw it" has "$tmp/text" '^switch-new vsm2 '
listen "$tmp/late"
check "the late listener is there" joined "$tmp/late" '^switch-set vsm2 ' bump_vsm2
check_fail "the late listener did not see the earlier switch-new" \
	grep -E '^switch-new vsm2( |$)' "$tmp/late"
check_output "the late listener's first event is the switch-set" '^switch-set vsm2 ' \
	head -n 1 "$tmp/late"
check "switch del vsm2" hvnet switch del vsm2
check "the late listener saw the switch-del" has "$tmp/late" '^switch-del vsm2( |$)'
check "the running listener saw all of it" \
	same "switch-new switch-set switch-del" \
	"$(awk '$2 == "vsm2" { print $1 }' "$tmp/text" | uniq | xargs)"

# the listeners are still alive (nothing made them quit)
n=0
for p in "${pids[@]}"; do
	n=$((n + 1))
	check "listener $n of ${#pids[@]} still running" kill -0 "$p"
done
finish
