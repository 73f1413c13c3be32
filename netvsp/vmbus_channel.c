// SPDX-License-Identifier: GPL-2.0
/*
 * The guest's channel calls: open and close, GPADLs, sending, and the
 * request ids that match completions to requests. Compiled with
 * channel.c's include list, for the CRCs of its exports (see vmbus.h).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/hyperv.h>
#include <linux/uio.h>
#include <linux/interrupt.h>
#include <linux/set_memory.h>
#include <asm/page.h>
#include <asm/mshyperv.h>
#include <linux/tracepoint.h>

#include "vmbus.h"

static void hvnet_vmbus_free_pages(struct page **pages, u32 nr)
{
	u32 i;

	for (i = 0; i < nr; i++)
		if (pages[i])
			__free_page(pages[i]);
	kvfree(pages);
}

static int hvnet_vmbus_rqstor_init(struct vmbus_requestor *rqstor, u32 size)
{
	u64 *arr;
	u32 i;

	arr = kvcalloc(size, sizeof(*arr), GFP_KERNEL);
	rqstor->req_bitmap = bitmap_zalloc(size, GFP_KERNEL);
	if (!arr || !rqstor->req_bitmap) {
		kvfree(arr);
		bitmap_free(rqstor->req_bitmap);
		rqstor->req_bitmap = NULL;
		return -ENOMEM;
	}
	/* a free list threaded through the slots, U64_MAX at its end */
	for (i = 0; i < size - 1; i++)
		arr[i] = i + 1;
	arr[size - 1] = U64_MAX;
	rqstor->req_arr = arr;
	rqstor->size = size;
	rqstor->next_request_id = 0;
	spin_lock_init(&rqstor->req_lock);
	return 0;
}

static void hvnet_vmbus_rqstor_free(struct vmbus_requestor *rqstor)
{
	kvfree(rqstor->req_arr);
	bitmap_free(rqstor->req_bitmap);
	rqstor->req_arr = NULL;
	rqstor->req_bitmap = NULL;
	rqstor->size = 0;
}

/* Both rings' memory, outbound first, on the node of the target CPU. */
static int hvnet_vmbus_alloc_rings(struct hvnet_vmbus_chan *c, u32 send_pages,
				   u32 recv_pages)
{
	int node = cpu_to_node(c->ch.target_cpu);
	struct page **pages;
	u32 i, nr = send_pages + recv_pages;
	int ret;

	pages = kvcalloc(nr, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		pages[i] = alloc_pages_node(node, GFP_KERNEL | __GFP_ZERO, 0);
		if (!pages[i]) {
			ret = -ENOMEM;
			goto err;
		}
	}
	ret = hvnet_ring_guest_init(&c->ch.outbound, pages, send_pages, 0);
	if (ret)
		goto err;
	ret = hvnet_ring_guest_init(&c->ch.inbound, pages + send_pages,
				    recv_pages, c->ch.max_pkt_size);
	if (ret) {
		hvnet_ring_guest_cleanup(&c->ch.outbound);
		goto err;
	}
	c->pages = pages;
	c->nr_pages = nr;
	c->out_pages = send_pages;
	return 0;
err:
	hvnet_vmbus_free_pages(pages, nr);
	return ret;
}

/* Forget the callback; once this returns it does not run any more. */
static void hvnet_vmbus_reset_cb(struct hvnet_vmbus_chan *c)
{
	unsigned long flags;

	spin_lock_irqsave(&c->ch.sched_lock, flags);
	c->ch.onchannel_callback = NULL;
	spin_unlock_irqrestore(&c->ch.sched_lock, flags);
	hvnet_vmbus_kick_sync(c);
}

/* Mark @c open or closed for both rings' writers. */
static void hvnet_vmbus_set_opened(struct hvnet_vmbus_chan *c, bool opened)
{
	unsigned long flags;

	spin_lock_irqsave(&c->ch.outbound.ring_lock, flags);
	spin_lock(&c->send_lock);
	WRITE_ONCE(c->opened, opened);
	spin_unlock(&c->send_lock);
	spin_unlock_irqrestore(&c->ch.outbound.ring_lock, flags);
}

/* Free what vmbus_open() set up; the channel is not open any more. */
static void hvnet_vmbus_free_open(struct hvnet_vmbus_chan *c)
{
	struct vmbus_channel *ch = &c->ch;
	void *out, *in;

	out = ch->outbound.ring_buffer;
	in = ch->inbound.ring_buffer;
	WRITE_ONCE(ch->outbound.ring_buffer, NULL);
	WRITE_ONCE(ch->inbound.ring_buffer, NULL);
	/*
	 * A sender that read the mapping before (hv_netvsc reads the ring's
	 * fill level before it checks rescind; the host checks c->opened
	 * under RCU) still finds it until a grace period has passed.
	 */
	synchronize_rcu();
	hvnet_ring_guest_unmap(out);
	hvnet_ring_guest_unmap(in);
	hvnet_ring_guest_cleanup(&ch->outbound);
	hvnet_ring_guest_cleanup(&ch->inbound);
	hvnet_vmbus_free_pages(c->pages, c->nr_pages);
	c->pages = NULL;
	c->nr_pages = 0;
	hvnet_vmbus_rqstor_free(&ch->requestor);
}

/**
 * vmbus_open() - open a channel: allocate and map its rings
 * @newchannel: the channel, offered and not open
 * @send_ringbuffer_size: the guest->host ring's size, header included, a
 *	multiple of PAGE_SIZE
 * @recv_ringbuffer_size: the host->guest ring's size, likewise
 * @userdata: data for the host's open message; unused by this host
 * @userdatalen: its length, at most 120
 * @onchannelcallback: called with @context when the host wrote, IRQs off
 * @context: its argument
 *
 * Return: 0; -EINVAL for bad sizes or a channel that is not closed, -ENODEV
 * when it is rescinded, -ENOMEM, or the host service's refusal. Sleeps.
 */
int vmbus_open(struct vmbus_channel *newchannel, u32 send_ringbuffer_size,
	       u32 recv_ringbuffer_size, void *userdata, u32 userdatalen,
	       void (*onchannelcallback)(void *context), void *context)
{
	struct hvnet_vmbus_chan *c = to_hchan(newchannel);
	struct vmbus_channel *ch = newchannel;
	unsigned long flags;
	int ret;

	/* a ring is a header page and at least one data page */
	if (!PAGE_ALIGNED(send_ringbuffer_size) ||
	    !PAGE_ALIGNED(recv_ringbuffer_size) ||
	    send_ringbuffer_size < 2 * PAGE_SIZE ||
	    recv_ringbuffer_size < 2 * PAGE_SIZE ||
	    userdatalen > HVNET_VMBUS_MAX_USERDATA)
		return -EINVAL;

	mutex_lock(&c->open_lock);
	if (ch->rescind) {
		ret = -ENODEV;
		goto out;
	}
	if (ch->state != CHANNEL_OPEN_STATE) {
		ret = -EINVAL;
		goto out;
	}
	if (!ch->max_pkt_size)
		ch->max_pkt_size = VMBUS_DEFAULT_MAX_PKT_SIZE;
	ret = hvnet_vmbus_alloc_rings(c, send_ringbuffer_size >> PAGE_SHIFT,
				      recv_ringbuffer_size >> PAGE_SHIFT);
	if (ret)
		goto out;
	if (ch->rqstor_size) {
		ret = hvnet_vmbus_rqstor_init(&ch->requestor, ch->rqstor_size);
		if (ret)
			goto err_rings;
	}
	ret = hvnet_vmbus_host_rings_init(c);
	if (ret)
		goto err_rings;
	ch->state = CHANNEL_OPENING_STATE;
	spin_lock_irqsave(&ch->sched_lock, flags);
	ch->channel_callback_context = context;
	ch->onchannel_callback = onchannelcallback;
	spin_unlock_irqrestore(&ch->sched_lock, flags);
	hvnet_vmbus_set_opened(c, true);

	ret = c->ops->opened ? c->ops->opened(c) : 0;
	if (ret) {
		hvnet_vmbus_set_opened(c, false);
		hvnet_vmbus_reset_cb(c);
		ch->state = CHANNEL_OPEN_STATE;
		hvnet_vmbus_free_open(c);
		goto out;
	}
	ch->state = CHANNEL_OPENED_STATE;
	mutex_unlock(&c->open_lock);
	return 0;

err_rings:
	hvnet_vmbus_set_opened(c, false);
	ch->state = CHANNEL_OPEN_STATE;
	hvnet_vmbus_free_open(c);
out:
	mutex_unlock(&c->open_lock);
	return ret;
}
EXPORT_SYMBOL_GPL(vmbus_open);

/*
 * Close one channel: no callback after it returns, the host told, the rings
 * freed. A channel that is not open only loses its callback.
 */
void hvnet_vmbus_close_one(struct hvnet_vmbus_chan *c)
{
	struct vmbus_channel *ch = &c->ch;

	mutex_lock(&c->open_lock);
	hvnet_vmbus_reset_cb(c);
	if (!c->opened) {
		mutex_unlock(&c->open_lock);
		return;
	}
	hvnet_vmbus_set_opened(c, false);
	ch->state = CHANNEL_OPEN_STATE;
	if (c->ops->closed)
		c->ops->closed(c);
	hvnet_vmbus_free_open(c);
	mutex_unlock(&c->open_lock);
}

/**
 * vmbus_close() - close a channel and, for a primary, its sub-channels
 * @channel: the channel
 *
 * Once it returns, no callback of these channels runs, and sub-channels
 * offered later are not announced. GPADLs stay until torn down. Sleeps.
 */
void vmbus_close(struct vmbus_channel *channel)
{
	struct hvnet_vmbus_chan *c = to_hchan(channel), *sc;

	if (!channel->primary_channel) {
		mutex_lock(&c->open_lock);
		channel->sc_creation_callback = NULL;
		list_for_each_entry(sc, &c->subs, node)
			hvnet_vmbus_close_one(sc);
		mutex_unlock(&c->open_lock);
	}
	hvnet_vmbus_close_one(c);
}
EXPORT_SYMBOL_GPL(vmbus_close);

/* A page of a kernel buffer: vmalloc'd (hv_netvsc's) or linear. */
static struct page *hvnet_vmbus_buf_page(void *addr)
{
	return is_vmalloc_addr(addr) ? vmalloc_to_page(addr) : virt_to_page(addr);
}

static void hvnet_gpadl_obj_release(struct kref *ref)
{
	struct hvnet_gpadl_obj *g = container_of(ref, struct hvnet_gpadl_obj, ref);
	u32 i;

	for (i = 0; i < g->pub.nr_pages; i++)
		put_page(g->pub.pages[i]);
	kvfree(g->pub.pages);
	kfree(g);
}

void hvnet_gpadl_obj_put(struct hvnet_gpadl_obj *g)
{
	kref_put(&g->ref, hvnet_gpadl_obj_release);
}

/**
 * vmbus_establish_gpadl() - describe a buffer to the host
 * @channel: a channel of the device that uses the buffer
 * @kbuffer: the buffer, page-aligned (vmalloc'd or linear)
 * @size: its size, a multiple of PAGE_SIZE
 * @gpadl: filled with the handle (never 0), the buffer and its size
 *
 * The buffer's pages stay referenced until the GPADL is torn down and the
 * host has put it. The buffer is never decrypted: there is no encryption.
 *
 * Return: 0, -EINVAL, -ENOMEM, or -ENODEV when the channel is rescinded.
 * Sleeps.
 */
int vmbus_establish_gpadl(struct vmbus_channel *channel, void *kbuffer,
			  u32 size, struct vmbus_gpadl *gpadl)
{
	struct hvnet_vmbus_chan *c = hchan_primary(to_hchan(channel));
	struct hvnet_vmbus *bus = c->bus;
	struct hvnet_gpadl_obj *g;
	u32 i, nr;

	gpadl->decrypted = false;
	if (!size || !PAGE_ALIGNED(size) || !PAGE_ALIGNED(kbuffer))
		return -EINVAL;
	if (READ_ONCE(channel->rescind))
		return -ENODEV;
	nr = size >> PAGE_SHIFT;
	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		return -ENOMEM;
	g->pub.pages = kvcalloc(nr, sizeof(*g->pub.pages), GFP_KERNEL);
	if (!g->pub.pages) {
		kfree(g);
		return -ENOMEM;
	}
	for (i = 0; i < nr; i++) {
		g->pub.pages[i] = hvnet_vmbus_buf_page(kbuffer + i * PAGE_SIZE);
		get_page(g->pub.pages[i]);
	}
	g->pub.nr_pages = nr;
	g->pub.size = size;
	g->owner = c;
	kref_init(&g->ref);

	spin_lock_bh(&bus->lock);
	g->pub.handle = bus->next_gpadl++;
	if (!bus->next_gpadl)
		bus->next_gpadl = HVNET_VMBUS_GPADL_FIRST;
	list_add_tail(&g->node, &bus->gpadls);
	spin_unlock_bh(&bus->lock);

	gpadl->gpadl_handle = g->pub.handle;
	gpadl->buffer = kbuffer;
	gpadl->size = size;
	return 0;
}
EXPORT_SYMBOL_GPL(vmbus_establish_gpadl);

static struct hvnet_gpadl_obj *
hvnet_vmbus_gpadl_find(struct hvnet_vmbus_chan *primary, u32 handle)
{
	struct hvnet_gpadl_obj *g;

	lockdep_assert_held(&primary->bus->lock);
	list_for_each_entry(g, &primary->bus->gpadls, node)
		if (g->pub.handle == handle && g->owner == primary)
			return g;
	return NULL;
}

/**
 * vmbus_teardown_gpadl() - the host stops using a buffer
 * @channel: a channel of the device that established it, open or closed
 * @gpadl: from vmbus_establish_gpadl(); its handle becomes 0
 *
 * A host still holding the GPADL (hvnet_vmbus_gpadl_get()) keeps the
 * pages referenced until it puts it.
 *
 * Return: 0, or -EINVAL for a handle this device does not have. Sleeps.
 */
int vmbus_teardown_gpadl(struct vmbus_channel *channel,
			 struct vmbus_gpadl *gpadl)
{
	struct hvnet_vmbus_chan *c = hchan_primary(to_hchan(channel));
	struct hvnet_gpadl_obj *g;

	spin_lock_bh(&c->bus->lock);
	g = hvnet_vmbus_gpadl_find(c, gpadl->gpadl_handle);
	if (g)
		list_del(&g->node);
	spin_unlock_bh(&c->bus->lock);
	if (!g)
		return -EINVAL;
	hvnet_gpadl_obj_put(g);
	gpadl->gpadl_handle = 0;
	gpadl->decrypted = false;
	return 0;
}
EXPORT_SYMBOL_GPL(vmbus_teardown_gpadl);

void hvnet_vmbus_gpadls_drop(struct hvnet_vmbus_chan *primary)
{
	struct hvnet_vmbus *bus = primary->bus;
	struct hvnet_gpadl_obj *g, *tmp;
	LIST_HEAD(gone);

	spin_lock_bh(&bus->lock);
	list_for_each_entry_safe(g, tmp, &bus->gpadls, node)
		if (g->owner == primary)
			list_move(&g->node, &gone);
	spin_unlock_bh(&bus->lock);
	list_for_each_entry_safe(g, tmp, &gone, node)
		hvnet_gpadl_obj_put(g);
}

/**
 * hvnet_vmbus_gpadl_get() - the host takes a guest's GPADL
 * @chan: a channel of the device that established it
 * @handle: the handle the guest sent
 *
 * Return: the GPADL, referenced, or NULL for a handle the device does not
 * have. Never sleeps; process or softirq context.
 */
struct hvnet_gpadl *hvnet_vmbus_gpadl_get(struct hvnet_vmbus_chan *chan,
					  u32 handle)
{
	struct hvnet_vmbus_chan *c = hchan_primary(chan);
	struct hvnet_gpadl_obj *g;

	spin_lock_bh(&c->bus->lock);
	g = hvnet_vmbus_gpadl_find(c, handle);
	if (g)
		kref_get(&g->ref);
	spin_unlock_bh(&c->bus->lock);
	return g ? &g->pub : NULL;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_gpadl_get);

/**
 * hvnet_vmbus_gpadl_put() - the host is done with a GPADL
 * @gpadl: from hvnet_vmbus_gpadl_get()
 */
void hvnet_vmbus_gpadl_put(struct hvnet_gpadl *gpadl)
{
	hvnet_gpadl_obj_put(container_of(gpadl, struct hvnet_gpadl_obj, pub));
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_gpadl_put);

/**
 * vmbus_next_request_id() - a transaction id for a request
 * @channel: the channel the request goes out on
 * @rqst_addr: what vmbus_request_addr() gives back for the id
 *
 * Return: the id (1..size), VMBUS_NO_RQSTOR without a requestor, or
 * VMBUS_RQST_ERROR when all ids are in use. Any context.
 */
u64 vmbus_next_request_id(struct vmbus_channel *channel, u64 rqst_addr)
{
	struct vmbus_requestor *rqstor = &channel->requestor;
	unsigned long flags;
	u64 id;

	if (!channel->rqstor_size)
		return VMBUS_NO_RQSTOR;
	spin_lock_irqsave(&rqstor->req_lock, flags);
	id = rqstor->next_request_id;
	if (!rqstor->req_arr || id >= rqstor->size) {
		spin_unlock_irqrestore(&rqstor->req_lock, flags);
		return VMBUS_RQST_ERROR;
	}
	rqstor->next_request_id = rqstor->req_arr[id];
	rqstor->req_arr[id] = rqst_addr;
	__set_bit(id, rqstor->req_bitmap);
	spin_unlock_irqrestore(&rqstor->req_lock, flags);
	/* 0 is what the host uses for messages nobody asked for */
	return id + 1;
}
EXPORT_SYMBOL_GPL(vmbus_next_request_id);

/**
 * vmbus_request_addr() - the request a completion answers, and free its id
 * @channel: the channel the completion came in on
 * @trans_id: the completion's transaction id
 *
 * Return: the rqst_addr given to vmbus_next_request_id(), VMBUS_NO_RQSTOR
 * without a requestor, or VMBUS_RQST_ERROR for an id not in use. Any
 * context.
 */
u64 vmbus_request_addr(struct vmbus_channel *channel, u64 trans_id)
{
	struct vmbus_requestor *rqstor = &channel->requestor;
	unsigned long flags;
	u64 addr, id;

	if (!channel->rqstor_size)
		return VMBUS_NO_RQSTOR;
	if (!trans_id)
		return VMBUS_RQST_ERROR;
	id = trans_id - 1;
	spin_lock_irqsave(&rqstor->req_lock, flags);
	if (!rqstor->req_arr || id >= rqstor->size ||
	    !test_bit(id, rqstor->req_bitmap)) {
		spin_unlock_irqrestore(&rqstor->req_lock, flags);
		return VMBUS_RQST_ERROR;
	}
	addr = rqstor->req_arr[id];
	rqstor->req_arr[id] = rqstor->next_request_id;
	rqstor->next_request_id = id;
	__clear_bit(id, rqstor->req_bitmap);
	spin_unlock_irqrestore(&rqstor->req_lock, flags);
	return addr;
}
EXPORT_SYMBOL_GPL(vmbus_request_addr);

/**
 * vmbus_sendpacket() - send an in-band packet to the host
 * @channel: an open channel
 * @buffer: the payload
 * @bufferlen: its length
 * @requestid: with VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED, given to
 *	the channel's next_request_id_callback for the transaction id; else
 *	the transaction id itself
 * @type: the packet type
 * @flags: the packet flags
 *
 * Return: 0, -EAGAIN when the ring (or the requestor) is full, -ENODEV when
 * the channel is rescinded or not open, -EIO when its indices are corrupt.
 * Never sleeps.
 */
int vmbus_sendpacket(struct vmbus_channel *channel, void *buffer,
		     u32 bufferlen, u64 requestid,
		     enum vmbus_packet_type type, u32 flags)
{
	u32 packetlen = sizeof(struct vmpacket_descriptor) + bufferlen;
	u32 packetlen_aligned = ALIGN(packetlen, sizeof(u64));
	struct vmpacket_descriptor desc;
	u64 pad = 0;
	struct kvec kv[3];

	if (packetlen_aligned > U16_MAX * 8)
		return -EINVAL;
	desc.type = type;
	desc.offset8 = sizeof(desc) >> 3;
	desc.len8 = packetlen_aligned >> 3;
	desc.flags = flags;
	desc.trans_id = VMBUS_RQST_ERROR;	/* set by the write */

	kv[0].iov_base = &desc;
	kv[0].iov_len = sizeof(desc);
	kv[1].iov_base = buffer;
	kv[1].iov_len = bufferlen;
	kv[2].iov_base = &pad;
	kv[2].iov_len = packetlen_aligned - packetlen;
	return hvnet_ring_guest_write(channel, kv, 3, requestid,
				      flags == VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED);
}
EXPORT_SYMBOL(vmbus_sendpacket);

/**
 * vmbus_sendpacket_mpb_desc() - send a packet that names guest pages
 * @channel: an open channel
 * @desc: the descriptor and its ranges, built by the caller
 * @desc_size: their size, a multiple of 8
 * @buffer: the in-band payload after them
 * @bufferlen: its length
 * @requestid: given to next_request_id_callback for the transaction id
 *
 * The packet is GPA_DIRECT with completion requested. Return values as
 * vmbus_sendpacket(). Never sleeps.
 */
int vmbus_sendpacket_mpb_desc(struct vmbus_channel *channel,
			      struct vmbus_packet_mpb_array *desc,
			      u32 desc_size, void *buffer, u32 bufferlen,
			      u64 requestid)
{
	u32 packetlen = desc_size + bufferlen;
	u32 packetlen_aligned = ALIGN(packetlen, sizeof(u64));
	u64 pad = 0;
	struct kvec kv[3];

	if (desc_size < offsetof(struct vmbus_packet_mpb_array, range) ||
	    !IS_ALIGNED(desc_size, 8) ||
	    packetlen_aligned > U16_MAX * 8)
		return -EINVAL;
	desc->type = VM_PKT_DATA_USING_GPA_DIRECT;
	desc->flags = VMBUS_DATA_PACKET_FLAG_COMPLETION_REQUESTED;
	desc->dataoffset8 = desc_size >> 3;
	desc->length8 = packetlen_aligned >> 3;
	desc->transactionid = VMBUS_RQST_ERROR;	/* set by the write */
	desc->reserved = 0;

	kv[0].iov_base = desc;
	kv[0].iov_len = desc_size;
	kv[1].iov_base = buffer;
	kv[1].iov_len = bufferlen;
	kv[2].iov_base = &pad;
	kv[2].iov_len = packetlen_aligned - packetlen;
	return hvnet_ring_guest_write(channel, kv, 3, requestid, true);
}
EXPORT_SYMBOL_GPL(vmbus_sendpacket_mpb_desc);
