// SPDX-License-Identifier: GPL-2.0
/*
 * Forwarding, the last steps of a frame's way: choosing destinations (the
 * learned port of a known unicast address, else every connected NIC of the
 * frame's VLAN but the source's), the egress rules of each destination port
 * (VLAN tag or untag, MTU), and delivery: one clone per destination, the
 * last one takes the original. Runs under RCU with bottom halves disabled.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>

#include "vswitch.h"

static void vswitch_drop(struct vswitch_nic *nic, struct vswitch_port *port,
			 struct sk_buff *skb, enum vswitch_drop why)
{
	vswitch_stats_drop(port->stats, why);
	if (nic)
		vswitch_stats_drop(nic->stats, why);
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
		netif_rx(skb);
		break;
	case VSWITCH_NIC_TYPE_SYNTHETIC:
		nic->ops->deliver(nic, skb);
		break;
	default:
		kfree_skb(skb);
	}
}

/* One destination: the egress rules of its port, then delivery. */
static void vswitch_egress(struct vswitch_nic *nic, struct sk_buff *skb, bool tagged)
{
	const struct vswitch_skb_cb *cb = VSWITCH_SKB_CB(skb);
	struct vswitch_port *port = nic->port;
	unsigned int mtu = READ_ONCE(nic->mtu);

	if (tagged)
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q), cb->vid | cb->pcp);
	if (unlikely(skb->len - ETH_HLEN > mtu) &&
	    !(skb_is_gso(skb) && skb_gso_validate_network_len(skb, mtu))) {
		vswitch_drop(nic, port, skb, VSWITCH_DROP_MTU);
		return;
	}
	vswitch_stats_tx(port->stats, skb->len);
	vswitch_stats_tx(nic->stats, skb->len);
	vswitch_deliver(nic, skb);
}

static bool vswitch_member(struct vswitch_nic *nic, u16 vid, bool *tagged)
{
	return vswitch_vlan_egress(rcu_dereference(nic->port->vlan), vid, tagged);
}

static void vswitch_flood(struct vswitch_port *src, struct sk_buff *skb)
{
	struct vswitch *sw = src->sw;
	struct vswitch_nic *nic, *prev = NULL;
	u16 vid = VSWITCH_SKB_CB(skb)->vid;
	bool tagged, prev_tagged = false;
	struct sk_buff *clone;

	vswitch_stats_flood(src->stats);
	list_for_each_entry_rcu(nic, &sw->nics, sw_node) {
		if (nic->port == src || !vswitch_member(nic, vid, &tagged))
			continue;
		if (prev) {
			clone = skb_clone(skb, GFP_ATOMIC);
			if (clone)
				vswitch_egress(prev, clone, prev_tagged);
			else
				vswitch_stats_drop(prev->port->stats, VSWITCH_DROP_NOMEM);
		}
		prev = nic;
		prev_tagged = tagged;
	}
	if (prev)
		vswitch_egress(prev, skb, prev_tagged);
	else
		vswitch_drop(NULL, src, skb, VSWITCH_DROP_NO_DEST);
}

/**
 * vswitch_forward() - send a classified frame to its destinations
 * @src: the source port
 * @skb: the frame, its forwarding context in VSWITCH_SKB_CB()
 *
 * Consumes @skb.
 */
void vswitch_forward(struct vswitch_port *src, struct sk_buff *skb)
{
	const u8 *dest = eth_hdr(skb)->h_dest;
	struct vswitch_fdb_entry *e;
	struct vswitch_port *port;
	struct vswitch_nic *nic;
	bool tagged;

	if (!is_unicast_ether_addr(dest))
		goto flood;
	e = vswitch_fdb_lookup(&src->sw->fdb, dest, VSWITCH_SKB_CB(skb)->vid);
	if (!e)
		goto flood;
	port = rcu_dereference(e->port);
	if (port == src) {
		/* never back out of the source port */
		vswitch_drop(NULL, src, skb, VSWITCH_DROP_NO_DEST);
		return;
	}
	nic = rcu_dereference(port->nics[0]);
	if (!nic || READ_ONCE(nic->state) != VSWITCH_NIC_STATE_CONNECTED) {
		vswitch_drop(nic, port, skb, VSWITCH_DROP_STATE);
		return;
	}
	if (!vswitch_member(nic, VSWITCH_SKB_CB(skb)->vid, &tagged)) {
		vswitch_drop(nic, port, skb, VSWITCH_DROP_VLAN);
		return;
	}
	vswitch_egress(nic, skb, tagged);
	return;

flood:
	vswitch_flood(src, skb);
}
