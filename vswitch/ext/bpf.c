// SPDX-License-Identifier: GPL-2.0
/*
 * The bpf extension: a filter that runs BPF_PROG_TYPE_SCHED_CLS programs
 * (tc's classifiers, the objects "tc filter ... bpf da" takes) on a port's
 * traffic, the Linux analogue of Hyper-V's WFP callouts. A port has at most
 * one program per direction:
 *   out  what the port sends into the switch (its ingress): a verdict that
 *        takes the packet off its way drops it;
 *   in   what the switch sends to the port (the port as a destination, on
 *        egress): such a verdict excludes the port.
 * TC_ACT_SHOT, _STOLEN, _QUEUED, _TRAP and _REDIRECT take a packet off its
 * way (a filter cannot redirect); every other verdict lets it pass, as
 * TC_ACT_OK and TC_ACT_UNSPEC do. Packets made by extensions (source port
 * 0) are not filtered.
 *
 * A program is attached by the custom port property HVNET_EXT_BPF_PROP_ID
 * (include/uapi/linux/hvnet_ext_bpf.h). Its add and update ops run in the
 * process that sends the property, where its fd is resolved: the extension
 * takes its own reference on the program and drops it when the property
 * goes, the port goes, or the extension leaves the switch. The stored
 * property also names the program by id (checked against the fd), so that
 * what user space reads back stays true after the fd is closed. A program
 * does not outlive its attachment: when the extension is enabled again,
 * the replayed properties' fds resolve to nothing and are refused.
 *
 * A program runs as cls_bpf runs it (bpf_compute_data_pointers(), then
 * bpf_prog_run()), and sees what a tc program on a port's netdev sees:
 * skb->data at the Ethernet header, without the VLAN tag (the switch keeps
 * the packet's VLAN out of the frame). The data path ops get a const skb;
 * running a program needs a writable one, and this is why the cast is
 * sound: the switch owns the skb (shared ones were copied at its receive
 * edge); skb->cb, where tc's view is written for the run, is saved and
 * restored around it, and so are the fields a program may write (mark,
 * priority, queue_mapping, tc_index, tstamp); a program that reallocates or
 * resizes the data, changes its protocol or VLAN, or assigns a socket or a
 * dst has changed the packet, which a filter may not do: the packet is
 * dropped (and the program's first such packet logged). Bytes rewritten in
 * place cannot be told apart cheaply and go on as written; a program that
 * the extension runs should not write to the packet.
 *
 * Locking: the per-switch state changes only in the control path ops,
 * attach and detach, which the switch calls with RTNL and its configuration
 * mutex held: they are serialized, and RTNL is what the dereferences below
 * check. The data path reads under RCU: ports from an xarray, programs
 * through RCU pointers. A detached program is put after a grace period, or
 * at once in detach, after which the switch runs no data path op of ours.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bpf.h>
#include <linux/build_bug.h>
#include <linux/filter.h>
#include <linux/if_vlan.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include <net/sch_generic.h>
#include <uapi/linux/pkt_cls.h>
#include <hvnet/compat.h>
#include <hvnet/version.h>
#include <hvnet/vswitch_ext.h>
#include <uapi/linux/hvnet_ext_bpf.h>

static_assert(VSWITCH_EXT_PROP_ID('b', 'p', 'f', ' ') == HVNET_EXT_BPF_PROP_ID);
static_assert(sizeof(struct hvnet_ext_bpf_prop) == 36);
static_assert(HVNET_EXT_BPF_TAG_SIZE == BPF_TAG_SIZE);
static_assert(HVNET_EXT_BPF_NAME_LEN == BPF_OBJ_NAME_LEN);

#define HVBPF_NDIR	2

static const char *const hvbpf_dir_name[HVBPF_NDIR] = {
	[HVNET_EXT_BPF_DIR_IN] = "in",
	[HVNET_EXT_BPF_DIR_OUT] = "out",
};

/* A program attached to a port in one direction */
struct hvbpf_prog {
	struct bpf_prog *prog;
	u32 instance;		/* of the property that attached it */
	bool warned;		/* of a packet it changed */
};

struct hvbpf_port {
	struct hvbpf_prog __rcu *dir[HVBPF_NDIR];
	struct rcu_head rcu;
};

/* The extension on one switch */
struct hvbpf_switch {
	struct xarray ports;	/* port id -> struct hvbpf_port */
	unsigned int nprogs;	/* attached; 0 lets the data path out early */
};

/* ---- running a program ---- */

/* What a program decided for a packet */
enum hvbpf_verdict {
	HVBPF_PASS,
	HVBPF_DROP,
	HVBPF_CHANGED,		/* it changed the packet */
};

/* What a run may change and is put back, or checked, after it */
struct hvbpf_saved {
	u8 cb[sizeof_field(struct sk_buff, cb)];
	ktime_t tstamp;
	u32 mark;
	u32 priority;
	u16 queue_mapping;
#ifdef CONFIG_NET_SCHED
	u16 tc_index;
#endif
	/* checked */
	unsigned char *data;
	unsigned int len;
	__be16 protocol;
	__be16 vlan_proto;
	u16 vlan_tci;
	bool vlan_present;
	struct sock *sk;
	unsigned long refdst;
};

static void hvbpf_save(struct sk_buff *skb, struct hvbpf_saved *s)
{
	memcpy(s->cb, skb->cb, sizeof(s->cb));
	s->tstamp = skb->tstamp;
	s->mark = skb->mark;
	s->priority = skb->priority;
	s->queue_mapping = skb->queue_mapping;
#ifdef CONFIG_NET_SCHED
	s->tc_index = skb->tc_index;
#endif
	s->data = skb->data;
	s->len = skb->len;
	s->protocol = skb->protocol;
	s->vlan_proto = skb->vlan_proto;
	s->vlan_tci = skb->vlan_tci;
	s->vlan_present = skb_vlan_tag_present(skb);
	s->sk = skb->sk;
	s->refdst = skb->_skb_refdst;
}

/* Put back what the program may have written; true if it changed the packet. */
static bool hvbpf_restore(struct sk_buff *skb, const struct hvbpf_saved *s)
{
	memcpy(skb->cb, s->cb, sizeof(s->cb));
	skb->tstamp = s->tstamp;
	skb->mark = s->mark;
	skb->priority = s->priority;
	skb->queue_mapping = s->queue_mapping;
#ifdef CONFIG_NET_SCHED
	skb->tc_index = s->tc_index;
#endif
	return skb->data != s->data || skb->len != s->len ||
	       skb->protocol != s->protocol || skb->vlan_proto != s->vlan_proto ||
	       skb->vlan_tci != s->vlan_tci ||
	       skb_vlan_tag_present(skb) != s->vlan_present ||
	       skb->sk != s->sk || skb->_skb_refdst != s->refdst;
}

/*
 * Run @bp on @cskb as cls_bpf runs a direct-action program. Under RCU with
 * bottom halves disabled.
 */
static enum hvbpf_verdict hvbpf_run(struct hvbpf_prog *bp, const struct sk_buff *cskb)
{
	/* sound, see the top of the file */
	struct sk_buff *skb = (struct sk_buff *)cskb;
	struct hvnet_bpf_net_ctx net_ctx;
	struct hvbpf_saved saved;
	bool no_dev = !skb->dev;
	bool changed;
	int ret;

	hvbpf_save(skb, &saved);
	/* tc's view of the control block: its own part, cleared */
	memset(qdisc_skb_cb(skb), 0, sizeof(struct qdisc_skb_cb));
	qdisc_skb_cb(skb)->pkt_len = skb->len;
	/*
	 * A synthetic NIC's frames have no netdev; helpers that look up a
	 * namespace through skb->dev (sk and FIB lookups) get one with no
	 * ifindex in the initial namespace.
	 */
	if (no_dev)
		skb->dev = blackhole_netdev;

	hvnet_bpf_net_ctx_enter(&net_ctx);
	bpf_compute_data_pointers(skb);
	ret = bpf_prog_run(bp->prog, skb);
	hvnet_bpf_net_ctx_leave(&net_ctx);

	if (no_dev)
		skb->dev = NULL;
	changed = hvbpf_restore(skb, &saved);
	if (unlikely(changed)) {
		if (!READ_ONCE(bp->warned)) {
			WRITE_ONCE(bp->warned, true);
			pr_warn("program %u (%.*s) changed a packet: dropped, as it will be every time\n",
				bp->prog->aux->id, BPF_OBJ_NAME_LEN, bp->prog->aux->name);
		}
		return HVBPF_CHANGED;
	}

	switch (ret) {
	case TC_ACT_SHOT:
	case TC_ACT_STOLEN:
	case TC_ACT_QUEUED:
	case TC_ACT_TRAP:
	case TC_ACT_REDIRECT:
		return HVBPF_DROP;
	default:
		return HVBPF_PASS;
	}
}

/* The program of port @port_id in direction @dir, or NULL. Under RCU. */
static struct hvbpf_prog *hvbpf_lookup(struct hvbpf_switch *sw, u16 port_id, int dir)
{
	struct hvbpf_port *port = xa_load(&sw->ports, port_id);

	return port ? rcu_dereference(port->dir[dir]) : NULL;
}

/* The programs of the source port, direction out */
static enum vswitch_ext_verdict hvbpf_ingress(struct vswitch_ext_ctx *ctx,
					      const struct sk_buff *skb,
					      struct vswitch_fwd *fwd)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	u16 src = vswitch_fwd_src_port(fwd);
	struct hvbpf_prog *bp;

	if (!READ_ONCE(sw->nprogs) || !src)
		return VSWITCH_EXT_PASS;
	bp = hvbpf_lookup(sw, src, HVNET_EXT_BPF_DIR_OUT);
	if (bp && hvbpf_run(bp, skb) != HVBPF_PASS)
		return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_POLICY);
	return VSWITCH_EXT_PASS;
}

/* The programs of each destination port, direction in */
static enum vswitch_ext_verdict hvbpf_egress(struct vswitch_ext_ctx *ctx,
					     const struct sk_buff *skb,
					     struct vswitch_fwd *fwd)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	unsigned int i, n = vswitch_fwd_ndest(fwd);
	struct hvbpf_prog *bp;

	if (!READ_ONCE(sw->nprogs) || !vswitch_fwd_src_port(fwd))
		return VSWITCH_EXT_PASS;
	for (i = 0; i < n; i++) {
		struct vswitch_dest dest = vswitch_fwd_dest(fwd, i);

		if (dest.flags & VSWITCH_DEST_EXCLUDED)
			continue;
		bp = hvbpf_lookup(sw, dest.port, HVNET_EXT_BPF_DIR_IN);
		if (!bp)
			continue;
		switch (hvbpf_run(bp, skb)) {
		case HVBPF_PASS:
			break;
		case HVBPF_DROP:
			vswitch_fwd_exclude(fwd, i, VSWITCH_EXT_REASON_POLICY);
			break;
		case HVBPF_CHANGED:
			/* what every destination would get is not what was sent */
			return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_POLICY);
		}
	}
	return VSWITCH_EXT_PASS;
}

/* ---- attaching programs: the property ---- */

/* The property's layout checked, in @p. */
static int hvbpf_parse(const struct vswitch_ext_prop *prop, struct hvnet_ext_bpf_prop *p,
		       struct netlink_ext_ack *extack)
{
	if (!prop->port_id) {
		NL_SET_ERR_MSG(extack, "A bpf program attaches to a port, not to the switch");
		return -EINVAL;
	}
	if (prop->version != HVNET_EXT_BPF_PROP_VERSION) {
		NL_SET_ERR_MSG_FMT(extack, "bpf property version %u is not known (%u is)",
				   prop->version, HVNET_EXT_BPF_PROP_VERSION);
		return -EOPNOTSUPP;
	}
	if (prop->len != sizeof(*p)) {
		NL_SET_ERR_MSG_FMT(extack, "A bpf property is %zu bytes, not %u",
				   sizeof(*p), prop->len);
		return -EINVAL;
	}
	memcpy(p, prop->data, sizeof(*p));
	if (p->dir >= HVBPF_NDIR) {
		NL_SET_ERR_MSG_FMT(extack, "bpf direction %u: 0 (in) or 1 (out)", p->dir);
		return -EINVAL;
	}
	if (memchr_inv(p->reserved, 0, sizeof(p->reserved))) {
		NL_SET_ERR_MSG(extack, "The bpf property's reserved bytes are not zero");
		return -EINVAL;
	}
	if (!p->prog_id) {
		NL_SET_ERR_MSG(extack, "The bpf property names no program id");
		return -EINVAL;
	}
	return 0;
}

/*
 * The program @p names, from its fd in the calling process, with a
 * reference, or an ERR_PTR.
 */
static struct bpf_prog *hvbpf_prog_get(const struct hvnet_ext_bpf_prop *p,
				       struct netlink_ext_ack *extack)
{
	struct bpf_prog *prog = bpf_prog_get_type(p->fd, BPF_PROG_TYPE_SCHED_CLS);

	if (IS_ERR(prog)) {
		if (PTR_ERR(prog) == -EBADF)
			NL_SET_ERR_MSG_FMT(extack, "bpf: fd %d is not open in the sending process",
					   p->fd);
		else
			NL_SET_ERR_MSG_FMT(extack, "bpf: fd %d is not a sched_cls (tc) BPF program",
					   p->fd);
		return prog;
	}
	if (prog->aux->id != p->prog_id) {
		NL_SET_ERR_MSG_FMT(extack, "bpf: fd %d is program %u, not %u",
				   p->fd, prog->aux->id, p->prog_id);
		goto mismatch;
	}
	if (memchr_inv(p->tag, 0, sizeof(p->tag)) &&
	    memcmp(p->tag, prog->tag, sizeof(p->tag))) {
		NL_SET_ERR_MSG_FMT(extack, "bpf: program %u has another tag", p->prog_id);
		goto mismatch;
	}
	if (p->name[0] && strncmp(p->name, prog->aux->name, sizeof(p->name))) {
		NL_SET_ERR_MSG_FMT(extack, "bpf: program %u is named %.*s", p->prog_id,
				   BPF_OBJ_NAME_LEN, prog->aux->name);
		goto mismatch;
	}
	return prog;

mismatch:
	bpf_prog_put(prog);
	return ERR_PTR(-EINVAL);
}

/* The port's state, made if it has none yet. */
static struct hvbpf_port *hvbpf_port(struct hvbpf_switch *sw, u16 port_id)
{
	struct hvbpf_port *port = xa_load(&sw->ports, port_id);
	int err;

	if (port)
		return port;
	port = kzalloc(sizeof(*port), GFP_KERNEL);
	if (!port)
		return ERR_PTR(-ENOMEM);
	err = xa_err(xa_store(&sw->ports, port_id, port, GFP_KERNEL));
	if (err) {
		kfree(port);
		return ERR_PTR(err);
	}
	return port;
}

/* The direction whose program the property @instance attached, or -1. */
static int hvbpf_find(const struct hvbpf_port *port, u32 instance)
{
	struct hvbpf_prog *bp;
	int dir;

	for (dir = 0; dir < HVBPF_NDIR; dir++) {
		bp = rtnl_dereference(port->dir[dir]);
		if (bp && bp->instance == instance)
			return dir;
	}
	return -1;
}

/* Free an attachment no reader can reach any more. */
static void hvbpf_free(struct hvbpf_prog *bp)
{
	bpf_prog_put(bp->prog);
	kfree(bp);
}

/* Free an attachment just unpublished, once readers are done with it. */
static void hvbpf_release(struct hvbpf_prog *bp)
{
	synchronize_net();
	hvbpf_free(bp);
}

/*
 * prop_add and prop_update: attach the program, in place of the one that
 * the property (@port_id, @instance) attached before, if any.
 */
static int hvbpf_prop_set(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			  struct netlink_ext_ack *extack)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	struct hvbpf_prog *bp, *old = NULL;
	struct hvnet_ext_bpf_prop p;
	struct hvbpf_port *port;
	struct bpf_prog *prog;
	int err, old_dir;

	if (prop->id != HVNET_EXT_BPF_PROP_ID)
		return 0;
	err = hvbpf_parse(prop, &p, extack);
	if (err)
		return err;
	port = hvbpf_port(sw, prop->port_id);
	if (IS_ERR(port))
		return PTR_ERR(port);
	old_dir = hvbpf_find(port, prop->instance);
	if (old_dir != p.dir && rtnl_dereference(port->dir[p.dir])) {
		NL_SET_ERR_MSG_FMT(extack, "Port %u has a bpf program for dir %s already",
				   prop->port_id, hvbpf_dir_name[p.dir]);
		return -EEXIST;
	}
	prog = hvbpf_prog_get(&p, extack);
	if (IS_ERR(prog))
		return PTR_ERR(prog);
	bp = kzalloc(sizeof(*bp), GFP_KERNEL);
	if (!bp) {
		bpf_prog_put(prog);
		return -ENOMEM;
	}
	bp->prog = prog;
	bp->instance = prop->instance;

	/* the new program first: the direction is never left unfiltered */
	if (old_dir >= 0)
		old = rtnl_dereference(port->dir[old_dir]);
	rcu_assign_pointer(port->dir[p.dir], bp);
	if (old_dir < 0)
		WRITE_ONCE(sw->nprogs, sw->nprogs + 1);
	else if (old_dir != p.dir)
		RCU_INIT_POINTER(port->dir[old_dir], NULL);
	if (old)
		hvbpf_release(old);
	return 0;
}

static void hvbpf_prop_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	struct hvbpf_port *port;
	struct hvbpf_prog *bp;
	int dir;

	if (prop->id != HVNET_EXT_BPF_PROP_ID || !prop->port_id)
		return;
	port = xa_load(&sw->ports, prop->port_id);
	dir = port ? hvbpf_find(port, prop->instance) : -1;
	if (dir < 0)
		return;
	bp = rtnl_dereference(port->dir[dir]);
	RCU_INIT_POINTER(port->dir[dir], NULL);
	WRITE_ONCE(sw->nprogs, sw->nprogs - 1);
	hvbpf_release(bp);
}

/* Free a port's state; its programs are unreachable or already gone. */
static void hvbpf_port_free(struct hvbpf_switch *sw, struct hvbpf_port *port)
{
	struct hvbpf_prog *bp;
	int dir;

	for (dir = 0; dir < HVBPF_NDIR; dir++) {
		bp = rtnl_dereference(port->dir[dir]);
		if (bp) {
			WRITE_ONCE(sw->nprogs, sw->nprogs - 1);
			hvbpf_free(bp);
		}
	}
}

static void hvbpf_port_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *vport)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	struct hvbpf_port *port = xa_erase(&sw->ports, vport->id);

	if (!port)
		return;
	/* should the switch not have deleted a property of ours first */
	if (rcu_access_pointer(port->dir[HVNET_EXT_BPF_DIR_IN]) ||
	    rcu_access_pointer(port->dir[HVNET_EXT_BPF_DIR_OUT])) {
		synchronize_net();
		hvbpf_port_free(sw, port);
	}
	kfree_rcu(port, rcu);
}

/* ---- the extension on a switch ---- */

static int hvbpf_attach(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	struct hvbpf_switch *sw = kzalloc(sizeof(*sw), GFP_KERNEL);

	if (!sw)
		return -ENOMEM;
	xa_init(&sw->ports);
	vswitch_ext_set_priv(ctx, sw);
	return 0;
}

static void hvbpf_detach(struct vswitch_ext_ctx *ctx)
{
	struct hvbpf_switch *sw = vswitch_ext_priv(ctx);
	struct hvbpf_port *port;
	unsigned long id;

	/* no data path op runs any more: nothing to wait for */
	xa_for_each(&sw->ports, id, port) {
		hvbpf_port_free(sw, port);
		kfree(port);
	}
	xa_destroy(&sw->ports);
	vswitch_ext_set_priv(ctx, NULL);
	kfree(sw);
}

static const struct vswitch_ext_ops hvbpf_ops = {
	.attach		= hvbpf_attach,
	.detach		= hvbpf_detach,
	.ingress	= hvbpf_ingress,
	.egress		= hvbpf_egress,
	.port_delete	= hvbpf_port_delete,
	.prop_add	= hvbpf_prop_set,
	.prop_update	= hvbpf_prop_set,
	.prop_delete	= hvbpf_prop_delete,
};

static struct vswitch_ext hvbpf_ext = {
	.name	= HVNET_EXT_BPF_NAME,
	.class	= VSWITCH_EXT_CLASS_FILTER,
	.ops	= &hvbpf_ops,
	.owner	= THIS_MODULE,
};

static int __init hvbpf_init(void)
{
	return vswitch_ext_register(&hvbpf_ext);
}

static void __exit hvbpf_exit(void)
{
	/* detaches from every switch: every program is put there */
	vswitch_ext_unregister(&hvbpf_ext);
}

module_init(hvbpf_init);
module_exit(hvbpf_exit);
MODULE_DESCRIPTION("hvnet: switch extension running tc BPF programs per port and direction");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
