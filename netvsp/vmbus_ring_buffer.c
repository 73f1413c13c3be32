// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's half of the rings: struct hv_ring_buffer_info set up as the
 * real guest does (each ring a header page and its data pages, the data
 * mapped twice in a row so that a packet that wraps is one memcpy), the
 * guest's writer, and its reader (hv_pkt_iter_*). Compiled with
 * ring_buffer.c's include list, for the CRCs of its exports (see vmbus.h).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/hyperv.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/prefetch.h>
#include <linux/io.h>
#include <asm/mshyperv.h>
#include <linux/tracepoint.h>

#include "vmbus.h"

/**
 * hvnet_ring_guest_init() - map one ring and fill its hv_ring_buffer_info
 * @rbi: the ring's info in the channel
 * @pages: the ring's pages, the header page first, zeroed
 * @page_cnt: how many (at least 2)
 * @max_pkt_size: the size of the copy buffer for hv_pkt_iter_first(); 0
 *	for the outbound ring, which has none
 *
 * Return: 0 or -ENOMEM.
 */
int hvnet_ring_guest_init(struct hv_ring_buffer_info *rbi, struct page **pages,
			  u32 page_cnt, u32 max_pkt_size)
{
	struct page **map;
	u32 i;

	map = kcalloc(page_cnt * 2 - 1, sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	map[0] = pages[0];
	for (i = 1; i < page_cnt; i++) {
		map[i] = pages[i];
		map[i + page_cnt - 1] = pages[i];
	}
	rbi->ring_buffer = vmap(map, page_cnt * 2 - 1, VM_MAP, PAGE_KERNEL);
	kfree(map);
	if (!rbi->ring_buffer)
		return -ENOMEM;

	memset(rbi->ring_buffer, 0, HV_HYP_PAGE_SIZE);
	rbi->ring_buffer->read_index = 0;
	rbi->ring_buffer->write_index = 0;
	/* this guest honours pending_send_sz, on both of its rings */
	rbi->ring_buffer->feature_bits.value = 1;
	rbi->ring_size = page_cnt << PAGE_SHIFT;
	rbi->ring_size_div10_reciprocal = reciprocal_value(rbi->ring_size / 10);
	rbi->ring_datasize = rbi->ring_size - sizeof(struct hv_ring_buffer);
	rbi->priv_read_index = 0;
	rbi->pkt_buffer = NULL;
	rbi->pkt_buffer_size = 0;
	if (max_pkt_size) {
		rbi->pkt_buffer = kzalloc(max_pkt_size, GFP_KERNEL);
		if (!rbi->pkt_buffer) {
			vunmap(rbi->ring_buffer);
			rbi->ring_buffer = NULL;
			return -ENOMEM;
		}
		rbi->pkt_buffer_size = max_pkt_size;
	}
	return 0;
}

/* A ring's double mapping, once no reader can reach it (NULL: none). */
void hvnet_ring_guest_unmap(void *ring_buffer)
{
	if (ring_buffer)
		vunmap(ring_buffer);
}

/* The mapping is gone already (vmbus_close() unmaps after a grace period). */
void hvnet_ring_guest_cleanup(struct hv_ring_buffer_info *rbi)
{
	kfree(rbi->pkt_buffer);
	rbi->pkt_buffer = NULL;
	rbi->pkt_buffer_size = 0;
}

/**
 * hvnet_ring_guest_write() - write one packet into a channel's outbound ring
 * @ch: the channel
 * @kv: the packet's pieces, the descriptor first, each a multiple of 8 long
 *	together
 * @kv_cnt: how many
 * @requestid: the request, for the transaction id
 * @want_id: take the transaction id from next_request_id_callback(@requestid)
 *	(completion requested) rather than @requestid itself
 *
 * The host is signalled when the ring was empty and the host reader takes
 * signals (its interrupt_mask is clear).
 *
 * Return: 0, -EAGAIN, -ENODEV or -EIO (see vmbus_sendpacket()).
 */
int hvnet_ring_guest_write(struct vmbus_channel *ch, const struct kvec *kv,
			   u32 kv_cnt, u64 requestid, bool want_id)
{
	struct hv_ring_buffer_info *rbi = &ch->outbound;
	struct hvnet_vmbus_chan *c = to_hchan(ch);
	u32 total = sizeof(u64), old_write, write, read, avail, i;
	struct hv_ring_buffer *rb;
	u64 trailer, rqst_id = requestid;
	unsigned long flags;
	bool signal;
	u8 *data;

	for (i = 0; i < kv_cnt; i++)
		total += kv[i].iov_len;

	spin_lock_irqsave(&rbi->ring_lock, flags);
	if (READ_ONCE(ch->rescind) || !c->opened) {
		spin_unlock_irqrestore(&rbi->ring_lock, flags);
		return -ENODEV;
	}
	rb = rbi->ring_buffer;
	data = rb->buffer;
	old_write = rb->write_index;
	read = READ_ONCE(rb->read_index);
	if (old_write >= rbi->ring_datasize || read >= rbi->ring_datasize) {
		spin_unlock_irqrestore(&rbi->ring_lock, flags);
		return -EIO;
	}
	avail = read > old_write ? read - old_write :
		rbi->ring_datasize - (old_write - read);
	/* never fill the ring: read == write means empty */
	if (avail <= total) {
		spin_unlock_irqrestore(&rbi->ring_lock, flags);
		return -EAGAIN;
	}

	/* the data is mapped twice in a row: a copy may run past the end */
	write = old_write;
	for (i = 0; i < kv_cnt; i++) {
		memcpy(data + write, kv[i].iov_base, kv[i].iov_len);
		write += kv[i].iov_len;
		if (write >= rbi->ring_datasize)
			write -= rbi->ring_datasize;
	}
	trailer = (u64)old_write << 32;
	memcpy(data + write, &trailer, sizeof(trailer));
	write += sizeof(trailer);
	if (write >= rbi->ring_datasize)
		write -= rbi->ring_datasize;

	/* the id is taken once the packet is in, as the real guest does */
	if (want_id && ch->next_request_id_callback) {
		rqst_id = ch->next_request_id_callback(ch, requestid);
		if (rqst_id == VMBUS_RQST_ERROR) {
			spin_unlock_irqrestore(&rbi->ring_lock, flags);
			return -EAGAIN;
		}
	}
	memcpy(data + old_write + offsetof(struct vmpacket_descriptor, trans_id),
	       &rqst_id, sizeof(rqst_id));

	/* the packet before the index (release), as the real writer orders it */
	virt_mb();
	/* release: the index after every byte it covers */
	smp_store_release(&rb->write_index, write);
	/* the index before the signal decision */
	virt_mb();
	signal = !READ_ONCE(rb->interrupt_mask) &&
		 old_write == READ_ONCE(rb->read_index);
	spin_unlock_irqrestore(&rbi->ring_lock, flags);

	if (READ_ONCE(ch->rescind)) {
		if (want_id && ch->request_addr_callback)
			ch->request_addr_callback(ch, rqst_id);
		return -ENODEV;
	}
	if (signal)
		hvnet_vmbus_signal_host(c);
	return 0;
}

void hvnet_vmbus_signal_host(struct hvnet_vmbus_chan *c)
{
	c->ops->signal(c);
}

/* Bytes the host wrote that the guest has not iterated over yet. */
static u32 hvnet_pkt_iter_avail(const struct hv_ring_buffer_info *rbi)
{
	u32 priv = rbi->priv_read_index;
	/* the packet's bytes after the index that covers them */
	u32 write = smp_load_acquire(&rbi->ring_buffer->write_index);

	if (write >= rbi->ring_datasize)
		return 0;
	return write >= priv ? write - priv : rbi->ring_datasize - priv + write;
}

/**
 * hv_pkt_iter_first() - copy the next host packet out of the inbound ring
 * @channel: an open channel
 *
 * The descriptor's lengths are clamped to what was copied (at most
 * pkt_buffer_size). The copy is valid until the next iterator call.
 *
 * Return: the copy in inbound.pkt_buffer, or NULL when the ring is empty.
 */
struct vmpacket_descriptor *hv_pkt_iter_first(struct vmbus_channel *channel)
{
	struct hv_ring_buffer_info *rbi = &channel->inbound;
	struct vmpacket_descriptor *desc, *copy;
	u32 avail, pkt_len, offset;

	if (!rbi->ring_buffer || !rbi->pkt_buffer)
		return NULL;
	avail = hvnet_pkt_iter_avail(rbi);
	if (avail < sizeof(*desc))
		return NULL;
	avail = min(avail, rbi->pkt_buffer_size);

	desc = (struct vmpacket_descriptor *)(hv_get_ring_buffer(rbi) +
					      rbi->priv_read_index);
	pkt_len = READ_ONCE(desc->len8) << 3;
	offset = READ_ONCE(desc->offset8) << 3;
	if (pkt_len < sizeof(*desc) || pkt_len > avail)
		pkt_len = avail;
	if (offset < sizeof(*desc) || offset > pkt_len)
		offset = sizeof(*desc);

	copy = rbi->pkt_buffer;
	memcpy(copy, desc, pkt_len);
	copy->len8 = pkt_len >> 3;
	copy->offset8 = offset >> 3;
	return copy;
}
EXPORT_SYMBOL_GPL(hv_pkt_iter_first);

/**
 * __hv_pkt_iter_next() - step past a packet and copy the next one
 * @channel: the channel
 * @desc: the packet hv_pkt_iter_first() gave
 *
 * Return: as hv_pkt_iter_first().
 */
struct vmpacket_descriptor *
__hv_pkt_iter_next(struct vmbus_channel *channel,
		   const struct vmpacket_descriptor *desc)
{
	struct hv_ring_buffer_info *rbi = &channel->inbound;
	u32 next = rbi->priv_read_index + (desc->len8 << 3) + sizeof(u64);

	if (next >= rbi->ring_datasize)
		next -= rbi->ring_datasize;
	rbi->priv_read_index = next;
	return hv_pkt_iter_first(channel);
}
EXPORT_SYMBOL_GPL(__hv_pkt_iter_next);

/**
 * hv_pkt_iter_close() - publish what the guest read
 * @channel: the channel
 *
 * The host is signalled when it waits for room (pending_send_sz) and this
 * read made enough.
 */
void hv_pkt_iter_close(struct vmbus_channel *channel)
{
	struct hv_ring_buffer_info *rbi = &channel->inbound;
	u32 start, read, pending, free, bytes_read;
	struct hv_ring_buffer *rb = rbi->ring_buffer;

	if (!rb)
		return;
	/* the packets' contents were read before the index says so */
	virt_rmb();
	start = READ_ONCE(rb->read_index);
	read = rbi->priv_read_index;
	/* the copies out of the ring before the writer may reuse it */
	smp_store_release(&rb->read_index, read);

	if (!rb->feature_bits.feat_pending_send_sz)
		return;
	/* the index before the host's pending_send_sz */
	virt_mb();
	pending = READ_ONCE(rb->pending_send_sz);
	if (!pending)
		return;
	bytes_read = read >= start ? read - start :
		     rbi->ring_datasize - start + read;
	free = hv_get_bytes_to_write(rbi);
	/* signal on the step from "not enough" to "enough" only */
	if (free - bytes_read > pending || free <= pending)
		return;
	hvnet_vmbus_signal_host(to_hchan(channel));
}
EXPORT_SYMBOL_GPL(hv_pkt_iter_close);

/*
 * The guest's interrupt: hard IRQ on target_cpu, IRQs off, as vmbus_isr
 * calls an HV_CALL_ISR channel's callback (every mode is run so here). An
 * IPI (or, on target_cpu itself, a call with IRQs off) gives that context:
 * irq_work_queue_on() would too, but modules cannot reach it.
 */
void hvnet_vmbus_guest_irq(void *info)
{
	struct hvnet_vmbus_chan *c = info;
	struct vmbus_channel *ch = &c->ch;

	/* a kick from now on queues the IPI anew */
	atomic_set(&c->kick_pending, 0);
	/* the flag before the ring is read: a later kick is not lost */
	smp_mb__after_atomic();
	spin_lock(&ch->sched_lock);
	if (ch->onchannel_callback && !READ_ONCE(ch->rescind))
		ch->onchannel_callback(ch->channel_callback_context);
	spin_unlock(&ch->sched_lock);
}

void hvnet_vmbus_kick_guest(struct hvnet_vmbus_chan *c)
{
	int cpu = READ_ONCE(c->ch.target_cpu);

	/* one IPI in flight at a time: the callback drains what is there */
	if (atomic_cmpxchg(&c->kick_pending, 0, 1))
		return;
	if (!cpu_online(cpu))
		cpu = raw_smp_processor_id();
	if (smp_call_function_single_async(cpu, &c->csd))
		atomic_set(&c->kick_pending, 0);
}

/*
 * The callback clears kick_pending before it runs, so after a wait for it
 * one more callback may still be running: the caller has set
 * onchannel_callback to NULL under sched_lock first, and taking the lock
 * here waits that one out.
 */
void hvnet_vmbus_kick_sync(struct hvnet_vmbus_chan *c)
{
	unsigned long flags;

	while (atomic_read(&c->kick_pending))
		cpu_relax();
	spin_lock_irqsave(&c->ch.sched_lock, flags);
	spin_unlock_irqrestore(&c->ch.sched_lock, flags);
}
