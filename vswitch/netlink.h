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

/*
 * A request that changes the switches (vswitch_nl_admin()): @lookup finds
 * what it names (none: nothing), @change carries it out and returns what
 * the answer and the notification describe with @fill, or an ERR_PTR()
 * with an extack message.
 */
struct vswitch_nl_admin_op {
	void *(*lookup)(struct genl_info *info);
	void *(*change)(struct genl_info *info, void *obj);
	vswitch_fill_t fill;
	bool del;		/* announced before @change, no answer */
	bool no_reply;		/* an ACK and the notification only */
};

struct vswitch_nl_dumper;

/*
 * What a dump shows (vswitch_nl_dump()): @sw puts a switch's own objects,
 * @port a port's (either may be none), each with vswitch_nl_dump_put(),
 * which writes them with @fill. The request may narrow the dump to one
 * switch (@need_switch: it must name one) and that to one port.
 */
struct vswitch_nl_dump_ops {
	vswitch_fill_t fill;
	int (*sw)(struct vswitch_nl_dumper *d, struct vswitch *sw);
	int (*port)(struct vswitch_nl_dumper *d, struct vswitch_port *port);
	int sw_id_attr, sw_name_attr;
	int port_id_attr, port_name_attr;
	bool need_switch;
};

/* A part of a dump under way. */
struct vswitch_nl_dumper {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	const struct vswitch_nl_dump_ops *ops;
	u8 cmd;
	long n;			/* objects of the place being walked, seen */
};

void *vswitch_nl_msg_start(struct sk_buff *msg, u32 portid, u32 seq, int flags, u8 cmd,
			   struct netlink_callback *cb);
bool vswitch_nl_missing(struct genl_info *info, int attr, const char *what);
int vswitch_nl_read_allowed(struct net *net, struct netlink_ext_ack *extack);
struct vswitch *vswitch_nl_switch(struct nlattr **attrs, int id_attr, int name_attr,
				  struct netlink_ext_ack *extack);
struct vswitch_port *vswitch_nl_port(struct vswitch *sw, struct nlattr **attrs, int id_attr,
				     int name_attr, struct netlink_ext_ack *extack);
int vswitch_nl_put_stats(struct sk_buff *msg, int attr, struct vswitch_stats __percpu *stats);
int vswitch_nl_get(struct genl_info *info, void *(*lookup)(struct genl_info *info),
		   vswitch_fill_t fill);
int vswitch_nl_admin(struct genl_info *info, const struct vswitch_nl_admin_op *op);
int vswitch_nl_dump(struct sk_buff *skb, struct netlink_callback *cb,
		    const struct vswitch_nl_dump_ops *ops);
int vswitch_nl_dump_put(struct vswitch_nl_dumper *d, void *obj);

int vswitch_nl_fill_switch(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			   int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_fill_port(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			 int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_fill_nic(struct sk_buff *msg, void *obj, u32 portid, u32 seq,
			int flags, u8 cmd, struct netlink_callback *cb);
int vswitch_nl_put_nic_attrs(struct sk_buff *msg, struct vswitch_nic *nic);

#endif /* _VSWITCH_NETLINK_H */
