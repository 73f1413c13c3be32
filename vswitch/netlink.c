// SPDX-License-Identifier: GPL-2.0
/*
 * The vswitch generic netlink family, as specified by
 * Documentation/netlink/specs/vswitch.yaml. Its policies, op table and
 * family struct are generated from the spec (netlink_gen.c, make regen);
 * here is what the per-object files (nl_switch.c, nl_port.c, nl_nic.c,
 * nl_fdb.c, nl_ext.c, nl_prop.c) share: locking, object lookup, stats,
 * replies, notifications.
 */
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <hvnet/genl.h>

#include "netlink.h"

int vswitch_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &vswitch_nl_family,
				     VSWITCH_CMD_INFO_GET,
				     VSWITCH_A_INFO_MODULE_VERSION,
				     VSWITCH_A_INFO_PROTOCOL_REVISION,
				     VSWITCH_PROTOCOL_REVISION);
}

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
	return hvnet_genl_register(&vswitch_nl_family);
}

void vswitch_netlink_exit(void)
{
	hvnet_genl_unregister(&vswitch_nl_family);
}
