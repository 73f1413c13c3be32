/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A synthetic NIC's state, shared by vmnic.c (channels, data path), nvsp.c
 * (the NVSP state machine) and rndis.c (the RNDIS device). The lock domain
 * is described at the top of vmnic.c.
 */
#ifndef _NETVSP_VMNIC_H
#define _NETVSP_VMNIC_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/uio.h>
#include <linux/uuid.h>
#include <linux/workqueue.h>
#include <hvnet/nvsp.h>
#include <hvnet/rndis.h>
#include <hvnet/vmbus_host.h>
#include <hvnet/vmbus_ring.h>

#include "netvsp.h"

struct vswitch_nic;

/* The largest guest->host ring packet the host takes (descriptor included) */
#define NETVSP_PKT_BUF		4096
/* A SEND_RNDIS_PKT's bytes: a send section, then up to 32 guest frames */
#define NETVSP_STAGE_SIZE	(HVNET_NVSP_SEND_SECTION_SIZE + \
				 HVNET_GPA_MAX_PFNS * HVNET_GPA_PAGE_SIZE)
/* Guest packets one run of a channel's work takes before it yields */
#define NETVSP_BUDGET		64
/* Receive sections: the size Linux uses, and room for RNDIS and PPIs */
#define NETVSP_RECV_SECTION	1728
#define NETVSP_RECV_OVERHEAD	(8 + 36 + 4 * HVNET_RNDIS_PPI_SIZE)
#define NETVSP_MAX_RECV_SECTIONS 65536
/* Host RNDIS control messages waiting for a receive section */
#define NETVSP_CTRL_QUEUE_MAX	32

enum netvsp_rndis_state {
	NETVSP_RNDIS_UNINIT,
	NETVSP_RNDIS_INITIALIZED,
	NETVSP_RNDIS_HALTED,
};

/**
 * struct netvsp_chan - one VMBus channel of a synthetic NIC
 * @nic: its NIC
 * @vc: the bus's channel; NULL when not offered
 * @index: sub-channel index (0: primary)
 * @open: the guest opened it (ops->opened until ->closed)
 * @work: drains the guest->host ring
 * @pkt: a guest packet, copied out of the ring
 * @stage: a SEND_RNDIS_PKT's bytes, copied out of guest memory
 * @comp_pending: a completion found the ring full; sent before anything else
 * @comp_tid: its transaction id
 * @comp_len: its payload length
 * @comp: its payload
 * @rx_packets: frames from the guest, and bytes (see netvsp_chan_stats)
 * @rx_bytes: see @rx_packets
 * @tx_packets: frames to the guest, and bytes
 * @tx_bytes: see @tx_packets
 * @drops: by enum netvsp_drop_reason
 */
struct netvsp_chan {
	struct netvsp_vmnic *nic;
	struct hvnet_vmbus_chan *vc;
	u16 index;
	bool open;
	struct work_struct work;
	u8 *pkt;
	u8 *stage;
	bool comp_pending;
	u64 comp_tid;
	u32 comp_len;
	u8 comp[HVNET_NVSP_MSG_SIZE];
	atomic64_t rx_packets;
	atomic64_t rx_bytes;
	atomic64_t tx_packets;
	atomic64_t tx_bytes;
	atomic64_t drops[NETVSP_DROP_MAX];
};

/**
 * struct netvsp_vmnic - a synthetic NIC: a switch port and a NetVSC device
 * @part: its partition
 * @cfg: its configuration (netvsp_mutex)
 * @vsw: its switch NIC
 * @instance: the device's instance GUID on the bus
 * @chan: its channels, by sub-channel index
 * @wq: runs the channels' work
 * @probed: the guest's driver registered the device (link indications go)
 * @link_up: the link state the guest is told
 * @nvsp_ver: the negotiated NVSP version, 0 before
 * @ndis_mtu: what SEND_NDIS_CONFIG said
 * @ndis_caps: its capabilities
 * @datapath_vf: the guest switched its data path to a VF
 * @sub_granted: sub-channels granted by the last SUBCHANNEL
 * @buf_lock: the two buffers, the section map, @ctrl_q (BH-safe)
 * @recv: the receive buffer's GPADL, NULL when there is none
 * @recv_id: the guest's id for it (the transfer-page set id)
 * @recv_sec_size: its section size
 * @recv_sec_cnt: its number of sections
 * @recv_map: sections in use by packets the guest has not completed
 * @send: the send buffer's GPADL, NULL when there is none
 * @send_sec_cnt: its number of sections
 * @ctrl_q: host RNDIS messages waiting for a section or ring room
 * @ctrl_q_len: their number
 * @rndis_state: enum netvsp_rndis_state
 * @filter: the guest's packet filter (HVNET_RNDIS_FILTER_*)
 * @rss_on: RSS parameters set, receive spread over the channels
 * @rss_size: entries of @rss_table
 * @rss_table: the guest's indirection table (channel indices)
 */
struct netvsp_vmnic {
	struct netvsp_partition *part;
	struct netvsp_vmnic_config cfg;
	struct vswitch_nic *vsw;
	guid_t instance;
	struct netvsp_chan chan[HVNET_NVSP_MAX_CHANNELS];
	struct workqueue_struct *wq;
	bool probed;
	bool link_up;
	u32 nvsp_ver;
	u32 ndis_mtu;
	u64 ndis_caps;
	bool datapath_vf;
	u16 sub_granted;

	spinlock_t buf_lock;	/* see vmnic.c */
	struct hvnet_gpadl *recv;
	u16 recv_id;
	u32 recv_sec_size;
	u32 recv_sec_cnt;
	unsigned long *recv_map;
	struct hvnet_gpadl *send;
	u32 send_sec_cnt;
	struct list_head ctrl_q;
	unsigned int ctrl_q_len;

	u32 rndis_state;
	u32 filter;
	bool rss_on;
	u32 rss_size;
	u16 rss_table[HVNET_NDIS_RSS_TABLE_MAX];
};

static inline void netvsp_drop(struct netvsp_chan *ch, enum netvsp_drop_reason r)
{
	atomic64_inc(&ch->drops[r]);
}

/* nvsp.c */
void netvsp_nvsp_packet(struct netvsp_chan *ch, const struct hvnet_vmbus_pkt *pkt);
int netvsp_nvsp_flush_completion(struct netvsp_chan *ch);
void netvsp_nvsp_reset(struct netvsp_vmnic *nic);
int netvsp_recv_send_locked(struct netvsp_chan *ch, const struct kvec *iov, unsigned int nr);
int netvsp_recv_send(struct netvsp_chan *ch, const struct kvec *iov, unsigned int nr);

/* rndis.c */
u32 netvsp_rndis_stream(struct netvsp_chan *ch, const u8 *buf, u32 len, bool control);
void netvsp_rndis_flush(struct netvsp_vmnic *nic);
void netvsp_rndis_indicate_link(struct netvsp_vmnic *nic);
void netvsp_rndis_reset(struct netvsp_vmnic *nic);

/* vmnic.c */
extern const struct hvnet_vmbus_chan_ops netvsp_chan_ops;
void netvsp_vmnic_from_guest(struct netvsp_chan *ch, struct sk_buff *skb);
int netvsp_vmnic_gso(struct sk_buff *skb, u32 th, u32 mss, bool v6);

#endif /* _NETVSP_VMNIC_H */
