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

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
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

static struct vswitch_ext_ctx *vswitch_nl_req_ext(struct genl_info *info)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch *sw;
	const char *name;

	sw = vswitch_nl_switch(info->attrs, VSWITCH_A_EXT_SWITCH_ID, VSWITCH_A_EXT_SWITCH_NAME,
			       info->extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
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

static void *vswitch_nl_req_ext_obj(struct genl_info *info)
{
	return vswitch_nl_req_ext(info);
}

int vswitch_nl_ext_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_ext_obj, vswitch_nl_fill_ext,
			      VSWITCH_CMD_EXT_GET);
}

/* Every binding, or one switch's. Resumes at switch cb->args[0], binding cb->args[1]. */
int vswitch_nl_ext_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch *only, *sw;
	unsigned long sid;
	long n;
	int err = 0;

	mutex_lock(&vswitch_mutex);
	only = vswitch_nl_dump_switch(cb, VSWITCH_A_EXT_SWITCH_ID, VSWITCH_A_EXT_SWITCH_NAME);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = vswitch_generation;
	xa_for_each_start(&vswitch_switches, sid, sw, cb->args[0]) {
		if (only && sw != only)
			continue;
		n = 0;
		list_for_each_entry(ctx, &sw->exts, sw_node) {
			if (n++ < cb->args[1])
				continue;
			if (vswitch_nl_fill_ext(skb, ctx, NETLINK_CB(cb->skb).portid,
						cb->nlh->nlmsg_seq, NLM_F_MULTI,
						VSWITCH_CMD_EXT_GET, cb))
				goto out;
			cb->args[0] = sid;
			cb->args[1] = n;
		}
		cb->args[0] = sid + 1;
		cb->args[1] = 0;
	}
out:
	mutex_unlock(&vswitch_mutex);
	return err ?: skb->len;
}

int vswitch_nl_ext_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_ext_ctx *ctx;
	unsigned int old_pos;
	int err;

	if (!attrs[VSWITCH_A_EXT_ENABLED] && !attrs[VSWITCH_A_EXT_POSITION]) {
		NL_SET_ERR_MSG(info->extack, "enabled or position is required");
		return -EINVAL;
	}
	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	ctx = vswitch_nl_req_ext(info);
	if (IS_ERR(ctx)) {
		err = PTR_ERR(ctx);
		goto out;
	}
	/* the move first; a refused enable moves it back: nothing changed */
	old_pos = vswitch_ext_position(ctx);
	if (attrs[VSWITCH_A_EXT_POSITION]) {
		err = vswitch_ext_move(ctx, nla_get_u32(attrs[VSWITCH_A_EXT_POSITION]),
				       info->extack);
		if (err)
			goto out;
	}
	if (attrs[VSWITCH_A_EXT_ENABLED]) {
		if (nla_get_u8(attrs[VSWITCH_A_EXT_ENABLED]))
			err = vswitch_ext_enable(ctx, info->extack);
		else
			vswitch_ext_disable(ctx);
		if (err) {
			vswitch_ext_move(ctx, old_pos, NULL);
			goto out;
		}
	}
	err = vswitch_nl_reply(info, vswitch_nl_fill_ext, ctx, VSWITCH_CMD_EXT_SET);
	vswitch_nl_notify(info, vswitch_nl_fill_ext, ctx, VSWITCH_CMD_EXT_SET);
out:
	vswitch_nl_admin_end();
	return err;
}
