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
#include <linux/rhashtable-types.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/hvnet_vswitch.h>
#include <hvnet/compat.h>
#include <hvnet/vswitch.h>

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

/* VLAN settings of a port, replaced whole under RCU (vlan.c). */
struct vswitch_vlan {
	enum vswitch_vlan_mode mode;
	u16 access_vid;
	u16 native_vid;
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

struct vswitch {
	u32 id;
	char name[VSWITCH_NAME_LEN];
	enum vswitch_switch_type type;
	struct xarray ports;		/* id -> port; ids from 1 */
	unsigned int nports;
	struct list_head nics;		/* connected NICs, RCU */
	struct vswitch_port *external;	/* the external port, if any */
	struct vswitch_port *internal;	/* the internal port, if any */
	int uplink_ifindex;		/* what the external NIC is bound to */
	char internal_ifname[IFNAMSIZ];
	struct vswitch_fdb fdb;
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
	struct vswitch_nic __rcu *nics[VSWITCH_MAX_NIC_INDEX + 1];
	struct vswitch_stats __percpu *stats;
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
	struct vswitch_stats __percpu *stats;
	struct rcu_head rcu;
};

/* Built-in port policies of ingress (guard.c) */
#define VSWITCH_GUARD_MAC	BIT(0)
#define VSWITCH_GUARD_DHCP	BIT(1)
#define VSWITCH_GUARD_ROUTER	BIT(2)

int vswitch_guard_check(u8 guards, const struct vswitch_nic *nic, struct sk_buff *skb);

/* The forwarding context of a frame inside the switch (skb->cb). */
struct vswitch_skb_cb {
	u32 src_port;
	u8 src_nic;
	u16 vid;
	u16 pcp;
};

#define VSWITCH_SKB_CB(skb) ((struct vswitch_skb_cb *)(skb)->cb)

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

/* NICs (nic.c) */
struct vswitch_nic *vswitch_nic_alloc(struct vswitch_port *port, u8 index,
				      enum vswitch_nic_type type,
				      struct netlink_ext_ack *extack);
int vswitch_nic_attach_dev(struct vswitch_nic *nic, struct net_device *dev,
			   struct netlink_ext_ack *extack);
void vswitch_nic_publish(struct vswitch_nic *nic);
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

/* The packet's way (input.c, forward.c) */
rx_handler_result_t vswitch_handle_frame(struct sk_buff **pskb);
void vswitch_ingress(struct vswitch_nic *nic, struct sk_buff *skb);
void vswitch_forward(struct vswitch_port *src, struct sk_buff *skb);

/* Netlink (netlink.c and nl_*.c) */
int vswitch_netlink_init(void);
void vswitch_netlink_exit(void);

#endif /* _VSWITCH_VSWITCH_H */
