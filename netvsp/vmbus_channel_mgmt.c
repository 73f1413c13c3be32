// SPDX-License-Identifier: GPL-2.0
/*
 * Channel management: the host's offers and rescinds, sub-channels, and
 * which CPU a channel interrupts. The export hv_netvsc imports from here
 * (vmbus_set_sc_create_callback) is compiled with channel_mgmt.c's include
 * list, for its CRC (see vmbus.h).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/cpu.h>
#include <linux/hyperv.h>
#include <asm/mshyperv.h>
#include <linux/sched/isolation.h>
#include <linux/tracepoint.h>

#include "vmbus.h"

/* where the next device's primary channel interrupts */
static atomic_t hvnet_vmbus_next_cpu = ATOMIC_INIT(0);

/*
 * The @n-th online CPU after @first, so that the channels of one device
 * (primary @n == 0, sub-channel @n == index) land on different CPUs as long
 * as there are enough: RSS needs its queues' callbacks spread.
 */
static u32 hvnet_vmbus_pick_cpu(unsigned int first, unsigned int n)
{
	unsigned int nr, cpu;

	cpus_read_lock();
	nr = num_online_cpus();
	cpu = cpumask_nth((first + n) % nr, cpu_online_mask);
	cpus_read_unlock();
	return cpu < nr_cpu_ids ? cpu : cpumask_first(cpu_online_mask);
}

static struct hvnet_vmbus_chan *
hvnet_vmbus_chan_alloc(struct hvnet_vmbus *bus,
		       const struct hvnet_vmbus_chan_ops *ops, void *priv)
{
	struct hvnet_vmbus_chan *c;
	struct vmbus_channel *ch;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return NULL;
	ch = &c->ch;
	c->bus = bus;
	c->ops = ops;
	c->priv = priv;
	INIT_LIST_HEAD(&c->node);
	INIT_LIST_HEAD(&c->subs);
	/* the guest's callback expects a hard IRQ: an IPI's */
	INIT_CSD(&c->csd, hvnet_vmbus_guest_irq, c);
	atomic_set(&c->kick_pending, 0);
	init_completion(&c->reg_done);
	mutex_init(&c->open_lock);
	spin_lock_init(&c->send_lock);

	INIT_LIST_HEAD(&ch->listentry);
	INIT_LIST_HEAD(&ch->sc_list);
	init_completion(&ch->rescind_event);
	spin_lock_init(&ch->sched_lock);
	spin_lock_init(&ch->inbound.ring_lock);
	spin_lock_init(&ch->outbound.ring_lock);
	mutex_init(&ch->inbound.ring_buffer_mutex);
	mutex_init(&ch->outbound.ring_buffer_mutex);
	ch->callback_mode = HV_CALL_BATCHED;
	ch->state = CHANNEL_OPEN_STATE;

	spin_lock_bh(&bus->lock);
	ch->offermsg.child_relid = bus->next_relid++;
	spin_unlock_bh(&bus->lock);
	return c;
}

void hvnet_vmbus_chan_free(struct hvnet_vmbus_chan *c)
{
	kfree(c);
}

/**
 * hvnet_vmbus_offer() - offer a primary channel to the guest
 * @bus: the child partition's bus
 * @offer: its class, instance and device id; sub_channel_index must be 0
 * @ops: the host service's callbacks
 * @priv: the host service's data (hvnet_vmbus_chan_priv())
 *
 * The channel's hv_device is registered from the bus's workqueue, where
 * the guest driver probes.
 *
 * Return: the channel, or an ERR_PTR. Sleeps.
 */
struct hvnet_vmbus_chan *
hvnet_vmbus_offer(struct hvnet_vmbus *bus, const struct hvnet_vmbus_offer *offer,
		  const struct hvnet_vmbus_chan_ops *ops, void *priv)
{
	struct hvnet_vmbus_chan *c;
	struct vmbus_channel *ch;

	if (!ops || !ops->signal || offer->sub_channel_index ||
	    guid_is_null(&offer->class_id))
		return ERR_PTR(-EINVAL);
	c = hvnet_vmbus_chan_alloc(bus, ops, priv);
	if (!c)
		return ERR_PTR(-ENOMEM);
	ch = &c->ch;
	guid_copy(&ch->offermsg.offer.if_type, &offer->class_id);
	guid_copy(&ch->offermsg.offer.if_instance, &offer->instance_id);
	ch->device_id = offer->device_id;
	ch->target_cpu = hvnet_vmbus_pick_cpu(atomic_inc_return(&hvnet_vmbus_next_cpu),
					      0);
	INIT_WORK(&c->reg_work, hvnet_vmbus_device_register_work);

	spin_lock_bh(&bus->lock);
	if (bus->dead) {
		spin_unlock_bh(&bus->lock);
		kfree(c);
		return ERR_PTR(-ENODEV);
	}
	list_add_tail(&c->node, &bus->chans);
	spin_unlock_bh(&bus->lock);
	queue_work(hvnet_vmbus_pri_wq, &c->reg_work);
	return c;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_offer);

/* Announce a sub-channel to its primary's driver; hvnet_vmbus_sub_wq. */
static void hvnet_vmbus_sc_work(struct work_struct *work)
{
	struct hvnet_vmbus_chan *sc = container_of(work, struct hvnet_vmbus_chan,
						   sc_work);
	struct hvnet_vmbus_chan *pc = to_hchan(sc->ch.primary_channel);
	void (*cb)(struct vmbus_channel *new_sc);

	/* vmbus_close() of the primary clears the callback under this lock */
	mutex_lock(&pc->open_lock);
	cb = pc->ch.sc_creation_callback;
	if (cb && !sc->ch.rescind)
		cb(&sc->ch);
	sc->ch.probe_done = true;
	mutex_unlock(&pc->open_lock);
}

/**
 * hvnet_vmbus_offer_sub() - offer a sub-channel of a primary channel
 * @primary: from hvnet_vmbus_offer()
 * @index: its sub_channel_index, 1.., unique among @primary's
 * @ops: the host service's callbacks
 * @priv: the host service's data
 *
 * The primary driver's sc_creation_callback runs from the bus's
 * sub-channel workqueue, without RTNL.
 *
 * Return: the channel, or an ERR_PTR (-EEXIST for a used index). Sleeps.
 */
struct hvnet_vmbus_chan *
hvnet_vmbus_offer_sub(struct hvnet_vmbus_chan *primary, u16 index,
		      const struct hvnet_vmbus_chan_ops *ops, void *priv)
{
	struct hvnet_vmbus_chan *sc, *i;
	struct vmbus_channel *ch;

	if (!ops || !ops->signal || !index || primary->ch.primary_channel)
		return ERR_PTR(-EINVAL);
	sc = hvnet_vmbus_chan_alloc(primary->bus, ops, priv);
	if (!sc)
		return ERR_PTR(-ENOMEM);
	ch = &sc->ch;
	ch->offermsg.offer = primary->ch.offermsg.offer;
	ch->offermsg.offer.sub_channel_index = index;
	ch->device_id = primary->ch.device_id;
	ch->primary_channel = &primary->ch;
	INIT_WORK(&sc->sc_work, hvnet_vmbus_sc_work);

	mutex_lock(&primary->open_lock);
	list_for_each_entry(i, &primary->subs, node) {
		if (i->ch.offermsg.offer.sub_channel_index == index) {
			mutex_unlock(&primary->open_lock);
			kfree(sc);
			return ERR_PTR(-EEXIST);
		}
	}
	if (primary->ch.rescind) {
		mutex_unlock(&primary->open_lock);
		kfree(sc);
		return ERR_PTR(-ENODEV);
	}
	ch->target_cpu = hvnet_vmbus_pick_cpu(primary->ch.target_cpu, index);
	list_add_tail(&sc->node, &primary->subs);
	mutex_unlock(&primary->open_lock);
	queue_work(hvnet_vmbus_sub_wq, &sc->sc_work);
	return sc;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_offer_sub);

/* Take one primary away: its device first, then its channels. */
static void hvnet_vmbus_rescind_primary(struct hvnet_vmbus_chan *c)
{
	struct hvnet_vmbus_chan *sc, *tmp;
	LIST_HEAD(subs);

	/* the device is registered (or failed to be) before it goes */
	wait_for_completion(&c->reg_done);
	if (c->hv_dev) {
		/* the driver's remove tears down while the host still answers */
		device_unregister(&c->hv_dev->device);
		c->hv_dev = NULL;
	}

	mutex_lock(&c->open_lock);
	WRITE_ONCE(c->ch.rescind, true);
	list_for_each_entry(sc, &c->subs, node)
		WRITE_ONCE(sc->ch.rescind, true);
	list_splice_init(&c->subs, &subs);
	mutex_unlock(&c->open_lock);

	list_for_each_entry_safe(sc, tmp, &subs, node) {
		cancel_work_sync(&sc->sc_work);
		hvnet_vmbus_close_one(sc);
		hvnet_vmbus_chan_free(sc);
	}
	hvnet_vmbus_close_one(c);
	hvnet_vmbus_gpadls_drop(c);
	hvnet_vmbus_chan_free(c);
}

/**
 * hvnet_vmbus_rescind() - take a primary channel and its sub-channels away
 * @chan: a primary channel from hvnet_vmbus_offer()
 *
 * Its device is unregistered, so the guest driver's remove runs its normal
 * teardown (the host must still answer it), then whatever the guest left
 * open is closed and the channels are freed. No callback of them runs
 * after it returns. Sleeps; not under RTNL.
 */
void hvnet_vmbus_rescind(struct hvnet_vmbus_chan *chan)
{
	struct hvnet_vmbus *bus = chan->bus;

	if (WARN_ON(chan->ch.primary_channel))
		return;
	spin_lock_bh(&bus->lock);
	list_del_init(&chan->node);
	spin_unlock_bh(&bus->lock);
	hvnet_vmbus_rescind_primary(chan);
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_rescind);

void hvnet_vmbus_rescind_all(struct hvnet_vmbus *bus)
{
	struct hvnet_vmbus_chan *c;

	spin_lock_bh(&bus->lock);
	bus->dead = true;
	while ((c = list_first_entry_or_null(&bus->chans,
					     struct hvnet_vmbus_chan, node))) {
		list_del_init(&c->node);
		spin_unlock_bh(&bus->lock);
		hvnet_vmbus_rescind_primary(c);
		spin_lock_bh(&bus->lock);
	}
	spin_unlock_bh(&bus->lock);
}

/**
 * vmbus_set_sc_create_callback() - what to call for each new sub-channel
 * @primary_channel: the primary
 * @sc_cr_cb: called in process context with the new sub-channel
 */
void vmbus_set_sc_create_callback(struct vmbus_channel *primary_channel,
				  void (*sc_cr_cb)(struct vmbus_channel *new_sc))
{
	primary_channel->sc_creation_callback = sc_cr_cb;
}
EXPORT_SYMBOL_GPL(vmbus_set_sc_create_callback);

void *hvnet_vmbus_chan_priv(const struct hvnet_vmbus_chan *chan)
{
	return chan->priv;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_priv);

u16 hvnet_vmbus_chan_index(const struct hvnet_vmbus_chan *chan)
{
	return chan->ch.offermsg.offer.sub_channel_index;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_index);

u32 hvnet_vmbus_chan_relid(const struct hvnet_vmbus_chan *chan)
{
	return chan->ch.offermsg.child_relid;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_relid);

int hvnet_vmbus_chan_target_cpu(const struct hvnet_vmbus_chan *chan)
{
	return chan->ch.target_cpu;
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_target_cpu);

struct hvnet_vmbus_chan *hvnet_vmbus_chan_primary(struct hvnet_vmbus_chan *chan)
{
	return hchan_primary(chan);
}
EXPORT_SYMBOL_GPL(hvnet_vmbus_chan_primary);
