// SPDX-License-Identifier: GPL-2.0
/*
 * The vswitch_acl generic netlink family, as specified by
 * Documentation/netlink/specs/vswitch_acl.yaml: the counters of the rules
 * and the sessions of the switches the extension is enabled on. The rules
 * themselves are the switch's custom properties (the vswitch family); a
 * property's data never changes behind user space's back, so what the
 * extension counts is read here. Its policies, op table and family struct
 * are generated from the spec (acl_nl_gen.c, make regen). Read only, and
 * from the root partition only; every handler takes acl_lock.
 */
#include <net/genetlink.h>
#include <net/net_namespace.h>
#include <net/sock.h>
#include <hvnet/compat.h>
#include <hvnet/genl.h>

#include "acl.h"
#include "acl_nl_gen.h"

/*
 * The switch a request names; an extack message when there is none. The
 * host's switches are not shown to child partitions.
 */
static struct acl_switch *acl_nl_switch(struct net *net, struct nlattr **attrs, int name_attr,
					struct netlink_ext_ack *extack)
{
	struct acl_switch *sw;
	const char *name;

	if (!net_eq(net, &init_net)) {
		NL_SET_ERR_MSG(extack, "the acl extension is read from the root partition only");
		return ERR_PTR(-EPERM);
	}
	if (!attrs[name_attr]) {
		NL_SET_ERR_MSG(extack, "switch-name is required");
		return ERR_PTR(-EINVAL);
	}
	name = nla_data(attrs[name_attr]);
	sw = acl_switch_find(name);
	if (!sw) {
		NL_SET_ERR_MSG_FMT(extack, "no switch %s with the acl extension enabled", name);
		return ERR_PTR(-ENOENT);
	}
	return sw;
}

/*
 * The port a request names: its id (0 when it names none), or a negative
 * errno with an extack message.
 */
static int acl_nl_port(struct acl_switch *sw, struct nlattr **attrs, int id_attr,
		       int name_attr, struct netlink_ext_ack *extack)
{
	const char *name = attrs[name_attr] ? nla_data(attrs[name_attr]) : NULL;
	u32 id = attrs[id_attr] ? nla_get_u32(attrs[id_attr]) : 0;
	struct acl_port *port;
	unsigned long idx;

	if (!name)
		return id;
	xa_for_each(&sw->ports, idx, port) {
		if (strcmp(port->name, name))
			continue;
		if (id && id != port->id) {
			NL_SET_ERR_MSG_ATTR(extack, attrs[name_attr],
					    "port id and name identify different ports");
			return -EINVAL;
		}
		return port->id;
	}
	NL_SET_ERR_MSG_FMT(extack, "switch %s has no port named \"%s\"",
			   acl_switch_name(sw), name);
	return -ENOENT;
}

int vswitch_acl_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	return hvnet_genl_info_reply(info, &vswitch_acl_nl_family, VSWITCH_ACL_CMD_INFO_GET,
				     VSWITCH_ACL_A_INFO_MODULE_VERSION,
				     VSWITCH_ACL_A_INFO_PROTOCOL_REVISION,
				     VSWITCH_ACL_PROTOCOL_REVISION);
}

static int acl_nl_fill_rule(struct sk_buff *msg, struct netlink_callback *cb,
			    struct acl_switch *sw, struct acl_port *port,
			    const struct acl_rule *rule)
{
	u64 packets, bytes;
	void *hdr;

	hdr = genlmsg_put(msg, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &vswitch_acl_nl_family, NLM_F_MULTI, VSWITCH_ACL_CMD_RULE_GET);
	if (!hdr)
		return -EMSGSIZE;
	acl_rule_read(rule, &packets, &bytes);
	if (nla_put_string(msg, VSWITCH_ACL_A_RULE_SWITCH_NAME, acl_switch_name(sw)) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_RULE_PORT_ID, port->id) ||
	    nla_put_string(msg, VSWITCH_ACL_A_RULE_PORT_NAME, port->name) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_RULE_PROP_ID, rule->kind == ACL_KIND_EXT ?
			HVNET_XACL_PROP_ID : HVNET_ACL_PROP_ID) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_RULE_INSTANCE, rule->instance) ||
	    nla_put_u64_64bit(msg, VSWITCH_ACL_A_RULE_PACKETS, packets, VSWITCH_ACL_A_RULE_PAD) ||
	    nla_put_u64_64bit(msg, VSWITCH_ACL_A_RULE_BYTES, bytes, VSWITCH_ACL_A_RULE_PAD) ||
	    (rule->stateful &&
	     nla_put_u32(msg, VSWITCH_ACL_A_RULE_FLOWS, atomic_read(&rule->flows)))) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

/* cb->args[0]: the port to go on with; cb->args[1]: rules of it done */
int vswitch_acl_nl_rule_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = hvnet_dump_attrs(cb);
	unsigned long idx = cb->args[0];
	struct acl_switch *sw;
	struct acl_port *port;
	int only, err = 0;

	mutex_lock(&acl_lock);
	sw = acl_nl_switch(sock_net(cb->skb->sk), attrs, VSWITCH_ACL_A_RULE_SWITCH_NAME,
			   cb->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto out;
	}
	only = acl_nl_port(sw, attrs, VSWITCH_ACL_A_RULE_PORT_ID,
			   VSWITCH_ACL_A_RULE_PORT_NAME, cb->extack);
	if (only < 0) {
		err = only;
		goto out;
	}
	xa_for_each_start(&sw->ports, idx, port, idx) {
		const struct acl_rule *rule;
		long n = 0;

		if (only && port->id != only)
			continue;
		list_for_each_entry(rule, &port->rules, node) {
			if (n++ < cb->args[1])
				continue;
			if (acl_nl_fill_rule(skb, cb, sw, port, rule)) {
				cb->args[0] = idx;
				cb->args[1] = n - 1;
				goto out;
			}
		}
		cb->args[1] = 0;
	}
	cb->args[0] = ULONG_MAX;
out:
	mutex_unlock(&acl_lock);
	return err ?: skb->len;
}

struct acl_nl_flow_ctx {
	struct sk_buff *msg;
	struct netlink_callback *cb;
	struct acl_switch *sw;
};

static int acl_nl_fill_flow(const struct acl_flow_info *f, void *arg)
{
	struct acl_nl_flow_ctx *ctx = arg;
	struct sk_buff *msg = ctx->msg;
	int alen = f->key.family == 4 ? 4 : 16;
	struct acl_port *port;
	void *hdr;

	hdr = genlmsg_put(msg, NETLINK_CB(ctx->cb->skb).portid, ctx->cb->nlh->nlmsg_seq,
			  &vswitch_acl_nl_family, NLM_F_MULTI, VSWITCH_ACL_CMD_FLOW_GET);
	if (!hdr)
		return -EMSGSIZE;
	port = xa_load(&ctx->sw->ports, f->key.port);
	if (nla_put_string(msg, VSWITCH_ACL_A_FLOW_SWITCH_NAME, acl_switch_name(ctx->sw)) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_FLOW_PORT_ID, f->key.port) ||
	    (port && nla_put_string(msg, VSWITCH_ACL_A_FLOW_PORT_NAME, port->name)) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_FLOW_INSTANCE, f->instance) ||
	    nla_put_u8(msg, VSWITCH_ACL_A_FLOW_DIRECTION,
		       f->dir == ACL_IN ? HVNET_ACL_DIR_IN : HVNET_ACL_DIR_OUT) ||
	    nla_put_u8(msg, VSWITCH_ACL_A_FLOW_FAMILY, f->key.family) ||
	    nla_put_u8(msg, VSWITCH_ACL_A_FLOW_PROTOCOL, f->key.proto) ||
	    nla_put(msg, VSWITCH_ACL_A_FLOW_LOCAL_ADDR, alen, f->key.ip_l) ||
	    nla_put(msg, VSWITCH_ACL_A_FLOW_REMOTE_ADDR, alen, f->key.ip_r) ||
	    nla_put_u16(msg, VSWITCH_ACL_A_FLOW_LOCAL_PORT, f->key.port_l) ||
	    nla_put_u16(msg, VSWITCH_ACL_A_FLOW_REMOTE_PORT, f->key.port_r) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_FLOW_EXPIRES, jiffies_to_msecs(f->expires)) ||
	    nla_put_u64_64bit(msg, VSWITCH_ACL_A_FLOW_PACKETS, f->packets,
			      VSWITCH_ACL_A_FLOW_PAD)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

/* cb->args[0]: sessions dumped so far */
int vswitch_acl_nl_flow_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = hvnet_dump_attrs(cb);
	struct acl_nl_flow_ctx ctx = { .msg = skb, .cb = cb };
	int only, err = 0;

	mutex_lock(&acl_lock);
	ctx.sw = acl_nl_switch(sock_net(cb->skb->sk), attrs, VSWITCH_ACL_A_FLOW_SWITCH_NAME,
			       cb->extack);
	if (IS_ERR(ctx.sw)) {
		err = PTR_ERR(ctx.sw);
		goto out;
	}
	only = acl_nl_port(ctx.sw, attrs, VSWITCH_ACL_A_FLOW_PORT_ID,
			   VSWITCH_ACL_A_FLOW_PORT_NAME, cb->extack);
	if (only < 0) {
		err = only;
		goto out;
	}
	cb->args[0] += acl_flows_walk(&ctx.sw->flows, only, cb->args[0], acl_nl_fill_flow, &ctx);
out:
	mutex_unlock(&acl_lock);
	return err ?: skb->len;
}

int vswitch_acl_nl_table_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct acl_switch *sw;
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	mutex_lock(&acl_lock);
	sw = acl_nl_switch(genl_info_net(info), info->attrs, VSWITCH_ACL_A_TABLE_SWITCH_NAME,
			   info->extack);
	if (IS_ERR(sw)) {
		err = PTR_ERR(sw);
		goto fail;
	}
	err = -EMSGSIZE;
	hdr = genlmsg_put_reply(msg, info, &vswitch_acl_nl_family, 0, VSWITCH_ACL_CMD_TABLE_GET);
	if (!hdr)
		goto fail;
	if (nla_put_string(msg, VSWITCH_ACL_A_TABLE_SWITCH_NAME, acl_switch_name(sw)) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_TABLE_FLOWS, atomic_read(&sw->flows.count)) ||
	    nla_put_u32(msg, VSWITCH_ACL_A_TABLE_FLOW_LIMIT, sw->flows.limit) ||
	    nla_put_u64_64bit(msg, VSWITCH_ACL_A_TABLE_FLOWS_REFUSED,
			      atomic64_read(&sw->flows.refused), VSWITCH_ACL_A_TABLE_PAD))
		goto fail;
	mutex_unlock(&acl_lock);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

fail:
	mutex_unlock(&acl_lock);
	nlmsg_free(msg);
	return err;
}

int __init acl_nl_init(void)
{
	return hvnet_genl_register(&vswitch_acl_nl_family);
}

void acl_nl_exit(void)
{
	hvnet_genl_unregister(&vswitch_acl_nl_family);
}
