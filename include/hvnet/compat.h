/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where hvnet bridges differences between the kernels it
 * supports (Linux 6.1 LTS and 6.12 LTS). Keep it tiny.
 */
#ifndef _HVNET_COMPAT_H
#define _HVNET_COMPAT_H

#include <linux/version.h>
#include <linux/netdevice.h>
#include <net/genetlink.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>	/* skb_gso_validate_network_len(), in skbuff.h before */
#endif

/*
 * The generated netlink code (*_gen.c) is written for 6.2's split ops: an
 * entry per do and per dump, each with its own policy. 6.1 has one
 * genl_ops per command: there the tables are typed as genl_ops, and
 * hvnet_genl_register() folds them, one entry per command. 6.1's policies
 * also point at non-const ranges, which the generated ones are not.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define HVNET_GENL_FOLD_OPS
#define genl_split_ops	genl_ops
#define split_ops	ops
#define n_split_ops	n_ops
#undef NLA_POLICY_FULL_RANGE
#define NLA_POLICY_FULL_RANGE(tp, _range) {				\
	.type = NLA_ENSURE_UINT_OR_BINARY_TYPE(tp),			\
	.validation_type = NLA_VALIDATE_RANGE_PTR,			\
	.range = (struct netlink_range_validation *)(_range),		\
}
#endif

/* The parsed request attributes of a dump: 6.2 moved them into a genl_info. */
static inline struct nlattr **hvnet_dump_attrs(struct netlink_callback *cb)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/*
 * Lockless transmit and a netdev bound to its namespace: feature flags on
 * 6.1, private flags (lltx, netns_immutable) on 6.12.
 */
static inline void hvnet_netdev_set_lltx_netns_local(struct net_device *dev)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
	dev->lltx = true;
	dev->netns_immutable = true;
#else
	dev->features |= NETIF_F_LLTX | NETIF_F_NETNS_LOCAL;
#endif
}

/*
 * 6.1's extack has no room for a formatted message. There, every hvnet
 * family is serialized by the genetlink mutex (hvnet_genl_register() in
 * hvnet/genl.h clears parallel_ops) and the ACK is built before that mutex
 * is dropped, so a static buffer per call site is safe.
 */
#ifndef NL_SET_ERR_MSG_FMT
#define NL_SET_ERR_MSG_FMT(extack, fmt, args...) do {			\
	struct netlink_ext_ack *__extack = (extack);			\
	static char __buf[80];						\
									\
	if (__extack) {							\
		snprintf(__buf, sizeof(__buf), fmt, ##args);		\
		__extack->_msg = __buf;					\
	}								\
} while (0)
#endif

/*
 * Where BPF helpers keep redirect state: a context of the task since 6.11,
 * which the core sets around its own hooks (and a helper expects), per CPU
 * before. Set one around a program run unless the task has one already.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#include <linux/filter.h>

struct hvnet_bpf_net_ctx {
	struct bpf_net_context ctx;
	struct bpf_net_context *set;
};

static inline void hvnet_bpf_net_ctx_enter(struct hvnet_bpf_net_ctx *c)
{
	c->set = bpf_net_ctx_set(&c->ctx);
}

static inline void hvnet_bpf_net_ctx_leave(struct hvnet_bpf_net_ctx *c)
{
	bpf_net_ctx_clear(c->set);
}
#else
struct hvnet_bpf_net_ctx {
	int unused;
};

static inline void hvnet_bpf_net_ctx_enter(struct hvnet_bpf_net_ctx *c) {}
static inline void hvnet_bpf_net_ctx_leave(struct hvnet_bpf_net_ctx *c) {}
#endif

#endif /* _HVNET_COMPAT_H */
