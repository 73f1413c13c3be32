/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/vswitch_acl.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_VSWITCH_ACL_GEN_H
#define _LINUX_VSWITCH_ACL_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/hvnet_vswitch_acl.h>
#include <hvnet/compat.h>

int vswitch_acl_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_acl_nl_rule_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int vswitch_acl_nl_flow_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int vswitch_acl_nl_table_get_doit(struct sk_buff *skb, struct genl_info *info);

extern struct genl_family vswitch_acl_nl_family;

#endif /* _LINUX_VSWITCH_ACL_GEN_H */
