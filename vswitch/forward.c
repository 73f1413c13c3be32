// SPDX-License-Identifier: GPL-2.0
/*
 * Forwarding, the last steps of a packet's way: choosing its destinations
 * (the forwarding extension's, else the learned port of a known unicast
 * address, else every connected NIC of the frame's VLAN but the source's;
 * then the mirror ports), the built-in egress rules of each destination
 * (VLAN membership and tagging, private VLAN roles), the egress ops of the
 * chain, and delivery: one clone per destination left, the last one takes
 * the original, each checked against its NIC's MTU. Runs under RCU with
 * bottom halves disabled.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>

#include "vswitch.h"

static void vswitch_drop(struct vswitch_nic *nic, struct vswitch_port *port,
			 enum vswitch_drop why)
{
	if (port)
		vswitch_stats_drop(port->stats, why);
	if (nic)
		vswitch_stats_drop(nic->stats, why);
}

/* The packet goes nowhere: count it at the source (port 0 has no counters). */
static void vswitch_fwd_drop_all(struct vswitch_fwd *fwd, struct sk_buff *skb,
				 enum vswitch_drop why)
{
	vswitch_stats_drop(fwd->sw->stats, why);
	vswitch_drop(fwd->src_nic, fwd->src, why);
	kfree_skb(skb);
}

static void vswitch_deliver(struct vswitch_nic *nic, struct sk_buff *skb)
{
	switch (nic->type) {
	case VSWITCH_NIC_TYPE_EXTERNAL:
	case VSWITCH_NIC_TYPE_EMULATED:
		skb->dev = nic->dev;
		dev_queue_xmit(skb);
		break;
	case VSWITCH_NIC_TYPE_INTERNAL:
		/* received anew by the host: eth_type_trans() only ever
		 * downgrades pkt_type, and the frame's old one came from the
		 * netdev it entered the switch on
		 */
		skb->pkt_type = PACKET_HOST;
		skb->protocol = eth_type_trans(skb, nic->dev);
		/* a CHECKSUM_COMPLETE sum covered the header just pulled */
		skb_postpull_rcsum(skb, eth_hdr(skb), ETH_HLEN);
		netif_rx(skb);
		break;
	case VSWITCH_NIC_TYPE_SYNTHETIC:
		nic->ops->deliver(nic, skb);
		break;
	default:
		kfree_skb(skb);
	}
}

/* One copy to one destination: its tag, its NIC's MTU, then delivery. */
static void vswitch_egress(struct vswitch_fwd *fwd, const struct vswitch_fwd_dest *d,
			   struct sk_buff *skb)
{
	struct vswitch_nic *nic = d->nic;
	struct vswitch_port *port = nic->port;
	unsigned int mtu = READ_ONCE(nic->mtu);

	if (d->tagged)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), fwd->vid |
				       (d->flags & VSWITCH_DEST_PRESERVE_PRIO ? fwd->orig_pcp :
									       fwd->pcp));
	if (unlikely(skb->len - ETH_HLEN > mtu) &&
	    !(skb_is_gso(skb) && skb_gso_validate_network_len(skb, mtu))) {
		vswitch_drop(nic, port, VSWITCH_DROP_MTU);
		kfree_skb(skb);
		return;
	}
	vswitch_stats_tx(fwd->sw->stats, skb->len);
	vswitch_stats_tx(port->stats, skb->len);
	vswitch_stats_tx(nic->stats, skb->len);
	vswitch_deliver(nic, skb);
}

static bool vswitch_member(struct vswitch_nic *nic, u16 vid, bool *tagged)
{
	return vswitch_vlan_egress(rcu_dereference(nic->port->vlan), vid, tagged);
}

/* Every connected NIC of the frame's VLAN but the source's. */
static int vswitch_flood(struct vswitch_fwd *fwd)
{
	struct vswitch_nic *nic;
	bool tagged;

	if (fwd->src)
		vswitch_stats_flood(fwd->src->stats);
	list_for_each_entry_rcu(nic, &fwd->sw->nics, sw_node) {
		if (nic->port == fwd->src || !vswitch_member(nic, fwd->vid, &tagged))
			continue;
		if (vswitch_fwd_push(fwd, nic, 0))
			return -ENOMEM;
	}
	return 0;
}

/*
 * The switch's own forwarding: the learned port of a known unicast
 * address, else the flood. Return: 0, or the drop reason.
 */
static int vswitch_learned_dest(struct vswitch_fwd *fwd, struct sk_buff *skb)
{
	const u8 *dest = eth_hdr(skb)->h_dest;
	struct vswitch_fdb_entry *e;
	struct vswitch_port *port;
	struct vswitch_nic *nic;

	if (!is_unicast_ether_addr(dest))
		goto flood;
	e = vswitch_fdb_lookup(&fwd->sw->fdb, dest, fwd->vid);
	if (!e)
		goto flood;
	port = rcu_dereference(e->port);
	/* never back out of the source port */
	if (port == fwd->src)
		return VSWITCH_DROP_NO_DEST;
	nic = rcu_dereference(port->nics[0]);
	if (!nic || READ_ONCE(nic->state) != VSWITCH_NIC_STATE_CONNECTED) {
		vswitch_drop(nic, port, VSWITCH_DROP_STATE);
		return VSWITCH_DROP_NO_DEST;
	}
	return vswitch_fwd_push(fwd, nic, 0) ? VSWITCH_DROP_NOMEM : 0;

flood:
	return vswitch_flood(fwd) ? VSWITCH_DROP_NOMEM : 0;
}

/* The built-in egress rules of each destination: VLAN membership and private VLANs. */
static void vswitch_egress_rules(struct vswitch_fwd *fwd)
{
	const struct vswitch_vlan *from = fwd->src ? rcu_dereference(fwd->src->vlan) : NULL;
	unsigned int i;

	for (i = 0; i < fwd->ndest; i++) {
		struct vswitch_fwd_dest *d = &fwd->dest[i];
		const struct vswitch_vlan *to = rcu_dereference(d->nic->port->vlan);

		if (d->flags & VSWITCH_DEST_PRESERVE_VLAN) {
			d->tagged = fwd->vid != 0;
			continue;
		}
		if (!vswitch_vlan_egress(to, fwd->vid, &d->tagged)) {
			d->flags |= VSWITCH_DEST_EXCLUDED;
			vswitch_drop(d->nic, d->nic->port, VSWITCH_DROP_VLAN);
			continue;
		}
		if (unlikely(from && (from->mode == VSWITCH_VLAN_MODE_PRIVATE ||
				      to->mode == VSWITCH_VLAN_MODE_PRIVATE)) &&
		    !vswitch_pvlan_allowed(from, to)) {
			d->flags |= VSWITCH_DEST_EXCLUDED;
			vswitch_drop(d->nic, d->nic->port, VSWITCH_DROP_PVLAN);
		}
	}
}

/* One copy per destination left; the last takes the original. */
static void vswitch_deliver_all(struct vswitch_fwd *fwd, struct sk_buff *skb)
{
	const struct vswitch_fwd_dest *prev = NULL;
	struct sk_buff *clone;
	unsigned int i;

	for (i = 0; i < fwd->ndest; i++) {
		const struct vswitch_fwd_dest *d = &fwd->dest[i];

		if (d->flags & VSWITCH_DEST_EXCLUDED)
			continue;
		if (prev) {
			clone = skb_clone(skb, GFP_ATOMIC);
			if (clone)
				vswitch_egress(fwd, prev, clone);
			else
				vswitch_drop(prev->nic, prev->nic->port, VSWITCH_DROP_NOMEM);
		}
		prev = d;
	}
	if (prev)
		vswitch_egress(fwd, prev, skb);
	else
		vswitch_fwd_drop_all(fwd, skb, VSWITCH_DROP_NO_DEST);
}

/**
 * vswitch_forward() - choose a packet's destinations and deliver it
 * @fwd: its forwarding detail: source and VLAN set, no destination yet
 * @skb: the packet
 *
 * Consumes @skb and releases @fwd.
 */
void vswitch_forward(struct vswitch_fwd *fwd, struct sk_buff *skb)
{
	const struct vswitch_chain *chain = rcu_dereference(fwd->sw->chain);
	int why;

	if (chain && !vswitch_chain_forward(fwd, chain, fwd->first, skb)) {
		kfree_skb(skb);		/* counted by the chain */
		goto out;
	}
	if (!fwd->ndest) {
		why = vswitch_learned_dest(fwd, skb);
		if (why) {
			vswitch_fwd_drop_all(fwd, skb, why);
			goto out;
		}
	}
	if (unlikely(READ_ONCE(fwd->sw->nmirrors)))
		vswitch_mirror_add(fwd);
	vswitch_egress_rules(fwd);
	if (chain && !vswitch_chain_egress(fwd, chain, skb)) {
		kfree_skb(skb);
		goto out;
	}
	vswitch_deliver_all(fwd, skb);
out:
	vswitch_fwd_release(fwd);
}
