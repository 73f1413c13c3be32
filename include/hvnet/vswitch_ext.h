/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The extensible switch's extension API: how other kernel modules plug into
 * every switch's data path and control path, as Hyper-V's capture, filter
 * and forwarding extensions do.
 *
 * A module registers a struct vswitch_ext. The switch binds it to every
 * switch, disabled; an administrator enables, disables and orders it per
 * switch ("hvnet ext"). The enabled extensions of a switch form its chain:
 * from the ingress side capture extensions, then filter extensions, then
 * the one forwarding extension; egress walks the chain in reverse.
 *
 * What an extension may do depends on its class, and the switch enforces it:
 *
 *   =========  =======  ====  =======  =========  ================
 *   class      observe  drop  exclude  originate  add destination,
 *                                                 modify, inject
 *   =========  =======  ====  =======  =========  ================
 *   capture    yes      -     -        yes        -
 *   filter     yes      yes   yes      yes        -
 *   forward    yes      yes   yes      yes        yes
 *   =========  =======  ====  =======  =========  ================
 *
 * A refused action is not carried out: it is counted on the extension
 * ("refused" in hvnet ext show) and the packet goes on as if it had not
 * been asked for.
 *
 * The data path ops run under RCU with bottom halves disabled and must not
 * sleep. The control path ops (and attach and detach) run with RTNL and
 * the switch's configuration mutex held, in that order, and may sleep; they
 * may register and unregister netdevices (register_netdevice()), but must
 * not call back into the switch's configuration functions. Once
 * vswitch_ext_unregister() returns, no op of the extension runs any more
 * and none is in flight.
 */
#ifndef _HVNET_VSWITCH_EXT_H
#define _HVNET_VSWITCH_EXT_H

#include <linux/list.h>
#include <linux/netlink.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <uapi/linux/hvnet_vswitch.h>

/* Extensions that can be registered at once. */
#define VSWITCH_EXT_MAX		16

struct vswitch_ext_ctx;
struct vswitch_fwd;

/**
 * enum vswitch_ext_verdict - what a data path op decided for a packet
 * @VSWITCH_EXT_PASS: the packet goes on
 * @VSWITCH_EXT_DROP: the packet is dropped; return it with vswitch_fwd_drop()
 *	so that the drop is counted with its reason. Refused for capture
 *	extensions.
 */
enum vswitch_ext_verdict {
	VSWITCH_EXT_PASS,
	VSWITCH_EXT_DROP,
};

/**
 * struct vswitch_dest - one destination of a packet, as extensions see it
 * @port: the destination port's id (never 0)
 * @nic: the NIC index under that port (0: the port's own NIC)
 * @flags: VSWITCH_DEST_* flags
 */
struct vswitch_dest {
	u16 port;
	u8 nic;
	u8 flags;
};

/* The destination was excluded: the packet will not be delivered there. */
#define VSWITCH_DEST_EXCLUDED		BIT(0)
/* Deliver with the packet's VLAN tag as it is, whatever the port's mode. */
#define VSWITCH_DEST_PRESERVE_VLAN	BIT(1)
/*
 * Leave with the 802.1p priority the packet entered with (the switch resets
 * a guest's own on access and private ports that are not trusted).
 */
#define VSWITCH_DEST_PRESERVE_PRIO	BIT(2)

/**
 * struct vswitch_ext_port - a port, as the control path ops see it
 * @id: port id (1-65535)
 * @name: port name
 * @type: port type
 */
struct vswitch_ext_port {
	u16 id;
	const char *name;
	enum vswitch_port_type type;
};

/**
 * struct vswitch_ext_nic - a NIC, as the control path ops see it
 * @port_id: the id of the NIC's port
 * @index: NIC index under the port
 * @type: NIC type
 * @mac: the NIC's MAC address
 * @mtu: the NIC's MTU
 */
struct vswitch_ext_nic {
	u16 port_id;
	u8 index;
	enum vswitch_nic_type type;
	const u8 *mac;
	u32 mtu;
};

/**
 * struct vswitch_ext_prop - a custom property of a port or of the switch
 * @port_id: the port's id; 0 for a property of the switch itself
 * @id: property id; the extension that owns it knows its layout
 * @instance: instance of the property (a port may have several of one id)
 * @version: version of the layout of @data
 * @len: length of @data
 * @data: the property's bytes, as user space gave them
 *
 * Property ids are chosen by the extensions; the four bytes of an
 * extension's name are a good choice (see VSWITCH_EXT_PROP_ID()).
 */
struct vswitch_ext_prop {
	u16 port_id;
	u32 id;
	u32 instance;
	u32 version;
	u32 len;
	const void *data;
};

#define VSWITCH_EXT_PROP_ID(a, b, c, d) \
	((u32)(a) << 24 | (u32)(b) << 16 | (u32)(c) << 8 | (u32)(d))

/**
 * struct vswitch_ext_ops - what the switch calls on an extension
 *
 * Every op is optional.
 *
 * @attach: the extension was enabled on a switch. Set up per-switch state
 *	with vswitch_ext_set_priv(). After it, the switch replays its
 *	ports, NICs and properties to the extension through the ops below
 *	(port_create, nic_create, nic_connect, prop_add); a veto there
 *	fails the enable and undoes it (with @detach last).
 * @detach: the extension is disabled on the switch, the switch is being
 *	deleted or the extension unregistered. No data path op of this
 *	switch is in flight or will be called again.
 *
 * @ingress: a packet on its way in, before any destination is chosen.
 *	@fwd holds the source port and NIC (port 0: made by an extension).
 * @forward: forwarding extensions only, after the ingress ops: add
 *	destinations with vswitch_fwd_add_dest(). If the packet has none
 *	when it returns PASS, the switch's own learning forwarder chooses
 *	them. @skb may be modified (it is private to the switch by then).
 * @egress: the packet with its destinations, after the switch's own
 *	egress rules; walked in reverse chain order. Exclude destinations
 *	with vswitch_fwd_exclude().
 *
 * @port_create: a port was created; vetoable (return an errno and set
 *	@extack). Also called for each existing port when the extension is
 *	enabled.
 * @port_teardown: the port is going away; its NICs are gone.
 * @port_delete: the port is deleted. Also called to undo a port_create
 *	that a later extension in the chain vetoed.
 * @nic_create: a NIC was created; vetoable for NIC index 0.
 * @nic_connect: the NIC is connected: traffic may flow.
 * @nic_update: the NIC's MAC or MTU changed.
 * @nic_disconnect: the NIC is disconnected; no more traffic to or from it.
 * @nic_delete: the NIC is deleted. Also undoes a vetoed nic_create.
 * @prop_add: a custom property is being added; vetoable. Extensions
 *	validate the properties they own and ignore the others.
 * @prop_update: a custom property's new value; vetoable.
 * @prop_delete: a custom property was deleted. Also undoes a vetoed
 *	prop_add (with the new value) and a vetoed prop_update (called
 *	with the new value, then prop_add with the old one).
 * @nic_save: save the extension's state of a NIC into @buf (at most
 *	@size bytes) before the NIC moves. Return the bytes written, 0 for
 *	nothing to save, or a negative errno.
 * @nic_restore: restore what nic_save wrote for this extension (matched by
 *	extension name, even if the port id changed). Vetoable.
 */
struct vswitch_ext_ops {
	int (*attach)(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack);
	void (*detach)(struct vswitch_ext_ctx *ctx);

	enum vswitch_ext_verdict (*ingress)(struct vswitch_ext_ctx *ctx,
					    const struct sk_buff *skb,
					    struct vswitch_fwd *fwd);
	enum vswitch_ext_verdict (*forward)(struct vswitch_ext_ctx *ctx,
					    struct sk_buff *skb,
					    struct vswitch_fwd *fwd);
	enum vswitch_ext_verdict (*egress)(struct vswitch_ext_ctx *ctx,
					   const struct sk_buff *skb,
					   struct vswitch_fwd *fwd);

	int (*port_create)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port,
			   struct netlink_ext_ack *extack);
	void (*port_teardown)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port);
	void (*port_delete)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *port);
	int (*nic_create)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic,
			  struct netlink_ext_ack *extack);
	void (*nic_connect)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic);
	void (*nic_update)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic);
	void (*nic_disconnect)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic);
	void (*nic_delete)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic);
	int (*prop_add)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			struct netlink_ext_ack *extack);
	int (*prop_update)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop,
			   struct netlink_ext_ack *extack);
	void (*prop_delete)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *prop);
	int (*nic_save)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic,
			void *buf, size_t size);
	int (*nic_restore)(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *nic,
			   const void *buf, size_t len, struct netlink_ext_ack *extack);
};

/**
 * struct vswitch_ext - an extension, registered by its module
 * @name: unique name, at most VSWITCH_EXT_NAME_LEN - 1 characters
 * @class: VSWITCH_EXT_CLASS_CAPTURE, _FILTER or _FORWARD
 * @ops: its ops
 * @owner: THIS_MODULE
 * @node: private to the switch
 * @slot: private to the switch
 */
struct vswitch_ext {
	const char *name;
	enum vswitch_ext_class class;
	const struct vswitch_ext_ops *ops;
	struct module *owner;

	struct list_head node;
	u8 slot;
};

int vswitch_ext_register(struct vswitch_ext *ext);
void vswitch_ext_unregister(struct vswitch_ext *ext);
int vswitch_ext_configure(const char *switch_name, const char *ext_name, int enable,
			  int position, struct netlink_ext_ack *extack);

/* The binding of an extension to one switch. */
void *vswitch_ext_priv(const struct vswitch_ext_ctx *ctx);
void vswitch_ext_set_priv(struct vswitch_ext_ctx *ctx, void *priv);
const char *vswitch_ext_switch_name(const struct vswitch_ext_ctx *ctx);
const struct vswitch_ext *vswitch_ext_of(const struct vswitch_ext_ctx *ctx);

/* The forwarding detail of a packet: read it... */
u16 vswitch_fwd_src_port(const struct vswitch_fwd *fwd);
u8 vswitch_fwd_src_nic(const struct vswitch_fwd *fwd);
u16 vswitch_fwd_vid(const struct vswitch_fwd *fwd);
unsigned int vswitch_fwd_ndest(const struct vswitch_fwd *fwd);
struct vswitch_dest vswitch_fwd_dest(const struct vswitch_fwd *fwd, unsigned int i);

/* ...and change it, as the caller's class allows. */
enum vswitch_ext_verdict vswitch_fwd_drop(struct vswitch_fwd *fwd,
					  enum vswitch_ext_reason why);
int vswitch_fwd_exclude(struct vswitch_fwd *fwd, unsigned int i,
			enum vswitch_ext_reason why);
int vswitch_fwd_add_dest(struct vswitch_fwd *fwd, u16 port, u8 nic, u8 flags);

/* Packets of an extension's own. */
struct sk_buff *vswitch_ext_clone(const struct sk_buff *skb, gfp_t gfp);
int vswitch_ext_originate(struct vswitch_ext_ctx *ctx, struct sk_buff *skb, u16 vid);

#endif /* _HVNET_VSWITCH_EXT_H */
