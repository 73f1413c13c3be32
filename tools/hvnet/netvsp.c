// SPDX-License-Identifier: GPL-2.0
/* The netvsp family for the hvnet command: resolving it and sending its requests. */
#include <errno.h>
#include <stdio.h>
#include <linux/genetlink.h>
#include <linux/hvnet_netvsp.h>

#include "hvnet.h"

static const char *const netvsp_cmd_names[] = {
	[NETVSP_CMD_INFO_GET] = "info-get",
	[NETVSP_CMD_PARTITION_NEW] = "partition-new",
	[NETVSP_CMD_PARTITION_DEL] = "partition-del",
	[NETVSP_CMD_PARTITION_GET] = "partition-get",
};

static const struct hv_names netvsp_cmds = { netvsp_cmd_names, ARRAY_SIZE(netvsp_cmd_names) };

static int netvsp_open(struct hv_ctx *ctx)
{
	int ret;

	if (ctx->netvsp)
		return 0;
	ret = nl_family_id(&ctx->nl, NETVSP_FAMILY_NAME, &ctx->netvsp);
	if (ret == -ENOENT) {
		fprintf(stderr,
			"hvnet: the netvsp module is not loaded (no generic netlink family \"%s\")\n",
			NETVSP_FAMILY_NAME);
		return HV_EXIT_FAIL;
	}
	if (ret) {
		hv_err(ctx, ret, "resolving family %s", NETVSP_FAMILY_NAME);
		return HV_EXIT_FAIL;
	}
	return 0;
}

struct nlmsghdr *netvsp_req(struct hv_ctx *ctx, uint8_t cmd, uint16_t flags)
{
	return nl_req(&ctx->nl, 0, cmd, flags);
}

int netvsp_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	uint8_t cmd = vsw_cmd(nlh);
	const char *name;
	int ret;

	ret = netvsp_open(ctx);
	if (ret)
		return ret;
	nlh->nlmsg_type = ctx->netvsp;
	ret = nl_talk(&ctx->nl, nlh, cb, data);
	if (!ret)
		return 0;
	name = hv_name(&netvsp_cmds, cmd);
	if (ret == -EOPNOTSUPP && !ctx->nl.ext_msg[0])
		snprintf(ctx->nl.ext_msg, sizeof(ctx->nl.ext_msg),
			 "the loaded netvsp module does not know %s (see hvnet info)",
			 name);
	hv_err(ctx, ret, "%s", name);
	return HV_EXIT_FAIL;
}
