// SPDX-License-Identifier: GPL-2.0
/* `hvnet switch`: create, change, delete and show switches. */
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy switch_policy[VSWITCH_A_SWITCH_MAX + 1] = {
	[VSWITCH_A_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_SWITCH_TYPE] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_UPLINK_IFINDEX] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_INTERNAL_IFNAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_SWITCH_AGEING_TIME] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_LEARN_LIMIT] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_FDB_ENTRIES] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_PORT_COUNT] = { MNL_TYPE_U32 },
	[VSWITCH_A_SWITCH_STATS] = { MNL_TYPE_NESTED },
	[VSWITCH_A_SWITCH_GROUP_FWD_MASK] = { MNL_TYPE_U16 },
};

/* "group-fwd-mask 0x8" when the switch forwards a reserved group */
static void out_group_fwd_mask(struct hv_ctx *ctx, const struct nlattr *attr)
{
	char hex[8];
	uint16_t mask;

	if (!attr)
		return;
	mask = mnl_attr_get_u16(attr);
	if (ctx->json) {
		out_uint(ctx, "group_fwd_mask", NULL, mask);
		return;
	}
	if (!mask)
		return;
	snprintf(hex, sizeof(hex), "0x%x", mask);
	out_str(ctx, NULL, "group-fwd-mask", hex);
}

/* The uplink by name (the host's), and by ifindex in JSON. */
static void out_uplink(struct hv_ctx *ctx, const struct nlattr *attr)
{
	char name[IF_NAMESIZE];
	uint32_t ifindex;

	if (!attr)
		return;
	ifindex = mnl_attr_get_u32(attr);
	if (!if_indextoname(ifindex, name))
		snprintf(name, sizeof(name), "if%u", ifindex);
	out_str(ctx, "uplink", "uplink", name);
	out_uint(ctx, "uplink_ifindex", NULL, ifindex);
}

void switch_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
		  enum hv_view view)
{
	const struct nlattr *tb[VSWITCH_A_SWITCH_MAX + 1];

	vsw_parse(nlh, switch_policy, VSWITCH_A_SWITCH_MAX, tb);
	out_attr_str(ctx, "name", "", tb[VSWITCH_A_SWITCH_NAME]);
	out_attr_uint(ctx, "id", "id", tb[VSWITCH_A_SWITCH_ID]);
	if (view == HV_VIEW_NAME)
		return;
	out_attr_enum(ctx, "type", "type", &hv_switch_types,
		      tb[VSWITCH_A_SWITCH_TYPE]);
	out_uplink(ctx, tb[VSWITCH_A_SWITCH_UPLINK_IFINDEX]);
	out_attr_str(ctx, "internal_nic", "internal-nic",
		     tb[VSWITCH_A_SWITCH_INTERNAL_IFNAME]);
	out_attr_uint(ctx, "ageing_time", "ageing",
		      tb[VSWITCH_A_SWITCH_AGEING_TIME]);
	out_attr_uint(ctx, "learn_limit", "learn-limit",
		      tb[VSWITCH_A_SWITCH_LEARN_LIMIT]);
	out_group_fwd_mask(ctx, tb[VSWITCH_A_SWITCH_GROUP_FWD_MASK]);
	out_attr_uint(ctx, "fdb_entries", "fdb-entries",
		      tb[VSWITCH_A_SWITCH_FDB_ENTRIES]);
	out_attr_uint(ctx, "port_count", "ports",
		      tb[VSWITCH_A_SWITCH_PORT_COUNT]);
	if (view == HV_VIEW_EVENT)
		return;
	out_eol(ctx);
	out_stats(ctx, tb[VSWITCH_A_SWITCH_STATS], 4);
}

/* The options of switch add; switch set takes the last three. */
enum { SW_TYPE, SW_UPLINK, SW_INTERNAL_NIC, SW_AGEING, SW_LEARN_LIMIT, SW_GROUP_FWD_MASK };

static const char *const switch_opt_names[] = {
	[SW_TYPE] = "type",
	[SW_UPLINK] = "uplink",
	[SW_INTERNAL_NIC] = "internal-nic",
	[SW_AGEING] = "ageing",
	[SW_LEARN_LIMIT] = "learn-limit",
	[SW_GROUP_FWD_MASK] = "group-fwd-mask",
};

static const struct hv_names switch_opts_names = { switch_opt_names, ARRAY_SIZE(switch_opt_names) };

static int switch_opt(struct hv_ctx *ctx, struct hv_args *a, int opt,
		      void *data)
{
	struct nlmsghdr *nlh = data;
	const char *ifname;
	uint32_t val;
	int ret;

	switch (opt) {
	case SW_TYPE:
		ret = arg_enum(ctx, a, "type", &hv_switch_types, &val);
		if (!ret)
			mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_TYPE, val);
		return ret;
	case SW_UPLINK:
		ret = arg_dev(ctx, a, "uplink", &val);
		if (!ret)
			mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_UPLINK_IFINDEX, val);
		return ret;
	case SW_INTERNAL_NIC:
		ret = arg_value(ctx, a, "internal-nic", &ifname);
		if (ret)
			return ret;
		if (!*ifname || strlen(ifname) >= IF_NAMESIZE)
			return hv_usage(ctx, "invalid interface name \"%s\" (1-%d bytes)",
					ifname, IF_NAMESIZE - 1);
		mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_INTERNAL_IFNAME, ifname);
		return 0;
	case SW_AGEING:
		ret = arg_uint(ctx, a, "ageing", UINT32_MAX, &val);
		if (!ret)
			mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_AGEING_TIME, val);
		return ret;
	case SW_GROUP_FWD_MASK:
		ret = arg_uint(ctx, a, "group-fwd-mask", UINT16_MAX, &val);
		if (!ret)
			mnl_attr_put_u16(nlh, VSWITCH_A_SWITCH_GROUP_FWD_MASK, val);
		return ret;
	default:
		ret = arg_uint(ctx, a, "learn-limit", UINT32_MAX, &val);
		if (!ret)
			mnl_attr_put_u32(nlh, VSWITCH_A_SWITCH_LEARN_LIMIT, val);
		return ret;
	}
}

/* NAME and the options after it, put into @nlh. */
static int switch_args(struct hv_ctx *ctx, struct hv_args *a,
		       struct nlmsghdr *nlh, bool add, unsigned int *seen)
{
	unsigned int allowed = HV_OPT(SW_AGEING) | HV_OPT(SW_LEARN_LIMIT) |
			       HV_OPT(SW_GROUP_FWD_MASK);
	const char *name;
	int ret;

	ret = arg_name(ctx, a, "NAME", &name);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_NAME, name);
	if (add)
		allowed |= HV_OPT(SW_TYPE) | HV_OPT(SW_UPLINK) |
			   HV_OPT(SW_INTERNAL_NIC);
	return arg_options(ctx, a, &switch_opts_names, allowed, seen,
			   switch_opt, nlh);
}

static int switch_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_SWITCH_NEW, 0);
	unsigned int seen;
	int ret;

	ret = switch_args(ctx, a, nlh, true, &seen);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(SW_TYPE)))
		return hv_usage(ctx, "missing \"type { external | internal | private }\"");
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int switch_set(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_SWITCH_SET, 0);
	unsigned int seen;
	int ret;

	ret = switch_args(ctx, a, nlh, false, &seen);
	if (ret)
		return ret;
	if (!seen)
		return hv_usage(ctx,
				"nothing to change (ageing MS, learn-limit N, group-fwd-mask MASK)");
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int switch_del(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_SWITCH_DEL, 0);
	const char *name;
	int ret;

	ret = arg_name(ctx, a, "NAME", &name);
	if (!ret)
		ret = arg_end(ctx, a);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_NAME, name);
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int switch_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	const char *name = NULL;
	int ret;

	if (arg_peek(a)) {
		ret = arg_name(ctx, a, "NAME", &name);
		if (!ret)
			ret = arg_end(ctx, a);
		if (ret)
			return ret;
	}
	nlh = vsw_req(ctx, VSWITCH_CMD_SWITCH_GET, name ? 0 : NLM_F_DUMP);
	if (name)
		mnl_attr_put_strz(nlh, VSWITCH_A_SWITCH_NAME, name);
	return vsw_show(ctx, nlh, switch_print);
}

static const struct hv_cmd switch_cmds[] = {
	{ "show", switch_show },
	{ "add", switch_add },
	{ "delete", switch_del },
	{ "set", switch_set },
};

const struct hv_object hv_switch_obj = {
	.name = "switch",
	.usage =
	"Usage: hvnet switch add NAME type { external | internal | private }\n"
	"                        [ uplink DEV ] [ internal-nic IFNAME ]\n"
	"                        [ ageing MS ] [ learn-limit N ] [ group-fwd-mask MASK ]\n"
	"       hvnet switch del NAME\n"
	"       hvnet switch set NAME [ ageing MS ] [ learn-limit N ] [ group-fwd-mask MASK ]\n"
	"       hvnet switch [ show [ NAME ] ]\n",
	.cmds = switch_cmds,
	.ncmds = ARRAY_SIZE(switch_cmds),
};
