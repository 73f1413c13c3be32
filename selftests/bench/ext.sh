# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# The cost of extensions, sourced by run: 64-byte UDP frames/s through
# hvnet's switch, as the pps measure takes them, with one variant of the
# switch after the other in each round (rotated, like the switches):
#   pps-none     no extension enabled
#   pps-noop1    1, 4 and 8 no-op filter extensions enabled (vswitch_noop
#   pps-noop4    filters=8; noop0..noopN-1): the cost of the chain, an
#   pps-noop8    ingress and an egress call per extension and frame
#   pps-acl1000  the acl extension with ACL_RULES extended ACL rules on p1,
#                the sending port, that every frame is compared with one
#                after the other (see acl_batch_file)
#   pps-bpf      the bpf extension, BPF_OBJ attached to p1, dir out
#   pps-tc-bpf   no extension; BPF_OBJ in tc, at the ingress of a1 (p1's
#                device): the same program at the same place in the path
# Each variant gets a fresh switch (the hvnet topology of run) and is set
# up untimed. vswitch_noop, vswitch_acl and vswitch_bpf stay loaded for all
# variants: an extension that is not enabled on a switch is not in its
# chain. A variant whose module does not load, or whose first setup the
# hvnet tool refuses, is "not measured"; any later failure fails it.

EXT_VARIANTS="none noop1 noop4 noop8 acl1000 bpf tc-bpf"
ACL_RULES=1000
# shellcheck disable=SC2154 # here belongs to run
BPF_OBJ=$here/drop_udp_port.bpf.o	# drops UDP to port 9999; the traffic is to 9

declare -A ext_why	# module -> why it did not load
declare -A ext_done	# variant -> 1 once it was set up

ext_measures() {
	local v

	for v in $EXT_VARIANTS; do
		printf 'pps-%s\n' "$v"
	done
}

# The rules, one "hvnet -batch" line each, all extended ACLs of p1, dir out
# (the frames p1 sends):
#   weight 1            allow UDP to remote port 9 (the bench traffic)
#   weights 2..1000     deny UDP to remote ports 10-14, 20-24, ..., 9990-9994
# Extended ACLs are matched by weight, highest first. Rules of the same
# shape share a hash table (a thousand /32 prefixes cost one lookup), but
# port ranges are no key of it: the 999 deny rules have one shape, so they
# land in one bucket, and every frame is compared with each of them (and
# its port with each range) before the allow rule, the last, decides.
acl_batch_file() {
	local w

	echo "acl xadd vs0 p1 dir out action allow weight 1 proto udp rport 9"
	for w in $(seq 2 "$ACL_RULES"); do
		echo "acl xadd vs0 p1 dir out action deny weight $w proto udp rport $((w * 10 - 10))-$((w * 10 - 6))"
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
	acl_batch_file >/tmp/acl.batch
	info acl-rules "$ACL_RULES"
	info bpf-obj "$(basename "$BPF_OBJ")"
}

hv() { # hvnet's arguments: runs it; on failure says which command in $out
	if ! quiet hvnet "$@"; then
		out="\"hvnet $*\" failed: $(printf '%s' "$out" | tail -n 1)"
		return 1
	fi
}

# The number of p1's rules the tool lists, and the packets rule 1 (the
# allow rule of acl_batch_file) counted.
acl_rules_listed() {
	hvnet acl show vs0 p1 2>/dev/null | grep -c ' xacl '
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
		t0=$(now)
		hv -batch /tmp/acl.batch || return 2
		[ "$round" = 1 ] || return 0
		say "acl: $ACL_RULES rules added in $(elapsed "$t0" "$(now)") s (untimed)"
		n=$(acl_rules_listed)
		if [ "$n" != "$ACL_RULES" ]; then
			out="p1 has ${n:-no} rules listed, not $ACL_RULES"
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

# One pps run of a variant; in the first round, the acl variant's frames
# must have been allowed by its last rule (so they met all the others).
ext_pps() { # variant
	local n

	pps_with 0 || return 1
	[ "$1" = acl1000 ] && [ "$round" = 1 ] || return 0
	n=$(acl_allowed)
	say "acl: the allow rule counted ${n:-no} packets" >&2	# stdout is the rate
	if [ "${n:-0}" -eq 0 ]; then
		echo "the frames did not reach the acl's allow rule" >/tmp/bench.why
		return 1
	fi
}

# shellcheck disable=SC2034 # round belongs to run
ext_bench() {
	local v m rc

	ext_modules
	for round in $(seq 1 "$RUNS"); do
		# shellcheck disable=SC2086 # the variants are words
		for v in $(rotated "$round" $EXT_VARIANTS); do
			m=pps-$v
			[ -n "${dead[hvnet $m]:-}" ] && continue
			if [ -n "${gone[hvnet]:-}" ] || ! up hvnet; then
				# shellcheck disable=SC2046 # one word per measure
				report_gone hvnet $(ext_measures)
				return 1
			fi
			out=
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
				down hvnet
				continue
			fi
			ext_done[$v]=1
			measure hvnet "$m" ext_pps "$v"
			down hvnet
		done
	done
	return 0
}
