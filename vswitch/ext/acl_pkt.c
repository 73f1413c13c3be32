// SPDX-License-Identifier: GPL-2.0
/*
 * A frame's key: the fields ACL rules match, read once per packet as the
 * source port sees it (local = source) and turned round for destination
 * ports. skb->data is at the Ethernet header; the VLAN tag is not in the
 * frame. Frames that are not IPv4 or IPv6 (ARP among them) have family 0:
 * only MAC rules see them. An IP packet whose headers cannot be read to
 * its transport header — truncated, a bad header, an IPv6 header chain
 * that does not end in the first fragment (RFC 7112) — is marked
 * ACL_KEY_UNPARSED, and a port with rules refuses it (acl.c): what the
 * rules cannot see they do not let through. Later fragments have no
 * ports (their first fragment carried them).
 */
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "acl.h"

static bool acl_has_ports(u8 proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP || proto == IPPROTO_SCTP;
}

/**
 * acl_key_parse() - the key of a frame leaving its source port
 * @skb: the frame, skb->data at its Ethernet header
 * @k: the key: local is the source
 */
void acl_key_parse(const struct sk_buff *skb, struct acl_key *k)
{
	struct ethhdr _eth;
	const struct ethhdr *eth;
	__be16 ports[2], *pp;
	int l4;

	memset(k, 0, sizeof(*k));
	eth = skb_header_pointer(skb, 0, sizeof(_eth), &_eth);
	if (!eth)
		return;
	ether_addr_copy(k->mac_l, eth->h_source);
	ether_addr_copy(k->mac_r, eth->h_dest);

	switch (eth->h_proto) {
	case htons(ETH_P_IP): {
		struct iphdr _iph;
		const struct iphdr *iph = skb_header_pointer(skb, ETH_HLEN, sizeof(_iph), &_iph);

		if (!iph || iph->version != 4 || iph->ihl < 5) {
			k->flags |= ACL_KEY_UNPARSED;
			return;
		}
		k->family = 4;
		k->proto = iph->protocol;
		k->ip_l[0] = iph->saddr;
		k->ip_r[0] = iph->daddr;
		if (iph->frag_off & htons(IP_OFFSET))
			return;
		l4 = ETH_HLEN + iph->ihl * 4;
		break;
	}
	case htons(ETH_P_IPV6): {
		struct ipv6hdr _ip6h;
		const struct ipv6hdr *ip6h;
		__be16 frag_off;
		u8 nexthdr;

		ip6h = skb_header_pointer(skb, ETH_HLEN, sizeof(_ip6h), &_ip6h);
		if (!ip6h || ip6h->version != 6) {
			k->flags |= ACL_KEY_UNPARSED;
			return;
		}
		k->family = 6;
		memcpy(k->ip_l, &ip6h->saddr, sizeof(k->ip_l));
		memcpy(k->ip_r, &ip6h->daddr, sizeof(k->ip_r));
		nexthdr = ip6h->nexthdr;
		k->proto = nexthdr;
		l4 = ipv6_skip_exthdr(skb, ETH_HLEN + sizeof(*ip6h), &nexthdr, &frag_off);
		if (l4 < 0) {
			k->flags |= ACL_KEY_UNPARSED;
			return;
		}
		k->proto = nexthdr;
		if (frag_off & htons(IP6_OFFSET))
			return;
		break;
	}
	default:
		return;
	}

	if (!acl_has_ports(k->proto))
		return;
	pp = skb_header_pointer(skb, l4, sizeof(ports), ports);
	if (!pp) {
		k->flags |= ACL_KEY_UNPARSED;
		return;
	}
	k->port_l = ntohs(pp[0]);
	k->port_r = ntohs(pp[1]);
	k->flags |= ACL_KEY_PORTS;
}

/**
 * acl_key_reverse() - the key as the other side sees it
 * @key: a key
 * @rev: the same packet with local and remote swapped
 */
void acl_key_reverse(const struct acl_key *key, struct acl_key *rev)
{
	*rev = *key;
	ether_addr_copy(rev->mac_l, key->mac_r);
	ether_addr_copy(rev->mac_r, key->mac_l);
	memcpy(rev->ip_l, key->ip_r, sizeof(rev->ip_l));
	memcpy(rev->ip_r, key->ip_l, sizeof(rev->ip_r));
	rev->port_l = key->port_r;
	rev->port_r = key->port_l;
}
