// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in ingress policies of a port (step 3 of the packet's way):
 *   MAC guard     only the NIC's own source address (MAC spoofing refused)
 *   DHCP guard    no DHCP server messages (UDP from port 67; DHCPv6 547)
 *   router guard  no router advertisements or redirects (ICMPv6 134, 137;
 *                 ICMP 5)
 * skb->data is at the Ethernet header and any VLAN tag is already off.
 */
#include <linux/etherdevice.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "vswitch.h"

/* The transport header: its protocol and offset, or -1 if not reachable. */
static int vswitch_guard_l4(struct sk_buff *skb, u8 *proto)
{
	unsigned int off = ETH_HLEN;

	switch (eth_hdr(skb)->h_proto) {
	case htons(ETH_P_IP): {
		struct iphdr _iph;
		const struct iphdr *iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);

		/* later fragments carry no transport header */
		if (!iph || iph->ihl < 5 || (iph->frag_off & htons(IP_OFFSET)))
			return -1;
		*proto = iph->protocol;
		return off + iph->ihl * 4;
	}
	case htons(ETH_P_IPV6): {
		struct ipv6hdr _ip6h;
		const struct ipv6hdr *ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
		__be16 frag_off;
		int l4;

		if (!ip6h)
			return -1;
		*proto = ip6h->nexthdr;
		l4 = ipv6_skip_exthdr(skb, off + sizeof(*ip6h), proto, &frag_off);
		if (l4 < 0 || (frag_off & htons(IP6_OFFSET)))
			return -1;
		return l4;
	}
	default:
		return -1;
	}
}

/**
 * vswitch_guard_check() - the port's guards on a frame entering the switch
 * @guards: VSWITCH_GUARD_* of the port
 * @nic: the source NIC
 * @skb: the frame
 *
 * Return: the enum vswitch_drop reason to drop the frame for, or -1.
 */
int vswitch_guard_check(u8 guards, const struct vswitch_nic *nic, struct sk_buff *skb)
{
	bool v6 = eth_hdr(skb)->h_proto == htons(ETH_P_IPV6);
	u8 proto = 0;
	int l4;

	if ((guards & VSWITCH_GUARD_MAC) &&
	    !ether_addr_equal(eth_hdr(skb)->h_source, nic->mac))
		return VSWITCH_DROP_MAC_GUARD;
	if (!(guards & (VSWITCH_GUARD_DHCP | VSWITCH_GUARD_ROUTER)))
		return -1;
	l4 = vswitch_guard_l4(skb, &proto);
	if (l4 < 0)
		return -1;

	if ((guards & VSWITCH_GUARD_DHCP) && proto == IPPROTO_UDP) {
		struct udphdr _uh;
		const struct udphdr *uh = skb_header_pointer(skb, l4, sizeof(_uh), &_uh);

		if (uh && uh->source == htons(v6 ? 547 : 67))
			return VSWITCH_DROP_DHCP_GUARD;
	}
	if ((guards & VSWITCH_GUARD_ROUTER) && (proto == IPPROTO_ICMPV6 || proto == IPPROTO_ICMP)) {
		u8 _type;
		const u8 *type = skb_header_pointer(skb, l4, sizeof(_type), &_type);

		if (type && (v6 ? (*type == NDISC_ROUTER_ADVERTISEMENT ||
				   *type == NDISC_REDIRECT) :
				  *type == ICMP_REDIRECT))
			return VSWITCH_DROP_ROUTER_GUARD;
	}
	return -1;
}
