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

	hdr = vswitch_nl_msg_start(msg, portid, seq, flags, cmd, cb);
	if (!hdr)
		return -EMSGSIZE;
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

/*
 * The switch and port (NULL: none named) a request names, in the
 * description its handler keeps in info->user_ptr[0] (genetlink's room for
 * what a request carries between the steps of its handling).
 */
static void *vswitch_nl_req_owner(struct genl_info *info)
{
	struct vswitch_nl_prop *p = info->user_ptr[0];
	struct nlattr **attrs = info->attrs;

	p->sw = vswitch_nl_switch(attrs, VSWITCH_A_PROP_SWITCH_ID, VSWITCH_A_PROP_SWITCH_NAME,
				  info->extack);
	if (IS_ERR(p->sw))
		return p->sw;
	p->port = NULL;
	if (attrs[VSWITCH_A_PROP_PORT_ID] || attrs[VSWITCH_A_PROP_PORT_NAME]) {
		p->port = vswitch_nl_port(p->sw, attrs, VSWITCH_A_PROP_PORT_ID,
					  VSWITCH_A_PROP_PORT_NAME, info->extack);
		if (IS_ERR(p->port))
			return p->port;
	}
	return p;
}

static struct list_head *vswitch_nl_props(const struct vswitch_nl_prop *p)
{
	return p->port ? &p->port->props : &p->sw->props;
}

static u32 vswitch_nl_u32(struct nlattr *a)
{
	return a ? nla_get_u32(a) : 0;
}

/* prop-new, prop-set */
static void *vswitch_nl_prop_change(struct genl_info *info, void *obj)
{
	struct nlattr *data = info->attrs[VSWITCH_A_PROP_DATA];
	struct nlattr **attrs = info->attrs;
	struct vswitch_nl_prop *p = obj;
	u32 id, instance, version;
	const void *bytes = NULL;
	u32 len = 0;
	int err;

	id = nla_get_u32(attrs[VSWITCH_A_PROP_ID]);
	instance = vswitch_nl_u32(attrs[VSWITCH_A_PROP_INSTANCE]);
	version = vswitch_nl_u32(attrs[VSWITCH_A_PROP_VERSION]);
	if (data) {
		bytes = nla_data(data);
		len = nla_len(data);
	}
	if (info->genlhdr->cmd == VSWITCH_CMD_PROP_NEW)
		err = vswitch_prop_add(p->sw, p->port, id, instance, version, bytes, len,
				       info->extack);
	else
		err = vswitch_prop_update(p->sw, p->port, id, instance, version, bytes, len,
					  info->extack);
	if (err)
		return ERR_PTR(err);
	p->prop = vswitch_prop_find(vswitch_nl_props(p), id, instance);
	return p;
}

static int vswitch_nl_prop_write(struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_owner,
		.change = vswitch_nl_prop_change,
		.fill = vswitch_nl_fill_prop,
	};
	struct nlattr *data = info->attrs[VSWITCH_A_PROP_DATA];
	struct vswitch_nl_prop p;

	if (vswitch_nl_missing(info, VSWITCH_A_PROP_ID, "a property id"))
		return -EINVAL;
	/* the policy cannot bound a binary attribute generated from the spec */
	if (data && nla_len(data) > VSWITCH_PROP_MAX_LEN) {
		NL_SET_ERR_MSG_ATTR(info->extack, data, "property data is longer than "
				    __stringify(VSWITCH_PROP_MAX_LEN) " bytes");
		return -ERANGE;
	}
	info->user_ptr[0] = &p;
	return vswitch_nl_admin(info, &op);
}

int vswitch_nl_prop_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_prop_write(info);
}

int vswitch_nl_prop_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	return vswitch_nl_prop_write(info);
}

/* The property a request names (prop-del, prop-get). */
static void *vswitch_nl_req_prop(struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct vswitch_nl_prop *p;
	u32 id, instance;

	p = vswitch_nl_req_owner(info);
	if (IS_ERR(p))
		return p;
	if (vswitch_nl_missing(info, VSWITCH_A_PROP_ID, "a property id"))
		return ERR_PTR(-EINVAL);
	id = nla_get_u32(attrs[VSWITCH_A_PROP_ID]);
	instance = vswitch_nl_u32(attrs[VSWITCH_A_PROP_INSTANCE]);
	p->prop = vswitch_prop_find(vswitch_nl_props(p), id, instance);
	if (!p->prop) {
		NL_SET_ERR_MSG_FMT(info->extack, "%s has no property %#x instance %u",
				   p->port ? p->port->name : p->sw->name, id, instance);
		return ERR_PTR(-ENOENT);
	}
	return p;
}

static void *vswitch_nl_prop_delete(struct genl_info *info, void *obj)
{
	struct vswitch_nl_prop *p = obj;
	int err;

	err = vswitch_prop_del(p->sw, p->port, p->prop->id, p->prop->instance, info->extack);
	return err ? ERR_PTR(err) : NULL;
}

int vswitch_nl_prop_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	static const struct vswitch_nl_admin_op op = {
		.lookup = vswitch_nl_req_prop,
		.change = vswitch_nl_prop_delete,
		.fill = vswitch_nl_fill_prop,
		.del = true,
	};
	struct vswitch_nl_prop p;

	info->user_ptr[0] = &p;
	return vswitch_nl_admin(info, &op);
}

int vswitch_nl_prop_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct vswitch_nl_prop p;

	info->user_ptr[0] = &p;
	return vswitch_nl_get(info, vswitch_nl_req_prop, vswitch_nl_fill_prop);
}

/* A switch's own properties, or a port's. */
static int vswitch_nl_dump_props(struct vswitch_nl_dumper *d, struct vswitch *sw,
				 struct vswitch_port *port)
{
	struct vswitch_nl_prop p = { .sw = sw, .port = port };
	int err;

	list_for_each_entry(p.prop, vswitch_nl_props(&p), node) {
		err = vswitch_nl_dump_put(d, &p);
		if (err)
			return err;
	}
	return 0;
}

static int vswitch_nl_dump_switch_props(struct vswitch_nl_dumper *d, struct vswitch *sw)
{
	return vswitch_nl_dump_props(d, sw, NULL);
}

static int vswitch_nl_dump_port_props(struct vswitch_nl_dumper *d, struct vswitch_port *port)
{
	return vswitch_nl_dump_props(d, port->sw, port);
}

/* A switch's properties (or one port's): the switch's own first, then each port's. */
int vswitch_nl_prop_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	static const struct vswitch_nl_dump_ops ops = {
		.fill = vswitch_nl_fill_prop,
		.sw = vswitch_nl_dump_switch_props,
		.port = vswitch_nl_dump_port_props,
		.sw_id_attr = VSWITCH_A_PROP_SWITCH_ID,
		.sw_name_attr = VSWITCH_A_PROP_SWITCH_NAME,
		.port_id_attr = VSWITCH_A_PROP_PORT_ID,
		.port_name_attr = VSWITCH_A_PROP_PORT_NAME,
		.need_switch = true,
	};

	return vswitch_nl_dump(skb, cb, &ops);
}
