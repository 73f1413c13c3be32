# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# The acl extension's cost, sourced by run: hvnet's 64-byte UDP frames/s
# (pktgen a0 -> b0, as the pps measure) through vs0 with vswitch_acl.ko's
# extension enabled, in each round back to back:
#   pps-acl0     no rule
#   pps-acl1000  1,000 rules on each of the two ports, of ten shapes, none
#                of which stops the traffic: a frame is looked up in every
#                rule set it crosses (p1's out, p2's in) and matches at most
#                a meter, so it pays for every rule it is checked against.
# Per port: 500 port ACLs (400 remote IPv4 /32 deny, 50 remote /24 deny,
# 30 remote MAC deny, 10 meters of remote /16s, 10 local /32 allow) and 500
# extended ACLs of the frame's direction at that port (250 TCP local port
# deny, 100 UDP remote /24 deny, 100 TCP remote /32 deny, 40 UDP local port
# range deny, 10 IP protocol 50 deny), weights 1-500. They are loaded with
# one "hvnet -batch" of "prop add" lines, outside the timing (the load
# time is reported as a comment).

ACL_RULES=1000

# The property bytes (include/uapi/linux/hvnet_ext_acl.h); 16-bit fields in
# the host's order, little-endian here.
acl_le16() { # var value
	printf -v "$1" '%02x%02x' $(($2 & 255)) $(($2 >> 8))
}

# port ACL: DIR TYPE SIDE ACTION LEN ADDR (32 hex digits)
acl_port_hex() { # var dir type side action len addr
	printf -v "$1" '%02x%02x%02x%02x%02x000000%s' "$2" "$3" "$4" "$5" "$6" "$7"
}

# extended ACL: DIR ACTION PROTO WEIGHT FAMILY LPL RPL LPORT-LO LPORT-HI LADDR RADDR
acl_ext_hex() { # var dir action proto weight family lpl rpl lport_lo lport_hi laddr raddr
	local w lo hi

	acl_le16 w "$5"
	acl_le16 lo "$9"
	acl_le16 hi "${10}"
	printf -v "$1" '%02x%02x%02x00%s0000%02x%02x%02x00%s%s00000000%s%s' \
		"$2" "$3" "$4" "$w" "$6" "$7" "$8" "$lo" "$hi" "${11}" "${12}"
}

ACL_Z12=000000000000000000000000	# 12 zero bytes after an IPv4 address
ACL_Z16=${ACL_Z12}00000000

acl_ip4() { # var a b c d: an IPv4 address, padded to 16 bytes
	printf -v "$1" '%02x%02x%02x%02x%s' "$2" "$3" "$4" "$5" "$ACL_Z12"
}

# The rules of one port, as hvnet -batch lines. dir: the frame's direction
# there (1 in, 2 out).
acl_rules() { # port dir
	local port=$1 dir=$2 i n=0 w=0 hex addr
	local pa="prop add vs0 port $port id 0x61636c20 version 1"
	local px="prop add vs0 port $port id 0x7861636c version 1"

	for i in $(seq 0 399); do
		acl_ip4 addr 192 168 $((i / 250)) $((i % 250 + 1))
		acl_port_hex hex 3 2 2 2 32 "$addr"
		echo "$pa instance $((++n)) data $hex"
	done
	for i in $(seq 0 49); do
		acl_ip4 addr 172 20 "$i" 0
		acl_port_hex hex 3 2 2 2 24 "$addr"
		echo "$pa instance $((++n)) data $hex"
	done
	for i in $(seq 0 29); do
		printf -v addr '02005e0001%02x00000000000000000000' "$i"
		acl_port_hex hex 3 1 2 2 48 "$addr"
		echo "$pa instance $((++n)) data $hex"
	done
	for i in $(seq 0 9); do
		acl_ip4 addr 10 "$i" 0 0
		acl_port_hex hex 3 2 2 3 16 "$addr"
		echo "$pa instance $((++n)) data $hex"
	done
	for i in $(seq 0 9); do
		acl_ip4 addr 10 0 0 $((100 + i))
		acl_port_hex hex 3 2 1 1 32 "$addr"
		echo "$pa instance $((++n)) data $hex"
	done
	n=0
	for i in $(seq 0 249); do
		acl_ext_hex hex "$dir" 2 6 $((++w)) 0 0 0 $((1000 + i)) $((1000 + i)) \
			"$ACL_Z16" "$ACL_Z16"
		echo "$px instance $((++n)) data $hex"
	done
	for i in $(seq 0 99); do
		acl_ip4 addr 198 18 "$i" 0
		acl_ext_hex hex "$dir" 2 17 $((++w)) 4 0 24 0 0 "$ACL_Z16" "$addr"
		echo "$px instance $((++n)) data $hex"
	done
	for i in $(seq 0 99); do
		acl_ip4 addr 203 0 113 "$i"
		acl_ext_hex hex "$dir" 2 6 $((++w)) 4 0 32 0 0 "$ACL_Z16" "$addr"
		echo "$px instance $((++n)) data $hex"
	done
	for i in $(seq 0 39); do
		acl_ext_hex hex "$dir" 2 17 $((++w)) 0 0 0 $((3000 + 10 * i)) $((3005 + 10 * i)) \
			"$ACL_Z16" "$ACL_Z16"
		echo "$px instance $((++n)) data $hex"
	done
	for i in $(seq 0 9); do
		acl_ext_hex hex "$dir" 2 50 $((++w)) 0 0 0 0 0 "$ACL_Z16" "$ACL_Z16"
		echo "$px instance $((++n)) data $hex"
	done
}

# Loads the rules of both ports; fails with a reason in /tmp/bench.why.
acl_load() {
	local t0 out n

	t0=$(now)
	if ! out=$(hvnet -batch /tmp/acl-rules.batch 2>&1); then
		echo "loading the rules: $(printf '%s' "$out" | tail -n 1)" >/tmp/bench.why
		return 1
	fi
	n=$(hvnet prop show vs0 | grep -c ' id 0x')
	if [ "$n" -ne $((2 * ACL_RULES)) ]; then
		echo "vs0 has $n rules, not $((2 * ACL_RULES))" >/tmp/bench.why
		return 1
	fi
	say "hvnet: $n ACL rules loaded in $(elapsed "$t0" "$(now)") s"
}

# shellcheck disable=SC2034 # dead, gone and round belong to run
acl_bench() {
	local t_start

	if [ -n "${gone[hvnet]:-}" ]; then
		report_gone hvnet pps-acl0 pps-acl1000
		return
	fi
	if ! quiet modprobe vswitch_acl; then
		skip hvnet pps-acl0 "vswitch_acl.ko did not load: $out"
		skip hvnet pps-acl1000 "vswitch_acl.ko did not load: $out"
		return
	fi
	{ acl_rules p1 2; acl_rules p2 1; } >/tmp/acl-rules.batch
	t_start=$(now)
	for round in $(seq 1 "$RUNS"); do
		if ! up hvnet; then
			report_gone hvnet pps-acl0 pps-acl1000
			break
		fi
		if ! quiet hvnet ext enable vs0 acl; then
			for m in pps-acl0 pps-acl1000; do
				[ -n "${dead[hvnet $m]:-}" ] || fail hvnet "$m" "hvnet ext enable: $out"
				dead[hvnet $m]=1
			done
			down hvnet
			break
		fi
		measure hvnet pps-acl0 pps_with 0
		rm -f /tmp/bench.why
		if acl_load; then
			measure hvnet pps-acl1000 pps_with 0
		elif [ -z "${dead[hvnet pps-acl1000]:-}" ]; then
			fail hvnet pps-acl1000 "$(cat /tmp/bench.why)"
			dead[hvnet pps-acl1000]=1
		fi
		down hvnet
	done
	rmmod vswitch_acl 2>/dev/null
	say "acl measures took $(elapsed "$t_start" "$(now)") s"
}
