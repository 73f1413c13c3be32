// SPDX-License-Identifier: GPL-2.0
/* `hvnet fdb`: a switch's forwarding table. */
#include <stdio.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy fdb_policy[VSWITCH_A_FDB_MAX + 1] = {
	[VSWITCH_A_FDB_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_FDB_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_FDB_MAC] = { MNL_TYPE_BINARY, HV_MAC_LEN },
	[VSWITCH_A_FDB_VLAN] = { MNL_TYPE_U16 },
	[VSWITCH_A_FDB_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_FDB_PORT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_FDB_STATIC] = { MNL_TYPE_FLAG },
	[VSWITCH_A_FDB_AGE] = { MNL_TYPE_U32 },
};

/*
 * An entry: "MAC vlan VID port PORT static|dynamic [age S.Ss]". Monitor
 * lines start with the switch and carry what the request carried: an added
 * entry is static, and with fdb-flush "static" means static entries were
 * flushed too.
 */
void fdb_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
	       enum hv_view view)
{
	const struct nlattr *tb[VSWITCH_A_FDB_MAX + 1];
	char age[HV_AGE_STR_LEN];
	bool is_static;

	vsw_parse(nlh, fdb_policy, VSWITCH_A_FDB_MAX, tb);
	is_static = tb[VSWITCH_A_FDB_STATIC];
	out_ref(ctx, "switch", view == HV_VIEW_SHOW ? NULL : "",
		tb[VSWITCH_A_FDB_SWITCH_NAME], tb[VSWITCH_A_FDB_SWITCH_ID]);
	out_attr_mac(ctx, "mac", "", tb[VSWITCH_A_FDB_MAC]);
	out_attr_uint(ctx, "vlan", "vlan", tb[VSWITCH_A_FDB_VLAN]);
	if (view == HV_VIEW_NAME)
		return;
	out_ref(ctx, "port", "port", tb[VSWITCH_A_FDB_PORT_NAME],
		tb[VSWITCH_A_FDB_PORT_ID]);
	if (view == HV_VIEW_SHOW || is_static) {
		if (ctx->json)
			json_bool(&ctx->jw, "static", is_static);
		else
			out_text(ctx, "%s", is_static ? "static" : "dynamic");
	}
	if (tb[VSWITCH_A_FDB_AGE] && (ctx->json || !is_static)) {
		format_age(mnl_attr_get_u32(tb[VSWITCH_A_FDB_AGE]), age, sizeof(age));
		out_number(ctx, "age", "age", age, "s");
	}
	if (view == HV_VIEW_SHOW)
		out_eol(ctx);
}

/* The options after SWITCH [ MAC ] */
enum { FDB_VLAN, FDB_PORT, FDB_STATIC };

static const char *const fdb_opt_names[] = {
	[FDB_VLAN] = "vlan",
	[FDB_PORT] = "port",
	[FDB_STATIC] = "static",
};

static const struct hv_names fdb_opts = { fdb_opt_names, ARRAY_SIZE(fdb_opt_names) };

static int fdb_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct nlmsghdr *nlh = data;
	const char *port;
	uint32_t vid;
	int ret;

	switch (opt) {
	case FDB_VLAN:
		ret = arg_uint(ctx, a, "vlan", HV_VLAN_MAX, &vid);
		if (!ret)
			mnl_attr_put_u16(nlh, VSWITCH_A_FDB_VLAN, vid);
		return ret;
	case FDB_PORT:
		ret = arg_name(ctx, a, "port", &port);
		if (!ret)
			mnl_attr_put_strz(nlh, VSWITCH_A_FDB_PORT_NAME, port);
		return ret;
	default:
		mnl_attr_put(nlh, VSWITCH_A_FDB_STATIC, 0, NULL);
		return 0;
	}
}

/*
 * A request of @cmd: SWITCH, MAC if @mac, then the options in @allowed.
 * Returns 0 with the request in *nlhp, or the exit code.
 */
static int fdb_args(struct hv_ctx *ctx, struct hv_args *a, uint8_t cmd,
		    bool mac, unsigned int allowed, unsigned int *seen,
		    struct nlmsghdr **nlhp)
{
	struct nlmsghdr *nlh = vsw_req(ctx, cmd, cmd == VSWITCH_CMD_FDB_GET ?
				       NLM_F_DUMP : 0);
	uint8_t addr[HV_MAC_LEN];
	const char *sw;
	int ret;

	*nlhp = nlh;
	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, VSWITCH_A_FDB_SWITCH_NAME, sw);
	if (mac) {
		ret = arg_mac(ctx, a, "MAC", addr);
		if (ret)
			return ret;
		mnl_attr_put(nlh, VSWITCH_A_FDB_MAC, HV_MAC_LEN, addr);
	}
	return arg_options(ctx, a, &fdb_opts, allowed, seen, fdb_opt, nlh);
}

static int fdb_show(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	unsigned int seen;
	int ret;

	ret = fdb_args(ctx, a, VSWITCH_CMD_FDB_GET, false, 0, &seen, &nlh);
	return ret ? ret : vsw_show(ctx, nlh, fdb_print);
}

static int fdb_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	unsigned int seen;
	int ret;

	ret = fdb_args(ctx, a, VSWITCH_CMD_FDB_ADD, true,
		       HV_OPT(FDB_VLAN) | HV_OPT(FDB_PORT), &seen, &nlh);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(FDB_PORT)))
		return hv_usage(ctx, "missing \"port PORT\"");
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int fdb_del(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	unsigned int seen;
	int ret;

	ret = fdb_args(ctx, a, VSWITCH_CMD_FDB_DEL, true, HV_OPT(FDB_VLAN),
		       &seen, &nlh);
	return ret ? ret : vsw_talk(ctx, nlh, NULL, NULL);
}

static int fdb_flush(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh;
	unsigned int seen;
	int ret;

	ret = fdb_args(ctx, a, VSWITCH_CMD_FDB_FLUSH, false,
		       HV_OPT(FDB_PORT) | HV_OPT(FDB_STATIC), &seen, &nlh);
	return ret ? ret : vsw_talk(ctx, nlh, NULL, NULL);
}

static const struct hv_cmd fdb_cmds[] = {
	{ "show", fdb_show },
	{ "add", fdb_add },
	{ "delete", fdb_del },
	{ "flush", fdb_flush },
};

const struct hv_object hv_fdb_obj = {
	.name = "fdb",
	.usage =
	"Usage: hvnet fdb show SWITCH\n"
	"       hvnet fdb add SWITCH MAC [ vlan VID ] port PORT\n"
	"       hvnet fdb del SWITCH MAC [ vlan VID ]\n"
	"       hvnet fdb flush SWITCH [ port PORT ] [ static ]\n"
	"where  MAC := xx:xx:xx:xx:xx:xx, VID := 0-4094\n",
	.cmds = fdb_cmds,
	.ncmds = ARRAY_SIZE(fdb_cmds),
};
