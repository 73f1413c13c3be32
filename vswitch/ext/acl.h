/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The acl extension's pieces (vswitch_acl.ko):
 *   acl_rule.c  a property's bytes -> a validated rule (and its counters)
 *   acl_cls.c   a port's rules -> its compiled, immutable rule set, and
 *               the lookups of the data path
 *   acl_pkt.c   a frame -> its key (the fields rules match)
 *   acl_flow.c  the sessions of stateful extended rules
 *   acl_nl.c    the vswitch_acl generic netlink family (counters, sessions)
 *   acl.c       the extension: its ops, per-switch and per-port state
 * acl_rule.c, acl_cls.c and acl_pkt.c call nothing of the switch: the KUnit
 * suite (acl_kunit.c) compiles them in.
 */
#ifndef _VSWITCH_EXT_ACL_H
#define _VSWITCH_EXT_ACL_H

#include <linux/if_ether.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/hvnet_ext_acl.h>
#include <uapi/linux/hvnet_vswitch.h>

struct vswitch_ext_prop;

/* Directions as indexes: in = to the port, out = from the port. */
enum acl_dir {
	ACL_IN,
	ACL_OUT,
	ACL_NDIRS,
};

/*
 * What rules match, seen from one port: local is the port's side of the
 * packet (the source when it leaves the port, the destination when it
 * arrives), remote the other side. Compared and hashed as 32-bit words.
 */
struct acl_key {
	u8 mac_l[ETH_ALEN];
	u8 mac_r[ETH_ALEN];
	u8 family;		/* 4, 6, or 0: not IP */
	u8 proto;		/* IP protocol */
	u8 flags;		/* ACL_KEY_* */
	u8 pad;
	__be32 ip_l[4];		/* IPv4 in word 0 */
	__be32 ip_r[4];
	u16 port_l;		/* TCP, UDP or SCTP ports, host order */
	u16 port_r;
};

#define ACL_KEY_WORDS	(sizeof(struct acl_key) / sizeof(u32))
/* port_l and port_r were read from the transport header */
#define ACL_KEY_PORTS	BIT(0)
/* an IP packet whose headers could not be read up to its transport header */
#define ACL_KEY_UNPARSED	BIT(1)

enum acl_kind {
	ACL_KIND_PORT,		/* a port ACL: property HVNET_ACL_PROP_ID */
	ACL_KIND_EXT,		/* an extended ACL: HVNET_XACL_PROP_ID */
};

struct acl_rule_stats {
	u64_stats_t packets;
	u64_stats_t bytes;
	struct u64_stats_sync syncp;
};

/**
 * struct acl_rule - one rule, parsed from its property
 * @node: in its port's list of rules
 * @rcu: frees it a grace period after its last reference went
 * @ref: its port's, and one per session it opened
 * @dead: deleted; a published rule set may still hold it, matching nothing
 * @kind: enum acl_kind
 * @dirs: BIT(ACL_IN) and/or BIT(ACL_OUT)
 * @action: enum hvnet_acl_action
 * @stateful: an extended allow that opens sessions
 * @ranges: a port range is checked apart from the key
 * @instance: the property's instance
 * @prio: higher is evaluated first (see acl_rule.c)
 * @timeout: idle timeout of its sessions, jiffies
 * @value: the key fields it matches, under @mask
 * @mask: which bits of the key it matches
 * @port_l_min: local port range, when @ranges
 * @port_l_max: its end
 * @port_r_min: remote port range, when @ranges
 * @port_r_max: its end
 * @flows: sessions it holds open
 * @stats: per-CPU packets and bytes it decided or metered
 * @conf: the property's data, as given
 */
struct acl_rule {
	struct list_head node;
	struct rcu_head rcu;
	refcount_t ref;
	bool dead;
	u8 kind;
	u8 dirs;
	u8 action;
	bool stateful;
	bool ranges;
	u32 instance;
	u32 prio;
	unsigned long timeout;
	struct acl_key value;
	struct acl_key mask;
	u16 port_l_min;
	u16 port_l_max;
	u16 port_r_min;
	u16 port_r_max;
	atomic_t flows;
	struct acl_rule_stats __percpu *stats;
	union {
		struct hvnet_acl_rule acl;
		struct hvnet_xacl_rule xacl;
	} conf;
};

/* acl_rule.c */
struct acl_rule *acl_rule_parse(const struct vswitch_ext_prop *prop,
				struct netlink_ext_ack *extack);
void acl_rule_put(struct acl_rule *rule);
bool acl_rule_match(const struct acl_rule *rule, const struct acl_key *key);
bool acl_rule_ports_in(const struct acl_rule *rule, const struct acl_key *key);
void acl_rule_count(struct acl_rule *rule, unsigned int len);
void acl_rule_read(const struct acl_rule *rule, u64 *packets, u64 *bytes);

/* One rule of a compiled classifier; chains of a bucket are by priority. */
struct acl_entry {
	struct acl_key key;	/* the rule's value, under its group's mask */
	u32 prio;
	u32 next;		/* the next entry of the bucket, or ACL_NONE */
	struct acl_rule *rule;
};

#define ACL_NONE	U32_MAX

/**
 * struct acl_group - the rules that share one mask: a hash table of their values
 * @mask: the mask
 * @max_prio: the priority of its best rule
 * @first_bucket: its buckets' place in acl_cls.buckets
 * @hshift: 32 - log2(buckets): the hash's top bits pick the bucket
 * @nwords: how many words of a key @mask keeps...
 * @word: ...and which, the only ones hashed and compared
 * @ranges: its rules check port ranges too
 * @meta_mask: the bits of the family, protocol and flags word that all its
 *	rules match and agree on...
 * @meta_value: ...and their value: a key without it cannot match
 * @port_l_min: with @ranges, the span of the local port ranges...
 * @port_l_max: ...its end
 * @port_r_min: the span of the remote port ranges...
 * @port_r_max: ...its end
 */
struct acl_group {
	struct acl_key mask;
	u32 max_prio;
	u32 first_bucket;
	u8 hshift;
	u8 nwords;
	u8 word[ACL_KEY_WORDS];
	bool ranges;
	u32 meta_mask;
	u32 meta_value;
	u16 port_l_min;
	u16 port_l_max;
	u16 port_r_min;
	u16 port_r_max;
};

/**
 * struct acl_cls - a compiled classifier: tuple space search
 * @ngroups: groups, by their highest priority, highest first
 * @groups: the groups
 * @entries: one per rule
 * @buckets: every group's buckets: the first entry of each chain
 *
 * A lookup visits the groups in order and stops at the first group whose
 * best rule cannot beat the match it holds; in each it hashes the key
 * under the group's mask once. Rules sharing a mask (all /32 remote
 * prefixes, all rules on one TCP port) cost one hash lookup together.
 */
struct acl_cls {
	u32 ngroups;
	struct acl_group *groups;
	struct acl_entry *entries;
	u32 *buckets;
};

/* A port's rules, compiled; published with RCU, never changed. */
struct acl_set {
	struct rcu_head rcu;
	struct acl_cls pacl[ACL_NDIRS];		/* port ACLs: allow, deny */
	struct acl_cls meter[ACL_NDIRS];	/* port ACLs: meter */
	struct acl_cls xacl[ACL_NDIRS];		/* extended ACLs */
	bool stateful;				/* a stateful rule exists */
};

/* acl_cls.c */
struct acl_set *acl_set_build(struct list_head *rules);
void acl_set_free(struct acl_set *set);
void acl_set_free_rcu(struct acl_set *set);
struct acl_rule *acl_cls_best(const struct acl_cls *cls, const struct acl_key *key);
typedef void (*acl_match_fn)(struct acl_rule *rule, void *arg);
void acl_cls_each(const struct acl_cls *cls, const struct acl_key *key,
		  acl_match_fn fn, void *arg);

static inline bool acl_cls_empty(const struct acl_cls *cls)
{
	return !cls->ngroups;
}

/* acl_pkt.c */
void acl_key_parse(const struct sk_buff *skb, struct acl_key *out);
void acl_key_reverse(const struct acl_key *key, struct acl_key *rev);

/* A session of a stateful rule, from one port's point of view. */
struct acl_flow_key {
	u16 port;
	u8 family;
	u8 proto;
	__be32 ip_l[4];
	__be32 ip_r[4];
	u16 port_l;
	u16 port_r;
};

/**
 * struct acl_flows - a switch's session table
 * @table: struct acl_flow by struct acl_flow_key
 * @count: sessions in @table
 * @limit: most sessions at once
 * @refused: sessions not opened: the table was full or memory short
 * @gc: expires idle sessions while there are any
 */
struct acl_flows {
	struct rhashtable table;
	atomic_t count;
	unsigned int limit;
	atomic64_t refused;
	struct delayed_work gc;
};

/**
 * struct acl_flow_info - a session, as a dump shows it
 * @key: its key
 * @instance: the rule that opened it
 * @dir: the direction of the packet that opened it (enum acl_dir)
 * @expires: jiffies until it expires
 * @packets: its packets so far
 */
struct acl_flow_info {
	struct acl_flow_key key;
	u32 instance;
	u8 dir;
	unsigned long expires;
	u64 packets;
};

/* acl_flow.c */
int acl_flows_init(struct acl_flows *flows, unsigned int limit);
void acl_flows_destroy(struct acl_flows *flows);
bool acl_flow_hit(struct acl_flows *flows, u16 port, const struct acl_key *key);
void acl_flow_open(struct acl_flows *flows, u16 port, const struct acl_key *key,
		   struct acl_rule *rule, enum acl_dir dir);
void acl_flows_flush(struct acl_flows *flows, u16 port, const struct acl_rule *rule);
int acl_flows_walk(struct acl_flows *flows, u16 port, unsigned long skip,
		   int (*fn)(const struct acl_flow_info *info, void *arg), void *arg);

/**
 * struct acl_port - a port of a switch the extension is enabled on
 * @id: its id
 * @name: its name
 * @rules: its rules (struct acl_rule), by kind and instance
 * @retired: deleted rules the published set still holds (when no new set
 *	could be built); put once one is
 * @nrules: rules in @rules
 * @set: the rules compiled; NULL when it has none
 * @rcu: frees it after a grace period
 */
struct acl_port {
	u16 id;
	char name[VSWITCH_NAME_LEN];
	struct list_head rules;
	struct list_head retired;
	unsigned int nrules;
	struct acl_set __rcu *set;
	struct rcu_head rcu;
};

/**
 * struct acl_switch - the extension's state on one switch
 * @node: in acl_switches
 * @ctx: the switch's binding of the extension
 * @ports: struct acl_port by port id
 * @flows: the sessions of its stateful rules
 */
struct acl_switch {
	struct list_head node;
	struct vswitch_ext_ctx *ctx;
	struct xarray ports;
	struct acl_flows flows;
};

/* acl.c: what acl_nl.c reads, under acl_lock */
extern struct mutex acl_lock;
struct acl_switch *acl_switch_find(const char *name);
const char *acl_switch_name(const struct acl_switch *sw);

/* acl_nl.c */
int acl_nl_init(void);
void acl_nl_exit(void);

#endif /* _VSWITCH_EXT_ACL_H */
