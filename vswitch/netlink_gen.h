/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/vswitch.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_VSWITCH_GEN_H
#define _LINUX_VSWITCH_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/hvnet_vswitch.h>
#include <hvnet/compat.h>

int vswitch_nl_fdb_get_start(struct netlink_callback *cb);
int vswitch_nl_fdb_get_done(struct netlink_callback *cb);

int vswitch_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_switch_new_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_switch_del_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_switch_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_switch_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int vswitch_nl_switch_set_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_port_new_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_port_del_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_port_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_port_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int vswitch_nl_port_set_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_new_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_connect_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_disconnect_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_del_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_nic_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int vswitch_nl_fdb_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int vswitch_nl_fdb_add_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_fdb_del_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_fdb_flush_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_ext_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_ext_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int vswitch_nl_ext_set_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_prop_new_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_prop_set_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_prop_del_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_prop_get_doit(struct sk_buff *skb, struct genl_info *info);
int vswitch_nl_prop_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);

enum {
	VSWITCH_NLGRP_MONITOR,
};

extern struct genl_family vswitch_nl_family;

#endif /* _LINUX_VSWITCH_GEN_H */
