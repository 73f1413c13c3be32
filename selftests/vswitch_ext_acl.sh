#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The acl extension (vswitch_acl.ko), proved by traffic on a private switch:
# port ACLs (a denied remote prefix, precedence, a MAC deny, a meter),
# extended ACLs (inbound TCP denied but for the answers to vm1's own
# connections through a stateful rule, weights, a session's idle timeout,
# the session limit), counters per rule and per port, bad rules refused
# with a message and nothing changed, and unloading while traffic flows.
#
#   private switch hva:  vm1 10.9.0.1 (p1)  vm2 10.9.0.2 (p2)  vm3 10.9.0.3 (p3)
source "$(dirname "$0")/lib.sh"

require_root
require_cmd hvnet ip ping busybox timeout
SEND=$(dirname "$0")/send_frame
[ -x "$SEND" ] || skip "send_frame is not built"

SW=hva
servers=

cleanup() {
	local pid

	for pid in $servers; do
		kill "$pid" 2>/dev/null
	done
	hvnet switch del $SW 2>/dev/null
	for v in vm1 vm2 vm3; do
		ip netns del "$v" 2>/dev/null
	done
	! module_loaded vswitch_acl || rmmod vswitch_acl
}
trap cleanup EXIT
cleanup
modprobe vswitch || skip "vswitch cannot be loaded"
modprobe vswitch_acl || skip "vswitch_acl cannot be loaded"

# acl_counter PORT ACTION: what the acl extension dropped or excluded at PORT
acl_counter() {
	hvnet -j -s port show $SW "$1" |
		grep -o "\"ext\":\"acl\",\"action\":\"$2\",\"reason\":\"policy\",\"packets\":[0-9]*" |
		grep -o '[0-9]*$' || echo 0
}

# rule_packets PORT KIND N: packets rule N (acl or xacl) of PORT counted
rule_packets() {
	hvnet -j -s acl show $SW "$1" |
		grep -o "\"kind\":\"$2\",\"rule\":$3,[^}]*\"packets\":[0-9]*" |
		grep -o '[0-9]*$'
}

# serve NS PORT: a TCP server in NS that says hello to every connection
serve() {
	ip netns exec "$1" busybox nc -ll -p "$2" -e echo hello &
	servers="$servers $!"
}

# connect NS ADDR PORT: a TCP connection from NS gets the server's hello
connect() {
	ip netns exec "$1" timeout 5 bash -c \
		"exec 3<>/dev/tcp/$2/$3 && read -r -t 4 line <&3 && [ \"\$line\" = hello ]"
}

# no_connect NS ADDR PORT: the connection does not come about in 3 s
no_connect() {
	! ip netns exec "$1" timeout 3 bash -c "exec 3<>/dev/tcp/$2/$3" 2>/dev/null
}

hvnet switch add $SW type private || { echo "not ok 1 switch add"; exit 1; }
for i in 1 2 3; do
	vm_add "vm$i" "10.9.0.$i/24" "vm$i-h"
	hvnet port add $SW name "p$i" dev "vm$i-h" || { echo "not ok 1 port p$i"; exit 1; }
done
check "the acl extension is enabled on the switch" hvnet ext enable $SW acl
check_output "and shows so" 'acl filter .*enabled.*module vswitch_acl' hvnet ext show $SW acl
check "vm1 reaches vm2" vm_reach vm1 10.9.0.2
check "vm1 reaches vm3" vm_reach vm1 10.9.0.3
check "vm2 reaches vm3" vm_reach vm2 10.9.0.3

# ---- port ACLs ----

check "p1: deny remote 10.9.0.3 both ways" \
	hvnet acl add $SW p1 dir both action deny ip 10.9.0.3/32 remote
check_output "the rule shows" '^p1 acl 1 dir both action deny ip 10.9.0.3 remote$' \
	hvnet acl show $SW p1
check_output "the rule is the port's custom property" 'port p1 id 0x61636c20 instance 1' \
	hvnet prop show $SW port p1
d0=$(acl_counter p1 dropped)
check "vm1 can no longer reach vm3" vm_unreachable vm1 10.9.0.3
d1=$(acl_counter p1 dropped)
check "p1 counts the drops as acl's, for policy ($d0 -> $d1)" test "$d1" -ge $((d0 + 3))
check_output "hvnet -s port show names acl and the reason" 'ext acl dropped policy [1-9]' \
	hvnet -s port show $SW p1
x0=$(acl_counter p1 excluded)
check "vm3 cannot reach vm1 either" vm_unreachable vm3 10.9.0.1
x1=$(acl_counter p1 excluded)
check "p1 counts what it refused to receive as excluded ($x0 -> $x1)" test "$x1" -ge $((x0 + 3))
check "the allowed traffic passes: vm1 reaches vm2" vm_reach vm1 10.9.0.2
n=$(rule_packets p1 acl 1)
check "the rule counted both directions (${n:-none})" test "${n:-0}" -ge 6
check_output "hvnet -s acl show prints the rule's counters" '^ +packets [0-9]+ bytes [0-9]+$' \
	hvnet -s acl show $SW p1

check "p1: allow 10.9.0.0/24" hvnet acl add $SW p1 dir both action allow ip 10.9.0.0/24
check "the /32 deny is more specific than the /24 allow" vm_unreachable vm1 10.9.0.3
check "the deny is deleted by what it is" \
	hvnet acl del $SW p1 dir both action deny ip 10.9.0.3/32 remote
check "vm1 reaches vm3 again" vm_reach vm1 10.9.0.3
# the allow takes rule 1, the deny rule 3: the order of rules does not decide
check "p1: allow 10.9.0.3/32" hvnet acl add $SW p1 dir both action allow ip 10.9.0.3
check "p1: deny 10.9.0.3/32 again" hvnet acl add $SW p1 dir both action deny ip 10.9.0.3
check_output "the rules are numbered in the order they came" \
	'p1 acl 1 .*allow ip 10.9.0.3 remote.*p1 acl 3 .*deny ip 10.9.0.3 remote' \
	bash -c "hvnet acl show $SW p1 | tr '\n' ' '"
check "an allow as specific as a deny loses to it" vm_unreachable vm1 10.9.0.3
check_fail "adding the same rule twice is refused" \
	hvnet acl add $SW p1 dir both action allow ip 10.9.0.3
check "the rules are deleted by number" bash -c \
	"hvnet acl del $SW p1 rule 1 && hvnet acl del $SW p1 rule 2 && hvnet acl del $SW p1 rule 3"
check_output "p1 has no rule left" '^$' hvnet acl show $SW p1

vm3_mac=$(mac_of vm3)
check "p2: deny inbound from vm3's MAC" \
	hvnet acl add $SW p2 dir in action deny mac "$vm3_mac"
check "vm3 cannot reach vm2" vm_unreachable vm3 10.9.0.2
check "vm1 still reaches vm2" vm_reach vm1 10.9.0.2
check "the MAC rule is deleted" hvnet acl del $SW p2 rule 1
check "vm3 reaches vm2 again" vm_reach vm3 10.9.0.2

check "p2: meter inbound from vm1" hvnet acl add $SW p2 dir in action meter ip 10.9.0.1
check "metered traffic passes" ip netns exec vm1 ping -c 5 -i 0.2 -W 2 10.9.0.2
n=$(rule_packets p2 acl 1)
check "the meter counted vm1's five requests (${n:-none})" test "${n:-0}" -ge 5
check "and nothing from vm3" bash -c \
	"ip netns exec vm3 ping -c 2 -i 0.2 -W 2 10.9.0.2 >/dev/null && test \$(hvnet -j -s acl show $SW p2 | grep -o '\"packets\":[0-9]*' | cut -d: -f2) -eq $n"
check "the meter is deleted" hvnet acl del $SW p2 rule 1

# ---- refusals: a message, and nothing changed ----

before=$(hvnet prop show $SW; hvnet -s acl show $SW)
check_output "a prefix with host bits is refused with the reason" 'bits set beyond its /8 prefix' \
	bash -c "hvnet acl add $SW p1 dir in action deny ip 10.9.0.1/8 2>&1; true"
check_fail "and the command fails" hvnet acl add $SW p1 dir in action deny ip 10.9.0.1/8
check_output "an unknown action in the raw property is refused" 'ACL action 9' \
	bash -c "hvnet prop add $SW port p1 id 0x61636c20 instance 7 version 1 \
		data 010202092000000000000000000000000000000000000000 2>&1; true"
check_output "so is an unknown layout version" 'version 2 is unknown' \
	bash -c "hvnet prop add $SW port p1 id 0x61636c20 instance 7 version 2 \
		data 0102020220000000 2>&1; true"
check_output "and a rule of the wrong size" 'rule is 24 bytes, not 8' \
	bash -c "hvnet prop add $SW port p1 id 0x61636c20 instance 7 version 1 \
		data 0102020220000000 2>&1; true"
check_output "a stateful deny is refused" 'only an allow rule can be stateful' \
	bash -c "hvnet acl xadd $SW p1 dir out action deny weight 1 stateful 2>&1; true"
check_output "an idle timeout without stateful is refused" 'idle timeout needs a stateful' \
	bash -c "hvnet acl xadd $SW p1 dir out action allow weight 1 timeout 5 2>&1; true"
check_output "ports without TCP, UDP or SCTP are refused" 'needs protocol tcp' \
	bash -c "hvnet acl xadd $SW p1 dir in action allow weight 1 proto icmp lport 80 2>&1; true"
check_output "ACL rules belong to ports, not the switch" 'properties of a port' \
	bash -c "hvnet prop add $SW id 0x61636c20 version 1 \
		data 010202022000000000000000000000000000000000000000 2>&1; true"
after=$(hvnet prop show $SW; hvnet -s acl show $SW)
check "nothing changed" test "$before" = "$after"

# a rule stored while the extension was off is checked when it is enabled
check "acl disabled" hvnet ext disable $SW acl
check "a bad rule is stored while no extension reads it" hvnet prop add $SW port p3 \
	id 0x61636c20 instance 9 version 1 data 010202092000000000000000000000000000000000000000
check_output "enabling acl refuses it, with the reason" 'ACL action 9' \
	bash -c "hvnet ext enable $SW acl 2>&1; true"
check_output "and acl stays disabled" 'acl filter .*disabled' hvnet ext show $SW acl
check "the bad rule is deleted" hvnet prop del $SW port p3 id 0x61636c20 instance 9
check "acl is enabled again" hvnet ext enable $SW acl

# ---- extended ACLs ----

serve vm2 5001
serve vm2 5003
serve vm1 5001
serve vm1 5002
servers_listen() {
	tcp_listening vm2 5001 && tcp_listening vm2 5003 &&
		tcp_listening vm1 5001 && tcp_listening vm1 5002
}
check "the four servers listen" wait_until 10 servers_listen
check "vm2 can connect to vm1's server while nothing is denied" connect vm2 10.9.0.1 5001
check "p1: deny inbound TCP (weight 10)" \
	hvnet acl xadd $SW p1 dir in action deny weight 10 proto tcp
check "p1: allow outbound TCP, stateful (weight 20)" \
	hvnet acl xadd $SW p1 dir out action allow weight 20 proto tcp stateful
check "p1: allow outbound TCP to port 5003, stateful, 2 s idle (weight 25)" \
	hvnet acl xadd $SW p1 dir out action allow weight 25 proto tcp rport 5003 stateful timeout 2
check_output "an extended rule shows" \
	'^p1 xacl 3 dir out action allow weight 25 proto tcp rport 5003 stateful timeout 2$' \
	hvnet acl show $SW p1
check_output "the weight is unique per port and direction" 'weight 20 \(out\) is taken' \
	bash -c "hvnet acl xadd $SW p1 dir out action deny weight 20 proto udp 2>&1; true"
x0=$(acl_counter p1 excluded)
check "vm2 can no longer connect to vm1" no_connect vm2 10.9.0.1 5001
x1=$(acl_counter p1 excluded)
check "the SYNs were excluded at p1 ($x0 -> $x1)" test "$x1" -gt "$x0"
check "vm1 connects to vm2: the answers come back through the session" connect vm1 10.9.0.2 5001
check "ping is not TCP: vm2 reaches vm1" vm_reach vm2 10.9.0.1
flows=$(hvnet acl flows $SW p1)
check_output "the session shows" \
	'^p1 xacl 2 out tcp local 10.9.0.1 port [0-9]+ remote 10.9.0.2 port 5001 expires' \
	echo "$flows"
n=$(rule_packets p1 xacl 1)
check "the deny rule counted the refused SYNs (${n:-none})" test "${n:-0}" -ge 1
check_output "the stateful rule holds its session" '"kind":"xacl","rule":2,.*"flows":[1-9]' \
	hvnet -j -s acl show $SW p1

# a segment of the session from vm2, made by hand: it passes while the session lives
vm1_mac=$(mac_of vm1)
vm2_mac=$(mac_of vm2)
segment() { # SPORT DPORT (decimal): TCP ACK 10.9.0.2:SPORT -> 10.9.0.1:DPORT
	printf '%s %s 0800 45000028000000004006 0000 0a090002 0a090001 %04x %04x 00000001 00000001 5010 1000 0000 0000' \
		"${vm1_mac//:/}" "${vm2_mac//:/}" "$1" "$2"
}
lport=$(printf '%s\n' "$flows" | sed -n 's/.*local 10.9.0.1 port \([0-9]*\) remote 10.9.0.2 port 5001 .*/\1/p' | head -n 1)
x0=$(settled acl_counter p1 excluded)
t0=$(settled port_stat $SW p1 tx_packets)
check "a segment of the live session from vm2 is sent" \
	ip netns exec vm2 "$SEND" eth0 "$(segment 5001 "${lport:-1}")"
check "it passes: p1 sends it to vm1" wait_until 5 above "$t0" port_stat $SW p1 tx_packets
x1=$(settled acl_counter p1 excluded)
check "and is not excluded ($x0 -> $x1)" delta_is "$x0" "$x1" 0

check "vm1 connects to vm2's port 5003 (the 2 s rule)" connect vm1 10.9.0.2 5003
lport3=$(hvnet acl flows $SW p1 | sed -n 's/.*local 10.9.0.1 port \([0-9]*\) remote 10.9.0.2 port 5003 .*/\1/p' | head -n 1)
check "its session opened (local port ${lport3:-none})" test -n "$lport3"
expired() {
	local end=$((SECONDS + 10))

	while [ $SECONDS -lt $end ]; do
		hvnet acl flows $SW p1 | grep -q 'port 5003 ' || return 0
		sleep 0.5
	done
	return 1
}
check "the idle session expires" expired
x0=$(settled acl_counter p1 excluded)
ip netns exec vm2 "$SEND" eth0 "$(segment 5003 "${lport3:-1}")"
wait_until 5 above "$x0" acl_counter p1 excluded
x1=$(settled acl_counter p1 excluded)
check "a segment of the expired session is excluded ($x0 -> $x1)" delta_is "$x0" "$x1" 1

check "p1: allow inbound TCP to port 5002 (weight 30)" \
	hvnet acl xadd $SW p1 dir in action allow weight 30 proto tcp lport 5002
check "the weightier allow lets vm2 connect to port 5002" connect vm2 10.9.0.1 5002
check "but not to port 5001" no_connect vm2 10.9.0.1 5001
check "p1: deny inbound TCP from vm2 to port 5002 (weight 40)" \
	hvnet acl xadd $SW p1 dir in action deny weight 40 proto tcp remote 10.9.0.2 lport 5002
check "the weightier deny wins" no_connect vm2 10.9.0.1 5002
check "it is deleted by direction and weight" hvnet acl xdel $SW p1 dir in weight 40
check "vm2 connects to port 5002 again" connect vm2 10.9.0.1 5002

# ---- unloading: refused while enabled (the rules would stop), with traffic ----

ip netns exec vm1 ping -q -i 0.01 -c 500 -W 1 10.9.0.2 >/dev/null 2>&1 &
pinger=$!
r0=$(port_stat $SW p1 rx_packets)
check "the pings cross the switch" wait_until 30 above $((r0 + 50)) port_stat $SW p1 rx_packets
check_fail "vswitch_acl cannot be unloaded while enabled" rmmod vswitch_acl
check "its rules still hold: vm2 cannot connect to vm1" no_connect vm2 10.9.0.1 5001
check "acl is disabled while traffic flows" hvnet ext disable $SW acl
check "then vswitch_acl unloads" rmmod vswitch_acl
wait $pinger
check_fail "acl is gone from the switch" bash -c "hvnet ext show $SW | grep -q acl"
check "without it vm2 connects to vm1" connect vm2 10.9.0.1 5001
check_output "the rules stay the switch's properties" 'p1 xacl 1 dir in action deny' \
	hvnet acl show $SW p1
check "vswitch_acl loads again with a session limit of 1" modprobe vswitch_acl flow_limit=1
check "enabling replays the rules" hvnet ext enable $SW acl
check "they hold again: vm2 cannot connect to vm1" no_connect vm2 10.9.0.1 5001
check "vm1's first connection opens the one session" connect vm1 10.9.0.2 5001
check "a second one gets no session, so no answer" no_connect vm1 10.9.0.2 5003
check_output "the table counts the refusal" 'flows 1 limit 1 refused [1-9]' hvnet acl flows $SW
check_output "and says so in JSON" '"flows":1,"flow_limit":1,"flows_refused":[1-9]' \
	hvnet -j acl flows $SW
check "rules and the switch go away together" hvnet switch del $SW
check "vswitch_acl unloads" rmmod vswitch_acl
finish
