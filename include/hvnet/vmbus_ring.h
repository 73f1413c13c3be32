/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMBus ring buffer wire format, bit-compatible with Hyper-V.
 *
 * A channel has two rings, one per direction. Each ring is a 4096-byte header
 * page followed by the data area. Indices are byte offsets into the data area,
 * 8-byte aligned; the ring never becomes completely full. A packet is a
 * descriptor, its payload padded to 8 bytes, and a u64 trailer whose upper 32
 * bits hold the packet's start offset.
 *
 * The layout is native-endian, as on Hyper-V: host and guest share one
 * machine.
 */
#ifndef _HVNET_VMBUS_RING_H
#define _HVNET_VMBUS_RING_H

#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

#define HVNET_RING_HEADER_SIZE		4096

/* feature_bits: the reader honours pending_send_sz */
#define HVNET_RING_FEAT_PENDING_SEND_SZ	BIT(0)

/**
 * struct hvnet_ring_header - the header page of one ring direction
 * @write_index: producer's byte offset into the data area
 * @read_index: consumer's byte offset into the data area
 * @interrupt_mask: set by the reader while it drains; the writer then skips
 *	signalling
 * @pending_send_sz: free space a blocked writer waits for; 0 when none
 * @reserved1: reserved, zero
 * @feature_bits: HVNET_RING_FEAT_*
 * @reserved2: pads the header to one page
 */
struct hvnet_ring_header {
	u32 write_index;
	u32 read_index;
	u32 interrupt_mask;
	u32 pending_send_sz;
	u32 reserved1[12];
	u32 feature_bits;
	u8 reserved2[HVNET_RING_HEADER_SIZE - 68];
} __packed;

static_assert(sizeof(struct hvnet_ring_header) == HVNET_RING_HEADER_SIZE);
static_assert(offsetof(struct hvnet_ring_header, write_index) == 0);
static_assert(offsetof(struct hvnet_ring_header, read_index) == 4);
static_assert(offsetof(struct hvnet_ring_header, interrupt_mask) == 8);
static_assert(offsetof(struct hvnet_ring_header, pending_send_sz) == 12);
static_assert(offsetof(struct hvnet_ring_header, feature_bits) == 64);

/* Packet types (struct hvnet_vmpacket_desc.type) */
enum hvnet_vmpacket_type {
	HVNET_VMPKT_SYNCH		= 1,
	HVNET_VMPKT_ADD_XFER_PAGESET	= 2,
	HVNET_VMPKT_RM_XFER_PAGESET	= 3,
	HVNET_VMPKT_ESTABLISH_GPADL	= 4,
	HVNET_VMPKT_TEARDOWN_GPADL	= 5,
	HVNET_VMPKT_DATA_INBAND		= 6,
	HVNET_VMPKT_DATA_XFER_PAGES	= 7,
	HVNET_VMPKT_DATA_USING_GPADL	= 8,
	HVNET_VMPKT_DATA_GPA_DIRECT	= 9,
	HVNET_VMPKT_CANCEL_REQUEST	= 10,
	HVNET_VMPKT_COMPLETION		= 11,
};

/* Packet flags (struct hvnet_vmpacket_desc.flags) */
#define HVNET_VMPKT_FLAG_COMPLETION_REQUESTED	BIT(0)

/**
 * struct hvnet_vmpacket_desc - the descriptor that starts every ring packet
 * @type: enum hvnet_vmpacket_type
 * @offset8: offset of the payload from the descriptor, in 8-byte units
 * @len8: length of descriptor and payload, in 8-byte units (no trailer)
 * @flags: HVNET_VMPKT_FLAG_*
 * @trans_id: transaction id, echoed by the completion
 */
struct hvnet_vmpacket_desc {
	u16 type;
	u16 offset8;
	u16 len8;
	u16 flags;
	u64 trans_id;
} __packed;

static_assert(sizeof(struct hvnet_vmpacket_desc) == 16);
static_assert(offsetof(struct hvnet_vmpacket_desc, type) == 0);
static_assert(offsetof(struct hvnet_vmpacket_desc, offset8) == 2);
static_assert(offsetof(struct hvnet_vmpacket_desc, len8) == 4);
static_assert(offsetof(struct hvnet_vmpacket_desc, flags) == 6);
static_assert(offsetof(struct hvnet_vmpacket_desc, trans_id) == 8);

/* The u64 after each packet; its upper 32 bits are the packet's start offset. */
#define HVNET_VMPKT_TRAILER_SIZE	sizeof(u64)
#define HVNET_VMPKT_TRAILER_SHIFT	32

/*
 * The host's view of one ring direction (netvsp/ring.c). The same C file
 * builds in user space (selftests/ring/), for native tests and benchmarks.
 *
 * Everything in the header page and the data area is the guest's and may
 * change at any time: an index is read once and checked before use, a
 * packet is copied out before its descriptor is believed, and the host keeps
 * its own copy of every index it owns. The data area is addressed with
 * explicit wrap-around (no double mapping is assumed).
 */
struct kvec;

/**
 * struct hvnet_ring - the host's state of one ring direction
 * @hdr: the shared header page
 * @data: the shared data area
 * @datasize: its size in bytes (a multiple of 8)
 * @priv_read: as reader: the host's read index, published by
 *	hvnet_ring_read_commit()
 * @pub_read: as reader: the read index the host last published
 * @seen_write: as reader: the last valid write index the guest published
 * @priv_write: as writer: the host's write index (the header's copy is
 *	never read back)
 */
struct hvnet_ring {
	struct hvnet_ring_header *hdr;
	u8 *data;
	u32 datasize;
	u32 priv_read;
	u32 pub_read;
	u32 seen_write;
	u32 priv_write;
};

int hvnet_ring_init(struct hvnet_ring *r, void *hdr, void *data, u32 datasize);
int hvnet_ring_read(struct hvnet_ring *r, void *buf, u32 buflen, u32 *pktlen);
bool hvnet_ring_read_commit(struct hvnet_ring *r);
void hvnet_ring_read_begin(struct hvnet_ring *r);
bool hvnet_ring_read_end(struct hvnet_ring *r);
int hvnet_ring_write(struct hvnet_ring *r, const struct hvnet_vmpacket_desc *desc,
		     const struct kvec *iov, unsigned int nr, bool *signal);
u32 hvnet_ring_bytes_to_read(const struct hvnet_ring *r);
u32 hvnet_ring_bytes_free(const struct hvnet_ring *r);

#endif /* _HVNET_VMBUS_RING_H */
