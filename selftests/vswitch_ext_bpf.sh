#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The bpf filter extension (vswitch_bpf) on a private switch with two VMs:
# a tc program that drops UDP to port 9999, attached to p2 for the traffic
# to it (dir in) and from it (dir out), stops exactly those packets and the
# switch counts them for "bpf"; other traffic passes. What is not a tc
# program of the sending process is refused and changes nothing; a program
# that changes the packet gets it dropped; detach, replace, disable and
# unloading under traffic put every program back (none is left loaded).
# The same object works in tc.
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping
HERE=$(cd "$(dirname "$0")" && pwd)
SEND=$HERE/send_frame
UDP_OBJ=$HERE/drop_udp_port.bpf.o
[ -x "$SEND" ] || skip "send_frame is not built"
for o in drop_udp_port drop_all pass_all misfits; do
	[ -f "$HERE/$o.bpf.o" ] || skip "$o.bpf.o is not built"
done

SW=hvb0
VM1_MAC=02:00:00:00:0b:01
VM2_MAC=02:00:00:00:0b:02
PROP_ID=0x62706620
FLOOD_PIDS=

cleanup() {
	[ -z "$FLOOD_PIDS" ] || kill $FLOOD_PIDS 2>/dev/null
	wait 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	ip netns del hvb1 2>/dev/null
	ip netns del hvb2 2>/dev/null
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_bpf || skip "vswitch_bpf cannot be loaded"

# JIT'd programs are listed in /proc/kallsyms: how many of NAME are loaded
sysctl -qw net.core.bpf_jit_enable=1 2>/dev/null
sysctl -qw net.core.bpf_jit_kallsyms=1 2>/dev/null
loaded() { # NAME
	grep -c "bpf_prog_[0-9a-f]*_$1\b" /proc/kallsyms || true
}

rx() { # NETNS: UDP datagrams it received for a port nobody listens on
	ip netns exec "$1" awk '/^Udp:/ { if (!n) { for (i = 2; i <= NF; i++) if ($i == "NoPorts") n = i; }
		else { print $n; exit } }' /proc/net/snmp
}

# bpf_count PORT ACTION: packets the bpf extension dropped or excluded at PORT
bpf_count() {
	hvnet -j -s port show $SW "$1" | tr '{}' '\n\n' |
		grep "\"ext\":\"bpf\"" | grep "\"action\":\"$2\"" |
		grep -o '"packets":[0-9]*' | cut -d: -f2 | head -n 1 | grep . || echo 0
}

# frame FROM-MAC TO-MAC FROM-IP TO-IP DPORT: IPv4 UDP (no UDP checksum),
# hex for send_frame
frame() {
	local sum=$((0x4500 + 0x0024 + 0x4011 + 0x${3:0:4} + 0x${3:4:4} + 0x${4:0:4} + 0x${4:4:4}))

	sum=$(((sum & 0xffff) + (sum >> 16)))
	sum=$(((sum & 0xffff) + (sum >> 16)))
	printf '%s %s 0800 4500 0024 0000 0000 4011 %04x %s %s 3039 %04x 0010 0000 0102030405060708' \
		"${2//:/}" "${1//:/}" $((~sum & 0xffff)) "$3" "$4" "$5"
}
FROM_VM1_9999=$(frame $VM1_MAC $VM2_MAC 0a080001 0a080002 9999)
FROM_VM1_9998=$(frame $VM1_MAC $VM2_MAC 0a080001 0a080002 9998)
FROM_VM2_9999=$(frame $VM2_MAC $VM1_MAC 0a080002 0a080001 9999)
FROM_VM2_9998=$(frame $VM2_MAC $VM1_MAC 0a080002 0a080001 9998)

rx_and_count() { # NS [PORT ACTION]: rx of NS and the bpf counter, on one line
	echo "$(rx "$1") ${2:+$(bpf_count "$2" "$3")}"
}

# sends DESC FROM-NS TO-NS HEX yes|no [PORT ACTION]: the frame reaches TO-NS
# (or not); with PORT, its bpf counter of ACTION rises by one (or stays)
sends() {
	local desc=$1 from=$2 to=$3 hex=$4 delivered=$5 port=${6:-} action=${7:-}
	local r0 r1 c0 c1 ok=1

	# what came before settled when it was counted: read at once
	r0=$(rx "$to")
	[ -z "$port" ] || c0=$(bpf_count "$port" "$action")
	ip netns exec "$from" "$SEND" eth0 "$hex" || ok=0
	# the frame's end, where there is one to see: received, or counted
	if [ "$delivered" = yes ]; then
		wait_until 5 above "$r0" rx "$to"
	elif [ -n "$port" ]; then
		wait_until 5 above "$c0" bpf_count "$port" "$action"
	fi
	read -r r1 c1 < <(settled rx_and_count "$to" "$port" "$action")
	[ -n "$port" ] || c1=
	is_count "$r0" "$r1" ${port:+"$c0" "$c1"} || ok=0
	if [ "$ok" = 0 ]; then
		:
	elif [ "$delivered" = yes ]; then
		[ "$r1" -eq $((r0 + 1)) ] || ok=0
		[ -z "$port" ] || [ "$c1" -eq "$c0" ] || ok=0
	else
		[ "$r1" -eq "$r0" ] || ok=0
		[ -z "$port" ] || [ "$c1" -eq $((c0 + 1)) ] || ok=0
	fi
	ntest=$((ntest + 1))
	if [ $ok = 1 ]; then
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc (rx $r0 -> $r1${port:+, $port $action ${c0:-} -> ${c1:-}})"
		ret=$KSFT_FAIL
	fi
}

setup() {
	local i mac

	hvnet switch add $SW type private || return 1
	for i in 1 2; do
		mac=VM${i}_MAC
		vm_add "hvb$i" "10.8.0.$i/24" "hvb$i-h" || return 1
		ip -n "hvb$i" link set eth0 address "${!mac}"
		hvnet port add $SW name "p$i" dev "hvb$i-h" || return 1
	done
	# only the crafted frames and the pings cross the switch: no ARP
	ip -n hvb1 neigh replace 10.8.0.2 lladdr $VM2_MAC dev eth0 nud permanent
	ip -n hvb2 neigh replace 10.8.0.1 lladdr $VM1_MAC dev eth0 nud permanent
}

ping12() {
	ip netns exec hvb1 ping -c 2 -i 0.2 -W 2 10.8.0.2
}

check "topology: private switch, two VMs" setup
check "vm1 and vm2 talk" ping12
check "the bpf extension is enabled" hvnet ext enable $SW bpf
check_output "no program at first" '^$' hvnet bpf show $SW

# ---- dir in: the traffic to p2
check "attach drop_udp_port to p2, dir in" hvnet bpf attach $SW p2 dir in obj "$UDP_OBJ"
check_output "bpf show names the program" \
	'^port p2 dir in prog [0-9]+ name drop_udp_port tag [0-9a-f]{16} active$' hvnet bpf show $SW
check_output "the property is there, by its id" "$PROP_ID|62706620|1651533344" \
	hvnet prop show $SW port p2
check_output "the program is loaded once" '^1$' loaded drop_udp_port
sends "dir in: UDP to 9999 never reaches vm2, counted" hvb1 hvb2 "$FROM_VM1_9999" no p2 excluded
sends "dir in: UDP to 9998 reaches vm2" hvb1 hvb2 "$FROM_VM1_9998" yes p2 excluded
sends "dir in: UDP to 9999 from vm2 reaches vm1" hvb2 hvb1 "$FROM_VM2_9999" yes
check "dir in: ping passes" ping12
check_output "the exclusions are counted with bpf and policy" '"ext":"bpf".*"reason":"policy"' \
	hvnet -j -s port show $SW p2

# ---- refused: nothing changes
before=$(hvnet bpf show $SW; hvnet prop show $SW)
check_output "an XDP program is refused with the kernel's reason" 'not a sched_cls' \
	bash -c "! hvnet bpf attach $SW p1 dir in obj $HERE/misfits.bpf.o prog xdp_pass 2>&1"
zeros=000000000000000000000000000000000000000000000000
check_output "an fd that is no BPF program is refused" 'fd 0 is not a sched_cls' \
	bash -c "! hvnet prop add $SW port p1 id $PROP_ID version 1 data 000000000000000001000000$zeros 2>&1"
check_output "an fd that is not open is refused" 'fd 999 is not open' \
	bash -c "! hvnet prop add $SW port p1 id $PROP_ID version 1 data 00000000e703000001000000$zeros 2>&1"
check_output "a direction other than in or out is refused" 'direction 2' \
	bash -c "! hvnet prop add $SW port p1 id $PROP_ID version 1 data 020000000000000001000000$zeros 2>&1"
check_output "a property of another size is refused" '36 bytes, not 4' \
	bash -c "! hvnet prop add $SW port p1 id $PROP_ID version 1 data 00000000 2>&1"
check_output "another version is refused" 'version 2' \
	bash -c "! hvnet prop add $SW port p1 id $PROP_ID version 2 data 000000000000000001000000$zeros 2>&1"
check_output "a program on the switch itself is refused" 'to a port' \
	bash -c "! hvnet prop add $SW id $PROP_ID version 1 data 000000000000000001000000$zeros 2>&1"
check_output "a second program for p2 dir in is refused" 'already' \
	bash -c "! hvnet prop add $SW port p2 id $PROP_ID instance 5 version 1 data 000000000000000001000000$zeros 2>&1"
check "nothing changed" test "$before" = "$(hvnet bpf show $SW; hvnet prop show $SW)"
check_output "none of the refused programs stayed loaded" '^0$' loaded xdp_pass
sends "dir in still filters after the refusals" hvb1 hvb2 "$FROM_VM1_9999" no p2 excluded

# ---- replace, detach
check "attach drop_all in its place" hvnet bpf attach $SW p2 dir in obj "$HERE/drop_all.bpf.o"
check_output "bpf show names the new program" '^port p2 dir in prog [0-9]+ name drop_all ' \
	hvnet bpf show $SW
check_output "the replaced program is unloaded" '^0$' loaded drop_udp_port
check_fail "drop_all: no ping" ip netns exec hvb1 ping -c 1 -W 1 10.8.0.2
check "detach" hvnet bpf detach $SW p2 dir in
check_output "bpf show is empty again" '^$' hvnet bpf show $SW
check_fail "no property left" bash -c "hvnet prop show $SW | grep -qiE '$PROP_ID|62706620|1651533344'"
check_output "the program is unloaded" '^0$' loaded drop_all
sends "detached: UDP to 9999 reaches vm2 again" hvb1 hvb2 "$FROM_VM1_9999" yes
check "detached: ping passes" ping12
check_fail "detach of nothing fails" hvnet bpf detach $SW p2 dir in

# ---- dir out: the traffic from p2
check "attach drop_udp_port to p2, dir out, by section" \
	hvnet bpf attach $SW p2 dir out obj "$UDP_OBJ" sec tc
check_output "bpf show: dir out" '^port p2 dir out prog [0-9]+ name drop_udp_port ' \
	hvnet bpf show $SW
sends "dir out: UDP to 9999 from vm2 is dropped, counted" hvb2 hvb1 "$FROM_VM2_9999" no p2 dropped
sends "dir out: UDP to 9998 from vm2 passes" hvb2 hvb1 "$FROM_VM2_9998" yes p2 dropped
sends "dir out: UDP to 9999 to vm2 passes" hvb1 hvb2 "$FROM_VM1_9999" yes
check "dir out: ping passes" ping12

# ---- a program that changes the packet
check "attach grow_tail (changes the length) to p1, dir out" \
	hvnet bpf attach $SW p1 dir out obj "$HERE/misfits.bpf.o" prog grow_tail
sends "a packet the program changed is dropped" hvb1 hvb2 "$FROM_VM1_9998" no p1 dropped
check_output "and the kernel log says why" 'changed a packet' dmesg
check "detach grow_tail" hvnet bpf detach $SW p1 dir out

# ---- disable and enable: a program does not outlive its attachment
check "disable bpf with a program attached" hvnet ext disable $SW bpf
check_output "bpf show: inactive" '^port p2 dir out .* inactive$' hvnet bpf show $SW
check_output "disabled: the program is unloaded" '^0$' loaded drop_udp_port
sends "disabled: UDP to 9999 from vm2 passes" hvb2 hvb1 "$FROM_VM2_9999" yes
check_output "enable refuses the property whose program is gone" 'fd [0-9]+ is not' \
	bash -c "! hvnet ext enable $SW bpf 2>&1"
check "detach while disabled" hvnet bpf detach $SW p2 dir out
check "enable again" hvnet ext enable $SW bpf

# ---- the same object in tc, on vm1's host end: before the switch sees it
if command -v tc >/dev/null && tc qdisc add dev hvb1-h clsact 2>/dev/null; then
	check "tc takes the same object (ingress of vm1's host end)" \
		tc filter add dev hvb1-h ingress bpf da obj "$UDP_OBJ" sec tc
	sends "tc: UDP to 9999 from vm1 never reaches vm2" hvb1 hvb2 "$FROM_VM1_9999" no
	sends "tc: UDP to 9998 from vm1 reaches vm2" hvb1 hvb2 "$FROM_VM1_9998" yes
	check "tc: ping passes" ping12
	tc qdisc del dev hvb1-h clsact
else
	ntest=$((ntest + 1))
	echo "ok $ntest the same object in tc # SKIP no tc with clsact"
fi

# ---- unloading under traffic
check "attach drop_udp_port (p2 in) and pass_all (p1 out)" bash -c \
	"hvnet bpf attach $SW p2 dir in obj $UDP_OBJ &&
	 hvnet bpf attach $SW p1 dir out obj $HERE/pass_all.bpf.o"
ip netns exec hvb1 ping -q -f 10.8.0.2 >/dev/null 2>&1 &
FLOOD_PIDS="$FLOOD_PIDS $!"
ip netns exec hvb2 ping -q -f 10.8.0.1 >/dev/null 2>&1 &
FLOOD_PIDS="$FLOOD_PIDS $!"
r0=$(port_stat $SW p1 rx_packets)
check "the floods cross the switch" wait_until 30 above $((r0 + 200)) port_stat $SW p1 rx_packets
check_fail "rmmod vswitch_bpf is refused while bpf is enabled" rmmod vswitch_bpf
sends "the program still drops: UDP to 9999 never reaches vm2" hvb1 hvb2 "$FROM_VM1_9999" no \
	p2 excluded
check "disable bpf under traffic" hvnet ext disable $SW bpf
check "then rmmod vswitch_bpf, under traffic" rmmod vswitch_bpf
kill $FLOOD_PIDS 2>/dev/null
wait 2>/dev/null
FLOOD_PIDS=
check_output "no program left loaded" '^0 0$' echo "$(loaded drop_udp_port) $(loaded pass_all)"
check "traffic goes on without the extension" ping12
check "port delete with stale bpf properties" hvnet port del $SW p2
check "reload vswitch_bpf" modprobe vswitch_bpf

finish
