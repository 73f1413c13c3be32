// SPDX-License-Identifier: GPL-2.0
/*
 * The acl extension under allocation failure: port ACLs and extended ACLs
 * are added, changed and deleted as custom properties (the vswitch family)
 * with failslab failing one slab allocation in twenty for this task, only
 * while each request is sent and handled. Every request happens or is
 * refused, and after each step the rules the switch holds are exactly the
 * rules the extension counts (its vswitch_acl family): a refusal left
 * nothing half done. Nothing leaks or splats (the runner's kmemleak and
 * log scans after the test). Needs failslab (the debug kernel).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/hvnet_ext_acl.h>
#include <linux/hvnet_vswitch.h>
#include <linux/hvnet_vswitch_acl.h>

#include "kselftest_harness.h"
#include "genl_raw.h"

#define FS "/sys/kernel/debug/failslab/"
#define SW "hvaf"
#define ROUNDS 6
#define RULES 16

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

static void read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, len - 1);

	buf[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
}

/* Stop failing; the write itself may fail while armed, so try again. */
static void disarm(void)
{
	int i;

	for (i = 0; i < 1000 && write_file("/proc/self/make-it-fail", "0"); i++)
		;
}

FIXTURE(acl_failslab) {
	int fd;
	int vswitch, acl;
	int done, refused;
	char ignore_gfp_wait[8];
};

FIXTURE_SETUP(acl_failslab)
{
	if (access(FS "probability", W_OK))
		SKIP(return, "the kernel has no failslab (CONFIG_FAILSLAB)");
	if (system("modprobe vswitch && modprobe vswitch_acl"))
		SKIP(return, "vswitch_acl cannot be loaded");
	if (system("hvnet switch del " SW " 2>/dev/null"))
		TH_LOG("no switch " SW " left from before");
	ASSERT_EQ(0, system("hvnet switch add " SW " type private"));
	ASSERT_EQ(0, system("hvnet port add " SW " name p1"));
	ASSERT_EQ(0, system("hvnet ext enable " SW " acl"));
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	self->vswitch = genl_resolve(self->fd, VSWITCH_FAMILY_NAME);
	ASSERT_LT(0, self->vswitch);
	self->acl = genl_resolve(self->fd, VSWITCH_ACL_FAMILY_NAME);
	ASSERT_LT(0, self->acl);
	/* the extension allocates with GFP_KERNEL: let failslab fail those too */
	read_file(FS "ignore-gfp-wait", self->ignore_gfp_wait, sizeof(self->ignore_gfp_wait));
	ASSERT_EQ(0, write_file(FS "ignore-gfp-wait", "N"));
	ASSERT_EQ(0, write_file(FS "task-filter", "Y"));
	ASSERT_EQ(0, write_file(FS "verbose", "0"));
	ASSERT_EQ(0, write_file(FS "times", "-1"));
	ASSERT_EQ(0, write_file(FS "interval", "1"));
	ASSERT_EQ(0, write_file(FS "probability", "5"));
}

FIXTURE_TEARDOWN(acl_failslab)
{
	write_file(FS "probability", "0");
	disarm();
	if (self->ignore_gfp_wait[0])
		write_file(FS "ignore-gfp-wait", self->ignore_gfp_wait);
	close(self->fd);
	if (system("hvnet switch del " SW " && rmmod vswitch_acl"))
		TH_LOG("cannot remove the switch or vswitch_acl");
}

/*
 * Send the request in req with failslab armed for this task, on a socket
 * of its own: a failed allocation may cost the socket its answer.
 */
static void faulty(FIXTURE_DATA(acl_failslab) * self)
{
	int fd = genl_open(), err = fd;

	if (fd >= 0) {
		write_file("/proc/self/make-it-fail", "1");
		err = genl_exchange(fd, &req, &ans);
		disarm();
		close(fd);
	}
	if (!err && !ans.error)
		self->done++;
	else
		self->refused++;
}

static void prop_req(FIXTURE_DATA(acl_failslab) * self, uint8_t cmd, uint32_t id,
		     uint32_t instance, const void *data, uint16_t len)
{
	genl_req_init(&req, self->vswitch, cmd, 0);
	genl_put_str(&req, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_PROP_PORT_NAME, "p1");
	genl_put_u32(&req, VSWITCH_A_PROP_ID, id);
	genl_put_u32(&req, VSWITCH_A_PROP_INSTANCE, instance);
	if (cmd != VSWITCH_CMD_PROP_DEL) {
		genl_put_u32(&req, VSWITCH_A_PROP_VERSION, HVNET_ACL_VERSION);
		genl_put_attr(&req, VSWITCH_A_PROP_DATA, data, len);
	}
}

static void port_acl(struct hvnet_acl_rule *r, unsigned int i)
{
	memset(r, 0, sizeof(*r));
	r->direction = HVNET_ACL_DIR_BOTH;
	r->type = HVNET_ACL_TYPE_IPV4;
	r->side = HVNET_ACL_SIDE_REMOTE;
	r->action = i % 3 ? HVNET_ACL_ACTION_DENY : HVNET_ACL_ACTION_METER;
	r->prefix_len = 32;
	r->addr[0] = 192;
	r->addr[2] = 2;
	r->addr[3] = i;
}

static void ext_acl(struct hvnet_xacl_rule *r, unsigned int i, unsigned int weight)
{
	memset(r, 0, sizeof(*r));
	r->direction = i % 2 ? HVNET_ACL_DIR_IN : HVNET_ACL_DIR_OUT;
	r->action = HVNET_ACL_ACTION_ALLOW;
	r->protocol = 6;
	r->flags = HVNET_XACL_F_STATEFUL;
	r->weight = weight;
	r->local_port_min = 1000 + i;
	r->local_port_max = 1000 + i + i % 4;
}

/* The rules of p1 by kind and instance: bit 0 switch, bit 1 extension. */
static unsigned char seen[2][RULES + 1];

static const struct nlattr *attr_of(const struct nlmsghdr *nlh, uint16_t type)
{
	const char *end = (const char *)nlh + nlh->nlmsg_len;
	const struct nlattr *a = (const struct nlattr *)((const char *)NLMSG_DATA(nlh) +
							 GENL_HDRLEN);

	while ((const char *)a + NLA_HDRLEN <= end && a->nla_len >= NLA_HDRLEN &&
	       (const char *)a + a->nla_len <= end) {
		if ((a->nla_type & NLA_TYPE_MASK) == type)
			return a;
		a = (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
	}
	return NULL;
}

static void note(const struct nlattr *id, const struct nlattr *inst, int bit)
{
	uint32_t i, kind;

	if (!id || !inst)
		return;
	kind = *(uint32_t *)((const char *)id + NLA_HDRLEN);
	i = *(uint32_t *)((const char *)inst + NLA_HDRLEN);
	if ((kind == HVNET_ACL_PROP_ID || kind == HVNET_XACL_PROP_ID) && i <= RULES)
		seen[kind == HVNET_XACL_PROP_ID][i] |= bit;
}

static void switch_cb(const struct nlmsghdr *nlh, void *data)
{
	note(attr_of(nlh, VSWITCH_A_PROP_ID), attr_of(nlh, VSWITCH_A_PROP_INSTANCE), 1);
}

static void acl_cb(const struct nlmsghdr *nlh, void *data)
{
	note(attr_of(nlh, VSWITCH_ACL_A_RULE_PROP_ID), attr_of(nlh, VSWITCH_ACL_A_RULE_INSTANCE),
	     2);
}

/* The switch's rules and the extension's are the same: how many, or -1. */
static int same_rules(FIXTURE_DATA(acl_failslab) * self, const char *when)
{
	int k, i, n = 0;

	memset(seen, 0, sizeof(seen));
	genl_req_init(&req, self->vswitch, VSWITCH_CMD_PROP_GET, 0);
	genl_put_str(&req, VSWITCH_A_PROP_SWITCH_NAME, SW);
	genl_put_str(&req, VSWITCH_A_PROP_PORT_NAME, "p1");
	if (genl_dump(self->fd, &req, switch_cb, NULL))
		return -1;
	genl_req_init(&req, self->acl, VSWITCH_ACL_CMD_RULE_GET, 0);
	genl_put_str(&req, VSWITCH_ACL_A_RULE_SWITCH_NAME, SW);
	if (genl_dump(self->fd, &req, acl_cb, NULL))
		return -1;
	for (k = 0; k < 2; k++) {
		for (i = 1; i <= RULES; i++) {
			const char *where = seen[k][i] == 1 ? "switch" : "extension";

			if (seen[k][i] == 1 || seen[k][i] == 2) {
				printf("# %s: %s rule %d only in the %s\n", when,
				       k ? "xacl" : "acl", i, where);
				return -1;
			}
			n += seen[k][i] == 3;
		}
	}
	return n;
}

TEST_F_TIMEOUT(acl_failslab, rules_happen_or_are_refused, 600)
{
	struct hvnet_xacl_rule x;
	struct hvnet_acl_rule r;
	int round, i, n;

	for (round = 0; round < ROUNDS; round++) {
		for (i = 1; i <= RULES; i++) {
			port_acl(&r, i);
			prop_req(self, VSWITCH_CMD_PROP_NEW, HVNET_ACL_PROP_ID, i, &r, sizeof(r));
			faulty(self);
			ext_acl(&x, i, i);
			prop_req(self, VSWITCH_CMD_PROP_NEW, HVNET_XACL_PROP_ID, i, &x, sizeof(x));
			faulty(self);
		}
		n = same_rules(self, "after adding");
		ASSERT_LE(0, n);
		for (i = 1; i <= RULES; i += 2) {
			ext_acl(&x, i, 100 + i);
			prop_req(self, VSWITCH_CMD_PROP_SET, HVNET_XACL_PROP_ID, i, &x, sizeof(x));
			faulty(self);
		}
		ASSERT_LE(0, same_rules(self, "after changing"));
		for (i = 1; i <= RULES; i++) {
			prop_req(self, VSWITCH_CMD_PROP_DEL, HVNET_ACL_PROP_ID, i, NULL, 0);
			faulty(self);
			prop_req(self, VSWITCH_CMD_PROP_DEL, HVNET_XACL_PROP_ID, i, NULL, 0);
			faulty(self);
		}
		ASSERT_LE(0, same_rules(self, "after deleting"));
		/* what is left goes without failslab */
		for (i = 1; i <= RULES; i++) {
			prop_req(self, VSWITCH_CMD_PROP_DEL, HVNET_ACL_PROP_ID, i, NULL, 0);
			genl_exchange(self->fd, &req, &ans);
			prop_req(self, VSWITCH_CMD_PROP_DEL, HVNET_XACL_PROP_ID, i, NULL, 0);
			genl_exchange(self->fd, &req, &ans);
		}
		ASSERT_EQ(0, same_rules(self, "after the cleanup"));
	}
	TH_LOG("%d requests done, %d refused under failslab", self->done, self->refused);
	EXPECT_LT(0, self->done);
	EXPECT_LT(0, self->refused);

	/* and, without failslab, the extension still takes rules */
	write_file(FS "probability", "0");
	port_acl(&r, 1);
	prop_req(self, VSWITCH_CMD_PROP_NEW, HVNET_ACL_PROP_ID, 1, &r, sizeof(r));
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(0, ans.error) TH_LOG("%s", ans.ext_msg);
	EXPECT_EQ(1, same_rules(self, "at the end"));
}

TEST_HARNESS_MAIN
