// SPDX-License-Identifier: GPL-2.0
/*
 * Ingress, the first steps of a frame's way through the switch: its NIC's
 * receive edge (rx_handler for emulated and external NICs, the internal
 * netdev's transmit, vswitch_nic_receive() for synthetic NICs), the state
 * check, the frame's tags taken off and its VLAN classified at the source
 * port, the ingress ops of the extension chain (chain.c), source sanity,
 * the 802.1D reserved groups, the port's guards (guard.c) and storm limit
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
 * Take the outer VLAN tag, in metadata or in-band, off the frame.
 * Return: 1 and the tag's TCI and TPID, 0 when there is none, or a
 * negative errno when it cannot be taken off.
 */
static int vswitch_pop_tag(struct sk_buff *skb, u16 *tci, __be16 *tpid)
{
	if (skb_vlan_tag_present(skb)) {
		*tci = skb_vlan_tag_get(skb);
		*tpid = skb->vlan_proto;
		__vlan_hwaccel_clear_tag(skb);
		return 1;
	}
	if (!eth_type_vlan(skb->protocol))
		return 0;
	*tpid = skb->protocol;
	if (!pskb_may_pull(skb, VLAN_ETH_HLEN))
		return -EINVAL;
	return __skb_vlan_pop(skb, tci) ?: 1;
}

/* Most priority tags (VLAN 0) taken off one frame; more is an attack. */
#define VSWITCH_MAX_PRIO_TAGS	4

/*
 * Take a frame's 802.1Q tags off: any number of priority tags (up to
 * VSWITCH_MAX_PRIO_TAGS) and at most one tag of a VLAN. An S-tag (802.1ad)
 * is not a C-tag and the switch has no QinQ mode: refused, as is a second
 * VLAN tag, or a tag still in the frame when the tags end. So a guard or
 * an ACL never looks at a frame whose VLAN it did not classify.
 * Return: false to drop the frame; else whether it had a VLAN tag, with the
 * TCI (the outer tag's priority, the VLAN's id) in @tci.
 */
static bool vswitch_untag(struct sk_buff *skb, bool *tagged, u16 *tci)
{
	unsigned int n;
	__be16 tpid;
	u16 t;
	int ret;

	*tagged = false;
	*tci = 0;
	for (n = 0; n <= VSWITCH_MAX_PRIO_TAGS; n++) {
		ret = vswitch_pop_tag(skb, &t, &tpid);
		if (ret <= 0)
			return ret == 0;
		if (tpid != htons(ETH_P_8021Q) || *tagged)
			return false;
		if (!n)
			*tci = t & VLAN_PRIO_MASK;
		if (t & VLAN_VID_MASK) {
			*tagged = true;
			*tci |= t & VLAN_VID_MASK;
		}
	}
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
	const struct vswitch_vlan *vlan;
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
	if (unlikely(!vswitch_untag(skb, &tagged, &tci))) {
		why = VSWITCH_DROP_VLAN;
		goto drop;
	}
	vlan = rcu_dereference(port->vlan);
	if (!vswitch_vlan_ingress(vlan, tagged, tci & VLAN_VID_MASK, &fwd.vid)) {
		why = VSWITCH_DROP_VLAN;
		goto drop;
	}
	/* a guest does not choose its own priority unless its port is trusted */
	fwd.orig_pcp = tci & VLAN_PRIO_MASK;
	fwd.pcp = vlan->mode == VSWITCH_VLAN_MODE_TRUNK || READ_ONCE(port->trusted) ?
		  fwd.orig_pcp : 0;

	chain = rcu_dereference(port->sw->chain);
	if (chain && !vswitch_chain_ingress(&fwd, chain, 0, skb)) {
		kfree_skb(skb);		/* counted by the chain */
		return;
	}

	/* no frame from a group address or from nowhere, as the bridge */
	if (unlikely(!is_valid_ether_addr(eth_hdr(skb)->h_source))) {
		why = VSWITCH_DROP_SRC_MAC;
		goto drop;
	}
	/* 802.1D reserved groups (STP, PAUSE, LACP, 802.1X, LLDP...) stay on
	 * their link unless the switch's mask lets them through
	 */
	if (unlikely(is_link_local_ether_addr(eth_hdr(skb)->h_dest)) &&
	    !(READ_ONCE(port->sw->group_fwd_mask) & BIT(eth_hdr(skb)->h_dest[5]))) {
		why = VSWITCH_DROP_LINK_LOCAL;
		goto drop;
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
	if (vswitch_fdb_learn(&port->sw->fdb, port, eth_hdr(skb)->h_source, fwd.vid)) {
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
