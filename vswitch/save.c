// SPDX-License-Identifier: GPL-2.0
/*
 * Per-NIC save and restore of the extensions' state, for a NIC that moves
 * between switches (Hyper-V's live migration): each enabled extension with
 * a nic_save op writes an opaque blob; restore hands each blob back to the
 * extension of the same name on the NIC's new switch, whatever the port
 * id became. Under RTNL and vswitch_mutex.
 */
#include <linux/rtnetlink.h>
#include <linux/slab.h>

#include "vswitch.h"

/* The most one extension may save about one NIC. */
#define VSWITCH_NIC_SAVE_MAX	4096

struct vswitch_nic_blob {
	struct list_head node;
	char ext[VSWITCH_EXT_NAME_LEN];
	u32 len;
	u8 data[];
};

struct vswitch_nic_saved {
	struct list_head blobs;
};

/**
 * vswitch_nic_saved_free() - free what vswitch_nic_save() returned
 * @state: the saved state, or NULL
 */
void vswitch_nic_saved_free(struct vswitch_nic_saved *state)
{
	struct vswitch_nic_blob *b, *tmp;

	if (!state)
		return;
	list_for_each_entry_safe(b, tmp, &state->blobs, node)
		kfree(b);
	kfree(state);
}
EXPORT_SYMBOL_GPL(vswitch_nic_saved_free);

/**
 * vswitch_nic_save() - save the enabled extensions' state of a NIC
 * @nic: the NIC
 *
 * Context: process, may sleep; takes RTNL and the configuration mutex.
 * Return: the state (possibly with no blob), or an ERR_PTR(): -ENOMEM, or
 * an extension's error.
 */
struct vswitch_nic_saved *vswitch_nic_save(struct vswitch_nic *nic)
{
	struct vswitch_nic_saved *state;
	struct vswitch_nic_blob *b = NULL;
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext_nic info;
	int len = 0;

	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&state->blobs);
	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	vswitch_ext_nic_info(nic, &info);
	list_for_each_entry(ctx, &nic->port->sw->exts, sw_node) {
		if (!ctx->enabled || !ctx->ext->ops->nic_save)
			continue;
		b = kzalloc(struct_size(b, data, VSWITCH_NIC_SAVE_MAX), GFP_KERNEL);
		if (!b) {
			len = -ENOMEM;
			break;
		}
		len = ctx->ext->ops->nic_save(ctx, &info, b->data, VSWITCH_NIC_SAVE_MAX);
		if (len <= 0 || len > VSWITCH_NIC_SAVE_MAX) {
			kfree(b);
			if (len > VSWITCH_NIC_SAVE_MAX)
				len = -EOVERFLOW;
			if (len < 0)
				break;
			continue;
		}
		strscpy(b->ext, ctx->ext->name, sizeof(b->ext));
		b->len = len;
		list_add_tail(&b->node, &state->blobs);
		len = 0;
	}
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	if (len < 0) {
		vswitch_nic_saved_free(state);
		return ERR_PTR(len);
	}
	return state;
}
EXPORT_SYMBOL_GPL(vswitch_nic_save);

/**
 * vswitch_nic_restore() - hand saved state to the extensions of a NIC's switch
 * @nic: the NIC, on its new switch
 * @state: what vswitch_nic_save() returned for it
 * @extack: an extension's refusal
 *
 * Each blob goes to the enabled extension of the same name; a blob whose
 * extension is not enabled there is left out.
 * Context: process, may sleep; takes RTNL and the configuration mutex.
 * Return: 0, or the first refusal's error (the blobs before it were restored).
 */
int vswitch_nic_restore(struct vswitch_nic *nic, const struct vswitch_nic_saved *state,
			struct netlink_ext_ack *extack)
{
	const struct vswitch_nic_blob *b;
	struct vswitch_ext_ctx *ctx;
	struct vswitch_ext_nic info;
	int err = 0;

	rtnl_lock();
	mutex_lock(&vswitch_mutex);
	vswitch_ext_nic_info(nic, &info);
	list_for_each_entry(b, &state->blobs, node) {
		ctx = vswitch_ext_find(nic->port->sw, b->ext);
		if (!ctx || !ctx->enabled || !ctx->ext->ops->nic_restore)
			continue;
		err = ctx->ext->ops->nic_restore(ctx, &info, b->data, b->len, extack);
		if (err)
			break;
	}
	mutex_unlock(&vswitch_mutex);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_GPL(vswitch_nic_restore);
