// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/vswitch_acl.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "acl_nl_gen.h"

#include <uapi/linux/hvnet_vswitch_acl.h>
#include <hvnet/compat.h>

/* Integer value ranges */
static const struct netlink_range_validation vswitch_acl_a_rule_port_id_range = {
	.min	= 1ULL,
	.max	= 65535ULL,
};

static const struct netlink_range_validation vswitch_acl_a_flow_port_id_range = {
	.min	= 1ULL,
	.max	= 65535ULL,
};

/* VSWITCH_ACL_CMD_RULE_GET - dump */
static const struct nla_policy vswitch_acl_rule_get_nl_policy[VSWITCH_ACL_A_RULE_PORT_NAME + 1] = {
	[VSWITCH_ACL_A_RULE_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_ACL_A_RULE_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_acl_a_rule_port_id_range),
	[VSWITCH_ACL_A_RULE_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_ACL_CMD_FLOW_GET - dump */
static const struct nla_policy vswitch_acl_flow_get_nl_policy[VSWITCH_ACL_A_FLOW_PORT_NAME + 1] = {
	[VSWITCH_ACL_A_FLOW_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[VSWITCH_ACL_A_FLOW_PORT_ID] = NLA_POLICY_FULL_RANGE(NLA_U32, &vswitch_acl_a_flow_port_id_range),
	[VSWITCH_ACL_A_FLOW_PORT_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* VSWITCH_ACL_CMD_TABLE_GET - do */
static const struct nla_policy vswitch_acl_table_get_nl_policy[VSWITCH_ACL_A_TABLE_SWITCH_NAME + 1] = {
	[VSWITCH_ACL_A_TABLE_SWITCH_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* Ops table for vswitch_acl */
static const struct genl_split_ops vswitch_acl_nl_ops[] = {
	{
		.cmd	= VSWITCH_ACL_CMD_INFO_GET,
		.doit	= vswitch_acl_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= VSWITCH_ACL_CMD_RULE_GET,
		.dumpit		= vswitch_acl_nl_rule_get_dumpit,
		.policy		= vswitch_acl_rule_get_nl_policy,
		.maxattr	= VSWITCH_ACL_A_RULE_PORT_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_ACL_CMD_FLOW_GET,
		.dumpit		= vswitch_acl_nl_flow_get_dumpit,
		.policy		= vswitch_acl_flow_get_nl_policy,
		.maxattr	= VSWITCH_ACL_A_FLOW_PORT_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= VSWITCH_ACL_CMD_TABLE_GET,
		.doit		= vswitch_acl_nl_table_get_doit,
		.policy		= vswitch_acl_table_get_nl_policy,
		.maxattr	= VSWITCH_ACL_A_TABLE_SWITCH_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

struct genl_family vswitch_acl_nl_family __ro_after_init = {
	.name		= VSWITCH_ACL_FAMILY_NAME,
	.version	= VSWITCH_ACL_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= vswitch_acl_nl_ops,
	.n_split_ops	= ARRAY_SIZE(vswitch_acl_nl_ops),
};
