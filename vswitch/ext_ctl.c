// SPDX-License-Identifier: GPL-2.0
/*
 * The control path offered to the enabled extensions of a switch, in chain
 * order: port and NIC lifecycle and custom properties. Creations and
 * property changes may be vetoed: the extensions that had accepted are told
 * to undo (port_delete, nic_delete, prop_delete/prop_add) in reverse order
 * and the veto's errno and message reach the requester. The other events
 * are notifications and always delivered. Enabling an extension replays
 * what the switch holds to it. Under RTNL and vswitch_mutex.
 */
#include <linux/rtnetlink.h>

#include "vswitch.h"

static void vswitch_ext_port_info(const struct vswitch_port *port, struct vswitch_ext_port *info)
{
	info->id = port->id;
	info->name = port->name;
	info->type = port->type;
}

void vswitch_ext_nic_info(const struct vswitch_nic *nic, struct vswitch_ext_nic *info)
{
	info->port_id = nic->port->id;
	info->index = nic->index;
	info->type = nic->type;
	info->mac = nic->mac;
	info->mtu = READ_ONCE(nic->mtu);
}

static void vswitch_ext_prop_info(u16 port_id, const struct vswitch_prop *prop,
				  struct vswitch_ext_prop *info)
{
	info->port_id = port_id;
	info->id = prop->id;
	info->instance = prop->instance;
	info->version = prop->version;
	info->len = prop->len;
	info->data = prop->data;
}

/* An extension refused without saying why: say which one did. */
static int vswitch_ext_vetoed(struct vswitch_ext_ctx *ctx, int err,
			      struct netlink_ext_ack *extack)
{
	if (extack && !extack->_msg)
		NL_SET_ERR_MSG_FMT(extack, "extension %s refused", ctx->ext->name);
	return err > 0 ? -EINVAL : err;
}

/* Offer a port's creation to one extension. */
static int vswitch_ext_port_offer(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_port *info,
				  struct netlink_ext_ack *extack)
{
	int err;

	if (!ctx->ext->ops->port_create)
		return 0;
	err = ctx->ext->ops->port_create(ctx, info, extack);
	return err ? vswitch_ext_vetoed(ctx, err, extack) : 0;
}

int vswitch_ext_port_create(struct vswitch_port *port, struct netlink_ext_ack *extack)
{
	struct vswitch_ext_port info;
	struct vswitch_ext_ctx *ctx;
	int err;

	lockdep_assert_held(&vswitch_mutex);
	vswitch_ext_port_info(port, &info);
	list_for_each_entry(ctx, &port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		err = vswitch_ext_port_offer(ctx, &info, extack);
		if (err)
			goto undo;
	}
	port->offered = true;
	return 0;
undo:
	list_for_each_entry_continue_reverse(ctx, &port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->port_delete)
			ctx->ext->ops->port_delete(ctx, &info);
	}
	return err;
}

void vswitch_ext_port_teardown(struct vswitch_port *port)
{
	struct vswitch_ext_port info;
	struct vswitch_ext_ctx *ctx;

	if (!port->offered)
		return;
	vswitch_ext_port_info(port, &info);
	list_for_each_entry(ctx, &port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->port_teardown)
			ctx->ext->ops->port_teardown(ctx, &info);
	}
}

void vswitch_ext_port_delete(struct vswitch_port *port)
{
	struct vswitch_ext_port info;
	struct vswitch_ext_ctx *ctx;

	if (!port->offered)
		return;
	vswitch_ext_port_info(port, &info);
	list_for_each_entry(ctx, &port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->port_delete)
			ctx->ext->ops->port_delete(ctx, &info);
	}
	port->offered = false;
}

static int vswitch_ext_nic_offer(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *info,
				 struct netlink_ext_ack *extack)
{
	int err;

	if (!ctx->ext->ops->nic_create)
		return 0;
	err = ctx->ext->ops->nic_create(ctx, info, extack);
	/* only NIC index 0 may be refused (Hyper-V's rule) */
	if (err && info->index == 0)
		return vswitch_ext_vetoed(ctx, err, extack);
	return 0;
}

int vswitch_ext_nic_create(struct vswitch_nic *nic, struct netlink_ext_ack *extack)
{
	struct vswitch *sw = nic->port->sw;
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext_nic info;
	int err;

	lockdep_assert_held(&vswitch_mutex);
	vswitch_ext_nic_info(nic, &info);
	list_for_each_entry(ctx, &sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		err = vswitch_ext_nic_offer(ctx, &info, extack);
		if (err)
			goto undo;
	}
	nic->offered = true;
	return 0;
undo:
	list_for_each_entry_continue_reverse(ctx, &sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->nic_delete)
			ctx->ext->ops->nic_delete(ctx, &info);
	}
	return err;
}

static void vswitch_ext_nic_notify(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_nic *info,
				   enum vswitch_nic_state to)
{
	const struct vswitch_ext_ops *ops = ctx->ext->ops;

	switch (to) {
	case VSWITCH_NIC_STATE_CONNECTED:
		if (ops->nic_connect)
			ops->nic_connect(ctx, info);
		break;
	case VSWITCH_NIC_STATE_DISCONNECTED:
		if (ops->nic_disconnect)
			ops->nic_disconnect(ctx, info);
		break;
	case VSWITCH_NIC_STATE_DELETED:
		if (ops->nic_delete)
			ops->nic_delete(ctx, info);
		break;
	default:
		break;
	}
}

/* A NIC connected, disconnected or deleted: tell every enabled extension. */
void vswitch_ext_nic_event(struct vswitch_nic *nic, enum vswitch_nic_state to)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext_nic info;

	lockdep_assert_held(&vswitch_mutex);
	if (!nic->offered)
		return;
	vswitch_ext_nic_info(nic, &info);
	list_for_each_entry(ctx, &nic->port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		vswitch_ext_nic_notify(ctx, &info, to);
	}
	if (to == VSWITCH_NIC_STATE_DELETED)
		nic->offered = false;
}

void vswitch_ext_nic_update(struct vswitch_nic *nic)
{
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext_nic info;

	lockdep_assert_held(&vswitch_mutex);
	if (!nic->offered)
		return;
	vswitch_ext_nic_info(nic, &info);
	list_for_each_entry(ctx, &nic->port->sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->nic_update)
			ctx->ext->ops->nic_update(ctx, &info);
	}
}

static int vswitch_ext_prop_offer(struct vswitch_ext_ctx *ctx, const struct vswitch_ext_prop *info,
				  bool update, struct netlink_ext_ack *extack)
{
	const struct vswitch_ext_ops *ops = ctx->ext->ops;
	int err = 0;

	if (update && ops->prop_update)
		err = ops->prop_update(ctx, info, extack);
	else if (!update && ops->prop_add)
		err = ops->prop_add(ctx, info, extack);
	return err ? vswitch_ext_vetoed(ctx, err, extack) : 0;
}

/*
 * Offer a property's new value (@old NULL: an addition) to every enabled
 * extension; on a veto the ones that accepted forget it (and take the old
 * value back, for an update).
 */
static int vswitch_ext_prop_offer_all(struct vswitch *sw, u16 port_id,
				      const struct vswitch_prop *old,
				      const struct vswitch_prop *prop,
				      struct netlink_ext_ack *extack)
{
	struct vswitch_ext_prop info, old_info;
	struct vswitch_ext_ctx *ctx;
	int err;

	lockdep_assert_held(&vswitch_mutex);
	vswitch_ext_prop_info(port_id, prop, &info);
	if (old)
		vswitch_ext_prop_info(port_id, old, &old_info);
	list_for_each_entry(ctx, &sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		err = vswitch_ext_prop_offer(ctx, &info, !!old, extack);
		if (err)
			goto undo;
	}
	return 0;
undo:
	list_for_each_entry_continue_reverse(ctx, &sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->prop_delete)
			ctx->ext->ops->prop_delete(ctx, &info);
		if (old && ctx->ext->ops->prop_add)
			ctx->ext->ops->prop_add(ctx, &old_info, NULL);
	}
	return err;
}

int vswitch_ext_prop_add(struct vswitch *sw, u16 port_id, const struct vswitch_prop *prop,
			 struct netlink_ext_ack *extack)
{
	return vswitch_ext_prop_offer_all(sw, port_id, NULL, prop, extack);
}

int vswitch_ext_prop_update(struct vswitch *sw, u16 port_id, const struct vswitch_prop *old,
			    const struct vswitch_prop *prop, struct netlink_ext_ack *extack)
{
	return vswitch_ext_prop_offer_all(sw, port_id, old, prop, extack);
}

void vswitch_ext_prop_delete(struct vswitch *sw, u16 port_id, const struct vswitch_prop *prop)
{
	struct vswitch_ext_prop info;
	struct vswitch_ext_ctx *ctx;

	lockdep_assert_held(&vswitch_mutex);
	vswitch_ext_prop_info(port_id, prop, &info);
	list_for_each_entry(ctx, &sw->exts, sw_node) {
		if (!ctx->enabled)
			continue;
		if (ctx->ext->ops->prop_delete)
			ctx->ext->ops->prop_delete(ctx, &info);
	}
}

/* Replay one port (and its NICs and properties) to a newly enabled extension. */
static int vswitch_ext_replay_port(struct vswitch_ext_ctx *ctx, struct vswitch_port *port,
				   struct netlink_ext_ack *extack)
{
	const struct vswitch_ext_ops *ops = ctx->ext->ops;
	struct vswitch_ext_port pinfo;
	struct vswitch_ext_prop prinfo;
	struct vswitch_ext_nic ninfo;
	struct vswitch_prop *prop;
	int i, err;

	if (!port->offered)
		return 0;
	vswitch_ext_port_info(port, &pinfo);
	err = vswitch_ext_port_offer(ctx, &pinfo, extack);
	if (err)
		return err;
	for (i = 0; i <= VSWITCH_MAX_NIC_INDEX; i++) {
		struct vswitch_nic *nic = vswitch_deref(port->nics[i]);

		if (!nic || !nic->offered)
			continue;
		vswitch_ext_nic_info(nic, &ninfo);
		err = vswitch_ext_nic_offer(ctx, &ninfo, extack);
		if (err)
			return err;
		if (nic->state == VSWITCH_NIC_STATE_CONNECTED && ops->nic_connect)
			ops->nic_connect(ctx, &ninfo);
	}
	list_for_each_entry(prop, &port->props, node) {
		vswitch_ext_prop_info(port->id, prop, &prinfo);
		err = vswitch_ext_prop_offer(ctx, &prinfo, false, extack);
		if (err)
			return err;
	}
	return 0;
}

/**
 * vswitch_ext_replay() - tell a newly enabled extension what its switch holds
 * @ctx: the binding, attached
 * @extack: the extension's refusal
 *
 * The switch's properties, then each port with its NICs and properties.
 * On a refusal the extension is detached by the caller, which frees
 * whatever the replay gave it.
 * Return: 0 or the extension's error.
 */
int vswitch_ext_replay(struct vswitch_ext_ctx *ctx, struct netlink_ext_ack *extack)
{
	struct vswitch_ext_prop prinfo;
	struct vswitch *sw = ctx->sw;
	struct vswitch_port *port;
	struct vswitch_prop *prop;
	unsigned long id;
	int err;

	list_for_each_entry(prop, &sw->props, node) {
		vswitch_ext_prop_info(0, prop, &prinfo);
		err = vswitch_ext_prop_offer(ctx, &prinfo, false, extack);
		if (err)
			return err;
	}
	xa_for_each(&sw->ports, id, port) {
		err = vswitch_ext_replay_port(ctx, port, extack);
		if (err)
			return err;
	}
	return 0;
}
