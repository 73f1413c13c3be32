# SPDX-License-Identifier: GPL-2.0
# Helpers shared by hvnet's shell selftests (source it). Results use the
# kselftest conventions: exit 0 pass, 1 fail, 4 skip ("SKIP: reason").

KSFT_PASS=0
KSFT_FAIL=1
KSFT_SKIP=4

HVNET_MODULES="vswitch netvsp netvsc sriov_pf"

ret=$KSFT_PASS
ntest=0

skip() {
	echo "SKIP: $*"
	exit $KSFT_SKIP
}

require_root() {
	[ "$(id -u)" -eq 0 ] || skip "needs root"
}

require_cmd() {
	local c

	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip "needs the $c command"
	done
}

# check DESCRIPTION COMMAND...: run COMMAND, expect success
check() {
	local desc=$1

	shift
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1); then
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	fi
}

# check_fail DESCRIPTION COMMAND...: run COMMAND, expect failure
check_fail() {
	local desc=$1

	shift
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1); then
		echo "not ok $ntest $desc (it succeeded)"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	else
		echo "ok $ntest $desc"
	fi
}

# check_output DESCRIPTION EXPECTED-REGEX COMMAND...: success, output matches
check_output() {
	local desc=$1 re=$2

	shift 2
	ntest=$((ntest + 1))
	if out=$("$@" 2>&1) && printf '%s\n' "$out" | grep -qE -- "$re"; then
		echo "ok $ntest $desc"
	else
		echo "not ok $ntest $desc (wanted /$re/)"
		printf '%s\n' "$out" | sed 's/^/#   /'
		ret=$KSFT_FAIL
	fi
}

module_loaded() {
	[ -d "/sys/module/$1" ]
}

unload_hvnet() {
	local m

	for m in sriov_pf netvsc netvsp vswitch; do
		! module_loaded "$m" || rmmod "$m"
	done
}

finish() {
	echo "1..$ntest"
	exit $ret
}

# ---- VMs: network namespaces wired to the host by veths ----

# vm_add NAME ADDR/LEN HOSTEND: namespace NAME with eth0 (IPv6 off) at
# ADDR/LEN, its peer HOSTEND up in the host
vm_add() {
	ip netns add "$1"
	ip -n "$1" link set lo up
	ip link add "$3" type veth peer name eth0 netns "$1"
	ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	[ "$2" = - ] || ip -n "$1" addr add "$2" dev eth0
	ip -n "$1" link set eth0 up
	ip link set "$3" up
}

# vm_reach NS ADDR: NS pings ADDR within 15 s (ARP under TCG may take tries)
vm_reach() {
	local ns=$1 addr=$2 end=$((SECONDS + 15)) out

	while :; do
		out=$(ip netns exec "$ns" ping -c 1 -W 1 "$addr" 2>&1) && return 0
		[ "$SECONDS" -lt "$end" ] || break
	done
	printf '%s\n' "$out"
	return 1
}

# vm_unreachable NS ADDR: three pings from NS to ADDR all go unanswered
vm_unreachable() {
	! ip netns exec "$1" ping -c 3 -i 0.3 -W 1 "$2"
}

# port_stat SWITCH PORT COUNTER: a port's counter, from its JSON
port_stat() {
	hvnet -j -s port show "$1" "$2" | grep -o "\"$3\":[0-9]*" | head -n 1 | cut -d: -f2
}
