// SPDX-License-Identifier: GPL-2.0
/* The forwarding table over netlink: fdb-get (dump), -add, -del, -flush. */
#include <linux/etherdevice.h>
#include <linux/rhashtable.h>

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

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
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
 * One switch's table. A dump resumes by skipping the entries already sent
 * (cb->args[0]); the walk order is stable while the table does not resize.
 */
int vswitch_nl_fdb_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct vswitch_fdb_msg m = {};
	struct rhashtable_iter iter;
	long idx = 0;
	int err = 0;

	mutex_lock(&vswitch_mutex);
	m.sw = vswitch_nl_switch(hvnet_dump_attrs(cb), VSWITCH_A_FDB_SWITCH_ID,
				 VSWITCH_A_FDB_SWITCH_NAME, cb->extack);
	if (IS_ERR(m.sw)) {
		err = PTR_ERR(m.sw);
		goto out;
	}
	cb->seq = vswitch_generation;
	rhashtable_walk_enter(&m.sw->fdb.tbl, &iter);
	rhashtable_walk_start(&iter);
	while ((m.e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(m.e))
			continue;
		if (idx++ < cb->args[0])
			continue;
		if (vswitch_nl_fill_fdb(skb, &m, NETLINK_CB(cb->skb).portid,
					cb->nlh->nlmsg_seq, NLM_F_MULTI,
					VSWITCH_CMD_FDB_GET, cb))
			break;
		cb->args[0] = idx;
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
out:
	mutex_unlock(&vswitch_mutex);
	return err ?: skb->len;
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

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
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

int vswitch_nl_fdb_add_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_port *port;
	struct vswitch *sw;
	const u8 *mac;
	int err;

	if (vswitch_nl_missing(info, VSWITCH_A_FDB_MAC, "a MAC address"))
		return -EINVAL;
	mac = nla_data(attrs[VSWITCH_A_FDB_MAC]);
	if (!is_valid_ether_addr(mac)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[VSWITCH_A_FDB_MAC],
				    "a forwarding entry needs a unicast MAC address");
		return -EINVAL;
	}
	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	sw = vswitch_nl_switch(attrs, VSWITCH_A_FDB_SWITCH_ID, VSWITCH_A_FDB_SWITCH_NAME,
			       info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	port = vswitch_nl_port(sw, attrs, VSWITCH_A_FDB_PORT_ID, VSWITCH_A_FDB_PORT_NAME,
			       info->extack);
	if (IS_ERR(port)) {
		err = PTR_ERR(port);
		goto out;
	}
	err = vswitch_fdb_add_static(&sw->fdb, port, mac, vswitch_nl_fdb_vid(attrs));
	if (err) {
		NL_SET_ERR_MSG(info->extack, "cannot add the entry");
		goto out;
	}
	vswitch_generation++;
	vswitch_nl_notify(info, vswitch_nl_fill_fdb_req, (void *)info->nlhdr,
			  VSWITCH_CMD_FDB_ADD);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_fdb_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch *sw;
	int err;

	if (vswitch_nl_missing(info, VSWITCH_A_FDB_MAC, "a MAC address"))
		return -EINVAL;
	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	sw = vswitch_nl_switch(attrs, VSWITCH_A_FDB_SWITCH_ID, VSWITCH_A_FDB_SWITCH_NAME,
			       info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	err = vswitch_fdb_del(&sw->fdb, nla_data(attrs[VSWITCH_A_FDB_MAC]),
			      vswitch_nl_fdb_vid(attrs));
	if (err) {
		NL_SET_ERR_MSG_FMT(info->extack, "switch %s has no such entry", sw->name);
		goto out;
	}
	vswitch_generation++;
	vswitch_nl_notify(info, vswitch_nl_fill_fdb_req, (void *)info->nlhdr,
			  VSWITCH_CMD_FDB_DEL);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_fdb_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_port *port = NULL;
	struct vswitch *sw;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	sw = vswitch_nl_switch(attrs, VSWITCH_A_FDB_SWITCH_ID, VSWITCH_A_FDB_SWITCH_NAME,
			       info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	if (attrs[VSWITCH_A_FDB_PORT_ID] || attrs[VSWITCH_A_FDB_PORT_NAME]) {
		port = vswitch_nl_port(sw, attrs, VSWITCH_A_FDB_PORT_ID,
				       VSWITCH_A_FDB_PORT_NAME, info->extack);
		if (IS_ERR(port)) {
			err = PTR_ERR(port);
			goto out;
		}
	}
	vswitch_fdb_flush(&sw->fdb, port, nla_get_flag(attrs[VSWITCH_A_FDB_STATIC]));
	vswitch_generation++;
	vswitch_nl_notify(info, vswitch_nl_fill_fdb_req, (void *)info->nlhdr,
			  VSWITCH_CMD_FDB_FLUSH);
out:
	vswitch_nl_admin_end();
	return err;
}
