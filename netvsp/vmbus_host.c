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
#include <net/net_namespace.h>
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

static u32 hvnet_ring_used(u32 read, u32 write, u32 datasize)
{
	return write >= read ? write - read : datasize - read + write;
}

/* Take @n bytes at @off of a ring's data, wrapping (its data is mapped twice). */
static u32 hvnet_ring_advance(u32 off, u32 n, u32 datasize)
{
	off += n;
	return off >= datasize ? off - datasize : off;
}

/**
 * hvnet_vmbus_recv() - copy the next guest->host packet
 * @chan: the channel
 * @buf: where to copy it
 * @len: @buf's size
 * @pkt: filled with what the packet is
 *
 * Return: 0, -EAGAIN (empty), -EMSGSIZE (skipped: too big for @buf), -EIO
 * (corrupt ring: nothing is read from it again until it is reopened), or
 * -ENODEV (not open). Never sleeps; one reader per channel.
 */
int hvnet_vmbus_recv(struct hvnet_vmbus_chan *chan, void *buf, u32 len,
		     struct hvnet_vmbus_pkt *pkt)
{
	struct hv_ring_buffer_info *rbi = &chan->ch.outbound;
	u32 datasize, write, avail, pkt_len, off;
	struct hvnet_vmpacket_desc d;
	struct hv_ring_buffer *rb;
	int ret = 0;
	u8 *data;

	rcu_read_lock();
	rb = READ_ONCE(rbi->ring_buffer);
	if (!READ_ONCE(chan->opened) || !rb) {
		ret = -ENODEV;
		goto out;
	}
	data = rb->buffer;
	datasize = rbi->ring_datasize;
	/* the packet's bytes after the index that covers them */
	write = smp_load_acquire(&rb->write_index);
	if (write >= datasize || !IS_ALIGNED(write, 8) ||
	    chan->host_read >= datasize) {
		ret = -EIO;
		goto out;
	}
	avail = hvnet_ring_used(chan->host_read, write, datasize);
	if (!avail) {
		ret = -EAGAIN;
		goto out;
	}
	if (avail < sizeof(d) + HVNET_VMPKT_TRAILER_SIZE) {
		ret = -EIO;
		goto out;
	}
	memcpy(&d, data + chan->host_read, sizeof(d));
	pkt_len = d.len8 << 3;
	off = d.offset8 << 3;
	if (pkt_len < sizeof(d) || off < sizeof(d) || off > pkt_len ||
	    pkt_len + HVNET_VMPKT_TRAILER_SIZE > avail) {
		ret = -EIO;
		goto out;
	}
	if (pkt_len > len) {
		chan->dropped++;
		ret = -EMSGSIZE;
	} else {
		memcpy(buf, data + chan->host_read, pkt_len);
		/* the guest may rewrite the ring: the checked copy counts */
		memcpy(buf, &d, sizeof(d));
		pkt->type = d.type;
		pkt->flags = d.flags;
		pkt->trans_id = d.trans_id;
		pkt->data = buf + off;
		pkt->data_len = pkt_len - off;
		pkt->ranges = NULL;
		pkt->ranges_len = 0;
		if (d.type == HVNET_VMPKT_DATA_GPA_DIRECT) {
			pkt->ranges = buf + sizeof(d);
			pkt->ranges_len = off - sizeof(d);
		}
	}
	chan->host_read = hvnet_ring_advance(chan->host_read,
					     pkt_len + HVNET_VMPKT_TRAILER_SIZE,
					     datasize);
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
	struct hv_ring_buffer_info *rbi = &chan->ch.outbound;
	u32 start, datasize, pending, free, bytes_read;
	struct hv_ring_buffer *rb;
	bool kick = false;

	rcu_read_lock();
	rb = READ_ONCE(rbi->ring_buffer);
	if (!READ_ONCE(chan->opened) || !rb)
		goto out;
	datasize = rbi->ring_datasize;
	start = READ_ONCE(rb->read_index);
	/* the copies are done before the guest may overwrite */
	smp_store_release(&rb->read_index, chan->host_read);
	/* the index before the writer's wish */
	virt_mb();
	pending = READ_ONCE(rb->pending_send_sz);
	if (pending && start < datasize) {
		bytes_read = hvnet_ring_used(start, chan->host_read, datasize);
		free = datasize - hvnet_ring_used(chan->host_read,
						  READ_ONCE(rb->write_index) %
						  datasize, datasize);
		kick = free > pending && free - bytes_read <= pending;
	}
out:
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
	struct hv_ring_buffer *rb;

	rcu_read_lock();
	rb = READ_ONCE(chan->ch.outbound.ring_buffer);
	if (READ_ONCE(chan->opened) && rb)
		WRITE_ONCE(rb->interrupt_mask, 1);
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
	struct hv_ring_buffer *rb;
	bool more = false;

	rcu_read_lock();
	rb = READ_ONCE(chan->ch.outbound.ring_buffer);
	if (READ_ONCE(chan->opened) && rb) {
		WRITE_ONCE(rb->interrupt_mask, 0);
		/* the mask before the index: a write after it signals */
		virt_mb();
		more = READ_ONCE(rb->write_index) != chan->host_read;
	}
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
 * The guest's callback runs (irq_work on its target CPU) when its
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
	u32 datasize, read, write, avail, total, pkt_len, payload = 0;
	struct hvnet_vmpacket_desc d;
	struct hv_ring_buffer *rb;
	unsigned long flags_irq;
	unsigned int i;
	u64 trailer = 0;
	bool kick;
	u8 *data;
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
	total = pkt_len + HVNET_VMPKT_TRAILER_SIZE;

	rcu_read_lock();
	spin_lock_irqsave(&chan->send_lock, flags_irq);
	rb = rbi->ring_buffer;
	if (!chan->opened || !rb) {
		ret = -ENODEV;
		goto out;
	}
	/* what the guest's hv_pkt_iter_first() copies: more would desync it */
	if (pkt_len > rbi->pkt_buffer_size) {
		ret = -EMSGSIZE;
		goto out;
	}
	datasize = rbi->ring_datasize;
	write = rb->write_index;
	read = READ_ONCE(rb->read_index);
	if (write >= datasize || read >= datasize || !IS_ALIGNED(read, 8)) {
		ret = -EIO;
		goto out;
	}
	avail = datasize - hvnet_ring_used(read, write, datasize);
	if (avail <= total) {
		/* the guest signals once its read made this much room */
		WRITE_ONCE(rb->pending_send_sz, total);
		/* the wish before the index: a read after it signals */
		virt_mb();
		read = READ_ONCE(rb->read_index);
		avail = datasize - hvnet_ring_used(read, write, datasize);
		if (read >= datasize || avail <= total) {
			ret = -EAGAIN;
			goto out;
		}
	}
	WRITE_ONCE(rb->pending_send_sz, 0);

	d.type = type;
	d.offset8 = (sizeof(d) + hdr_len) >> 3;
	d.len8 = pkt_len >> 3;
	d.flags = flags;
	d.trans_id = trans_id;
	data = rb->buffer;
	memcpy(data + write, &d, sizeof(d));
	write = hvnet_ring_advance(write, sizeof(d), datasize);
	for (i = 0; i < nr; i++) {
		memcpy(data + write, iov[i].iov_base, iov[i].iov_len);
		write = hvnet_ring_advance(write, iov[i].iov_len, datasize);
	}
	if (pkt_len - sizeof(d) - payload) {
		memset(data + write, 0, pkt_len - sizeof(d) - payload);
		write = hvnet_ring_advance(write, pkt_len - sizeof(d) - payload,
					   datasize);
	}
	trailer = (u64)rb->write_index << HVNET_VMPKT_TRAILER_SHIFT;
	memcpy(data + write, &trailer, sizeof(trailer));
	write = hvnet_ring_advance(write, sizeof(trailer), datasize);

	/* the packet's bytes before the index that covers them */
	smp_store_release(&rb->write_index, write);
	/* the index before the guest's mask */
	virt_mb();
	kick = !READ_ONCE(rb->interrupt_mask);
	ret = 0;
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

struct net *hvnet_vmbus_net_get(struct net *net)
{
	return get_net(net);
}

void hvnet_vmbus_net_put(struct net *net)
{
	put_net(net);
}
