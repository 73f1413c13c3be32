// SPDX-License-Identifier: GPL-2.0
/*
 * The vswitch family for the hvnet command: resolving it, building and
 * sending its requests, reading and showing its replies.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

struct vsw_parse_ctx {
	const struct vsw_policy *pol;
	unsigned int max;
	const struct nlattr **tb;
};

static int vsw_parse_cb(const struct nlattr *attr, void *data)
{
	const struct vsw_parse_ctx *p = data;
	unsigned int type = mnl_attr_get_type(attr);
	const struct vsw_policy *pol;
	int ret;

	if (type > p->max)
		return MNL_CB_OK;	/* newer than this tool */
	pol = &p->pol[type];
	if (pol->type == MNL_TYPE_UNSPEC)
		return MNL_CB_OK;
	if (pol->len)
		ret = mnl_attr_validate2(attr, pol->type, pol->len);
	else
		ret = mnl_attr_validate(attr, pol->type);
	if (ret == 0)
		p->tb[type] = attr;
	return MNL_CB_OK;
}

void vsw_parse(const struct nlmsghdr *nlh, const struct vsw_policy *pol,
	       unsigned int max, const struct nlattr **tb)
{
	struct vsw_parse_ctx p = { .pol = pol, .max = max, .tb = tb };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	mnl_attr_parse(nlh, GENL_HDRLEN, vsw_parse_cb, &p);
}

void vsw_parse_nest(const struct nlattr *nest, const struct vsw_policy *pol,
		    unsigned int max, const struct nlattr **tb)
{
	struct vsw_parse_ctx p = { .pol = pol, .max = max, .tb = tb };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	mnl_attr_parse_nested(nest, vsw_parse_cb, &p);
}

uint8_t vsw_cmd(const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *genl = mnl_nlmsg_get_payload(nlh);

	return genl->cmd;
}

int vsw_open(struct hv_ctx *ctx, uint32_t *monitor_group)
{
	int ret;

	if (ctx->vswitch && !monitor_group)
		return 0;
	ret = nl_family(&ctx->nl, VSWITCH_FAMILY_NAME, &ctx->vswitch,
			VSWITCH_MCGRP_MONITOR, monitor_group);
	if (ret == -ENOENT) {
		fprintf(stderr,
			"hvnet: the vswitch module is not loaded (no generic netlink family \"%s\")\n",
			VSWITCH_FAMILY_NAME);
		return HV_EXIT_FAIL;
	}
	if (ret) {
		hv_err(ctx, ret, "resolving family %s", VSWITCH_FAMILY_NAME);
		return HV_EXIT_FAIL;
	}
	return 0;
}

struct nlmsghdr *vsw_req(struct hv_ctx *ctx, uint8_t cmd, uint16_t flags)
{
	return nl_req(&ctx->nl, 0, cmd, flags);
}

void vsw_put_ref(struct nlmsghdr *nlh, uint16_t id_type, uint16_t name_type,
		 uint32_t id, const char *name)
{
	if (id)
		mnl_attr_put_u32(nlh, id_type, id);
	if (name)
		mnl_attr_put_strz(nlh, name_type, name);
}

int vsw_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	uint8_t cmd = vsw_cmd(nlh);
	const char *name;
	int ret;

	ret = vsw_open(ctx, NULL);
	if (ret)
		return ret;
	nlh->nlmsg_type = ctx->vswitch;
	ret = nl_talk(&ctx->nl, nlh, cb, data);
	if (!ret)
		return 0;
	name = hv_name(&hv_vswitch_cmds, cmd);
	if (ret == -EOPNOTSUPP && !ctx->nl.ext_msg[0])
		snprintf(ctx->nl.ext_msg, sizeof(ctx->nl.ext_msg),
			 "the loaded vswitch module does not know %s (see hvnet info)",
			 name);
	hv_err(ctx, ret, "%s", name);
	return HV_EXIT_FAIL;
}

struct vsw_show_ctx {
	struct hv_ctx *ctx;
	hv_print_fn print;
	bool (*match)(const struct nlmsghdr *nlh, const void *data);
	const void *data;
	bool started;	/* the JSON array is open */
};

static int vsw_show_cb(const struct nlmsghdr *nlh, void *data)
{
	struct vsw_show_ctx *show = data;
	struct hv_ctx *ctx = show->ctx;

	if (show->match && !show->match(nlh, show->data))
		return MNL_CB_OK;
	if (ctx->json) {
		if (!show->started)
			json_open_array(&ctx->jw, NULL);
		show->started = true;
		json_open_object(&ctx->jw, NULL);
	}
	show->print(ctx, nlh, HV_VIEW_SHOW);
	if (ctx->json)
		json_close_object(&ctx->jw);
	return MNL_CB_OK;
}

int hv_show_talk(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_talk_fn talk,
		 hv_print_fn print,
		 bool (*match)(const struct nlmsghdr *nlh, const void *data),
		 const void *data)
{
	struct vsw_show_ctx show = {
		.ctx = ctx, .print = print, .match = match, .data = data,
	};
	int ret;

	ret = talk(ctx, nlh, vsw_show_cb, &show);
	/*
	 * JSON: an array, empty when nothing matched; when the kernel refused
	 * (its message is on stderr) only what was already started is closed.
	 */
	if (ctx->json && (show.started || !ret)) {
		if (!show.started)
			json_open_array(&ctx->jw, NULL);
		json_close_array(&ctx->jw);
		json_end(&ctx->jw);
	}
	fflush(stdout);
	return ret;
}

int vsw_show_match(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_print_fn print,
		   bool (*match)(const struct nlmsghdr *nlh, const void *data),
		   const void *data)
{
	return hv_show_talk(ctx, nlh, vsw_talk, print, match, data);
}

int vsw_show(struct hv_ctx *ctx, struct nlmsghdr *nlh, hv_print_fn print)
{
	return vsw_show_match(ctx, nlh, print, NULL, NULL);
}
