// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/vswitch.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink_gen.h"

#include <uapi/linux/hvnet_vswitch.h>
#include <hvnet/compat.h>

/* Integer value ranges */
static const struct netlink_range_validation vswitch_a_switch_ageing_time_range = {
	.min	= 100ULL,
	.max	= 86400000ULL,
};

static const struct netlink_range_validation vswitch_a_port_storm_limit_range = {
	.max	= VSWITCH_STORM_LIMIT_MAX,
};

static const struct netlink_range_validation vswitch_a_nic_mtu_range = {
	.min	= 68ULL,
	.max	= 65535ULL,
};

static const struct netlink_range_validation vswitch_a_prop_port_id_range = {
	.min	= 1ULL,
	.max	= 65535ULL,
};

/* VSWITCH_CMD_SWITCH_NEW - do */
static const struct nla_policy vswitch_switch_new_nl_policy[VSWITCH_A_SWITCH_GROUP_FWD_MASK + 1] = {
	[VSWITCH_A_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_SWITCH_TYPE] = NLA_POLICY_MAX(NLA_U32, 2),
	[VSWITCH_A_SWITCH_UPLINK_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_SWITCH_INTERNAL_IFNAME] = { .type = NLA_NUL_STRING, .len = 15, },
	[VSWITCH_A_SWITCH_AGEING_TIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_switch_ageing_time_range),
	[VSWITCH_A_SWITCH_LEARN_LIMIT] = { .type = NLA_U32, },
	[VSWITCH_A_SWITCH_GROUP_FWD_MASK] = { .type = NLA_U16, },
};

/* VSWITCH_CMD_SWITCH_DEL - do */
static const struct nla_policy vswitch_switch_del_nl_policy[VSWITCH_A_SWITCH_NAME + 1] = {
	[VSWITCH_A_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_SWITCH_GET - do */
static const struct nla_policy vswitch_switch_get_nl_policy[VSWITCH_A_SWITCH_NAME + 1] = {
	[VSWITCH_A_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_SWITCH_SET - do */
static const struct nla_policy vswitch_switch_set_nl_policy[VSWITCH_A_SWITCH_GROUP_FWD_MASK + 1] = {
	[VSWITCH_A_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_SWITCH_AGEING_TIME] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_switch_ageing_time_range),
	[VSWITCH_A_SWITCH_LEARN_LIMIT] = { .type = NLA_U32, },
	[VSWITCH_A_SWITCH_GROUP_FWD_MASK] = { .type = NLA_U16, },
};

/* VSWITCH_CMD_PORT_NEW - do */
static const struct nla_policy vswitch_port_new_nl_policy[VSWITCH_A_PORT_NIC_MAC + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_TYPE] = NLA_POLICY_MAX(NLA_U32, 4),
	[VSWITCH_A_PORT_VLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[VSWITCH_A_PORT_ACCESS_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
	[VSWITCH_A_PORT_NATIVE_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
	[VSWITCH_A_PORT_TRUNK_VLANS] = NLA_POLICY_EXACT_LEN(512),
	[VSWITCH_A_PORT_LEARN_LIMIT] = { .type = NLA_U32, },
	[VSWITCH_A_PORT_NIC_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_MAC_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_DHCP_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_ROUTER_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_PVLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[VSWITCH_A_PORT_PRIMARY_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[VSWITCH_A_PORT_SECONDARY_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[VSWITCH_A_PORT_MIRROR_MODE] = NLA_POLICY_MAX(NLA_U32, 2),
	[VSWITCH_A_PORT_STORM_LIMIT] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_port_storm_limit_range),
	[VSWITCH_A_PORT_TRUSTED] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_NIC_MAC] = NLA_POLICY_EXACT_LEN(6),
};

/* VSWITCH_CMD_PORT_DEL - do */
static const struct nla_policy vswitch_port_del_nl_policy[VSWITCH_A_PORT_NAME + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_PORT_GET - do */
static const struct nla_policy vswitch_port_get_do_nl_policy[VSWITCH_A_PORT_NAME + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_PORT_GET - dump */
static const struct nla_policy vswitch_port_get_dump_nl_policy[VSWITCH_A_PORT_SWITCH_NAME + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_PORT_SET - do */
static const struct nla_policy vswitch_port_set_nl_policy[VSWITCH_A_PORT_TRUSTED + 1] = {
	[VSWITCH_A_PORT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PORT_VLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[VSWITCH_A_PORT_ACCESS_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
	[VSWITCH_A_PORT_NATIVE_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
	[VSWITCH_A_PORT_TRUNK_VLANS] = NLA_POLICY_EXACT_LEN(512),
	[VSWITCH_A_PORT_LEARN_LIMIT] = { .type = NLA_U32, },
	[VSWITCH_A_PORT_MAC_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_DHCP_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_ROUTER_GUARD] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_PORT_PVLAN_MODE] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[VSWITCH_A_PORT_PRIMARY_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[VSWITCH_A_PORT_SECONDARY_VLAN] = NLA_POLICY_RANGE(NLA_U16, 1, 4094),
	[VSWITCH_A_PORT_MIRROR_MODE] = NLA_POLICY_MAX(NLA_U32, 2),
	[VSWITCH_A_PORT_STORM_LIMIT] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_port_storm_limit_range),
	[VSWITCH_A_PORT_TRUSTED] = NLA_POLICY_MAX(NLA_U8, 1),
};

/* VSWITCH_CMD_NIC_NEW - do */
static const struct nla_policy vswitch_nic_new_nl_policy[VSWITCH_A_NIC_MTU + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX),
	[VSWITCH_A_NIC_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_MAC] = NLA_POLICY_EXACT_LEN(6),
	[VSWITCH_A_NIC_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_nic_mtu_range),
};

/* VSWITCH_CMD_NIC_CONNECT - do */
static const struct nla_policy vswitch_nic_connect_nl_policy[VSWITCH_A_NIC_INDEX + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX),
};

/* VSWITCH_CMD_NIC_DISCONNECT - do */
static const struct nla_policy vswitch_nic_disconnect_nl_policy[VSWITCH_A_NIC_INDEX + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX),
};

/* VSWITCH_CMD_NIC_DEL - do */
static const struct nla_policy vswitch_nic_del_nl_policy[VSWITCH_A_NIC_INDEX + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX),
};

/* VSWITCH_CMD_NIC_GET - do */
static const struct nla_policy vswitch_nic_get_do_nl_policy[VSWITCH_A_NIC_INDEX + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_NIC_INDEX] = NLA_POLICY_MAX(NLA_U32, VSWITCH_MAX_NIC_INDEX),
};

/* VSWITCH_CMD_NIC_GET - dump */
static const struct nla_policy vswitch_nic_get_dump_nl_policy[VSWITCH_A_NIC_SWITCH_NAME + 1] = {
	[VSWITCH_A_NIC_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_NIC_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_FDB_GET - dump */
static const struct nla_policy vswitch_fdb_get_nl_policy[VSWITCH_A_FDB_SWITCH_NAME + 1] = {
	[VSWITCH_A_FDB_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_FDB_ADD - do */
static const struct nla_policy vswitch_fdb_add_nl_policy[VSWITCH_A_FDB_PORT_NAME + 1] = {
	[VSWITCH_A_FDB_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_FDB_MAC] = NLA_POLICY_EXACT_LEN(6),
	[VSWITCH_A_FDB_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
	[VSWITCH_A_FDB_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_FDB_DEL - do */
static const struct nla_policy vswitch_fdb_del_nl_policy[VSWITCH_A_FDB_VLAN + 1] = {
	[VSWITCH_A_FDB_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_FDB_MAC] = NLA_POLICY_EXACT_LEN(6),
	[VSWITCH_A_FDB_VLAN] = NLA_POLICY_MAX(NLA_U16, 4094),
};

/* VSWITCH_CMD_FDB_FLUSH - do */
static const struct nla_policy vswitch_fdb_flush_nl_policy[VSWITCH_A_FDB_STATIC + 1] = {
	[VSWITCH_A_FDB_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_FDB_PORT_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_FDB_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_FDB_STATIC] = { .type = NLA_FLAG, },
};

/* VSWITCH_CMD_EXT_GET - do */
static const struct nla_policy vswitch_ext_get_do_nl_policy[VSWITCH_A_EXT_NAME + 1] = {
	[VSWITCH_A_EXT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_EXT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_EXT_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
};

/* VSWITCH_CMD_EXT_GET - dump */
static const struct nla_policy vswitch_ext_get_dump_nl_policy[VSWITCH_A_EXT_SWITCH_NAME + 1] = {
	[VSWITCH_A_EXT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_EXT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_CMD_EXT_SET - do */
static const struct nla_policy vswitch_ext_set_nl_policy[VSWITCH_A_EXT_POSITION + 1] = {
	[VSWITCH_A_EXT_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_EXT_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_EXT_NAME] = { .type = NLA_NUL_STRING, .len = 31, },
	[VSWITCH_A_EXT_ENABLED] = NLA_POLICY_MAX(NLA_U8, 1),
	[VSWITCH_A_EXT_POSITION] = NLA_POLICY_MAX(NLA_U32, 15),
};

/* VSWITCH_CMD_PROP_NEW - do */
static const struct nla_policy vswitch_prop_new_nl_policy[VSWITCH_A_PROP_DATA + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PROP_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_prop_port_id_range),
	[VSWITCH_A_PROP_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_ID] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_INSTANCE] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_VERSION] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_DATA] = { .type = NLA_BINARY, },
};

/* VSWITCH_CMD_PROP_SET - do */
static const struct nla_policy vswitch_prop_set_nl_policy[VSWITCH_A_PROP_DATA + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PROP_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_prop_port_id_range),
	[VSWITCH_A_PROP_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_ID] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_INSTANCE] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_VERSION] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_DATA] = { .type = NLA_BINARY, },
};

/* VSWITCH_CMD_PROP_DEL - do */
static const struct nla_policy vswitch_prop_del_nl_policy[VSWITCH_A_PROP_INSTANCE + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PROP_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_prop_port_id_range),
	[VSWITCH_A_PROP_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_ID] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_INSTANCE] = { .type = NLA_U32, },
};

/* VSWITCH_CMD_PROP_GET - do */
static const struct nla_policy vswitch_prop_get_do_nl_policy[VSWITCH_A_PROP_INSTANCE + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PROP_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_prop_port_id_range),
	[VSWITCH_A_PROP_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_ID] = { .type = NLA_U32, },
	[VSWITCH_A_PROP_INSTANCE] = { .type = NLA_U32, },
};

/* VSWITCH_CMD_PROP_GET - dump */
static const struct nla_policy vswitch_prop_get_dump_nl_policy[VSWITCH_A_PROP_PORT_NAME + 1] = {
	[VSWITCH_A_PROP_SWITCH_ID] = NLA_POLICY_MIN(NLA_U32, 1),
	[VSWITCH_A_PROP_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_A_PROP_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_a_prop_port_id_range),
	[VSWITCH_A_PROP_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* Ops table for vswitch */
static const struct genl_split_ops vswitch_nl_ops[] = {
	{
		.cmd	= VSWITCH_CMD_INFO_GET,
		.doit	= vswitch_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_SWITCH_NEW,
		.doit		= vswitch_nl_switch_new_doit,
		.policy		= vswitch_switch_new_nl_policy,
		.maxattr	= VSWITCH_A_SWITCH_GROUP_FWD_MASK,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_SWITCH_DEL,
		.doit		= vswitch_nl_switch_del_doit,
		.policy		= vswitch_switch_del_nl_policy,
		.maxattr	= VSWITCH_A_SWITCH_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_SWITCH_GET,
		.doit		= vswitch_nl_switch_get_doit,
		.policy		= vswitch_switch_get_nl_policy,
		.maxattr	= VSWITCH_A_SWITCH_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= VSWITCH_CMD_SWITCH_GET,
		.dumpit	= vswitch_nl_switch_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_CMD_SWITCH_SET,
		.doit		= vswitch_nl_switch_set_doit,
		.policy		= vswitch_switch_set_nl_policy,
		.maxattr	= VSWITCH_A_SWITCH_GROUP_FWD_MASK,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PORT_NEW,
		.doit		= vswitch_nl_port_new_doit,
		.policy		= vswitch_port_new_nl_policy,
		.maxattr	= VSWITCH_A_PORT_NIC_MAC,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PORT_DEL,
		.doit		= vswitch_nl_port_del_doit,
		.policy		= vswitch_port_del_nl_policy,
		.maxattr	= VSWITCH_A_PORT_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PORT_GET,
		.doit		= vswitch_nl_port_get_doit,
		.policy		= vswitch_port_get_do_nl_policy,
		.maxattr	= VSWITCH_A_PORT_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PORT_GET,
		.dumpit		= vswitch_nl_port_get_dumpit,
		.policy		= vswitch_port_get_dump_nl_policy,
		.maxattr	= VSWITCH_A_PORT_SWITCH_NAME,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_CMD_PORT_SET,
		.doit		= vswitch_nl_port_set_doit,
		.policy		= vswitch_port_set_nl_policy,
		.maxattr	= VSWITCH_A_PORT_TRUSTED,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_NEW,
		.doit		= vswitch_nl_nic_new_doit,
		.policy		= vswitch_nic_new_nl_policy,
		.maxattr	= VSWITCH_A_NIC_MTU,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_CONNECT,
		.doit		= vswitch_nl_nic_connect_doit,
		.policy		= vswitch_nic_connect_nl_policy,
		.maxattr	= VSWITCH_A_NIC_INDEX,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_DISCONNECT,
		.doit		= vswitch_nl_nic_disconnect_doit,
		.policy		= vswitch_nic_disconnect_nl_policy,
		.maxattr	= VSWITCH_A_NIC_INDEX,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_DEL,
		.doit		= vswitch_nl_nic_del_doit,
		.policy		= vswitch_nic_del_nl_policy,
		.maxattr	= VSWITCH_A_NIC_INDEX,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_GET,
		.doit		= vswitch_nl_nic_get_doit,
		.policy		= vswitch_nic_get_do_nl_policy,
		.maxattr	= VSWITCH_A_NIC_INDEX,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_NIC_GET,
		.dumpit		= vswitch_nl_nic_get_dumpit,
		.policy		= vswitch_nic_get_dump_nl_policy,
		.maxattr	= VSWITCH_A_NIC_SWITCH_NAME,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_CMD_FDB_GET,
		.start		= vswitch_nl_fdb_get_start,
		.dumpit		= vswitch_nl_fdb_get_dumpit,
		.done		= vswitch_nl_fdb_get_done,
		.policy		= vswitch_fdb_get_nl_policy,
		.maxattr	= VSWITCH_A_FDB_SWITCH_NAME,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_CMD_FDB_ADD,
		.doit		= vswitch_nl_fdb_add_doit,
		.policy		= vswitch_fdb_add_nl_policy,
		.maxattr	= VSWITCH_A_FDB_PORT_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_FDB_DEL,
		.doit		= vswitch_nl_fdb_del_doit,
		.policy		= vswitch_fdb_del_nl_policy,
		.maxattr	= VSWITCH_A_FDB_VLAN,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_FDB_FLUSH,
		.doit		= vswitch_nl_fdb_flush_doit,
		.policy		= vswitch_fdb_flush_nl_policy,
		.maxattr	= VSWITCH_A_FDB_STATIC,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_EXT_GET,
		.doit		= vswitch_nl_ext_get_doit,
		.policy		= vswitch_ext_get_do_nl_policy,
		.maxattr	= VSWITCH_A_EXT_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_EXT_GET,
		.dumpit		= vswitch_nl_ext_get_dumpit,
		.policy		= vswitch_ext_get_dump_nl_policy,
		.maxattr	= VSWITCH_A_EXT_SWITCH_NAME,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_CMD_EXT_SET,
		.doit		= vswitch_nl_ext_set_doit,
		.policy		= vswitch_ext_set_nl_policy,
		.maxattr	= VSWITCH_A_EXT_POSITION,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PROP_NEW,
		.doit		= vswitch_nl_prop_new_doit,
		.policy		= vswitch_prop_new_nl_policy,
		.maxattr	= VSWITCH_A_PROP_DATA,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PROP_SET,
		.doit		= vswitch_nl_prop_set_doit,
		.policy		= vswitch_prop_set_nl_policy,
		.maxattr	= VSWITCH_A_PROP_DATA,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PROP_DEL,
		.doit		= vswitch_nl_prop_del_doit,
		.policy		= vswitch_prop_del_nl_policy,
		.maxattr	= VSWITCH_A_PROP_INSTANCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PROP_GET,
		.doit		= vswitch_nl_prop_get_doit,
		.policy		= vswitch_prop_get_do_nl_policy,
		.maxattr	= VSWITCH_A_PROP_INSTANCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_CMD_PROP_GET,
		.dumpit		= vswitch_nl_prop_get_dumpit,
		.policy		= vswitch_prop_get_dump_nl_policy,
		.maxattr	= VSWITCH_A_PROP_PORT_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
};

static const struct genl_multicast_group vswitch_nl_mcgrps[] = {
	[VSWITCH_NLGRP_MONITOR] = { "monitor", },
};

struct genl_family vswitch_nl_family __ro_after_init = {
	.name		= VSWITCH_FAMILY_NAME,
	.version	= VSWITCH_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= vswitch_nl_ops,
	.n_split_ops	= ARRAY_SIZE(vswitch_nl_ops),
	.mcgrps		= vswitch_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(vswitch_nl_mcgrps),
};
