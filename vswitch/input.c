// SPDX-License-Identifier: GPL-2.0
/*
 * Ingress, the first steps of a frame's way through the switch: its NIC's
 * receive edge (rx_handler for emulated and external NICs, the internal
 * netdev's transmit, vswitch_nic_receive() for synthetic NICs), the state
 * check, VLAN classification at the source port, the ingress ops of the
 * extension chain (chain.c), the port's guards (guard.c) and storm limit
 * (policy.c), and learning; and the entry of packets extensions originate.
 * Then forward.c takes over. Runs under RCU with bottom halves disabled.
 */
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>

#include "vswitch.h"

/* rx_handler of emulated and external NICs' netdevs */
rx_handler_result_t vswitch_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct vswitch_nic *nic;

	if (unlikely(skb->pkt_type == PACKET_LOOPBACK))
		return RX_HANDLER_PASS;
	nic = rcu_dereference(skb->dev->rx_handler_data);
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return RX_HANDLER_CONSUMED;
	/* the switch works on whole frames: back to the Ethernet header */
	skb_push_rcsum(skb, skb->data - skb_mac_header(skb));
	vswitch_ingress(nic, skb);
	return RX_HANDLER_CONSUMED;
}

/*
 * Take the 802.1Q tag, in-band or in metadata, off the frame.
 * Return: whether there was one; its TCI in @tci.
 */
static bool vswitch_pop_tag(struct sk_buff *skb, u16 *tci)
{
	if (skb_vlan_tag_present(skb)) {
		*tci = skb_vlan_tag_get(skb);
		__vlan_hwaccel_clear_tag(skb);
		return true;
	}
	if (skb->protocol == htons(ETH_P_8021Q) && !__skb_vlan_pop(skb, tci))
		return true;
	return false;
}

/* Count a drop at the switch, the port and the NIC, and free the frame. */
static void vswitch_ingress_drop(struct vswitch_nic *nic, struct sk_buff *skb,
				 enum vswitch_drop why)
{
	vswitch_stats_drop(nic->port->sw->stats, why);
	vswitch_stats_drop(nic->port->stats, why);
	vswitch_stats_drop(nic->stats, why);
	kfree_skb(skb);
}

/**
 * vswitch_ingress() - a frame enters the switch from @nic
 * @nic: the source NIC
 * @skb: the frame, skb->data at its Ethernet header
 *
 * The VLAN classification comes first so that extensions see the frame's
 * VLAN; then the ingress ops of the chain, the port's guards and storm
 * limit, learning, and forward.c.
 * Consumes @skb. Under RCU with bottom halves disabled.
 */
void vswitch_ingress(struct vswitch_nic *nic, struct sk_buff *skb)
{
	struct vswitch_port *port = nic->port;
	const struct vswitch_chain *chain;
	struct vswitch_fwd fwd;
	enum vswitch_drop why;
	u16 tci = 0;
	bool tagged;
	u8 guards;

	if (unlikely(READ_ONCE(nic->state) != VSWITCH_NIC_STATE_CONNECTED ||
		     READ_ONCE(port->state) != VSWITCH_PORT_STATE_CREATED)) {
		why = VSWITCH_DROP_STATE;
		goto drop;
	}
	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		why = VSWITCH_DROP_MALFORMED;
		goto drop;
	}
	skb_reset_mac_header(skb);
	if (skb->protocol == htons(0))
		skb->protocol = eth_hdr(skb)->h_proto;

	vswitch_fwd_init(&fwd, port->sw);
	fwd.src = port;
	fwd.src_nic = nic;
	fwd.src_port = port->id;
	fwd.src_index = nic->index;
	tagged = vswitch_pop_tag(skb, &tci);
	fwd.pcp = tci & VLAN_PRIO_MASK;
	if (!vswitch_vlan_ingress(rcu_dereference(port->vlan), tagged,
				  tci & VLAN_VID_MASK, &fwd.vid)) {
		why = VSWITCH_DROP_VLAN;
		goto drop;
	}

	chain = rcu_dereference(port->sw->chain);
	if (chain && !vswitch_chain_ingress(&fwd, chain, 0, skb)) {
		kfree_skb(skb);		/* counted by the chain */
		return;
	}

	guards = READ_ONCE(port->guards);
	if (unlikely(guards)) {
		int guard = vswitch_guard_check(guards, nic, skb);

		if (guard >= 0) {
			why = guard;
			goto drop;
		}
	}
	if (unlikely(READ_ONCE(port->storm.limit)) &&
	    is_multicast_ether_addr(eth_hdr(skb)->h_dest) &&
	    !vswitch_storm_allow(&port->storm)) {
		why = VSWITCH_DROP_STORM;
		goto drop;
	}
	if (is_valid_ether_addr(eth_hdr(skb)->h_source) &&
	    vswitch_fdb_learn(&port->sw->fdb, port, eth_hdr(skb)->h_source, fwd.vid)) {
		why = VSWITCH_DROP_LEARN_LIMIT;
		goto drop;
	}
	vswitch_stats_rx(port->sw->stats, skb->len);
	vswitch_stats_rx(port->stats, skb->len);
	vswitch_stats_rx(nic->stats, skb->len);
	vswitch_forward(&fwd, skb);
	return;

drop:
	vswitch_ingress_drop(nic, skb, why);
}

/**
 * vswitch_ingress_ext() - a packet an extension originated enters the switch
 * @from: the extension's binding
 * @skb: the frame, skb->data at its Ethernet header
 * @vid: its VLAN in the switch
 *
 * From port 0: the rest of the chain below @from sees it, the built-in
 * port policies and learning do not. Consumes @skb. Under RCU with bottom
 * halves disabled.
 */
void vswitch_ingress_ext(struct vswitch_ext_ctx *from, struct sk_buff *skb, u16 vid)
{
	const struct vswitch_chain *chain = rcu_dereference(from->sw->chain);
	struct vswitch_fwd fwd;
	unsigned int i = 0;

	if (unlikely(!pskb_may_pull(skb, ETH_HLEN))) {
		kfree_skb(skb);
		return;
	}
	skb_reset_mac_header(skb);
	if (skb->protocol == htons(0))
		skb->protocol = eth_hdr(skb)->h_proto;
	__vlan_hwaccel_clear_tag(skb);

	vswitch_fwd_init(&fwd, from->sw);
	fwd.vid = vid;
	if (chain) {
		/* below the originator: the extensions after it */
		while (i < chain->n && chain->ctx[i] != from)
			i++;
		fwd.first = ++i;
		if (fwd.first < chain->n && !vswitch_chain_ingress(&fwd, chain, fwd.first, skb)) {
			kfree_skb(skb);
			return;
		}
	}
	vswitch_stats_rx(from->sw->stats, skb->len);
	vswitch_forward(&fwd, skb);
}
