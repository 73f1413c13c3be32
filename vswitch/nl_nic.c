// SPDX-License-Identifier: GPL-2.0
/* The NIC object over netlink: nic-new, -connect, -disconnect, -del, -get. */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>

#include "netlink.h"

/* The NIC's own attributes (also nested in port messages). */
int vswitch_nl_put_nic_attrs(struct sk_buff *msg, struct vswitch_nic *nic)
{
	if (nla_put_u32(msg, VSWITCH_A_NIC_INDEX, nic->index) ||
	    nla_put_u32(msg, VSWITCH_A_NIC_TYPE, nic->type) ||
	    nla_put_u32(msg, VSWITCH_A_NIC_STATE, READ_ONCE(nic->state)) ||
	    (nic->dev && (nla_put_u32(msg, VSWITCH_A_NIC_IFINDEX, nic->dev->ifindex) ||
			  nla_put_string(msg, VSWITCH_A_NIC_IFNAME, nic->dev->name))) ||
	    nla_put(msg, VSWITCH_A_NIC_MAC, ETH_ALEN, nic->mac) ||
	    nla_put_u32(msg, VSWITCH_A_NIC_MTU, READ_ONCE(nic->mtu)) ||
	    vswitch_nl_put_stats(msg, VSWITCH_A_NIC_STATS, nic->stats))
		return -EMSGSIZE;
	return 0;
}

int vswitch_nl_fill_nic(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch_nic *nic = obj;
	struct vswitch_port *port = nic->port;
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(msg, VSWITCH_A_NIC_SWITCH_ID, port->sw->id) ||
	    nla_put_string(msg, VSWITCH_A_NIC_SWITCH_NAME, port->sw->name) ||
	    nla_put_u32(msg, VSWITCH_A_NIC_PORT_ID, port->id) ||
	    nla_put_string(msg, VSWITCH_A_NIC_PORT_NAME, port->name) ||
	    vswitch_nl_put_nic_attrs(msg, nic)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

static struct vswitch_port *vswitch_nl_nic_port(struct genl_info *info)
{
	struct vswitch *sw;

	sw = vswitch_nl_switch(info->attrs, VSWITCH_A_NIC_SWITCH_ID,
			       VSWITCH_A_NIC_SWITCH_NAME, info->extack);
	if (IS_ERR(sw))
		return ERR_CAST(sw);
	return vswitch_nl_port(sw, info->attrs, VSWITCH_A_NIC_PORT_ID,
			       VSWITCH_A_NIC_PORT_NAME, info->extack);
}

static u8 vswitch_nl_nic_index(struct genl_info *info)
{
	return info->attrs[VSWITCH_A_NIC_INDEX] ?
	       nla_get_u32(info->attrs[VSWITCH_A_NIC_INDEX]) : 0;
}

static struct vswitch_nic *vswitch_nl_req_nic(struct genl_info *info)
{
	struct vswitch_port *port = vswitch_nl_nic_port(info);
	u8 index = vswitch_nl_nic_index(info);
	struct vswitch_nic *nic;

	if (IS_ERR(port))
		return ERR_CAST(port);
	nic = vswitch_deref(port->nics[index]);
	if (!nic) {
		NL_SET_ERR_MSG_FMT(info->extack, "port %s has no NIC %u", port->name, index);
		return ERR_PTR(-ENOENT);
	}
	return nic;
}

int vswitch_nl_nic_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_port *port;
	struct vswitch_nic *nic;
	struct net_device *dev;
	int err;

	if (vswitch_nl_missing(info, VSWITCH_A_NIC_IFINDEX, "the NIC's netdev (ifindex)"))
		return -EINVAL;
	if (attrs[VSWITCH_A_NIC_MAC] && !is_valid_ether_addr(nla_data(attrs[VSWITCH_A_NIC_MAC]))) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[VSWITCH_A_NIC_MAC],
				    "not a valid unicast MAC address");
		return -EINVAL;
	}
	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	port = vswitch_nl_nic_port(info);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	if (port->type != VSWITCH_PORT_TYPE_EMULATED) {
		NL_SET_ERR_MSG_FMT(info->extack, "port %s is not an emulated port", port->name);
		err = -EINVAL;
		goto out;
	}
	dev = __dev_get_by_index(&init_net, nla_get_u32(attrs[VSWITCH_A_NIC_IFINDEX]));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[VSWITCH_A_NIC_IFINDEX], "no such netdev");
		err = -ENODEV;
		goto out;
	}
	nic = vswitch_nic_alloc(port, vswitch_nl_nic_index(info), VSWITCH_NIC_TYPE_EMULATED,
				info->extack);
	if (IS_ERR(nic)) {
		err = PTR_ERR(nic);
		goto out;
	}
	if (attrs[VSWITCH_A_NIC_MTU]) {
		nic->mtu = nla_get_u32(attrs[VSWITCH_A_NIC_MTU]);
		nic->mtu_set = true;
	}
	err = vswitch_nic_attach_dev(nic, dev, info->extack);
	if (err) {
		vswitch_nic_destroy(nic);
		goto out;
	}
	if (attrs[VSWITCH_A_NIC_MAC])
		ether_addr_copy(nic->mac, nla_data(attrs[VSWITCH_A_NIC_MAC]));
	err = vswitch_nic_publish(nic, info->extack);
	if (err) {
		vswitch_nic_destroy(nic);
		goto out;
	}
	err = vswitch_nl_reply(info, vswitch_nl_fill_nic, nic, VSWITCH_CMD_NIC_NEW);
	vswitch_nl_notify(info, vswitch_nl_fill_nic, nic, VSWITCH_CMD_NIC_NEW);
out:
	vswitch_nl_admin_end();
	return err;
}

/* nic-connect, nic-disconnect: a state change, then the NIC as it is. */
static int vswitch_nl_nic_change(struct genl_info *info, u8 cmd,
				 int (*change)(struct vswitch_nic *nic,
					       struct netlink_ext_ack *extack))
{
	struct vswitch_nic *nic;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	nic = vswitch_nl_req_nic(info);
	if (IS_ERR(nic)) {
		err = PTR_ERR(nic);
		goto out;
	}
	err = change(nic, info->extack);
	if (err)
		goto out;
	err = vswitch_nl_reply(info, vswitch_nl_fill_nic, nic, cmd);
	vswitch_nl_notify(info, vswitch_nl_fill_nic, nic, cmd);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_nic_connect_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_nic_change(info, VSWITCH_CMD_NIC_CONNECT, vswitch_nic_do_connect);
}

int vswitch_nl_nic_disconnect_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_nic_change(info, VSWITCH_CMD_NIC_DISCONNECT,
				     vswitch_nic_do_disconnect);
}

int vswitch_nl_nic_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch_nic *nic;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	nic = vswitch_nl_req_nic(info);
	if (IS_ERR(nic)) {
		err = PTR_ERR(nic);
		goto out;
	}
	if (nic->type != VSWITCH_NIC_TYPE_EMULATED) {
		NL_SET_ERR_MSG(info->extack,
			       "only emulated NICs are deleted here; the others go with their owner");
		err = -EINVAL;
		goto out;
	}
	if (nic->state == VSWITCH_NIC_STATE_CONNECTED) {
		NL_SET_ERR_MSG(info->extack, "NIC is connected; disconnect it first");
		err = -EBUSY;
		goto out;
	}
	vswitch_nl_notify(info, vswitch_nl_fill_nic, nic, VSWITCH_CMD_NIC_DEL);
	err = vswitch_nic_do_delete(nic, info->extack);
out:
	vswitch_nl_admin_end();
	return err;
}

static void *vswitch_nl_req_nic_obj(struct genl_info *info)
{
	return vswitch_nl_req_nic(info);
}

int vswitch_nl_nic_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_nic_obj, vswitch_nl_fill_nic,
			      VSWITCH_CMD_NIC_GET);
}

/* Resumes at switch cb->args[0], port cb->args[1], NIC index cb->args[2]. */
int vswitch_nl_nic_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vswitch_port *port;
	struct vswitch *only, *sw;
	unsigned long sid, pid;
	int err = 0, i;

	mutex_lock(&vswitch_mutex);
	only = vswitch_nl_dump_switch(cb, VSWITCH_A_NIC_SWITCH_ID, VSWITCH_A_NIC_SWITCH_NAME);
	if (IS_ERR(only)) {
		err = PTR_ERR(only);
		goto out;
	}
	cb->seq = vswitch_generation;
	xa_for_each_start(&vswitch_switches, sid, sw, cb->args[0]) {
		if (only && sw != only)
			continue;
		xa_for_each_start(&sw->ports, pid, port, cb->args[1]) {
			for (i = cb->args[2]; i <= VSWITCH_MAX_NIC_INDEX; i++) {
				struct vswitch_nic *nic = vswitch_deref(port->nics[i]);

				if (!nic)
					continue;
				if (vswitch_nl_fill_nic(skb, nic, NETLINK_CB(cb->skb).portid,
							cb->nlh->nlmsg_seq, NLM_F_MULTI,
							VSWITCH_CMD_NIC_GET, cb))
					goto out;
				cb->args[0] = sid;
				cb->args[1] = pid;
				cb->args[2] = i + 1;
			}
			cb->args[1] = pid + 1;
			cb->args[2] = 0;
		}
		cb->args[0] = sid + 1;
		cb->args[1] = 0;
	}
out:
	mutex_unlock(&vswitch_mutex);
	return err ?: skb->len;
}
