// SPDX-License-Identifier: GPL-2.0
/* The switch object over netlink: switch-new, -del, -get, -set. */
#include <linux/rtnetlink.h>

#include "netlink.h"

int vswitch_nl_fill_switch(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			   int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch *sw = obj;
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(msg, VSWITCH_A_SWITCH_ID, sw->id) ||
	    nla_put_string(msg, VSWITCH_A_SWITCH_NAME, sw->name) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_TYPE, sw->type) ||
	    (sw->uplink_ifindex &&
	     nla_put_u32(msg, VSWITCH_A_SWITCH_UPLINK_IFINDEX, sw->uplink_ifindex)) ||
	    (sw->internal &&
	     nla_put_string(msg, VSWITCH_A_SWITCH_INTERNAL_IFNAME, sw->internal_ifname)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_AGEING_TIME, READ_ONCE(sw->fdb.ageing_ms)) ||
	    nla_put_u32(msg, VSWITCH_A_SWITCH_LEARN_LIMIT, READ_ONCE(sw->fdb.limit)) ||
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

static void vswitch_apply_conf(struct vswitch *sw, struct nlattr **attrs)
{
	if (attrs[VSWITCH_A_SWITCH_AGEING_TIME])
		vswitch_fdb_set_ageing(&sw->fdb, nla_get_u32(attrs[VSWITCH_A_SWITCH_AGEING_TIME]));
	if (attrs[VSWITCH_A_SWITCH_LEARN_LIMIT])
		WRITE_ONCE(sw->fdb.limit, nla_get_u32(attrs[VSWITCH_A_SWITCH_LEARN_LIMIT]));
}

int vswitch_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct net_device *uplink = NULL;
	const char *internal = NULL;
	struct vswitch *sw;
	u32 type;
	int err;

	if (vswitch_nl_missing(info, VSWITCH_A_SWITCH_NAME, "a switch name") ||
	    vswitch_nl_missing(info, VSWITCH_A_SWITCH_TYPE, "a switch type"))
		return -EINVAL;
	type = nla_get_u32(attrs[VSWITCH_A_SWITCH_TYPE]);
	if (attrs[VSWITCH_A_SWITCH_INTERNAL_IFNAME])
		internal = nla_data(attrs[VSWITCH_A_SWITCH_INTERNAL_IFNAME]);

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	if (attrs[VSWITCH_A_SWITCH_UPLINK_IFINDEX]) {
		uplink = __dev_get_by_index(&init_net,
					    nla_get_u32(attrs[VSWITCH_A_SWITCH_UPLINK_IFINDEX]));
		if (!uplink) {
			NL_SET_ERR_MSG_ATTR(info->extack, attrs[VSWITCH_A_SWITCH_UPLINK_IFINDEX],
					    "no such uplink netdev");
			err = -ENODEV;
			goto out;
		}
	}
	sw = vswitch_create(nla_data(attrs[VSWITCH_A_SWITCH_NAME]), type, uplink, internal,
			    info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	vswitch_apply_conf(sw, attrs);
	err = vswitch_nl_reply(info, vswitch_nl_fill_switch, sw, VSWITCH_CMD_SWITCH_NEW);
	vswitch_nl_notify(info, vswitch_nl_fill_switch, sw, VSWITCH_CMD_SWITCH_NEW);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch *sw;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	sw = vswitch_nl_req_switch(info);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	vswitch_nl_notify(info, vswitch_nl_fill_switch, sw, VSWITCH_CMD_SWITCH_DEL);
	vswitch_destroy(sw);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_switch, vswitch_nl_fill_switch,
			      VSWITCH_CMD_SWITCH_GET);
}

/* Resumes at the switch id after the last one sent (cb->args[0]). */
int vswitch_nl_switch_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vswitch *sw;
	unsigned long id;

	mutex_lock(&vswitch_mutex);
	cb->seq = vswitch_generation;
	xa_for_each_start(&vswitch_switches, id, sw, cb->args[0]) {
		if (vswitch_nl_fill_switch(skb, sw, NETLINK_CB(cb->skb).portid,
					   cb->nlh->nlmsg_seq, NLM_F_MULTI,
					   VSWITCH_CMD_SWITCH_GET, cb))
			break;
		cb->args[0] = id + 1;
	}
	mutex_unlock(&vswitch_mutex);
	return skb->len;
}

int vswitch_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch *sw;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	sw = vswitch_nl_req_switch(info);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	vswitch_apply_conf(sw, info->attrs);
	vswitch_generation++;
	err = vswitch_nl_reply(info, vswitch_nl_fill_switch, sw, VSWITCH_CMD_SWITCH_SET);
	vswitch_nl_notify(info, vswitch_nl_fill_switch, sw, VSWITCH_CMD_SWITCH_SET);
out:
	vswitch_nl_admin_end();
	return err;
}
