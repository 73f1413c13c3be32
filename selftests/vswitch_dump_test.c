// SPDX-License-Identifier: GPL-2.0
/*
 * vswitch dumps that span many messages: every port and every forwarding
 * entry comes exactly once, and a change between two parts of a dump is
 * flagged with NLM_F_DUMP_INTR.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/hvnet_vswitch.h>

#include "kselftest_harness.h"
#include "genl_raw.h"

#define SW "hvd0"
#define NPORTS 300
#define NFDB 500

static struct genl_req req;
static struct genl_ans ans;

FIXTURE(dump) {
	int fd;
	int family;
};

static int request(int fd)
{
	if (genl_exchange(fd, &req, &ans))
		return -EIO;
	return ans.error;
}

FIXTURE_SETUP(dump)
{
	char name[16];
	int i;

	if (system("modprobe vswitch"))
		SKIP(return, "vswitch cannot be loaded");
	self->fd = genl_open();
	ASSERT_LE(0, self->fd);
	self->family = genl_resolve(self->fd, VSWITCH_FAMILY_NAME);
	ASSERT_LT(0, self->family);
	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_DEL, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	request(self->fd);
	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_NEW, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	genl_put_u32(&req, VSWITCH_A_SWITCH_TYPE, VSWITCH_SWITCH_TYPE_PRIVATE);
	ASSERT_EQ(0, request(self->fd)) TH_LOG("%s", ans.ext_msg);
	for (i = 1; i <= NPORTS; i++) {
		snprintf(name, sizeof(name), "p%d", i);
		genl_req_init(&req, self->family, VSWITCH_CMD_PORT_NEW, 0);
		genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
		genl_put_str(&req, VSWITCH_A_PORT_NAME, name);
		ASSERT_EQ(0, request(self->fd)) TH_LOG("%s: %s", name, ans.ext_msg);
	}
}

FIXTURE_TEARDOWN(dump)
{
	genl_req_init(&req, self->family, VSWITCH_CMD_SWITCH_DEL, 0);
	genl_put_str(&req, VSWITCH_A_SWITCH_NAME, SW);
	request(self->fd);
	close(self->fd);
}

struct seen {
	int count[NFDB + NPORTS + 2];
	int total;
	int intr;
	int attr;	/* the attribute that numbers an object */
	int first;	/* its number for the first object */
};

static void seen_cb(const struct nlmsghdr *nlh, void *data)
{
	const char *p = (const char *)NLMSG_DATA(nlh) + GENL_HDRLEN;
	const char *end = (const char *)nlh + nlh->nlmsg_len;
	struct seen *s = data;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		s->intr++;
	s->total++;
	while (p + NLA_HDRLEN <= end) {
		const struct nlattr *a = (const struct nlattr *)p;
		unsigned int v = 0;

		if (a->nla_len < NLA_HDRLEN)
			break;
		if (a->nla_type == s->attr) {
			if (a->nla_len == NLA_HDRLEN + 4)
				memcpy(&v, (const char *)a + NLA_HDRLEN, 4);
			else	/* a MAC: its last two bytes */
				v = ((const unsigned char *)a)[NLA_HDRLEN + 4] << 8 |
				    ((const unsigned char *)a)[NLA_HDRLEN + 5];
			if (v >= (unsigned int)s->first &&
			    v - s->first < ARRAY_SIZE(s->count))
				s->count[v - s->first]++;
		}
		p += NLA_ALIGN(a->nla_len);
	}
}

TEST_F(dump, every_port_once)
{
	struct seen *s = calloc(1, sizeof(*s));
	int i, once = 0;

	ASSERT_NE(NULL, s);
	s->attr = VSWITCH_A_PORT_ID;
	s->first = 0;
	genl_req_init(&req, self->family, VSWITCH_CMD_PORT_GET, 0);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
	ASSERT_EQ(0, genl_dump(self->fd, &req, seen_cb, s));
	EXPECT_EQ(NPORTS, s->total);
	for (i = 0; i < NPORTS + 2; i++)
		once += s->count[i] == 1;
	EXPECT_EQ(NPORTS, once);
	EXPECT_EQ(0, s->intr);
	free(s);
}

TEST_F(dump, every_fdb_entry_once)
{
	struct seen *s = calloc(1, sizeof(*s));
	unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 0 };
	int i, once = 0;

	ASSERT_NE(NULL, s);
	for (i = 1; i <= NFDB; i++) {
		mac[4] = i >> 8;
		mac[5] = i & 0xff;
		genl_req_init(&req, self->family, VSWITCH_CMD_FDB_ADD, 0);
		genl_put_str(&req, VSWITCH_A_FDB_SWITCH_NAME, SW);
		genl_put_attr(&req, VSWITCH_A_FDB_MAC, mac, 6);
		genl_put_u32(&req, VSWITCH_A_FDB_PORT_ID, 1 + i % NPORTS);
		ASSERT_EQ(0, request(self->fd)) TH_LOG("fdb-add %d: %s", i, ans.ext_msg);
	}
	/*
	 * The table grows in the background after the inserts: a dump that
	 * crossed a resize says so (NLM_F_DUMP_INTR) and is taken again, as a
	 * user would; one that does not say so must be exact.
	 */
	for (i = 0; i < 10; i++) {
		memset(s, 0, sizeof(*s));
		s->attr = VSWITCH_A_FDB_MAC;
		s->first = 0;
		genl_req_init(&req, self->family, VSWITCH_CMD_FDB_GET, 0);
		genl_put_str(&req, VSWITCH_A_FDB_SWITCH_NAME, SW);
		ASSERT_EQ(0, genl_dump(self->fd, &req, seen_cb, s));
		if (!s->intr)
			break;
	}
	EXPECT_EQ(0, s->intr);
	EXPECT_EQ(NFDB, s->total);
	for (i = 1; i <= NFDB; i++)
		once += s->count[i] == 1;
	EXPECT_EQ(NFDB, once);
	free(s);
}

/* Read the first part of a dump, change the switch, read the rest. */
TEST_F(dump, change_midway_is_flagged)
{
	static char buf[65536];
	int fd2 = genl_open(), done = 0, intr = 0, parts = 0;

	ASSERT_LE(0, fd2);
	genl_req_init(&req, self->family, VSWITCH_CMD_PORT_GET, NLM_F_DUMP);
	genl_put_str(&req, VSWITCH_A_PORT_SWITCH_NAME, SW);
	ASSERT_LT(0, send(self->fd, &req, req.nlh.nlmsg_len, 0));
	while (!done) {
		ssize_t n = recv(self->fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		ASSERT_LT(0, n);
		if (parts++ == 0) {
			/* between the first and the second part */
			struct genl_req r2;
			struct genl_ans a2;

			genl_req_init(&r2, self->family, VSWITCH_CMD_PORT_NEW, 0);
			genl_put_str(&r2, VSWITCH_A_PORT_SWITCH_NAME, SW);
			genl_put_str(&r2, VSWITCH_A_PORT_NAME, "late");
			ASSERT_EQ(0, genl_exchange(fd2, &r2, &a2));
			ASSERT_EQ(0, a2.error);
		}
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				intr++;
			if (nlh->nlmsg_type == NLMSG_DONE || nlh->nlmsg_type == NLMSG_ERROR)
				done = 1;
		}
	}
	EXPECT_LT(1, parts);
	EXPECT_LT(0, intr);
	close(fd2);
}

TEST_HARNESS_MAIN
