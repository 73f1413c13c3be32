#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A hostile guest against the switch's defaults, with frames crafted by hand
# (send_frame): what Hyper-V's defaults stop must not pass, in every form.
#
#   private switch hvh:
#     atk   the attacker: its NIC's MAC given, DHCP and router guards on
#     vic   the victim (counts what reaches it)
#     acc   an access port of VLAN 10 (no NIC MAC given), and
#     tr    a trunk carrying VLAN 10, to see the priority acc's frames leave with
#     fl    a flooder of new source addresses
#
# Each crafted frame's end is waited for (the drop counted, or the victim
# reached) before what must not have happened is checked; no ARP crosses
# the switch meanwhile (static neighbours; the frames are sent to MACs).
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip tcpdump
SEND=$(dirname "$0")/send_frame
[ -x "$SEND" ] || skip "send_frame is not built"

SW=hvh
ATK_MAC=02:00:00:00:0a:01
VIC_MAC=02:00:00:00:0a:02
BCAST=ffffffffffff
TMP=$(mktemp -d)
VMS="atk vic acc tr fl"

cleanup() {
	local v

	[ -z "${CAPTURE_PID:-}" ] || kill "$CAPTURE_PID" 2>/dev/null
	hvnet switch del $SW 2>/dev/null
	for v in $VMS; do
		ip netns del "h$v" 2>/dev/null
	done
	for m in vswitch_acl vswitch_sfwd vswitch_capture; do
		! module_loaded "$m" || rmmod "$m" 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 1' TERM INT
cleanup
TMP=$(mktemp -d)
modprobe vswitch || skip "vswitch cannot be loaded"

hvnet switch add $SW type private || { check "switch add" false; finish; }
for v in $VMS; do
	vm_add "h$v" - "h$v-h"
done
ip -n hatk link set eth0 address $ATK_MAC
ip -n hvic link set eth0 address $VIC_MAC
ip -n hvic addr add 10.5.0.2/24 dev eth0
check "atk: its NIC with the guest's MAC given" bash -c \
	"hvnet port add $SW name atk dhcp-guard on router-guard on &&
	 hvnet nic add $SW atk dev hatk-h mac $ATK_MAC && hvnet nic connect $SW atk"
check_output "the MAC guard is on by default once the MAC is known" 'mac-guard on' \
	hvnet port show $SW atk
check "vic, acc (access 10), tr (trunk 10), fl" bash -c \
	"hvnet port add $SW name vic dev hvic-h &&
	 hvnet port add $SW name acc dev hacc-h vlan access 10 &&
	 hvnet port add $SW name tr dev htr-h vlan trunk 10 native 1 &&
	 hvnet port add $SW name fl dev hfl-h"
check "one command: a port on a veth with the guest's MAC" bash -c \
	"ip link add hvhone type veth peer name hvhonep && ip link set hvhone up &&
	 hvnet port add $SW name one dev hvhone mac 02:00:00:00:0a:0c"
check_output "its MAC guard is on by default too" 'mac-guard on' hvnet port show $SW one
check_output "and its NIC has the guest's MAC" 'mac 02:00:00:00:0a:0c' hvnet port show $SW one
check_output "a MAC without a dev is refused" 'goes with nic-ifindex|MAC of the NIC' \
	bash -c "hvnet port add $SW name two mac 02:00:00:00:0a:0d 2>&1; true"
check "port one deleted" bash -c "hvnet port del $SW one && ip link del hvhone"
check_output "a port's default learning limit is 1024" 'learn-limit 1024' hvnet port show $SW fl
check_output "a switch's default learning limit is 65536" 'learn-limit 65536' hvnet switch show $SW
check_output "a port is not trusted by default" '"trusted":"off"' hvnet -j port show $SW acc

stat() { # PORT COUNTER
	port_stat $SW "$1" "$2"
}

pair() { # PORT COUNTER|-: the counter (0 for -) and vic's tx_packets, on one line
	if [ "$2" = - ]; then
		echo "0 $(stat vic tx_packets)"
	else
		echo "$(stat "$1" "$2") $(stat vic tx_packets)"
	fi
}

# frame DESC FROM COUNTER|- yes|no HEX: FROM's port sends the frame; its
# COUNTER rises by exactly one (or, with -, no counter of it is looked at)
# and the victim gets it exactly once (yes) or not at all (no)
frame() {
	local desc=$1 from=$2 counter=$3 delivered=$4 hex=$5 c0 c1 t0 t1 ok=1

	read -r c0 t0 < <(settled pair "$from" "$counter")
	is_count "$c0" "$t0" >/dev/null || ok=0
	ip netns exec "h$from" "$SEND" eth0 "$hex" || ok=0
	[ "$counter" = - ] || wait_until 5 above "$c0" stat "$from" "$counter"
	[ "$delivered" = no ] || wait_until 5 above "$t0" stat vic tx_packets
	read -r c1 t1 < <(settled pair "$from" "$counter")
	is_count "$c1" "$t1" >/dev/null || ok=0
	if [ "$ok" = 1 ]; then
		[ "$counter" = - ] || [ "$c1" -eq $((c0 + 1)) ] || ok=0
		if [ "$delivered" = yes ]; then
			[ "$t1" -eq $((t0 + 1)) ] || ok=0
		else
			[ "$t1" -eq "$t0" ] || ok=0
		fi
	fi
	ntest=$((ntest + 1))
	if [ "$ok" = 1 ]; then
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc ($from $counter ${c0:-?} -> ${c1:-?}, vic tx ${t0:-?} -> ${t1:-?})"
		ret=$KSFT_FAIL
	fi
}

ATK=${ATK_MAC//:/}
VIC=${VIC_MAC//:/}
PRIO="8100 0000"	# a priority tag: VLAN 0
# IPv4 UDP SPORT -> DPORT (hex), 10.5.0.1 -> 255.255.255.255, after the tags
ipv4_udp() {
	echo "0800 4500 0024 0000 0000 4011 0000 0a050001 ffffffff $1 $2 0010 0000 0102030405060708"
}
OFFER=$(ipv4_udp 0043 0044)	# a DHCP server's answer
# IPv6 fe80::1 -> ff02::1: NEXT-HEADER and PAYLOAD (hex) after the tags
ipv6() { # NEXTHDR PAYLOAD
	local p=${2// /}

	printf '86dd 60000000 %04x %s ff fe800000000000000000000000000001 ff020000000000000000000000000001 %s' \
		$((${#p} / 2)) "$1" "$p"
}
RA_ICMP="86 00 0000 000000000000000000000000"
RA=$(ipv6 3a "$RA_ICMP")
# first fragment, the router advertisement in it
RA_FRAG1=$(ipv6 2c "3a 00 0001 12345678 $RA_ICMP")
# first fragment whose header chain goes on past its end (RFC 7112)
SPLIT_FRAG1=$(ipv6 2c "3c 00 0001 12345679 3a01")
# a later fragment: no transport header, nothing to guard
FRAG2=$(ipv6 2c "3a 00 0008 12345678 0000000000000000")

# ---- tags: a guard never looks at a frame it did not classify ----
frame "DHCP offer, untagged: the DHCP guard" atk drop_dhcp_guard no \
	"$BCAST $ATK $OFFER"
frame "DHCP offer, one priority tag: the DHCP guard" atk drop_dhcp_guard no \
	"$BCAST $ATK $PRIO $OFFER"
frame "DHCP offer, two priority tags: the DHCP guard" atk drop_dhcp_guard no \
	"$BCAST $ATK $PRIO $PRIO $OFFER"
frame "DHCP offer, five priority tags: refused (VLAN)" atk drop_vlan no \
	"$BCAST $ATK $PRIO $PRIO $PRIO $PRIO $PRIO $OFFER"
frame "DHCP offer in an S-tag (802.1ad): refused (VLAN)" atk drop_vlan no \
	"$BCAST $ATK 88a8 0000 $OFFER"
frame "DHCP offer, S-tag then C-tag: refused (VLAN)" atk drop_vlan no \
	"$BCAST $ATK 88a8 000a 8100 000a $OFFER"
frame "DHCP offer tagged VLAN 10 on an access port: refused (VLAN)" atk drop_vlan no \
	"$BCAST $ATK 8100 000a $OFFER"
frame "DHCP offer, priority tag then VLAN 10: refused (VLAN)" atk drop_vlan no \
	"$BCAST $ATK $PRIO 8100 000a $OFFER"
frame "router advertisement, untagged: the router guard" atk drop_router_guard no \
	"333300000001 $ATK $RA"
frame "router advertisement, two priority tags: the router guard" atk drop_router_guard no \
	"333300000001 $ATK $PRIO $PRIO $RA"
frame "router advertisement in an S-tag: refused (VLAN)" atk drop_vlan no \
	"333300000001 $ATK 88a8 0000 $RA"
frame "router advertisement in a first fragment: the router guard" atk drop_router_guard no \
	"333300000001 $ATK $RA_FRAG1"
frame "a first fragment whose header chain does not end in it: malformed" atk drop_malformed no \
	"333300000001 $ATK $SPLIT_FRAG1"
frame "a later fragment: nothing to guard, delivered" atk - yes \
	"333300000001 $ATK $FRAG2"
frame "a truncated IPv4 header, DHCP guard on: malformed" atk drop_malformed no \
	"$BCAST $ATK 0800 4500 0024"
frame "a DHCP client request, two priority tags: delivered" atk - yes \
	"$BCAST $ATK $PRIO $PRIO $(ipv4_udp 0044 0043)"

# ---- sources, spoofing and the reserved groups ----
frame "a multicast source: refused" atk drop_src_mac no "$BCAST 01005e000001 $OFFER"
frame "an all-zero source: refused" atk drop_src_mac no "$BCAST 000000000000 $OFFER"
frame "a spoofed source: the MAC guard, on by default" atk drop_mac_guard no \
	"$BCAST 020000000a66 $(ipv4_udp 1234 1234)"
frame "its own source: delivered" atk - yes "$BCAST $ATK $(ipv4_udp 1234 1234)"
frame "an STP BPDU (01:80:c2:00:00:00): kept on its link" atk drop_link_local no \
	"0180c2000000 $ATK 0026 424203000000000000000000000000000000000000000000000000000000000000000000"
frame "LACP (01:80:c2:00:00:02): kept on its link" atk drop_link_local no \
	"0180c2000002 $ATK 8809 0101 0000000000000000000000000000"
frame "802.1X (01:80:c2:00:00:03): kept on its link" atk drop_link_local no \
	"0180c2000003 $ATK 888e 0101 0000"
frame "LLDP (01:80:c2:00:00:0e): kept on its link" atk drop_link_local no \
	"0180c200000e $ATK 88cc 0207 04$ATK 0000"
check "group-fwd-mask 0x4000: the switch forwards LLDP" hvnet switch set $SW group-fwd-mask 16384
check_output "the switch shows it" 'group-fwd-mask 0x4000' hvnet switch show $SW
frame "LLDP with the mask: delivered" atk - yes \
	"0180c200000e $ATK 88cc 0207 04$ATK 0000"
frame "STP with the mask: still kept on its link" atk drop_link_local no \
	"0180c2000000 $ATK 0026 424203000000000000000000000000000000000000000000000000000000000000000000"
check_output "forwarding STP, PAUSE or LACP is refused, with the reason" 'never forwarded' \
	bash -c "hvnet switch set $SW group-fwd-mask 1 2>&1; true"
check_output "and the mask did not change" 'group-fwd-mask 0x4000' hvnet switch show $SW
check "group-fwd-mask 0" hvnet switch set $SW group-fwd-mask 0
check "the MAC guard off, by the administrator" hvnet port set $SW atk mac-guard off
frame "then the spoofed source passes" atk - yes "$BCAST 020000000a66 $(ipv4_udp 1234 1234)"
check "and on again" hvnet port set $SW atk mac-guard on

# ---- 802.1p: a guest does not choose its priority ----
# acc sends with priority 7 (a priority tag); tr gets it in VLAN 10 with ...
pcp_of() { # what tr sees of acc's broadcast: the 802.1p priority of its tag
	capture_start htr "$TMP/tr" -i eth0 -e ether src "$(mac_of hacc)" >/dev/null || return 1
	ip netns exec hacc "$SEND" eth0 "$BCAST $(mac_of hacc | tr -d :) 8100 e000 $(ipv4_udp 1234 1234)"
	capture_stop "$TMP/tr" 1 | sed -n 's/.*vlan 10, p \([0-7]\).*/\1/p' | head -n 1
}
check_output "an access port's guest sends priority 7: it leaves with 0" '^0$' pcp_of
check "acc trusted" hvnet port set $SW acc trusted on
check_output "a trusted port's frames keep their priority 7" '^7$' pcp_of
check "acc not trusted" hvnet port set $SW acc trusted off

# ---- a flood of new source addresses against the defaults ----
# 200,000 frames; under KASAN and kmemleak (the debug kernel), where each
# costs fifty times more, 5,000: still five times the port's limit
FLOOD=${HOSTILE_FLOOD:-200000}
[ ! -e /sys/kernel/debug/kmemleak ] || FLOOD=${HOSTILE_FLOOD:-5000}
mem_kb() {
	awk '/^MemAvailable:/ { print $2 }' /proc/meminfo
}
l0=$(stat fl drop_learn_limit)
m0=$(mem_kb)
check "fl sends $FLOOD frames, each from a new address" \
	ip netns exec hfl "$SEND" eth0 "$BCAST 020000000f00 $(ipv4_udp 1234 1234)" "$FLOOD" random-src
l1=$(settled stat fl drop_learn_limit)
m1=$(mem_kb)
check_output "fl learned exactly its limit, 1024" '"learned":1024' hvnet -j port show $SW fl
check "the rest was refused and counted as drop-learn-limit ($l0 -> $l1)" \
	delta_is "$l0" "$l1" $((FLOOD - 1024))
fdb=$(hvnet -j switch show $SW | grep -o '"fdb_entries":[0-9]*' | cut -d: -f2)
check "the switch's table holds what its ports learned: $fdb entries" \
	delta_in 1024 "${fdb:-x}" 0 16
check "host memory stayed flat (MemAvailable $m0 -> $m1 kB)" \
	test $((m0 - m1)) -lt 16384
frame "after the flood, atk's own broadcast still reaches vic" atk - yes \
	"$BCAST $ATK $(ipv4_udp 1234 1234)"

# ---- ACLs see through priority tags, and refuse what they cannot read ----
if modprobe vswitch_acl 2>/dev/null; then
	# the acl extension's per-port counter of ACTION (excluded) for REASON
	acl_count() { # REASON
		hvnet -j -s port show $SW vic |
			grep -o "\"ext\":\"acl\",\"action\":\"excluded\",\"reason\":\"$1\",\"packets\":[0-9]*" |
			grep -o '[0-9]*$' || echo 0
	}
	UDP6=$(ipv6 11 "1234 1234 0010 0000 0102030405060708")
	SPLIT_UDP6=$(ipv6 2c "3c 00 0001 1234567a 1101")
	# atk's guards off: what reaches the ACLs is not refused before them
	check "acl: vic denies UDP in; atk's guards off" bash -c \
		"hvnet ext enable $SW acl && hvnet acl xadd $SW vic dir in action deny weight 10 proto udp &&
		 hvnet port set $SW atk dhcp-guard off router-guard off"
	frame "UDP to vic, untagged: denied" atk - no "$VIC $ATK $(ipv4_udp 1234 1234)"
	p0=$(acl_count policy)
	frame "UDP to vic, two priority tags: denied" atk - no "$VIC $ATK $PRIO $PRIO $(ipv4_udp 1234 1234)"
	check "and counted by acl as policy" delta_is "$p0" "$(settled acl_count policy)" 1
	frame "IPv6 UDP to vic: denied" atk - no "$VIC $ATK $UDP6"
	m0=$(acl_count malformed)
	frame "an IPv6 first fragment whose chain goes on past it: refused" atk - no \
		"$VIC $ATK $SPLIT_UDP6"
	check "and counted by acl as malformed" delta_is "$m0" "$(settled acl_count malformed)" 1
	frame "ARP to vic still passes (not IP)" atk - yes \
		"$VIC $ATK 0806 0001 0800 0604 0001 $ATK 0a050001 000000000000 0a050002"
	# and at the source: atk's own rules see what it sends
	atk_dropped() { # REASON
		hvnet -j -s port show $SW atk |
			grep -o "\"ext\":\"acl\",\"action\":\"dropped\",\"reason\":\"$1\",\"packets\":[0-9]*" |
			grep -o '[0-9]*$' || echo 0
	}
	check "acl: atk denies TCP out" \
		hvnet acl xadd $SW atk dir out action deny weight 10 proto tcp
	d0=$(atk_dropped malformed)
	ip netns exec hatk "$SEND" eth0 "333300000001 $ATK $SPLIT_UDP6"
	check "atk's first fragment whose chain goes on past it is dropped as malformed" \
		wait_until 5 above "$d0" atk_dropped malformed
	check "acl disabled, unloaded; atk's guards on" bash -c \
		"hvnet ext disable $SW acl && rmmod vswitch_acl &&
		 hvnet port set $SW atk dhcp-guard on router-guard on"
else
	ntest=$((ntest + 1))
	echo "ok $ntest ACLs and tags # SKIP vswitch_acl cannot be loaded"
fi

# ---- the administrator's foot-guns ----
if modprobe vswitch_capture 2>/dev/null; then
	check "the capture extension enabled" hvnet ext enable $SW capture
	capdev=$(hvnet capture show $SW | sed -n 's/^switch [^ ]* dev \([^ ]*\).*/\1/p')
	check_output "its netdev cannot be a port's NIC" 'cannot be a NIC' \
		bash -c "hvnet port add $SW name cap dev $capdev 2>&1; true"
	check_fail "no port cap was made" hvnet port show $SW cap
	check "capture is disabled again (no deadlock)" hvnet ext disable $SW capture
	check "vswitch_capture unloads" rmmod vswitch_capture
else
	ntest=$((ntest + 1))
	echo "ok $ntest the capture netdev as a NIC # SKIP vswitch_capture cannot be loaded"
fi
check_output "the internal NIC of another switch cannot be a NIC either" "internal NIC|cannot be a NIC" \
	bash -c "hvnet switch add hvh2 type internal internal-nic hvhint0 >/dev/null &&
		 hvnet port add $SW name int dev hvhint0 2>&1; hvnet switch del hvh2"

# sfwd sends MAC X to fl and mirrors to vic; vic is deleted, vic2 made
MAC_X=020000000aaa
if modprobe vswitch_sfwd 2>/dev/null; then
	vic_id=$(hvnet -j port show $SW vic | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
	check "sfwd: MAC X behind fl, mirror vic (port $vic_id)" bash -c \
		"hvnet ext enable $SW sfwd && hvnet sfwd add $SW fl 02:00:00:00:0a:aa &&
		 hvnet sfwd mirror $SW vic"
	frame "a unicast to X: fl gets it, vic a copy" atk - yes "$MAC_X $ATK $(ipv4_udp 1234 1234)"
	check "vic is deleted" hvnet port del $SW vic
	check "a new port, vic2" bash -c "ip link add hvic2-h type veth peer name hvic2-p &&
		ip link set hvic2-h up && ip link set hvic2-p up && hvnet port add $SW name vic2 dev hvic2-h"
	vic2_id=$(hvnet -j port show $SW vic2 | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2)
	check "vic2 does not get vic's id ($vic_id, $vic2_id): ids go round" \
		test "${vic2_id:-0}" -ne "${vic_id:-0}"
	fl_vic2() { echo "$(stat fl tx_packets) $(stat vic2 tx_packets)"; }
	read -r f0 v0 < <(settled fl_vic2)
	ip netns exec hatk "$SEND" eth0 "$MAC_X $ATK $(ipv4_udp 1234 1234)"
	check "another unicast to X: fl gets it" wait_until 5 above "$f0" stat fl tx_packets
	v1=$(settled stat vic2 tx_packets)
	check "and vic2 gets no copy meant for the deleted vic ($v0 -> $v1)" delta_is "$v0" "$v1" 0
	check "sfwd disabled, unloaded" bash -c "hvnet ext disable $SW sfwd && rmmod vswitch_sfwd"
	ip link del hvic2-h 2>/dev/null
else
	ntest=$((ntest + 1))
	echo "ok $ntest port ids and a stale mirror # SKIP vswitch_sfwd cannot be loaded"
fi
finish
