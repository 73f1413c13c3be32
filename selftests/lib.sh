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
