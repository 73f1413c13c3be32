// SPDX-License-Identifier: GPL-2.0
/* Custom properties over netlink: prop-new, -set, -del, -get (and dump). */
#include <linux/rtnetlink.h>
#include <linux/stringify.h>

#include "netlink.h"

/* What a reply or dump message describes: one property of a port or switch. */
struct vswitch_nl_prop {
	struct vswitch *sw;
	struct vswitch_port *port;	/* NULL: the switch's own */
	struct vswitch_prop *prop;
};

static int vswitch_nl_fill_prop(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
				int flags, u8 cmd, struct netlink_callback *cb)
{
	const struct vswitch_nl_prop *p = obj;
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &vswitch_nl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u32(msg, VSWITCH_A_PROP_SWITCH_ID, p->sw->id) ||
	    nla_put_string(msg, VSWITCH_A_PROP_SWITCH_NAME, p->sw->name) ||
	    (p->port && (nla_put_u32(msg, VSWITCH_A_PROP_PORT_ID, p->port->id) ||
			 nla_put_string(msg, VSWITCH_A_PROP_PORT_NAME, p->port->name))) ||
	    nla_put_u32(msg, VSWITCH_A_PROP_ID, p->prop->id) ||
	    nla_put_u32(msg, VSWITCH_A_PROP_INSTANCE, p->prop->instance) ||
	    nla_put_u32(msg, VSWITCH_A_PROP_VERSION, p->prop->version) ||
	    nla_put(msg, VSWITCH_A_PROP_DATA, p->prop->len, p->prop->data)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

/* The switch and port (NULL: none named) a request names. */
static int vswitch_nl_req_owner(struct genl_info *info, struct vswitch_nl_prop *p)
{
	struct nlattr **attrs = info->attrs;

	p->sw = vswitch_nl_switch(attrs, VSWITCH_A_PROP_SWITCH_ID, VSWITCH_A_PROP_SWITCH_NAME,
				  info->extack);
	if (IS_ERR(p->sw))
		return PTR_ERR(p->sw);
	p->port = NULL;
	if (attrs[VSWITCH_A_PROP_PORT_ID] || attrs[VSWITCH_A_PROP_PORT_NAME]) {
		p->port = vswitch_nl_port(p->sw, attrs, VSWITCH_A_PROP_PORT_ID,
					  VSWITCH_A_PROP_PORT_NAME, info->extack);
		if (IS_ERR(p->port))
			return PTR_ERR(p->port);
	}
	return 0;
}

static u32 vswitch_nl_u32(struct nlattr *a)
{
	return a ? nla_get_u32(a) : 0;
}

/* prop-new, prop-set */
static int vswitch_nl_prop_change(struct genl_info *info, u8 cmd)
{
	struct nlattr **attrs = info->attrs;
	struct nlattr *data = attrs[VSWITCH_A_PROP_DATA];
	u32 id, instance, version;
	struct vswitch_nl_prop p;
	int err;

	if (vswitch_nl_missing(info, VSWITCH_A_PROP_ID, "a property id"))
		return -EINVAL;
	/* the policy cannot bound a binary attribute generated from the spec */
	if (data && nla_len(data) > VSWITCH_PROP_MAX_LEN) {
		NL_SET_ERR_MSG_ATTR(info->extack, data, "property data is longer than "
				    __stringify(VSWITCH_PROP_MAX_LEN) " bytes");
		return -ERANGE;
	}
	id = nla_get_u32(attrs[VSWITCH_A_PROP_ID]);
	instance = vswitch_nl_u32(attrs[VSWITCH_A_PROP_INSTANCE]);
	version = vswitch_nl_u32(attrs[VSWITCH_A_PROP_VERSION]);
	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	err = vswitch_nl_req_owner(info, &p);
	if (err)
		goto out;
	if (cmd == VSWITCH_CMD_PROP_NEW)
		err = vswitch_prop_add(p.sw, p.port, id, instance, version,
				       data ? nla_data(data) : NULL, data ? nla_len(data) : 0,
				       info->extack);
	else
		err = vswitch_prop_update(p.sw, p.port, id, instance, version,
					  data ? nla_data(data) : NULL, data ? nla_len(data) : 0,
					  info->extack);
	if (err)
		goto out;
	p.prop = vswitch_prop_find(p.port ? &p.port->props : &p.sw->props, id, instance);
	err = vswitch_nl_reply(info, vswitch_nl_fill_prop, &p, cmd);
	vswitch_nl_notify(info, vswitch_nl_fill_prop, &p, cmd);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_prop_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_prop_change(info, VSWITCH_CMD_PROP_NEW);
}

int vswitch_nl_prop_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_prop_change(info, VSWITCH_CMD_PROP_SET);
}

static struct vswitch_prop *vswitch_nl_req_prop(struct genl_info *info, struct vswitch_nl_prop *p)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_prop *prop;
	u32 id, instance;
	int err;

	err = vswitch_nl_req_owner(info, p);
	if (err)
		return ERR_PTR(err);
	if (vswitch_nl_missing(info, VSWITCH_A_PROP_ID, "a property id"))
		return ERR_PTR(-EINVAL);
	id = nla_get_u32(attrs[VSWITCH_A_PROP_ID]);
	instance = vswitch_nl_u32(attrs[VSWITCH_A_PROP_INSTANCE]);
	prop = vswitch_prop_find(p->port ? &p->port->props : &p->sw->props, id, instance);
	if (!prop) {
		NL_SET_ERR_MSG_FMT(info->extack, "%s has no property %#x instance %u",
				   p->port ? p->port->name : p->sw->name, id, instance);
		return ERR_PTR(-ENOENT);
	}
	return prop;
}

int vswitch_nl_prop_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch_nl_prop p;
	int err;

	err = vswitch_nl_admin_begin(info);
	if (err)
		return err;
	p.prop = vswitch_nl_req_prop(info, &p);
	if (IS_ERR(p.prop)) {
		err = PTR_ERR(p.prop);
		goto out;
	}
	vswitch_nl_notify(info, vswitch_nl_fill_prop, &p, VSWITCH_CMD_PROP_DEL);
	err = vswitch_prop_del(p.sw, p.port, p.prop->id, p.prop->instance, info->extack);
out:
	vswitch_nl_admin_end();
	return err;
}

int vswitch_nl_prop_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch_nl_prop p;
	int err;

	mutex_lock(&vswitch_mutex);
	p.prop = vswitch_nl_req_prop(info, &p);
	if (IS_ERR(p.prop))
		err = PTR_ERR(p.prop);
	else
		err = vswitch_nl_reply(info, vswitch_nl_fill_prop, &p, VSWITCH_CMD_PROP_GET);
	mutex_unlock(&vswitch_mutex);
	return err;
}

/*
 * Dump the properties of one list. cb->args[2] counts the ones sent.
 * Return: 0 when the list is done, -EMSGSIZE when the message is full.
 */
static int vswitch_nl_prop_dump_list(struct sk_buff *skb, struct netlink_callback *cb,
				     struct vswitch_nl_prop *p, struct list_head *props)
{
	long n = 0;

	list_for_each_entry(p->prop, props, node) {
		if (n++ < cb->args[2])
			continue;
		if (vswitch_nl_fill_prop(skb, p, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
					 NLM_F_MULTI, VSWITCH_CMD_PROP_GET, cb))
			return -EMSGSIZE;
		cb->args[2] = n;
	}
	cb->args[2] = 0;
	return 0;
}

/*
 * A switch's properties (or one port's): the switch's own first, then each
 * port's. Resumes at port cb->args[1] (0: the switch's own), property
 * cb->args[2].
 */
int vswitch_nl_prop_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = hvnet_dump_attrs(cb);
	struct vswitch_port *only = NULL, *port;
	struct vswitch_nl_prop p;
	unsigned long pid;
	int err = 0;

	mutex_lock(&vswitch_mutex);
	p.sw = vswitch_nl_switch(attrs, VSWITCH_A_PROP_SWITCH_ID, VSWITCH_A_PROP_SWITCH_NAME,
				 cb->extack);
	if (IS_ERR(p.sw)) {
		err = PTR_ERR(p.sw);
		goto out;
	}
	if (attrs[VSWITCH_A_PROP_PORT_ID] || attrs[VSWITCH_A_PROP_PORT_NAME]) {
		only = vswitch_nl_port(p.sw, attrs, VSWITCH_A_PROP_PORT_ID,
				       VSWITCH_A_PROP_PORT_NAME, cb->extack);
		if (IS_ERR(only)) {
			err = PTR_ERR(only);
			goto out;
		}
	}
	cb->seq = vswitch_generation;
	if (!only && cb->args[1] == 0) {
		p.port = NULL;
		if (vswitch_nl_prop_dump_list(skb, cb, &p, &p.sw->props))
			goto out;
		cb->args[1] = 1;
	}
	xa_for_each_start(&p.sw->ports, pid, port, max_t(long, cb->args[1], 1)) {
		if (only && port != only)
			continue;
		p.port = port;
		cb->args[1] = pid;
		if (vswitch_nl_prop_dump_list(skb, cb, &p, &port->props))
			goto out;
		cb->args[1] = pid + 1;
	}
out:
	mutex_unlock(&vswitch_mutex);
	return err ?: skb->len;
}
