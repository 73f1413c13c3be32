// SPDX-License-Identifier: GPL-2.0
/*
 * The switch's forwarding table: MAC address + VLAN -> port, learned from
 * the source addresses of frames and aged out by delayed work, plus static
 * entries. Lookups are RCU; inserts, moves and removals take fdb->lock (a
 * BH lock: learning runs in softirq).
 *
 * Limits: fdb->limit caps the switch's learned entries, port->learn_limit a
 * port's. A frame whose source would exceed a limit is refused (the caller
 * drops and counts it), as Hyper-V's dynamic MAC address limit does.
 */
#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "vswitch.h"

#define VSWITCH_FDB_DEFAULT_AGEING_MS	300000
#define VSWITCH_FDB_GC_MIN_MS		100
#define VSWITCH_FDB_GC_MAX_MS		10000

static struct kmem_cache *vswitch_fdb_cache;

static const struct rhashtable_params vswitch_fdb_params = {
	.head_offset = offsetof(struct vswitch_fdb_entry, node),
	.key_offset = offsetof(struct vswitch_fdb_entry, key),
	.key_len = sizeof(struct vswitch_fdb_key),
	.automatic_shrinking = true,
};

static unsigned long vswitch_fdb_gc_interval(const struct vswitch_fdb *fdb)
{
	return msecs_to_jiffies(clamp_t(u32, READ_ONCE(fdb->ageing_ms) / 4,
					VSWITCH_FDB_GC_MIN_MS, VSWITCH_FDB_GC_MAX_MS));
}

static void vswitch_fdb_gc_work(struct work_struct *work)
{
	struct vswitch_fdb *fdb = container_of(to_delayed_work(work),
					       struct vswitch_fdb, gc);

	vswitch_fdb_age(fdb);
	queue_delayed_work(system_power_efficient_wq, &fdb->gc,
			   vswitch_fdb_gc_interval(fdb));
}

int vswitch_fdb_init(struct vswitch_fdb *fdb)
{
	int err;

	err = rhashtable_init(&fdb->tbl, &vswitch_fdb_params);
	if (err)
		return err;
	spin_lock_init(&fdb->lock);
	fdb->learned = 0;
	fdb->limit = VSWITCH_LEARN_LIMIT_DEFAULT;
	fdb->ageing_ms = VSWITCH_FDB_DEFAULT_AGEING_MS;
	INIT_DELAYED_WORK(&fdb->gc, vswitch_fdb_gc_work);
	queue_delayed_work(system_power_efficient_wq, &fdb->gc,
			   vswitch_fdb_gc_interval(fdb));
	return 0;
}

static void vswitch_fdb_free_entry(void *ptr, void *arg)
{
	kmem_cache_free(vswitch_fdb_cache, ptr);
}

/* Every port is gone and no reader is left (after a grace period). */
void vswitch_fdb_destroy(struct vswitch_fdb *fdb)
{
	cancel_delayed_work_sync(&fdb->gc);
	rhashtable_free_and_destroy(&fdb->tbl, vswitch_fdb_free_entry, NULL);
}

unsigned int vswitch_fdb_count(struct vswitch_fdb *fdb)
{
	return atomic_read(&fdb->tbl.nelems);
}

void vswitch_fdb_set_ageing(struct vswitch_fdb *fdb, u32 ms)
{
	WRITE_ONCE(fdb->ageing_ms, ms);
	mod_delayed_work(system_power_efficient_wq, &fdb->gc, vswitch_fdb_gc_interval(fdb));
}

struct vswitch_fdb_entry *vswitch_fdb_lookup(struct vswitch_fdb *fdb, const u8 *addr,
					     u16 vid)
{
	struct vswitch_fdb_key key;

	ether_addr_copy(key.addr, addr);
	key.vid = vid;
	return rhashtable_lookup(&fdb->tbl, &key, vswitch_fdb_params);
}

static bool vswitch_fdb_room(struct vswitch_fdb *fdb, struct vswitch_port *port)
{
	u32 limit = READ_ONCE(fdb->limit);

	if (limit && fdb->learned >= limit)
		return false;
	limit = READ_ONCE(port->learn_limit);
	return !limit || atomic_read(&port->learned) < limit;
}

/* Under fdb->lock: the entry stops counting as learned. */
static void vswitch_fdb_unlearn(struct vswitch_fdb *fdb, struct vswitch_fdb_entry *e)
{
	struct vswitch_port *port = rcu_dereference_protected(e->port,
							       lockdep_is_held(&fdb->lock));

	if (e->is_static)
		return;
	fdb->learned--;
	atomic_dec(&port->learned);
}

static void vswitch_fdb_free_rcu(struct rcu_head *head)
{
	kmem_cache_free(vswitch_fdb_cache, container_of(head, struct vswitch_fdb_entry, rcu));
}

/* Under fdb->lock. Entries are freed by call_rcu (not kfree_rcu) so that
 * rcu_barrier() at unload covers them.
 */
static void vswitch_fdb_remove(struct vswitch_fdb *fdb, struct vswitch_fdb_entry *e)
{
	if (rhashtable_remove_fast(&fdb->tbl, &e->node, vswitch_fdb_params))
		return;
	vswitch_fdb_unlearn(fdb, e);
	call_rcu(&e->rcu, vswitch_fdb_free_rcu);
}

/**
 * vswitch_fdb_learn() - learn that @addr on VLAN @vid is behind @port
 * @fdb: the switch's table
 * @port: where the frame came from
 * @addr: its source address (a valid unicast address)
 * @vid: its VLAN in the switch
 *
 * Called under RCU with bottom halves disabled.
 * Return: 0, or -ENOSPC when a learning limit refuses the address.
 */
int vswitch_fdb_learn(struct vswitch_fdb *fdb, struct vswitch_port *port,
		      const u8 *addr, u16 vid)
{
	struct vswitch_fdb_entry *e, *old;
	unsigned long now = jiffies;
	int ret = 0;

	e = vswitch_fdb_lookup(fdb, addr, vid);
	if (likely(e)) {
		if (e->is_static)
			return 0;
		if (likely(rcu_access_pointer(e->port) == port)) {
			if (READ_ONCE(e->updated) != now)
				WRITE_ONCE(e->updated, now);
			return 0;
		}
	}

	spin_lock(&fdb->lock);
	e = vswitch_fdb_lookup(fdb, addr, vid);
	if (e) {
		/* the station moved to @port */
		struct vswitch_port *from = rcu_dereference_protected(e->port,
								       lockdep_is_held(&fdb->lock));

		if (e->is_static || from == port)
			goto out;
		if (READ_ONCE(port->learn_limit) &&
		    atomic_read(&port->learned) >= READ_ONCE(port->learn_limit)) {
			ret = -ENOSPC;
			goto out;
		}
		atomic_dec(&from->learned);
		atomic_inc(&port->learned);
		rcu_assign_pointer(e->port, port);
		WRITE_ONCE(e->updated, now);
		goto out;
	}
	if (!vswitch_fdb_room(fdb, port)) {
		ret = -ENOSPC;
		goto out;
	}
	e = kmem_cache_alloc(vswitch_fdb_cache, GFP_ATOMIC);
	if (!e)
		goto out;	/* not learned; the frame still goes */
	ether_addr_copy(e->key.addr, addr);
	e->key.vid = vid;
	RCU_INIT_POINTER(e->port, port);
	e->updated = now;
	e->is_static = false;
	old = rhashtable_lookup_get_insert_fast(&fdb->tbl, &e->node, vswitch_fdb_params);
	if (old) {
		kmem_cache_free(vswitch_fdb_cache, e);
		goto out;
	}
	fdb->learned++;
	atomic_inc(&port->learned);
out:
	spin_unlock(&fdb->lock);
	return ret;
}

/* Configuration: add a static entry or turn an entry static on @port. */
int vswitch_fdb_add_static(struct vswitch_fdb *fdb, struct vswitch_port *port,
			   const u8 *addr, u16 vid)
{
	struct vswitch_fdb_entry *e, *old;
	int ret = 0;

	e = kmem_cache_alloc(vswitch_fdb_cache, GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	ether_addr_copy(e->key.addr, addr);
	e->key.vid = vid;
	RCU_INIT_POINTER(e->port, port);
	e->updated = jiffies;
	e->is_static = true;

	spin_lock_bh(&fdb->lock);
	old = rhashtable_lookup_get_insert_fast(&fdb->tbl, &e->node, vswitch_fdb_params);
	if (IS_ERR(old)) {
		ret = PTR_ERR(old);
	} else if (old) {
		vswitch_fdb_unlearn(fdb, old);
		old->is_static = true;
		rcu_assign_pointer(old->port, port);
		WRITE_ONCE(old->updated, jiffies);
	}
	spin_unlock_bh(&fdb->lock);
	if (old)
		kmem_cache_free(vswitch_fdb_cache, e);
	return ret;
}

int vswitch_fdb_del(struct vswitch_fdb *fdb, const u8 *addr, u16 vid)
{
	struct vswitch_fdb_entry *e;
	int ret = -ENOENT;

	spin_lock_bh(&fdb->lock);
	rcu_read_lock();
	e = vswitch_fdb_lookup(fdb, addr, vid);
	if (e) {
		vswitch_fdb_remove(fdb, e);
		ret = 0;
	}
	rcu_read_unlock();
	spin_unlock_bh(&fdb->lock);
	return ret;
}

/* Remove the entries of @port (all ports if NULL); static ones only if asked. */
void vswitch_fdb_flush(struct vswitch_fdb *fdb, struct vswitch_port *port, bool with_static)
{
	struct rhashtable_iter iter;
	struct vswitch_fdb_entry *e;

	rhashtable_walk_enter(&fdb->tbl, &iter);
	rhashtable_walk_start(&iter);
	while ((e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(e))
			continue;	/* -EAGAIN: a resize; keep walking */
		if ((port && rcu_access_pointer(e->port) != port) ||
		    (e->is_static && !with_static))
			continue;
		spin_lock_bh(&fdb->lock);
		vswitch_fdb_remove(fdb, e);
		spin_unlock_bh(&fdb->lock);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

/* Remove learned entries not refreshed within the ageing time. */
void vswitch_fdb_age(struct vswitch_fdb *fdb)
{
	unsigned long max_age = msecs_to_jiffies(READ_ONCE(fdb->ageing_ms));
	struct rhashtable_iter iter;
	struct vswitch_fdb_entry *e;

	rhashtable_walk_enter(&fdb->tbl, &iter);
	rhashtable_walk_start(&iter);
	while ((e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(e) || e->is_static ||
		    !time_after(jiffies, READ_ONCE(e->updated) + max_age))
			continue;
		spin_lock_bh(&fdb->lock);
		if (!e->is_static)
			vswitch_fdb_remove(fdb, e);
		spin_unlock_bh(&fdb->lock);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

int vswitch_fdb_module_init(void)
{
	vswitch_fdb_cache = KMEM_CACHE(vswitch_fdb_entry, 0);
	return vswitch_fdb_cache ? 0 : -ENOMEM;
}

void vswitch_fdb_module_exit(void)
{
	rcu_barrier();
	kmem_cache_destroy(vswitch_fdb_cache);
}
