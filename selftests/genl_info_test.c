// SPDX-License-Identifier: GPL-2.0
/*
 * Every hvnet generic netlink family: info-get answers with the version and
 * protocol revision, and strict validation refuses what info-get does not
 * take, each time with an extack message.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/hvnet_netvsp.h>
#include <linux/hvnet_sriov_pf.h>
#include <linux/hvnet_vswitch.h>

#include "kselftest_harness.h"
#include "genl_raw.h"
#include "../include/hvnet/version.h"

/* All four families share info-get's numbering; the spec says so and the
 * uapi headers are generated from the specs.
 */
#define INFO_GET		VSWITCH_CMD_INFO_GET
#define A_MODULE_VERSION	VSWITCH_A_INFO_MODULE_VERSION
#define A_PROTOCOL_REVISION	VSWITCH_A_INFO_PROTOCOL_REVISION
#define A_INFO_MAX		VSWITCH_A_INFO_MAX

FIXTURE(family) {
	int fd;
	int id;
	bool loaded_here;
};

FIXTURE_VARIANT(family) {
	const char *name;
	unsigned int revision;
};

FIXTURE_VARIANT_ADD(family, vswitch) {
	.name = VSWITCH_FAMILY_NAME, .revision = VSWITCH_PROTOCOL_REVISION,
};

FIXTURE_VARIANT_ADD(family, netvsp) {
	.name = NETVSP_FAMILY_NAME, .revision = NETVSP_PROTOCOL_REVISION,
};

FIXTURE_VARIANT_ADD(family, sriov_pf) {
	.name = SRIOV_PF_FAMILY_NAME, .revision = SRIOV_PF_PROTOCOL_REVISION,
};

FIXTURE_SETUP(family)
{
	char cmd[128];

	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	self->id = genl_resolve(self->fd, variant->name);
	if (self->id == -ENOENT) {
		snprintf(cmd, sizeof(cmd), "modprobe %s", variant->name);
		if (system(cmd))
			SKIP(return, "module %s cannot be loaded", variant->name);
		self->loaded_here = true;
		self->id = genl_resolve(self->fd, variant->name);
	}
	ASSERT_LT(0, self->id) TH_LOG("family %s: %s", variant->name, strerror(-self->id));
}

FIXTURE_TEARDOWN(family)
{
	char cmd[128];

	close(self->fd);
	if (self->loaded_here) {
		snprintf(cmd, sizeof(cmd), "rmmod %s", variant->name);
		if (system(cmd))
			TH_LOG("rmmod %s failed", variant->name);
	}
}

TEST_F(family, info_get)
{
	const struct nlattr *ver, *rev;
	struct genl_req req;
	struct genl_ans ans;
	uint32_t revision;

	genl_req_init(&req, self->id, INFO_GET, 0);
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	ASSERT_EQ(0, ans.error) TH_LOG("%s", ans.ext_msg);
	ASSERT_EQ(1, ans.nreplies);

	ver = genl_reply_attr(&ans, A_MODULE_VERSION);
	ASSERT_NE(NULL, ver);
	EXPECT_STREQ(HVNET_VERSION, (const char *)ver + NLA_HDRLEN);

	rev = genl_reply_attr(&ans, A_PROTOCOL_REVISION);
	ASSERT_NE(NULL, rev);
	ASSERT_EQ(NLA_HDRLEN + 4, rev->nla_len);
	memcpy(&revision, (const char *)rev + NLA_HDRLEN, 4);
	EXPECT_EQ(variant->revision, revision);
}

/* An attribute the request does not take (a reply attribute) is refused. */
TEST_F(family, info_get_refuses_attributes)
{
	struct genl_req req;
	struct genl_ans ans;
	uint32_t zero = 0;

	genl_req_init(&req, self->id, INFO_GET, 0);
	genl_put_attr(&req, A_PROTOCOL_REVISION, &zero, sizeof(zero));
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(-EINVAL, ans.error);
	EXPECT_EQ(0, ans.nreplies);
	EXPECT_NE(0, ans.ext_msg[0]) TH_LOG("no extack message");
	EXPECT_TRUE(ans.has_bad_attr);
	EXPECT_EQ(NLMSG_LENGTH(GENL_HDRLEN), ans.bad_attr_off);
}

/* An attribute type beyond the family's set is refused. */
TEST_F(family, info_get_refuses_unknown_type)
{
	struct genl_req req;
	struct genl_ans ans;
	uint32_t zero = 0;

	genl_req_init(&req, self->id, INFO_GET, 0);
	genl_put_attr(&req, A_INFO_MAX + 1, &zero, sizeof(zero));
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(-EINVAL, ans.error);
	EXPECT_EQ(0, ans.nreplies);
	EXPECT_NE(0, ans.ext_msg[0]) TH_LOG("no extack message");
}

/* A truncated attribute header is refused, not read past. */
TEST_F(family, info_get_refuses_truncated_attribute)
{
	struct genl_req req;
	struct genl_ans ans;

	genl_req_init(&req, self->id, INFO_GET, 0);
	genl_put_attr(&req, A_PROTOCOL_REVISION, NULL, 0);
	req.nlh.nlmsg_len -= 2;	/* half an attribute header */
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_NE(0, ans.error);
	EXPECT_EQ(0, ans.nreplies);
}

/* Non-zero reserved bytes in the genetlink header are refused. */
TEST_F(family, info_get_refuses_reserved_bytes)
{
	struct genlmsghdr *g;
	struct genl_req req;
	struct genl_ans ans;

	g = genl_req_init(&req, self->id, INFO_GET, 0);
	g->reserved = 1;
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(-EINVAL, ans.error);
	EXPECT_EQ(0, ans.nreplies);
}

TEST_F(family, unknown_command)
{
	struct genl_req req;
	struct genl_ans ans;

	genl_req_init(&req, self->id, A_INFO_MAX + 100, 0);
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(-EOPNOTSUPP, ans.error);
	EXPECT_EQ(0, ans.nreplies);
}

TEST_F(family, info_get_has_no_dump)
{
	struct genl_req req;
	struct genl_ans ans;

	genl_req_init(&req, self->id, INFO_GET, NLM_F_DUMP);
	ASSERT_EQ(0, genl_exchange(self->fd, &req, &ans));
	EXPECT_EQ(-EOPNOTSUPP, ans.error);
	EXPECT_EQ(0, ans.nreplies);
}

TEST_HARNESS_MAIN
