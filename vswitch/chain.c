// SPDX-License-Identifier: GPL-2.0
/*
 * The extension chain on the data path: a packet's forwarding detail (its
 * source and its destination list), the walks of the chain on ingress
 * (capture, filter), at the forwarding step (the forwarding extension) and
 * on egress (the reverse), and the class powers, enforced here: whatever an
 * extension's class does not allow is refused, counted on the extension
 * and not carried out. Runs under RCU with bottom halves disabled.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/slab.h>

#include "vswitch.h"

/* How deep extensions may nest packets they originate from their ops. */
#define VSWITCH_ORIGINATE_DEPTH	3
static DEFINE_PER_CPU(u8, vswitch_originate_depth);

void vswitch_fwd_init(struct vswitch_fwd *fwd, struct vswitch *sw)
{
	fwd->sw = sw;
	fwd->cur = NULL;
	fwd->phase = VSWITCH_PHASE_NONE;
	fwd->why = VSWITCH_EXT_REASON_POLICY;
	fwd->first = 0;
	fwd->src = NULL;
	fwd->src_nic = NULL;
	fwd->src_port = 0;
	fwd->src_index = 0;
	fwd->vid = 0;
	fwd->pcp = 0;
	fwd->orig_pcp = 0;
	fwd->ndest = 0;
	fwd->cap = VSWITCH_FWD_INLINE;
	fwd->dest = fwd->inline_dest;
}

void vswitch_fwd_release(struct vswitch_fwd *fwd)
{
	if (fwd->dest != fwd->inline_dest)
		kfree(fwd->dest);
	fwd->dest = fwd->inline_dest;
	fwd->ndest = 0;
}

/* Whether @nic is one of the packet's destinations already. */
bool vswitch_fwd_has(const struct vswitch_fwd *fwd, const struct vswitch_nic *nic)
{
	unsigned int i;

	for (i = 0; i < fwd->ndest; i++)
		if (fwd->dest[i].nic == nic)
			return true;
	return false;
}

/*
 * Add a destination: a connected NIC (the caller makes sure it is not
 * there yet). Return: 0, -ENOSPC or -ENOMEM.
 */
int vswitch_fwd_push(struct vswitch_fwd *fwd, struct vswitch_nic *nic, u8 flags)
{
	struct vswitch_fwd_dest *d;

	if (fwd->ndest == fwd->cap) {
		unsigned int cap = fwd->cap * 2;

		if (cap > U16_MAX)
			return -ENOSPC;
		d = kmalloc_array(cap, sizeof(*d), GFP_ATOMIC);
		if (!d)
			return -ENOMEM;
		memcpy(d, fwd->dest, fwd->ndest * sizeof(*d));
		if (fwd->dest != fwd->inline_dest)
			kfree(fwd->dest);
		fwd->dest = d;
		fwd->cap = cap;
	}
	d = &fwd->dest[fwd->ndest++];
	d->nic = nic;
	d->port = nic->port->id;
	d->index = nic->index;
	d->flags = flags;
	d->tagged = false;
	return 0;
}

/* Count one event on an extension's binding. */
static void vswitch_ext_stat_inc(struct vswitch_ext_ctx *ctx, enum vswitch_ext_stat which)
{
	struct vswitch_ext_stats *s = this_cpu_ptr(ctx->stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->n[which]);
	u64_stats_update_end(&s->syncp);
}

/* An extension asked for what its class may not do. */
static void vswitch_ext_refuse(struct vswitch_ext_ctx *ctx)
{
	if (ctx)
		vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_REFUSED);
}

void vswitch_ext_count(struct vswitch_port *port, const struct vswitch_ext_ctx *ctx,
		       enum vswitch_ext_action action, u8 why)
{
	struct vswitch_ext_port_stats *s = this_cpu_ptr(port->ext_stats);

	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->n[ctx->ext->slot][action][why]);
	u64_stats_update_end(&s->syncp);
}

/* The extension @ctx dropped the packet: count it at the source port. */
static void vswitch_chain_dropped(struct vswitch_fwd *fwd, struct vswitch_ext_ctx *ctx)
{
	vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_DROPPED);
	if (fwd->src) {
		vswitch_ext_count(fwd->src, ctx, VSWITCH_EXT_ACTION_DROPPED, fwd->why);
		vswitch_stats_drop(fwd->src->stats, VSWITCH_DROP_EXT);
	}
}

/* Whether a verdict drops the packet, as @ctx's class allows. */
static bool vswitch_chain_verdict(struct vswitch_fwd *fwd, struct vswitch_ext_ctx *ctx,
				  enum vswitch_ext_verdict v)
{
	if (likely(v == VSWITCH_EXT_PASS))
		return false;
	if (v != VSWITCH_EXT_DROP || ctx->ext->class == VSWITCH_EXT_CLASS_CAPTURE) {
		vswitch_ext_refuse(ctx);
		return false;
	}
	vswitch_chain_dropped(fwd, ctx);
	return true;
}

/**
 * vswitch_chain_ingress() - the ingress ops of the chain, from @first on
 * @fwd: the packet's forwarding detail
 * @chain: the switch's chain
 * @first: index of the first extension to call
 * @skb: the packet
 *
 * Return: false when an extension dropped the packet (counted; the caller
 * frees it).
 */
bool vswitch_chain_ingress(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			   unsigned int first, struct sk_buff *skb)
{
	unsigned int i;

	fwd->phase = VSWITCH_PHASE_INGRESS;
	for (i = first; i < chain->n; i++) {
		struct vswitch_ext_ctx *ctx = chain->ctx[i];
		enum vswitch_ext_verdict v;

		if (!ctx->ext->ops->ingress)
			continue;
		vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_INGRESS);
		fwd->cur = ctx;
		fwd->why = VSWITCH_EXT_REASON_POLICY;
		v = ctx->ext->ops->ingress(ctx, skb, fwd);
		fwd->cur = NULL;
		if (vswitch_chain_verdict(fwd, ctx, v))
			return false;
	}
	fwd->phase = VSWITCH_PHASE_NONE;
	return true;
}

/**
 * vswitch_chain_forward() - the forwarding extension's forward op
 * @fwd: the packet's forwarding detail
 * @chain: the switch's chain
 * @first: index of the first extension eligible (packets originated by
 *	the forwarding extension itself skip it)
 * @skb: the packet
 *
 * Return: false when it dropped the packet.
 */
bool vswitch_chain_forward(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			   unsigned int first, struct sk_buff *skb)
{
	struct vswitch_ext_ctx *ctx;
	enum vswitch_ext_verdict v;

	if (!chain->n || first >= chain->n)
		return true;
	ctx = chain->ctx[chain->n - 1];
	if (ctx->ext->class != VSWITCH_EXT_CLASS_FORWARD || !ctx->ext->ops->forward)
		return true;
	vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_FORWARDED);
	fwd->phase = VSWITCH_PHASE_FORWARD;
	fwd->cur = ctx;
	fwd->why = VSWITCH_EXT_REASON_POLICY;
	v = ctx->ext->ops->forward(ctx, skb, fwd);
	fwd->cur = NULL;
	fwd->phase = VSWITCH_PHASE_NONE;
	return !vswitch_chain_verdict(fwd, ctx, v);
}

/**
 * vswitch_chain_egress() - the egress ops of the chain, in reverse order
 * @fwd: the packet's forwarding detail, its destinations chosen
 * @chain: the switch's chain
 * @skb: the packet
 *
 * Return: false when an extension dropped the packet.
 */
bool vswitch_chain_egress(struct vswitch_fwd *fwd, const struct vswitch_chain *chain,
			  struct sk_buff *skb)
{
	unsigned int i;

	fwd->phase = VSWITCH_PHASE_EGRESS;
	for (i = chain->n; i-- > 0;) {
		struct vswitch_ext_ctx *ctx = chain->ctx[i];
		enum vswitch_ext_verdict v;

		if (!ctx->ext->ops->egress)
			continue;
		vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_EGRESS);
		fwd->cur = ctx;
		fwd->why = VSWITCH_EXT_REASON_POLICY;
		v = ctx->ext->ops->egress(ctx, skb, fwd);
		fwd->cur = NULL;
		if (vswitch_chain_verdict(fwd, ctx, v))
			return false;
	}
	fwd->phase = VSWITCH_PHASE_NONE;
	return true;
}

/**
 * vswitch_fwd_src_port() - where a packet came from
 * @fwd: its forwarding detail
 *
 * Return: the source port's id; 0 for a packet an extension originated.
 */
u16 vswitch_fwd_src_port(const struct vswitch_fwd *fwd)
{
	return fwd->src_port;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_src_port);

/**
 * vswitch_fwd_src_nic() - the NIC index under the source port
 * @fwd: the packet's forwarding detail
 *
 * Return: the index (0: the port's own NIC).
 */
u8 vswitch_fwd_src_nic(const struct vswitch_fwd *fwd)
{
	return fwd->src_index;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_src_nic);

/**
 * vswitch_fwd_vid() - the packet's VLAN inside the switch
 * @fwd: the packet's forwarding detail
 *
 * Return: the VLAN id (0: the untagged network).
 */
u16 vswitch_fwd_vid(const struct vswitch_fwd *fwd)
{
	return fwd->vid;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_vid);

/**
 * vswitch_fwd_ndest() - how many destinations a packet has
 * @fwd: the packet's forwarding detail
 *
 * Return: the number, excluded ones included.
 */
unsigned int vswitch_fwd_ndest(const struct vswitch_fwd *fwd)
{
	return fwd->ndest;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_ndest);

/**
 * vswitch_fwd_dest() - one destination of a packet
 * @fwd: the packet's forwarding detail
 * @i: its index, below vswitch_fwd_ndest()
 *
 * Return: a copy of the destination (all zero if @i is out of range).
 */
struct vswitch_dest vswitch_fwd_dest(const struct vswitch_fwd *fwd, unsigned int i)
{
	struct vswitch_dest d = {};

	if (i < fwd->ndest) {
		d.port = fwd->dest[i].port;
		d.nic = fwd->dest[i].index;
		d.flags = fwd->dest[i].flags;
	}
	return d;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_dest);

/**
 * vswitch_fwd_drop() - drop the packet, with a reason
 * @fwd: the packet's forwarding detail
 * @why: the reason, counted at the source port with the extension's name
 *
 * Return it from a data path op. Refused (the packet goes on) for capture
 * extensions.
 * Return: VSWITCH_EXT_DROP.
 */
enum vswitch_ext_verdict vswitch_fwd_drop(struct vswitch_fwd *fwd, enum vswitch_ext_reason why)
{
	if (why < VSWITCH_EXT_NREASONS)
		fwd->why = why;
	return VSWITCH_EXT_DROP;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_drop);

/**
 * vswitch_fwd_exclude() - do not deliver the packet to one destination
 * @fwd: the packet's forwarding detail
 * @i: the destination's index
 * @why: the reason, counted at the destination port with the extension's name
 *
 * Exclusion is final: an excluded destination is never delivered to. A
 * packet whose destinations are all excluded is dropped.
 * Return: 0, -EPERM (a capture extension, or not from a data path op),
 * -EINVAL (no such destination or reason).
 */
int vswitch_fwd_exclude(struct vswitch_fwd *fwd, unsigned int i, enum vswitch_ext_reason why)
{
	struct vswitch_ext_ctx *ctx = fwd->cur;
	struct vswitch_fwd_dest *d;

	if (!ctx || ctx->ext->class == VSWITCH_EXT_CLASS_CAPTURE) {
		vswitch_ext_refuse(ctx);
		return -EPERM;
	}
	if (i >= fwd->ndest || why >= VSWITCH_EXT_NREASONS)
		return -EINVAL;
	d = &fwd->dest[i];
	if (d->flags & VSWITCH_DEST_EXCLUDED)
		return 0;
	d->flags |= VSWITCH_DEST_EXCLUDED;
	vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_EXCLUDED);
	vswitch_ext_count(d->nic->port, ctx, VSWITCH_EXT_ACTION_EXCLUDED, why);
	return 0;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_exclude);

/**
 * vswitch_fwd_add_dest() - add a destination
 * @fwd: the packet's forwarding detail
 * @port: the destination port's id
 * @nic: the NIC index under it
 * @flags: VSWITCH_DEST_PRESERVE_VLAN, VSWITCH_DEST_PRESERVE_PRIO
 *
 * Forwarding extensions only, from their forward op. A destination, once
 * added, stays (it can only be excluded); adding one twice is a no-op.
 * Return: 0, -EPERM (not allowed), -ENOENT (no connected NIC there),
 * -EINVAL (bad flags) or -ENOMEM.
 */
int vswitch_fwd_add_dest(struct vswitch_fwd *fwd, u16 port, u8 nic, u8 flags)
{
	struct vswitch_ext_ctx *ctx = fwd->cur;
	struct vswitch_port *p;
	struct vswitch_nic *n;
	int err;

	if (!ctx || ctx->ext->class != VSWITCH_EXT_CLASS_FORWARD ||
	    fwd->phase != VSWITCH_PHASE_FORWARD) {
		vswitch_ext_refuse(ctx);
		return -EPERM;
	}
	if (flags & ~(VSWITCH_DEST_PRESERVE_VLAN | VSWITCH_DEST_PRESERVE_PRIO))
		return -EINVAL;
	if (!port || nic > VSWITCH_MAX_NIC_INDEX)
		return -ENOENT;
	p = xa_load(&fwd->sw->ports, port);
	n = p ? rcu_dereference(p->nics[nic]) : NULL;
	if (!n || READ_ONCE(n->state) != VSWITCH_NIC_STATE_CONNECTED)
		return -ENOENT;
	if (vswitch_fwd_has(fwd, n))
		return 0;
	err = vswitch_fwd_push(fwd, n, flags);
	if (!err)
		vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_ADDED);
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_fwd_add_dest);

/**
 * vswitch_ext_clone() - a copy of a packet for an extension to keep
 * @skb: the packet an op was given
 * @gfp: allocation flags (GFP_ATOMIC on the data path)
 *
 * The clone shares the data; write to it only after skb_unshare().
 * Return: the clone or NULL.
 */
struct sk_buff *vswitch_ext_clone(const struct sk_buff *skb, gfp_t gfp)
{
	/* skb_clone() marks the original as cloned, which a reader may do */
	return skb_clone((struct sk_buff *)skb, gfp);
}
EXPORT_SYMBOL_GPL(vswitch_ext_clone);

/**
 * vswitch_ext_originate() - send a packet of the extension's own
 * @ctx: the extension's binding
 * @skb: an Ethernet frame, skb->data at its header; consumed
 * @vid: its VLAN in the switch
 *
 * The packet enters the switch's ingress below @ctx in the chain, from
 * port 0: trusted, it skips the built-in port policies, and is forwarded to
 * the destinations the rest of the chain and the switch choose.
 * Context: any; from a data path op at most VSWITCH_ORIGINATE_DEPTH deep.
 * Return: 0, -ENOENT (the extension is not enabled), -EINVAL (bad VLAN or
 * frame), -ELOOP (nested too deep). The packet is consumed in every case.
 */
int vswitch_ext_originate(struct vswitch_ext_ctx *ctx, struct sk_buff *skb, u16 vid)
{
	u8 *depth;
	int err = 0;

	if (vid >= VLAN_N_VID - 1 || skb->len < ETH_HLEN) {
		kfree_skb(skb);
		return -EINVAL;
	}
	local_bh_disable();
	rcu_read_lock();
	depth = this_cpu_ptr(&vswitch_originate_depth);
	if (*depth >= VSWITCH_ORIGINATE_DEPTH) {
		err = -ELOOP;
		vswitch_ext_refuse(ctx);
		kfree_skb(skb);
	} else if (!READ_ONCE(ctx->enabled)) {
		err = -ENOENT;
		kfree_skb(skb);
	} else {
		(*depth)++;
		vswitch_ext_stat_inc(ctx, VSWITCH_EXT_STAT_ORIGINATED);
		vswitch_ingress_ext(ctx, skb, vid);
		(*depth)--;
	}
	rcu_read_unlock();
	local_bh_enable();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_ext_originate);
