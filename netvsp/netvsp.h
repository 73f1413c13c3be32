/* SPDX-License-Identifier: GPL-2.0 */
/*
 * netvsp.ko internals shared between its files.
 *
 * partition.c owns the child partitions (a network namespace and its VMBus)
 * and the netlink handlers; vmnic.c owns the synthetic NICs served on a
 * partition's bus (a vswitch synthetic NIC plus a NetVSC channel), with the
 * NVSP and RNDIS protocol in nvsp.c and rndis.c. Configuration runs under
 * netvsp_mutex (partition.c); the data path takes no lock of this module.
 */
#ifndef _NETVSP_NETVSP_H
#define _NETVSP_NETVSP_H

#include <linux/if_ether.h>
#include <linux/if.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/types.h>
#include <uapi/linux/hvnet_netvsp.h>
#include <hvnet/vmbus_host.h>

struct net;
struct netvsp_vmnic;

extern struct mutex netvsp_mutex;

/**
 * struct netvsp_partition - a child partition
 * @node: on netvsp_partitions
 * @name: its name, unique on the host
 * @net: its network namespace (not counted: see partition.c)
 * @bus: its VMBus
 * @n_vmnics: its synthetic NICs now
 *
 * Every member is under netvsp_mutex.
 */
struct netvsp_partition {
	struct list_head node;
	char name[NETVSP_NAME_LEN];
	struct net *net;
	struct hvnet_vmbus *bus;
	unsigned int n_vmnics;
};

/* partition.c, under netvsp_mutex */
extern struct list_head netvsp_partitions;
struct netvsp_partition *netvsp_partition_create(const char *name, struct net *net,
						 struct netlink_ext_ack *extack);
void netvsp_partition_destroy(struct netvsp_partition *p);
struct netvsp_partition *netvsp_partition_find(const char *name);
int netvsp_partitions_init(void);
void netvsp_partitions_exit(void);

struct hvnet_vmbus *netvsp_partition_vmbus(const struct netvsp_partition *p);
struct net *netvsp_partition_net(const struct netvsp_partition *p);
const char *netvsp_partition_name(const struct netvsp_partition *p);

/* What vmnic-set may change (netvsp_vmnic_config.changed) */
#define NETVSP_VMNIC_SET_MAC	BIT(0)
#define NETVSP_VMNIC_SET_MTU	BIT(1)
#define NETVSP_VMNIC_SET_QUEUES	BIT(2)
#define NETVSP_VMNIC_SET_LINK	BIT(3)
#define NETVSP_VMNIC_SET_SWITCH	BIT(4)

/**
 * struct netvsp_vmnic_config - a synthetic NIC as configured
 * @name: the NIC's name in its partition (also its switch port's name)
 * @switch_name: the switch its port is on
 * @mac: its MAC address (the guest's permanent address)
 * @mtu: the largest MTU the host offers the guest (68..9000)
 * @queues: the most channels (primary + sub-channels) the host grants
 * @link_up: the link state the guest is told
 * @changed: for netvsp_vmnic_set(), NETVSP_VMNIC_SET_* of what to change
 */
struct netvsp_vmnic_config {
	char name[IFNAMSIZ];
	char switch_name[IFNAMSIZ];
	u8 mac[ETH_ALEN];
	u32 mtu;
	u16 queues;
	bool link_up;
	u32 changed;
};

/*
 * Under netvsp_mutex. Create returns with the channel offered (the guest
 * binds to it from the bus's work item); destroy takes it away and returns
 * once the guest's device is gone and the switch port deleted.
 */
struct netvsp_vmnic *netvsp_vmnic_create(struct netvsp_partition *p,
					 const struct netvsp_vmnic_config *cfg,
					 struct netlink_ext_ack *extack);
void netvsp_vmnic_destroy(struct netvsp_vmnic *nic);
int netvsp_vmnic_set(struct netvsp_vmnic *nic,
		     const struct netvsp_vmnic_config *cfg,
		     struct netlink_ext_ack *extack);
void netvsp_vmnic_get_config(const struct netvsp_vmnic *nic,
			     struct netvsp_vmnic_config *cfg);

/* Why the host dropped or refused something of a channel's guest */
enum netvsp_drop_reason {
	NETVSP_DROP_MALFORMED,		/* a VMBus packet or NVSP message */
	NETVSP_DROP_RNDIS,		/* an RNDIS message or its PPIs */
	NETVSP_DROP_STATE,		/* not valid in the channel's state */
	NETVSP_DROP_BUFFER,		/* outside the send or receive buffer */
	NETVSP_DROP_RING_FULL,		/* host->guest ring had no room */
	NETVSP_DROP_NO_RECV_SECTION,	/* receive buffer full */
	NETVSP_DROP_LINK_DOWN,
	NETVSP_DROP_MAX,
};

/**
 * struct netvsp_chan_stats - one channel of a synthetic NIC, for netlink
 * @relid: the channel's relid on its bus
 * @index: the sub-channel index (0: primary)
 * @target_cpu: the CPU its guest callbacks run on
 * @in: the guest->host ring
 * @out: the host->guest ring
 * @rx_packets: frames the guest sent (host received), and their bytes
 * @rx_bytes: see @rx_packets
 * @tx_packets: frames the host sent to the guest, and their bytes
 * @tx_bytes: see @tx_packets
 * @drops: counts by enum netvsp_drop_reason
 */
struct netvsp_chan_stats {
	u32 relid;
	u16 index;
	s32 target_cpu;
	struct hvnet_vmbus_ring_state in;
	struct hvnet_vmbus_ring_state out;
	u64 rx_packets;
	u64 rx_bytes;
	u64 tx_packets;
	u64 tx_bytes;
	u64 drops[NETVSP_DROP_MAX];
};

/* Under netvsp_mutex: -ENOENT past the last open channel. */
int netvsp_vmnic_chan_stats(struct netvsp_vmnic *nic, unsigned int idx,
			    struct netvsp_chan_stats *st);

int netvsp_netlink_init(void);
void netvsp_netlink_exit(void);
/* a partition whose namespace went, announced on "monitor" */
void netvsp_nl_partition_gone(struct netvsp_partition *p);

#endif /* _NETVSP_NETVSP_H */
