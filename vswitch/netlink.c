// SPDX-License-Identifier: GPL-2.0
/*
 * The vswitch generic netlink family, as specified by
 * Documentation/netlink/specs/vswitch.yaml: policies, the operations table,
 * and what the per-object files (nl_switch.c, nl_port.c, nl_nic.c,
 * nl_fdb.c, nl_ext.c, nl_prop.c) share: locking, object lookup, stats, replies, notifications.
 */
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <hvnet/genl.h>

#include "netlink.h"

#define NAME_POLICY	{ .type = NLA_NUL_STRING, .len = VSWITCH_NAME_LEN - 1 }
#define ID_POLICY	NLA_POLICY_MIN(NLA_U32, 1)
#define VLAN_POLICY	NLA_POLICY_MAX(NLA_U16, VLAN_N_VID - 2)
#define PVLAN_POLICY	NLA_POLICY_RANGE(NLA_U16, 1, VLAN_N_VID - 2)

/* not const: 6.1 policies point at mutable range structs */
static struct netlink_range_validation vswitch_ageing_range = {
	.min = 100, .max = 86400000,
};

static struct netlink_range_validation vswitch_mtu_range = {
	.min = ETH_MIN_MTU, .max = ETH_MAX_MTU,
};

/* a port id in a request: 16 bits, 0 is no port */
static struct netlink_range_validation vswitch_port_id_range = {
	.min = 1, .max = U16_MAX,
};

/* frames per second; the token bucket's arithmetic holds up to this */
static struct netlink_range_validation vswitch_storm_range = {
	.min = 0, .max = VSWITCH_STORM_LIMIT_MAX,
};

/* info-get carries no attributes: every type is NLA_UNSPEC, which strict
 * validation refuses. So does every other policy for what it leaves out.
 */
static const struct nla_policy vswitch_info_get_policy[VSWITCH_A_INFO_MAX + 1];

static const struct nla_policy vswitch_switch_new_policy[VSWITCH_A_SWITCH_MAX + 1] = {
	[VSWITCH_A_SWITCH_NAME] = NAME_POLICY,
	[VSWITCH_A_SWITCH_TYPE] = NLA_POLICY_MAX(NLA_U32, VSWITCH_SWITCH_TYPE_EXTERNAL),
	[VSWITCH_A_SWITCH_UPLINK_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_SWITCH_INTERNAL_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[VSWITCH_A_SWITCH_AGEING_TIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_ageing_range),
	[VSWITCH_A_SWITCH_LEARN_LIMIT] = { .type = NLA_U32 },
	[VSWITCH_A_SWITCH_GROUP_FWD_MASK] = { .type = NLA_U16 },
};

static const struct nla_policy vswitch_switch_sel_policy[VSWITCH_A_SWITCH_MAX + 1] = {
	[VSWITCH_A_SWITCH_ID] = ID_POLICY,
	[VSWITCH_A_SWITCH_NAME] = NAME_POLICY,
};

static const struct nla_policy vswitch_switch_set_policy[VSWITCH_A_SWITCH_MAX + 1] = {
	[VSWITCH_A_SWITCH_ID] = ID_POLICY,
	[VSWITCH_A_SWITCH_NAME] = NAME_POLICY,
	[VSWITCH_A_SWITCH_AGEING_TIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_ageing_range),
	[VSWITCH_A_SWITCH_LEARN_LIMIT] = { .type = NLA_U32 },
	[VSWITCH_A_SWITCH_GROUP_FWD_MASK] = { .type = NLA_U16 },
};

#define PORT_SEL							\
	[VSWITCH_A_PORT_SWITCH_ID] = ID_POLICY,				\
	[VSWITCH_A_PORT_SWITCH_NAME] = NAME_POLICY,			\
	[VSWITCH_A_PORT_ID] = ID_POLICY,				\
	[VSWITCH_A_PORT_NAME] = NAME_POLICY

#define PORT_CONF							\
	[VSWITCH_A_PORT_VLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, VSWITCH_VLAN_MODE_ACCESS, \
						      VSWITCH_VLAN_MODE_PRIVATE), \
	[VSWITCH_A_PORT_ACCESS_VLAN] = VLAN_POLICY,			\
	[VSWITCH_A_PORT_NATIVE_VLAN] = VLAN_POLICY,			\
	[VSWITCH_A_PORT_TRUNK_VLANS] = NLA_POLICY_EXACT_LEN(VLAN_N_VID / 8), \
	[VSWITCH_A_PORT_LEARN_LIMIT] = { .type = NLA_U32 },		\
	[VSWITCH_A_PORT_MAC_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),		\
	[VSWITCH_A_PORT_DHCP_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),	\
	[VSWITCH_A_PORT_ROUTER_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),	\
	[VSWITCH_A_PORT_PVLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, VSWITCH_PVLAN_MODE_ISOLATED, \
						       VSWITCH_PVLAN_MODE_PROMISCUOUS), \
	[VSWITCH_A_PORT_PRIMARY_VLAN] = PVLAN_POLICY,			\
	[VSWITCH_A_PORT_SECONDARY_VLAN] = PVLAN_POLICY,			\
	[VSWITCH_A_PORT_MIRROR_MODE] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MIRROR_MODE_SOURCE), \
	[VSWITCH_A_PORT_STORM_LIMIT] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_storm_range), \
	[VSWITCH_A_PORT_TRUSTED] = NLA_POLICY_MAX(NLA_U8, 1)

static const struct nla_policy vswitch_port_new_policy[VSWITCH_A_PORT_MAX + 1] = {
	PORT_SEL,
	PORT_CONF,
	[VSWITCH_A_PORT_TYPE] = NLA_POLICY_MAX(NLA_U32, VSWITCH_PORT_TYPE_INTERNAL),
	[VSWITCH_A_PORT_NIC_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

static const struct nla_policy vswitch_port_sel_policy[VSWITCH_A_PORT_MAX + 1] = {
	PORT_SEL,
};

static const struct nla_policy vswitch_port_set_policy[VSWITCH_A_PORT_MAX + 1] = {
	PORT_SEL,
	PORT_CONF,
};

#define NIC_SEL								\
	[VSWITCH_A_NIC_SWITCH_ID] = ID_POLICY,				\
	[VSWITCH_A_NIC_SWITCH_NAME] = NAME_POLICY,			\
	[VSWITCH_A_NIC_PORT_ID] = ID_POLICY,				\
	[VSWITCH_A_NIC_PORT_NAME] = NAME_POLICY,			\
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX)

static const struct nla_policy vswitch_nic_new_policy[VSWITCH_A_NIC_MAX + 1] = {
	NIC_SEL,
	[VSWITCH_A_NIC_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_MAC] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[VSWITCH_A_NIC_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_mtu_range),
};

static const struct nla_policy vswitch_nic_sel_policy[VSWITCH_A_NIC_MAX + 1] = {
	NIC_SEL,
};

#define FDB_SEL								\
	[VSWITCH_A_FDB_SWITCH_ID] = ID_POLICY,				\
	[VSWITCH_A_FDB_SWITCH_NAME] = NAME_POLICY

static const struct nla_policy vswitch_fdb_sel_policy[VSWITCH_A_FDB_MAX + 1] = {
	FDB_SEL,
};

static const struct nla_policy vswitch_fdb_add_policy[VSWITCH_A_FDB_MAX + 1] = {
	FDB_SEL,
	[VSWITCH_A_FDB_MAC] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[VSWITCH_A_FDB_VLAN] = VLAN_POLICY,
	[VSWITCH_A_FDB_PORT_ID] = ID_POLICY,
	[VSWITCH_A_FDB_PORT_NAME] = NAME_POLICY,
};

static const struct nla_policy vswitch_fdb_del_policy[VSWITCH_A_FDB_MAX + 1] = {
	FDB_SEL,
	[VSWITCH_A_FDB_MAC] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[VSWITCH_A_FDB_VLAN] = VLAN_POLICY,
};

static const struct nla_policy vswitch_fdb_flush_policy[VSWITCH_A_FDB_MAX + 1] = {
	FDB_SEL,
	[VSWITCH_A_FDB_PORT_ID] = ID_POLICY,
	[VSWITCH_A_FDB_PORT_NAME] = NAME_POLICY,
	[VSWITCH_A_FDB_STATIC] = { .type = NLA_FLAG },
};

#define EXT_SEL								\
	[VSWITCH_A_EXT_SWITCH_ID] = ID_POLICY,				\
	[VSWITCH_A_EXT_SWITCH_NAME] = NAME_POLICY,			\
	[VSWITCH_A_EXT_NAME] = { .type = NLA_NUL_STRING, .len = VSWITCH_EXT_NAME_LEN - 1 }

static const struct nla_policy vswitch_ext_get_policy[VSWITCH_A_EXT_MAX + 1] = {
	EXT_SEL,
};

static const struct nla_policy vswitch_ext_set_policy[VSWITCH_A_EXT_MAX + 1] = {
	EXT_SEL,
	[VSWITCH_A_EXT_ENABLED] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_EXT_POSITION] = NLA_POLICY_MAX(NLA_U32, VSWITCH_EXT_MAX - 1),
};

#define PROP_SEL							\
	[VSWITCH_A_PROP_SWITCH_ID] = ID_POLICY,				\
	[VSWITCH_A_PROP_SWITCH_NAME] = NAME_POLICY,			\
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_port_id_range), \
	[VSWITCH_A_PROP_PORT_NAME] = NAME_POLICY,			\
	[VSWITCH_A_PROP_ID] = { .type = NLA_U32 },			\
	[VSWITCH_A_PROP_INSTANCE] = { .type = NLA_U32 }

static const struct nla_policy vswitch_prop_sel_policy[VSWITCH_A_PROP_MAX + 1] = {
	PROP_SEL,
};

static const struct nla_policy vswitch_prop_all_policy[VSWITCH_A_PROP_MAX + 1] = {
	PROP_SEL,
	[VSWITCH_A_PROP_VERSION] = { .type = NLA_U32 },
	[VSWITCH_A_PROP_DATA] = { .type = NLA_BINARY, .len = VSWITCH_PROP_MAX_LEN },
};

static int vswitch_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &vswitch_nl_family,
				     VSWITCH_CMD_INFO_GET,
				     VSWITCH_A_INFO_MODULE_VERSION,
				     VSWITCH_A_INFO_PROTOCOL_REVISION,
				     VSWITCH_PROTOCOL_REVISION);
}

#define OP(_cmd, _do, _dump, _pol, _max, _flags)			\
	{								\
		.cmd = _cmd, .doit = _do, .dumpit = _dump,		\
		.policy = _pol, .maxattr = _max, .flags = _flags,	\
	}

static const struct genl_ops vswitch_nl_ops[] = {
	OP(VSWITCH_CMD_INFO_GET, vswitch_nl_info_get_doit, NULL,
	   vswitch_info_get_policy, VSWITCH_A_INFO_MAX, 0),
	OP(VSWITCH_CMD_SWITCH_NEW, vswitch_nl_switch_new, NULL,
	   vswitch_switch_new_policy, VSWITCH_A_SWITCH_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_SWITCH_DEL, vswitch_nl_switch_del, NULL,
	   vswitch_switch_sel_policy, VSWITCH_A_SWITCH_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_SWITCH_GET, vswitch_nl_switch_get, vswitch_nl_switch_dump,
	   vswitch_switch_sel_policy, VSWITCH_A_SWITCH_MAX, 0),
	OP(VSWITCH_CMD_SWITCH_SET, vswitch_nl_switch_set, NULL,
	   vswitch_switch_set_policy, VSWITCH_A_SWITCH_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PORT_NEW, vswitch_nl_port_new, NULL,
	   vswitch_port_new_policy, VSWITCH_A_PORT_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PORT_DEL, vswitch_nl_port_del, NULL,
	   vswitch_port_sel_policy, VSWITCH_A_PORT_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PORT_GET, vswitch_nl_port_get, vswitch_nl_port_dump,
	   vswitch_port_sel_policy, VSWITCH_A_PORT_MAX, 0),
	OP(VSWITCH_CMD_PORT_SET, vswitch_nl_port_set, NULL,
	   vswitch_port_set_policy, VSWITCH_A_PORT_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_NIC_NEW, vswitch_nl_nic_new, NULL,
	   vswitch_nic_new_policy, VSWITCH_A_NIC_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_NIC_CONNECT, vswitch_nl_nic_connect, NULL,
	   vswitch_nic_sel_policy, VSWITCH_A_NIC_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_NIC_DISCONNECT, vswitch_nl_nic_disconnect, NULL,
	   vswitch_nic_sel_policy, VSWITCH_A_NIC_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_NIC_DEL, vswitch_nl_nic_del, NULL,
	   vswitch_nic_sel_policy, VSWITCH_A_NIC_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_NIC_GET, vswitch_nl_nic_get, vswitch_nl_nic_dump,
	   vswitch_nic_sel_policy, VSWITCH_A_NIC_MAX, 0),
	OP(VSWITCH_CMD_FDB_GET, NULL, vswitch_nl_fdb_dump,
	   vswitch_fdb_sel_policy, VSWITCH_A_FDB_MAX, 0),
	OP(VSWITCH_CMD_FDB_ADD, vswitch_nl_fdb_add, NULL,
	   vswitch_fdb_add_policy, VSWITCH_A_FDB_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_FDB_DEL, vswitch_nl_fdb_del, NULL,
	   vswitch_fdb_del_policy, VSWITCH_A_FDB_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_FDB_FLUSH, vswitch_nl_fdb_flush, NULL,
	   vswitch_fdb_flush_policy, VSWITCH_A_FDB_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_EXT_GET, vswitch_nl_ext_get, vswitch_nl_ext_dump,
	   vswitch_ext_get_policy, VSWITCH_A_EXT_MAX, 0),
	OP(VSWITCH_CMD_EXT_SET, vswitch_nl_ext_set, NULL,
	   vswitch_ext_set_policy, VSWITCH_A_EXT_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PROP_NEW, vswitch_nl_prop_new, NULL,
	   vswitch_prop_all_policy, VSWITCH_A_PROP_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PROP_SET, vswitch_nl_prop_set, NULL,
	   vswitch_prop_all_policy, VSWITCH_A_PROP_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PROP_DEL, vswitch_nl_prop_del, NULL,
	   vswitch_prop_sel_policy, VSWITCH_A_PROP_MAX, GENL_ADMIN_PERM),
	OP(VSWITCH_CMD_PROP_GET, vswitch_nl_prop_get, vswitch_nl_prop_dump,
	   vswitch_prop_sel_policy, VSWITCH_A_PROP_MAX, 0),
};

enum { VSWITCH_NLGRP_MONITOR };

static const struct genl_multicast_group vswitch_nl_mcgrps[] = {
	[VSWITCH_NLGRP_MONITOR] = { .name = VSWITCH_MCGRP_MONITOR },
};

struct genl_family vswitch_nl_family __ro_after_init = {
	.name		= VSWITCH_FAMILY_NAME,
	.version	= VSWITCH_FAMILY_VERSION,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= vswitch_nl_ops,
	.n_ops		= ARRAY_SIZE(vswitch_nl_ops),
	.resv_start_op	= VSWITCH_CMD_INFO_GET,
	.mcgrps		= vswitch_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(vswitch_nl_mcgrps),
};

/*
 * Changes come from the root partition only. Lock order: RTNL, then
 * vswitch_mutex (netdev events arrive under RTNL and take the mutex).
 */
int vswitch_nl_admin_begin(struct genl_info *info)
{
	if (!net_eq(genl_info_net(info), &init_net)) {
		NL_SET_ERR_MSG(info->extack,
			       "switches are configured from the root partition only");
		return -EPERM;
	}
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	return 0;
}

void vswitch_nl_admin_end(void)
{
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
}

/*
 * A required attribute is missing: say which, for machines (the missing
 * type) and for people (the message).
 */
bool vswitch_nl_missing(struct genl_info *info, int attr, const char *what)
{
	if (info->attrs[attr])
		return false;
	GENL_REQ_ATTR_CHECK(info, attr);
	NL_SET_ERR_MSG_FMT(info->extack, "%s is required", what);
	return true;
}

struct vswitch *vswitch_nl_switch(struct nlattr **attrs, int id_attr, int name_attr,
				  struct netlink_ext_ack *extack)
{
	const char *name = attrs[name_attr] ? nla_data(attrs[name_attr]) : NULL;
	u32 id = attrs[id_attr] ? nla_get_u32(attrs[id_attr]) : 0;
	struct vswitch *sw;

	if (!id && !name) {
		NL_SET_ERR_MSG(extack, "switch-id or switch-name is required");
		return ERR_PTR(-EINVAL);
	}
	sw = vswitch_find(id, name);
	if (!sw) {
		if (id)
			NL_SET_ERR_MSG_FMT(extack, "no switch with id %u", id);
		else
			NL_SET_ERR_MSG_FMT(extack, "no switch named \"%s\"", name);
		return ERR_PTR(-ENOENT);
	}
	if (id && name && strcmp(sw->name, name)) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[name_attr],
				    "switch-id and switch-name identify different switches");
		return ERR_PTR(-EINVAL);
	}
	return sw;
}

struct vswitch_port *vswitch_nl_port(struct vswitch *sw, struct nlattr **attrs, int id_attr,
				     int name_attr, struct netlink_ext_ack *extack)
{
	const char *name = attrs[name_attr] ? nla_data(attrs[name_attr]) : NULL;
	u32 id = attrs[id_attr] ? nla_get_u32(attrs[id_attr]) : 0;
	struct vswitch_port *port;

	if (!id && !name) {
		NL_SET_ERR_MSG(extack, "a port id or name is required");
		return ERR_PTR(-EINVAL);
	}
	port = vswitch_port_find(sw, id, name);
	if (!port) {
		if (id)
			NL_SET_ERR_MSG_FMT(extack, "switch %s has no port %u", sw->name, id);
		else
			NL_SET_ERR_MSG_FMT(extack, "switch %s has no port named \"%s\"",
					   sw->name, name);
		return ERR_PTR(-ENOENT);
	}
	if (id && name && strcmp(port->name, name)) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[name_attr],
				    "port id and name identify different ports");
		return ERR_PTR(-EINVAL);
	}
	return port;
}

int vswitch_nl_put_stats(struct sk_buff *msg, int attr, struct vswitch_stats __percpu *stats)
{
	static const int drop_attr[__VSWITCH_DROP_MAX] = {
		[VSWITCH_DROP_STATE] = VSWITCH_A_STATS_DROP_STATE,
		[VSWITCH_DROP_VLAN] = VSWITCH_A_STATS_DROP_VLAN,
		[VSWITCH_DROP_NO_DEST] = VSWITCH_A_STATS_DROP_NO_DEST,
		[VSWITCH_DROP_MTU] = VSWITCH_A_STATS_DROP_MTU,
		[VSWITCH_DROP_LEARN_LIMIT] = VSWITCH_A_STATS_DROP_LEARN_LIMIT,
		[VSWITCH_DROP_NOMEM] = VSWITCH_A_STATS_DROP_NOMEM,
		[VSWITCH_DROP_MALFORMED] = VSWITCH_A_STATS_DROP_MALFORMED,
		[VSWITCH_DROP_MAC_GUARD] = VSWITCH_A_STATS_DROP_MAC_GUARD,
		[VSWITCH_DROP_DHCP_GUARD] = VSWITCH_A_STATS_DROP_DHCP_GUARD,
		[VSWITCH_DROP_ROUTER_GUARD] = VSWITCH_A_STATS_DROP_ROUTER_GUARD,
		[VSWITCH_DROP_STORM] = VSWITCH_A_STATS_DROP_STORM,
		[VSWITCH_DROP_EXT] = VSWITCH_A_STATS_DROP_EXT,
		[VSWITCH_DROP_PVLAN] = VSWITCH_A_STATS_DROP_PVLAN,
		[VSWITCH_DROP_SRC_MAC] = VSWITCH_A_STATS_DROP_SRC_MAC,
		[VSWITCH_DROP_LINK_LOCAL] = VSWITCH_A_STATS_DROP_LINK_LOCAL,
	};
	struct vswitch_stats_sum sum;
	struct nlattr *nest;
	int i;

	vswitch_stats_sum(stats, &sum);
	nest = nla_nest_start(msg, attr);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, VSWITCH_A_STATS_RX_PACKETS, sum.rx_packets,
			      VSWITCH_A_STATS_PAD) ||
	    nla_put_u64_64bit(msg, VSWITCH_A_STATS_RX_BYTES, sum.rx_bytes,
			      VSWITCH_A_STATS_PAD) ||
	    nla_put_u64_64bit(msg, VSWITCH_A_STATS_TX_PACKETS, sum.tx_packets,
			      VSWITCH_A_STATS_PAD) ||
	    nla_put_u64_64bit(msg, VSWITCH_A_STATS_TX_BYTES, sum.tx_bytes,
			      VSWITCH_A_STATS_PAD) ||
	    nla_put_u64_64bit(msg, VSWITCH_A_STATS_FLOODED, sum.flooded,
			      VSWITCH_A_STATS_PAD))
		goto cancel;
	for (i = 0; i < __VSWITCH_DROP_MAX; i++)
		if (nla_put_u64_64bit(msg, drop_attr[i], sum.drops[i], VSWITCH_A_STATS_PAD))
			goto cancel;
	nla_nest_end(msg, nest);
	return 0;
cancel:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

static struct sk_buff *vswitch_nl_build(vswitch_fill_t fill, void *obj, u32 portid,
					u32 seq, u8 cmd)
{
	struct sk_buff *msg;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return NULL;
	if (fill(msg, obj, portid, seq, 0, cmd, NULL) < 0) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/*
 * A get request: find the object under vswitch_mutex and answer with it.
 * @lookup returns the object or an ERR_PTR() (with an extack message).
 */
int vswitch_nl_get(struct genl_info *info, void *(*lookup)(struct genl_info *info),
		   vswitch_fill_t fill, u8 cmd)
{
	void *obj;
	int err;

	mutex_lock(&vswitch_mutex);
	obj = lookup(info);
	err = IS_ERR(obj) ? PTR_ERR(obj) : vswitch_nl_reply(info, fill, obj, cmd);
	mutex_unlock(&vswitch_mutex);
	return err;
}

/*
 * The switch a dump is limited to: NULL when the request names none, else
 * the switch or an ERR_PTR() (with an extack message).
 */
struct vswitch *vswitch_nl_dump_switch(struct netlink_callback *cb, int id_attr, int name_attr)
{
	struct nlattr **attrs = hvnet_dump_attrs(cb);

	if (!attrs[id_attr] && !attrs[name_attr])
		return NULL;
	return vswitch_nl_switch(attrs, id_attr, name_attr, cb->extack);
}

/* Answer a request with the object it made, changed or asked for. */
int vswitch_nl_reply(struct genl_info *info, vswitch_fill_t fill, void *obj, u8 cmd)
{
	struct sk_buff *msg = vswitch_nl_build(fill, obj, info->snd_portid,
					       info->snd_seq, cmd);

	return msg ? genlmsg_reply(msg, info) : -ENOMEM;
}

/* Announce a change on "monitor" (and to the requester with NLM_F_ECHO). */
void vswitch_nl_notify(struct genl_info *info, vswitch_fill_t fill, void *obj, u8 cmd)
{
	struct sk_buff *msg = vswitch_nl_build(fill, obj, info ? info->snd_portid : 0,
					       info ? info->snd_seq : 0, cmd);

	if (!msg)
		return;
	if (info)
		genl_notify(&vswitch_nl_family, msg, info, VSWITCH_NLGRP_MONITOR, GFP_KERNEL);
	else
		genlmsg_multicast(&vswitch_nl_family, msg, 0, VSWITCH_NLGRP_MONITOR, GFP_KERNEL);
}

int __init vswitch_netlink_init(void)
{
	return genl_register_family(&vswitch_nl_family);
}

void vswitch_netlink_exit(void)
{
	genl_unregister_family(&vswitch_nl_family);
}
