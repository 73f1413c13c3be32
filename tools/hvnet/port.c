// SPDX-License-Identifier: GPL-2.0
/* `hvnet port`: create, change, tear down and show switch ports. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/hvnet_vswitch.h>

#include "hvnet.h"

static const struct vsw_policy port_policy[VSWITCH_A_PORT_MAX + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_SWITCH_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_PORT_ID] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_NAME] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_PORT_TYPE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_STATE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_VLAN_MODE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_ACCESS_VLAN] = { MNL_TYPE_U16 },
	[VSWITCH_A_PORT_NATIVE_VLAN] = { MNL_TYPE_U16 },
	[VSWITCH_A_PORT_TRUNK_VLANS] = { MNL_TYPE_BINARY, HV_VLAN_BITMAP_LEN },
	[VSWITCH_A_PORT_LEARN_LIMIT] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_LEARNED] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_NIC_IFINDEX] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_NIC] = { MNL_TYPE_NESTED },
	[VSWITCH_A_PORT_STATS] = { MNL_TYPE_NESTED },
	[VSWITCH_A_PORT_MAC_GUARD] = { MNL_TYPE_U8 },
	[VSWITCH_A_PORT_TRUSTED] = { MNL_TYPE_U8 },
	[VSWITCH_A_PORT_DHCP_GUARD] = { MNL_TYPE_U8 },
	[VSWITCH_A_PORT_ROUTER_GUARD] = { MNL_TYPE_U8 },
	[VSWITCH_A_PORT_PVLAN_MODE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_PRIMARY_VLAN] = { MNL_TYPE_U16 },
	[VSWITCH_A_PORT_SECONDARY_VLAN] = { MNL_TYPE_U16 },
	[VSWITCH_A_PORT_MIRROR_MODE] = { MNL_TYPE_U32 },
	[VSWITCH_A_PORT_STORM_LIMIT] = { MNL_TYPE_U32 },
};

static const struct vsw_policy ext_counter_policy[VSWITCH_A_EXT_COUNTER_MAX + 1] = {
	[VSWITCH_A_EXT_COUNTER_EXT] = { MNL_TYPE_NUL_STRING },
	[VSWITCH_A_EXT_COUNTER_ACTION] = { MNL_TYPE_U32 },
	[VSWITCH_A_EXT_COUNTER_REASON] = { MNL_TYPE_U32 },
	[VSWITCH_A_EXT_COUNTER_PACKETS] = { MNL_TYPE_U64 },
};

/* The guards: option word and attribute, in the order of PO_MAC_GUARD... */
static const struct {
	const char *name;
	int attr;
} port_guards[] = {
	{ "mac-guard", VSWITCH_A_PORT_MAC_GUARD },
	{ "dhcp-guard", VSWITCH_A_PORT_DHCP_GUARD },
	{ "router-guard", VSWITCH_A_PORT_ROUTER_GUARD },
};

/* "vlan access 10", "vlan trunk 10,20-30 native 1"; a "vlan" object in JSON */
static void port_vlan_print(struct hv_ctx *ctx, const struct nlattr **tb)
{
	const struct nlattr *mode = tb[VSWITCH_A_PORT_VLAN_MODE];
	const struct nlattr *trunk = tb[VSWITCH_A_PORT_TRUNK_VLANS];
	char list[HV_VLAN_LIST_LEN];

	if (!mode)
		return;
	out_open(ctx, "vlan", "vlan");
	out_attr_enum(ctx, "mode", "", &hv_vlan_modes, mode);
	if (mnl_attr_get_u32(mode) == VSWITCH_VLAN_MODE_ACCESS) {
		out_attr_uint(ctx, "access", "", tb[VSWITCH_A_PORT_ACCESS_VLAN]);
	} else if (mnl_attr_get_u32(mode) == VSWITCH_VLAN_MODE_PRIVATE) {
		out_attr_enum(ctx, "pvlan", "", &hv_pvlan_modes, tb[VSWITCH_A_PORT_PVLAN_MODE]);
		out_attr_uint(ctx, "primary", "primary", tb[VSWITCH_A_PORT_PRIMARY_VLAN]);
		out_attr_uint(ctx, "secondary", "secondary", tb[VSWITCH_A_PORT_SECONDARY_VLAN]);
	} else {
		if (trunk) {
			format_vlan_list(mnl_attr_get_payload(trunk), list,
					 sizeof(list));
			out_str(ctx, "allowed", "", list);
		}
		out_attr_uint(ctx, "native", "native",
			      tb[VSWITCH_A_PORT_NATIVE_VLAN]);
	}
	out_close(ctx);
}

/* The NICs nested in a port reply: a line each, a "nics" array in JSON. */
static void port_nics_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh)
{
	const struct nlattr *attr;

	out_open_array(ctx, "nics");
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(attr) == VSWITCH_A_PORT_NIC &&
		    mnl_attr_validate(attr, MNL_TYPE_NESTED) == 0)
			nic_print_nest(ctx, attr);
	}
	out_close_array(ctx);
}

/* "mac-guard on" ...; "mac_guard": "on" in JSON */
static void port_guards_print(struct hv_ctx *ctx, const struct nlattr **tb)
{
	const char *state;
	char key[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(port_guards); i++) {
		if (!tb[port_guards[i].attr])
			continue;
		state = hv_name(&hv_on_off, mnl_attr_get_u8(tb[port_guards[i].attr]));
		snake_case(port_guards[i].name, key, sizeof(key));
		out_str(ctx, key, port_guards[i].name, state ? state : "?");
	}
}

/* "ext acl dropped policy 3": what extensions dropped or excluded here */
static void port_ext_counters_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh)
{
	const struct nlattr *tb[VSWITCH_A_EXT_COUNTER_MAX + 1];
	const struct nlattr *attr;
	bool any = false;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(attr) != VSWITCH_A_PORT_EXT_COUNTER ||
		    mnl_attr_validate(attr, MNL_TYPE_NESTED))
			continue;
		vsw_parse_nest(attr, ext_counter_policy, VSWITCH_A_EXT_COUNTER_MAX, tb);
		if (!any)
			out_open_array(ctx, "ext_counters");
		any = true;
		if (ctx->json) {
			out_open(ctx, NULL, NULL);
		} else {
			out_indent(ctx, 4);
			out_text(ctx, "ext");
		}
		out_attr_str(ctx, "ext", "", tb[VSWITCH_A_EXT_COUNTER_EXT]);
		out_attr_enum(ctx, "action", "", &hv_ext_actions, tb[VSWITCH_A_EXT_COUNTER_ACTION]);
		out_attr_enum(ctx, "reason", "", &hv_ext_reasons, tb[VSWITCH_A_EXT_COUNTER_REASON]);
		out_attr_uint(ctx, "packets", "", tb[VSWITCH_A_EXT_COUNTER_PACKETS]);
		if (ctx->json)
			out_close(ctx);
		else
			out_eol(ctx);
	}
	if (any)
		out_close_array(ctx);
}

void port_print(struct hv_ctx *ctx, const struct nlmsghdr *nlh,
		enum hv_view view)
{
	const struct nlattr *tb[VSWITCH_A_PORT_MAX + 1];

	vsw_parse(nlh, port_policy, VSWITCH_A_PORT_MAX, tb);
	out_ref(ctx, "switch", "", tb[VSWITCH_A_PORT_SWITCH_NAME],
		tb[VSWITCH_A_PORT_SWITCH_ID]);
	out_attr_str(ctx, "name", "", tb[VSWITCH_A_PORT_NAME]);
	out_attr_uint(ctx, "id", "id", tb[VSWITCH_A_PORT_ID]);
	if (view == HV_VIEW_NAME)
		return;
	out_attr_enum(ctx, "type", "type", &hv_port_types, tb[VSWITCH_A_PORT_TYPE]);
	out_attr_enum(ctx, "state", "state", &hv_port_states,
		      tb[VSWITCH_A_PORT_STATE]);
	port_vlan_print(ctx, tb);
	out_attr_uint(ctx, "learn_limit", "learn-limit",
		      tb[VSWITCH_A_PORT_LEARN_LIMIT]);
	out_attr_uint(ctx, "learned", "learned", tb[VSWITCH_A_PORT_LEARNED]);
	port_guards_print(ctx, tb);
	if (tb[VSWITCH_A_PORT_MIRROR_MODE] &&
	    (ctx->json || mnl_attr_get_u32(tb[VSWITCH_A_PORT_MIRROR_MODE])))
		out_attr_enum(ctx, "mirror", "mirror", &hv_mirror_modes,
			      tb[VSWITCH_A_PORT_MIRROR_MODE]);
	if (tb[VSWITCH_A_PORT_STORM_LIMIT] &&
	    (ctx->json || mnl_attr_get_u32(tb[VSWITCH_A_PORT_STORM_LIMIT])))
		out_attr_uint(ctx, "storm_limit", "storm-limit", tb[VSWITCH_A_PORT_STORM_LIMIT]);
	if (tb[VSWITCH_A_PORT_TRUSTED] &&
	    (ctx->json || mnl_attr_get_u8(tb[VSWITCH_A_PORT_TRUSTED])))
		out_str(ctx, "trusted", "trusted",
			hv_name(&hv_on_off, mnl_attr_get_u8(tb[VSWITCH_A_PORT_TRUSTED])) ?: "?");
	if (view == HV_VIEW_EVENT)
		return;
	out_eol(ctx);
	out_stats(ctx, tb[VSWITCH_A_PORT_STATS], 4);
	if (ctx->stats)
		port_ext_counters_print(ctx, nlh);
	port_nics_print(ctx, nlh);
}

/* The options of port add; port set takes vlan, native and learn-limit. */
enum { PO_NAME, PO_TYPE, PO_DEV, PO_VLAN, PO_NATIVE, PO_LEARN_LIMIT,
	PO_MAC_GUARD, PO_DHCP_GUARD, PO_ROUTER_GUARD, PO_SECONDARY, PO_MIRROR,
	PO_STORM_LIMIT, PO_TRUSTED, PO_MAC };

static const char *const port_opt_names[] = {
	[PO_NAME] = "name",
	[PO_TYPE] = "type",
	[PO_DEV] = "dev",
	[PO_VLAN] = "vlan",
	[PO_NATIVE] = "native",
	[PO_LEARN_LIMIT] = "learn-limit",
	[PO_MAC_GUARD] = "mac-guard",
	[PO_DHCP_GUARD] = "dhcp-guard",
	[PO_ROUTER_GUARD] = "router-guard",
	[PO_SECONDARY] = "secondary",
	[PO_MIRROR] = "mirror",
	[PO_STORM_LIMIT] = "storm-limit",
	[PO_TRUSTED] = "trusted",
	[PO_MAC] = "mac",
};

static const struct hv_names port_opts = { port_opt_names, ARRAY_SIZE(port_opt_names) };

struct port_opt_ctx {
	struct nlmsghdr *nlh;
	uint32_t vlan_mode;
};

/* vlan access VID | vlan trunk LIST */
static int port_vlan_arg(struct hv_ctx *ctx, struct hv_args *a,
			 struct port_opt_ctx *po)
{
	uint8_t bitmap[HV_VLAN_BITMAP_LEN];
	const char *list;
	uint32_t vid;
	int ret;

	ret = arg_enum(ctx, a, "vlan", &hv_vlan_modes, &po->vlan_mode);
	if (ret)
		return ret;
	mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_VLAN_MODE, po->vlan_mode);
	if (po->vlan_mode == VSWITCH_VLAN_MODE_ACCESS) {
		ret = arg_uint(ctx, a, "vlan access", HV_VLAN_MAX, &vid);
		if (!ret)
			mnl_attr_put_u16(po->nlh, VSWITCH_A_PORT_ACCESS_VLAN, vid);
		return ret;
	}
	if (po->vlan_mode == VSWITCH_VLAN_MODE_PRIVATE) {
		uint32_t role;

		ret = arg_enum(ctx, a, "vlan private", &hv_pvlan_modes, &role);
		if (!ret)
			ret = arg_uint(ctx, a, "primary VLAN", HV_VLAN_MAX, &vid);
		if (ret)
			return ret;
		if (!vid)
			return hv_usage(ctx, "the primary VLAN is 1-%d", HV_VLAN_MAX);
		mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_PVLAN_MODE, role);
		mnl_attr_put_u16(po->nlh, VSWITCH_A_PORT_PRIMARY_VLAN, vid);
		return 0;
	}
	ret = arg_value(ctx, a, "vlan trunk", &list);
	if (ret)
		return ret;
	ret = parse_vlan_list(list, bitmap);
	if (ret == -ERANGE)
		return hv_usage(ctx, "VLAN list \"%s\": VLANs are 1-%d, ranges run low-high",
				list, HV_VLAN_MAX);
	if (ret)
		return hv_usage(ctx, "invalid VLAN list \"%s\" (such as 10,20,30-40)",
				list);
	mnl_attr_put(po->nlh, VSWITCH_A_PORT_TRUNK_VLANS, sizeof(bitmap), bitmap);
	return 0;
}

static int port_opt(struct hv_ctx *ctx, struct hv_args *a, int opt, void *data)
{
	struct port_opt_ctx *po = data;
	const char *name;
	uint32_t val;
	int ret;

	switch (opt) {
	case PO_NAME:
		ret = arg_name(ctx, a, "name", &name);
		if (!ret)
			mnl_attr_put_strz(po->nlh, VSWITCH_A_PORT_NAME, name);
		return ret;
	case PO_TYPE:
		ret = arg_enum(ctx, a, "type", &hv_port_types, &val);
		if (!ret)
			mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_TYPE, val);
		return ret;
	case PO_DEV:
		ret = arg_dev(ctx, a, "dev", &val);
		if (!ret)
			mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_NIC_IFINDEX, val);
		return ret;
	case PO_VLAN:
		return port_vlan_arg(ctx, a, po);
	case PO_NATIVE:
		if (po->vlan_mode != VSWITCH_VLAN_MODE_TRUNK)
			return hv_usage(ctx, "\"native VID\" goes after \"vlan trunk LIST\"");
		ret = arg_uint(ctx, a, "native", HV_VLAN_MAX, &val);
		if (!ret)
			mnl_attr_put_u16(po->nlh, VSWITCH_A_PORT_NATIVE_VLAN, val);
		return ret;
	case PO_SECONDARY:
		if (po->vlan_mode != VSWITCH_VLAN_MODE_PRIVATE)
			return hv_usage(ctx,
					"\"secondary VID\" goes after \"vlan private ROLE VID\"");
		ret = arg_uint(ctx, a, "secondary", HV_VLAN_MAX, &val);
		if (!ret && !val)
			return hv_usage(ctx, "the secondary VLAN is 1-%d", HV_VLAN_MAX);
		if (!ret)
			mnl_attr_put_u16(po->nlh, VSWITCH_A_PORT_SECONDARY_VLAN, val);
		return ret;
	case PO_MIRROR:
		ret = arg_enum(ctx, a, "mirror", &hv_mirror_modes, &val);
		if (!ret)
			mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_MIRROR_MODE, val);
		return ret;
	case PO_STORM_LIMIT:
		ret = arg_uint(ctx, a, "storm-limit", VSWITCH_STORM_LIMIT_MAX, &val);
		if (!ret)
			mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_STORM_LIMIT, val);
		return ret;
	case PO_MAC: {
		uint8_t mac[HV_MAC_LEN];

		ret = arg_mac(ctx, a, "mac", mac);
		if (!ret)
			mnl_attr_put(po->nlh, VSWITCH_A_PORT_NIC_MAC, HV_MAC_LEN, mac);
		return ret;
	}
	case PO_TRUSTED:
		ret = arg_enum(ctx, a, "trusted", &hv_on_off, &val);
		if (!ret)
			mnl_attr_put_u8(po->nlh, VSWITCH_A_PORT_TRUSTED, val);
		return ret;
	case PO_MAC_GUARD:
	case PO_DHCP_GUARD:
	case PO_ROUTER_GUARD:
		ret = arg_enum(ctx, a, port_guards[opt - PO_MAC_GUARD].name, &hv_on_off, &val);
		if (!ret)
			mnl_attr_put_u8(po->nlh, port_guards[opt - PO_MAC_GUARD].attr, val);
		return ret;
	default:
		ret = arg_uint(ctx, a, "learn-limit", UINT32_MAX, &val);
		if (!ret)
			mnl_attr_put_u32(po->nlh, VSWITCH_A_PORT_LEARN_LIMIT, val);
		return ret;
	}
}

/* SWITCH (and NAME unless @add), put into @nlh, then the options. */
static int port_args(struct hv_ctx *ctx, struct hv_args *a,
		     struct nlmsghdr *nlh, bool add, unsigned int *seen)
{
	struct port_opt_ctx po = { .nlh = nlh };
	unsigned int allowed = HV_OPT(PO_VLAN) | HV_OPT(PO_NATIVE) |
			       HV_OPT(PO_LEARN_LIMIT) | HV_OPT(PO_MAC_GUARD) |
			       HV_OPT(PO_DHCP_GUARD) | HV_OPT(PO_ROUTER_GUARD) |
			       HV_OPT(PO_SECONDARY) | HV_OPT(PO_MIRROR) |
			       HV_OPT(PO_STORM_LIMIT) | HV_OPT(PO_TRUSTED);
	const char *sw, *name;
	int ret;

	ret = arg_name(ctx, a, "SWITCH", &sw);
	if (ret)
		return ret;
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, sw);
	if (add) {
		allowed |= HV_OPT(PO_NAME) | HV_OPT(PO_TYPE) | HV_OPT(PO_DEV) | HV_OPT(PO_MAC);
	} else {
		ret = arg_name(ctx, a, "NAME", &name);
		if (ret)
			return ret;
		mnl_attr_put_strz(nlh, VSWITCH_A_PORT_NAME, name);
	}
	return arg_options(ctx, a, &port_opts, allowed, seen, port_opt, &po);
}

static int port_add(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_PORT_NEW, 0);
	unsigned int seen;
	int ret;

	ret = port_args(ctx, a, nlh, true, &seen);
	if (ret)
		return ret;
	if (!(seen & HV_OPT(PO_NAME)))
		return hv_usage(ctx, "missing \"name NAME\"");
	if ((seen & HV_OPT(PO_MAC)) && !(seen & HV_OPT(PO_DEV)))
		return hv_usage(ctx, "\"mac MAC\" is the MAC of the NIC \"dev DEV\" makes");
	return vsw_talk(ctx, nlh, NULL, NULL);
}

static int port_set(struct hv_ctx *ctx, struct hv_args *a)
{
	struct nlmsghdr *nlh = vsw_req(ctx, VSWITCH_CMD_PORT_SET, 0);
	unsigned int seen;
	int ret;

	ret = port_args(ctx, a, nlh, false, &seen);
	if (ret)
		return ret;
	if (!seen)
		return hv_usage(ctx, "nothing to change (vlan ..., learn-limit N)");
	return vsw_talk(ctx, nlh, NULL, NULL);
}

/* SWITCH and NAME, the two words that name a port */
static int port_ref_args(struct hv_ctx *ctx, struct hv_args *a,
			 const char **sw, const char **name)
{
	int ret;

	ret = arg_name(ctx, a, "SWITCH", sw);
	if (!ret)
		ret = arg_name(ctx, a, "NAME", name);
	if (!ret)
		ret = arg_end(ctx, a);
	return ret;
}

static struct nlmsghdr *port_ref_req(struct hv_ctx *ctx, uint8_t cmd,
				     const char *sw, const char *name)
{
	struct nlmsghdr *nlh = vsw_req(ctx, cmd, 0);

	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, sw);
	mnl_attr_put_strz(nlh, VSWITCH_A_PORT_NAME, name);
	return nlh;
}

/* The type and NICs of a port, as its port-get reply lists them. */
struct port_nics {
	uint32_t type;
	unsigned int count;
	struct {
		uint32_t index;
		uint32_t state;
	} nic[VSWITCH_MAX_NIC_INDEX + 1];
};

static int port_nics_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *ptb[VSWITCH_A_PORT_MAX + 1];
	const struct nlattr *tb[VSWITCH_A_NIC_MAX + 1];
	struct port_nics *pn = data;
	const struct nlattr *attr;

	vsw_parse(nlh, port_policy, VSWITCH_A_PORT_MAX, ptb);
	if (ptb[VSWITCH_A_PORT_TYPE])
		pn->type = mnl_attr_get_u32(ptb[VSWITCH_A_PORT_TYPE]);
	mnl_attr_for_each(attr, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(attr) != VSWITCH_A_PORT_NIC ||
		    mnl_attr_validate(attr, MNL_TYPE_NESTED) ||
		    pn->count == ARRAY_SIZE(pn->nic))
			continue;
		nic_parse_nest(attr, tb);
		if (!tb[VSWITCH_A_NIC_INDEX])
			continue;
		pn->nic[pn->count].index = mnl_attr_get_u32(tb[VSWITCH_A_NIC_INDEX]);
		pn->nic[pn->count].state = tb[VSWITCH_A_NIC_STATE] ?
			mnl_attr_get_u32(tb[VSWITCH_A_NIC_STATE]) :
			VSWITCH_NIC_STATE_UNKNOWN;
		pn->count++;
	}
	return MNL_CB_OK;
}

/*
 * The ports a switch makes (external, internal) go with the switch, the
 * synthetic ones with their VM network adapter: their NICs are left alone.
 */
static int port_owned(const char *sw, const char *name, uint32_t type)
{
	const char *owner;

	if (type == VSWITCH_PORT_TYPE_EXTERNAL || type == VSWITCH_PORT_TYPE_INTERNAL)
		owner = "the switch (hvnet switch del)";
	else if (type == VSWITCH_PORT_TYPE_SYNTHETIC)
		owner = "its VM network adapter";
	else
		return 0;
	fprintf(stderr, "hvnet: port %s of %s is of type %s; it goes with %s\n",
		name, sw, hv_name(&hv_port_types, type), owner);
	return HV_EXIT_FAIL;
}

/*
 * The Hyper-V teardown: disconnect the NICs that are connected, delete
 * every NIC not deleted yet, then delete the port.
 */
static int port_del(struct hv_ctx *ctx, struct hv_args *a)
{
	struct port_nics pn = { 0 };
	const char *sw, *name;
	unsigned int i;
	int ret;

	ret = port_ref_args(ctx, a, &sw, &name);
	if (!ret)
		ret = vsw_talk(ctx, port_ref_req(ctx, VSWITCH_CMD_PORT_GET, sw, name),
			       port_nics_cb, &pn);
	if (!ret)
		ret = port_owned(sw, name, pn.type);
	for (i = 0; !ret && i < pn.count; i++)
		if (pn.nic[i].state == VSWITCH_NIC_STATE_CONNECTED)
			ret = nic_request(ctx, VSWITCH_CMD_NIC_DISCONNECT, sw, name,
					  pn.nic[i].index);
	for (i = 0; !ret && i < pn.count; i++)
		if (pn.nic[i].state != VSWITCH_NIC_STATE_DELETED)
			ret = nic_request(ctx, VSWITCH_CMD_NIC_DEL, sw, name,
					  pn.nic[i].index);
	if (!ret)
		ret = vsw_talk(ctx, port_ref_req(ctx, VSWITCH_CMD_PORT_DEL, sw, name),
			       NULL, NULL);
	return ret;
}

static int port_show(struct hv_ctx *ctx, struct hv_args *a)
{
	const char *sw = NULL, *name = NULL;
	struct nlmsghdr *nlh;
	int ret = 0;

	if (a->argc >= 2) {
		ret = port_ref_args(ctx, a, &sw, &name);
		if (ret)
			return ret;
		nlh = port_ref_req(ctx, VSWITCH_CMD_PORT_GET, sw, name);
		return vsw_show(ctx, nlh, port_print);
	}
	if (a->argc == 1)
		ret = arg_name(ctx, a, "SWITCH", &sw);
	if (ret)
		return ret;
	nlh = vsw_req(ctx, VSWITCH_CMD_PORT_GET, NLM_F_DUMP);
	if (sw)
		mnl_attr_put_strz(nlh, VSWITCH_A_PORT_SWITCH_NAME, sw);
	return vsw_show(ctx, nlh, port_print);
}

static const struct hv_cmd port_cmds[] = {
	{ "show", port_show },
	{ "add", port_add },
	{ "delete", port_del },
	{ "set", port_set },
};

const struct hv_object hv_port_obj = {
	.name = "port",
	.usage =
	"Usage: hvnet port add SWITCH name NAME [ type emulated ] [ dev DEV [ mac MAC ] ]\n"
	"                      [ POLICY ]...\n"
	"       hvnet port del SWITCH NAME\n"
	"       hvnet port set SWITCH NAME POLICY...\n"
	"       hvnet port [ show [ SWITCH [ NAME ] ] ]\n"
	"where  POLICY := { VLAN | learn-limit N | GUARD { on | off } |\n"
	"                   mirror { none | source | destination } | storm-limit PPS |\n"
	"                   trusted { on | off } }\n"
	"       VLAN := { vlan access VID | vlan trunk LIST [ native VID ] |\n"
	"                 vlan private ROLE PRIMARY [ secondary VID ] }\n"
	"       ROLE := { isolated | community | promiscuous }\n"
	"       LIST := VID[-VID][,LIST]   (VLANs 1-4094, e.g. 10,20,30-40)\n"
	"       GUARD := { mac-guard | dhcp-guard | router-guard }\n",
	.cmds = port_cmds,
	.ncmds = ARRAY_SIZE(port_cmds),
};
