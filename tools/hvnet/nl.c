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
	nl->buf = malloc(MNL_SOCKET_BUFFER_SIZE);
	if (!nl->buf)
		return -ENOMEM;
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
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->buf);
	nl->sock = NULL;
	nl->buf = NULL;
}

struct nlmsghdr *nl_req(struct hv_nl *nl, uint16_t family, uint8_t cmd,
			uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(nl->buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = 1;
	return nlh;
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

/* NLMSG_ERROR: the errno, and the extack message if the kernel sent one. */
static int nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	struct hv_nl *nl = ((struct nl_talk_ctx *)data)->nl;
	unsigned int off = sizeof(*err);
	const struct nlattr *attr;

	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err))) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off += err->msg.nlmsg_len - sizeof(struct nlmsghdr);
		mnl_attr_for_each(attr, nlh, off) {
			if (mnl_attr_get_type(attr) == NLMSGERR_ATTR_MSG &&
			    mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
				snprintf(nl->ext_msg, sizeof(nl->ext_msg), "%s",
					 mnl_attr_get_str(attr));
		}
	}
	if (err->error == 0)
		return MNL_CB_STOP;
	errno = -err->error;
	return MNL_CB_ERROR;
}

int nl_talk(struct hv_nl *nl, struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	mnl_cb_t ctl[NLMSG_MIN_TYPE] = { [NLMSG_ERROR] = nl_error_cb };
	struct nl_talk_ctx ctx = { .nl = nl, .cb = cb, .data = data };
	unsigned int seq = req->nlmsg_seq;
	int ret;

	nl->ext_msg[0] = '\0';
	req->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0)
		return -errno;
	do {
		ret = mnl_socket_recvfrom(nl->sock, nl->buf, MNL_SOCKET_BUFFER_SIZE);
		if (ret < 0)
			return -errno;
		ret = mnl_cb_run2(nl->buf, ret, seq, nl->portid, nl_data_cb,
				  &ctx, ctl, NLMSG_MIN_TYPE);
		if (ret == MNL_CB_ERROR)
			return -errno;
	} while (ret > MNL_CB_STOP);
	return 0;
}

static int family_id_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *attr;
	uint16_t *id = data;

	mnl_attr_for_each(attr, nlh, sizeof(struct genlmsghdr)) {
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID &&
		    mnl_attr_validate(attr, MNL_TYPE_U16) == 0)
			*id = mnl_attr_get_u16(attr);
	}
	return MNL_CB_OK;
}

int nl_family_id(struct hv_nl *nl, const char *name, uint16_t *id)
{
	struct nlmsghdr *nlh = nl_req(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 0);
	int ret;

	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	*id = 0;
	ret = nl_talk(nl, nlh, family_id_cb, id);
	if (ret)
		return ret;
	return *id ? 0 : -ENOENT;
}
