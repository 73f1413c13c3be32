// SPDX-License-Identifier: GPL-2.0
/* `hvnet ext`: the extensions bound to each switch; enable, disable, order. */
#include <stdio.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy ext_policy[VSWITCH_A_EXT_MAX + 1] = {
	[VSWITCH_A_EXT_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_EXT_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_EXT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_EXT_CLASS] = { MNL_TYPE_U32 },
	[VSWITCH_A_EXT_ENABLED] = { MNL_TYPE_U8 },
	[VSWITCH_A_EXT_POSITION] = { MNL_TYPE_U32 },
	[VSWITCH_A_EXT_MODULE] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_EXT_STATS] = { MNL_TYPE_NESTED },
};

static const struct vsw_policy ext_stats_policy[VSWITCH_A_EXT_STATS_MAX + 1] = {
	[VSWITCH_A_EXT_STATS_INGRESS] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_EGRESS] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_FORWARDED] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_DROPPED] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_EXCLUDED] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_ADDED] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_ORIGINATED] = { MNL_TYPE_U64 },
	[VSWITCH_A_EXT_STATS_REFUSED] = { MNL_TYPE_U64 },
};

static const char *const ext_stats_names[] = {
	[VSWITCH_A_EXT_STATS_INGRESS] = "ingress",
	[VSWITCH_A_EXT_STATS_EGRESS] = "egress",
	[VSWITCH_A_EXT_STATS_FORWARDED] = "forwarded",
	[VSWITCH_A_EXT_STATS_DROPPED] = "dropped",
	[VSWITCH_A_EXT_STATS_EXCLUDED] = "excluded",
	[VSWITCH_A_EXT_STATS_ADDED] = "added",
	[VSWITCH_A_EXT_STATS_ORIGINATED] = "originated",
	[VSWITCH_A_EXT_STATS_REFUSED] = "refused",
};

static void ext_stats_print(struct hv_ctx *ctx, const struct nlattr *nest)
{
	const struct nlattr *tb[VSWITCH_A_EXT_STATS_MAX + 1];
	unsigned int i;

	if (!nest)
		return;
	vsw_parse_nest(nest, ext_stats_policy, VSWITCH_A_EXT_STATS_MAX, tb);
	if (!ctx->json)
		out_indent(ctx, 4);
	out_open(ctx, "stats", NULL);
	for (i = 0; i < ARRAY_SIZE(ext_stats_names); i++)
		if (ext_stats_names[i])
			out_attr_uint(ctx, ext_stats_names[i], ext_stats_names[i], tb[i]);
	out_close(ctx);
	if (!ctx->json)
		out_eol(ctx);
}

/* "vs0 acl filter position 0 enabled module vswitch_acl" */
void ext_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh, enum hv_view view)
{
	const struct nlattr *tb[VSWITCH_A_EXT_MAX + 1];
	const struct nlattr *en;

	vsw_parse(nlh, ext_policy, VSWITCH_A_EXT_MAX, tb);
	out_ref(ctx, "switch", "", tb[VSWITCH_A_EXT_SWITCH_NAME], tb[VSWITCH_A_EXT_SWITCH_ID]);
	out_attr_str(ctx, "name", "", tb[VSWITCH_A_EXT_NAME]);
	if (view == HV_VIEW_NAME)
		return;
	out_attr_enum(ctx, "class", "", &hv_ext_classes, tb[VSWITCH_A_EXT_CLASS]);
	out_attr_uint(ctx, "position", "position", tb[VSWITCH_A_EXT_POSITION]);
	en = tb[VSWITCH_A_EXT_ENABLED];
	if (en && ctx->json)
		json_bool(&ctx->jw, "enabled", mnl_attr_get_u8(en));
	else if (en)
		out_text(ctx, "%s", mnl_attr_get_u8(en) ? "enabled" : "disabled");
	out_attr_str(ctx, "module", "module", tb[VSWITCH_A_EXT_MODULE]);
	if (view == HV_VIEW_EVENT)
		return;
	out_eol(ctx);
	if (ctx->stats)
		ext_stats_print(ctx, tb[VSWITCH_A_EXT_STATS]);
}

static int ext_show(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *sw = NULL, *name = NULL;
	struct nlmsghdr *nlh;
	int ret = 0;

	if (a->argc)
		ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret && a->argc)
		ret = arg_name(ctx, a, "EXT", &name);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	nlh = vsw_req(ctx, VSWITCH_CMD_EXT_GET, name ? 0 : NLM_F_DUMP);
	if (sw)
		mnl_attr_put_strz(nlh, VSWITCH_A_EXT_SWITCH_NAME, sw);
	if (name)
		mnl_attr_put_strz(nlh, VSWITCH_A_EXT_NAME, name);
	return vsw_show(ctx, nlh, ext_print);
}

/* SWITCH EXT, into an ext-set request */
static int ext_set_req(struct hv_ctx *ctx, struct hv_args *a, struct nlmsghdr **nlhp)
{
	const char *sw, *name;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (!ret)
		ret = arg_name(ctx, a, "EXT", &name);
	if (ret)
		return ret;
	*nlhp = vsw_req(ctx, VSWITCH_CMD_EXT_SET, 0);
	mnl_attr_put_strz(*nlhp, VSWITCH_A_EXT_SWITCH_NAME, sw);
	mnl_attr_put_strz(*nlhp, VSWITCH_A_EXT_NAME, name);
	return 0;
}

static int ext_enable_or_disable(struct hv_ctx *ctx, struct hv_args *a, bool enable)
{
	struct nlmsghdr *nlh;
	int ret;

	ret = ext_set_req(ctx, a, &nlh);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	mnl_attr_put_u8(nlh, VSWITCH_A_EXT_ENABLED, enable);
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int ext_enable(struct hv_ctx *ctx, struct hv_args *a)
{
	return ext_enable_or_disable(ctx, a, true);
}

static int ext_disable(struct hv_ctx *ctx, struct hv_args *a)
{
	return ext_enable_or_disable(ctx, a, false);
}

static int ext_order(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	uint32_t pos;
	int ret;

	ret = ext_set_req(ctx, a, &nlh);
	if (!ret)
		ret = arg_uint(ctx, a, "POSITION", UINT32_MAX, &pos);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	mnl_attr_put_u32(nlh, VSWITCH_A_EXT_POSITION, pos);
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static const struct hv_cmd ext_cmds[] = {
	{ "show", ext_show },
	{ "enable", ext_enable },
	{ "disable", ext_disable },
	{ "order", ext_order },
};

const struct hv_object hv_ext_obj = {
	.name = "ext",
	.usage =
	"Usage: hvnet ext [ show [ SWITCH [ EXT ] ] ]\n"
	"       hvnet ext { enable | disable } SWITCH EXT\n"
	"       hvnet ext order SWITCH EXT POSITION\n"
	"where  POSITION is the extension's place within its class (capture,\n"
	"       filter, forward), 0 first on the way in.\n",
	.cmds = ext_cmds,
	.ncmds = ARRAY_SIZE(ext_cmds),
};
