#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The hvnet command against the fake vswitch family of test_fake.c: usage
# errors, requests as sent, text and JSON output, teardown order, monitor.
# Usage: test_cli.sh ./hvnet-fake
set -u

hvnet=${1:-./hvnet-fake}
log=$(mktemp)
out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
export HVNET_FAKE_LOG=$log
n=0
failed=0

result() {	# result STATUS DESCRIPTION
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		sed 's/^/#   /' "$out"
	fi
}

# exits ARGS...: the command exits with status $1
exits() {
	local want=$1 got

	shift
	"$hvnet" "$@" >"$out" 2>&1
	got=$?
	[ "$got" -eq "$want" ]
	result $? "hvnet $* exits $want (got $got)"
}

# prints PATTERN ARGS...: the command succeeds and its output has PATTERN
prints() {
	local pattern=$1

	shift
	"$hvnet" "$@" >"$out" 2>&1 && grep -qE -- "$pattern" "$out"
	result $? "hvnet $* prints /$pattern/"
}

# sends PATTERN ARGS...: the command sends a request PATTERN matches
sends() {
	local pattern=$1

	shift
	: >"$log"
	"$hvnet" "$@" >"$out" 2>&1
	cat "$log" >>"$out"
	grep -qxE -- "$pattern" "$log"
	result $? "hvnet $* sends /$pattern/"
}

# json ARGS...: the command prints well-formed JSON
json() {
	"$hvnet" "$@" >"$out" 2>&1 && python3 -m json.tool "$out" >/dev/null
	result $? "hvnet $* is JSON"
}

# usage errors: exit 2 with a message, nothing sent
for args in "" "nosuch" "-x switch" "switch nosuch" "switch add" "switch add vs0" \
	"switch add vs0 type foo" "switch add vs0 type private type internal" \
	"switch add vs0 type internal internal-nic 0123456789abcdef" \
	"switch set vs0" "switch set vs0 type private" "switch set vs0 ageing x" \
	"switch set vs0 ageing 4294967296" "switch del" "switch del vs0 x" \
	"switch show vs0 x" "port add vs0" "port add vs0 name p1 vlan access 4095" \
	"port add vs0 name p1 vlan trunk 0-10" "port add vs0 name p1 vlan trunk 10," \
	"port add vs0 name p1 vlan trunk" "port add vs0 name p1 native 1" \
	"port add vs0 name p1 vlan hybrid 1" "port set vs0 p1" "port set vs0 p1 dev lo" \
	"port del vs0" "port show vs0 p1 x" "nic add vs0 p1" "nic add vs0 p1 dev lo mac 1:2" \
	"nic d vs0 p1" "nic connect vs0 p1 index 33" "nic connect vs0 p1 mtu 1500" \
	"nic show vs0 p1 x" "fdb" "fdb show" "fdb show vs0 static" "fdb add vs0 02:00:00:00:00:01" \
	"fdb add vs0 02:00:00:00:00:1 port p1 vlan 4095" "fdb del vs0" "fdb del vs0 zz" \
	"fdb flush vs0 static static" "monitor now" "info foo"; do
	: >"$log"
	# shellcheck disable=SC2086 # the words are meant to split
	exits 2 $args
	[ ! -s "$log" ]
	result $? "hvnet $args sends nothing"
done
exits 1 switch add vs0 type external uplink no-such-dev0
exits 0 help
exits 0 switch help
# an abbreviation means the first object it fits, as in iproute2
prints '^vs0 id 1 type external' s show
prints '^vs0 external id 1 type external' p show vs0 external
exits 2 zz show
prints "hvnet port del SWITCH NAME" port help
prints "^Usage: hvnet fdb show SWITCH" fdb help

# requests as sent
sends "switch-new name=vs0 type=2 uplink-ifindex=1 internal-ifname=vs0-host ageing-time=300000 learn-limit=100" \
	switch add vs0 type external uplink lo internal-nic vs0-host ageing 300000 learn-limit 100
sends "switch-new name=vs2 type=0" sw a vs2 ty p
sends "switch-set name=vs0 learn-limit=5" switch set vs0 learn-limit 5
sends "switch-del name=vs0" switch del vs0
sends "switch-get name=vs0" switch show vs0
sends "switch-get dump" switch
sends "port-new switch-name=vs0 name=p3 type=3 nic-ifindex=1 vlan-mode=1 access-vlan=10" \
	port add vs0 name p3 type emulated dev lo vlan access 10
sends "port-new switch-name=vs0 name=p4 vlan-mode=2 trunk-vlans=10,20,30-40 native-vlan=1 learn-limit=8" \
	port add vs0 name p4 vlan trunk 10,20,30-40 native 1 learn-limit 8
sends "port-set switch-name=vs0 name=p1 vlan-mode=1 access-vlan=0" port set vs0 p1 vlan access 0
sends "port-get dump switch-name=vs0" port show vs0
sends "nic-new switch-name=vs0 port-name=p3 index=0 ifindex=1 mac=02:00:00:00:00:aa mtu=9000" \
	nic add vs0 p3 dev lo mac 2:0:0:0:0:AA mtu 9000
sends "nic-connect switch-name=vs0 port-name=p3 index=2" nic connect vs0 p3 index 2
sends "nic-disconnect switch-name=vs0 port-name=p1 index=0" nic disc vs0 p1
sends "fdb-add switch-name=vs0 mac=02:00:00:00:00:01 vlan=10 port-name=p1" \
	fdb add vs0 02:00:00:00:00:01 vlan 10 port p1
sends "fdb-del switch-name=vs0 mac=02:00:00:00:00:01" fdb del vs0 02:00:00:00:00:01
sends "fdb-flush switch-name=vs0 port-name=p1 static" fdb flush vs0 port p1 static
sends "fdb-get dump switch-name=vs0" fdb show vs0

# the Hyper-V teardown, in order
: >"$log"
"$hvnet" port del vs0 p1 >"$out" 2>&1
result $? "hvnet port del vs0 p1 succeeds"
printf '%s\n' "port-get switch-name=vs0 name=p1" \
	"nic-disconnect switch-name=vs0 port-name=p1 index=0" \
	"nic-del switch-name=vs0 port-name=p1 index=0" \
	"port-del switch-name=vs0 name=p1" | diff - "$log" >"$out"
result $? "port del: get, disconnect, delete the NIC, delete the port"
: >"$log"
"$hvnet" port del vs0 p2 >"$out" 2>&1
printf '%s\n' "port-get switch-name=vs0 name=p2" \
	"nic-del switch-name=vs0 port-name=p2 index=0" \
	"port-del switch-name=vs0 name=p2" | diff - "$log" >"$out"
result $? "port del: a NIC that is not connected is only deleted"
: >"$log"
exits 1 port del vs0 external
grep -q "goes with the switch" "$out" && [ "$(wc -l <"$log")" -eq 1 ]
result $? "port del leaves a switch's own port and its NICs alone"

# text output
prints "^vs0 id 1 type external uplink lo internal-nic vs0-host ageing 300000 learn-limit 0 fdb-entries 2 ports 3$" switch show
prints "^vs1 id 2 type private ageing" switch show
prints "^    RX: +packets +bytes +flooded$" -s switch show vs0
prints "^    drop: +state +vlan +no-dest +mtu +learn-limit +nomem +malformed$" -s switch show vs0
prints "^vs0 p1 id 2 type emulated state created vlan access 10 learn-limit 0 learned 1$" port show
prints "^vs0 p2 id 3 type emulated state created vlan trunk 10,20-30 native 1 " port show vs0
prints "^    nic 0 type emulated state connected dev veth1 mac 02:00:00:00:00:01 mtu 1500$" port show vs0 p1
prints "^        TX: +packets +bytes$" -s port show vs0 p1
prints "^vs0 p2 nic 0 type emulated state created dev veth3" nic show vs0 p2
prints "^vs0 p1 nic 0 " nic show vs0 p1 index 0
prints "^02:00:00:00:00:10 vlan 10 port p1 dynamic age 1.3s$" fdb show vs0
prints "^02:00:00:00:00:11 vlan 10 port p2 static$" fdb show vs0
"$hvnet" nic show vs0 p2 >"$out" 2>&1 && [ "$(wc -l <"$out")" -eq 1 ]
result $? "nic show SWITCH PORT shows that port's NICs only"

# a named object that does not exist: the kernel's message, exit 1
for args in "switch show vs9" "port show vs0 p9" "port show vs9" "nic show vs0 p9" \
	"nic show vs0 p1 index 3" "fdb show vs9" "port del vs0 p9"; do
	# shellcheck disable=SC2086
	exits 1 $args
	grep -qE "^hvnet: [a-z-]+: .*: no such" "$out"
	result $? "hvnet $args prints the kernel's message"
done
HVNET_FAKE_UNLOADED=1 exits 1 switch show
grep -q "vswitch module is not loaded" "$out"
result $? "a missing module is named"

# JSON
for args in "switch show" "switch show vs0" "port show" "port show vs0 p2" "nic show" \
	"nic show vs0 p1" "fdb show vs0" "fdb show vs1"; do
	# shellcheck disable=SC2086
	json -j $args
	# shellcheck disable=SC2086
	json -j -s -p $args
done
prints '"vlan":\{"mode":"trunk","allowed":"10,20-30","native":1\}' -j port show vs0 p2
prints '"stats":\{"rx_packets":204,' -j -s port show vs0 p1
prints '"static":false,"age":1.3\}' -j fdb show vs0
prints '^\[\]$' -j fdb show vs1
"$hvnet" -j switch show vs9 >"$out" 2>/dev/null
[ ! -s "$out" ]
result $? "a refused show prints no JSON"

# monitor: one line per notification, until the socket fails
exits 1 monitor
grep -qx "switch-new vs0 id 1 type external .*" "$out" &&
	grep -qx "nic-connect vs0 p1 nic 0 type emulated state connected .*" "$out" &&
	grep -qx "fdb-add vs0 02:00:00:00:00:01 vlan 10 port p1" "$out" &&
	grep -qx "fdb-flush vs0 port p1 static" "$out" && grep -qx "port-del vs0 p1 id 2" "$out"
result $? "monitor prints one line per notification"
"$hvnet" -j monitor 2>/dev/null | while read -r line; do
	python3 -c 'import json,sys; json.loads(sys.argv[1])' "$line" || exit 1
done >"$out" 2>&1
result $? "monitor -j prints one JSON object per line"

# -batch: several commands over one socket; stops at the first failure
batch=$(mktemp)
printf 'switch add vs2 type private # a comment\n\nswitch set vs2 learn-limit 5\n' >"$batch"
: >"$log"
"$hvnet" -batch "$batch" >"$out" 2>&1
grep -qx "switch-new name=vs2 type=0" "$log" && grep -qx "switch-set name=vs2 learn-limit=5" "$log"
result $? "hvnet -batch runs every line"
printf 'switch add vs2 type bogus\nswitch set vs2 learn-limit 5\n' >"$batch"
: >"$log"
"$hvnet" -batch "$batch" >"$out" 2>&1
rc=$?
[ "$rc" -eq 2 ] && ! grep -q switch-set "$log" && grep -q "$batch:1:" "$out"
result $? "hvnet -batch stops at a bad line and names it (exit $rc)"
: >"$log"
printf 'switch set vs2 learn-limit 7\n' | "$hvnet" -batch - >"$out" 2>&1
grep -qx "switch-set name=vs2 learn-limit=7" "$log"
result $? "hvnet -batch - reads stdin"
exits 2 -batch
exits 2 -batch "$batch" switch show
rm -f "$batch"

echo "1..$n"
[ "$failed" -eq 0 ] || { echo "test_cli: $failed of $n failed" >&2; exit 1; }
