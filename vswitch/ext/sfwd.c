// SPDX-License-Identifier: GPL-2.0
/*
 * The static forwarding extension: a forwarding table of its own, given by
 * the administrator rather than learned.
 *
 * Each entry (a custom port property HVNET_SFWD_PROP_ID, layout in
 * include/uapi/linux/hvnet_ext_sfwd.h) places a unicast MAC address in a
 * VLAN behind a port. A packet to such an address goes to that port, and
 * to the mirror port if the switch has one (its switch property of the
 * same id), but never back to the port it came from: a packet whose
 * address is behind its own source port is dropped. A packet to any other
 * address gets no destination from here, so the switch's own learning
 * forwarder decides, as it does when the entry's port cannot take it.
 *
 * Locking: the control path ops, attach and detach run under RTNL and the
 * switch's configuration mutex, which serialize every change of a
 * switch's table; the data path reads it under RCU (entries are replaced,
 * never changed, and freed after a grace period). The per-switch state is
 * freed in detach, after which the switch runs no data path op of ours.
 */
#include <linux/build_bug.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/jhash.h>
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <hvnet/compat.h>
#include <hvnet/version.h>
#include <hvnet/vswitch_ext.h>
#include <uapi/linux/hvnet_ext_sfwd.h>

static_assert(VSWITCH_EXT_PROP_ID('s', 'f', 'w', 'd') == HVNET_SFWD_PROP_ID);
static_assert(sizeof(struct hvnet_sfwd_entry) == 8);
static_assert(sizeof(struct hvnet_sfwd_mirror) == 4);

#define SFWD_BUCKETS	256

/* One address behind a port: a port's property instance */
struct sfwd_entry {
	struct hlist_node node;		/* in sfwd_sw.table */
	struct rcu_head rcu;
	u8 mac[ETH_ALEN];
	u16 vid;
	u16 port;
	u32 instance;
};

/* The static forwarding state of one switch */
struct sfwd_sw {
	struct hlist_head table[SFWD_BUCKETS];
	unsigned int count;
	u16 mirror;		/* 0: none */
};

static struct hlist_head *sfwd_bucket(struct sfwd_sw *sw, const u8 *mac, u16 vid)
{
	u32 hash = jhash(mac, ETH_ALEN, vid);

	return &sw->table[hash & (SFWD_BUCKETS - 1)];
}

/* Under RCU (the data path) or RTNL (the control path). */
static struct sfwd_entry *sfwd_lookup(struct sfwd_sw *sw, const u8 *mac, u16 vid)
{
	struct sfwd_entry *e;

	hlist_for_each_entry_rcu(e, sfwd_bucket(sw, mac, vid), node,
				 lockdep_rtnl_is_held())
		if (e->vid == vid && ether_addr_equal(e->mac, mac))
			return e;
	return NULL;
}

/* The entry of a port's property instance (control path). */
static struct sfwd_entry *sfwd_find(struct sfwd_sw *sw, u16 port, u32 instance)
{
	struct sfwd_entry *e;
	unsigned int i;

	for (i = 0; i < SFWD_BUCKETS; i++)
		hlist_for_each_entry(e, &sw->table[i], node)
			if (e->port == port && e->instance == instance)
				return e;
	return NULL;
}

static void sfwd_remove(struct sfwd_sw *sw, struct sfwd_entry *e)
{
	hlist_del_rcu(&e->node);
	kfree_rcu(e, rcu);
	sw->count--;
}

/* ---- the data path ---- */

static enum vswitch_ext_verdict sfwd_forward(struct vswitch_ext_ctx *ctx,
					     struct sk_buff *skb,
					     struct vswitch_fwd *fwd)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb->data;
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);
	u16 src = vswitch_fwd_src_port(fwd);
	const struct sfwd_entry *e;
	u16 port, mirror;

	if (unlikely(!sw) || !is_unicast_ether_addr(eth->h_dest))
		return VSWITCH_EXT_PASS;
	e = sfwd_lookup(sw, eth->h_dest, vswitch_fwd_vid(fwd));
	if (!e)
		return VSWITCH_EXT_PASS;
	port = e->port;
	/* never back out of the source port */
	if (port == src)
		return vswitch_fwd_drop(fwd, VSWITCH_EXT_REASON_POLICY);
	if (vswitch_fwd_add_dest(fwd, port, 0, 0))
		return VSWITCH_EXT_PASS;
	mirror = READ_ONCE(sw->mirror);
	if (mirror && mirror != src && mirror != port)
		vswitch_fwd_add_dest(fwd, mirror, 0,
				     VSWITCH_DEST_PRESERVE_VLAN | VSWITCH_DEST_PRESERVE_PRIO);
	return VSWITCH_EXT_PASS;
}

/* ---- the control path ---- */

static int sfwd_attach(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	struct sfwd_sw *sw = kzalloc(sizeof(*sw), GFP_KERNEL);

	if (!sw)
		return -ENOMEM;
	vswitch_ext_set_priv(ctx, sw);
	return 0;
}

static void sfwd_detach(struct vswitch_ext_ctx *ctx)
{
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);
	struct hlist_node *tmp;
	struct sfwd_entry *e;
	unsigned int i;

	if (!sw)
		return;
	vswitch_ext_set_priv(ctx, NULL);
	/* no data path op runs any more: nobody reads the table */
	for (i = 0; i < SFWD_BUCKETS; i++)
		hlist_for_each_entry_safe(e, tmp, &sw->table[i], node)
			kfree(e);
	kfree(sw);
}

static int sfwd_prop_check(const struct vswitch_ext_prop *prop, size_t len,
			   struct netlink_ext_ack *extack)
{
	if (prop->version != HVNET_SFWD_PROP_VERSION) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd property version %u unknown (%u is)",
				   prop->version, HVNET_SFWD_PROP_VERSION);
		return -EOPNOTSUPP;
	}
	if (prop->len != len) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd %s property of %u bytes, not %zu",
				   prop->port_id ? "port" : "switch", prop->len, len);
		return -EINVAL;
	}
	return 0;
}

/*
 * The switch's property: the mirror port. Whether the port exists is not
 * checked: the switch replays its own properties before its ports, and a
 * port may go away later; a mirror without a connected NIC gets nothing.
 */
static int sfwd_mirror_set(struct sfwd_sw *sw, const struct vswitch_ext_prop *prop,
			   struct netlink_ext_ack *extack)
{
	const struct hvnet_sfwd_mirror *m = prop->data;
	int err;

	err = sfwd_prop_check(prop, sizeof(*m), extack);
	if (err)
		return err;
	if (prop->instance || m->reserved) {
		NL_SET_ERR_MSG(extack, "the sfwd switch property is instance 0, reserved 0");
		return -EINVAL;
	}
	if (!m->port) {
		NL_SET_ERR_MSG(extack, "sfwd mirror: port ids start at 1");
		return -EINVAL;
	}
	WRITE_ONCE(sw->mirror, m->port);
	return 0;
}

/* A port's property: an address behind it, new or replacing @old. */
static int sfwd_entry_set(struct sfwd_sw *sw, const struct vswitch_ext_prop *prop,
			  struct sfwd_entry *old, struct netlink_ext_ack *extack)
{
	const struct hvnet_sfwd_entry *p = prop->data;
	struct sfwd_entry *e;
	int err;

	err = sfwd_prop_check(prop, sizeof(*p), extack);
	if (err)
		return err;
	if (!is_valid_ether_addr(p->mac)) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd: %pM is not a unicast address", p->mac);
		return -EINVAL;
	}
	if (p->vlan >= VLAN_N_VID - 1) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd: VLAN %u is not 0-4094", p->vlan);
		return -EINVAL;
	}
	e = sfwd_lookup(sw, p->mac, p->vlan);
	if (e && e != old) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd: %pM vlan %u is behind port %u already",
				   p->mac, p->vlan, e->port);
		return -EEXIST;
	}
	if (e)		/* the same address again */
		return 0;
	if (!old && sw->count >= HVNET_SFWD_MAX_ENTRIES) {
		NL_SET_ERR_MSG_FMT(extack, "sfwd: the table is full (%d entries)",
				   HVNET_SFWD_MAX_ENTRIES);
		return -ENOSPC;
	}
	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	ether_addr_copy(e->mac, p->mac);
	e->vid = p->vlan;
	e->port = prop->port_id;
	e->instance = prop->instance;
	if (old)
		sfwd_remove(sw, old);
	hlist_add_head_rcu(&e->node, sfwd_bucket(sw, e->mac, e->vid));
	sw->count++;
	return 0;
}

static int sfwd_prop_add(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			 struct netlink_ext_ack *extack)
{
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);

	if (prop->id != HVNET_SFWD_PROP_ID)
		return 0;
	if (!prop->port_id)
		return sfwd_mirror_set(sw, prop, extack);
	return sfwd_entry_set(sw, prop, NULL, extack);
}

static int sfwd_prop_update(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			    struct netlink_ext_ack *extack)
{
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);

	if (prop->id != HVNET_SFWD_PROP_ID)
		return 0;
	if (!prop->port_id)
		return sfwd_mirror_set(sw, prop, extack);
	return sfwd_entry_set(sw, prop, sfwd_find(sw, prop->port_id, prop->instance),
			      extack);
}

static void sfwd_prop_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop)
{
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);
	struct sfwd_entry *e;

	if (prop->id != HVNET_SFWD_PROP_ID)
		return;
	if (!prop->port_id) {
		if (!prop->instance)
			WRITE_ONCE(sw->mirror, 0);
		return;
	}
	e = sfwd_find(sw, prop->port_id, prop->instance);
	if (e)
		sfwd_remove(sw, e);
}

/*
 * The mirror port is deleted: no copy goes to whatever port gets its id
 * later (the switch's ids go round, but a stale mirror is not left to
 * chance). The switch's property stays, as the administrator set it.
 */
static void sfwd_port_delete(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port)
{
	struct sfwd_sw *sw = vswitch_ext_priv(ctx);

	if (READ_ONCE(sw->mirror) == port->id)
		WRITE_ONCE(sw->mirror, 0);
}

static const struct vswitch_ext_ops sfwd_ops = {
	.attach		= sfwd_attach,
	.detach		= sfwd_detach,
	.forward	= sfwd_forward,
	.prop_add	= sfwd_prop_add,
	.prop_update	= sfwd_prop_update,
	.prop_delete	= sfwd_prop_delete,
	.port_delete	= sfwd_port_delete,
};

static struct vswitch_ext sfwd_ext = {
	.name	= HVNET_SFWD_EXT_NAME,
	.class	= VSWITCH_EXT_CLASS_FORWARD,
	.ops	= &sfwd_ops,
	.owner	= THIS_MODULE,
};

static int __init sfwd_init(void)
{
	return vswitch_ext_register(&sfwd_ext);
}

static void __exit sfwd_exit(void)
{
	vswitch_ext_unregister(&sfwd_ext);
}

module_init(sfwd_init);
module_exit(sfwd_exit);
MODULE_DESCRIPTION("hvnet: switch extension forwarding by a static MAC table");
MODULE_LICENSE("GPL");
MODULE_VERSION(HVNET_VERSION);
