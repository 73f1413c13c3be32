/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vswitch.ko internals: the objects (switch, port, NIC, forwarding table)
 * and the functions the files of the module offer each other.
 *
 * Locking (see main.c): configuration holds vswitch_mutex (after RTNL where
 * netdevs are touched); the data path reads every object under RCU.
 */
#ifndef _VSWITCH_VSWITCH_H
#define _VSWITCH_VSWITCH_H

#include <linux/if_ether.h>
#include <linux/if_vlan.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/hvnet_vswitch.h>
#include <hvnet/compat.h>
#include <hvnet/vswitch.h>
#include <hvnet/vswitch_ext.h>

extern struct mutex vswitch_mutex;

#define vswitch_deref(p) rcu_dereference_protected(p, lockdep_is_held(&vswitch_mutex))

/* Why a frame was dropped; each has a stats attribute. */
enum vswitch_drop {
	VSWITCH_DROP_STATE,
	VSWITCH_DROP_VLAN,
	VSWITCH_DROP_NO_DEST,
	VSWITCH_DROP_MTU,
	VSWITCH_DROP_LEARN_LIMIT,
	VSWITCH_DROP_NOMEM,
	VSWITCH_DROP_MALFORMED,
	VSWITCH_DROP_MAC_GUARD,
	VSWITCH_DROP_DHCP_GUARD,
	VSWITCH_DROP_ROUTER_GUARD,
	VSWITCH_DROP_STORM,
	VSWITCH_DROP_EXT,
	VSWITCH_DROP_PVLAN,
	VSWITCH_DROP_SRC_MAC,
	VSWITCH_DROP_LINK_LOCAL,
	__VSWITCH_DROP_MAX
};

/* Per-CPU counters of a switch, port or NIC. */
struct vswitch_stats {
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t flooded;
	u64_stats_t drops[__VSWITCH_DROP_MAX];
	struct u64_stats_sync syncp;
};

/* Summed over CPUs, for netlink and ndo_get_stats64. */
struct vswitch_stats_sum {
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
	u64 flooded;
	u64 drops[__VSWITCH_DROP_MAX];
};

struct vswitch_stats __percpu *vswitch_stats_alloc(void);
void vswitch_stats_sum(struct vswitch_stats __percpu *stats, struct vswitch_stats_sum *sum);
void vswitch_stats_rx(struct vswitch_stats __percpu *stats, unsigned int len);
void vswitch_stats_tx(struct vswitch_stats __percpu *stats, unsigned int len);
void vswitch_stats_flood(struct vswitch_stats __percpu *stats);
void vswitch_stats_drop(struct vswitch_stats __percpu *stats, enum vswitch_drop why);

/*
 * What the extensions dropped or excluded at a port, by extension slot,
 * action and reason (per CPU).
 */
#define VSWITCH_EXT_NREASONS	(VSWITCH_EXT_REASON_REPLACED + 1)
#define VSWITCH_EXT_NACTIONS	(VSWITCH_EXT_ACTION_EXCLUDED + 1)

struct vswitch_ext_port_stats {
	u64_stats_t n[VSWITCH_EXT_MAX][VSWITCH_EXT_NACTIONS][VSWITCH_EXT_NREASONS];
	struct u64_stats_sync syncp;
};

/* Counters of an extension on one switch (per CPU), in ext-stats order. */
enum vswitch_ext_stat {
	VSWITCH_EXT_STAT_INGRESS,
	VSWITCH_EXT_STAT_EGRESS,
	VSWITCH_EXT_STAT_FORWARDED,
	VSWITCH_EXT_STAT_DROPPED,
	VSWITCH_EXT_STAT_EXCLUDED,
	VSWITCH_EXT_STAT_ADDED,
	VSWITCH_EXT_STAT_ORIGINATED,
	VSWITCH_EXT_STAT_REFUSED,
	VSWITCH_EXT_NSTATS
};

struct vswitch_ext_stats {
	u64_stats_t n[VSWITCH_EXT_NSTATS];
	struct u64_stats_sync syncp;
};

/* VLAN settings of a port, replaced whole under RCU (vlan.c). */
struct vswitch_vlan {
	enum vswitch_vlan_mode mode;
	u16 access_vid;			/* access; private: the primary VLAN */
	u16 native_vid;
	enum vswitch_pvlan_mode pvlan;	/* private */
	u16 secondary_vid;		/* private: community or isolated VLAN */
	unsigned long trunk[BITS_TO_LONGS(VLAN_N_VID)];
	struct rcu_head rcu;
};

void vswitch_vlan_init_access(struct vswitch_vlan *v, u16 vid);
void vswitch_vlan_init_trunk_all(struct vswitch_vlan *v, u16 native);
bool vswitch_vlan_ingress(const struct vswitch_vlan *v, bool tagged, u16 tag_vid, u16 *vid);
bool vswitch_vlan_egress(const struct vswitch_vlan *v, u16 vid, bool *tagged);
int vswitch_vlan_from_attrs(struct vswitch_vlan *v, struct nlattr **attrs,
			    struct netlink_ext_ack *extack);
int vswitch_vlan_fill(struct sk_buff *msg, const struct vswitch_vlan *v);

/* The forwarding table (fdb.c). */
struct vswitch_fdb_key {
	u8 addr[ETH_ALEN];
	u16 vid;
};

struct vswitch_fdb_entry {
	struct rhash_head node;
	struct vswitch_fdb_key key;
	struct vswitch_port __rcu *port;
	unsigned long updated;		/* jiffies */
	bool is_static;
	struct rcu_head rcu;
};

struct vswitch_fdb {
	struct rhashtable tbl;
	spinlock_t lock;		/* inserts, moves, removals */
	unsigned int learned;		/* dynamic entries, under lock */
	u32 limit;			/* 0: none */
	u32 ageing_ms;
	struct delayed_work gc;
};

int vswitch_fdb_module_init(void);
void vswitch_fdb_module_exit(void);
int vswitch_fdb_init(struct vswitch_fdb *fdb);
void vswitch_fdb_destroy(struct vswitch_fdb *fdb);
unsigned int vswitch_fdb_count(struct vswitch_fdb *fdb);
void vswitch_fdb_set_ageing(struct vswitch_fdb *fdb, u32 ms);
struct vswitch_fdb_entry *vswitch_fdb_lookup(struct vswitch_fdb *fdb, const u8 *addr, u16 vid);
int vswitch_fdb_learn(struct vswitch_fdb *fdb, struct vswitch_port *port, const u8 *addr, u16 vid);
int vswitch_fdb_add_static(struct vswitch_fdb *fdb, struct vswitch_port *port,
			   const u8 *addr, u16 vid);
int vswitch_fdb_del(struct vswitch_fdb *fdb, const u8 *addr, u16 vid);
void vswitch_fdb_flush(struct vswitch_fdb *fdb, struct vswitch_port *port, bool with_static);
void vswitch_fdb_age(struct vswitch_fdb *fdb);

/*
 * Hyper-V's safe defaults against a guest flooding the table with source
 * addresses: what a new port and a new switch learn at most.
 */
#define VSWITCH_PORT_LEARN_LIMIT_DEFAULT	1024
#define VSWITCH_LEARN_LIMIT_DEFAULT		65536
/* Reserved groups never forwarded: STP, MAC control (PAUSE), slow protocols (LACP) */
#define VSWITCH_GROUP_FWD_RESTRICTED		0x0007

/* A port's storm limit: broadcast and multicast frames per second (policy.c). */
struct vswitch_storm {
	u32 limit;			/* 0: none */
	spinlock_t lock;		/* the token bucket */
	u64 tokens;			/* in frames << 16 */
	u64 last;			/* ktime ns of the last refill */
};

/*
 * The binding of an extension to a switch (ext.c): every registered
 * extension has one on every switch, enabled or not.
 */
struct vswitch_ext_ctx {
	struct list_head sw_node;	/* on sw->exts, in chain order */
	struct vswitch *sw;
	struct vswitch_ext *ext;
	bool enabled;
	void *priv;
	struct vswitch_ext_stats __percpu *stats;
};

/* The enabled extensions of a switch in ingress order, replaced whole under RCU. */
struct vswitch_chain {
	unsigned int n;
	struct rcu_head rcu;
	struct vswitch_ext_ctx *ctx[];
};

/* A custom property of a port or of the switch (prop.c). */
struct vswitch_prop {
	struct list_head node;
	u32 id;
	u32 instance;
	u32 version;
	u32 len;
	u8 data[];
};

/* Most properties one port (or the switch itself) holds. */
#define VSWITCH_PROPS_MAX	4096

struct vswitch {
	u32 id;
	refcount_t refs;		/* the switch's own, and each FDB dump's */
	char name[VSWITCH_NAME_LEN];
	enum vswitch_switch_type type;
	struct xarray ports;		/* id -> port; ids from 1 */
	u32 next_port_id;		/* where the cyclic id allocation goes on */
	unsigned int nports;
	struct list_head nics;		/* connected NICs, RCU */
	struct vswitch_port *external;	/* the external port, if any */
	struct vswitch_port *internal;	/* the internal port, if any */
	int uplink_ifindex;		/* what the external NIC is bound to */
	char internal_ifname[IFNAMSIZ];
	struct vswitch_fdb fdb;
	struct list_head exts;		/* bindings, in chain order */
	struct vswitch_chain __rcu *chain;	/* the enabled ones; NULL: none */
	struct vswitch_chain *chain_buf[2];	/* the chain's storage, taking turns */
	unsigned long chain_gp[2];	/* grace period a buffer's readers end with */
	u8 chain_next;			/* the buffer the next publication fills */
	struct list_head props;		/* the switch's own properties */
	unsigned int nprops;
	unsigned int nmirrors;		/* ports in mirror mode destination */
	u16 group_fwd_mask;		/* 802.1D reserved groups it forwards */
	struct vswitch_stats __percpu *stats;
	struct rcu_head rcu;
};

struct vswitch_port {
	struct vswitch *sw;
	u32 id;
	char name[VSWITCH_NAME_LEN];
	enum vswitch_port_type type;
	enum vswitch_port_state state;
	struct vswitch_vlan __rcu *vlan;
	u32 learn_limit;		/* 0: none */
	atomic_t learned;
	u8 guards;			/* VSWITCH_GUARD_* */
	bool trusted;			/* its frames keep their 802.1p priority */
	bool mac_guard_set;		/* the MAC guard was set, not defaulted */
	bool offered;			/* the extensions accepted its creation */
	enum vswitch_mirror_mode mirror;
	struct vswitch_storm storm;
	struct vswitch_nic __rcu *nics[VSWITCH_MAX_NIC_INDEX + 1];
	struct list_head props;
	unsigned int nprops;
	struct vswitch_stats __percpu *stats;
	struct vswitch_ext_port_stats __percpu *ext_stats;
	struct rcu_head rcu;
};

struct vswitch_nic {
	struct list_head sw_node;	/* on sw->nics while connected */
	struct vswitch_port *port;
	u8 index;
	enum vswitch_nic_type type;
	enum vswitch_nic_state state;
	struct net_device *dev;		/* emulated, external, internal */
	const struct vswitch_nic_ops *ops;	/* synthetic */
	void *priv;
	u8 mac[ETH_ALEN];
	u32 mtu;
	bool mtu_set;			/* administratively set, not the netdev's */
	bool mac_set;			/* given, not the netdev's: the guest's own */
	bool offered;			/* the extensions accepted its creation */
	struct vswitch_stats __percpu *stats;
	struct rcu_head rcu;
};

/* Built-in port policies of ingress (guard.c) */
#define VSWITCH_GUARD_MAC	BIT(0)
#define VSWITCH_GUARD_DHCP	BIT(1)
#define VSWITCH_GUARD_ROUTER	BIT(2)

int vswitch_guard_check(u8 guards, const struct vswitch_nic *nic, struct sk_buff *skb);

/*
 * The forwarding detail of a packet on its way through a switch (chain.c):
 * where it came from and where it goes. It lives on the stack of the
 * ingress call; extensions see it through the accessors of vswitch_ext.h.
 */
struct vswitch_fwd_dest {
	struct vswitch_nic *nic;
	u16 port;
	u8 index;
	u8 flags;			/* VSWITCH_DEST_* */
	bool tagged;			/* leaves with a VLAN tag */
};

#define VSWITCH_FWD_INLINE	8

enum vswitch_fwd_phase {
	VSWITCH_PHASE_NONE,
	VSWITCH_PHASE_INGRESS,
	VSWITCH_PHASE_FORWARD,
	VSWITCH_PHASE_EGRESS,
};

struct vswitch_fwd {
	struct vswitch *sw;
	struct vswitch_port *src;	/* NULL: port 0, made by an extension */
	struct vswitch_nic *src_nic;
	struct vswitch_ext_ctx *cur;	/* the extension being called */
	u16 src_port;
	u8 src_index;
	u8 phase;
	u16 vid;
	u16 pcp;			/* 802.1p bits in TCI position */
	u16 orig_pcp;			/* the frame's own, before the port's rules */
	u8 why;				/* reason of the drop being returned */
	u16 first;			/* chain index the packet entered at */
	u16 ndest;
	u16 cap;
	struct vswitch_fwd_dest *dest;
	struct vswitch_fwd_dest inline_dest[VSWITCH_FWD_INLINE];
};

void vswitch_fwd_init(struct vswitch_fwd *fwd, struct vswitch *sw);
void vswitch_fwd_release(struct vswitch_fwd *fwd);
int vswitch_fwd_push(struct vswitch_fwd *fwd, struct vswitch_nic *nic, u8 flags);
bool vswitch_fwd_has(const struct vswitch_fwd *fwd, const struct vswitch_nic *nic);
bool vswitch_chain_ingress(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			   unsigned int first, struct sk_buff *skb);
bool vswitch_chain_forward(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			   unsigned int first, struct sk_buff *skb);
bool vswitch_chain_egress(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			  struct sk_buff *skb);
void vswitch_ext_count(struct vswitch_port *port, const struct vswitch_ext_ctx *ctx,
		       enum vswitch_ext_action action, u8 why);

/* Extensions (ext.c) */
int vswitch_ext_bind_all(struct vswitch *sw);
void vswitch_ext_unbind_all(struct vswitch *sw);
struct vswitch_ext_ctx *vswitch_ext_find(struct vswitch *sw, const char *name);
int vswitch_ext_enable(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack);
void vswitch_ext_disable(struct vswitch_ext_ctx *ctx);
int vswitch_ext_move(struct vswitch_ext_ctx *ctx, unsigned int pos,
		     struct netlink_ext_ack *extack);
unsigned int vswitch_ext_position(const struct vswitch_ext_ctx *ctx);
void vswitch_ext_stats_sum(const struct vswitch_ext_ctx *ctx, u64 sum[VSWITCH_EXT_NSTATS]);
struct vswitch_ext *vswitch_ext_by_slot(unsigned int slot);

/* The control path offered to the enabled extensions (ext_ctl.c) */
int vswitch_ext_port_create(struct vswitch_port *port, struct netlink_ext_ack *extack);
void vswitch_ext_port_teardown(struct vswitch_port *port);
void vswitch_ext_port_delete(struct vswitch_port *port);
int vswitch_ext_nic_create(struct vswitch_nic *nic, struct netlink_ext_ack *extack);
void vswitch_ext_nic_event(struct vswitch_nic *nic, enum vswitch_nic_state to);
void vswitch_ext_nic_update(struct vswitch_nic *nic);
int vswitch_ext_prop_add(struct vswitch *sw, u16 port_id, const struct vswitch_prop *prop,
			 struct netlink_ext_ack *extack);
int vswitch_ext_prop_update(struct vswitch *sw, u16 port_id, const struct vswitch_prop *old,
			    const struct vswitch_prop *prop, struct netlink_ext_ack *extack);
void vswitch_ext_prop_delete(struct vswitch *sw, u16 port_id, const struct vswitch_prop *prop);
int vswitch_ext_replay(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack);
void vswitch_ext_nic_info(const struct vswitch_nic *nic, struct vswitch_ext_nic *info);

/* Custom properties (prop.c) */
struct vswitch_prop *vswitch_prop_find(struct list_head *props, u32 id, u32 instance);
int vswitch_prop_add(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
		     u32 version, const void *data, u32 len, struct netlink_ext_ack *extack);
int vswitch_prop_update(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
			u32 version, const void *data, u32 len, struct netlink_ext_ack *extack);
int vswitch_prop_del(struct vswitch *sw, struct vswitch_port *port, u32 id, u32 instance,
		     struct netlink_ext_ack *extack);
void vswitch_prop_del_all(struct vswitch *sw, struct vswitch_port *port);

/* Built-in policies of ingress and egress (policy.c) */
bool vswitch_storm_allow(struct vswitch_storm *storm);
void vswitch_storm_set(struct vswitch_storm *storm, u32 limit);
bool vswitch_pvlan_allowed(const struct vswitch_vlan *from, const struct vswitch_vlan *to);
void vswitch_mirror_add(struct vswitch_fwd *fwd);

/* State machines (state.c) */
bool vswitch_port_state_allowed(enum vswitch_port_state from, enum vswitch_port_state to);
bool vswitch_nic_state_allowed(enum vswitch_nic_state from, enum vswitch_nic_state to);
const char *vswitch_port_state_name(enum vswitch_port_state s);
const char *vswitch_nic_state_name(enum vswitch_nic_state s);

/* Switches (switch.c) */
struct vswitch *vswitch_find(u32 id, const char *name);
struct vswitch *vswitch_create(const char *name, enum vswitch_switch_type type,
			       struct net_device *uplink, const char *internal_ifname,
			       struct netlink_ext_ack *extack);
void vswitch_destroy(struct vswitch *sw);
void vswitch_put(struct vswitch *sw);
void vswitch_destroy_all(void);
extern struct xarray vswitch_switches;
extern u32 vswitch_generation;

/* Ports (port.c) */
struct vswitch_port *vswitch_port_find(struct vswitch *sw, u32 id, const char *name);
struct vswitch_port *vswitch_port_create(struct vswitch *sw, const char *name,
					 enum vswitch_port_type type,
					 struct netlink_ext_ack *extack);
int vswitch_port_may_delete(struct vswitch_port *port, struct netlink_ext_ack *extack);
void vswitch_port_destroy(struct vswitch_port *port);
void vswitch_port_set_vlan(struct vswitch_port *port, struct vswitch_vlan *vlan);
void vswitch_port_set_mirror(struct vswitch_port *port, enum vswitch_mirror_mode mode);

/* NICs (nic.c) */
struct vswitch_nic *vswitch_nic_alloc(struct vswitch_port *port, u8 index,
				      enum vswitch_nic_type type,
				      struct netlink_ext_ack *extack);
int vswitch_nic_attach_dev(struct vswitch_nic *nic, struct net_device *dev,
			   struct netlink_ext_ack *extack);
int vswitch_nic_publish(struct vswitch_nic *nic, struct netlink_ext_ack *extack);
int vswitch_nic_do_connect(struct vswitch_nic *nic, struct netlink_ext_ack *extack);
int vswitch_nic_do_disconnect(struct vswitch_nic *nic, struct netlink_ext_ack *extack);
int vswitch_nic_do_delete(struct vswitch_nic *nic, struct netlink_ext_ack *extack);
void vswitch_nic_destroy(struct vswitch_nic *nic);
struct vswitch_nic *vswitch_nic_by_dev(const struct net_device *dev);
int vswitch_netdev_notifier_register(void);
void vswitch_netdev_notifier_unregister(void);

/* The internal NIC's netdev (internal_dev.c) */
struct net_device *vswitch_internal_dev_create(const char *name, struct netlink_ext_ack *extack);
void vswitch_internal_dev_bind(struct net_device *dev, struct vswitch_nic *nic);
void vswitch_internal_dev_destroy(struct net_device *dev);
bool vswitch_is_internal_dev(const struct net_device *dev);
struct vswitch_nic *vswitch_internal_dev_nic(const struct net_device *dev);

/* The packet's way (input.c, forward.c) */
rx_handler_result_t vswitch_handle_frame(struct sk_buff **pskb);
void vswitch_ingress(struct vswitch_nic *nic, struct sk_buff *skb);
void vswitch_ingress_ext(struct vswitch_ext_ctx *from, struct sk_buff *skb, u16 vid);
void vswitch_forward(struct vswitch_fwd *fwd, struct sk_buff *skb);

/* Netlink (netlink.c and nl_*.c) */
int vswitch_netlink_init(void);
void vswitch_netlink_exit(void);

#endif /* _VSWITCH_VSWITCH_H */
