// SPDX-License-Identifier: GPL-2.0
/* Generic netlink plumbing of the hvnet command (libmnl). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "nl.h"

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

int nl_open(struct hv_nl *nl)
{
	int one = 1;

	memset(nl, 0, sizeof(*nl));
	nl->buf = malloc(NL_RECV_SIZE);
	nl->req = malloc(NL_REQ_SIZE);
	if (!nl->buf || !nl->req) {
		errno = ENOMEM;
		goto err;
	}
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock)
		goto err;
	/* best effort: without it errors come without a message */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		goto err;
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = time(NULL);
	return 0;
err:
	nl_close(nl);
	return -errno;
}

void nl_close(struct hv_nl *nl)
{
	int err = errno;

	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->buf);
	free(nl->req);
	nl->sock = NULL;
	nl->buf = NULL;
	nl->req = NULL;
	errno = err;
}

static struct nlmsghdr *nl_put_req(struct hv_nl *nl, void *buf, uint16_t family,
				   uint8_t cmd, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
}

struct nlmsghdr *nl_req(struct hv_nl *nl, uint16_t family, uint8_t cmd,
			uint16_t flags)
{
	return nl_put_req(nl, nl->req, family, cmd, flags);
}

/* What one nl_talk() hands to its callbacks. */
struct nl_talk_ctx {
	struct hv_nl *nl;
	mnl_cb_t cb;
	void *data;
};

static int nl_data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_talk_ctx *ctx = data;

	return ctx->cb ? ctx->cb(nlh, ctx->data) : MNL_CB_OK;
}

/* Keep the extack message of an NLMSG_ERROR or NLMSG_DONE, if any. */
static void nl_extack(struct hv_nl *nl, const struct nlmsghdr *nlh,
		      unsigned int off)
{
	const struct nlattr *attr;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	mnl_attr_for_each(attr, nlh, off) {
		if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
		    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
			snprintf(nl->ext_msg, sizeof(nl->ext_msg), "%s",
				 mnl_attr_get_str(attr));
	}
}

/* NLMSG_ERROR: the errno, and the extack message if the kernel sent one. */
static int nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	struct hv_nl *nl = ((struct nl_talk_ctx *)data)->nl;
	unsigned int off = sizeof(*err);

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err))) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += err->msg.nlmsg_len - sizeof(struct nlmsghdr);
	nl_extack(nl, nlh, off);
	if (err->error == 0)
		return MNL_CB_STOP;
	errno = -err->error;
	return MNL_CB_ERROR;
}

/* NLMSG_DONE: the end of a dump, which carries the dump's error if it failed. */
static int nl_done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct hv_nl *nl = ((struct nl_talk_ctx *)data)->nl;
	int err;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(err)))
		return MNL_CB_STOP;
	memcpy(&err, mnl_nlmsg_get_payload(nlh), sizeof(err));
	nl_extack(nl, nlh, sizeof(err));
	if (err >= 0)
		return MNL_CB_STOP;
	errno = -err;
	return MNL_CB_ERROR;
}

/*
 * A dump that crossed a change (or an FDB resize) flags its messages with
 * NLM_F_DUMP_INTR, which libmnl turns into an error that drops the rest of
 * the dump. Clear the flags, and say whether there was one.
 */
static bool nl_dump_intr(void *buf, size_t len)
{
	struct nlmsghdr *nlh = buf;
	int left = len;
	bool intr = false;

	while (mnl_nlmsg_ok(nlh, left)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR) {
			nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
			intr = true;
		}
		nlh = mnl_nlmsg_next(nlh, &left);
	}
	return intr;
}

int nl_talk(struct hv_nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	mnl_cb_t ctl[NLMSG_MIN_TYPE] = {
		[NLMSG_ERROR] = nl_error_cb,
		[NLMSG_DONE] = nl_done_cb,
	};
	struct nl_talk_ctx ctx = { .nl = nl, .cb = cb, .data = data };
	unsigned int seq = req->nlmsg_seq;
	bool intr = false;
	int ret;

	nl->ext_msg[0] = '\0';
	req->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return -errno;
	do {
		ret = mnl_socket_recvfrom(nl->sock, nl->buf, NL_RECV_SIZE);
		if (ret < 0)
			return -errno;
		if (nl_dump_intr(nl->buf, ret))
			intr = true;
		ret = mnl_cb_run2(nl->buf, ret, seq, nl->portid, nl_data_cb,
				  &ctx, ctl, NLMSG_MIN_TYPE);
		if (ret == MNL_CB_ERROR)
			return -errno;
	} while (ret > MNL_CB_STOP);
	/* as iproute2: what came is shown, and said to be maybe inconsistent */
	if (intr)
		fputs("hvnet: the dump was interrupted by a change and may be inconsistent\n",
		      stderr);
	return 0;
}

struct nl_family_ctx {
	uint16_t id;
	const char *group;
	uint32_t group_id;
};

static void nl_family_group(struct nl_family_ctx *fam, const struct nlattr *groups)
{
	const struct nlattr *grp, *attr;

	mnl_attr_for_each_nested(grp, groups) {
		const char *name = NULL;
		uint32_t id = 0;

		mnl_attr_for_each_nested(attr, grp) {
			int type = mnl_attr_get_type(attr);

			if (type == CTRL_ATTR_MCAST_GRP_NAME &&
			    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
				name = mnl_attr_get_str(attr);
			else if (type == CTRL_ATTR_MCAST_GRP_ID &&
				 mnl_attr_validate(attr, MNL_TYPE_U32) == 0)
				id = mnl_attr_get_u32(attr);
		}
		if (name && !strcmp(name, fam->group))
			fam->group_id = id;
	}
}

static int nl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_family_ctx *fam = data;
	const struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		int type = mnl_attr_get_type(attr);

		if (type == CTRL_ATTR_FAMILY_ID &&
		    mnl_attr_validate(attr, MNL_TYPE_U16) == 0)
			fam->id = mnl_attr_get_u16(attr);
		else if (type == CTRL_ATTR_MCAST_GROUPS && fam->group &&
			 mnl_attr_validate(attr, MNL_TYPE_NESTED) == 0)
			nl_family_group(fam, attr);
	}
	return MNL_CB_OK;
}

int nl_family(struct hv_nl *nl, const char *name, uint16_t *id,
	      const char *group, uint32_t *group_id)
{
	/* its own buffer: nl->req may hold the request this resolves for */
	uint32_t buf[128];
	struct nl_family_ctx fam = { .group = group };
	struct nlmsghdr *nlh;
	int ret;

	nlh = nl_put_req(nl, buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	ret = nl_talk(nl, nlh, nl_family_cb, &fam);
	*id = fam.id;
	if (group_id)
		*group_id = fam.group_id;
	if (ret)
		return ret;
	return fam.id ? 0 : -ENOENT;
}

int nl_family_id(struct hv_nl *nl, const char *name, uint16_t *id)
{
	return nl_family(nl, name, id, NULL, NULL);
}

int nl_join(struct hv_nl *nl, uint32_t group)
{
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				  sizeof(group)) < 0)
		return -errno;
	return 0;
}

int nl_listen(struct hv_nl *nl, mnl_cb_t cb, void *data)
{
	int ret;

	for (;;) {
		ret = mnl_socket_recvfrom(nl->sock, nl->buf, NL_RECV_SIZE);
		if (ret < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		ret = mnl_cb_run(nl->buf, ret, 0, 0, cb, data);
		if (ret == MNL_CB_ERROR)
			return -errno;
		if (ret == MNL_CB_STOP)
			return 0;
	}
}
