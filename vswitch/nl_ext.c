// SPDX-License-Identifier: GPL-2.0
/* Extensions over netlink: ext-get (and dump) and ext-set. */
#include <linux/module.h>
#include <linux/rtnetlink.h>

#include "netlink.h"

static int vswitch_nl_put_ext_stats(struct sk_buff *msg, const struct vswitch_ext_ctx *ctx)
{
	static const int attr[VSWITCH_EXT_NSTATS] = {
		VSWITCH_A_EXT_STATS_INGRESS, VSWITCH_A_EXT_STATS_EGRESS,
		VSWITCH_A_EXT_STATS_FORWARDED, VSWITCH_A_EXT_STATS_DROPPED,
		VSWITCH_A_EXT_STATS_EXCLUDED, VSWITCH_A_EXT_STATS_ADDED,
		VSWITCH_A_EXT_STATS_ORIGINATED, VSWITCH_A_EXT_STATS_REFUSED,
	};
	u64 sum[VSWITCH_EXT_NSTATS];
	struct nlattr *nest;
	int i;

	vswitch_ext_stats_sum(ctx, sum);
	nest = nla_nest_start(msg, VSWITCH_A_EXT_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < VSWITCH_EXT_NSTATS; i++) {
		if (nla_put_u64_64bit(msg, attr[i], sum[i], VSWITCH_A_EXT_STATS_PAD)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int vswitch_nl_fill_ext(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			       int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch_ext_ctx *ctx = obj;
	struct module *owner = ctx->ext->owner;
	void *hdr;

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(msg, VSWITCH_A_EXT_SWITCH_ID, ctx->sw->id) ||
	    nla_put_string(msg, VSWITCH_A_EXT_SWITCH_NAME, ctx->sw->name) ||
	    nla_put_string(msg, VSWITCH_A_EXT_NAME, ctx->ext->name) ||
	    nla_put_u32(msg, VSWITCH_A_EXT_CLASS, ctx->ext->class) ||
	    nla_put_u8(msg, VSWITCH_A_EXT_ENABLED, ctx->enabled) ||
	    nla_put_u32(msg, VSWITCH_A_EXT_POSITION, vswitch_ext_position(ctx)) ||
	    nla_put_string(msg, VSWITCH_A_EXT_MODULE, owner ? module_name(owner) : "vswitch") ||
	    vswitch_nl_put_ext_stats(msg, ctx)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

static void *vswitch_nl_req_ext(struct genl_info *info)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch *sw;
	const char *name;

	sw = vswitch_nl_switch(info->attrs, VSWITCH_A_EXT_SWITCH_ID, VSWITCH_A_EXT_SWITCH_NAME,
			       info->extack);
	if (IS_ERR(sw))
		return sw;
	if (vswitch_nl_missing(info, VSWITCH_A_EXT_NAME, "an extension name"))
		return ERR_PTR(-EINVAL);
	name = nla_data(info->attrs[VSWITCH_A_EXT_NAME]);
	ctx = vswitch_ext_find(sw, name);
	if (!ctx) {
		NL_SET_ERR_MSG_FMT(info->extack, "no extension named \"%s\" is registered", name);
		return ERR_PTR(-ENOENT);
	}
	return ctx;
}

int vswitch_nl_ext_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_ext, vswitch_nl_fill_ext);
}

static int vswitch_nl_dump_switch_exts(struct vswitch_nl_dumper *d, struct vswitch *sw)
{
	struct vswitch_ext_ctx *ctx;
	int err;

	list_for_each_entry(ctx, &sw->exts, sw_node) {
		err = vswitch_nl_dump_put(d, ctx);
		if (err)
			return err;
	}
	return 0;
}

int vswitch_nl_ext_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	static const struct vswitch_nl_dump_ops ops = {
		.fill = vswitch_nl_fill_ext,
		.sw = vswitch_nl_dump_switch_exts,
		.sw_id_attr = VSWITCH_A_EXT_SWITCH_ID,
		.sw_name_attr = VSWITCH_A_EXT_SWITCH_NAME,
	};

	return vswitch_nl_dump(skb, cb, &ops);
}

/* The move first; a refused enable moves it back: nothing changed. */
static void *vswitch_nl_ext_change(struct genl_info *info, void *obj)
{
	struct nlattr *position = info->attrs[VSWITCH_A_EXT_POSITION];
	struct nlattr *enabled = info->attrs[VSWITCH_A_EXT_ENABLED];
	struct vswitch_ext_ctx *ctx = obj;
	unsigned int old_pos;
	int err = 0;

	old_pos = vswitch_ext_position(ctx);
	if (position) {
		err = vswitch_ext_move(ctx, nla_get_u32(position), info->extack);
		if (err)
			return ERR_PTR(err);
	}
	if (enabled) {
		if (nla_get_u8(enabled))
			err = vswitch_ext_enable(ctx, info->extack);
		else
			vswitch_ext_disable(ctx);
		if (err) {
			vswitch_ext_move(ctx, old_pos, NULL);
			return ERR_PTR(err);
		}
	}
	return ctx;
}

int vswitch_nl_ext_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_ext,
		.change = vswitch_nl_ext_change,
		.fill = vswitch_nl_fill_ext,
	};

	if (!info->attrs[VSWITCH_A_EXT_ENABLED] && !info->attrs[VSWITCH_A_EXT_POSITION]) {
		NL_SET_ERR_MSG(info->extack, "enabled or position is required");
		return -EINVAL;
	}
	return vswitch_nl_admin(info, &op);
}
