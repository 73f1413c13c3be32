// SPDX-License-Identifier: GPL-2.0
/*
 * A port's rules compiled for the data path (struct acl_set): per
 * direction, a classifier of port ACL allow and deny rules, one of port
 * ACL meter rules and one of extended ACL rules.
 *
 * A classifier is a tuple space search: rules are grouped by their mask
 * (which bits of which fields they match, and whether they check a port
 * range); each group is a hash table of the rules' values. Groups are
 * ordered by the highest priority they hold and each bucket's chain by
 * priority, so a lookup stops as soon as nothing left can beat what it
 * found. A thousand rules of one shape (every /32 of a list of hosts,
 * every TCP port of a service list) cost one hash lookup; rules of many
 * shapes cost one per shape, at most.
 *
 * A set is built from scratch on every change of its port's rules and
 * published with RCU; it is never changed after. Rules marked dead are
 * skipped, so a deleted rule stops matching even when no new set could be
 * built.
 */
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "acl.h"

/* The word of struct acl_key with family, proto and flags */
#define ACL_META_WORD	(offsetof(struct acl_key, family) / sizeof(u32))
static_assert(offsetof(struct acl_key, family) % sizeof(u32) == 0);

#define ACL_HASH_MUL	0x9e3779b1u	/* 2^32 / the golden ratio */

static bool acl_key_eq(const struct acl_key *a, const struct acl_key *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/*
 * The hash of a key under a group's mask: only the words the mask keeps,
 * multiplied in; the top bits pick the bucket. The keys in a table are the
 * rules' (a packet only looks one up), so no seed is needed.
 */
static u32 acl_group_hash(const struct acl_group *grp, const u32 *k)
{
	const u32 *m = (const u32 *)&grp->mask;
	u32 h = 0;
	unsigned int i;

	for (i = 0; i < grp->nwords; i++) {
		unsigned int w = grp->word[i];

		h = (h + (k[w] & m[w])) * ACL_HASH_MUL;
	}
	return h;
}

static u32 acl_group_bucket(const struct acl_group *grp, u32 hash)
{
	return grp->first_bucket + (hash >> grp->hshift);
}

/* Highest priority first; equal ones by instance, for a stable order. */
static int acl_rule_cmp(const void *a, const void *b)
{
	const struct acl_rule *x = *(struct acl_rule * const *)a;
	const struct acl_rule *y = *(struct acl_rule * const *)b;

	if (x->prio != y->prio)
		return x->prio > y->prio ? -1 : 1;
	if (x->instance != y->instance)
		return x->instance < y->instance ? -1 : 1;
	return 0;
}

static void acl_cls_free(struct acl_cls *cls)
{
	kvfree(cls->groups);
	kvfree(cls->entries);
	kvfree(cls->buckets);
	memset(cls, 0, sizeof(*cls));
}

/* A new group for rules with @r's mask. */
static void acl_group_init(struct acl_group *grp, const struct acl_rule *r)
{
	const u32 *m = (const u32 *)&r->mask;
	unsigned int w;

	grp->mask = r->mask;
	grp->ranges = r->ranges;
	grp->max_prio = r->prio;
	for (w = 0; w < ACL_KEY_WORDS; w++)
		if (m[w])
			grp->word[grp->nwords++] = w;
	grp->meta_mask = m[ACL_META_WORD];
	grp->meta_value = ((const u32 *)&r->value)[ACL_META_WORD];
	grp->port_l_min = r->port_l_min;
	grp->port_l_max = r->port_l_max;
	grp->port_r_min = r->port_r_min;
	grp->port_r_max = r->port_r_max;
}

/*
 * @r joins the group: the meta bits all its rules agree on, and the span
 * of their port ranges, narrow what the group can match.
 */
static void acl_group_add(struct acl_group *grp, const struct acl_rule *r)
{
	u32 v = ((const u32 *)&r->value)[ACL_META_WORD];

	grp->meta_mask &= ~(grp->meta_value ^ v);
	grp->meta_value &= grp->meta_mask;
	grp->port_l_min = min(grp->port_l_min, r->port_l_min);
	grp->port_l_max = max(grp->port_l_max, r->port_l_max);
	grp->port_r_min = min(grp->port_r_min, r->port_r_min);
	grp->port_r_max = max(grp->port_r_max, r->port_r_max);
}

/* A classifier of @n rules, sorted by acl_rule_cmp(). */
static int acl_cls_build(struct acl_cls *cls, struct acl_rule **rules, u32 n)
{
	u32 *gidx = NULL, *count = NULL;
	u32 g, i, nbuckets = 0;

	memset(cls, 0, sizeof(*cls));
	if (!n)
		return 0;
	cls->groups = kvcalloc(n, sizeof(*cls->groups), GFP_KERNEL);
	cls->entries = kvcalloc(n, sizeof(*cls->entries), GFP_KERNEL);
	gidx = kvcalloc(n, sizeof(*gidx), GFP_KERNEL);
	count = kvcalloc(n, sizeof(*count), GFP_KERNEL);
	if (!cls->groups || !cls->entries || !gidx || !count)
		goto nomem;

	/* groups appear in the order of their best rule: highest first */
	for (i = 0; i < n; i++) {
		const struct acl_rule *r = rules[i];

		for (g = 0; g < cls->ngroups; g++)
			if (cls->groups[g].ranges == r->ranges &&
			    acl_key_eq(&cls->groups[g].mask, &r->mask))
				break;
		if (g == cls->ngroups) {
			acl_group_init(&cls->groups[g], r);
			cls->ngroups++;
		} else {
			acl_group_add(&cls->groups[g], r);
		}
		gidx[i] = g;
		count[g]++;
	}
	for (g = 0; g < cls->ngroups; g++) {
		u32 size = roundup_pow_of_two(count[g] * 2);

		cls->groups[g].hshift = 32 - ilog2(size);
		cls->groups[g].first_bucket = nbuckets;
		nbuckets += size;
	}
	cls->buckets = kvmalloc_array(nbuckets, sizeof(*cls->buckets), GFP_KERNEL);
	if (!cls->buckets)
		goto nomem;
	for (i = 0; i < nbuckets; i++)
		cls->buckets[i] = ACL_NONE;

	/* lowest priority first, each at the head: chains end highest first */
	for (i = n; i-- > 0;) {
		const struct acl_group *grp = &cls->groups[gidx[i]];
		struct acl_entry *e = &cls->entries[i];
		u32 *head;

		e->key = rules[i]->value;
		e->prio = rules[i]->prio;
		e->rule = rules[i];
		head = &cls->buckets[acl_group_bucket(grp, acl_group_hash(grp, (u32 *)&e->key))];
		e->next = *head;
		*head = i;
	}
	kvfree(gidx);
	kvfree(count);
	return 0;

nomem:
	kvfree(gidx);
	kvfree(count);
	acl_cls_free(cls);
	return -ENOMEM;
}

/* Whether any rule of the group can match @key, before hashing it. */
static bool acl_group_may_match(const struct acl_group *grp, const u32 *k,
				const struct acl_key *key)
{
	if ((k[ACL_META_WORD] & grp->meta_mask) != grp->meta_value)
		return false;
	return !grp->ranges ||
	       (key->port_l >= grp->port_l_min && key->port_l <= grp->port_l_max &&
		key->port_r >= grp->port_r_min && key->port_r <= grp->port_r_max);
}

/* An entry of @grp matches @key (@k: its words). */
static bool acl_entry_match(const struct acl_entry *e, const struct acl_group *grp,
			    const u32 *k, const struct acl_key *key)
{
	const u32 *m = (const u32 *)&grp->mask;
	const u32 *v = (const u32 *)&e->key;
	unsigned int i;

	for (i = 0; i < grp->nwords; i++) {
		unsigned int w = grp->word[i];

		if ((k[w] & m[w]) != v[w])
			return false;
	}
	return (!grp->ranges || acl_rule_ports_in(e->rule, key)) &&
	       !READ_ONCE(e->rule->dead);
}

static u32 acl_cls_head(const struct acl_cls *cls, const struct acl_group *grp, const u32 *k)
{
	return cls->buckets[acl_group_bucket(grp, acl_group_hash(grp, k))];
}

/**
 * acl_cls_best() - the rule of highest priority that matches a key
 * @cls: the classifier
 * @key: the packet's key
 *
 * Return: the rule, or NULL when none matches.
 */
struct acl_rule *acl_cls_best(const struct acl_cls *cls, const struct acl_key *key)
{
	const u32 *k = (const u32 *)key;
	const struct acl_entry *best = NULL;
	u32 g, i;

	for (g = 0; g < cls->ngroups; g++) {
		const struct acl_group *grp = &cls->groups[g];

		if (best && grp->max_prio <= best->prio)
			break;
		if (!acl_group_may_match(grp, k, key))
			continue;
		for (i = acl_cls_head(cls, grp, k); i != ACL_NONE; i = cls->entries[i].next) {
			const struct acl_entry *e = &cls->entries[i];

			if (best && e->prio <= best->prio)
				break;
			if (acl_entry_match(e, grp, k, key)) {
				best = e;
				break;
			}
		}
	}
	return best ? best->rule : NULL;
}

/**
 * acl_cls_each() - call @fn for every rule that matches a key
 * @cls: the classifier
 * @key: the packet's key
 * @fn: called for each
 * @arg: its argument
 */
void acl_cls_each(const struct acl_cls *cls, const struct acl_key *key,
		  acl_match_fn fn, void *arg)
{
	const u32 *k = (const u32 *)key;
	u32 g, i;

	for (g = 0; g < cls->ngroups; g++) {
		const struct acl_group *grp = &cls->groups[g];

		if (!acl_group_may_match(grp, k, key))
			continue;
		for (i = acl_cls_head(cls, grp, k); i != ACL_NONE; i = cls->entries[i].next)
			if (acl_entry_match(&cls->entries[i], grp, k, key))
				fn(cls->entries[i].rule, arg);
	}
}

void acl_set_free(struct acl_set *set)
{
	int d;

	if (!set)
		return;
	for (d = 0; d < ACL_NDIRS; d++) {
		acl_cls_free(&set->pacl[d]);
		acl_cls_free(&set->meter[d]);
		acl_cls_free(&set->xacl[d]);
	}
	kfree(set);
}

static void acl_set_free_cb(struct rcu_head *head)
{
	acl_set_free(container_of(head, struct acl_set, rcu));
}

/* Free a set once no reader can hold it any more. */
void acl_set_free_rcu(struct acl_set *set)
{
	if (set)
		call_rcu(&set->rcu, acl_set_free_cb);
}

/* Which classifier of a set a rule belongs to. */
static struct acl_cls *acl_set_cls(struct acl_set *set, const struct acl_rule *r, int dir)
{
	if (r->kind == ACL_KIND_EXT)
		return &set->xacl[dir];
	if (r->action == HVNET_ACL_ACTION_METER)
		return &set->meter[dir];
	return &set->pacl[dir];
}

/**
 * acl_set_build() - compile a port's rules
 * @rules: struct acl_rule by node; dead ones are left out
 *
 * Return: the set, or an ERR_PTR() (-ENOMEM). The rules must outlive it.
 */
struct acl_set *acl_set_build(struct list_head *rules)
{
	struct acl_rule **sel = NULL, *r;
	struct acl_set *set;
	u32 total = 0, n;
	int d, c;

	set = kzalloc(sizeof(*set), GFP_KERNEL);
	if (!set)
		return ERR_PTR(-ENOMEM);
	list_for_each_entry(r, rules, node)
		total++;
	if (total) {
		sel = kvmalloc_array(total, sizeof(*sel), GFP_KERNEL);
		if (!sel)
			goto nomem;
	}
	for (d = 0; d < ACL_NDIRS; d++) {
		struct acl_cls *cls[] = { &set->pacl[d], &set->meter[d], &set->xacl[d] };

		for (c = 0; c < ARRAY_SIZE(cls); c++) {
			n = 0;
			list_for_each_entry(r, rules, node)
				if (!r->dead && (r->dirs & BIT(d)) &&
				    acl_set_cls(set, r, d) == cls[c])
					sel[n++] = r;
			sort(sel, n, sizeof(*sel), acl_rule_cmp, NULL);
			if (acl_cls_build(cls[c], sel, n))
				goto nomem;
		}
	}
	list_for_each_entry(r, rules, node)
		if (!r->dead && r->stateful)
			set->stateful = true;
	kvfree(sel);
	return set;

nomem:
	kvfree(sel);
	acl_set_free(set);
	return ERR_PTR(-ENOMEM);
}
