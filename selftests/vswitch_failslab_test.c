// SPDX-License-Identifier: GPL-2.0
/*
 * Configuration under allocation failure: vswitch requests run with
 * failslab failing about one slab allocation in five, for this task only
 * and only while each request is being sent and handled. Every request
 * either happens or is refused; the state always reads back and can be
 * removed; nothing leaks or splats (the runner's kmemleak and log scans
 * after the test). Needs failslab (the debug kernel).
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/hvnet_vswitch.h>

#include "kselftest_harness.h"
#include "genl_raw.h"

#define FS "/sys/kernel/debug/failslab/"
#define SW "hvfs0"
#define ROUNDS 20

static struct genl_req req;
static struct genl_ans ans;

static int write_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, val, strlen(val));
	close(fd);
	return n < 0 ? -errno : 0;
}

FIXTURE(failslab) {
	int fd;
	int family;
	unsigned int veth1, veth2;
	int done, refused;
};

FIXTURE_SETUP(failslab)
{
	if (access(FS "probability", W_OK))
		SKIP(return, "the kernel has no failslab (CONFIG_FAILSLAB)");
	if (system("modprobe vswitch"))
		SKIP(return, "vswitch cannot be loaded");
	ASSERT_EQ(0, system("ip link add hvfs1 type veth peer name hvfs1p"));
	ASSERT_EQ(0, system("ip link add hvfs2 type veth peer name hvfs2p"));
	self->veth1 = if_nametoindex("hvfs1");
	self->veth2 = if_nametoindex("hvfs2");
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	self->family = genl_resolve(self->fd, VSWITCH_FAMILY_NAME);
	ASSERT_LT(0, self->family);
	ASSERT_EQ(0, write_file(FS "task-filter", "Y"));
	ASSERT_EQ(0, write_file(FS "verbose", "0"));
	ASSERT_EQ(0, write_file(FS "times", "-1"));
	ASSERT_EQ(0, write_file(FS "interval", "1"));
	ASSERT_EQ(0, write_file(FS "probability", "20"));
}

FIXTURE_TEARDOWN(failslab)
{
	write_file(FS "probability", "0");
	write_file("/proc/self/make-it-fail", "0");
	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_DEL, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	genl_exchange(self->fd, &req, &ans);
	close(self->fd);
	if (system("ip link del hvfs1; ip link del hvfs2"))
		TH_LOG("cannot remove the veths");
}

/* Send the request in req with failslab armed for this task. */
static void faulty(FIXTURE_DATA(failslab) * self)
{
	int err;

	write_file("/proc/self/make-it-fail", "1");
	err = genl_exchange(self->fd, &req, &ans);
	write_file("/proc/self/make-it-fail", "0");
	if (!err && !ans.error)
		self->done++;
	else
		self->refused++;
}

static void one_round(FIXTURE_DATA(failslab) * self)
{
	static const char trunk[512] = { [1] = 0x04, [2] = 0x10 };	/* 10, 20 */
	static const unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 1 };
	static const char * const ports[] = { "p1", "p2" };
	unsigned int i;

	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_NEW, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_INTERNAL);
	genl_put_str(&req, VSWITCH_A_SWITCH_INTERNAL_IFNAME, "hvfsint0");
	faulty(self);

	for (i = 0; i < 2; i++) {
		genl_req_init(&req, self->family, VSWITCH_CMD_PORT_NEW, 0);
		genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
		genl_put_str(&req, VSWITCH_A_PORT_NAME, ports[i]);
		genl_put_u32(&req, VSWITCH_A_PORT_NIC_IFINDEX, i ? self->veth2 : self->veth1);
		faulty(self);
	}

	genl_req_init(&req, self->family, VSWITCH_CMD_PORT_SET, 0);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_PORT_NAME, "p2");
	genl_put_u32(&req, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_TRUNK);
	genl_put_attr(&req, VSWITCH_A_PORT_TRUNK_VLANS, trunk, sizeof(trunk));
	faulty(self);

	genl_req_init(&req, self->family, VSWITCH_CMD_FDB_ADD, 0);
	genl_put_str(&req, VSWITCH_A_FDB_SWITCH_NAME, SW);
	genl_put_attr(&req, VSWITCH_A_FDB_MAC, mac, 6);
	genl_put_str(&req, VSWITCH_A_FDB_PORT_NAME, "p1");
	faulty(self);

	genl_req_init(&req, self->family, VSWITCH_CMD_NIC_DISCONNECT, 0);
	genl_put_str(&req, VSWITCH_A_NIC_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_NIC_PORT_NAME, "p1");
	faulty(self);

	genl_req_init(&req, self->family, VSWITCH_CMD_NIC_CONNECT, 0);
	genl_put_str(&req, VSWITCH_A_NIC_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_NIC_PORT_NAME, "p1");
	faulty(self);

	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_DEL, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	faulty(self);
}

static void nop_cb(const struct nlmsghdr *nlh, void *data)
{
	(*(int *)data)++;
}

TEST_F_TIMEOUT(failslab, requests_happen_or_are_refused, 600)
{
	int round, n;

	for (round = 0; round < ROUNDS; round++) {
		one_round(self);
		/* whatever happened: it reads back, and it goes away */
		genl_req_init(&req, self->family, VSWITCH_CMD_PORT_GET, 0);
		n = 0;
		ASSERT_EQ(0, genl_dump(self->fd, &req, nop_cb, &n));
		genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_DEL, 0);
		genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
		ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
		ASSERT_TRUE(ans.error == 0 || ans.error == -ENOENT)
			TH_LOG("round %d: switch-del: %d %s", round, ans.error, ans.ext_msg);
		ASSERT_NE(0, system("ip link show hvfsint0 >/dev/null 2>&1"))
			TH_LOG("round %d: the internal NIC outlived its switch", round);
	}
	TH_LOG("%d requests done, %d refused under failslab", self->done, self->refused);
	EXPECT_LT(0, self->done);
	EXPECT_LT(0, self->refused);

	/* and, without failslab, a clean switch still works */
	write_file(FS "probability", "0");
	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_NEW, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(0, ans.error) TH_LOG("%s", ans.ext_msg);
}

TEST_HARNESS_MAIN
