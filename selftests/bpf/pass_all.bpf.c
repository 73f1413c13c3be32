// SPDX-License-Identifier: GPL-2.0
/* A tc classifier (direct action) that lets every packet pass: the cost of a program. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int pass_all(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
