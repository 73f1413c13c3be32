// SPDX-License-Identifier: GPL-2.0
/* Raw generic netlink for selftests; see genl_raw.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "genl_raw.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

static uint32_t genl_seq = 1000;

int genl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_sec = 10 };
	int one = 1, fd;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return -errno;
	if (setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) ||
	    bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

struct genlmsghdr *genl_req_init(struct genl_req *req, uint16_t family,
				 uint8_t cmd, uint16_t flags)
{
	struct genlmsghdr *g;

	memset(req, 0, sizeof(*req));
	req->nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	req->nlh.nlmsg_type = family;
	req->nlh.nlmsg_flags = NLM_F_REQUEST | flags;
	req->nlh.nlmsg_seq = ++genl_seq;
	g = NLMSG_DATA(&req->nlh);
	g->cmd = cmd;
	g->version = 1;
	return g;
}

void genl_put_attr(struct genl_req *req, uint16_t type, const void *data,
		   uint16_t len)
{
	struct nlattr *a = (struct nlattr *)(req->buf + NLMSG_ALIGN(req->nlh.nlmsg_len));

	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((char *)a + NLA_HDRLEN, data, len);
	req->nlh.nlmsg_len = NLMSG_ALIGN(req->nlh.nlmsg_len) + NLA_ALIGN(a->nla_len);
}

void genl_put_u32(struct genl_req *req, uint16_t type, uint32_t v)
{
	genl_put_attr(req, type, &v, sizeof(v));
}

void genl_put_u16(struct genl_req *req, uint16_t type, uint16_t v)
{
	genl_put_attr(req, type, &v, sizeof(v));
}

void genl_put_str(struct genl_req *req, uint16_t type, const char *s)
{
	genl_put_attr(req, type, s, strlen(s) + 1);
}

void genl_put_flag(struct genl_req *req, uint16_t type)
{
	genl_put_attr(req, type, NULL, 0);
}

static void genl_parse_tlvs(const struct nlattr *a, const char *end,
			    struct genl_ans *ans)
{
	while ((const char *)a + NLA_HDRLEN <= end && a->nla_len >= NLA_HDRLEN &&
	       (const char *)a + a->nla_len <= end) {
		const char *val = (const char *)a + NLA_HDRLEN;
		int vlen = a->nla_len - NLA_HDRLEN;

		if (a->nla_type == NLMSGERR_ATTR_MSG && vlen > 0)
			snprintf(ans->ext_msg, sizeof(ans->ext_msg), "%.*s", vlen, val);
		if (a->nla_type == NLMSGERR_ATTR_OFFS && vlen == 4) {
			ans->has_bad_attr = true;
			memcpy(&ans->bad_attr_off, val, 4);
		}
		if (a->nla_type == NLMSGERR_ATTR_MISS_TYPE && vlen == 4) {
			ans->has_miss_type = true;
			memcpy(&ans->miss_type, val, 4);
		}
		if (a->nla_type == NLMSGERR_ATTR_POLICY)
			ans->has_policy = true;
		a = (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
	}
}

static void genl_parse_ack(const struct nlmsghdr *nlh, struct genl_ans *ans)
{
	const struct nlmsgerr *err = NLMSG_DATA(nlh);
	size_t off = sizeof(*err);

	ans->error = err->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += err->msg.nlmsg_len - sizeof(struct nlmsghdr);
	genl_parse_tlvs((const struct nlattr *)((const char *)err + NLA_ALIGN(off)),
			(const char *)nlh + nlh->nlmsg_len, ans);
}

/* a dump's end: its errno, then (NLM_F_ACK_TLVS) the extack message */
static void genl_parse_done(const struct nlmsghdr *nlh, struct genl_ans *ans)
{
	const char *data = NLMSG_DATA(nlh);

	ans->done = true;
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(int)))
		return;
	memcpy(&ans->error, data, sizeof(int));
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS)
		genl_parse_tlvs((const struct nlattr *)(data + NLA_ALIGN(sizeof(int))),
				(const char *)nlh + nlh->nlmsg_len, ans);
}

static int genl_read(int fd, struct genl_req *req, struct genl_ans *ans, bool to_done)
{
	static char buf[65536];

	memset(ans, 0, sizeof(*ans));
	req->nlh.nlmsg_flags |= NLM_F_ACK;
	if (send(fd, req, req->nlh.nlmsg_len, 0) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (n < 0)
			return -errno;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != req->nlh.nlmsg_seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				genl_parse_ack(nlh, ans);
				return 0;
			}
			if (nlh->nlmsg_type == NLMSG_DONE) {
				if (!to_done)
					continue;
				genl_parse_done(nlh, ans);
				return 0;
			}
			if (!ans->nreplies++ && nlh->nlmsg_len <= sizeof(ans->reply_buf)) {
				memcpy(ans->reply_buf, nlh, nlh->nlmsg_len);
				ans->reply_len = nlh->nlmsg_len;
			}
		}
	}
}

int genl_exchange(int fd, struct genl_req *req, struct genl_ans *ans)
{
	return genl_read(fd, req, ans, false);
}

int genl_call(int fd, struct genl_req *req, struct genl_ans *ans)
{
	return genl_read(fd, req, ans, true);
}

int genl_dump(int fd, struct genl_req *req,
	      void (*cb)(const struct nlmsghdr *nlh, void *data), void *data)
{
	static char buf[65536];

	req->nlh.nlmsg_flags |= NLM_F_DUMP;
	if (send(fd, req, req->nlh.nlmsg_len, 0) < 0)
		return -errno;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh;

		if (n < 0)
			return -errno;
		for (nlh = (struct nlmsghdr *)buf; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != req->nlh.nlmsg_seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_DONE)
				return *(int *)NLMSG_DATA(nlh);
			if (nlh->nlmsg_type == NLMSG_ERROR)
				return ((struct nlmsgerr *)NLMSG_DATA(nlh))->error;
			cb(nlh, data);
		}
	}
}

const struct nlattr *genl_reply_attr(const struct genl_ans *ans, uint16_t type)
{
	const char *end = ans->reply_buf + ans->reply_len;
	const struct nlattr *a;

	if (!ans->nreplies)
		return NULL;
	a = (const struct nlattr *)(ans->reply_buf + NLMSG_LENGTH(GENL_HDRLEN));
	while ((const char *)a + NLA_HDRLEN <= end && a->nla_len >= NLA_HDRLEN &&
	       (const char *)a + a->nla_len <= end) {
		if ((a->nla_type & NLA_TYPE_MASK) == type)
			return a;
		a = (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
	}
	return NULL;
}

static int genl_family_cb(const struct genl_ans *ans)
{
	const struct nlattr *a = genl_reply_attr(ans, CTRL_ATTR_FAMILY_ID);
	uint16_t id;

	if (!a || a->nla_len != NLA_HDRLEN + 2)
		return -EBADMSG;
	memcpy(&id, (const char *)a + NLA_HDRLEN, 2);
	return id;
}

int genl_resolve(int fd, const char *name)
{
	static struct genl_req req;
	static struct genl_ans ans;
	int ret;

	genl_req_init(&req, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	genl_put_attr(&req, CTRL_ATTR_FAMILY_NAME, name, strlen(name) + 1);
	ret = genl_exchange(fd, &req, &ans);
	if (ret)
		return ret;
	if (ans.error)
		return ans.error;
	return genl_family_cb(&ans);
}
