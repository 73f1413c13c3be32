// SPDX-License-Identifier: GPL-2.0
/*
 * Bad requests to the vswitch family: each one is refused with the right
 * errno (the policy's -ERANGE for values and sizes out of range, else
 * -EINVAL, -ENOENT, -EEXIST, -EBUSY, -ENODEV, -EPERM) and an extack
 * message, and the switch state (switches, ports, NICs,
 * forwarding table; counters aside) is the same afterwards.
 *
 * The fixture: private switch hvt0 with port p1 (an emulated NIC on
 * hvtA0, connected) and port p2 (no NIC); hvtB0 is a free veth end.
 */
#include <errno.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/hvnet_vswitch.h>

#include "kselftest_harness.h"
#include "genl_raw.h"

#define SW "hvt0"

struct ctx {
	int fd;
	int family;
	unsigned int sw_id;
	unsigned int a0, b0;	/* ifindexes */
};

typedef void (*build_t)(struct genl_req *r, const struct ctx *c);

static struct genl_req req;
static struct genl_ans ans;

static void start(const struct ctx *c, uint8_t cmd)
{
	genl_req_init(&req, c->family, cmd, 0);
}

static int do_req(const struct ctx *c)
{
	if (genl_exchange(c->fd, &req, &ans))
		return -EIO;
	return ans.error;
}

/* --- the state digest: every attribute of every object but counters --- */

struct digest {
	char *buf;
	size_t len, cap;
};

static void digest_add(struct digest *d, const void *p, size_t n)
{
	if (d->len + n > d->cap) {
		d->cap = (d->len + n) * 2;
		d->buf = realloc(d->buf, d->cap);
	}
	memcpy(d->buf + d->len, p, n);
	d->len += n;
}

static int skip_attr(uint8_t cmd, uint16_t type)
{
	switch (cmd) {
	case VSWITCH_CMD_SWITCH_GET:
		return type == VSWITCH_A_SWITCH_STATS;
	case VSWITCH_CMD_PORT_GET:
		return type == VSWITCH_A_PORT_STATS || type == VSWITCH_A_PORT_NIC;
	case VSWITCH_CMD_NIC_GET:
		return type == VSWITCH_A_NIC_STATS;
	case VSWITCH_CMD_FDB_GET:
		return type == VSWITCH_A_FDB_AGE;
	}
	return 0;
}

static void digest_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = NLMSG_DATA(nlh);
	const char *p = (const char *)g + GENL_HDRLEN;
	const char *end = (const char *)nlh + nlh->nlmsg_len;

	digest_add(data, &g->cmd, 1);
	while (p + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)p;

		if (a->nla_len < NLA_HDRLEN)
			break;
		if (!skip_attr(g->cmd, a->nla_type & NLA_TYPE_MASK))
			digest_add(data, a, a->nla_len);
		p += NLA_ALIGN(a->nla_len);
	}
}

static void digest(const struct ctx *c, struct digest *d)
{
	static const uint8_t cmds[] = {
		VSWITCH_CMD_SWITCH_GET, VSWITCH_CMD_PORT_GET, VSWITCH_CMD_NIC_GET,
	};
	struct genl_req r;
	unsigned int i;

	d->len = 0;
	for (i = 0; i < sizeof(cmds); i++) {
		genl_req_init(&r, c->family, cmds[i], 0);
		genl_dump(c->fd, &r, digest_cb, d);
	}
	genl_req_init(&r, c->family, VSWITCH_CMD_FDB_GET, 0);
	genl_put_str(&r, VSWITCH_A_FDB_SWITCH_NAME, SW);
	genl_dump(c->fd, &r, digest_cb, d);
}

/* --- fixture ------------------------------------------------------------ */

#define VETHS_UP "ip link show hvtB0 >/dev/null 2>&1 || { " \
	"ip link add hvtA0 type veth peer name hvtA1 && " \
	"ip link add hvtB0 type veth peer name hvtB1; }"
#define VETHS_DOWN "ip link del hvtA0 2>/dev/null; ip link del hvtB0 2>/dev/null"

static int sh(const char *cmd)
{
	return system(cmd);
}

static void del_switch(const struct ctx *c, const char *name)
{
	start(c, VSWITCH_CMD_SWITCH_DEL);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, name);
	do_req(c);
}

FIXTURE(vsw) {
	struct ctx c;
	struct digest before, after;
};

FIXTURE_VARIANT(vsw) {
	build_t build;
	int err;
	bool ns;	/* send from a child partition */
	bool last;	/* the last case: remove the veths */
};

FIXTURE_SETUP(vsw)
{
	const struct nlattr *a;
	struct ctx *c = &self->c;

	memset(&self->before, 0, sizeof(self->before));
	memset(&self->after, 0, sizeof(self->after));
	/* a program per case is dear under emulation: only when needed */
	if (access("/sys/module/vswitch", F_OK) && sh("modprobe vswitch"))
		SKIP(return, "vswitch cannot be loaded");
	/* the veths outlive each case; the last one removes them */
	if (!if_nametoindex("hvtB0"))
		ASSERT_EQ(0, sh(VETHS_UP));
	c->a0 = if_nametoindex("hvtA0");
	c->b0 = if_nametoindex("hvtB0");
	c->fd = genl_open();
	ASSERT_LE(0, c->fd);
	c->family = genl_resolve(c->fd, VSWITCH_FAMILY_NAME);
	ASSERT_LT(0, c->family);
	del_switch(c, SW);

	start(c, VSWITCH_CMD_SWITCH_NEW);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
	ASSERT_EQ(0, do_req(c)) TH_LOG("switch-new: %s", ans.ext_msg);
	a = genl_reply_attr(&ans, VSWITCH_A_SWITCH_ID);
	ASSERT_NE(NULL, a);
	memcpy(&c->sw_id, (const char *)a + NLA_HDRLEN, 4);

	start(c, VSWITCH_CMD_PORT_NEW);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(&req, VSWITCH_A_PORT_NIC_IFINDEX, c->a0);
	ASSERT_EQ(0, do_req(c)) TH_LOG("port-new p1: %s", ans.ext_msg);

	start(c, VSWITCH_CMD_PORT_NEW);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_PORT_NAME, "p2");
	ASSERT_EQ(0, do_req(c)) TH_LOG("port-new p2: %s", ans.ext_msg);

	digest(c, &self->before);
	ASSERT_LT(0UL, self->before.len);
}

FIXTURE_TEARDOWN(vsw)
{
	del_switch(&self->c, SW);
	close(self->c.fd);
	if (variant->last)
		sh(VETHS_DOWN);
	free(self->before.buf);
	free(self->after.buf);
}

/* Send from a new network namespace (a child partition). */
static int send_from_child_partition(const struct ctx *c)
{
	int status, fd, family;
	pid_t pid = fork();

	if (pid == 0) {
		if (unshare(CLONE_NEWNET))
			_exit(100);
		fd = genl_open();
		family = genl_resolve(fd, VSWITCH_FAMILY_NAME);
		if (family < 0)
			_exit(101);
		req.nlh.nlmsg_type = family;
		if (genl_exchange(fd, &req, &ans) || !ans.ext_msg[0])
			_exit(102);
		_exit(-ans.error);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? -WEXITSTATUS(status) : -EIO;
}

TEST_F(vsw, refused)
{
	int err;

	variant->build(&req, &self->c);
	if (variant->ns) {
		err = send_from_child_partition(&self->c);
	} else {
		err = do_req(&self->c);
		EXPECT_NE(0, ans.ext_msg[0]) TH_LOG("no extack message");
		EXPECT_EQ(0, ans.nreplies);
	}
	EXPECT_EQ(variant->err, err)
		TH_LOG("got %d (%s), extack \"%s\"", err, strerror(-err), ans.ext_msg);
	digest(&self->c, &self->after);
	EXPECT_EQ(self->before.len, self->after.len);
	EXPECT_EQ(0, memcmp(self->before.buf, self->after.buf,
			    self->before.len < self->after.len ?
			    self->before.len : self->after.len))
		TH_LOG("the switch state changed");
}

/* --- the bad requests ----------------------------------------------------- */

/* BAD(name, errno) { build the request in r } */
#define BAD(_name, _err)						\
	static void build_##_name(struct genl_req *r, const struct ctx *c); \
	FIXTURE_VARIANT_ADD(vsw, _name) { .build = build_##_name, .err = _err }; \
	static void build_##_name(struct genl_req *r, const struct ctx *c)

#define SWNEW(name, type) do {						\
	const char *__name = (name);					\
									\
	start(c, VSWITCH_CMD_SWITCH_NEW);				\
	if (__name)							\
		genl_put_str(r, VSWITCH_A_SWITCH_NAME, __name);		\
	if ((type) >= 0)						\
		genl_put_u32(r, VSWITCH_A_SWITCH_TYPE, type);		\
} while (0)

#define PORTNEW(name) do {						\
	const char *__name = (name);					\
									\
	start(c, VSWITCH_CMD_PORT_NEW);					\
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);		\
	if (__name)							\
		genl_put_str(r, VSWITCH_A_PORT_NAME, __name);		\
} while (0)

#define NICREQ(cmd, port) do {						\
	start(c, cmd);							\
	genl_put_str(r, VSWITCH_A_NIC_SWITCH_NAME, SW);			\
	genl_put_str(r, VSWITCH_A_NIC_PORT_NAME, port);			\
} while (0)

#define FDBREQ(cmd) do {						\
	start(c, cmd);							\
	genl_put_str(r, VSWITCH_A_FDB_SWITCH_NAME, SW);			\
} while (0)

static const uint8_t mcast_mac[6] = { 0x01, 0x00, 0x5e, 0, 0, 1 };
static const char short_bits[100];
static const char vlan10_bits[512] = { [1] = 4 };
static const char vlan0_bits[512] = { [0] = 1 };
static const uint8_t ucast_mac[6] = { 0x02, 0, 0, 0, 0, 0x42 };

/* switch-new */
BAD(switch_new_no_name, -EINVAL)
{
	SWNEW(NULL, VSWITCH_SWITCH_TYPE_PRIVATE);
}

BAD(switch_new_no_type, -EINVAL)
{
	SWNEW("x1", -1);
}

BAD(switch_new_bad_type, -ERANGE)
{
	SWNEW("x1", 7);
}

BAD(switch_new_long_name, -EINVAL)
{
	SWNEW("a-name-much-longer-than-the-sixty-three-bytes-a-switch-name-may-hold-x",
	      VSWITCH_SWITCH_TYPE_PRIVATE);
}

BAD(switch_new_unterminated_name, -EINVAL)
{
	start(c, VSWITCH_CMD_SWITCH_NEW);
	genl_put_attr(r, VSWITCH_A_SWITCH_NAME, "abc", 3);
	genl_put_u32(r, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
}

BAD(switch_new_duplicate, -EEXIST)
{
	SWNEW(SW, VSWITCH_SWITCH_TYPE_PRIVATE);
}

BAD(switch_new_external_no_uplink, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_EXTERNAL);
}

BAD(switch_new_private_uplink, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_SWITCH_UPLINK_IFINDEX, c->b0);
}

BAD(switch_new_internal_no_nic, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_INTERNAL);
}

BAD(switch_new_private_internal_nic, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
	genl_put_str(r, VSWITCH_A_SWITCH_INTERNAL_IFNAME, "hvtI0");
}

BAD(switch_new_uplink_missing, -ENODEV)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_EXTERNAL);
	genl_put_u32(r, VSWITCH_A_SWITCH_UPLINK_IFINDEX, 999999);
}

BAD(switch_new_uplink_busy, -EBUSY)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_EXTERNAL);
	genl_put_u32(r, VSWITCH_A_SWITCH_UPLINK_IFINDEX, c->a0);
}

BAD(switch_new_uplink_loopback, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_EXTERNAL);
	genl_put_u32(r, VSWITCH_A_SWITCH_UPLINK_IFINDEX, 1);
}

BAD(switch_new_internal_name_taken, -EEXIST)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_INTERNAL);
	genl_put_str(r, VSWITCH_A_SWITCH_INTERNAL_IFNAME, "hvtB0");
}

BAD(switch_new_ageing_too_short, -ERANGE)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_SWITCH_AGEING_TIME, 10);
}

BAD(switch_new_unknown_attr, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_SWITCH_MAX + 5, 1);
}

BAD(switch_new_read_only_attr, -EINVAL)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_SWITCH_FDB_ENTRIES, 1);
}

BAD(switch_new_uplink_zero, -ERANGE)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_EXTERNAL);
	genl_put_u32(r, VSWITCH_A_SWITCH_UPLINK_IFINDEX, 0);
}

BAD(switch_new_wrong_attr_size, -EINVAL)
{
	SWNEW("x1", -1);
	genl_put_u16(r, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
}

/* switch-del, switch-set */
BAD(switch_del_no_selector, -EINVAL)
{
	start(c, VSWITCH_CMD_SWITCH_DEL);
}

BAD(switch_del_unknown_name, -ENOENT)
{
	start(c, VSWITCH_CMD_SWITCH_DEL);
	genl_put_str(r, VSWITCH_A_SWITCH_NAME, "nosuch");
}

BAD(switch_del_unknown_id, -ENOENT)
{
	start(c, VSWITCH_CMD_SWITCH_DEL);
	genl_put_u32(r, VSWITCH_A_SWITCH_ID, 999999);
}

BAD(switch_del_id_name_mismatch, -EINVAL)
{
	start(c, VSWITCH_CMD_SWITCH_DEL);
	genl_put_u32(r, VSWITCH_A_SWITCH_ID, c->sw_id);
	genl_put_str(r, VSWITCH_A_SWITCH_NAME, "other");
}

BAD(switch_set_ageing_too_long, -ERANGE)
{
	start(c, VSWITCH_CMD_SWITCH_SET);
	genl_put_str(r, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(r, VSWITCH_A_SWITCH_AGEING_TIME, 86400001);
}

BAD(switch_set_type, -EINVAL)
{
	start(c, VSWITCH_CMD_SWITCH_SET);
	genl_put_str(r, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(r, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_INTERNAL);
}

/* port-new, port-del, port-set */
BAD(port_new_no_switch, -EINVAL)
{
	start(c, VSWITCH_CMD_PORT_NEW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p3");
}

BAD(port_new_no_name, -EINVAL)
{
	PORTNEW(NULL);
}

BAD(port_new_unknown_switch, -ENOENT)
{
	start(c, VSWITCH_CMD_PORT_NEW);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, "nosuch");
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p3");
}

BAD(port_new_duplicate, -EEXIST)
{
	PORTNEW("p1");
}

BAD(port_new_external_type, -EINVAL)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_TYPE, VSWITCH_PORT_TYPE_EXTERNAL);
}

BAD(port_new_vlan_4095, -ERANGE)
{
	PORTNEW("p3");
	genl_put_u16(r, VSWITCH_A_PORT_ACCESS_VLAN, 4095);
}

BAD(port_new_bad_vlan_mode, -ERANGE)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, 4);
}

BAD(port_new_trunk_wrong_size, -ERANGE)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_TRUNK);
	genl_put_attr(r, VSWITCH_A_PORT_TRUNK_VLANS, short_bits, sizeof(short_bits));
}

BAD(port_new_access_with_trunk, -EINVAL)
{
	PORTNEW("p3");
	genl_put_attr(r, VSWITCH_A_PORT_TRUNK_VLANS, vlan10_bits, sizeof(vlan10_bits));
}

BAD(port_new_trunk_with_access_vlan, -EINVAL)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_TRUNK);
	genl_put_u16(r, VSWITCH_A_PORT_ACCESS_VLAN, 10);
}

BAD(port_new_trunk_vlan_0, -EINVAL)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_TRUNK);
	genl_put_attr(r, VSWITCH_A_PORT_TRUNK_VLANS, vlan0_bits, sizeof(vlan0_bits));
}

BAD(port_new_nic_missing_dev, -ENODEV)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_NIC_IFINDEX, 999999);
}

BAD(port_new_nic_dev_busy, -EBUSY)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_NIC_IFINDEX, c->a0);
}

BAD(port_new_nic_loopback, -EINVAL)
{
	PORTNEW("p3");
	genl_put_u32(r, VSWITCH_A_PORT_NIC_IFINDEX, 1);
}

BAD(port_del_connected_nic, -EBUSY)
{
	start(c, VSWITCH_CMD_PORT_DEL);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
}

BAD(port_del_unknown, -ENOENT)
{
	start(c, VSWITCH_CMD_PORT_DEL);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "nosuch");
}

BAD(port_set_native_out_of_range, -ERANGE)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p2");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_TRUNK);
	genl_put_u16(r, VSWITCH_A_PORT_NATIVE_VLAN, 5000);
}

BAD(port_set_read_only_state, -EINVAL)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p2");
	genl_put_u32(r, VSWITCH_A_PORT_STATE, 3);
}

BAD(port_set_guard_not_boolean, -ERANGE)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p2");
	genl_put_attr(r, VSWITCH_A_PORT_MAC_GUARD, "\x02", 1);
}

/* NICs */
BAD(nic_new_index_taken, -EEXIST)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p1");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->b0);
}

BAD(nic_new_index_too_big, -ERANGE)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->b0);
	genl_put_u32(r, VSWITCH_A_NIC_INDEX, 33);
}

BAD(nic_new_index_on_emulated_port, -EINVAL)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->b0);
	genl_put_u32(r, VSWITCH_A_NIC_INDEX, 1);
}

BAD(nic_new_multicast_mac, -EINVAL)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->b0);
	genl_put_attr(r, VSWITCH_A_NIC_MAC, mcast_mac, 6);
}

BAD(nic_new_mtu_too_small, -ERANGE)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->b0);
	genl_put_u32(r, VSWITCH_A_NIC_MTU, 10);
}

BAD(nic_new_no_dev, -EINVAL)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
}

BAD(nic_new_dev_busy, -EBUSY)
{
	NICREQ(VSWITCH_CMD_NIC_NEW, "p2");
	genl_put_u32(r, VSWITCH_A_NIC_IFINDEX, c->a0);
}

BAD(nic_connect_connected, -EINVAL)
{
	NICREQ(VSWITCH_CMD_NIC_CONNECT, "p1");
}

BAD(nic_del_connected, -EBUSY)
{
	NICREQ(VSWITCH_CMD_NIC_DEL, "p1");
}

BAD(nic_disconnect_no_nic, -ENOENT)
{
	NICREQ(VSWITCH_CMD_NIC_DISCONNECT, "p2");
}

/* forwarding table */
BAD(fdb_add_multicast, -EINVAL)
{
	FDBREQ(VSWITCH_CMD_FDB_ADD);
	genl_put_attr(r, VSWITCH_A_FDB_MAC, mcast_mac, 6);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "p1");
}

BAD(fdb_add_no_mac, -EINVAL)
{
	FDBREQ(VSWITCH_CMD_FDB_ADD);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "p1");
}

BAD(fdb_add_unknown_port, -ENOENT)
{
	FDBREQ(VSWITCH_CMD_FDB_ADD);
	genl_put_attr(r, VSWITCH_A_FDB_MAC, ucast_mac, 6);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "nosuch");
}

BAD(fdb_add_short_mac, -ERANGE)
{
	FDBREQ(VSWITCH_CMD_FDB_ADD);
	genl_put_attr(r, VSWITCH_A_FDB_MAC, ucast_mac, 4);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "p1");
}

BAD(fdb_add_vlan_4095, -ERANGE)
{
	FDBREQ(VSWITCH_CMD_FDB_ADD);
	genl_put_attr(r, VSWITCH_A_FDB_MAC, ucast_mac, 6);
	genl_put_u16(r, VSWITCH_A_FDB_VLAN, 4095);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "p1");
}

BAD(fdb_del_missing, -ENOENT)
{
	FDBREQ(VSWITCH_CMD_FDB_DEL);
	genl_put_attr(r, VSWITCH_A_FDB_MAC, ucast_mac, 6);
}

BAD(fdb_flush_unknown_port, -ENOENT)
{
	FDBREQ(VSWITCH_CMD_FDB_FLUSH);
	genl_put_str(r, VSWITCH_A_FDB_PORT_NAME, "nosuch");
}

/* private VLANs, mirror, storm limit */
BAD(port_set_private_no_role, -EINVAL)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_PRIVATE);
	genl_put_u16(r, VSWITCH_A_PORT_PRIMARY_VLAN, 100);
}

BAD(port_set_community_no_secondary, -EINVAL)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_PORT_PVLAN_MODE, VSWITCH_PVLAN_MODE_COMMUNITY);
	genl_put_u16(r, VSWITCH_A_PORT_PRIMARY_VLAN, 100);
}

BAD(port_set_pvlan_on_access, -EINVAL)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_PVLAN_MODE, VSWITCH_PVLAN_MODE_ISOLATED);
}

BAD(port_set_primary_vlan_0, -ERANGE)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_VLAN_MODE, VSWITCH_VLAN_MODE_PRIVATE);
	genl_put_u32(r, VSWITCH_A_PORT_PVLAN_MODE, VSWITCH_PVLAN_MODE_ISOLATED);
	genl_put_u16(r, VSWITCH_A_PORT_PRIMARY_VLAN, 0);
}

BAD(port_set_bad_mirror_mode, -ERANGE)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_MIRROR_MODE, 3);
}

BAD(port_set_storm_too_high, -ERANGE)
{
	start(c, VSWITCH_CMD_PORT_SET);
	genl_put_str(r, VSWITCH_A_PORT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PORT_STORM_LIMIT, 10000001);
}

/* extensions and properties */
BAD(ext_set_unknown, -ENOENT)
{
	start(c, VSWITCH_CMD_EXT_SET);
	genl_put_str(r, VSWITCH_A_EXT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_EXT_NAME, "no-such-ext");
	genl_put_attr(r, VSWITCH_A_EXT_ENABLED, "\1", 1);
}

BAD(ext_set_nothing, -EINVAL)
{
	start(c, VSWITCH_CMD_EXT_SET);
	genl_put_str(r, VSWITCH_A_EXT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_EXT_NAME, "no-such-ext");
}

BAD(ext_set_read_only_class, -EINVAL)
{
	start(c, VSWITCH_CMD_EXT_SET);
	genl_put_str(r, VSWITCH_A_EXT_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_EXT_NAME, "no-such-ext");
	genl_put_u32(r, VSWITCH_A_EXT_CLASS, 1);
}

BAD(prop_new_no_id, -EINVAL)
{
	start(c, VSWITCH_CMD_PROP_NEW);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PROP_PORT_NAME, "p1");
}

BAD(prop_new_unknown_port, -ENOENT)
{
	start(c, VSWITCH_CMD_PROP_NEW);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PROP_PORT_NAME, "nosuch");
	genl_put_u32(r, VSWITCH_A_PROP_ID, 1);
}

BAD(prop_new_port_id_0, -ERANGE)
{
	start(c, VSWITCH_CMD_PROP_NEW);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_u32(r, VSWITCH_A_PROP_PORT_ID, 0);
	genl_put_u32(r, VSWITCH_A_PROP_ID, 1);
}

BAD(prop_set_missing, -ENOENT)
{
	start(c, VSWITCH_CMD_PROP_SET);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_u32(r, VSWITCH_A_PROP_ID, 1);
}

BAD(prop_del_missing, -ENOENT)
{
	start(c, VSWITCH_CMD_PROP_DEL);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_str(r, VSWITCH_A_PROP_PORT_NAME, "p1");
	genl_put_u32(r, VSWITCH_A_PROP_ID, 7);
}

BAD(prop_del_with_data, -EINVAL)
{
	start(c, VSWITCH_CMD_PROP_DEL);
	genl_put_str(r, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_u32(r, VSWITCH_A_PROP_ID, 7);
	genl_put_attr(r, VSWITCH_A_PROP_DATA, "xy", 2);
}

/* only the root partition configures switches */
static void build_switch_new_from_child_partition(struct genl_req *r, const struct ctx *c)
{
	SWNEW("x1", VSWITCH_SWITCH_TYPE_PRIVATE);
}

FIXTURE_VARIANT_ADD(vsw, switch_new_from_child_partition) {
	.build = build_switch_new_from_child_partition, .err = -EPERM, .ns = true,
	.last = true,
};

TEST_HARNESS_MAIN
