// SPDX-License-Identifier: GPL-2.0
/*
 * vswitch_acl.ko - Hyper-V's port ACLs and extended port ACLs, as the
 * filter extension "acl" of the extensible switch.
 *
 * Each rule is a custom property of a port: id HVNET_ACL_PROP_ID for a
 * port ACL, HVNET_XACL_PROP_ID for an extended ACL, one rule per instance
 * (layouts in include/uapi/linux/hvnet_ext_acl.h). The extension validates
 * them as they are added or changed (refusing with an extack message), and
 * compiles each port's rules into a set the data path looks up
 * (acl_cls.c), rebuilt and republished on every change.
 *
 * A packet crossing port P in direction D (out: P is its source, checked
 * on ingress; in: P is a destination, checked on egress) is judged by P's
 * rules of D:
 *  1. extended ACLs, for IPv4 and IPv6 packets: a packet of an open
 *     session of a stateful rule passes them; else the matching rule of
 *     highest weight decides (a stateful allow opens a session); with no
 *     match they let it pass;
 *  2. port ACLs: every matching meter rule counts it; the most specific
 *     matching allow or deny rule decides (deny on a tie); with no match
 *     it passes.
 * It goes on only if neither denies it: a drop on ingress, an exclusion
 * of that destination on egress, both for VSWITCH_EXT_REASON_POLICY.
 * Packets an extension originated (source port 0) are not judged.
 *
 * Lock domain:
 *  - acl_lock (a mutex) guards the list of switches the extension is
 *    enabled on and their ports and rules. The control path ops take it
 *    under RTNL and the switch's configuration mutex (RTNL -> switch mutex
 *    -> acl_lock); the vswitch_acl netlink family takes it alone. Nothing
 *    under it takes RTNL.
 *  - The data path takes no lock: under RCU it finds the port in the
 *    switch's xarray and the port's published rule set; ports, sets and
 *    rules are freed a grace period after they were unlinked. Rule
 *    counters are per CPU.
 *  - The session table has its own (acl_flow.c).
 */
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <hvnet/compat.h>
#include <hvnet/version.h>
#include <hvnet/vswitch_ext.h>

#include "acl.h"

/* Most rules of a port, both kinds together. */
#define ACL_PORT_MAX_RULES	8192

static unsigned int flow_limit = 65536;
module_param(flow_limit, uint, 0444);
MODULE_PARM_DESC(flow_limit,
		 "Most sessions of stateful extended ACLs open at once on one switch (default 65536)");

/* the configuration lock of the module (see above) */
DEFINE_MUTEX(acl_lock);
static LIST_HEAD(acl_switches);

#define acl_deref(p)	rcu_dereference_protected(p, lockdep_is_held(&acl_lock))

const char *acl_switch_name(const struct acl_switch *sw)
{
	return vswitch_ext_switch_name(sw->ctx);
}

/* The switch named @name, if the extension is enabled on it. */
struct acl_switch *acl_switch_find(const char *name)
{
	struct acl_switch *sw;

	lockdep_assert_held(&acl_lock);
	list_for_each_entry(sw, &acl_switches, node)
		if (!strcmp(acl_switch_name(sw), name))
			return sw;
	return NULL;
}

/* ---- the data path ---------------------------------------------------- */

/* Nothing of the set looks at direction @dir. */
static bool acl_set_idle(const struct acl_set *set, enum acl_dir dir)
{
	return acl_cls_empty(&set->pacl[dir]) && acl_cls_empty(&set->meter[dir]) &&
	       acl_cls_empty(&set->xacl[dir]) && !set->stateful;
}

static void acl_meter(struct acl_rule *rule, void *arg)
{
	acl_rule_count(rule, *(unsigned int *)arg);
}

/*
 * Does port @port let the packet of @key pass in direction @dir; the key
 * is from the port's point of view. Counts what decided.
 */
static bool acl_allows(struct acl_switch *sw, u16 port, const struct acl_set *set,
		       enum acl_dir dir, const struct acl_key *key, unsigned int len)
{
	struct acl_rule *rule;

	if (key->family && (set->stateful || !acl_cls_empty(&set->xacl[dir])) &&
	    !(set->stateful && acl_flow_hit(&sw->flows, port, key))) {
		rule = acl_cls_best(&set->xacl[dir], key);
		if (rule) {
			acl_rule_count(rule, len);
			if (rule->action == HVNET_ACL_ACTION_DENY)
				return false;
			if (rule->stateful)
				acl_flow_open(&sw->flows, port, key, rule, dir);
		}
	}
	if (!acl_cls_empty(&set->meter[dir]))
		acl_cls_each(&set->meter[dir], key, acl_meter, &len);
	rule = acl_cls_best(&set->pacl[dir], key);
	if (!rule)
		return true;
	acl_rule_count(rule, len);
	return rule->action != HVNET_ACL_ACTION_DENY;
}

/* The rules of @id's port for direction @dir, or NULL when there are none. */
static const struct acl_set *acl_port_set(struct acl_switch *sw, u16 id, enum acl_dir dir)
{
	struct acl_port *port = xa_load(&sw->ports, id);
	const struct acl_set *set;

	if (!port)
		return NULL;
	set = rcu_dereference(port->set);
	return set && !acl_set_idle(set, dir) ? set : NULL;
}

static enum vswitch_ext_verdict acl_ingress(struct vswitch_ext_ctx *ctx,
					    const struct sk_buff *skb,
					    struct vswitch_fwd *fwd)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	u16 src = vswitch_fwd_src_port(fwd);
	const struct acl_set *set;
	struct acl_key key;

	if (!src)
		return VSWITCH_EXT_PASS;
	set = acl_port_set(sw, src, ACL_OUT);
	if (!set)
		return VSWITCH_EXT_PASS;
	acl_key_parse(skb, &key);
	/* what the rules cannot read, they do not let through */
	if (unlikely(key.flags & ACL_KEY_UNPARSED))
		return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_MALFORMED);
	if (!acl_allows(sw, src, set, ACL_OUT, &key, skb->len))
		return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_POLICY);
	return VSWITCH_EXT_PASS;
}

static enum vswitch_ext_verdict acl_egress(struct vswitch_ext_ctx *ctx,
					   const struct sk_buff *skb,
					   struct vswitch_fwd *fwd)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	unsigned int i, n = vswitch_fwd_ndest(fwd);
	struct acl_key out, key;
	bool parsed = false;

	if (!vswitch_fwd_src_port(fwd))
		return VSWITCH_EXT_PASS;
	for (i = 0; i < n; i++) {
		struct vswitch_dest dest = vswitch_fwd_dest(fwd, i);
		const struct acl_set *set;

		if (dest.flags & VSWITCH_DEST_EXCLUDED)
			continue;
		set = acl_port_set(sw, dest.port, ACL_IN);
		if (!set)
			continue;
		if (!parsed) {
			/* seen from a destination, the source is remote */
			acl_key_parse(skb, &out);
			acl_key_reverse(&out, &key);
			parsed = true;
		}
		if (unlikely(key.flags & ACL_KEY_UNPARSED))
			vswitch_fwd_exclude(fwd, i, VSWITCH_EXT_REASON_MALFORMED);
		else if (!acl_allows(sw, dest.port, set, ACL_IN, &key, skb->len))
			vswitch_fwd_exclude(fwd, i, VSWITCH_EXT_REASON_POLICY);
	}
	return VSWITCH_EXT_PASS;
}

/* ---- ports and their rules ------------------------------------------------ */

static void acl_port_put_retired(struct acl_port *port)
{
	struct acl_rule *rule, *tmp;

	list_for_each_entry_safe(rule, tmp, &port->retired, node) {
		list_del(&rule->node);
		acl_rule_put(rule);
	}
}

/*
 * Compile the port's rules and publish them. Without rules the port has
 * no set, which cannot fail.
 */
static int acl_port_rebuild(struct acl_port *port)
{
	struct acl_set *set = NULL;

	if (!list_empty(&port->rules)) {
		set = acl_set_build(&port->rules);
		if (IS_ERR(set))
			return PTR_ERR(set);
	}
	acl_set_free_rcu(rcu_replace_pointer(port->set, set, lockdep_is_held(&acl_lock)));
	acl_port_put_retired(port);
	return 0;
}

/* A rule leaves the port: it stops matching now, whatever happens next. */
static void acl_port_unlink(struct acl_switch *sw, struct acl_port *port,
			    struct acl_rule *rule)
{
	list_del(&rule->node);
	port->nrules--;
	WRITE_ONCE(rule->dead, true);
	acl_flows_flush(&sw->flows, port->id, rule);
}

static struct acl_rule *acl_port_rule(struct acl_port *port, u8 kind, u32 instance)
{
	struct acl_rule *rule;

	list_for_each_entry(rule, &port->rules, node)
		if (rule->kind == kind && rule->instance == instance)
			return rule;
	return NULL;
}

static const char *const acl_dir_names[] = {
	[HVNET_ACL_DIR_IN] = "in",
	[HVNET_ACL_DIR_OUT] = "out",
	[HVNET_ACL_DIR_BOTH] = "both",
};

/* @rule may join the port's rules, in place of @old if not NULL. */
static int acl_port_check(struct acl_port *port, const struct acl_rule *rule,
			  const struct acl_rule *old, struct netlink_ext_ack *extack)
{
	struct acl_rule *r;

	if (!old && port->nrules >= ACL_PORT_MAX_RULES) {
		NL_SET_ERR_MSG_FMT(extack, "port %s has %u ACL rules, the most it may have",
				   port->name, ACL_PORT_MAX_RULES);
		return -ENOSPC;
	}
	list_for_each_entry(r, &port->rules, node) {
		if (r == old || r->kind != rule->kind)
			continue;
		if (r->instance == rule->instance) {
			NL_SET_ERR_MSG_FMT(extack, "port %s has ACL rule instance %u already",
					   port->name, rule->instance);
			return -EEXIST;
		}
		if (rule->kind == ACL_KIND_EXT && r->dirs == rule->dirs &&
		    r->prio == rule->prio) {
			NL_SET_ERR_MSG_FMT(extack,
					   "weight %u (%s) is taken by extended rule %u of port %s",
					   rule->prio, acl_dir_names[rule->dirs], r->instance,
					   port->name);
			return -EEXIST;
		}
	}
	return 0;
}

/* Rules are listed by kind, then instance: the order dumps show. */
static void acl_port_link(struct acl_port *port, struct acl_rule *rule)
{
	struct acl_rule *r;

	list_for_each_entry(r, &port->rules, node)
		if (r->kind > rule->kind ||
		    (r->kind == rule->kind && r->instance > rule->instance))
			break;
	list_add_tail(&rule->node, &r->node);
	port->nrules++;
}

/* Put @rule in place of @old (or add it): all or nothing. */
static int acl_port_replace(struct acl_switch *sw, struct acl_port *port,
			    struct acl_rule *rule, struct acl_rule *old,
			    struct netlink_ext_ack *extack)
{
	int err;

	err = acl_port_check(port, rule, old, extack);
	if (err)
		return err;
	acl_port_link(port, rule);
	if (old) {
		list_del(&old->node);
		port->nrules--;
	}
	err = acl_port_rebuild(port);
	if (err) {
		list_del(&rule->node);
		port->nrules--;
		if (old)
			acl_port_link(port, old);
		NL_SET_ERR_MSG(extack, "out of memory for the port's compiled ACL rules");
		return err;
	}
	if (old) {
		WRITE_ONCE(old->dead, true);
		acl_flows_flush(&sw->flows, port->id, old);
		acl_rule_put(old);
	}
	return 0;
}

/* Free an unlinked port; its sessions are closed already. */
static void acl_port_free(struct acl_port *port)
{
	struct acl_rule *rule, *tmp;

	acl_set_free_rcu(acl_deref(port->set));
	RCU_INIT_POINTER(port->set, NULL);
	list_for_each_entry_safe(rule, tmp, &port->rules, node) {
		list_del(&rule->node);
		WRITE_ONCE(rule->dead, true);
		acl_rule_put(rule);
	}
	acl_port_put_retired(port);
	kfree_rcu(port, rcu);
}

/* ---- the control path ----------------------------------------------------- */

static int acl_attach(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	struct acl_switch *sw;

	sw = kzalloc(sizeof(*sw), GFP_KERNEL);
	if (!sw)
		goto nomem;
	xa_init(&sw->ports);
	if (acl_flows_init(&sw->flows, flow_limit)) {
		kfree(sw);
		goto nomem;
	}
	sw->ctx = ctx;
	vswitch_ext_set_priv(ctx, sw);
	mutex_lock(&acl_lock);
	list_add(&sw->node, &acl_switches);
	mutex_unlock(&acl_lock);
	return 0;

nomem:
	NL_SET_ERR_MSG(extack, "out of memory for the acl extension's state");
	return -ENOMEM;
}

static void acl_detach(struct vswitch_ext_ctx *ctx)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	struct acl_port *port;
	unsigned long id;

	if (!sw)
		return;
	mutex_lock(&acl_lock);
	list_del(&sw->node);
	/* sessions first: they hold references to rules */
	acl_flows_destroy(&sw->flows);
	xa_for_each(&sw->ports, id, port) {
		xa_erase(&sw->ports, id);
		acl_port_free(port);
	}
	xa_destroy(&sw->ports);
	mutex_unlock(&acl_lock);
	vswitch_ext_set_priv(ctx, NULL);
	kfree(sw);
}

static int acl_port_create(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *vport,
			   struct netlink_ext_ack *extack)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	struct acl_port *port;
	int err;

	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		goto nomem;
	port->id = vport->id;
	strscpy(port->name, vport->name, sizeof(port->name));
	INIT_LIST_HEAD(&port->rules);
	INIT_LIST_HEAD(&port->retired);
	mutex_lock(&acl_lock);
	err = xa_insert(&sw->ports, port->id, port, GFP_KERNEL);
	mutex_unlock(&acl_lock);
	if (err == -EBUSY) {
		/* cannot happen: the switch has one port of an id */
		kfree(port);
		return 0;
	}
	if (err) {
		kfree(port);
		goto nomem;
	}
	return 0;

nomem:
	NL_SET_ERR_MSG(extack, "out of memory for the acl extension's port");
	return -ENOMEM;
}

static void acl_port_teardown(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *vport)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);

	mutex_lock(&acl_lock);
	acl_flows_flush(&sw->flows, vport->id, NULL);
	mutex_unlock(&acl_lock);
}

static void acl_port_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *vport)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	struct acl_port *port;

	mutex_lock(&acl_lock);
	port = xa_erase(&sw->ports, vport->id);
	if (port) {
		acl_flows_flush(&sw->flows, port->id, NULL);
		acl_port_free(port);
	}
	mutex_unlock(&acl_lock);
}

static bool acl_prop_ours(const struct vswitch_ext_prop *prop)
{
	return prop->id == HVNET_ACL_PROP_ID || prop->id == HVNET_XACL_PROP_ID;
}

static u8 acl_prop_kind(const struct vswitch_ext_prop *prop)
{
	return prop->id == HVNET_XACL_PROP_ID ? ACL_KIND_EXT : ACL_KIND_PORT;
}

/* prop_add (@update false) and prop_update (@update true) */
static int acl_prop_set(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			bool update, struct netlink_ext_ack *extack)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	struct acl_rule *rule, *old = NULL;
	struct acl_port *port;
	int err;

	if (!acl_prop_ours(prop))
		return 0;
	rule = acl_rule_parse(prop, extack);
	if (IS_ERR(rule))
		return PTR_ERR(rule);
	mutex_lock(&acl_lock);
	port = xa_load(&sw->ports, prop->port_id);
	if (!port) {
		NL_SET_ERR_MSG_FMT(extack, "port %u is unknown to the acl extension",
				   prop->port_id);
		err = -ENOENT;
		goto out;
	}
	if (update)
		old = acl_port_rule(port, rule->kind, rule->instance);
	err = acl_port_replace(sw, port, rule, old, extack);
out:
	mutex_unlock(&acl_lock);
	if (err)
		acl_rule_put(rule);
	return err;
}

static int acl_prop_add(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			struct netlink_ext_ack *extack)
{
	return acl_prop_set(ctx, prop, false, extack);
}

static int acl_prop_update(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			   struct netlink_ext_ack *extack)
{
	return acl_prop_set(ctx, prop, true, extack);
}

static void acl_prop_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop)
{
	struct acl_switch *sw = vswitch_ext_priv(ctx);
	struct acl_port *port;
	struct acl_rule *rule;

	if (!acl_prop_ours(prop))
		return;
	mutex_lock(&acl_lock);
	port = xa_load(&sw->ports, prop->port_id);
	rule = port ? acl_port_rule(port, acl_prop_kind(prop), prop->instance) : NULL;
	if (rule) {
		acl_port_unlink(sw, port, rule);
		if (acl_port_rebuild(port))
			/* the published set skips it; freed with the next one */
			list_add(&rule->node, &port->retired);
		else
			acl_rule_put(rule);
	}
	mutex_unlock(&acl_lock);
}

static const struct vswitch_ext_ops acl_ops = {
	.attach = acl_attach,
	.detach = acl_detach,
	.ingress = acl_ingress,
	.egress = acl_egress,
	.port_create = acl_port_create,
	.port_teardown = acl_port_teardown,
	.port_delete = acl_port_delete,
	.prop_add = acl_prop_add,
	.prop_update = acl_prop_update,
	.prop_delete = acl_prop_delete,
};

static struct vswitch_ext acl_ext = {
	.name = "acl",
	.class = VSWITCH_EXT_CLASS_FILTER,
	.ops = &acl_ops,
	.owner = THIS_MODULE,
};

static int __init acl_init(void)
{
	int err;

	err = vswitch_ext_register(&acl_ext);
	if (err)
		return err;
	err = acl_nl_init();
	if (err)
		vswitch_ext_unregister(&acl_ext);
	return err;
}

static void __exit acl_exit(void)
{
	acl_nl_exit();
	vswitch_ext_unregister(&acl_ext);
	/* rules and rule sets are freed by RCU callbacks of this module */
	rcu_barrier();
}

module_init(acl_init);
module_exit(acl_exit);

MODULE_DESCRIPTION("hvnet: port ACLs and extended port ACLs of the extensible switch");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
