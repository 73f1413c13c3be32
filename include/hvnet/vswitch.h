/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The extensible switch's in-kernel API for NICs that other modules own:
 * netvsp's synthetic NICs. A synthetic NIC has its own port (type synthetic)
 * and follows Hyper-V's lifecycle: create -> connect -> disconnect -> delete.
 *
 * The switch hands frames to the NIC through ops->deliver; the NIC hands
 * frames to the switch with vswitch_nic_receive().
 */
#ifndef _HVNET_VSWITCH_H
#define _HVNET_VSWITCH_H

#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/types.h>

struct vswitch_nic;

/**
 * struct vswitch_nic_ops - what the switch calls on a NIC's owner
 * @deliver: take a frame for the NIC. skb->data is at the Ethernet header;
 *	a VLAN tag, if the port sends one, is in the skb's VLAN metadata.
 *	Called under RCU with bottom halves disabled; consumes @skb.
 */
struct vswitch_nic_ops {
	void (*deliver)(struct vswitch_nic *nic, struct sk_buff *skb);
};

/**
 * struct vswitch_nic_desc - a synthetic NIC to create
 * @switch_name: the switch to connect to
 * @port_name: name of the port created for the NIC (unique in the switch)
 * @mac: the NIC's MAC address
 * @mtu: the NIC's MTU
 * @ops: delivery to the NIC
 * @priv: the owner's cookie, returned by vswitch_nic_priv()
 */
struct vswitch_nic_desc {
	const char *switch_name;
	const char *port_name;
	const u8 *mac;
	u32 mtu;
	const struct vswitch_nic_ops *ops;
	void *priv;
};

int vswitch_switch_add(const char *name, bool internal_type,
		       struct netlink_ext_ack *extack);
int vswitch_switch_del(const char *name, struct netlink_ext_ack *extack);

struct vswitch_nic *vswitch_synthetic_nic_create(const struct vswitch_nic_desc *desc,
						 struct netlink_ext_ack *extack);
int vswitch_synthetic_nic_connect(struct vswitch_nic *nic,
				  struct netlink_ext_ack *extack);
void vswitch_synthetic_nic_disconnect(struct vswitch_nic *nic);
void vswitch_synthetic_nic_delete(struct vswitch_nic *nic);
void vswitch_nic_receive(struct vswitch_nic *nic, struct sk_buff *skb);
void *vswitch_nic_priv(const struct vswitch_nic *nic);
int vswitch_nic_set_mtu(struct vswitch_nic *nic, u32 mtu,
			struct netlink_ext_ack *extack);

/*
 * Moving a NIC between switches (live migration): save what the enabled
 * extensions keep about it, create it anew elsewhere, restore.
 */
struct vswitch_nic_saved;

struct vswitch_nic_saved *vswitch_nic_save(struct vswitch_nic *nic);
int vswitch_nic_restore(struct vswitch_nic *nic, const struct vswitch_nic_saved *state,
			struct netlink_ext_ack *extack);
void vswitch_nic_saved_free(struct vswitch_nic_saved *state);

#endif /* _HVNET_VSWITCH_H */
