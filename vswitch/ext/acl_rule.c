// SPDX-License-Identifier: GPL-2.0
/*
 * A rule's property, validated and turned into what the classifier
 * matches: a value under a mask over struct acl_key, port ranges, and a
 * priority. Every refusal says why in the extack.
 *
 * Priorities (the highest that matches decides):
 *  - port ACLs: the most specific address wins. Specificity is the share
 *    of the address the prefix fixes, so that a whole MAC address, an IPv4
 *    /32 and an IPv6 /128 are equally specific: prefix_len * 384 / bits
 *    (MAC: x8, IPv4: x12, IPv6: x3). On equal specificity deny beats
 *    allow: prio = specificity * 2 + deny. Meter rules do not decide.
 *  - extended ACLs: the weight (unique per port and direction).
 */
#include <linux/in.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <hvnet/compat.h>
#include <hvnet/vswitch_ext.h>

#include "acl.h"

static_assert(sizeof(struct acl_key) == 52);
static_assert(sizeof(struct hvnet_acl_rule) == 24);
static_assert(sizeof(struct hvnet_xacl_rule) == 52);

/* The common multiple of 48, 32 and 128 bits: the scale of specificity. */
#define ACL_SPEC_SCALE	384

/* The first @len bits of @mask set (@size bytes), the rest clear. */
static void acl_prefix_mask(u8 *mask, unsigned int size, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < size; i++) {
		if (len >= 8)
			mask[i] = 0xff;
		else
			mask[i] = len ? (u8)(0xff << (8 - len)) : 0;
		len -= min(len, 8u);
	}
}

/* @addr has no bit set outside the first @len of its @size bytes. */
static bool acl_prefix_clean(const u8 *addr, unsigned int size, unsigned int len)
{
	u8 mask[16];
	unsigned int i;

	acl_prefix_mask(mask, size, len);
	for (i = 0; i < size; i++)
		if (addr[i] & ~mask[i])
			return false;
	return true;
}

/* An address prefix into the key's field @val / @msk (@size bytes). */
static void acl_set_prefix(u8 *val, u8 *msk, const u8 *addr, unsigned int size,
			   unsigned int len)
{
	acl_prefix_mask(msk, size, len);
	memcpy(val, addr, size);
}

static bool acl_zero(const u8 *p, unsigned int size)
{
	return !memchr_inv(p, 0, size);
}

static int acl_parse_port(struct acl_rule *r, const struct hvnet_acl_rule *c,
			  struct netlink_ext_ack *extack)
{
	bool local = c->side == HVNET_ACL_SIDE_LOCAL;
	unsigned int bits, size, scale;
	const char *what;

	if (c->direction < HVNET_ACL_DIR_IN || c->direction > HVNET_ACL_DIR_BOTH) {
		NL_SET_ERR_MSG_FMT(extack, "ACL direction %u: in (1), out (2) or both (3)",
				   c->direction);
		return -EINVAL;
	}
	if (c->action < HVNET_ACL_ACTION_ALLOW || c->action > HVNET_ACL_ACTION_METER) {
		NL_SET_ERR_MSG_FMT(extack, "ACL action %u: allow (1), deny (2) or meter (3)",
				   c->action);
		return -EINVAL;
	}
	if (c->side != HVNET_ACL_SIDE_LOCAL && c->side != HVNET_ACL_SIDE_REMOTE) {
		NL_SET_ERR_MSG_FMT(extack, "ACL address side %u: local (1) or remote (2)",
				   c->side);
		return -EINVAL;
	}
	switch (c->type) {
	case HVNET_ACL_TYPE_MAC:
		bits = 48;
		what = "a MAC address";
		break;
	case HVNET_ACL_TYPE_IPV4:
		bits = 32;
		what = "an IPv4 prefix";
		break;
	case HVNET_ACL_TYPE_IPV6:
		bits = 128;
		what = "an IPv6 prefix";
		break;
	default:
		NL_SET_ERR_MSG_FMT(extack, "ACL address type %u: MAC (1), IPv4 (2) or IPv6 (3)",
				   c->type);
		return -EINVAL;
	}
	size = bits / 8;
	if (c->prefix_len > bits) {
		NL_SET_ERR_MSG_FMT(extack, "prefix length %u is too long for %s (at most %u)",
				   c->prefix_len, what, bits);
		return -EINVAL;
	}
	if (!acl_zero(c->reserved, sizeof(c->reserved)) ||
	    !acl_zero(c->addr + size, sizeof(c->addr) - size)) {
		NL_SET_ERR_MSG(extack, "reserved bytes of the ACL rule must be zero");
		return -EINVAL;
	}
	if (!acl_prefix_clean(c->addr, size, c->prefix_len)) {
		NL_SET_ERR_MSG_FMT(extack, "the address has bits set beyond its /%u prefix",
				   c->prefix_len);
		return -EINVAL;
	}

	r->kind = ACL_KIND_PORT;
	r->dirs = c->direction;		/* in 1 = BIT(ACL_IN), out 2 = BIT(ACL_OUT) */
	r->action = c->action;
	if (c->type == HVNET_ACL_TYPE_MAC) {
		acl_set_prefix(local ? r->value.mac_l : r->value.mac_r,
			       local ? r->mask.mac_l : r->mask.mac_r, c->addr, size,
			       c->prefix_len);
		scale = ACL_SPEC_SCALE / 48;
	} else {
		r->value.family = c->type == HVNET_ACL_TYPE_IPV4 ? 4 : 6;
		r->mask.family = 0xff;
		acl_set_prefix((u8 *)(local ? r->value.ip_l : r->value.ip_r),
			       (u8 *)(local ? r->mask.ip_l : r->mask.ip_r), c->addr, size,
			       c->prefix_len);
		scale = ACL_SPEC_SCALE / bits;
	}
	r->prio = c->prefix_len * scale * 2 + (c->action == HVNET_ACL_ACTION_DENY);
	return 0;
}

static bool acl_proto_has_ports(u8 proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_SCTP;
}

/* One side's port range into the rule; 0-0 is any port. */
static int acl_parse_ports(struct acl_rule *r, u16 min, u16 max, bool local,
			   const struct hvnet_xacl_rule *c, struct netlink_ext_ack *extack)
{
	const char *side = local ? "local" : "remote";

	if (!min && !max)
		return 0;
	if (min > max) {
		NL_SET_ERR_MSG_FMT(extack, "%s port range %u-%u runs backwards", side, min, max);
		return -EINVAL;
	}
	if (!acl_proto_has_ports(c->protocol)) {
		NL_SET_ERR_MSG_FMT(extack,
				   "a %s port needs protocol tcp (6), udp (17) or sctp (132)",
				   side);
		return -EINVAL;
	}
	r->value.flags |= ACL_KEY_PORTS;
	r->mask.flags |= ACL_KEY_PORTS;
	if (min == max) {
		*(local ? &r->value.port_l : &r->value.port_r) = min;
		*(local ? &r->mask.port_l : &r->mask.port_r) = 0xffff;
		return 0;
	}
	r->ranges = true;
	if (local) {
		r->port_l_min = min;
		r->port_l_max = max;
	} else {
		r->port_r_min = min;
		r->port_r_max = max;
	}
	return 0;
}

static int acl_parse_ext(struct acl_rule *r, const struct hvnet_xacl_rule *c,
			 struct netlink_ext_ack *extack)
{
	unsigned int bits;
	int err;

	if (c->direction != HVNET_ACL_DIR_IN && c->direction != HVNET_ACL_DIR_OUT) {
		NL_SET_ERR_MSG_FMT(extack, "extended ACL direction %u: in (1) or out (2)",
				   c->direction);
		return -EINVAL;
	}
	if (c->action != HVNET_ACL_ACTION_ALLOW && c->action != HVNET_ACL_ACTION_DENY) {
		NL_SET_ERR_MSG_FMT(extack, "extended ACL action %u: allow (1) or deny (2)",
				   c->action);
		return -EINVAL;
	}
	if (c->flags & ~HVNET_XACL_F_STATEFUL) {
		NL_SET_ERR_MSG_FMT(extack, "unknown extended ACL flags 0x%x",
				   c->flags & ~HVNET_XACL_F_STATEFUL);
		return -EINVAL;
	}
	if ((c->flags & HVNET_XACL_F_STATEFUL) && c->action != HVNET_ACL_ACTION_ALLOW) {
		NL_SET_ERR_MSG(extack, "only an allow rule can be stateful");
		return -EINVAL;
	}
	if (c->idle_timeout && !(c->flags & HVNET_XACL_F_STATEFUL)) {
		NL_SET_ERR_MSG(extack, "an idle timeout needs a stateful rule");
		return -EINVAL;
	}
	if (c->reserved) {
		NL_SET_ERR_MSG(extack, "reserved bytes of the ACL rule must be zero");
		return -EINVAL;
	}
	switch (c->family) {
	case HVNET_XACL_FAMILY_ANY:
		bits = 0;
		break;
	case HVNET_XACL_FAMILY_IPV4:
		bits = 32;
		break;
	case HVNET_XACL_FAMILY_IPV6:
		bits = 128;
		break;
	default:
		NL_SET_ERR_MSG_FMT(extack, "extended ACL family %u: any (0), IPv4 (4) or IPv6 (6)",
				   c->family);
		return -EINVAL;
	}
	if (c->local_prefix_len > bits || c->remote_prefix_len > bits) {
		if (bits)
			NL_SET_ERR_MSG_FMT(extack,
					   "prefix length %u is too long for IPv%u (at most %u)",
					   max(c->local_prefix_len, c->remote_prefix_len),
					   c->family, bits);
		else
			NL_SET_ERR_MSG(extack,
				       "an address prefix needs family IPv4 (4) or IPv6 (6)");
		return -EINVAL;
	}
	if (!acl_zero(c->local_addr + bits / 8, sizeof(c->local_addr) - bits / 8) ||
	    !acl_zero(c->remote_addr + bits / 8, sizeof(c->remote_addr) - bits / 8)) {
		NL_SET_ERR_MSG(extack, "address bytes beyond the family's size must be zero");
		return -EINVAL;
	}
	if (!acl_prefix_clean(c->local_addr, bits / 8, c->local_prefix_len) ||
	    !acl_prefix_clean(c->remote_addr, bits / 8, c->remote_prefix_len)) {
		NL_SET_ERR_MSG(extack, "an address has bits set beyond its prefix");
		return -EINVAL;
	}

	r->kind = ACL_KIND_EXT;
	r->dirs = c->direction;
	r->action = c->action;
	r->stateful = c->flags & HVNET_XACL_F_STATEFUL;
	r->timeout = (c->idle_timeout ?: HVNET_XACL_DEFAULT_TIMEOUT) * HZ;
	r->prio = c->weight;
	r->port_l_max = U16_MAX;
	r->port_r_max = U16_MAX;
	if (c->family) {
		r->value.family = c->family;
		r->mask.family = 0xff;
		acl_set_prefix((u8 *)r->value.ip_l, (u8 *)r->mask.ip_l, c->local_addr,
			       bits / 8, c->local_prefix_len);
		acl_set_prefix((u8 *)r->value.ip_r, (u8 *)r->mask.ip_r, c->remote_addr,
			       bits / 8, c->remote_prefix_len);
	}
	if (c->protocol) {
		r->value.proto = c->protocol;
		r->mask.proto = 0xff;
	}
	err = acl_parse_ports(r, c->local_port_min, c->local_port_max, true, c, extack);
	if (!err)
		err = acl_parse_ports(r, c->remote_port_min, c->remote_port_max, false, c,
				      extack);
	return err;
}

static void acl_rule_free(struct acl_rule *rule)
{
	free_percpu(rule->stats);
	kfree(rule);
}

static void acl_rule_free_rcu(struct rcu_head *head)
{
	acl_rule_free(container_of(head, struct acl_rule, rcu));
}

/**
 * acl_rule_parse() - validate a property of the acl extension into a rule
 * @prop: a property whose id is HVNET_ACL_PROP_ID or HVNET_XACL_PROP_ID
 * @extack: says why it was refused
 *
 * Checks the rule alone; what depends on the port's other rules (unique
 * weights) is the caller's. The rule holds one reference.
 *
 * Return: the rule, or an ERR_PTR().
 */
struct acl_rule *acl_rule_parse(const struct vswitch_ext_prop *prop,
				struct netlink_ext_ack *extack)
{
	bool ext = prop->id == HVNET_XACL_PROP_ID;
	size_t size = ext ? sizeof(struct hvnet_xacl_rule) : sizeof(struct hvnet_acl_rule);
	struct acl_rule *rule;
	int cpu, err;

	if (!prop->port_id) {
		NL_SET_ERR_MSG(extack, "ACL rules are properties of a port, not of the switch");
		return ERR_PTR(-EINVAL);
	}
	if (prop->version != HVNET_ACL_VERSION) {
		NL_SET_ERR_MSG_FMT(extack,
				   "ACL rule layout version %u is unknown (this module knows %u)",
				   prop->version, HVNET_ACL_VERSION);
		return ERR_PTR(-EOPNOTSUPP);
	}
	if (prop->len != size || !prop->data) {
		NL_SET_ERR_MSG_FMT(extack, "%s ACL rule is %zu bytes, not %u",
				   ext ? "an extended" : "a port", size, prop->len);
		return ERR_PTR(-EINVAL);
	}

	rule = kzalloc(sizeof(*rule), GFP_KERNEL);
	if (!rule)
		goto nomem;
	rule->stats = alloc_percpu(struct acl_rule_stats);
	if (!rule->stats)
		goto nomem;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(rule->stats, cpu)->syncp);
	refcount_set(&rule->ref, 1);
	atomic_set(&rule->flows, 0);
	INIT_LIST_HEAD(&rule->node);
	rule->instance = prop->instance;
	memcpy(&rule->conf, prop->data, size);
	if (ext)
		err = acl_parse_ext(rule, &rule->conf.xacl, extack);
	else
		err = acl_parse_port(rule, &rule->conf.acl, extack);
	if (err) {
		acl_rule_free(rule);
		return ERR_PTR(err);
	}
	return rule;

nomem:
	if (rule)
		acl_rule_free(rule);
	NL_SET_ERR_MSG(extack, "out of memory for the ACL rule");
	return ERR_PTR(-ENOMEM);
}

/**
 * acl_rule_put() - drop a reference to a rule
 * @rule: the rule
 *
 * The last one frees it after a grace period: the data path may still
 * hold it from a rule set or a session it found before.
 */
void acl_rule_put(struct acl_rule *rule)
{
	if (refcount_dec_and_test(&rule->ref))
		call_rcu(&rule->rcu, acl_rule_free_rcu);
}

static bool acl_port_in(u16 port, u16 min, u16 max)
{
	return port >= min && port <= max;
}

/* The key's ports are in the rule's ranges (rules with ranges only). */
bool acl_rule_ports_in(const struct acl_rule *rule, const struct acl_key *key)
{
	return acl_port_in(key->port_l, rule->port_l_min, rule->port_l_max) &&
	       acl_port_in(key->port_r, rule->port_r_min, rule->port_r_max);
}

/**
 * acl_rule_match() - does a rule match a key
 * @rule: the rule
 * @key: the packet's key, from the rule's port's point of view
 *
 * A deleted rule still matches here; the classifier skips it.
 *
 * Return: whether every field the rule names matches.
 */
bool acl_rule_match(const struct acl_rule *rule, const struct acl_key *key)
{
	const u32 *v = (const u32 *)&rule->value;
	const u32 *m = (const u32 *)&rule->mask;
	const u32 *k = (const u32 *)key;
	unsigned int i;

	for (i = 0; i < ACL_KEY_WORDS; i++)
		if ((k[i] & m[i]) != v[i])
			return false;
	return !rule->ranges || acl_rule_ports_in(rule, key);
}

/* The rule decided or metered a packet of @len bytes. Data path, BH off. */
void acl_rule_count(struct acl_rule *rule, unsigned int len)
{
	struct acl_rule_stats *s = this_cpu_ptr(rule->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->packets);
	u64_stats_add(&s->bytes, len);
	u64_stats_update_end(&s->syncp);
}

void acl_rule_read(const struct acl_rule *rule, u64 *packets, u64 *bytes)
{
	unsigned int start;
	int cpu;

	*packets = 0;
	*bytes = 0;
	for_each_possible_cpu(cpu) {
		const struct acl_rule_stats *s = per_cpu_ptr(rule->stats, cpu);
		u64 p, b;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			p = u64_stats_read(&s->packets);
			b = u64_stats_read(&s->bytes);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		*packets += p;
		*bytes += b;
	}
}
