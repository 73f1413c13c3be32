# SPDX-License-Identifier: GPL-2.0
#
# hvnet: Microsoft's Hyper-V networking model as Linux kernel modules.
#
#   make                 build the modules against KDIR
#   make tools           build the hvnet command
#   make compat          W=1 builds against Debian's 6.1 and 6.12 headers, no warnings allowed,
#                        and the stock hv_netvsc's VMBus CRCs matched
#   make check           KUnit and kselftests in VMs on every supported kernel
#   make check-repeat N=3  make check N times, with each test's pass count
#   make check-mutants   patch each defence out (selftests/mutants): its tests must fail
#   make demo            boot a VM, load the suite, show it working
#   make fuzz            the netlink fuzzer for minutes on the debug kernel (FUZZ_SECONDS=,
#                        FUZZ_SEED=)
#   make bench           benchmark the switch against the Linux bridge and OVS in a VM
#   make lint            checkpatch --strict, sparse, specs valid, generated code up to date
#   make regen           regenerate the netlink code and uapi headers from the YAML specs
#   make deps            install what the above need (run by check and demo)
#   make debug-kernel    build the debug kernel into the cache (run by check)

# The running kernel's build tree, else the newest Debian headers installed.
KDIR ?= $(or $(wildcard /lib/modules/$(shell uname -r)/build),\
	$(lastword $(sort $(wildcard /usr/src/linux-headers-*-amd64))))

VM := selftests/vm
BUILD := $(CURDIR)/build

all: modules

modules:
	@test -n "$(KDIR)" || { echo "no kernel headers found: set KDIR or run make deps"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tools:
	$(MAKE) -C tools/hvnet

selftests:
	$(MAKE) -C selftests OUTPUT=$(BUILD)/selftests

deps:
	$(VM)/deps

debug-kernel: deps
	$(VM)/debug-kernel

compat: deps
	@set -e; $(VM)/kernels | while read -r name kind krel kdir img moddir; do \
		echo "compat: W=1 against $$krel"; \
		$(VM)/build-modules $$kdir $(BUILD)/compat/$$name; \
		$(VM)/check-crcs $(BUILD)/compat/$$name/src/Module.symvers $$krel; \
	done; echo "compat: no warnings, hv_netvsc's CRCs match"

check: deps
	$(VM)/check

N ?= 3
check-repeat: deps
	$(VM)/check-repeat $(N)

check-mutants: deps
	$(VM)/check-mutants

demo: deps
	$(VM)/demo

fuzz: deps
	$(VM)/fuzz

bench: deps
	$(VM)/bench

lint: deps
	scripts/lint

regen: deps
	scripts/regen

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C tools/hvnet clean
	rm -rf $(BUILD)

.PHONY: all modules tools selftests deps debug-kernel compat check check-repeat check-mutants demo fuzz bench lint regen clean
