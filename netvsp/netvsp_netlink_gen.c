// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsp.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netvsp_netlink_gen.h"

#include <uapi/linux/hvnet_netvsp.h>
#include <hvnet/compat.h>

/* NETVSP_CMD_PARTITION_NEW - do */
static const struct nla_policy netvsp_partition_new_nl_policy[NETVSP_A_PARTITION_NETNS_FD + 1] = {
	[NETVSP_A_PARTITION_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
	[NETVSP_A_PARTITION_NETNS_PID] = NLA_POLICY_MIN(NLA_U32, 1),
	[NETVSP_A_PARTITION_NETNS_FD] = { .type = NLA_U32, },
};

/* NETVSP_CMD_PARTITION_DEL - do */
static const struct nla_policy netvsp_partition_del_nl_policy[NETVSP_A_PARTITION_NAME + 1] = {
	[NETVSP_A_PARTITION_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* NETVSP_CMD_PARTITION_GET - do */
static const struct nla_policy netvsp_partition_get_nl_policy[NETVSP_A_PARTITION_NAME + 1] = {
	[NETVSP_A_PARTITION_NAME] = { .type = NLA_NUL_STRING, .len = 63, },
};

/* Ops table for netvsp */
static const struct genl_split_ops netvsp_nl_ops[] = {
	{
		.cmd	= NETVSP_CMD_INFO_GET,
		.doit	= netvsp_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NETVSP_CMD_PARTITION_NEW,
		.doit		= netvsp_nl_partition_new_doit,
		.policy		= netvsp_partition_new_nl_policy,
		.maxattr	= NETVSP_A_PARTITION_NETNS_FD,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NETVSP_CMD_PARTITION_DEL,
		.doit		= netvsp_nl_partition_del_doit,
		.policy		= netvsp_partition_del_nl_policy,
		.maxattr	= NETVSP_A_PARTITION_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= NETVSP_CMD_PARTITION_GET,
		.doit		= netvsp_nl_partition_get_doit,
		.policy		= netvsp_partition_get_nl_policy,
		.maxattr	= NETVSP_A_PARTITION_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= NETVSP_CMD_PARTITION_GET,
		.dumpit	= netvsp_nl_partition_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
};

static const struct genl_multicast_group netvsp_nl_mcgrps[] = {
	[NETVSP_NLGRP_MONITOR] = { "monitor", },
};

struct genl_family netvsp_nl_family __ro_after_init = {
	.name		= NETVSP_FAMILY_NAME,
	.version	= NETVSP_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= netvsp_nl_ops,
	.n_split_ops	= ARRAY_SIZE(netvsp_nl_ops),
	.mcgrps		= netvsp_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(netvsp_nl_mcgrps),
};
