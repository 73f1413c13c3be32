// SPDX-License-Identifier: GPL-2.0
/*
 * The host's half of a VMBus ring: reading what the guest wrote to its
 * outbound ring, writing the guest's inbound ring. See struct hvnet_ring in
 * include/hvnet/vmbus_ring.h.
 *
 * The guest owns the memory and may rewrite any of it at any time, so
 * nothing here trusts a value it did not check after reading it once:
 * indices must lie inside the data area and be 8-byte aligned, a
 * descriptor's lengths must fit what the writer published, and the checked
 * copy of a descriptor is the one handed on. A ring found corrupt stays
 * corrupt for the caller (-EIO): it closes the channel.
 *
 * This file builds in the kernel and in user space (selftests/ring/): it
 * includes only headers the user-space shim provides. Callers serialise
 * the reader of a ring, and its writer; reader and writer of one ring may
 * run at once, as the guest's do.
 */
#include <linux/align.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <asm/barrier.h>
#include <hvnet/vmbus_ring.h>

#define RING_DESC_SIZE	sizeof(struct hvnet_vmpacket_desc)

static u32 ring_used(u32 read, u32 write, u32 size)
{
	return write >= read ? write - read : size - read + write;
}

static bool ring_index_ok(const struct hvnet_ring *r, u32 idx)
{
	return idx < r->datasize && IS_ALIGNED(idx, 8);
}

static u32 ring_next(const struct hvnet_ring *r, u32 off, u32 len)
{
	off += len;
	return off >= r->datasize ? off - r->datasize : off;
}

/* Copy @len bytes at @off of the data area out, wrapping once at most. */
static void ring_copy_out(const struct hvnet_ring *r, u32 off, void *dst,
			  u32 len)
{
	u32 first = min(len, r->datasize - off);

	memcpy(dst, r->data + off, first);
	if (len > first)
		memcpy((u8 *)dst + first, r->data, len - first);
}

static u32 ring_copy_in(const struct hvnet_ring *r, u32 off, const void *src,
			u32 len)
{
	u32 first = min(len, r->datasize - off);

	if (src) {
		memcpy(r->data + off, src, first);
		if (len > first)
			memcpy(r->data, (const u8 *)src + first, len - first);
	} else {
		memset(r->data + off, 0, first);
		if (len > first)
			memset(r->data, 0, len - first);
	}
	return ring_next(r, off, len);
}

/**
 * hvnet_ring_init() - take up one ring direction
 * @r: the host's state, filled in
 * @hdr: the ring's header page
 * @data: its data area
 * @datasize: the data area's size: a multiple of 8, at least 64 bytes
 *
 * The host's indices start where the header's are (0 for a fresh ring).
 *
 * Return: 0, or -EINVAL for a bad size, -EIO for header indices that are
 * not inside the data area.
 */
int hvnet_ring_init(struct hvnet_ring *r, void *hdr, void *data, u32 datasize)
{
	u32 read, write;

	if (datasize < 64 || !IS_ALIGNED(datasize, 8) || datasize > (1U << 31))
		return -EINVAL;
	r->hdr = hdr;
	r->data = data;
	r->datasize = datasize;
	read = READ_ONCE(r->hdr->read_index);
	write = READ_ONCE(r->hdr->write_index);
	if (!ring_index_ok(r, read) || !ring_index_ok(r, write))
		return -EIO;
	r->priv_read = read;
	r->pub_read = read;
	r->seen_write = write;
	r->priv_write = write;
	return 0;
}

/**
 * hvnet_ring_read() - copy the next packet out of a guest->host ring
 * @r: the ring
 * @buf: where the descriptor and payload go (the trailer does not)
 * @buflen: @buf's size
 * @pktlen: set to the packet's length (descriptor and payload)
 *
 * The packet is copied before it is looked at; the descriptor in @buf is the
 * checked one. The read is published by hvnet_ring_read_commit().
 *
 * Return: 0; -EAGAIN when the ring is empty; -EMSGSIZE when the packet is
 * longer than @buflen (it is skipped); -EIO when the ring is corrupt: the
 * write index outside the data area or unaligned, or a descriptor whose
 * lengths (len8, offset8) do not describe a packet inside what was written.
 */
int hvnet_ring_read(struct hvnet_ring *r, void *buf, u32 buflen, u32 *pktlen)
{
	struct hvnet_vmpacket_desc desc;
	u32 write, avail, len, off;

	/* the packet's bytes are read only after the index that covers them */
	write = smp_load_acquire(&r->hdr->write_index);
	if (!ring_index_ok(r, write))
		return -EIO;
	r->seen_write = write;
	avail = ring_used(r->priv_read, write, r->datasize);
	if (!avail)
		return -EAGAIN;
	if (avail < RING_DESC_SIZE + HVNET_VMPKT_TRAILER_SIZE)
		return -EIO;
	ring_copy_out(r, r->priv_read, &desc, sizeof(desc));
	len = (u32)desc.len8 << 3;
	off = (u32)desc.offset8 << 3;
	if (len < RING_DESC_SIZE || off < RING_DESC_SIZE || off > len ||
	    len + HVNET_VMPKT_TRAILER_SIZE > avail)
		return -EIO;
	*pktlen = len;
	if (len <= buflen) {
		ring_copy_out(r, r->priv_read, buf, len);
		memcpy(buf, &desc, sizeof(desc));
	}
	r->priv_read = ring_next(r, r->priv_read, len + HVNET_VMPKT_TRAILER_SIZE);
	return len <= buflen ? 0 : -EMSGSIZE;
}

/**
 * hvnet_ring_read_commit() - publish what the host read
 * @r: the ring
 *
 * A writer that set pending_send_sz waits for that much room: it is to be
 * signalled when this read made the room it waits for, and not again (the
 * rule of the guest's own reader, when the writer set the feature bit).
 *
 * Return: true if the caller must signal the guest.
 */
bool hvnet_ring_read_commit(struct hvnet_ring *r)
{
	u32 pending, free, bytes_read;

	if (r->priv_read == r->pub_read)
		return false;
	bytes_read = ring_used(r->pub_read, r->priv_read, r->datasize);
	/* every copy out of the ring before the guest may overwrite it */
	smp_store_release(&r->hdr->read_index, r->priv_read);
	r->pub_read = r->priv_read;
	/* the index before the writer's wish */
	virt_mb();
	if (!(READ_ONCE(r->hdr->feature_bits) & HVNET_RING_FEAT_PENDING_SEND_SZ))
		return false;
	pending = READ_ONCE(r->hdr->pending_send_sz);
	if (!pending)
		return false;
	free = r->datasize - ring_used(r->priv_read, r->seen_write, r->datasize);
	return free > pending && free - bytes_read <= pending;
}

/**
 * hvnet_ring_read_begin() - the guest need not signal while the host drains
 * @r: the ring
 */
void hvnet_ring_read_begin(struct hvnet_ring *r)
{
	WRITE_ONCE(r->hdr->interrupt_mask, 1);
}

/**
 * hvnet_ring_read_end() - the guest signals again
 * @r: the ring
 *
 * Return: true if the ring holds data (or a write index that is not valid,
 * which the next read reports): the caller drains again, since the guest
 * did not signal what it wrote while the mask was set.
 */
bool hvnet_ring_read_end(struct hvnet_ring *r)
{
	u32 write;

	WRITE_ONCE(r->hdr->interrupt_mask, 0);
	/* the mask before the index: a write after this signals */
	virt_mb();
	write = READ_ONCE(r->hdr->write_index);
	return !ring_index_ok(r, write) || write != r->priv_read;
}

/**
 * hvnet_ring_write() - write one packet to a host->guest ring
 * @r: the ring
 * @desc: its descriptor; len8 must be what @iov's bytes make
 * @iov: the payload's pieces, after the descriptor
 * @nr: their number
 * @signal: set to whether the caller must signal the guest
 *
 * The payload is padded to 8 bytes and followed by the trailer (the
 * packet's start offset in its upper 32 bits), as the guest's reader
 * expects. The ring is never filled completely: read == write means empty.
 * When the packet does not fit, pending_send_sz asks the guest to signal
 * once its reads made the room; the next packet that fits clears it. The
 * guest is to be signalled whenever its interrupt mask is clear after the
 * write (its reader absorbs the extra signals; none can be lost).
 *
 * Return: 0; -EINVAL when @desc's len8 does not match @iov; -EAGAIN when
 * there is no room; -EIO when the guest's read index is outside the data
 * area or unaligned.
 */
int hvnet_ring_write(struct hvnet_ring *r, const struct hvnet_vmpacket_desc *desc,
		     const struct kvec *iov, unsigned int nr, bool *signal)
{
	u32 read, free, payload = 0, len, total, off;
	unsigned int i;
	u64 trailer;

	*signal = false;
	for (i = 0; i < nr; i++) {
		if (iov[i].iov_len > r->datasize - payload)
			return -EINVAL;
		payload += iov[i].iov_len;
	}
	len = ALIGN(RING_DESC_SIZE + payload, 8);
	if ((u32)desc->len8 << 3 != len)
		return -EINVAL;
	total = len + HVNET_VMPKT_TRAILER_SIZE;

	read = READ_ONCE(r->hdr->read_index);
	if (!ring_index_ok(r, read))
		return -EIO;
	free = r->datasize - ring_used(read, r->priv_write, r->datasize);
	if (free <= total) {
		WRITE_ONCE(r->hdr->pending_send_sz, total);
		/* the wish before the index: a read after it signals */
		virt_mb();
		read = READ_ONCE(r->hdr->read_index);
		if (!ring_index_ok(r, read))
			return -EIO;
		free = r->datasize - ring_used(read, r->priv_write, r->datasize);
		if (free <= total)
			return -EAGAIN;
	}
	if (READ_ONCE(r->hdr->pending_send_sz))
		WRITE_ONCE(r->hdr->pending_send_sz, 0);

	/* the guest's reader may be copying from before @read: stay after it */
	off = ring_copy_in(r, r->priv_write, desc, RING_DESC_SIZE);
	for (i = 0; i < nr; i++)
		off = ring_copy_in(r, off, iov[i].iov_base, iov[i].iov_len);
	off = ring_copy_in(r, off, NULL, len - RING_DESC_SIZE - payload);
	trailer = (u64)r->priv_write << HVNET_VMPKT_TRAILER_SHIFT;
	off = ring_copy_in(r, off, &trailer, sizeof(trailer));
	r->priv_write = off;

	/* the packet's bytes before the index that covers them */
	smp_store_release(&r->hdr->write_index, off);
	/* the index before the reader's mask */
	virt_mb();
	*signal = !READ_ONCE(r->hdr->interrupt_mask);
	return 0;
}

/**
 * hvnet_ring_bytes_to_read() - what the published indices leave to read
 * @r: the ring
 *
 * Return: the bytes between the published read and write indices, or 0 if
 * either is not valid.
 */
u32 hvnet_ring_bytes_to_read(const struct hvnet_ring *r)
{
	u32 read = READ_ONCE(r->hdr->read_index);
	u32 write = READ_ONCE(r->hdr->write_index);

	if (!ring_index_ok(r, read) || !ring_index_ok(r, write))
		return 0;
	return ring_used(read, write, r->datasize);
}

/**
 * hvnet_ring_bytes_free() - room by the published indices
 * @r: the ring
 *
 * Return: the data area's bytes not holding unread data, or 0 if an index
 * is not valid.
 */
u32 hvnet_ring_bytes_free(const struct hvnet_ring *r)
{
	u32 read = READ_ONCE(r->hdr->read_index);
	u32 write = READ_ONCE(r->hdr->write_index);

	if (!ring_index_ok(r, read) || !ring_index_ok(r, write))
		return 0;
	return r->datasize - ring_used(read, write, r->datasize);
}
