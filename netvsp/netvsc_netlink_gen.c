// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/netvsc.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netvsc_netlink_gen.h"

#include <uapi/linux/hvnet_netvsc.h>
#include <hvnet/compat.h>

/* Ops table for netvsc */
static const struct genl_split_ops netvsc_nl_ops[] = {
	{
		.cmd	= NETVSC_CMD_INFO_GET,
		.doit	= netvsc_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
};

struct genl_family netvsc_nl_family __ro_after_init = {
	.name		= NETVSC_FAMILY_NAME,
	.version	= NETVSC_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= netvsc_nl_ops,
	.n_split_ops	= ARRAY_SIZE(netvsc_nl_ops),
};
