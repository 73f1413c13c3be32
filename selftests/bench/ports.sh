# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# Port creation, sourced by run: PORTS veth pairs (veth$i, peer vethp$i) are
# made once, outside the timing; then the time to attach them all to a new
# bridge br0 and to a new hvnet switch vs0:
#   ports-batch  all ports from one process, PORT_RUNS times:
#                "ip -batch FILE" and "hvnet -batch FILE" (when the tool
#                has it) with one "link set veth$i master br0" or
#                "port add vs0 name p$i dev veth$i" line per port
#   ports-loop   one command per port, as a script would run them:
#                "ip link set veth$i master br0",
#                "hvnet port add vs0 name p$i dev veth$i"; PORT_LOOP_RUNS
#                times when it is what the ratio uses, else once, and
#                no more than the time budget allows
# Between runs the switch is deleted (untimed), which frees the veths.

ports_batch_files() {
	local i

	for i in $(seq 1 "$PORTS"); do
		echo "link add veth$i type veth peer name vethp$i"
	done >/tmp/ports-create.batch
	for i in $(seq 1 "$PORTS"); do
		echo "link set veth$i master br0"
	done >/tmp/ports-bridge.batch
	for i in $(seq 1 "$PORTS"); do
		echo "port add vs0 name p$i dev veth$i"
	done >/tmp/ports-hvnet.batch
}

# One timed attach of all ports; prints seconds or fails with a reason in
# /tmp/bench.why (see measure in run).
ports_bridge_loop() {
	local i t0 t1

	ip link add br0 type bridge || { echo "cannot create br0" >/tmp/bench.why; return 1; }
	t0=$(now)
	# No command substitution in the timed loops: a fork per port would
	# add to both sides what is no part of either.
	for i in $(seq 1 "$PORTS"); do
		if ! ip link set "veth$i" master br0 >/dev/null 2>/tmp/ports.err; then
			echo "ip link set veth$i master br0: $(cat /tmp/ports.err)" >/tmp/bench.why
			ip link del br0
			return 1
		fi
	done
	t1=$(now)
	ip link del br0
	elapsed "$t0" "$t1"
}

ports_bridge_batch() {
	local t0 t1

	ip link add br0 type bridge || { echo "cannot create br0" >/tmp/bench.why; return 1; }
	t0=$(now)
	if ! out=$(ip -batch /tmp/ports-bridge.batch 2>&1); then
		echo "ip -batch: $(printf '%s' "$out" | tail -n 1)" >/tmp/bench.why
		ip link del br0
		return 1
	fi
	t1=$(now)
	ip link del br0
	elapsed "$t0" "$t1"
}

ports_hvnet_loop() {
	local i t0 t1

	if ! out=$(hvnet switch add vs0 type private 2>&1); then
		echo "hvnet switch add vs0 type private: $out" >/tmp/bench.why
		return 1
	fi
	t0=$(now)
	for i in $(seq 1 "$PORTS"); do
		if ! hvnet port add vs0 name "p$i" dev "veth$i" >/dev/null 2>/tmp/ports.err; then
			echo "hvnet port add vs0 name p$i dev veth$i: $(cat /tmp/ports.err)" >/tmp/bench.why
			hvnet_reset
			return 1
		fi
	done
	t1=$(now)
	if ! hvnet_reset; then
		echo "vs0 could not be removed after the run" >/tmp/bench.why
		return 1
	fi
	elapsed "$t0" "$t1"
}

ports_hvnet_batch() {
	local t0 t1

	if ! out=$(hvnet switch add vs0 type private 2>&1); then
		echo "hvnet switch add vs0 type private: $out" >/tmp/bench.why
		return 1
	fi
	t0=$(now)
	if ! out=$(hvnet -batch /tmp/ports-hvnet.batch 2>&1); then
		echo "hvnet -batch: $(printf '%s' "$out" | tail -n 1)" >/tmp/bench.why
		hvnet_reset
		return 1
	fi
	t1=$(now)
	if ! hvnet_reset; then
		echo "vs0 could not be removed after the run" >/tmp/bench.why
		return 1
	fi
	elapsed "$t0" "$t1"
}

# shellcheck disable=SC2034 # dead and round belong to run
ports_bench() {
	local t0 t1 hvnet_ok=1 hvnet_batch=1 loop_runs=1 topo last

	ports_batch_files
	t0=$(now)
	if ! out=$(ip -batch /tmp/ports-create.batch 2>&1); then
		out="creating $PORTS veth pairs failed: $(printf '%s' "$out" | tail -n 1)"
		for topo in bridge hvnet; do
			fail "$topo" ports-batch "$out"
			fail "$topo" ports-loop "$out"
		done
		return 1
	fi
	t1=$(now)
	info veth-create-seconds "$(elapsed "$t0" "$t1")"
	say "ports: $PORTS veth pairs created in $(elapsed "$t0" "$t1") s (untimed)"

	# hvnet is measured only if it could forward; the reason otherwise is
	# the one the traffic measures found.
	if [ -n "${gone[hvnet]:-}" ]; then
		report_gone hvnet ports-batch ports-loop
		hvnet_ok=
	elif ! : >/tmp/empty.batch || ! hvnet -batch /tmp/empty.batch >/dev/null 2>&1; then
		skip hvnet ports-batch "the hvnet tool has no -batch option"
		dead[hvnet ports-batch]=1
		hvnet_batch=
	fi
	# The ratio compares like with like: one batch per tool when both
	# have one, else one command per port (its runs are long: process
	# start-up dominates, PORT_LOOP_RUNS of them).
	if [ -n "$hvnet_ok" ] && [ -z "$hvnet_batch" ]; then
		info ports-ratio-from ports-loop
		loop_runs=$PORT_LOOP_RUNS
	else
		info ports-ratio-from ports-batch
	fi
	for round in $(seq 1 "$PORT_RUNS"); do
		for topo in $(rotated "$round" bridge hvnet); do
			[ "$topo" = hvnet ] && [ -z "$hvnet_ok" ] && continue
			measure "$topo" ports-batch "ports_${topo}_batch"
		done
	done
	# These runs are long and their length follows the host's load: one
	# more is started only if it ends within the time budget.
	for round in $(seq 1 "$loop_runs"); do
		if [ "$round" -gt 1 ] && ! within_budget "$last"; then
			say "ports: no command-per-port run $round: it would overrun the ${BUDGET} s budget"
			round=$((round - 1))
			break
		fi
		t0=$(now)
		for topo in $(rotated "$round" bridge hvnet); do
			[ "$topo" = hvnet ] && [ -z "$hvnet_ok" ] && continue
			measure "$topo" ports-loop "ports_${topo}_loop"
		done
		last=$(elapsed "$t0" "$(now)")
	done
	info port-loop-runs "$round"
	return 0
}
