# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# The cost of extensions, sourced by run: 64-byte UDP frames/s through
# hvnet's switch, as the pps measure takes them, with one variant of the
# switch after the other in each round (rotated, like the switches):
#   pps-none     no extension enabled
#   pps-noop1    1, 4 and 8 no-op filter extensions enabled (vswitch_noop
#   pps-noop4    filters=8; noop0..noopN-1): the cost of the chain, an
#   pps-noop8    ingress and an egress call per extension and frame
#   pps-acl0     the acl extension enabled, no rule
#   pps-acl-mixed
#                the acl extension with 1,000 rules of ten shapes on each
#                port, none of which stops the traffic (acl.sh: acl_rules)
#   pps-acl-worst
#                the acl extension with 1,000 extended ACL rules on p1, the
#                sending port, that every frame is compared with one after
#                the other: the worst case of its classifier (acl.sh:
#                acl_worst)
#   pps-bpf      the bpf extension, BPF_OBJ attached to p1, dir out
#   pps-tc-bpf   no extension; BPF_OBJ in tc, at the ingress of a1 (p1's
#                device): the same program at the same place in the path
# Each round sets up the hvnet topology of run once; each variant gets a
# fresh vs0 on its veths and is set up untimed, then measured for
# EXT_DURATION seconds. vswitch_noop, vswitch_acl and vswitch_bpf stay
# loaded for all variants: an extension that is not enabled on a switch is
# not in its chain. A variant whose module does not load, or whose first
# setup the hvnet tool refuses, is "not measured"; any later failure fails
# it.

EXT_VARIANTS="none noop1 noop4 noop8 acl0 acl-mixed acl-worst bpf tc-bpf"
EXT_DURATION=${BENCH_EXT_DURATION:-2}
# shellcheck disable=SC2154 # here belongs to run
BPF_OBJ=$here/drop_udp_port.bpf.o	# drops UDP to port 9999; the traffic is to 9

declare -A ext_why	# module -> why it did not load
declare -A ext_done	# variant -> 1 once it was set up

# shellcheck source=selftests/bench/acl.sh
. "$here/acl.sh"

ext_measures() {
	local v

	for v in $EXT_VARIANTS; do
		printf 'pps-%s\n' "$v"
	done
}

ext_modules() {
	if ! quiet modprobe vswitch_noop filters=8; then
		ext_why[noop]="vswitch_noop.ko did not load: $out"
	fi
	quiet modprobe vswitch_acl || ext_why[acl]="vswitch_acl.ko did not load: $out"
	quiet modprobe vswitch_bpf || ext_why[bpf]="vswitch_bpf.ko did not load: $out"
	if [ -r "$here/bpf-unavailable" ]; then
		ext_why[obj]=$(cat "$here/bpf-unavailable")
	elif [ ! -r "$BPF_OBJ" ]; then
		ext_why[obj]="$(basename "$BPF_OBJ") is missing"
	fi
	acl_worst >/tmp/acl-worst.batch
	{ acl_rules p1 2; acl_rules p2 1; } >/tmp/acl-mixed.batch
	info ext-duration "$EXT_DURATION"
	info acl-rules "$ACL_RULES"
	info bpf-obj "$(basename "$BPF_OBJ")"
}

hv() { # hvnet's arguments: runs it; on failure says which command in $out
	if ! quiet hvnet "$@"; then
		out="\"hvnet $*\" failed: $(printf '%s' "$out" | tail -n 1)"
		return 1
	fi
}

# The number of rules the tool lists on vs0, and the packets p1's rule 1
# (the allow rule of acl_worst) counted.
acl_rules_listed() {
	hvnet acl show vs0 2>/dev/null | grep -cE ' x?acl [0-9]+ '
}

acl_allowed() {
	hvnet -j -s acl show vs0 p1 2>/dev/null |
		grep -o '"kind":"xacl","rule":1,[^}]*"packets":[0-9]*' | grep -o '[0-9]*$'
}

# Sets VARIANT up on the fresh vs0. Fails with the reason in $out: status 2
# when a module is missing or the hvnet tool refused (the variant is then
# not measured, if it never worked), 1 otherwise.
ext_up() { # variant
	local v=$1 k n t0

	case $v in
	none)
		;;
	noop*)
		[ -z "${ext_why[noop]:-}" ] || { out=${ext_why[noop]}; return 2; }
		for k in $(seq 0 $((${v#noop} - 1))); do
			hv ext enable vs0 "noop$k" || return 2
		done
		;;
	acl*)
		[ -z "${ext_why[acl]:-}" ] || { out=${ext_why[acl]}; return 2; }
		hv ext enable vs0 acl || return 2
		[ "$v" = acl0 ] && return 0
		t0=$(now)
		hv -batch "/tmp/$v.batch" || return 2
		[ "$round" = 1 ] || return 0
		n=$(wc -l <"/tmp/$v.batch")
		say "$v: $n rules added in $(elapsed "$t0" "$(now)") s (untimed)"
		k=$(acl_rules_listed)
		if [ "$k" != "$n" ]; then
			out="vs0 has $k rules listed, not $n"
			return 1
		fi
		;;
	bpf)
		[ -z "${ext_why[bpf]:-}" ] || { out=${ext_why[bpf]}; return 2; }
		[ -z "${ext_why[obj]:-}" ] || { out=${ext_why[obj]}; return 2; }
		hv ext enable vs0 bpf || return 2
		hv bpf attach vs0 p1 dir out obj "$BPF_OBJ" sec tc || return 2
		;;
	tc-bpf)
		[ -z "${ext_why[obj]:-}" ] || { out=${ext_why[obj]}; return 2; }
		if ! quiet tc qdisc add dev a1 clsact ||
		   ! quiet tc filter add dev a1 ingress bpf da obj "$BPF_OBJ" sec tc; then
			out="tc could not attach $(basename "$BPF_OBJ") to a1: $(printf '%s' "$out" | tail -n 1)"
			return 1
		fi
		;;
	esac
}

# Undoes what a variant did outside vs0.
ext_down() { # variant
	[ "$1" != tc-bpf ] || tc qdisc del dev a1 clsact 2>/dev/null
	return 0
}

# A fresh vs0 on the round's veths; fails with the reason in $out.
ext_renew() {
	if ! hvnet_reset; then
		out="vs0 could not be removed"
		return 1
	fi
	hvnet_up || return 1
	if ! reachable; then
		out="nsA and nsB cannot ping each other through the switch"
		return 1
	fi
}

# One pps run of a variant; in the first round, the acl variant's frames
# must have been allowed by its last rule (so they met all the others).
ext_pps() { # variant
	local n DURATION=$EXT_DURATION

	pps_with 0 || return 1
	[ "$1" = acl-worst ] && [ "$round" = 1 ] || return 0
	n=$(acl_allowed)
	say "acl: the allow rule counted ${n:-no} packets" >&2	# stdout is the rate
	if [ "${n:-0}" -eq 0 ]; then
		echo "the frames did not reach the acl's allow rule" >/tmp/bench.why
		return 1
	fi
}

# shellcheck disable=SC2034 # round belongs to run
ext_bench() {
	local v m rc topo

	ext_modules
	for round in $(seq 1 "$RUNS"); do
		topo=
		# shellcheck disable=SC2086 # the variants are words
		for v in $(rotated "$round" $EXT_VARIANTS); do
			m=pps-$v
			[ -n "${dead[hvnet $m]:-}" ] && continue
			out=
			if [ -z "$topo" ]; then
				if [ -n "${gone[hvnet]:-}" ] || ! up hvnet; then
					# shellcheck disable=SC2046 # one word per measure
					report_gone hvnet $(ext_measures)
					return 1
				fi
				topo=1
			elif ! ext_renew; then
				gone[hvnet]="fail setup: $out"
				say "hvnet: failed: $out"
				down hvnet
				# shellcheck disable=SC2046 # one word per measure
				report_gone hvnet $(ext_measures)
				return 1
			fi
			ext_up "$v"
			rc=$?
			if [ $rc -ne 0 ]; then
				dead[hvnet $m]=1
				if [ $rc -eq 2 ] && [ -z "${ext_done[$v]:-}" ]; then
					skip hvnet "$m" "$out"
					say "hvnet $m: not measured: $out"
				else
					fail hvnet "$m" "${out:-its setup failed}"
					say "hvnet $m: failed: ${out:-its setup failed}"
				fi
				ext_down "$v"
				continue
			fi
			ext_done[$v]=1
			measure hvnet "$m" ext_pps "$v"
			ext_down "$v"
		done
		[ -z "$topo" ] || down hvnet
	done
	return 0
}
