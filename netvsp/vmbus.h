/* SPDX-License-Identifier: GPL-2.0 */
/*
 * hvnet_vmbus.ko's private header: what its translation units share.
 *
 * The exports hv_netvsc imports live in one translation unit per file of the
 * real drivers/hv (vmbus_drv.c, vmbus_channel.c, vmbus_channel_mgmt.c,
 * vmbus_ring_buffer.c, vmbus_connection.c), each with that file's list of
 * kernel headers: a symbol's CRC hashes the types its translation unit can
 * see. This header must therefore not include a kernel header the original
 * files do not (it would change the CRCs): it forward-declares what it needs
 * and is included after the kernel's headers.
 */
#ifndef _HVNET_VMBUS_H
#define _HVNET_VMBUS_H

#include <linux/hyperv.h>
#include <linux/smp.h>
#include <hvnet/vmbus_host.h>
#include <hvnet/vmbus_ring.h>

/* VERSION_WIN10_V5_3: GPADLs are torn down after vmbus_close() */
#define HVNET_VMBUS_PROTO_VERSION	0x50003
/* the first GPADL handle, as the real guest numbers them */
#define HVNET_VMBUS_GPADL_FIRST		0xE1E10
#define HVNET_VMBUS_VENDOR_ID		0x1414
#define HVNET_VMBUS_MAX_USERDATA	120

/**
 * struct hvnet_vmbus - one bus instance: a child partition's VMBus
 * @root: the parent of the bus's devices (/sys/devices/hvnet_vmbus/<name>)
 * @net: the namespace the devices' netdevs belong in
 * @lock: protects @chans, @gpadls, @next_relid and @dead
 * @chans: primary channels
 * @gpadls: every GPADL established on the bus (struct hvnet_gpadl_obj)
 * @next_gpadl: the next GPADL handle
 * @next_relid: the next channel's relid
 * @dead: destroyed: no more offers
 */
struct hvnet_vmbus {
	struct device root;
	struct net *net;
	spinlock_t lock;	/* see the kernel-doc above */
	struct list_head chans;
	struct list_head gpadls;
	u32 next_gpadl;
	u32 next_relid;
	bool dead;
};

/**
 * struct hvnet_vmbus_chan - a channel: the kernel's own, plus the host's side
 * @ch: what the guest driver sees; its offermsg, primary_channel, target_cpu,
 *	rings and requestor are as the real bus fills them
 * @bus: the bus it was offered on
 * @ops: the host service's callbacks; @priv its data
 * @priv: see @ops
 * @node: in bus->chans (a primary) or the primary's @subs (a sub-channel)
 * @subs: a primary's sub-channels
 * @hv_dev: a primary's device, NULL before it is registered and for a
 *	sub-channel
 * @csd: runs the guest's onchannel_callback on target_cpu, in the IPI
 *	(hard IRQ, IRQs off)
 * @kick_pending: @csd is queued or running
 * @sc_work: runs the primary's sc_creation_callback for a sub-channel
 * @reg_work: registers a primary's device
 * @reg_done: completed when @reg_work is done
 * @open_lock: serializes open, close and rescind of this channel
 * @send_lock: serializes the host's writers of the inbound ring
 * @host_rx: the host's reader of the guest's outbound ring (netvsp/ring.c)
 * @host_tx: the host's writer of the guest's inbound ring
 * @pages: the pages of both rings (outbound first), @nr_pages of them
 * @nr_pages: see @pages
 * @out_pages: the outbound ring's share of @pages
 * @opened: vmbus_open() succeeded and vmbus_close() has not run
 */
struct hvnet_vmbus_chan {
	struct vmbus_channel ch;
	struct hvnet_vmbus *bus;
	const struct hvnet_vmbus_chan_ops *ops;
	void *priv;
	struct list_head node;
	struct list_head subs;
	struct hv_device *hv_dev;
	call_single_data_t csd;
	atomic_t kick_pending;
	struct work_struct sc_work;
	struct work_struct reg_work;
	struct completion reg_done;
	struct mutex open_lock;		/* see the kernel-doc above */
	spinlock_t send_lock;		/* see the kernel-doc above */
	struct hvnet_ring host_rx;
	struct hvnet_ring host_tx;
	struct page **pages;
	u32 nr_pages;
	u32 out_pages;
	bool opened;
};

/**
 * struct hvnet_gpadl_obj - a GPADL as the bus keeps it
 * @pub: what the host sees
 * @ref: one for the guest's establishment, one per hvnet_vmbus_gpadl_get()
 * @node: in bus->gpadls
 * @owner: the primary channel of the device that established it; compared,
 *	never dereferenced (a device reaches its own GPADLs only)
 */
struct hvnet_gpadl_obj {
	struct hvnet_gpadl pub;
	struct kref ref;
	struct list_head node;
	struct hvnet_vmbus_chan *owner;
};

static inline struct hvnet_vmbus_chan *to_hchan(struct vmbus_channel *ch)
{
	return container_of(ch, struct hvnet_vmbus_chan, ch);
}

static inline struct hvnet_vmbus_chan *hchan_primary(struct hvnet_vmbus_chan *c)
{
	return c->ch.primary_channel ? to_hchan(c->ch.primary_channel) : c;
}

extern struct workqueue_struct *hvnet_vmbus_pri_wq;
extern struct workqueue_struct *hvnet_vmbus_sub_wq;

/* vmbus_drv.c */
bool hvnet_vmbus_is_ours(struct hv_device *dev);
void hvnet_vmbus_device_register_work(struct work_struct *work);

/* vmbus_host.c: the host's view of a channel's rings, once they exist */
int hvnet_vmbus_host_rings_init(struct hvnet_vmbus_chan *c);

/* vmbus_channel.c */
void hvnet_vmbus_close_one(struct hvnet_vmbus_chan *c);
void hvnet_gpadl_obj_put(struct hvnet_gpadl_obj *g);
/* drop the GPADLs a rescinded device's guest did not tear down */
void hvnet_vmbus_gpadls_drop(struct hvnet_vmbus_chan *primary);

/* vmbus_channel_mgmt.c */
void hvnet_vmbus_chan_free(struct hvnet_vmbus_chan *c);
void hvnet_vmbus_rescind_all(struct hvnet_vmbus *bus);

/* vmbus_ring_buffer.c: the guest's half of the rings */
int hvnet_ring_guest_init(struct hv_ring_buffer_info *rbi, struct page **pages,
			  u32 page_cnt, u32 max_pkt_size);
void hvnet_ring_guest_cleanup(struct hv_ring_buffer_info *rbi);
void hvnet_ring_guest_unmap(void *ring_buffer);
int hvnet_ring_guest_write(struct vmbus_channel *ch, const struct kvec *kv,
			   u32 kv_cnt, u64 requestid, bool want_id);
/* wake the guest driver: its callback on target_cpu, with IRQs off */
void hvnet_vmbus_kick_guest(struct hvnet_vmbus_chan *c);
void hvnet_vmbus_guest_irq(void *info);
/* wait until no guest callback of @c is queued or running */
void hvnet_vmbus_kick_sync(struct hvnet_vmbus_chan *c);
/* tell the host service the guest wrote or made room */
void hvnet_vmbus_signal_host(struct hvnet_vmbus_chan *c);

#endif /* _HVNET_VMBUS_H */
