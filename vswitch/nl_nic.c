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

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
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

static void *vswitch_nl_nic_port(struct genl_info *info)
{
	struct vswitch *sw;

	sw = vswitch_nl_switch(info->attrs, VSWITCH_A_NIC_SWITCH_ID,
			       VSWITCH_A_NIC_SWITCH_NAME, info->extack);
	if (IS_ERR(sw))
		return sw;
	return vswitch_nl_port(sw, info->attrs, VSWITCH_A_NIC_PORT_ID,
			       VSWITCH_A_NIC_PORT_NAME, info->extack);
}

static u8 vswitch_nl_nic_index(struct genl_info *info)
{
	return info->attrs[VSWITCH_A_NIC_INDEX] ?
	       nla_get_u32(info->attrs[VSWITCH_A_NIC_INDEX]) : 0;
}

static void *vswitch_nl_req_nic(struct genl_info *info)
{
	struct vswitch_port *port = vswitch_nl_nic_port(info);
	u8 index = vswitch_nl_nic_index(info);
	struct vswitch_nic *nic;

	if (IS_ERR(port))
		return port;
	nic = vswitch_deref(port->nics[index]);
	if (!nic) {
		NL_SET_ERR_MSG_FMT(info->extack, "port %s has no NIC %u", port->name, index);
		return ERR_PTR(-ENOENT);
	}
	return nic;
}

/* The emulated port a nic-new names. */
static void *vswitch_nl_nic_new_port(struct genl_info *info)
{
	struct vswitch_port *port = vswitch_nl_nic_port(info);

	if (!IS_ERR(port) && port->type != VSWITCH_PORT_TYPE_EMULATED) {
		NL_SET_ERR_MSG_FMT(info->extack, "port %s is not an emulated port", port->name);
		return ERR_PTR(-EINVAL);
	}
	return port;
}

static void *vswitch_nl_nic_create(struct genl_info *info, void *port)
{
	struct nlattr *ifindex = info->attrs[VSWITCH_A_NIC_IFINDEX];
	struct nlattr *mtu = info->attrs[VSWITCH_A_NIC_MTU];
	struct nlattr *mac = info->attrs[VSWITCH_A_NIC_MAC];
	struct vswitch_nic *nic;
	struct net_device *dev;
	int err;

	dev = __dev_get_by_index(&init_net, nla_get_u32(ifindex));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, ifindex, "no such netdev");
		return ERR_PTR(-ENODEV);
	}
	nic = vswitch_nic_alloc(port, vswitch_nl_nic_index(info), VSWITCH_NIC_TYPE_EMULATED,
				info->extack);
	if (IS_ERR(nic))
		return nic;
	if (mtu) {
		nic->mtu = nla_get_u32(mtu);
		nic->mtu_set = true;
	}
	if (mac) {
		/* the guest's own: it stays when the netdev's changes */
		ether_addr_copy(nic->mac, nla_data(mac));
		nic->mac_set = true;
	}
	err = vswitch_nic_attach_dev(nic, dev, info->extack);
	if (!err)
		err = vswitch_nic_publish(nic, info->extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return ERR_PTR(err);
	}
	return nic;
}

int vswitch_nl_nic_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_nic_new_port,
		.change = vswitch_nl_nic_create,
		.fill = vswitch_nl_fill_nic,
	};
	struct nlattr *mac = info->attrs[VSWITCH_A_NIC_MAC];

	if (vswitch_nl_missing(info, VSWITCH_A_NIC_IFINDEX, "the NIC's netdev (ifindex)"))
		return -EINVAL;
	if (mac && !is_valid_ether_addr(nla_data(mac))) {
		NL_SET_ERR_MSG_ATTR(info->extack, mac, "not a valid unicast MAC address");
		return -EINVAL;
	}
	return vswitch_nl_admin(info, &op);
}

/* nic-connect, nic-disconnect: the state change, then the NIC as it is */
static void *vswitch_nl_nic_change(struct genl_info *info, void *nic)
{
	int err;

	if (info->genlhdr->cmd == VSWITCH_CMD_NIC_CONNECT)
		err = vswitch_nic_do_connect(nic, info->extack);
	else
		err = vswitch_nic_do_disconnect(nic, info->extack);
	return err ? ERR_PTR(err) : nic;
}

static const struct vswitch_nl_admin_op vswitch_nl_nic_change_op = {
	.lookup = vswitch_nl_req_nic,
	.change = vswitch_nl_nic_change,
	.fill = vswitch_nl_fill_nic,
};

int vswitch_nl_nic_connect_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_admin(info, &vswitch_nl_nic_change_op);
}

int vswitch_nl_nic_disconnect_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_admin(info, &vswitch_nl_nic_change_op);
}

/* The NIC a nic-del names, if it may go. */
static void *vswitch_nl_req_nic_del(struct genl_info *info)
{
	struct vswitch_nic *nic = vswitch_nl_req_nic(info);

	if (IS_ERR(nic))
		return nic;
	if (nic->type != VSWITCH_NIC_TYPE_EMULATED) {
		NL_SET_ERR_MSG(info->extack,
			       "only emulated NICs are deleted here; the others go with their owner");
		return ERR_PTR(-EINVAL);
	}
	if (nic->state == VSWITCH_NIC_STATE_CONNECTED) {
		NL_SET_ERR_MSG(info->extack, "NIC is connected; disconnect it first");
		return ERR_PTR(-EBUSY);
	}
	return nic;
}

static void *vswitch_nl_nic_delete(struct genl_info *info, void *nic)
{
	int err = vswitch_nic_do_delete(nic, info->extack);

	return err ? ERR_PTR(err) : NULL;
}

int vswitch_nl_nic_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_nic_del,
		.change = vswitch_nl_nic_delete,
		.fill = vswitch_nl_fill_nic,
		.del = true,
	};

	return vswitch_nl_admin(info, &op);
}

int vswitch_nl_nic_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_nic, vswitch_nl_fill_nic);
}

static int vswitch_nl_dump_port_nics(struct vswitch_nl_dumper *d, struct vswitch_port *port)
{
	int i, err;

	for (i = 0; i <= VSWITCH_MAX_NIC_INDEX; i++) {
		struct vswitch_nic *nic = vswitch_deref(port->nics[i]);

		if (!nic)
			continue;
		err = vswitch_nl_dump_put(d, nic);
		if (err)
			return err;
	}
	return 0;
}

int vswitch_nl_nic_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	static const struct vswitch_nl_dump_ops ops = {
		.fill = vswitch_nl_fill_nic,
		.port = vswitch_nl_dump_port_nics,
		.sw_id_attr = VSWITCH_A_NIC_SWITCH_ID,
		.sw_name_attr = VSWITCH_A_NIC_SWITCH_NAME,
	};

	return vswitch_nl_dump(skb, cb, &ops);
}
