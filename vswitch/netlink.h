/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vswitch family's files share these (netlink.c, nl_*.c); the handlers
 * they define are declared by the generated netlink_gen.h.
 */
#ifndef _VSWITCH_NETLINK_H
#define _VSWITCH_NETLINK_H

#include <net/genetlink.h>

#include "netlink_gen.h"
#include "vswitch.h"

/* A fill function writes one object as a message of command @cmd. */
typedef int (*vswitch_fill_t)(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			      int flags, u8 cmd, struct netlink_callback *cb);

bool vswitch_nl_missing(struct genl_info *info, int attr, const char *what);
int vswitch_nl_admin_begin(struct genl_info *info);
void vswitch_nl_admin_end(void);
struct vswitch *vswitch_nl_switch(struct nlattr **attrs, int id_attr, int name_attr,
				  struct netlink_ext_ack *extack);
struct vswitch_port *vswitch_nl_port(struct vswitch *sw, struct nlattr **attrs, int id_attr,
				     int name_attr, struct netlink_ext_ack *extack);
int vswitch_nl_put_stats(struct sk_buff *msg, int attr, struct vswitch_stats __percpu *stats);
int vswitch_nl_reply(struct genl_info *info, vswitch_fill_t fill, void *obj, u8 cmd);
int vswitch_nl_get(struct genl_info *info, void *(*lookup)(struct genl_info *info),
		   vswitch_fill_t fill, u8 cmd);
struct vswitch *vswitch_nl_dump_switch(struct netlink_callback *cb, int id_attr, int name_attr);
void vswitch_nl_notify(struct genl_info *info, vswitch_fill_t fill, void *obj, u8 cmd);

int vswitch_nl_fill_switch(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			   int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_fill_port(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			 int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_fill_nic(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_put_nic_attrs(struct sk_buff *msg, struct vswitch_nic *nic);

#endif /* _VSWITCH_NETLINK_H */
