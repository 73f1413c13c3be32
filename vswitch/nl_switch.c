// SPDX-License-Identifier: GPL-2.0
/* The switch object over netlink: switch-new, -del, -get, -set. */
#include <linux/rtnetlink.h>

#include "netlink.h"

int vswitch_nl_fill_switch(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			   int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch *sw = obj;
	void *hdr;

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(msg, VSWITCH_A_SWITCH_ID, sw->id) ||
	    nla_put_string(msg, VSWITCH_A_SWITCH_NAME, sw->name) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_TYPE, sw->type) ||
	    (sw->uplink_ifindex &&
	     nla_put_u32(msg, VSWITCH_A_SWITCH_UPLINK_IFINDEX, sw->uplink_ifindex)) ||
	    (sw->internal &&
	     nla_put_string(msg, VSWITCH_A_SWITCH_INTERNAL_IFNAME, sw->internal_ifname)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_AGEING_TIME, READ_ONCE(sw->fdb.ageing_ms)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_LEARN_LIMIT, READ_ONCE(sw->fdb.limit)) ||
	    nla_put_u16(msg, VSWITCH_A_SWITCH_GROUP_FWD_MASK, READ_ONCE(sw->group_fwd_mask)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_FDB_ENTRIES, vswitch_fdb_count(&sw->fdb)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_PORT_COUNT, sw->nports) ||
	    vswitch_nl_put_stats(msg, VSWITCH_A_SWITCH_STATS, sw->stats))
		goto cancel;
	genlmsg_end(msg, hdr);
	return 0;
cancel:
	genlmsg_cancel(msg, hdr);
	return -EMSGSIZE;
}

static void *vswitch_nl_req_switch(struct genl_info *info)
{
	return vswitch_nl_switch(info->attrs, VSWITCH_A_SWITCH_ID, VSWITCH_A_SWITCH_NAME,
				 info->extack);
}

/* The reserved groups the switch may forward: never STP, PAUSE or LACP. */
static int vswitch_check_conf(struct nlattr **attrs, struct netlink_ext_ack *extack)
{
	struct nlattr *mask = attrs[VSWITCH_A_SWITCH_GROUP_FWD_MASK];

	if (mask && (nla_get_u16(mask) & VSWITCH_GROUP_FWD_RESTRICTED)) {
		NL_SET_ERR_MSG_ATTR(extack, mask,
				    "groups 01:80:c2:00:00:00-02 (STP, PAUSE, LACP) are never forwarded");
		return -EINVAL;
	}
	return 0;
}

static void vswitch_apply_conf(struct vswitch *sw, struct nlattr **attrs)
{
	if (attrs[VSWITCH_A_SWITCH_GROUP_FWD_MASK])
		WRITE_ONCE(sw->group_fwd_mask, nla_get_u16(attrs[VSWITCH_A_SWITCH_GROUP_FWD_MASK]));
	if (attrs[VSWITCH_A_SWITCH_AGEING_TIME])
		vswitch_fdb_set_ageing(&sw->fdb, nla_get_u32(attrs[VSWITCH_A_SWITCH_AGEING_TIME]));
	if (attrs[VSWITCH_A_SWITCH_LEARN_LIMIT])
		WRITE_ONCE(sw->fdb.limit, nla_get_u32(attrs[VSWITCH_A_SWITCH_LEARN_LIMIT]));
}

static void *vswitch_nl_switch_create(struct genl_info *info, void *unused)
{
	struct nlattr *internal = info->attrs[VSWITCH_A_SWITCH_INTERNAL_IFNAME];
	struct nlattr *ifindex = info->attrs[VSWITCH_A_SWITCH_UPLINK_IFINDEX];
	struct nlattr **attrs = info->attrs;
	struct net_device *uplink = NULL;
	struct vswitch *sw;

	if (ifindex) {
		uplink = __dev_get_by_index(&init_net, nla_get_u32(ifindex));
		if (!uplink) {
			NL_SET_ERR_MSG_ATTR(info->extack, ifindex, "no such uplink netdev");
			return ERR_PTR(-ENODEV);
		}
	}
	sw = vswitch_create(nla_data(attrs[VSWITCH_A_SWITCH_NAME]),
			    nla_get_u32(attrs[VSWITCH_A_SWITCH_TYPE]), uplink,
			    internal ? nla_data(internal) : NULL, info->extack);
	if (!IS_ERR(sw))
		vswitch_apply_conf(sw, attrs);
	return sw;
}

int vswitch_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.change = vswitch_nl_switch_create,
		.fill = vswitch_nl_fill_switch,
	};

	if (vswitch_nl_missing(info, VSWITCH_A_SWITCH_NAME, "a switch name") ||
	    vswitch_nl_missing(info, VSWITCH_A_SWITCH_TYPE, "a switch type"))
		return -EINVAL;
	return vswitch_check_conf(info->attrs, info->extack) ?: vswitch_nl_admin(info, &op);
}

static void *vswitch_nl_switch_destroy(struct genl_info *info, void *sw)
{
	vswitch_destroy(sw);
	return NULL;
}

int vswitch_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_switch,
		.change = vswitch_nl_switch_destroy,
		.fill = vswitch_nl_fill_switch,
		.del = true,
	};

	return vswitch_nl_admin(info, &op);
}

int vswitch_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_switch, vswitch_nl_fill_switch);
}

static int vswitch_nl_dump_one_switch(struct vswitch_nl_dumper *d, struct vswitch *sw)
{
	return vswitch_nl_dump_put(d, sw);
}

int vswitch_nl_switch_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	static const struct vswitch_nl_dump_ops ops = {
		.fill = vswitch_nl_fill_switch,
		.sw = vswitch_nl_dump_one_switch,
	};

	return vswitch_nl_dump(skb, cb, &ops);
}

static void *vswitch_nl_switch_change(struct genl_info *info, void *sw)
{
	vswitch_apply_conf(sw, info->attrs);
	vswitch_generation++;
	return sw;
}

int vswitch_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_switch,
		.change = vswitch_nl_switch_change,
		.fill = vswitch_nl_fill_switch,
	};

	return vswitch_check_conf(info->attrs, info->extack) ?: vswitch_nl_admin(info, &op);
}
