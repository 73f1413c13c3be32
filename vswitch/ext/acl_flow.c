// SPDX-License-Identifier: GPL-2.0
/*
 * The sessions of stateful extended rules, one table per switch.
 *
 * A packet that a stateful allow rule lets through opens a session: its
 * port, family, protocol, local and remote address and ports, as the port
 * sees them. Every later packet of the session, both ways, passes the
 * port's extended rules without consulting them (so the answer to an
 * outbound connection comes in even where inbound rules deny it) and keeps
 * the session alive. A session dies after its rule's idle timeout without
 * traffic (a delayed work reaps it, running while sessions exist; a
 * lookup that finds it expired reaps it too), when its rule is deleted or
 * changed, and when its port goes. For other protocols than TCP, UDP and
 * SCTP a session covers all the packets of the protocol between the two
 * addresses.
 *
 * Locking: the table is an rhashtable (RCU lookups, its own bucket locks);
 * sessions are opened from the data path with GFP_ATOMIC. Whoever unlinks
 * a session frees it (after a grace period) and drops its reference to
 * the rule, which therefore outlives every session that can still be
 * found. The table holds at most @limit sessions; the rest are refused and
 * counted, and their packets pass without a session.
 */
#include <linux/jiffies.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "acl.h"

struct acl_flow {
	struct rhash_head node;
	struct acl_flow_key key;
	struct acl_rule *rule;		/* holds a reference */
	unsigned long last_used;	/* jiffies */
	unsigned long timeout;		/* jiffies */
	atomic64_t packets;
	u8 dir;
	struct rcu_head rcu;
};

static const struct rhashtable_params acl_flow_params = {
	.head_offset = offsetof(struct acl_flow, node),
	.key_offset = offsetof(struct acl_flow, key),
	.key_len = sizeof(struct acl_flow_key),
	.automatic_shrinking = true,
};

#define ACL_GC_INTERVAL	HZ

static_assert(sizeof(struct acl_flow_key) == 40);

static void acl_flow_key(struct acl_flow_key *fk, u16 port, const struct acl_key *k)
{
	fk->port = port;
	fk->family = k->family;
	fk->proto = k->proto;
	memcpy(fk->ip_l, k->ip_l, sizeof(fk->ip_l));
	memcpy(fk->ip_r, k->ip_r, sizeof(fk->ip_r));
	fk->port_l = k->port_l;
	fk->port_r = k->port_r;
}

static bool acl_flow_expired(const struct acl_flow *f)
{
	return time_after(jiffies, READ_ONCE(f->last_used) + f->timeout);
}

/* Unlink a session; the one who unlinks it frees it. */
static void acl_flow_remove(struct acl_flows *flows, struct acl_flow *f)
{
	if (rhashtable_remove_fast(&flows->table, &f->node, acl_flow_params))
		return;
	atomic_dec(&flows->count);
	atomic_dec(&f->rule->flows);
	acl_rule_put(f->rule);
	kfree_rcu(f, rcu);
}

/**
 * acl_flow_hit() - is a packet part of an open session
 * @flows: the switch's sessions
 * @port: the port whose rules see the packet
 * @key: the packet's key from @port's point of view
 *
 * Under RCU. A session found refreshes its idle timer.
 *
 * Return: whether the packet belongs to a live session.
 */
bool acl_flow_hit(struct acl_flows *flows, u16 port, const struct acl_key *key)
{
	struct acl_flow_key fk;
	struct acl_flow *f;
	unsigned long now;

	if (!atomic_read(&flows->count))
		return false;
	acl_flow_key(&fk, port, key);
	f = rhashtable_lookup(&flows->table, &fk, acl_flow_params);
	if (!f)
		return false;
	if (READ_ONCE(f->rule->dead) || acl_flow_expired(f)) {
		acl_flow_remove(flows, f);
		return false;
	}
	now = jiffies;
	if (READ_ONCE(f->last_used) != now)
		WRITE_ONCE(f->last_used, now);
	atomic64_inc(&f->packets);
	return true;
}

/**
 * acl_flow_open() - open a session for a packet a stateful rule allowed
 * @flows: the switch's sessions
 * @port: the port of the rule
 * @key: the packet's key from @port's point of view
 * @rule: the stateful rule
 * @dir: the packet's direction at @port
 *
 * Under RCU, from the data path. A refusal is counted in @flows.
 */
void acl_flow_open(struct acl_flows *flows, u16 port, const struct acl_key *key,
		   struct acl_rule *rule, enum acl_dir dir)
{
	struct acl_flow *f, *old;

	if (READ_ONCE(rule->dead))
		return;
	if (atomic_inc_return(&flows->count) > flows->limit)
		goto refuse;
	f = kmalloc(sizeof(*f), GFP_ATOMIC);
	if (!f)
		goto refuse;
	if (!refcount_inc_not_zero(&rule->ref)) {
		/* deleted meanwhile */
		kfree(f);
		atomic_dec(&flows->count);
		return;
	}
	acl_flow_key(&f->key, port, key);
	f->rule = rule;
	f->last_used = jiffies;
	f->timeout = rule->timeout;
	f->dir = dir;
	atomic64_set(&f->packets, 1);
	old = rhashtable_lookup_get_insert_fast(&flows->table, &f->node, acl_flow_params);
	if (old) {
		/* opened by another CPU meanwhile, or no room in the table */
		if (IS_ERR(old))
			atomic64_inc(&flows->refused);
		else
			WRITE_ONCE(old->last_used, jiffies);
		atomic_dec(&flows->count);
		acl_rule_put(rule);
		kfree(f);
		return;
	}
	atomic_inc(&rule->flows);
	if (!delayed_work_pending(&flows->gc))
		queue_delayed_work(system_power_efficient_wq, &flows->gc, ACL_GC_INTERVAL);
	return;

refuse:
	atomic_dec(&flows->count);
	atomic64_inc(&flows->refused);
}

/* Unlink every session @pred picks. Process context. */
static void acl_flows_remove_if(struct acl_flows *flows,
				bool (*pred)(const struct acl_flow *f, const void *arg),
				const void *arg)
{
	struct rhashtable_iter iter;
	struct acl_flow *f;

	rhashtable_walk_enter(&flows->table, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		if (IS_ERR(f)) {
			if (PTR_ERR(f) == -EAGAIN)
				continue;
			break;
		}
		if (pred(f, arg))
			acl_flow_remove(flows, f);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

static bool acl_flow_stale(const struct acl_flow *f, const void *arg)
{
	return READ_ONCE(f->rule->dead) || acl_flow_expired(f);
}

static void acl_flows_gc(struct work_struct *work)
{
	struct acl_flows *flows = container_of(to_delayed_work(work), struct acl_flows, gc);

	acl_flows_remove_if(flows, acl_flow_stale, NULL);
	if (atomic_read(&flows->count))
		queue_delayed_work(system_power_efficient_wq, &flows->gc, ACL_GC_INTERVAL);
}

struct acl_flow_sel {
	u16 port;
	const struct acl_rule *rule;
};

static bool acl_flow_selected(const struct acl_flow *f, const void *arg)
{
	const struct acl_flow_sel *sel = arg;

	return f->key.port == sel->port && (!sel->rule || f->rule == sel->rule);
}

/**
 * acl_flows_flush() - close a port's sessions
 * @flows: the switch's sessions
 * @port: the port
 * @rule: only the sessions of this rule; NULL: all of the port's
 *
 * Process context.
 */
void acl_flows_flush(struct acl_flows *flows, u16 port, const struct acl_rule *rule)
{
	struct acl_flow_sel sel = { .port = port, .rule = rule };

	if (atomic_read(&flows->count))
		acl_flows_remove_if(flows, acl_flow_selected, &sel);
}

/**
 * acl_flows_walk() - hand live sessions to a function, for a dump
 * @flows: the switch's sessions
 * @port: only this port's; 0: every port's
 * @skip: the first @skip of them were handed over already
 * @fn: takes one; returns non-zero when it can take no more
 * @arg: its argument
 *
 * The order is the table's: a resize between two walks may show a session
 * twice or not at all.
 *
 * Return: how many sessions @fn took.
 */
int acl_flows_walk(struct acl_flows *flows, u16 port, unsigned long skip,
		   int (*fn)(const struct acl_flow_info *info, void *arg), void *arg)
{
	struct acl_flow_info info;
	struct rhashtable_iter iter;
	unsigned long idx = 0;
	struct acl_flow *f;
	int taken = 0;

	rhashtable_walk_enter(&flows->table, &iter);
	rhashtable_walk_start(&iter);
	while ((f = rhashtable_walk_next(&iter))) {
		unsigned long end;

		if (IS_ERR(f)) {
			if (PTR_ERR(f) == -EAGAIN)
				continue;
			break;
		}
		if ((port && f->key.port != port) || acl_flow_stale(f, NULL))
			continue;
		if (idx++ < skip)
			continue;
		info.key = f->key;
		info.instance = f->rule->instance;
		info.dir = f->dir;
		end = READ_ONCE(f->last_used) + f->timeout;
		info.expires = time_after(end, jiffies) ? end - jiffies : 0;
		info.packets = atomic64_read(&f->packets);
		if (fn(&info, arg))
			break;
		taken++;
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return taken;
}

int acl_flows_init(struct acl_flows *flows, unsigned int limit)
{
	atomic_set(&flows->count, 0);
	atomic64_set(&flows->refused, 0);
	flows->limit = limit;
	INIT_DELAYED_WORK(&flows->gc, acl_flows_gc);
	return rhashtable_init(&flows->table, &acl_flow_params);
}

static void acl_flow_free(void *ptr, void *arg)
{
	struct acl_flow *f = ptr;

	atomic_dec(&f->rule->flows);
	acl_rule_put(f->rule);
	kfree(f);
}

/* Free every session. No data path may run on the switch any more. */
void acl_flows_destroy(struct acl_flows *flows)
{
	cancel_delayed_work_sync(&flows->gc);
	rhashtable_free_and_destroy(&flows->table, acl_flow_free, NULL);
	atomic_set(&flows->count, 0);
}
