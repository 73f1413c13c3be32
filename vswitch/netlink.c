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
#include <net/sock.h>
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

/**
 * vswitch_nl_read_allowed() - may a request from @net read the switches
 * @net: the requester's network namespace
 * @extack: why not
 *
 * Only the root partition sees the host's switches: a child partition's
 * stack, root in it included, learns nothing of them (as bridge fdb show
 * in a child namespace sees no host bridge).
 * Return: 0 or -EPERM.
 */
int vswitch_nl_read_allowed(struct net *net, struct netlink_ext_ack *extack)
{
	if (net_eq(net, &init_net))
		return 0;
	NL_SET_ERR_MSG(extack, "switches are read from the root partition only");
	return -EPERM;
}

/*
 * Changes come from the root partition only. Lock order: RTNL, then
 * vswitch_mutex (netdev events arrive under RTNL and take the mutex).
 */
static int vswitch_nl_admin_begin(struct genl_info *info)
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

static void vswitch_nl_admin_end(void)
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

/**
 * vswitch_nl_msg_start() - start a message of the vswitch family
 * @msg: the message buffer
 * @portid: its destination
 * @seq: its sequence number
 * @flags: netlink flags (NLM_F_MULTI in a dump)
 * @cmd: its command
 * @cb: the dump it is part of, else NULL
 *
 * Return: the header, or NULL when @msg is full. A dump's messages say
 * when the switches changed since the dump began.
 */
void *vswitch_nl_msg_start(struct sk_buff *msg, u32 portid, u32 seq, int flags, u8 cmd,
			   struct netlink_callback *cb)
{
	void *hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);

	if (hdr && cb)
		genl_dump_check_consistent(cb, hdr);
	return hdr;
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

/* Answer a request with the object it made, changed or asked for. */
static int vswitch_nl_reply(struct genl_info *info, vswitch_fill_t fill, void *obj)
{
	struct sk_buff *msg = vswitch_nl_build(fill, obj, info->snd_portid,
					       info->snd_seq, info->genlhdr->cmd);

	return msg ? genlmsg_reply(msg, info) : -ENOMEM;
}

/* Announce a change on "monitor" (and to the requester with NLM_F_ECHO). */
static void vswitch_nl_notify(struct genl_info *info, vswitch_fill_t fill, void *obj)
{
	struct sk_buff *msg = vswitch_nl_build(fill, obj, info->snd_portid,
					       info->snd_seq, info->genlhdr->cmd);

	if (msg)
		genl_notify(&vswitch_nl_family, msg, info, VSWITCH_NLGRP_MONITOR, GFP_KERNEL);
}

/**
 * vswitch_nl_get() - answer a get request
 * @info: the request
 * @lookup: finds what the request names (or an ERR_PTR() with an extack message)
 * @fill: writes it
 *
 * Return: 0 or a negative errno.
 */
int vswitch_nl_get(struct genl_info *info, void *(*lookup)(struct genl_info *info),
		   vswitch_fill_t fill)
{
	void *obj;
	int err;

	err = vswitch_nl_read_allowed(genl_info_net(info), info->extack);
	if (err)
		return err;
	mutex_lock(&vswitch_mutex);
	obj = lookup(info);
	err = IS_ERR(obj) ? PTR_ERR(obj) : vswitch_nl_reply(info, fill, obj);
	mutex_unlock(&vswitch_mutex);
	return err;
}

/**
 * vswitch_nl_admin() - carry out a request that changes the switches
 * @info: the request, from the root partition only
 * @op: what it names, does and answers
 *
 * Runs @op->lookup, then @op->change, under RTNL and vswitch_mutex; answers
 * with @op->fill of what @change returned (unless @op->no_reply) and
 * announces it on "monitor". A delete (@op->del) is announced before the
 * change, while its object can still be described, and has no answer.
 *
 * Return: 0 or a negative errno (with an extack message).
 */
int vswitch_nl_admin(struct genl_info *info, const struct vswitch_nl_admin_op *op)
{
	void *obj = NULL;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	if (op->lookup) {
		obj = op->lookup(info);
		if (IS_ERR(obj)) {
			err = PTR_ERR(obj);
			goto out;
		}
	}
	if (op->del) {
		vswitch_nl_notify(info, op->fill, obj);
		err = PTR_ERR_OR_ZERO(op->change(info, obj));
		goto out;
	}
	obj = op->change(info, obj);
	if (IS_ERR(obj)) {
		err = PTR_ERR(obj);
		goto out;
	}
	if (!op->no_reply)
		err = vswitch_nl_reply(info, op->fill, obj);
	vswitch_nl_notify(info, op->fill, obj);
out:
	vswitch_nl_admin_end();
	return err;
}

/**
 * vswitch_nl_dump_put() - one object of a dump
 * @d: the dump
 * @obj: the object, for @d's fill function
 *
 * Objects already sent by an earlier part of the dump are skipped: the
 * walker calls this for every object of the place it walks, in a stable
 * order.
 *
 * Return: 0, or -EMSGSIZE when the message is full (the dump goes on
 * with @obj in its next part).
 */
int vswitch_nl_dump_put(struct vswitch_nl_dumper *d, void *obj)
{
	struct netlink_callback *cb = d->cb;

	if (d->n++ < cb->args[2])
		return 0;
	if (d->ops->fill(d->skb, obj, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 NLM_F_MULTI, d->cmd, cb))
		return -EMSGSIZE;
	cb->args[2] = d->n;
	return 0;
}

/* The objects of one place: the switch's own (@port NULL) or a port's. */
static int vswitch_nl_dump_place(struct vswitch_nl_dumper *d, struct vswitch *sw,
				 struct vswitch_port *port)
{
	d->n = 0;
	if (port)
		return d->ops->port(d, port);
	return d->ops->sw ? d->ops->sw(d, sw) : 0;
}

/*
 * One switch's places, from where the dump stopped: cb->args[1] is the
 * port to go on with (0: the switch's own objects first), cb->args[2] the
 * objects of that place already sent.
 */
static int vswitch_nl_dump_switch(struct vswitch_nl_dumper *d, struct vswitch *sw,
				  struct vswitch_port *only)
{
	struct netlink_callback *cb = d->cb;
	unsigned long pid, first;
	struct vswitch_port *port;
	int err;

	if (!cb->args[1]) {
		if (!only) {
			err = vswitch_nl_dump_place(d, sw, NULL);
			if (err)
				return err;
		}
		cb->args[1] = 1;
		cb->args[2] = 0;
	}
	if (!d->ops->port)
		return 0;
	first = only ? max_t(unsigned long, cb->args[1], only->id) : cb->args[1];
	xa_for_each_range(&sw->ports, pid, port, first, only ? only->id : ULONG_MAX) {
		if (pid != cb->args[1]) {
			cb->args[1] = pid;
			cb->args[2] = 0;
		}
		err = vswitch_nl_dump_place(d, sw, port);
		if (err)
			return err;
		cb->args[1] = pid + 1;
		cb->args[2] = 0;
	}
	return 0;
}

/**
 * vswitch_nl_dump() - one part of a dump of the switches' objects
 * @skb: the message to fill
 * @cb: the dump; cb->args[0] is the switch to go on with
 * @ops: where its objects are, and how the request narrows them
 *
 * Every dump walks the switches (or the one the request names), in each
 * the switch's own objects, then its ports (or the one named), under
 * vswitch_mutex: how a dump walks is here alone.
 *
 * Return: the length of @skb, or a negative errno (with an extack message).
 */
int vswitch_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		    const struct vswitch_nl_dump_ops *ops)
{
	struct vswitch_nl_dumper d = {
		.skb = skb, .cb = cb, .ops = ops,
		.cmd = ((struct genlmsghdr *)nlmsg_data(cb->nlh))->cmd,
	};
	struct vswitch_port *only_port = NULL;
	struct vswitch *only = NULL, *sw;
	unsigned long sid, first;
	struct nlattr **attrs;
	int err;

	err = vswitch_nl_read_allowed(sock_net(cb->skb->sk), cb->extack);
	if (err)
		return err;
	mutex_lock(&vswitch_mutex);
	attrs = hvnet_dump_attrs(cb);
	if (ops->sw_id_attr && (ops->need_switch || attrs[ops->sw_id_attr] ||
				attrs[ops->sw_name_attr])) {
		only = vswitch_nl_switch(attrs, ops->sw_id_attr, ops->sw_name_attr, cb->extack);
		if (IS_ERR(only)) {
			err = PTR_ERR(only);
			goto out;
		}
	}
	if (only && ops->port_id_attr &&
	    (attrs[ops->port_id_attr] || attrs[ops->port_name_attr])) {
		only_port = vswitch_nl_port(only, attrs, ops->port_id_attr, ops->port_name_attr,
					    cb->extack);
		if (IS_ERR(only_port)) {
			err = PTR_ERR(only_port);
			goto out;
		}
	}
	cb->seq = vswitch_generation;
	first = only ? max_t(unsigned long, cb->args[0], only->id) : cb->args[0];
	xa_for_each_range(&vswitch_switches, sid, sw, first, only ? only->id : ULONG_MAX) {
		if (sid != cb->args[0]) {
			cb->args[0] = sid;
			cb->args[1] = 0;
			cb->args[2] = 0;
		}
		err = vswitch_nl_dump_switch(&d, sw, only_port);
		if (err)
			break;
		cb->args[0] = sid + 1;
		cb->args[1] = 0;
		cb->args[2] = 0;
	}
	/* a full message is no error: the dump goes on from here */
	if (err == -EMSGSIZE)
		err = 0;
out:
	mutex_unlock(&vswitch_mutex);
	return err ?: skb->len;
}

/*
 * The monitor group's stream holds every change, properties' data among
 * them: joining it needs CAP_NET_ADMIN (the generator does not carry a
 * group's flags, so they are set here).
 */
static struct genl_multicast_group vswitch_nl_mcgrps_admin[VSWITCH_NLGRP_MONITOR + 1];

int __init vswitch_netlink_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(vswitch_nl_mcgrps_admin); i++) {
		vswitch_nl_mcgrps_admin[i] = vswitch_nl_family.mcgrps[i];
		vswitch_nl_mcgrps_admin[i].flags |= GENL_MCAST_CAP_NET_ADMIN;
	}
	vswitch_nl_family.mcgrps = vswitch_nl_mcgrps_admin;
	return hvnet_genl_register(&vswitch_nl_family);
}

void vswitch_netlink_exit(void)
{
	hvnet_genl_unregister(&vswitch_nl_family);
}
