/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsp.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_NETVSP_GEN_H
#define _LINUX_NETVSP_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/hvnet_netvsp.h>
#include <hvnet/compat.h>

int netvsp_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info);
int netvsp_nl_partition_new_doit(struct sk_buff *skb, struct genl_info *info);
int netvsp_nl_partition_del_doit(struct sk_buff *skb, struct genl_info *info);
int netvsp_nl_partition_get_doit(struct sk_buff *skb, struct genl_info *info);
int netvsp_nl_partition_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);

enum {
	NETVSP_NLGRP_MONITOR,
};

extern struct genl_family netvsp_nl_family;

#endif /* _LINUX_NETVSP_GEN_H */
