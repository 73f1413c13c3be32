// SPDX-License-Identifier: GPL-2.0
/*
 * The host's half of the rings and buffers (include/hvnet/vmbus_host.h).
 *
 * The host reads the guest->host ring (the guest's outbound) and writes the
 * host->guest ring (its inbound). Both live in the guest's memory, which
 * the host reads as hostile: an index is read once and checked, a packet is
 * copied out before its descriptor is believed, and the copy's descriptor
 * is what the host acts on.
 *
 * Both calls run under RCU and check that the channel is open: vmbus_close()
 * unmaps the rings only after a grace period.
 */
#include <linux/highmem.h>
#include <linux/hyperv.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/uio.h>
#include <hvnet/vmbus_ring.h>

#include "vmbus.h"

static_assert(sizeof(struct hv_ring_buffer) == HVNET_RING_HEADER_SIZE);
static_assert(offsetof(struct hv_ring_buffer, interrupt_mask) ==
	      offsetof(struct hvnet_ring_header, interrupt_mask));
static_assert(offsetof(struct hv_ring_buffer, pending_send_sz) ==
	      offsetof(struct hvnet_ring_header, pending_send_sz));
static_assert(offsetof(struct hv_ring_buffer, feature_bits) ==
	      offsetof(struct hvnet_ring_header, feature_bits));
static_assert(sizeof(struct vmpacket_descriptor) ==
	      sizeof(struct hvnet_vmpacket_desc));
/* GPA_DIRECT ranges name 4 KiB frames; a page must be one */
static_assert(HV_HYP_PAGE_SIZE == PAGE_SIZE);

/**
 * hvnet_vmbus_host_rings_init() - the host's view of a channel's new rings
 * @c: the channel, its rings just set up by vmbus_open()
 *
 * The host reads the guest's outbound ring and writes its inbound one,
 * through netvsp/ring.c.
 *
 * Return: 0, or ring.c's refusal of the layout.
 */
int hvnet_vmbus_host_rings_init(struct hvnet_vmbus_chan *c)
{
	struct hv_ring_buffer_info *out = &c->ch.outbound, *in = &c->ch.inbound;
	int ret;

	ret = hvnet_ring_init(&c->host_rx, out->ring_buffer,
			      out->ring_buffer->buffer, out->ring_datasize);
	if (!ret)
		ret = hvnet_ring_init(&c->host_tx, in->ring_buffer,
				      in->ring_buffer->buffer, in->ring_datasize);
	return ret;
}

/**
 * hvnet_vmbus_recv() - copy the next guest->host packet
 * @chan: the channel
 * @buf: where to copy it
 * @len: @buf's size
 * @pkt: filled with what the packet is
 *
 * Return: 0, -EAGAIN (empty), -EMSGSIZE (skipped: too big for @buf), -EIO
 * (corrupt ring), or -ENODEV (not open). Never sleeps; one reader per
 * channel.
 */
int hvnet_vmbus_recv(struct hvnet_vmbus_chan *chan, void *buf, u32 len,
		     struct hvnet_vmbus_pkt *pkt)
{
	const struct hvnet_vmpacket_desc *d = buf;
	u32 pkt_len, off;
	int ret;

	if (len < sizeof(*d))
		return -EINVAL;
	rcu_read_lock();
	if (!READ_ONCE(chan->opened) || !READ_ONCE(chan->ch.outbound.ring_buffer)) {
		ret = -ENODEV;
		goto out;
	}
	ret = hvnet_ring_read(&chan->host_rx, buf, len, &pkt_len);
	if (ret)
		goto out;
	/* the checked copy of the descriptor: ring.c validated its lengths */
	off = (u32)d->offset8 << 3;
	pkt->type = d->type;
	pkt->flags = d->flags;
	pkt->trans_id = d->trans_id;
	pkt->data = (u8 *)buf + off;
	pkt->data_len = pkt_len - off;
	pkt->ranges = NULL;
	pkt->ranges_len = 0;
	if (d->type == HVNET_VMPKT_DATA_GPA_DIRECT) {
		pkt->ranges = (u8 *)buf + sizeof(*d);
		pkt->ranges_len = off - sizeof(*d);
	}
out:
	rcu_read_unlock();
	return ret;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_recv);

/**
 * hvnet_vmbus_recv_done() - publish what the host read
 * @chan: the channel
 *
 * Signals the guest if it waits for room (its pending_send_sz) and this
 * read made enough. Never sleeps.
 */
void hvnet_vmbus_recv_done(struct hvnet_vmbus_chan *chan)
{
	bool kick = false;

	rcu_read_lock();
	if (READ_ONCE(chan->opened) && READ_ONCE(chan->ch.outbound.ring_buffer))
		kick = hvnet_ring_read_commit(&chan->host_rx);
	rcu_read_unlock();
	if (kick)
		hvnet_vmbus_kick_guest(chan);
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_recv_done);

/**
 * hvnet_vmbus_recv_begin() - the host reader takes no signals while it drains
 * @chan: the channel
 */
void hvnet_vmbus_recv_begin(struct hvnet_vmbus_chan *chan)
{
	rcu_read_lock();
	if (READ_ONCE(chan->opened) && READ_ONCE(chan->ch.outbound.ring_buffer))
		hvnet_ring_read_begin(&chan->host_rx);
	rcu_read_unlock();
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_recv_begin);

/**
 * hvnet_vmbus_recv_end() - the host reader takes signals again
 * @chan: the channel
 *
 * Return: true if the guest wrote meanwhile: drain again.
 */
bool hvnet_vmbus_recv_end(struct hvnet_vmbus_chan *chan)
{
	bool more = false;

	rcu_read_lock();
	if (READ_ONCE(chan->opened) && READ_ONCE(chan->ch.outbound.ring_buffer))
		more = hvnet_ring_read_end(&chan->host_rx);
	rcu_read_unlock();
	return more;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_recv_end);

/**
 * hvnet_vmbus_send() - write one host->guest packet
 * @chan: the channel
 * @type: the descriptor's type
 * @flags: its flags
 * @trans_id: its transaction id
 * @hdr_len: bytes of @iov that belong to the descriptor (multiple of 8)
 * @iov: the payload's pieces
 * @nr: how many
 *
 * The guest's callback runs (an IPI on its target CPU) when its
 * interrupt_mask is clear after the write.
 *
 * Return: 0, -EAGAIN (no room: ops->signal() follows when there is),
 * -EMSGSIZE, -EINVAL, -ENODEV (not open) or -EIO (corrupt ring). Never
 * sleeps.
 */
int hvnet_vmbus_send(struct hvnet_vmbus_chan *chan, u16 type, u16 flags,
		     u64 trans_id, u32 hdr_len, const struct kvec *iov,
		     unsigned int nr)
{
	struct hv_ring_buffer_info *rbi = &chan->ch.inbound;
	struct hvnet_vmpacket_desc d;
	unsigned long flags_irq;
	u32 payload = 0, pkt_len;
	bool kick = false;
	unsigned int i;
	int ret;

	if (!IS_ALIGNED(hdr_len, 8))
		return -EINVAL;
	for (i = 0; i < nr; i++) {
		if (iov[i].iov_len > U16_MAX * 8)
			return -EMSGSIZE;
		payload += iov[i].iov_len;
	}
	if (hdr_len > payload)
		return -EINVAL;
	pkt_len = ALIGN(sizeof(d) + payload, 8);
	if (pkt_len > U16_MAX * 8)
		return -EMSGSIZE;
	d.type = type;
	d.offset8 = (sizeof(d) + hdr_len) >> 3;
	d.len8 = pkt_len >> 3;
	d.flags = flags;
	d.trans_id = trans_id;

	rcu_read_lock();
	spin_lock_irqsave(&chan->send_lock, flags_irq);
	if (!chan->opened || !rbi->ring_buffer) {
		ret = -ENODEV;
		goto out;
	}
	/* what the guest's hv_pkt_iter_first() copies: more would desync it */
	if (pkt_len > rbi->pkt_buffer_size) {
		ret = -EMSGSIZE;
		goto out;
	}
	ret = hvnet_ring_write(&chan->host_tx, &d, iov, nr, &kick);
out:
	spin_unlock_irqrestore(&chan->send_lock, flags_irq);
	rcu_read_unlock();
	if (!ret && kick)
		hvnet_vmbus_kick_guest(chan);
	return ret;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_send);

static void hvnet_ring_state(const struct hv_ring_buffer_info *rbi,
			     struct hvnet_vmbus_ring_state *st)
{
	const struct hv_ring_buffer *rb = rbi->ring_buffer;

	st->read_index = READ_ONCE(rb->read_index);
	st->write_index = READ_ONCE(rb->write_index);
	st->interrupt_mask = READ_ONCE(rb->interrupt_mask);
	st->pending_send_sz = READ_ONCE(rb->pending_send_sz);
	st->datasize = rbi->ring_datasize;
}

/**
 * hvnet_vmbus_chan_rings() - both rings of an open channel, for netlink
 * @chan: the channel
 * @in: the guest->host ring
 * @out: the host->guest ring
 *
 * Return: 0 or -ENODEV when the channel is not open.
 */
int hvnet_vmbus_chan_rings(struct hvnet_vmbus_chan *chan,
			   struct hvnet_vmbus_ring_state *in,
			   struct hvnet_vmbus_ring_state *out)
{
	int ret = -ENODEV;

	rcu_read_lock();
	if (READ_ONCE(chan->opened) && READ_ONCE(chan->ch.outbound.ring_buffer) &&
	    READ_ONCE(chan->ch.inbound.ring_buffer)) {
		hvnet_ring_state(&chan->ch.outbound, in);
		hvnet_ring_state(&chan->ch.inbound, out);
		ret = 0;
	}
	rcu_read_unlock();
	return ret;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_rings);

static int hvnet_gpadl_copy(const struct hvnet_gpadl *gpadl, u32 offset,
			    void *mem, u32 len, bool to_gpadl)
{
	if (offset > gpadl->size || len > gpadl->size - offset)
		return -EFAULT;
	while (len) {
		u32 in_page = offset & ~PAGE_MASK;
		u32 n = min_t(u32, len, PAGE_SIZE - in_page);
		struct page *page = gpadl->pages[offset >> PAGE_SHIFT];
		u8 *va = kmap_local_page(page);

		if (to_gpadl)
			memcpy(va + in_page, mem, n);
		else
			memcpy(mem, va + in_page, n);
		kunmap_local(va);
		mem += n;
		offset += n;
		len -= n;
	}
	return 0;
}

/**
 * hvnet_gpadl_read() - copy out of a GPADL buffer
 * @gpadl: from hvnet_vmbus_gpadl_get()
 * @offset: where in the buffer
 * @dst: where to
 * @len: how many bytes
 *
 * Return: 0 or -EFAULT when out of bounds.
 */
int hvnet_gpadl_read(const struct hvnet_gpadl *gpadl, u32 offset, void *dst,
		     u32 len)
{
	return hvnet_gpadl_copy(gpadl, offset, dst, len, false);
}
EXPORT_SYMBOL_GPL(hvnet_gpadl_read);

/**
 * hvnet_gpadl_write() - copy into a GPADL buffer
 * @gpadl: from hvnet_vmbus_gpadl_get()
 * @offset: where in the buffer
 * @src: where from
 * @len: how many bytes
 *
 * Return: 0 or -EFAULT when out of bounds.
 */
int hvnet_gpadl_write(const struct hvnet_gpadl *gpadl, u32 offset,
		      const void *src, u32 len)
{
	return hvnet_gpadl_copy(gpadl, offset, (void *)src, len, true);
}
EXPORT_SYMBOL_GPL(hvnet_gpadl_write);

/**
 * hvnet_vmbus_read_gpa() - copy from a guest page frame a packet named
 * @chan: the channel the packet came on
 * @pfn: the frame (4 KiB units)
 * @offset: where in it
 * @dst: where to
 * @len: how many bytes; @offset + @len must stay in the frame
 *
 * The guest of this bus is a driver in this kernel, trusted code that may
 * name any memory: the frame only has to be RAM with a struct page that is
 * not reserved. A guest in user space (a later bus) must restrict frames to
 * the memory it owns.
 *
 * Return: 0 or -EFAULT.
 */
int hvnet_vmbus_read_gpa(struct hvnet_vmbus_chan *chan, u64 pfn, u32 offset,
			 void *dst, u32 len)
{
	struct page *page;
	void *va;

	if (offset >= PAGE_SIZE || len > PAGE_SIZE - offset ||
	    pfn > ULONG_MAX || !pfn_valid(pfn))
		return -EFAULT;
	page = pfn_to_page(pfn);
	if (PageReserved(page))
		return -EFAULT;
	va = kmap_local_page(page);
	memcpy(dst, va + offset, len);
	kunmap_local(va);
	return 0;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_read_gpa);
