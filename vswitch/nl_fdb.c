// SPDX-License-Identifier: GPL-2.0
/* The forwarding table over netlink: fdb-get (dump), -add, -del, -flush. */
#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <net/sock.h>

#include "netlink.h"

struct vswitch_fdb_msg {
	struct vswitch *sw;
	struct vswitch_fdb_entry *e;
};

static int vswitch_nl_fill_fdb(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			       int flags, u8 cmd, struct netlink_callback *cb)
{
	struct vswitch_fdb_msg *m = obj;
	struct vswitch_port *port = rcu_dereference(m->e->port);
	unsigned long age = jiffies - READ_ONCE(m->e->updated);
	void *hdr;

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(msg, VSWITCH_A_FDB_SWITCH_ID, m->sw->id) ||
	    nla_put(msg, VSWITCH_A_FDB_MAC, ETH_ALEN, m->e->key.addr) ||
	    nla_put_u16(msg, VSWITCH_A_FDB_VLAN, m->e->key.vid) ||
	    nla_put_u32(msg, VSWITCH_A_FDB_PORT_ID, port->id) ||
	    nla_put_string(msg, VSWITCH_A_FDB_PORT_NAME, port->name) ||
	    (m->e->is_static && nla_put_flag(msg, VSWITCH_A_FDB_STATIC)) ||
	    nla_put_u32(msg, VSWITCH_A_FDB_AGE, jiffies_to_msecs(age))) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

/*
 * A dump of one switch's table: a walker of the rhashtable kept from part
 * to part (cb->args[5]), under RCU and without vswitch_mutex, so a reader
 * dumping a big table does not hold configuration up, and each part goes
 * on where the last stopped (the switch is held meanwhile). A resize of the
 * table rewinds the walker: what was sent may come again, and the dump
 * says so with NLM_F_DUMP_INTR.
 */
struct vswitch_fdb_dump {
	struct vswitch *sw;
	struct rhashtable_iter iter;
	unsigned long sent;
	u32 seq;
};

int vswitch_nl_fdb_get_start(struct netlink_callback *cb)
{
	struct vswitch_fdb_dump *fd;

	fd = kzalloc(sizeof(*fd), GFP_KERNEL);
	if (!fd)
		return -ENOMEM;
	fd->seq = 1;
	cb->args[5] = (long)fd;
	return 0;
}

/*
 * The first pass finds the switch: a refusal there reaches the sender with
 * its message on every kernel (6.1 starts a dump without the extack).
 */
static int vswitch_fdb_dump_begin(struct netlink_callback *cb, struct vswitch_fdb_dump *fd)
{
	struct nlattr **attrs = hvnet_dump_attrs(cb);
	struct vswitch *sw;
	int err;

	err = vswitch_nl_read_allowed(sock_net(cb->skb->sk), cb->extack);
	if (err)
		return err;
	mutex_lock(&vswitch_mutex);
	sw = vswitch_nl_switch(attrs, VSWITCH_A_FDB_SWITCH_ID, VSWITCH_A_FDB_SWITCH_NAME,
			       cb->extack);
	if (!IS_ERR(sw))
		refcount_inc(&sw->refs);
	mutex_unlock(&vswitch_mutex);
	if (IS_ERR(sw))
		return PTR_ERR(sw);
	fd->sw = sw;
	rhashtable_walk_enter(&sw->fdb.tbl, &fd->iter);
	return 0;
}

int vswitch_nl_fdb_get_done(struct netlink_callback *cb)
{
	struct vswitch_fdb_dump *fd = (struct vswitch_fdb_dump *)cb->args[5];

	if (!fd)
		return 0;
	if (fd->sw) {
		rhashtable_walk_exit(&fd->iter);
		vswitch_put(fd->sw);
	}
	kfree(fd);
	return 0;
}

int vswitch_nl_fdb_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vswitch_fdb_dump *fd = (struct vswitch_fdb_dump *)cb->args[5];
	u8 cmd = ((struct genlmsghdr *)nlmsg_data(cb->nlh))->cmd;
	struct vswitch_fdb_msg m;
	int err;

	if (!fd->sw) {
		err = vswitch_fdb_dump_begin(cb, fd);
		if (err)
			return err;
	}
	m.sw = fd->sw;
	err = rhashtable_walk_start_check(&fd->iter);
	if (err == -EAGAIN && fd->sent)
		fd->seq++;
	cb->seq = fd->seq;
	while ((m.e = rhashtable_walk_peek(&fd->iter))) {
		if (IS_ERR(m.e)) {
			/* resized under the walk, which starts again */
			if (fd->sent)
				cb->seq = ++fd->seq;
			continue;
		}
		if (vswitch_nl_fill_fdb(skb, &m, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
					NLM_F_MULTI, cmd, cb))
			break;
		fd->sent++;
		rhashtable_walk_next(&fd->iter);
	}
	rhashtable_walk_stop(&fd->iter);
	return skb->len;
}

/*
 * fdb-add/-del/-flush are announced as the request itself: its attributes,
 * which the op's policy has let through, copied as they came.
 */
static int vswitch_nl_fill_fdb_req(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
				   int flags, u8 cmd, struct netlink_callback *cb)
{
	const struct nlmsghdr *req = obj;
	const struct nlattr *a;
	void *hdr;
	int rem;

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
	nlmsg_for_each_attr(a, req, GENL_HDRLEN, rem) {
		if (nla_put(msg, nla_type(a), nla_len(a), nla_data(a))) {
			genlmsg_cancel(msg, hdr);
			return -EMSGSIZE;
		}
	}
	genlmsg_end(msg, hdr);
	return 0;
}

static u16 vswitch_nl_fdb_vid(struct nlattr **attrs)
{
	return attrs[VSWITCH_A_FDB_VLAN] ? nla_get_u16(attrs[VSWITCH_A_FDB_VLAN]) : 0;
}

static void *vswitch_nl_fdb_switch(struct genl_info *info)
{
	return vswitch_nl_switch(info->attrs, VSWITCH_A_FDB_SWITCH_ID, VSWITCH_A_FDB_SWITCH_NAME,
				 info->extack);
}

/* What the table's changes announce: the request (vswitch_nl_fill_fdb_req()). */
static void *vswitch_nl_fdb_changed(struct genl_info *info)
{
	vswitch_generation++;
	return (void *)info->nlhdr;
}

static void *vswitch_nl_fdb_add(struct genl_info *info, void *obj)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_port *port;
	struct vswitch *sw = obj;
	int err;

	port = vswitch_nl_port(sw, attrs, VSWITCH_A_FDB_PORT_ID, VSWITCH_A_FDB_PORT_NAME,
			       info->extack);
	if (IS_ERR(port))
		return port;
	err = vswitch_fdb_add_static(&sw->fdb, port, nla_data(attrs[VSWITCH_A_FDB_MAC]),
				     vswitch_nl_fdb_vid(attrs));
	if (err) {
		NL_SET_ERR_MSG(info->extack, "cannot add the entry");
		return ERR_PTR(err);
	}
	return vswitch_nl_fdb_changed(info);
}

int vswitch_nl_fdb_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_fdb_switch,
		.change = vswitch_nl_fdb_add,
		.fill = vswitch_nl_fill_fdb_req,
		.no_reply = true,
	};
	struct nlattr *mac = info->attrs[VSWITCH_A_FDB_MAC];

	if (vswitch_nl_missing(info, VSWITCH_A_FDB_MAC, "a MAC address"))
		return -EINVAL;
	if (!is_valid_ether_addr(nla_data(mac))) {
		NL_SET_ERR_MSG_ATTR(info->extack, mac,
				    "a forwarding entry needs a unicast MAC address");
		return -EINVAL;
	}
	return vswitch_nl_admin(info, &op);
}

static void *vswitch_nl_fdb_del(struct genl_info *info, void *obj)
{
	struct vswitch *sw = obj;
	int err;

	err = vswitch_fdb_del(&sw->fdb, nla_data(info->attrs[VSWITCH_A_FDB_MAC]),
			      vswitch_nl_fdb_vid(info->attrs));
	if (err) {
		NL_SET_ERR_MSG_FMT(info->extack, "switch %s has no such entry", sw->name);
		return ERR_PTR(err);
	}
	return vswitch_nl_fdb_changed(info);
}

int vswitch_nl_fdb_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_fdb_switch,
		.change = vswitch_nl_fdb_del,
		.fill = vswitch_nl_fill_fdb_req,
		.no_reply = true,
	};

	if (vswitch_nl_missing(info, VSWITCH_A_FDB_MAC, "a MAC address"))
		return -EINVAL;
	return vswitch_nl_admin(info, &op);
}

static void *vswitch_nl_fdb_flush(struct genl_info *info, void *obj)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_port *port = NULL;
	struct vswitch *sw = obj;

	if (attrs[VSWITCH_A_FDB_PORT_ID] || attrs[VSWITCH_A_FDB_PORT_NAME]) {
		port = vswitch_nl_port(sw, attrs, VSWITCH_A_FDB_PORT_ID,
				       VSWITCH_A_FDB_PORT_NAME, info->extack);
		if (IS_ERR(port))
			return port;
	}
	vswitch_fdb_flush(&sw->fdb, port, nla_get_flag(attrs[VSWITCH_A_FDB_STATIC]));
	return vswitch_nl_fdb_changed(info);
}

int vswitch_nl_fdb_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_fdb_switch,
		.change = vswitch_nl_fdb_flush,
		.fill = vswitch_nl_fill_fdb_req,
		.no_reply = true,
	};

	return vswitch_nl_admin(info, &op);
}
