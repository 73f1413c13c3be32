// SPDX-License-Identifier: GPL-2.0
/* The port object over netlink: port-new, -del, -get, -set. */
#include <linux/etherdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "netlink.h"

static const struct {
	int attr;
	u8 bit;
} vswitch_guard_attrs[] = {
	{ VSWITCH_A_PORT_MAC_GUARD, VSWITCH_GUARD_MAC },
	{ VSWITCH_A_PORT_DHCP_GUARD, VSWITCH_GUARD_DHCP },
	{ VSWITCH_A_PORT_ROUTER_GUARD, VSWITCH_GUARD_ROUTER },
};

static int vswitch_nl_put_guards(struct sk_buff *msg, u8 guards)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(vswitch_guard_attrs); i++)
		if (nla_put_u8(msg, vswitch_guard_attrs[i].attr,
			       !!(guards & vswitch_guard_attrs[i].bit)))
			return -EMSGSIZE;
	return 0;
}

static u8 vswitch_nl_get_guards(struct nlattr **attrs, u8 guards)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(vswitch_guard_attrs); i++) {
		struct nlattr *a = attrs[vswitch_guard_attrs[i].attr];

		if (!a)
			continue;
		if (nla_get_u8(a))
			guards |= vswitch_guard_attrs[i].bit;
		else
			guards &= ~vswitch_guard_attrs[i].bit;
	}
	return guards;
}

/* What each extension dropped or excluded here, the non-zero counters only. */
static int vswitch_nl_put_ext_counters(struct sk_buff *msg, struct vswitch_port *port)
{
	u64 sum[VSWITCH_EXT_NACTIONS][VSWITCH_EXT_NREASONS];
	unsigned int slot, a, r;
	struct nlattr *nest;
	int cpu;

	for (slot = 0; slot < VSWITCH_EXT_MAX; slot++) {
		const struct vswitch_ext *ext = vswitch_ext_by_slot(slot);

		if (!ext)
			continue;
		memset(sum, 0, sizeof(sum));
		for_each_possible_cpu(cpu) {
			const struct vswitch_ext_port_stats *s = per_cpu_ptr(port->ext_stats, cpu);
			unsigned int start;
			u64 one[VSWITCH_EXT_NACTIONS][VSWITCH_EXT_NREASONS];

			do {
				start = u64_stats_fetch_begin(&s->syncp);
				for (a = 0; a < VSWITCH_EXT_NACTIONS; a++)
					for (r = 0; r < VSWITCH_EXT_NREASONS; r++)
						one[a][r] = u64_stats_read(&s->n[slot][a][r]);
			} while (u64_stats_fetch_retry(&s->syncp, start));
			for (a = 0; a < VSWITCH_EXT_NACTIONS; a++)
				for (r = 0; r < VSWITCH_EXT_NREASONS; r++)
					sum[a][r] += one[a][r];
		}
		for (a = 0; a < VSWITCH_EXT_NACTIONS; a++) {
			for (r = 0; r < VSWITCH_EXT_NREASONS; r++) {
				if (!sum[a][r])
					continue;
				nest = nla_nest_start(msg, VSWITCH_A_PORT_EXT_COUNTER);
				if (!nest ||
				    nla_put_string(msg, VSWITCH_A_EXT_COUNTER_EXT, ext->name) ||
				    nla_put_u32(msg, VSWITCH_A_EXT_COUNTER_ACTION, a) ||
				    nla_put_u32(msg, VSWITCH_A_EXT_COUNTER_REASON, r) ||
				    nla_put_u64_64bit(msg, VSWITCH_A_EXT_COUNTER_PACKETS, sum[a][r],
						      VSWITCH_A_EXT_COUNTER_PAD))
					return -EMSGSIZE;
				nla_nest_end(msg, nest);
			}
		}
	}
	return 0;
}

int vswitch_nl_fill_port(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			 int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch_port *port = obj;
	struct nlattr *nest;
	void *hdr;
	int i;

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(msg, VSWITCH_A_PORT_SWITCH_ID, port->sw->id) ||
	    nla_put_string(msg, VSWITCH_A_PORT_SWITCH_NAME, port->sw->name) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_ID, port->id) ||
	    nla_put_string(msg, VSWITCH_A_PORT_NAME, port->name) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_TYPE, port->type) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_STATE, READ_ONCE(port->state)) ||
	    vswitch_vlan_fill(msg, vswitch_deref(port->vlan)) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_LEARN_LIMIT, READ_ONCE(port->learn_limit)) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_LEARNED, atomic_read(&port->learned)) ||
	    vswitch_nl_put_guards(msg, READ_ONCE(port->guards)) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_MIRROR_MODE, READ_ONCE(port->mirror)) ||
	    nla_put_u32(msg, VSWITCH_A_PORT_STORM_LIMIT, READ_ONCE(port->storm.limit)) ||
	    nla_put_u8(msg, VSWITCH_A_PORT_TRUSTED, READ_ONCE(port->trusted)))
		goto cancel;
	for (i = 0; i <= VSWITCH_MAX_NIC_INDEX; i++) {
		struct vswitch_nic *nic = vswitch_deref(port->nics[i]);

		if (!nic)
			continue;
		nest = nla_nest_start(msg, VSWITCH_A_PORT_NIC);
		if (!nest || vswitch_nl_put_nic_attrs(msg, nic))
			goto cancel;
		nla_nest_end(msg, nest);
	}
	if (vswitch_nl_put_stats(msg, VSWITCH_A_PORT_STATS, port->stats) ||
	    vswitch_nl_put_ext_counters(msg, port))
		goto cancel;
	genlmsg_end(msg, hdr);
	return 0;
cancel:
	genlmsg_cancel(msg, hdr);
	return -EMSGSIZE;
}

/* A port-new or port-set request's VLAN, learning, guard, mirror and storm settings. */
static int vswitch_port_apply_conf(struct vswitch_port *port, struct nlattr **attrs,
				   struct netlink_ext_ack *extack)
{
	struct vswitch_vlan *vlan;
	int err;

	if (attrs[VSWITCH_A_PORT_VLAN_MODE] || attrs[VSWITCH_A_PORT_ACCESS_VLAN] ||
	    attrs[VSWITCH_A_PORT_NATIVE_VLAN] || attrs[VSWITCH_A_PORT_TRUNK_VLANS] ||
	    attrs[VSWITCH_A_PORT_PVLAN_MODE] || attrs[VSWITCH_A_PORT_PRIMARY_VLAN] ||
	    attrs[VSWITCH_A_PORT_SECONDARY_VLAN]) {
		vlan = kmemdup(vswitch_deref(port->vlan), sizeof(*vlan), GFP_KERNEL);
		if (!vlan)
			return -ENOMEM;
		err = vswitch_vlan_from_attrs(vlan, attrs, extack);
		if (err) {
			kfree(vlan);
			return err;
		}
		vswitch_port_set_vlan(port, vlan);
	}
	if (attrs[VSWITCH_A_PORT_LEARN_LIMIT])
		WRITE_ONCE(port->learn_limit, nla_get_u32(attrs[VSWITCH_A_PORT_LEARN_LIMIT]));
	WRITE_ONCE(port->guards, vswitch_nl_get_guards(attrs, port->guards));
	if (attrs[VSWITCH_A_PORT_MAC_GUARD])
		port->mac_guard_set = true;
	if (attrs[VSWITCH_A_PORT_TRUSTED])
		WRITE_ONCE(port->trusted, nla_get_u8(attrs[VSWITCH_A_PORT_TRUSTED]));
	if (attrs[VSWITCH_A_PORT_MIRROR_MODE])
		vswitch_port_set_mirror(port, nla_get_u32(attrs[VSWITCH_A_PORT_MIRROR_MODE]));
	if (attrs[VSWITCH_A_PORT_STORM_LIMIT])
		vswitch_storm_set(&port->storm, nla_get_u32(attrs[VSWITCH_A_PORT_STORM_LIMIT]));
	return 0;
}

/* port-new with nic-ifindex: the emulated NIC on that netdev, connected. */
static int vswitch_port_add_nic(struct vswitch_port *port, struct nlattr *ifindex,
				struct nlattr *mac, struct netlink_ext_ack *extack)
{
	struct vswitch_nic *nic;
	struct net_device *dev;
	int err;

	dev = __dev_get_by_index(&init_net, nla_get_u32(ifindex));
	if (!dev) {
		NL_SET_ERR_MSG_ATTR(extack, ifindex, "no such netdev");
		return -ENODEV;
	}
	nic = vswitch_nic_alloc(port, 0, VSWITCH_NIC_TYPE_EMULATED, extack);
	if (IS_ERR(nic))
		return PTR_ERR(nic);
	if (mac) {
		ether_addr_copy(nic->mac, nla_data(mac));
		nic->mac_set = true;
	}
	err = vswitch_nic_attach_dev(nic, dev, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return err;
	}
	err = vswitch_nic_publish(nic, extack);
	if (err) {
		vswitch_nic_destroy(nic);
		return err;
	}
	return vswitch_nic_do_connect(nic, extack);
}

static void *vswitch_nl_port_switch(struct genl_info *info)
{
	return vswitch_nl_switch(info->attrs, VSWITCH_A_PORT_SWITCH_ID,
				 VSWITCH_A_PORT_SWITCH_NAME, info->extack);
}

static void *vswitch_nl_port_create(struct genl_info *info, void *sw)
{
	struct nlattr *ifindex = info->attrs[VSWITCH_A_PORT_NIC_IFINDEX];
	struct nlattr *mac = info->attrs[VSWITCH_A_PORT_NIC_MAC];
	struct vswitch_port *port;
	struct vswitch_nic *nic;
	int err;

	if (mac && !ifindex) {
		NL_SET_ERR_MSG_ATTR(info->extack, mac, "nic-mac goes with nic-ifindex");
		return ERR_PTR(-EINVAL);
	}
	if (mac && !is_valid_ether_addr(nla_data(mac))) {
		NL_SET_ERR_MSG_ATTR(info->extack, mac, "not a valid unicast MAC address");
		return ERR_PTR(-EINVAL);
	}
	port = vswitch_port_create(sw, nla_data(info->attrs[VSWITCH_A_PORT_NAME]),
				   VSWITCH_PORT_TYPE_EMULATED, info->extack);
	if (IS_ERR(port))
		return port;
	err = vswitch_port_apply_conf(port, info->attrs, info->extack);
	if (!err && ifindex)
		err = vswitch_port_add_nic(port, ifindex, mac, info->extack);
	if (!err)
		return port;
	/* nothing changed: undo the NIC, if any, and the port */
	nic = vswitch_deref(port->nics[0]);
	if (nic)
		vswitch_nic_destroy(nic);
	vswitch_port_destroy(port);
	return ERR_PTR(err);
}

int vswitch_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_port_switch,
		.change = vswitch_nl_port_create,
		.fill = vswitch_nl_fill_port,
	};
	struct nlattr *type = info->attrs[VSWITCH_A_PORT_TYPE];

	if (vswitch_nl_missing(info, VSWITCH_A_PORT_NAME, "a port name"))
		return -EINVAL;
	if (type && nla_get_u32(type) != VSWITCH_PORT_TYPE_EMULATED) {
		NL_SET_ERR_MSG_ATTR(info->extack, type,
				    "only emulated ports are created here; switches make their external and internal ports, netvsp its synthetic ones");
		return -EINVAL;
	}
	return vswitch_nl_admin(info, &op);
}

static void *vswitch_nl_req_port(struct genl_info *info)
{
	struct vswitch *sw = vswitch_nl_port_switch(info);

	if (IS_ERR(sw))
		return sw;
	return vswitch_nl_port(sw, info->attrs, VSWITCH_A_PORT_ID, VSWITCH_A_PORT_NAME,
			       info->extack);
}

/* The port a port-del names, if it may go. */
static void *vswitch_nl_req_port_del(struct genl_info *info)
{
	struct vswitch_port *port = vswitch_nl_req_port(info);
	int err;

	if (IS_ERR(port))
		return port;
	if (port->type == VSWITCH_PORT_TYPE_EXTERNAL || port->type == VSWITCH_PORT_TYPE_INTERNAL) {
		NL_SET_ERR_MSG_FMT(info->extack,
				   "port %s belongs to the switch; it goes with the switch",
				   port->name);
		return ERR_PTR(-EINVAL);
	}
	if (port->type == VSWITCH_PORT_TYPE_SYNTHETIC) {
		NL_SET_ERR_MSG_FMT(info->extack, "port %s belongs to a synthetic NIC",
				   port->name);
		return ERR_PTR(-EINVAL);
	}
	err = vswitch_port_may_delete(port, info->extack);
	return err ? ERR_PTR(err) : port;
}

static void *vswitch_nl_port_destroy(struct genl_info *info, void *port)
{
	vswitch_port_destroy(port);
	return NULL;
}

int vswitch_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_port_del,
		.change = vswitch_nl_port_destroy,
		.fill = vswitch_nl_fill_port,
		.del = true,
	};

	return vswitch_nl_admin(info, &op);
}

int vswitch_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_get(info, vswitch_nl_req_port, vswitch_nl_fill_port);
}

static int vswitch_nl_dump_one_port(struct vswitch_nl_dumper *d, struct vswitch_port *port)
{
	return vswitch_nl_dump_put(d, port);
}

int vswitch_nl_port_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	static const struct vswitch_nl_dump_ops ops = {
		.fill = vswitch_nl_fill_port,
		.port = vswitch_nl_dump_one_port,
		.sw_id_attr = VSWITCH_A_PORT_SWITCH_ID,
		.sw_name_attr = VSWITCH_A_PORT_SWITCH_NAME,
	};

	return vswitch_nl_dump(skb, cb, &ops);
}

static void *vswitch_nl_port_change(struct genl_info *info, void *port)
{
	int err = vswitch_port_apply_conf(port, info->attrs, info->extack);

	return err ? ERR_PTR(err) : port;
}

int vswitch_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_port,
		.change = vswitch_nl_port_change,
		.fill = vswitch_nl_fill_port,
	};

	return vswitch_nl_admin(info, &op);
}
