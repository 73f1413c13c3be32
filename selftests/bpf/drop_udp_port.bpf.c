// SPDX-License-Identifier: GPL-2.0
/*
 * A tc classifier (direct action): TC_ACT_SHOT for UDP to port 9999 over
 * IPv4 or IPv6 (no extension headers), TC_ACT_OK for everything else.
 * skb->data is at the Ethernet header, as at tc ingress and egress and in
 * the switch's bpf extension.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/pkt_cls.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define DROP_PORT	9999

SEC("tc")
int drop_udp_port(struct __sk_buff *skb)
{
	void *data_end = (void *)(long)skb->data_end;
	void *data = (void *)(long)skb->data;
	struct ethhdr *eth = data;
	struct udphdr *udp;
	__u8 proto;

	if ((void *)(eth + 1) > data_end)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);

		if ((void *)(ip + 1) > data_end || ip->ihl < 5 ||
		    (ip->frag_off & bpf_htons(0x1fff)))
			return TC_ACT_OK;
		proto = ip->protocol;
		udp = (void *)ip + ip->ihl * 4;
	} else if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);

		if ((void *)(ip6 + 1) > data_end)
			return TC_ACT_OK;
		proto = ip6->nexthdr;
		udp = (void *)(ip6 + 1);
	} else {
		return TC_ACT_OK;
	}
	if (proto != IPPROTO_UDP || (void *)(udp + 1) > data_end)
		return TC_ACT_OK;
	return udp->dest == bpf_htons(DROP_PORT) ? TC_ACT_SHOT : TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
