// SPDX-License-Identifier: GPL-2.0
/*
 * Programs the switch's bpf extension must not run as filters, for its
 * tests: xdp_pass is of another type (refused at attach), grow_tail
 * changes the packet's length (each such packet is dropped).
 */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int grow_tail(struct __sk_buff *skb)
{
	bpf_skb_change_tail(skb, skb->len + 1, 0);
	return TC_ACT_OK;
}

SEC("xdp")
int xdp_pass(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
