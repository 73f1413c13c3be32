// SPDX-License-Identifier: GPL-2.0
/*
 * The built-in ingress policies of a port (step 3 of the packet's way):
 *   MAC guard     only the NIC's own source address (MAC spoofing refused)
 *   DHCP guard    no DHCP server messages (UDP from port 67; DHCPv6 547)
 *   router guard  no router advertisements or redirects (ICMPv6 134, 137;
 *                 ICMP 5)
 * skb->data is at the Ethernet header and every VLAN tag is already off
 * (input.c refuses what is still tagged). A guard that is on and cannot
 * read what it guards fails closed: an IP packet whose headers do not
 * reach the transport header in its first fragment (truncated, a bad
 * header, an IPv6 header chain split across fragments, RFC 7112 and 7113)
 * is dropped as malformed. Later fragments pass: without their first one
 * they are no message.
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

/* No transport header to guard: not IP, or a later fragment. */
#define VSWITCH_GUARD_NO_L4	(-1)
/* An IP packet whose transport header cannot be reached: refused. */
#define VSWITCH_GUARD_UNREADABLE	(-2)

/* The transport header: its protocol and offset, or VSWITCH_GUARD_*. */
static int vswitch_guard_l4(struct sk_buff *skb, u8 *proto)
{
	unsigned int off = ETH_HLEN;

	switch (eth_hdr(skb)->h_proto) {
	case htons(ETH_P_IP): {
		struct iphdr _iph;
		const struct iphdr *iph = skb_header_pointer(skb, off, sizeof(_iph), &_iph);

		if (!iph || iph->version != 4 || iph->ihl < 5)
			return VSWITCH_GUARD_UNREADABLE;
		if (iph->frag_off & htons(IP_OFFSET))
			return VSWITCH_GUARD_NO_L4;
		*proto = iph->protocol;
		return off + iph->ihl * 4;
	}
	case htons(ETH_P_IPV6): {
		struct ipv6hdr _ip6h;
		const struct ipv6hdr *ip6h = skb_header_pointer(skb, off, sizeof(_ip6h), &_ip6h);
		__be16 frag_off;
		int l4;

		if (!ip6h || ip6h->version != 6)
			return VSWITCH_GUARD_UNREADABLE;
		*proto = ip6h->nexthdr;
		l4 = ipv6_skip_exthdr(skb, off + sizeof(*ip6h), proto, &frag_off);
		if (l4 < 0)
			return VSWITCH_GUARD_UNREADABLE;
		if (frag_off & htons(IP6_OFFSET))
			return VSWITCH_GUARD_NO_L4;
		return l4;
	}
	default:
		return VSWITCH_GUARD_NO_L4;
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
	if (l4 == VSWITCH_GUARD_NO_L4)
		return -1;
	if (l4 < 0)
		return VSWITCH_DROP_MALFORMED;

	if ((guards & VSWITCH_GUARD_DHCP) && proto == IPPROTO_UDP) {
		struct udphdr _uh;
		const struct udphdr *uh = skb_header_pointer(skb, l4, sizeof(_uh), &_uh);

		if (!uh)
			return VSWITCH_DROP_MALFORMED;
		if (uh->source == htons(v6 ? 547 : 67))
			return VSWITCH_DROP_DHCP_GUARD;
	}
	if ((guards & VSWITCH_GUARD_ROUTER) && proto == (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP)) {
		u8 _type;
		const u8 *type = skb_header_pointer(skb, l4, sizeof(_type), &_type);

		if (!type)
			return VSWITCH_DROP_MALFORMED;
		if (v6 ? (*type == NDISC_ROUTER_ADVERTISEMENT || *type == NDISC_REDIRECT) :
			 *type == ICMP_REDIRECT)
			return VSWITCH_DROP_ROUTER_GUARD;
	}
	return -1;
}
