/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host side of hvnet's VMBus: how a host service (NetVSP) offers
 * channels on a child partition's bus and moves packets through their rings.
 *
 * hvnet_vmbus.ko is both halves of the bus. Towards the guest it is the
 * VMBus that Linux's own drivers (hv_netvsc) bind to, with the kernel's own
 * struct hv_device and struct vmbus_channel; towards the host it is this
 * API. A guest never reaches host state except through a channel's rings and
 * the buffers it described by GPADL, and the host reads both as hostile:
 * every packet is copied out of the ring before anything looks at it.
 *
 * The bus's exports must keep the CRCs of the kernel's own: this header
 * declares rather than includes what the bus's files do not see themselves
 * (struct kvec: <linux/uio.h> would define struct iov_iter for 6.1's
 * channel_mgmt.c).
 *
 * Contexts: hvnet_vmbus_create(), _destroy(), _offer() and _rescind() sleep
 * and must not be called with RTNL held (the guest's probe takes RTNL and
 * waits for the host's answers). The send and receive calls never sleep.
 * ops->signal() runs in atomic context; ops->opened() and ->closed() in
 * process context, never under RTNL.
 */
#ifndef _HVNET_VMBUS_HOST_H
#define _HVNET_VMBUS_HOST_H

#include <linux/types.h>
#include <linux/uuid.h>

struct net;
struct page;
struct hv_device;
struct kvec;
struct hvnet_vmbus;
struct hvnet_vmbus_chan;

/**
 * struct hvnet_vmbus_chan_ops - what a host service is told about a channel
 * @opened: the guest opened the channel (vmbus_open()); its rings are set up.
 *	Process context, may sleep; a non-zero return fails the guest's open.
 * @signal: the guest signalled the host (it wrote to an empty ring, or made
 *	room the host waits for: see hvnet_vmbus_send()). Atomic context:
 *	schedule the channel's work (NAPI, a work item), do not drain here.
 * @closed: the guest closed the channel (vmbus_close()), or it is rescinded.
 *	Process context; no @signal runs once it is called and the rings are
 *	gone when it returns. GPADLs stay until the guest tears them down.
 * @probed: the guest driver's probe of the primary channel's device returned
 *	(@dev is bound, or @err says why not). Process context, without RTNL.
 *	Sub-channels have no device and no @probed.
 */
struct hvnet_vmbus_chan_ops {
	int (*opened)(struct hvnet_vmbus_chan *chan);
	void (*signal)(struct hvnet_vmbus_chan *chan);
	void (*closed)(struct hvnet_vmbus_chan *chan);
	void (*probed)(struct hvnet_vmbus_chan *chan, struct hv_device *dev,
		       int err);
};

/**
 * struct hvnet_vmbus_offer - a channel as the host offers it
 * @class_id: the device class (interface type), e.g. the NIC's
 *	f8615163-df3e-46c5-913f-f2d2f965ed0e
 * @instance_id: this device's instance; the guest names the device by it
 * @device_id: the real bus's device id of the class (HV_NIC is 3)
 * @sub_channel_index: 0 for a primary channel, 1.. for its sub-channels
 */
struct hvnet_vmbus_offer {
	guid_t class_id;
	guid_t instance_id;
	u16 device_id;
	u16 sub_channel_index;
};

/* One VMBus per child partition; its devices' netdevs belong in @net. */
struct hvnet_vmbus *hvnet_vmbus_create(struct net *net, const char *name);
void hvnet_vmbus_destroy(struct hvnet_vmbus *bus);

/*
 * Offer a primary channel: its hv_device is registered from the bus's own
 * work item (the guest driver probes there, under RTNL, and the host must be
 * answering by then). Returns the channel or an ERR_PTR.
 */
struct hvnet_vmbus_chan *
hvnet_vmbus_offer(struct hvnet_vmbus *bus, const struct hvnet_vmbus_offer *offer,
		  const struct hvnet_vmbus_chan_ops *ops, void *priv);
/*
 * Offer sub-channel @index (1..) of @primary; the guest's sc_creation_callback
 * runs from the bus's sub-channel work item, without RTNL.
 */
struct hvnet_vmbus_chan *
hvnet_vmbus_offer_sub(struct hvnet_vmbus_chan *primary, u16 index,
		      const struct hvnet_vmbus_chan_ops *ops, void *priv);
/*
 * Take a primary channel (and its sub-channels) away: its device is
 * unregistered (the guest driver's remove runs its normal teardown while the
 * host still answers), then the channel is freed. Sleeps; no callback of the
 * channel runs after it returns.
 */
void hvnet_vmbus_rescind(struct hvnet_vmbus_chan *chan);

void *hvnet_vmbus_chan_priv(const struct hvnet_vmbus_chan *chan);
u16 hvnet_vmbus_chan_index(const struct hvnet_vmbus_chan *chan);
u32 hvnet_vmbus_chan_relid(const struct hvnet_vmbus_chan *chan);
int hvnet_vmbus_chan_target_cpu(const struct hvnet_vmbus_chan *chan);
struct hvnet_vmbus_chan *hvnet_vmbus_chan_primary(struct hvnet_vmbus_chan *chan);

/**
 * struct hvnet_vmbus_pkt - a guest packet, copied out of the ring
 * @type: the descriptor's packet type (enum hvnet_vmpacket_type)
 * @flags: the descriptor's flags
 * @trans_id: the descriptor's transaction id
 * @data: the payload (after the descriptor and its ranges), in the caller's
 *	buffer
 * @data_len: its length in bytes
 * @ranges: for a GPA_DIRECT packet, the range area (after the 16-byte
 *	descriptor, starting with its reserved word and range count), in the
 *	caller's buffer; NULL for other types
 * @ranges_len: the range area's length in bytes
 *
 * The descriptor's lengths were validated against the packet: @data and
 * @ranges lie inside what was copied. Nothing else is validated.
 */
struct hvnet_vmbus_pkt {
	u16 type;
	u16 flags;
	u64 trans_id;
	const void *data;
	u32 data_len;
	const void *ranges;
	u32 ranges_len;
};

/*
 * Copy the next guest->host packet into @buf (@len bytes at most) and
 * describe it in @pkt. Returns 0, -EAGAIN when the ring is empty, -EMSGSIZE
 * when the packet is larger than @len (it is skipped and counted), or -EIO
 * when the ring is corrupt (the channel is closed: the guest sees a rescind).
 * The read is published, and the guest signalled if it waits for room, by
 * hvnet_vmbus_recv_done() - call it once a batch is consumed.
 */
int hvnet_vmbus_recv(struct hvnet_vmbus_chan *chan, void *buf, u32 len,
		     struct hvnet_vmbus_pkt *pkt);
void hvnet_vmbus_recv_done(struct hvnet_vmbus_chan *chan);
/*
 * The host's reader stops taking signals while it drains (begin) and takes
 * them again after (end); end returns true if the ring is not empty, in
 * which case the reader must drain again.
 */
void hvnet_vmbus_recv_begin(struct hvnet_vmbus_chan *chan);
bool hvnet_vmbus_recv_end(struct hvnet_vmbus_chan *chan);

/*
 * Write one host->guest packet: a descriptor of @type with @flags and
 * @trans_id, then the @nr pieces of @iov as its payload. The first @hdr_len
 * bytes of the payload (a multiple of 8) belong to the descriptor: for
 * XFER_PAGES the transfer-page header and its ranges; offset8 is then
 * (16 + @hdr_len) / 8. Never sleeps. Returns 0, -EAGAIN when the ring has
 * no room (ops->signal() follows once the guest made room), -EMSGSIZE when
 * the packet would be larger than the guest accepts (4624 bytes), -ENODEV
 * when the channel is not open, or -EIO when the ring is corrupt. The guest
 * is signalled as the real host does (interrupt_mask clear).
 */
int hvnet_vmbus_send(struct hvnet_vmbus_chan *chan, u16 type, u16 flags,
		     u64 trans_id, u32 hdr_len, const struct kvec *iov,
		     unsigned int nr);

/**
 * struct hvnet_vmbus_ring_state - one ring as the host sees it, for netlink
 * @read_index: the reader's published index
 * @write_index: the writer's published index
 * @interrupt_mask: the reader's interrupt mask
 * @pending_send_sz: the room a blocked writer waits for
 * @datasize: the data area's size in bytes
 */
struct hvnet_vmbus_ring_state {
	u32 read_index;
	u32 write_index;
	u32 interrupt_mask;
	u32 pending_send_sz;
	u32 datasize;
};

/*
 * Both rings of an open channel (@in: guest->host, @out: host->guest), read
 * once each; -ENODEV when the channel is not open.
 */
int hvnet_vmbus_chan_rings(struct hvnet_vmbus_chan *chan,
			   struct hvnet_vmbus_ring_state *in,
			   struct hvnet_vmbus_ring_state *out);

/**
 * struct hvnet_gpadl - a guest buffer described by GPADL, host view
 * @handle: the guest's handle for it
 * @size: its length in bytes
 * @nr_pages: number of pages
 * @pages: the pages, in buffer order
 *
 * Pinned by the reference of hvnet_vmbus_gpadl_get() until _put(), even if
 * the guest tears the GPADL down meanwhile (the host stops using it then).
 */
struct hvnet_gpadl {
	u32 handle;
	u32 size;
	u32 nr_pages;
	struct page **pages;
};

struct hvnet_gpadl *hvnet_vmbus_gpadl_get(struct hvnet_vmbus_chan *chan,
					  u32 handle);
void hvnet_vmbus_gpadl_put(struct hvnet_gpadl *gpadl);
/* Copy between a GPADL buffer and host memory; -EFAULT when out of bounds. */
int hvnet_gpadl_read(const struct hvnet_gpadl *gpadl, u32 offset, void *dst,
		     u32 len);
int hvnet_gpadl_write(const struct hvnet_gpadl *gpadl, u32 offset,
		      const void *src, u32 len);
/*
 * Copy @len bytes at @offset of guest page frame @pfn (4 KiB units, as the
 * GPA_DIRECT ranges give them) into @dst. Returns -EFAULT for a frame the
 * guest may not name (the bus decides which frames belong to the guest).
 */
int hvnet_vmbus_read_gpa(struct hvnet_vmbus_chan *chan, u64 pfn, u32 offset,
			 void *dst, u32 len);

#endif /* _HVNET_VMBUS_HOST_H */
