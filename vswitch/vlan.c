// SPDX-License-Identifier: GPL-2.0
/*
 * VLAN rules of a port, applied at the port's edge.
 *
 * Inside the switch every frame belongs to one VLAN; 0 is the untagged
 * network. An access port carries one VLAN untagged: a frame tagged with
 * anything but a priority tag (VLAN 0) is refused. A trunk port carries its
 * allowed VLANs tagged and its native VLAN untagged. A private VLAN port
 * is an access port of its primary VLAN with a role (isolated, community,
 * promiscuous) that policy.c checks between the two ports of a delivery.
 */
#include <net/netlink.h>

#include "vswitch.h"

#define VSWITCH_TRUNK_BYTES (VLAN_N_VID / 8)

void vswitch_vlan_init_access(struct vswitch_vlan *v, u16 vid)
{
	memset(v, 0, sizeof(*v));
	v->mode = VSWITCH_VLAN_MODE_ACCESS;
	v->access_vid = vid;
}

void vswitch_vlan_init_trunk_all(struct vswitch_vlan *v, u16 native)
{
	memset(v, 0, sizeof(*v));
	v->mode = VSWITCH_VLAN_MODE_TRUNK;
	v->native_vid = native;
	bitmap_set(v->trunk, 1, VLAN_N_VID - 2);
}

/**
 * vswitch_vlan_ingress() - classify a frame entering the switch
 * @v: the source port's VLAN settings
 * @tagged: the frame carries an 802.1Q tag
 * @tag_vid: the tag's VLAN id
 * @vid: the frame's VLAN inside the switch
 *
 * Return: false when the port does not accept the frame.
 */
bool vswitch_vlan_ingress(const struct vswitch_vlan *v, bool tagged, u16 tag_vid,
			  u16 *vid)
{
	if (!tagged || tag_vid == 0) {
		*vid = v->mode == VSWITCH_VLAN_MODE_TRUNK ? v->native_vid : v->access_vid;
		return true;
	}
	if (v->mode != VSWITCH_VLAN_MODE_TRUNK || tag_vid >= VLAN_N_VID ||
	    !test_bit(tag_vid, v->trunk))
		return false;
	*vid = tag_vid;
	return true;
}

/**
 * vswitch_vlan_egress() - may a frame of VLAN @vid leave through this port
 * @v: the destination port's VLAN settings
 * @vid: the frame's VLAN inside the switch
 * @tagged: whether it leaves with a tag
 *
 * Return: false when the port is not a member of @vid.
 */
bool vswitch_vlan_egress(const struct vswitch_vlan *v, u16 vid, bool *tagged)
{
	if (v->mode != VSWITCH_VLAN_MODE_TRUNK) {
		*tagged = false;
		return vid == v->access_vid;
	}
	if (vid == v->native_vid) {
		*tagged = false;
		return true;
	}
	*tagged = true;
	return vid < VLAN_N_VID && test_bit(vid, v->trunk);
}

/*
 * Build settings from a port request. Attributes not given keep what @v
 * holds (the port's current settings, or the defaults for a new port).
 */
static const int vswitch_pvlan_attrs[] = {
	VSWITCH_A_PORT_PVLAN_MODE, VSWITCH_A_PORT_PRIMARY_VLAN, VSWITCH_A_PORT_SECONDARY_VLAN,
};

/* Private VLAN settings; @v is in private mode. */
static int vswitch_pvlan_from_attrs(struct vswitch_vlan *v, struct nlattr **attrs,
				    struct netlink_ext_ack *extack)
{
	if (attrs[VSWITCH_A_PORT_PVLAN_MODE])
		v->pvlan = nla_get_u32(attrs[VSWITCH_A_PORT_PVLAN_MODE]);
	if (attrs[VSWITCH_A_PORT_PRIMARY_VLAN])
		v->access_vid = nla_get_u16(attrs[VSWITCH_A_PORT_PRIMARY_VLAN]);
	if (attrs[VSWITCH_A_PORT_SECONDARY_VLAN])
		v->secondary_vid = nla_get_u16(attrs[VSWITCH_A_PORT_SECONDARY_VLAN]);
	if (!v->pvlan || !v->access_vid) {
		NL_SET_ERR_MSG(extack, "vlan-mode private needs pvlan-mode and primary-vlan");
		return -EINVAL;
	}
	if (v->pvlan == VSWITCH_PVLAN_MODE_COMMUNITY && !v->secondary_vid) {
		NL_SET_ERR_MSG(extack, "a community port needs secondary-vlan");
		return -EINVAL;
	}
	if (v->secondary_vid && v->secondary_vid == v->access_vid) {
		NL_SET_ERR_MSG(extack, "secondary-vlan must differ from primary-vlan");
		return -EINVAL;
	}
	return 0;
}

/*
 * Build settings from a port request. Attributes not given keep what @v
 * holds (the port's current settings, or the defaults for a new port).
 */
int vswitch_vlan_from_attrs(struct vswitch_vlan *v, struct nlattr **attrs,
			    struct netlink_ext_ack *extack)
{
	enum vswitch_vlan_mode mode = v->mode;
	struct nlattr *trunk = attrs[VSWITCH_A_PORT_TRUNK_VLANS];
	unsigned int i;

	if (attrs[VSWITCH_A_PORT_VLAN_MODE])
		mode = nla_get_u32(attrs[VSWITCH_A_PORT_VLAN_MODE]);

	if (mode != VSWITCH_VLAN_MODE_PRIVATE) {
		for (i = 0; i < ARRAY_SIZE(vswitch_pvlan_attrs); i++) {
			if (attrs[vswitch_pvlan_attrs[i]]) {
				NL_SET_ERR_MSG_ATTR(extack, attrs[vswitch_pvlan_attrs[i]],
						    "private VLAN settings need vlan-mode private");
				return -EINVAL;
			}
		}
	}
	if (mode != VSWITCH_VLAN_MODE_TRUNK && (trunk || attrs[VSWITCH_A_PORT_NATIVE_VLAN])) {
		NL_SET_ERR_MSG_ATTR(extack, trunk ?: attrs[VSWITCH_A_PORT_NATIVE_VLAN],
				    "trunk settings need vlan-mode trunk");
		return -EINVAL;
	}
	if (mode != VSWITCH_VLAN_MODE_ACCESS && attrs[VSWITCH_A_PORT_ACCESS_VLAN]) {
		NL_SET_ERR_MSG_ATTR(extack, attrs[VSWITCH_A_PORT_ACCESS_VLAN],
				    "access-vlan needs vlan-mode access");
		return -EINVAL;
	}

	if (mode == VSWITCH_VLAN_MODE_ACCESS) {
		if (v->mode != mode)
			vswitch_vlan_init_access(v, 0);
		if (attrs[VSWITCH_A_PORT_ACCESS_VLAN])
			v->access_vid = nla_get_u16(attrs[VSWITCH_A_PORT_ACCESS_VLAN]);
		return 0;
	}
	if (v->mode != mode) {
		memset(v, 0, sizeof(*v));
		v->mode = mode;
	}
	if (mode == VSWITCH_VLAN_MODE_PRIVATE)
		return vswitch_pvlan_from_attrs(v, attrs, extack);

	if (attrs[VSWITCH_A_PORT_NATIVE_VLAN])
		v->native_vid = nla_get_u16(attrs[VSWITCH_A_PORT_NATIVE_VLAN]);
	if (trunk) {
		const u8 *bytes = nla_data(trunk);

		bitmap_zero(v->trunk, VLAN_N_VID);
		for (i = 0; i < VLAN_N_VID; i++)
			if (bytes[i / 8] & BIT(i % 8))
				__set_bit(i, v->trunk);
		if (test_bit(0, v->trunk) || test_bit(VLAN_N_VID - 1, v->trunk)) {
			NL_SET_ERR_MSG_ATTR(extack, trunk,
					    "VLANs 0 and 4095 cannot be trunked");
			return -EINVAL;
		}
	}
	return 0;
}

int vswitch_vlan_fill(struct sk_buff *msg, const struct vswitch_vlan *v)
{
	u8 bytes[VSWITCH_TRUNK_BYTES] = {};
	unsigned int i;

	if (nla_put_u32(msg, VSWITCH_A_PORT_VLAN_MODE, v->mode))
		return -EMSGSIZE;
	if (v->mode == VSWITCH_VLAN_MODE_ACCESS)
		return nla_put_u16(msg, VSWITCH_A_PORT_ACCESS_VLAN, v->access_vid);
	if (v->mode == VSWITCH_VLAN_MODE_PRIVATE) {
		if (nla_put_u32(msg, VSWITCH_A_PORT_PVLAN_MODE, v->pvlan) ||
		    nla_put_u16(msg, VSWITCH_A_PORT_PRIMARY_VLAN, v->access_vid) ||
		    (v->secondary_vid &&
		     nla_put_u16(msg, VSWITCH_A_PORT_SECONDARY_VLAN, v->secondary_vid)))
			return -EMSGSIZE;
		return 0;
	}
	for_each_set_bit(i, v->trunk, VLAN_N_VID)
		bytes[i / 8] |= BIT(i % 8);
	if (nla_put_u16(msg, VSWITCH_A_PORT_NATIVE_VLAN, v->native_vid) ||
	    nla_put(msg, VSWITCH_A_PORT_TRUNK_VLANS, sizeof(bytes), bytes))
		return -EMSGSIZE;
	return 0;
}
