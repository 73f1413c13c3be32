// SPDX-License-Identifier: GPL-2.0
/* `hvnet nic`: create, connect, disconnect, delete and show port NICs. */
#include <stdio.h>
#include <string.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy nic_policy[VSWITCH_A_NIC_MAX + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_NIC_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_PORT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_NIC_INDEX] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_TYPE] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_STATE] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_IFINDEX] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_IFNAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_NIC_MAC] = { MNL_TYPE_BINARY, HV_MAC_LEN },
	[VSWITCH_A_NIC_MTU] = { MNL_TYPE_U32 },
	[VSWITCH_A_NIC_STATS] = { MNL_TYPE_NESTED },
};

static void nic_fields(struct hv_ctx *ctx, const struct nlattr **tb,
		       enum hv_view view)
{
	if (view == HV_VIEW_NESTED) {
		out_indent(ctx, 4);
	} else {
		out_ref(ctx, "switch", "", tb[VSWITCH_A_NIC_SWITCH_NAME],
			tb[VSWITCH_A_NIC_SWITCH_ID]);
		out_ref(ctx, "port", "", tb[VSWITCH_A_NIC_PORT_NAME],
			tb[VSWITCH_A_NIC_PORT_ID]);
	}
	out_attr_uint(ctx, "index", "nic", tb[VSWITCH_A_NIC_INDEX]);
	if (view == HV_VIEW_NAME)
		return;
	out_attr_enum(ctx, "type", "type", &hv_nic_types, tb[VSWITCH_A_NIC_TYPE]);
	out_attr_enum(ctx, "state", "state", &hv_nic_states,
		      tb[VSWITCH_A_NIC_STATE]);
	out_attr_str(ctx, "ifname", "dev", tb[VSWITCH_A_NIC_IFNAME]);
	out_attr_uint(ctx, "ifindex", tb[VSWITCH_A_NIC_IFNAME] ? NULL : "ifindex",
		      tb[VSWITCH_A_NIC_IFINDEX]);
	out_attr_mac(ctx, "mac", "mac", tb[VSWITCH_A_NIC_MAC]);
	out_attr_uint(ctx, "mtu", "mtu", tb[VSWITCH_A_NIC_MTU]);
	if (view == HV_VIEW_EVENT)
		return;
	out_eol(ctx);
	out_stats(ctx, tb[VSWITCH_A_NIC_STATS], view == HV_VIEW_NESTED ? 8 : 4);
}

void nic_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
	       enum hv_view view)
{
	const struct nlattr *tb[VSWITCH_A_NIC_MAX + 1];

	vsw_parse(nlh, nic_policy, VSWITCH_A_NIC_MAX, tb);
	nic_fields(ctx, tb, view);
}

void nic_parse_nest(const struct nlattr *nest, const struct nlattr **tb)
{
	vsw_parse_nest(nest, nic_policy, VSWITCH_A_NIC_MAX, tb);
}

void nic_print_nest(struct hv_ctx *ctx, const struct nlattr *nest)
{
	const struct nlattr *tb[VSWITCH_A_NIC_MAX + 1];

	nic_parse_nest(nest, tb);
	out_open(ctx, NULL, NULL);
	nic_fields(ctx, tb, HV_VIEW_NESTED);
	out_close(ctx);
}

static void nic_put(struct nlmsghdr *nlh, const char *sw, const char *port,
		    uint32_t index)
{
	mnl_attr_put_strz(nlh, VSWITCH_A_NIC_SWITCH_NAME, sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_NIC_PORT_NAME, port);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_INDEX, index);
}

int nic_request(struct hv_ctx *ctx, uint8_t cmd, const char *sw,
		const char *port, uint32_t index)
{
	struct nlmsghdr *nlh = vsw_req(ctx, cmd, 0);

	nic_put(nlh, sw, port, index);
	return vsw_talk(ctx, nlh, NULL, NULL);
}

/* The options after SWITCH PORT; all but index are nic add's. */
enum { NIC_INDEX, NIC_DEV, NIC_MAC, NIC_MTU };

static const char *const nic_opt_names[] = {
	[NIC_INDEX] = "index",
	[NIC_DEV] = "dev",
	[NIC_MAC] = "mac",
	[NIC_MTU] = "mtu",
};

static const struct hv_names nic_opts = { nic_opt_names, ARRAY_SIZE(nic_opt_names) };

struct nic_args {
	const char *sw;
	const char *port;
	uint32_t index;
	uint32_t ifindex;
	uint32_t mtu;
	uint8_t mac[HV_MAC_LEN];
};

static int nic_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct nic_args *na = data;

	switch (opt) {
	case NIC_INDEX:
		return arg_uint(ctx, a, "index", VSWITCH_MAX_NIC_INDEX, &na->index);
	case NIC_DEV:
		return arg_dev(ctx, a, "dev", &na->ifindex);
	case NIC_MAC:
		return arg_mac(ctx, a, "mac", na->mac);
	default:
		return arg_uint(ctx, a, "mtu", UINT32_MAX, &na->mtu);
	}
}

/* SWITCH PORT [ options ]; @allowed and *seen have a bit per option. */
static int nic_args(struct hv_ctx *ctx, struct hv_args *a, unsigned int allowed,
		    struct nic_args *na, unsigned int *seen)
{
	int ret;

	memset(na, 0, sizeof(*na));
	*seen = 0;
	ret = arg_name(ctx, a, "SWITCH", &na->sw);
	if (!ret)
		ret = arg_name(ctx, a, "PORT", &na->port);
	if (!ret)
		ret = arg_options(ctx, a, &nic_opts, allowed, seen, nic_opt, na);
	return ret;
}

static int nic_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	struct nic_args na;
	unsigned int seen;
	int ret;

	ret = nic_args(ctx, a, HV_OPT(NIC_INDEX) | HV_OPT(NIC_DEV) | HV_OPT(NIC_MAC) |
		       HV_OPT(NIC_MTU), &na, &seen);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(NIC_DEV)))
		return hv_usage(ctx, "missing \"dev DEV\"");
	nlh = vsw_req(ctx, VSWITCH_CMD_NIC_NEW, 0);
	nic_put(nlh, na.sw, na.port, na.index);
	mnl_attr_put_u32(nlh, VSWITCH_A_NIC_IFINDEX, na.ifindex);
	if (seen & HV_OPT(NIC_MAC))
		mnl_attr_put(nlh, VSWITCH_A_NIC_MAC, HV_MAC_LEN, na.mac);
	if (seen & HV_OPT(NIC_MTU))
		mnl_attr_put_u32(nlh, VSWITCH_A_NIC_MTU, na.mtu);
	return vsw_talk(ctx, nlh, NULL, NULL);
}

/* connect, disconnect, del: SWITCH PORT [ index N ] */
static int nic_simple(struct hv_ctx *ctx, struct hv_args *a, uint8_t cmd)
{
	struct nic_args na;
	unsigned int seen;
	int ret;

	ret = nic_args(ctx, a, HV_OPT(NIC_INDEX), &na, &seen);
	if (ret)
		return ret;
	return nic_request(ctx, cmd, na.sw, na.port, na.index);
}

static int nic_connect(struct hv_ctx *ctx, struct hv_args *a)
{
	return nic_simple(ctx, a, VSWITCH_CMD_NIC_CONNECT);
}

static int nic_disconnect(struct hv_ctx *ctx, struct hv_args *a)
{
	return nic_simple(ctx, a, VSWITCH_CMD_NIC_DISCONNECT);
}

static int nic_del(struct hv_ctx *ctx, struct hv_args *a)
{
	return nic_simple(ctx, a, VSWITCH_CMD_NIC_DEL);
}

static bool nic_of_port(const struct nlmsghdr *nlh, const void *port)
{
	const struct nlattr *tb[VSWITCH_A_NIC_MAX + 1];

	vsw_parse(nlh, nic_policy, VSWITCH_A_NIC_MAX, tb);
	return tb[VSWITCH_A_NIC_PORT_NAME] &&
	       !strcmp(mnl_attr_get_str(tb[VSWITCH_A_NIC_PORT_NAME]), port);
}

static int nic_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nic_args na = { 0 };
	unsigned int seen = 0;
	struct nlmsghdr *nlh;
	int ret = 0;

	if (a->argc == 1)
		ret = arg_name(ctx, a, "SWITCH", &na.sw);
	else if (a->argc > 1)
		ret = nic_args(ctx, a, HV_OPT(NIC_INDEX), &na, &seen);
	if (ret)
		return ret;
	if (seen & HV_OPT(NIC_INDEX)) {
		nlh = vsw_req(ctx, VSWITCH_CMD_NIC_GET, 0);
		nic_put(nlh, na.sw, na.port, na.index);
		return vsw_show(ctx, nlh, nic_print);
	}
	if (na.port) {
		/* the NICs of one port: the kernel says if there is no such port */
		nlh = vsw_req(ctx, VSWITCH_CMD_PORT_GET, 0);
		mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, na.sw);
		mnl_attr_put_strz(nlh, VSWITCH_A_PORT_NAME, na.port);
		ret = vsw_talk(ctx, nlh, NULL, NULL);
		if (ret)
			return ret;
	}
	nlh = vsw_req(ctx, VSWITCH_CMD_NIC_GET, NLM_F_DUMP);
	if (na.sw)
		mnl_attr_put_strz(nlh, VSWITCH_A_NIC_SWITCH_NAME, na.sw);
	return vsw_show_match(ctx, nlh, nic_print, na.port ? nic_of_port : NULL,
			      na.port);
}

static const struct hv_cmd nic_cmds[] = {
	{ "show", nic_show },
	{ "add", nic_add },
	{ "connect", nic_connect },
	{ "disconnect", nic_disconnect },
	{ "delete", nic_del },
};

const struct hv_object hv_nic_obj = {
	.name = "nic",
	.usage =
	"Usage: hvnet nic add SWITCH PORT dev DEV [ index N ] [ mac MAC ] [ mtu N ]\n"
	"       hvnet nic connect SWITCH PORT [ index N ]\n"
	"       hvnet nic disconnect SWITCH PORT [ index N ]\n"
	"       hvnet nic del SWITCH PORT [ index N ]\n"
	"       hvnet nic [ show [ SWITCH [ PORT [ index N ] ] ] ]\n"
	"where  N := 0-32 (0, the default, is the port's own NIC)\n",
	.cmds = nic_cmds,
	.ncmds = ARRAY_SIZE(nic_cmds),
};
