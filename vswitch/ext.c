// SPDX-License-Identifier: GPL-2.0
/*
 * Extensions: registration by their modules, their binding to every
 * switch (disabled), and enabling, disabling and ordering them per switch.
 * The enabled bindings of a switch are published as its chain, an array in
 * ingress order replaced whole under RCU; chain.c walks it per packet. Each
 * switch has two chains, allocated with it, that take turns: publishing
 * cannot fail, so taking an extension out of a chain cannot leave it there
 * nor leave the switch with no chain at all. An enabled extension holds a
 * reference on its module: it is disabled before it can be unloaded.
 *
 * A switch keeps its bindings on sw->exts in chain order: capture, filter,
 * forward, each class in the administrator's order. Under vswitch_mutex
 * (and RTNL, so that extensions may create netdevs in their ops).
 */
#include <linux/module.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "vswitch.h"

static LIST_HEAD(vswitch_exts);			/* registered, under vswitch_mutex */
static struct vswitch_ext *vswitch_ext_slots[VSWITCH_EXT_MAX];

struct vswitch_ext *vswitch_ext_by_slot(unsigned int slot)
{
	return slot < VSWITCH_EXT_MAX ? vswitch_ext_slots[slot] : NULL;
}

static struct vswitch_ext_ctx *vswitch_ext_ctx_alloc(struct vswitch *sw,
						     struct vswitch_ext *ext)
{
	struct vswitch_ext_ctx *ctx;
	int cpu;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return NULL;
	ctx->stats = alloc_percpu(struct vswitch_ext_stats);
	if (!ctx->stats) {
		kfree(ctx);
		return NULL;
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(ctx->stats, cpu)->syncp);
	ctx->sw = sw;
	ctx->ext = ext;
	return ctx;
}

static void vswitch_ext_ctx_free(struct vswitch_ext_ctx *ctx)
{
	free_percpu(ctx->stats);
	kfree(ctx);
}

/* Put @ctx on its switch's list: after the last binding of its class. */
static void vswitch_ext_link(struct vswitch *sw, struct vswitch_ext_ctx *ctx)
{
	struct vswitch_ext_ctx *pos;

	list_for_each_entry(pos, &sw->exts, sw_node) {
		if (pos->ext->class > ctx->ext->class) {
			list_add_tail(&ctx->sw_node, &pos->sw_node);
			return;
		}
	}
	list_add_tail(&ctx->sw_node, &sw->exts);
}

/*
 * Publish the enabled bindings of @sw as its chain, in the buffer that is
 * not published; the readers of its last publication are gone once the
 * grace period noted then has passed.
 */
static void vswitch_ext_publish(struct vswitch *sw)
{
	struct vswitch_chain *chain = sw->chain_buf[sw->chain_next];
	struct vswitch_ext_ctx *ctx;

	cond_synchronize_rcu(sw->chain_gp[sw->chain_next]);
	chain->n = 0;
	list_for_each_entry(ctx, &sw->exts, sw_node)
		if (ctx->enabled)
			chain->ctx[chain->n++] = ctx;
	if (vswitch_deref(sw->chain))
		sw->chain_gp[!sw->chain_next] = get_state_synchronize_rcu();
	if (chain->n) {
		rcu_assign_pointer(sw->chain, chain);
		sw->chain_next = !sw->chain_next;
	} else {
		RCU_INIT_POINTER(sw->chain, NULL);
	}
	vswitch_generation++;
}

/*
 * The extension has left its switch's chain and no packet is in its ops:
 * its detach op, and the reference on its module taken when it was
 * enabled goes.
 */
static void vswitch_ext_detach(struct vswitch_ext_ctx *ctx)
{
	ctx->enabled = false;
	if (ctx->ext->ops->detach)
		ctx->ext->ops->detach(ctx);
	ctx->priv = NULL;
	module_put(ctx->ext->owner);
}

/**
 * vswitch_ext_bind_all() - bind every registered extension to a new switch
 * @sw: the switch
 *
 * Return: 0 or -ENOMEM (the bindings made are undone by vswitch_ext_unbind_all()).
 */
int vswitch_ext_bind_all(struct vswitch *sw)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext *ext;
	int i;

	lockdep_assert_held(&vswitch_mutex);
	for (i = 0; i < ARRAY_SIZE(sw->chain_buf); i++) {
		sw->chain_buf[i] = kzalloc(struct_size(sw->chain_buf[i], ctx, VSWITCH_EXT_MAX),
					   GFP_KERNEL);
		if (!sw->chain_buf[i])
			return -ENOMEM;
		sw->chain_gp[i] = get_state_synchronize_rcu();
	}
	list_for_each_entry(ext, &vswitch_exts, node) {
		ctx = vswitch_ext_ctx_alloc(sw, ext);
		if (!ctx)
			return -ENOMEM;
		vswitch_ext_link(sw, ctx);
	}
	return 0;
}

/* A switch goes away: its enabled extensions are detached and every binding freed. */
void vswitch_ext_unbind_all(struct vswitch *sw)
{
	struct vswitch_ext_ctx *ctx, *tmp;
	int i;

	lockdep_assert_held(&vswitch_mutex);
	RCU_INIT_POINTER(sw->chain, NULL);
	synchronize_net();
	for (i = 0; i < ARRAY_SIZE(sw->chain_buf); i++) {
		kfree(sw->chain_buf[i]);
		sw->chain_buf[i] = NULL;
	}
	list_for_each_entry_safe(ctx, tmp, &sw->exts, sw_node) {
		if (ctx->enabled)
			vswitch_ext_detach(ctx);
		list_del(&ctx->sw_node);
		vswitch_ext_ctx_free(ctx);
	}
}

struct vswitch_ext_ctx *vswitch_ext_find(struct vswitch *sw, const char *name)
{
	struct vswitch_ext_ctx *ctx;

	list_for_each_entry(ctx, &sw->exts, sw_node)
		if (!strcmp(ctx->ext->name, name))
			return ctx;
	return NULL;
}

/**
 * vswitch_ext_enable() - enable an extension on its switch
 * @ctx: the binding
 * @extack: why not
 *
 * Takes a reference on the extension's module, attaches the extension and
 * replays the switch's ports, NICs and properties to it; if it refuses one,
 * the enable is undone.
 * Return: 0, -EBUSY (another forwarding extension is enabled), -ENODEV
 * (its module is being unloaded), or the extension's error.
 */
int vswitch_ext_enable(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	const struct vswitch_ext_ops *ops = ctx->ext->ops;
	struct vswitch_ext_ctx *other;
	int err;

	ASSERT_RTNL();
	lockdep_assert_held(&vswitch_mutex);
	if (ctx->enabled)
		return 0;
	if (ctx->ext->class == VSWITCH_EXT_CLASS_FORWARD) {
		list_for_each_entry(other, &ctx->sw->exts, sw_node) {
			if (!other->enabled || other->ext->class != VSWITCH_EXT_CLASS_FORWARD)
				continue;
			NL_SET_ERR_MSG_FMT(extack,
					   "switch %s already has forwarding extension %s enabled",
					   ctx->sw->name, other->ext->name);
			return -EBUSY;
		}
	}
	/* enabled, it keeps its module: rmmod of an enabled filter is refused */
	if (!try_module_get(ctx->ext->owner)) {
		NL_SET_ERR_MSG_FMT(extack, "the module of extension %s is being unloaded",
				   ctx->ext->name);
		return -ENODEV;
	}
	if (ops->attach) {
		err = ops->attach(ctx, extack);
		if (err) {
			module_put(ctx->ext->owner);
			return err;
		}
	}
	ctx->enabled = true;
	err = vswitch_ext_replay(ctx, extack);
	if (err) {
		/* not published yet: no packet has seen it */
		vswitch_ext_detach(ctx);
		return err;
	}
	vswitch_ext_publish(ctx->sw);
	return 0;
}

void vswitch_ext_disable(struct vswitch_ext_ctx *ctx)
{
	ASSERT_RTNL();
	lockdep_assert_held(&vswitch_mutex);
	if (!ctx->enabled)
		return;
	ctx->enabled = false;
	vswitch_ext_publish(ctx->sw);
	/* no packet is in one of its ops after this */
	synchronize_net();
	vswitch_ext_detach(ctx);
}

unsigned int vswitch_ext_position(const struct vswitch_ext_ctx *ctx)
{
	const struct vswitch_ext_ctx *pos;
	unsigned int n = 0;

	list_for_each_entry(pos, &ctx->sw->exts, sw_node) {
		if (pos == ctx)
			break;
		n += pos->ext->class == ctx->ext->class;
	}
	return n;
}

/**
 * vswitch_ext_move() - move an extension within its class
 * @ctx: the binding
 * @pos: its new place among the extensions of its class, 0 first
 * @extack: why not
 *
 * Return: 0 or -ERANGE (past the last of its class).
 */
int vswitch_ext_move(struct vswitch_ext_ctx *ctx, unsigned int pos,
		     struct netlink_ext_ack *extack)
{
	struct vswitch_ext_ctx *it, *before = NULL;
	unsigned int n = 0, count = 0;

	lockdep_assert_held(&vswitch_mutex);
	list_for_each_entry(it, &ctx->sw->exts, sw_node)
		count += it->ext->class == ctx->ext->class;
	if (pos >= count) {
		NL_SET_ERR_MSG_FMT(extack,
				   "switch %s has %u extensions of %s's class; positions 0-%u",
				   ctx->sw->name, count, ctx->ext->name, count - 1);
		return -ERANGE;
	}
	if (pos == vswitch_ext_position(ctx))
		return 0;
	list_del(&ctx->sw_node);
	list_for_each_entry(it, &ctx->sw->exts, sw_node) {
		if (it->ext->class != ctx->ext->class)
			continue;
		if (n++ == pos) {
			before = it;
			break;
		}
	}
	if (before)
		list_add_tail(&ctx->sw_node, &before->sw_node);
	else
		vswitch_ext_link(ctx->sw, ctx);
	vswitch_ext_publish(ctx->sw);
	return 0;
}

void vswitch_ext_stats_sum(const struct vswitch_ext_ctx *ctx, u64 sum[VSWITCH_EXT_NSTATS])
{
	int cpu, i;

	memset(sum, 0, VSWITCH_EXT_NSTATS * sizeof(u64));
	for_each_possible_cpu(cpu) {
		const struct vswitch_ext_stats *s = per_cpu_ptr(ctx->stats, cpu);
		u64 one[VSWITCH_EXT_NSTATS];
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < VSWITCH_EXT_NSTATS; i++)
				one[i] = u64_stats_read(&s->n[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < VSWITCH_EXT_NSTATS; i++)
			sum[i] += one[i];
	}
}

/* Forget what a slot's previous extension counted at every port. */
static void vswitch_ext_clear_slot(unsigned int slot)
{
	struct vswitch_port *port;
	unsigned long i, j;
	struct vswitch *sw;
	int cpu;

	xa_for_each(&vswitch_switches, i, sw) {
		xa_for_each(&sw->ports, j, port) {
			for_each_possible_cpu(cpu) {
				struct vswitch_ext_port_stats *s;

				s = per_cpu_ptr(port->ext_stats, cpu);

				u64_stats_update_begin(&s->syncp);
				memset(s->n[slot], 0, sizeof(s->n[slot]));
				u64_stats_update_end(&s->syncp);
			}
		}
	}
}

/**
 * vswitch_ext_register() - register an extension
 * @ext: the extension; name, class, ops and owner set
 *
 * Binds it, disabled, to every switch, present and future.
 * Context: process, may sleep.
 * Return: 0, -EINVAL (bad name or class), -EEXIST (name taken), -ENOSPC
 * (VSWITCH_EXT_MAX extensions registered) or -ENOMEM.
 */
int vswitch_ext_register(struct vswitch_ext *ext)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext *other;
	struct vswitch *sw;
	unsigned long i;
	int slot, err = 0;

	if (!ext->name || !ext->name[0] || strlen(ext->name) >= VSWITCH_EXT_NAME_LEN ||
	    !ext->ops || ext->class > VSWITCH_EXT_CLASS_FORWARD ||
	    (ext->ops->forward && ext->class != VSWITCH_EXT_CLASS_FORWARD))
		return -EINVAL;
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	list_for_each_entry(other, &vswitch_exts, node) {
		if (!strcmp(other->name, ext->name)) {
			err = -EEXIST;
			goto out;
		}
	}
	for (slot = 0; slot < VSWITCH_EXT_MAX && vswitch_ext_slots[slot]; slot++)
		;
	if (slot == VSWITCH_EXT_MAX) {
		err = -ENOSPC;
		goto out;
	}
	ext->slot = slot;
	xa_for_each(&vswitch_switches, i, sw) {
		ctx = vswitch_ext_ctx_alloc(sw, ext);
		if (!ctx) {
			err = -ENOMEM;
			break;
		}
		vswitch_ext_link(sw, ctx);
	}
	if (err) {
		xa_for_each(&vswitch_switches, i, sw) {
			ctx = vswitch_ext_find(sw, ext->name);
			if (ctx) {
				list_del(&ctx->sw_node);
				vswitch_ext_ctx_free(ctx);
			}
		}
		goto out;
	}
	vswitch_ext_slots[slot] = ext;
	list_add_tail(&ext->node, &vswitch_exts);
	vswitch_generation++;
out:
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_ext_register);

/**
 * vswitch_ext_unregister() - unregister an extension
 * @ext: a registered extension
 *
 * Disables it on every switch where it is enabled (detach is called) and
 * unbinds it. When this returns no op of @ext runs and none is in flight.
 * Context: process, may sleep.
 */
void vswitch_ext_unregister(struct vswitch_ext *ext)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch *sw;
	bool sync = false;
	unsigned long i;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	/* out of every chain first, then one grace period for all of them */
	xa_for_each(&vswitch_switches, i, sw) {
		ctx = vswitch_ext_find(sw, ext->name);
		if (ctx && ctx->enabled) {
			ctx->enabled = false;
			vswitch_ext_publish(sw);
			ctx->enabled = true;
			sync = true;
		}
	}
	if (sync)
		synchronize_net();
	xa_for_each(&vswitch_switches, i, sw) {
		ctx = vswitch_ext_find(sw, ext->name);
		if (!ctx)
			continue;
		if (ctx->enabled)
			vswitch_ext_detach(ctx);
		/* no chain names it since the grace period above */
		list_del(&ctx->sw_node);
		vswitch_ext_ctx_free(ctx);
	}
	vswitch_ext_clear_slot(ext->slot);
	vswitch_ext_slots[ext->slot] = NULL;
	list_del(&ext->node);
	vswitch_generation++;
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
}
EXPORT_SYMBOL_GPL(vswitch_ext_unregister);

/**
 * vswitch_ext_priv() - an extension's state on one switch
 * @ctx: the binding
 *
 * Return: what vswitch_ext_set_priv() stored, or NULL.
 */
void *vswitch_ext_priv(const struct vswitch_ext_ctx *ctx)
{
	return READ_ONCE(ctx->priv);
}
EXPORT_SYMBOL_GPL(vswitch_ext_priv);

/**
 * vswitch_ext_set_priv() - store an extension's state on one switch
 * @ctx: the binding
 * @priv: the state; the extension frees it in its detach op
 */
void vswitch_ext_set_priv(struct vswitch_ext_ctx *ctx, void *priv)
{
	WRITE_ONCE(ctx->priv, priv);
}
EXPORT_SYMBOL_GPL(vswitch_ext_set_priv);

/**
 * vswitch_ext_switch_name() - the name of a binding's switch
 * @ctx: the binding
 *
 * Return: the name, valid while the binding is.
 */
const char *vswitch_ext_switch_name(const struct vswitch_ext_ctx *ctx)
{
	return ctx->sw->name;
}
EXPORT_SYMBOL_GPL(vswitch_ext_switch_name);

/**
 * vswitch_ext_of() - the extension of a binding
 * @ctx: the binding
 *
 * Return: the registered extension.
 */
const struct vswitch_ext *vswitch_ext_of(const struct vswitch_ext_ctx *ctx)
{
	return ctx->ext;
}
EXPORT_SYMBOL_GPL(vswitch_ext_of);

/**
 * vswitch_ext_configure() - enable, disable or move an extension on a switch
 * @switch_name: the switch
 * @ext_name: the extension
 * @enable: 1 to enable, 0 to disable, -1 to leave as it is
 * @position: its new place within its class, or -1
 * @extack: why not
 *
 * What ext-set does over netlink, for administrators in the kernel.
 * Context: process, may sleep; takes RTNL and the configuration mutex.
 * Return: 0, -ENOENT (no such switch or extension), or what enabling or
 * moving returns.
 */
int vswitch_ext_configure(const char *switch_name, const char *ext_name, int enable,
			  int position, struct netlink_ext_ack *extack)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch *sw;
	int err = -ENOENT;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	sw = vswitch_find(0, switch_name);
	ctx = sw ? vswitch_ext_find(sw, ext_name) : NULL;
	if (!ctx) {
		NL_SET_ERR_MSG(extack, "no such switch or extension");
		goto out;
	}
	err = 0;
	if (position >= 0)
		err = vswitch_ext_move(ctx, position, extack);
	if (!err && enable > 0)
		err = vswitch_ext_enable(ctx, extack);
	else if (!err && enable == 0)
		vswitch_ext_disable(ctx);
out:
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_ext_configure);
